// tests/test_programs.cpp - make week2 and make week3: their printed lines against the notebooks' tables.
//
// CI runs both programs and compares the lines it greps from their output with tests/expected/make_week2.txt and
// make_week3.txt (the lines that depend on the order of summation, marked on their line, left out); here those
// files are checked against course/expected_*.hpp, make week3 is run whole (a few seconds), and make week2's
// answer without the course files is checked (its training runs are test_logistic_regression.cpp's).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "course/expected_logistic_regression.hpp"
#include "course/expected_planar_classification.hpp"
#include "tests/full_training.hpp"
#include "tests/temp_files.hpp"

namespace fs = std::filesystem;

// kFullTraining: tests/full_training.hpp (a ThreadSanitizer build trains shortened runs).

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The programs are built next to the test binary's build folder; `make test` says where.
std::string bin_dir() {
    const char* build = std::getenv("DNN_BUILD_DIR");
    return std::string(build ? build : "build") + "/bin";
}

// Runs a command, returns what it printed (stdout and stderr) and its exit status.
std::string run(const std::string& command, int& status) {
    std::string out;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    REQUIRE_MESSAGE(p, "cannot run " << command);
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    status = pclose(p);
    return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// make_week2.txt's lines, from the table: the shapes, the 20 costs, the accuracies, the learning-rate comparison.
std::string week2_lines() {
    namespace ex = dnn::notebook::expected::logistic_regression;
    std::string s;
    for (const char* line : ex::shape_lines) s += std::string(line) + "\n";
    for (std::size_t k = 0; k < std::size(ex::costs); ++k)
        s += "Cost after iteration " + std::to_string(100 * k) + ": " + ex::costs[k] + "\n";
    s += std::string("train accuracy: ") + ex::train_accuracy + " %\ntest accuracy: " + ex::test_accuracy + " %\n";
    for (const auto& run : ex::learning_rates)
        s += std::string("learning rate is: ") + run.learning_rate + "\ntrain accuracy: " + run.train_accuracy +
             " %\ntest accuracy: " + run.test_accuracy + " %\n" + ex::separator + "\n";
    return s;
}

// make_week3.txt's lines, from the table: those insensitive to the order of summation (2021 seeding).
std::string week3_lines() {
    namespace ex = dnn::notebook::expected::planar_classification;
    std::string s;
    for (const char* line : ex::dataset_lines) s += std::string(line) + "\n";
    s += std::string(ex::logistic_regression_line) + "\n";
    for (int k = 0; k < ex::flower_costs_exact; ++k)
        s += "Cost after iteration " + std::to_string(1000 * k) + ": " + ex::flower_costs[k].printed + "\n";
    s += std::string(ex::flower_accuracy) + "\n";
    for (int k = 0; k < ex::sweep_exact; ++k)
        s += "Accuracy for " + std::to_string(ex::sweep[k].n_h) + " hidden units: " + ex::sweep[k].printed + " %\n";
    return s;
}

}  // namespace

TEST_CASE("programs: tests/expected/make_week2.txt and make_week3.txt are the notebooks' tables") {
    REQUIRE_MESSAGE(fs::is_regular_file("tests/expected/make_week2.txt"), "run the tests from the repository root");
    CHECK(read_text("tests/expected/make_week2.txt") == week2_lines());
    CHECK(read_text("tests/expected/make_week3.txt") == week3_lines());
}

TEST_CASE("programs: make week3 prints the notebook's lines, and the summation-order ones beside the notebooks'") {
    namespace ex = dnn::notebook::expected::planar_classification;
    const fs::path out = temp_files::dir("week3");
    int status = 0;
    const std::string quick = kFullTraining ? "" : " --quick";
    const std::string text = run(bin_dir() + "/week3" + quick + " --out '" + out.string() + "'", status);
    INFO("make week3 printed:\n" << text);
    REQUIRE(status == 0);
    // Every line CI compares, in order: the insensitive lines are the table's.
    std::string compared;
    int noted = 0;
    for (const std::string& line : split_lines(text)) {
        const bool notebook_line = starts_with(line, "The shape of") || starts_with(line, "I have m") ||
                                   starts_with(line, "Accuracy") || starts_with(line, "Cost after iteration");
        if (!notebook_line) continue;
        const std::size_t note = line.find("   [depends on the order of summation; the notebooks printed ");
        if (note == std::string::npos) {
            compared += line + "\n";
            continue;
        }
        ++noted;
        // The note gives the spread the table has for that line.
        const std::string head = line.substr(0, line.find(':') + 1);
        std::string spread;
        for (int k = ex::flower_costs_exact; k < 10; ++k)
            if (head == "Cost after iteration " + std::to_string(1000 * k) + ":") spread = ex::flower_costs[k].spread;
        for (const auto& s : ex::sweep)
            if (head == "Accuracy for " + std::to_string(s.n_h) + " hidden units:") spread = s.spread;
        CHECK_MESSAGE(!spread.empty(), line);
        CHECK(line.substr(note) == "   [depends on the order of summation; the notebooks printed " + spread + "]");
    }
    if (kFullTraining) {
        CHECK(compared == week3_lines());
        CHECK(noted == 5);  // the costs at 7000, 8000, 9000 and the accuracies of 20 and 50 units
    } else {  // --quick: the lines up to 2000 iterations and sizes 1 and 2
        const std::string full = week3_lines();
        for (const std::string& line : split_lines(compared))
            CHECK_MESSAGE(full.find(line + "\n") != std::string::npos, line);
        CHECK(split_lines(compared).size() == 4 + 3 + 2);
    }
    for (const char* name : {"week3_logistic_regression.png", "week3_logistic_regression.svg",
                             "week3_decision_boundary.png", "week3_decision_boundary.svg",
                             "week3_hidden_layer_sizes.png"})
        CHECK_MESSAGE(fs::file_size(out / name) > 1000, name);
    // --seeding v6c: the older notebooks' tables (their first eight cost lines are insensitive)
    const std::string v6c = run(bin_dir() + "/week3" + quick + " --seeding v6c --out '" + out.string() + "'", status);
    CHECK(status == 0);
    for (int k = 0; k < (kFullTraining ? ex::v6c::flower_costs_exact : 3); ++k)
        CHECK(v6c.find("Cost after iteration " + std::to_string(1000 * k) + ": " + ex::v6c::flower_costs[k].printed +
                       "\n") != std::string::npos);
    CHECK(v6c.find("Accuracy for 2 hidden units: 67.25 %") != std::string::npos);
    fs::remove_all(out);
}

TEST_CASE("programs: make week2 without the course files says so, and bad options are errors") {
    const fs::path empty = temp_files::dir("week2");
    const std::string week2 = fs::absolute(bin_dir() + "/week2").string();
    int status = 0;
    const std::string text = run("cd '" + empty.string() + "' && env -u DNN_DATA '" + week2 + "'", status);
    CHECK(status == 0);
    CHECK(text.find("The course files train_catvnoncat.h5 / test_catvnoncat.h5 are not in datasets/") !=
          std::string::npos);
    const std::string bad = run("'" + week2 + "' --iterations 5", status);
    CHECK(status != 0);
    CHECK(bad.find("week2: unknown option --iterations") != std::string::npos);
    const std::string bad3 = run(bin_dir() + "/week3 --seeding 2020", status);
    CHECK(status != 0);
    CHECK(bad3.find("week3: unknown option --seeding 2020") != std::string::npos);
    fs::remove_all(empty);
}
