// tests/test_tutorials.cpp - every tutorial runs (with --quick) and all its verdicts are "same". The tutorials on
// the cat pictures (the Application's, and week 2's data and model) need the course files, so they have a test case
// of their own that is skipped without them; CI also runs every tutorial in full (make tutorials).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/course_data.hpp"
#include "tests/needs.hpp"

namespace {

// The tutorials are built next to the test binary's build folder; `make test` says where.
std::string tutorials_dir() {
    const char* build = std::getenv("DNN_BUILD_DIR");
    return std::string(build ? build : "build") + "/tutorials";
}

std::string run(const std::string& command) {
    std::string out;
    FILE* p = popen((command + " 2>&1").c_str(), "r");
    if (!p) return out;
    char buf[4096];
    while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
    const int status = pclose(p);
    if (status != 0) out += "\n[exit status " + std::to_string(status) + "]";
    return out;
}

std::string check_all_same(const std::string& path, const std::string& env = "") {
    const std::string out = run(env + path + " --quick");
    INFO(path << " printed:\n" << out);
    CHECK(out.find("Tutorial verdict: ") != std::string::npos);
    CHECK(out.find("(all same") != std::string::npos);
    CHECK(out.find("DIFFERENT") == std::string::npos);
    CHECK(out.find("SKIPPED") == std::string::npos);
    CHECK(out.find("[exit status") == std::string::npos);
    return out;
}

const char* const kApplication = "08_application";
// The tutorials that read the course's cat pictures.
const char* const kNeedCourseData[] = {kApplication, "00_w2a2_1_data", "00_w2a2_3_model"};

bool needs_course_data(const std::string& name) {
    for (const char* t : kNeedCourseData)
        if (name == t) return true;
    return false;
}

}  // namespace

TEST_CASE("tutorials: every tutorial's verdicts are all \"same\"") {
    namespace fs = std::filesystem;
    const std::string dir = tutorials_dir();
    REQUIRE_MESSAGE(fs::is_directory(dir), "no tutorials were built in " << dir << " (run make test)");
    int count = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().has_extension()) continue;
        if (needs_course_data(entry.path().filename().string())) continue;  // the next test case
        ++count;
        check_all_same(entry.path().string());
    }
    CHECK(count >= 8);
}

TEST_CASE("tutorials: week 2's cat-picture tutorials' verdicts are all \"same\"" * needs::course_data()) {
    for (const char* t : kNeedCourseData)
        if (std::string(t) != kApplication)
            check_all_same(tutorials_dir() + "/" + t, "DNN_DATA='" + course_data::dir() + "' ");
}

TEST_CASE("tutorials: the Application tutorial's verdicts are all \"same\"; quick, it says it is a shortened run" *
          needs::course_data()) {
    const std::string out = check_all_same(tutorials_dir() + "/" + kApplication, "DNN_DATA='" + course_data::dir() + "' ");
    // --quick trains 201 iterations: it says so, and what the full run gives (the notebook's).
    CHECK(out.find("This is a shortened run (--quick, or make tutorials QUICK=1): 201 iterations") != std::string::npos);
    CHECK(out.find("These accuracies are the shortened run's, not the notebook's.") != std::string::npos);
    CHECK(out.find("Accuracy: 0.9856459330143539 on the training set and Accuracy: 0.8 on the test set") !=
          std::string::npos);
    CHECK(out.find("this shortened run gets wrong. The full run gets 10 wrong") != std::string::npos);
    // Each cost in the notebook's own format, "%f".
    CHECK(out.find("cost after iteration 100 = 0.672053\n  notebook: 0.672053\n") != std::string::npos);
}

const char* const kOwnImage = "10_own_image";

TEST_CASE("tutorials: 10 on the generated picture (--generated), whatever pictures are there") {
    const std::string out = check_all_same(tutorials_dir() + "/" + kOwnImage + " --generated");
    CHECK(out.find("The picture used here: out/tutorial/generated_picture.jpg.") != std::string::npos);
    CHECK(out.find("This is the generated picture: a 96 x 72 landscape") != std::string::npos);
    CHECK(out.find("96 x 72 pixels, JPEG, mode RGB") != std::string::npos);
    // Every step is shown, and quick, it says it does not train.
    for (const char* step : {"Step 1: Huffman decoding", "Step 2: dequantisation", "Step 3: the inverse DCT",
                             "Step 4: upsampling", "Step 5: colour", "Resizing to 64 x 64"})
        CHECK_MESSAGE(out.find(std::string("---- ") + step) != std::string::npos, step);
    CHECK(out.find("This is a shortened run (--quick): no training here.") != std::string::npos);
}

TEST_CASE("tutorials: 10 uses the course's my_image.jpg when it is there" * needs::course_image()) {
    const std::string out = check_all_same(tutorials_dir() + "/" + kOwnImage);
    CHECK(out.find(std::string("The picture used here: ") + needs::kCourseImage + ".") != std::string::npos);
    CHECK(out.find("This is the course's own picture, my_image.jpg") != std::string::npos);
    CHECK(out.find("1024 x 681 pixels, JPEG, mode RGB") != std::string::npos);
    CHECK(out.find("generated_picture") == std::string::npos);
}

namespace {

std::vector<std::string> read_lines(const std::string& path) {
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

bool has_hangul(const std::string& s) {
    // UTF-8 of U+AC00..U+D7A3 starts with 0xEA..0xED
    for (unsigned char c : s)
        if (c >= 0xEA && c <= 0xED) return true;
    return false;
}

// The notebook tutorials: 1 to 8, and 10 (the Application's last section, "Test with your own image"); 9, the
// GEMM, has its own rules.
std::vector<std::string> notebook_tutorials() {
    std::vector<std::string> out;
    for (int k : {1, 2, 3, 4, 5, 6, 7, 8, 10}) {
        const std::string prefix = (k < 10 ? "0" : "") + std::to_string(k) + "_";
        for (const auto& entry : std::filesystem::directory_iterator("tutorials")) {
            const std::string name = entry.path().filename().string();
            if (name.rfind(prefix, 0) == 0 && entry.path().extension() == ".cpp") out.push_back(entry.path().string());
        }
    }
    return out;
}

}  // namespace

TEST_CASE("tutorials: every statement of main() is shown by code() before it, or says why not") {
    // A statement starts at main's indentation (4 spaces). It is either the tutorial's own printing (title,
    // section, explain, check..., code, listing, finish), control flow, or shown: the line before is `code();`,
    // which prints it from this very source. A statement that is not the notebook's says so: "// not shown: ...".
    const std::vector<std::string> files = notebook_tutorials();
    REQUIRE(files.size() == 9);
    const char* const own[] = {"title(", "section(", "explain(", "check(", "check_that(", "check_printed(", "code(",
                               "listing(", "return ", "if ", "if (", "for (", "try ", "try{", "} ", "}", "else",
                               "std::cout << "};
    for (const std::string& file : files) {
        const std::vector<std::string> lines = read_lines(file);
        bool in_main = false;
        int shown = 0;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const std::string& line = lines[k];
            if (line.rfind("int main(", 0) == 0) { in_main = true; continue; }
            if (!in_main || line == "}") { in_main = in_main && line != "}"; continue; }
            if (line.size() < 5 || line.compare(0, 4, "    ") != 0 || line[4] == ' ' || line[4] == '/') continue;
            const std::string s = line.substr(4);
            bool tutorial_own = false;
            for (const char* p : own) tutorial_own = tutorial_own || s.rfind(p, 0) == 0;
            if (tutorial_own) continue;
            const bool after_code = k > 0 && lines[k - 1] == "    code();";
            const bool says_why = line.find("// not shown:") != std::string::npos;
            shown += after_code;
            CHECK_MESSAGE((after_code || says_why), file << ":" << k + 1 << " runs without being shown: " << line);
        }
        CHECK_MESSAGE(shown > 0, file << " shows no statement");
    }
}

TEST_CASE("tutorials: code() prints the statement that runs; headers name a function once; check_that is bilingual") {
    const std::string out = run(tutorials_dir() + "/05_linear_backward");
    INFO(out);
    // The line that makes dAL is shown before dAL is used.
    const auto made = out.find(
        "  >>> auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();  // seed 2");
    const auto used = out.find("  >>> auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, ");
    CHECK(made != std::string::npos);
    CHECK(used != std::string::npos);
    CHECK(made < used);
    CHECK(out.find("---- linear_backward ----") != std::string::npos);
    CHECK(out.find("linear_backward / linear_backward") == std::string::npos);
    // Integers print as integers.
    const std::string t3 = run(tutorials_dir() + "/03_L_model_forward");
    CHECK(t3.find("len(caches) = 3\n  notebook: 3\n") != std::string::npos);
    // Every check_that of tutorials 1 to 8 and 10 gives its text in Korean too.
    for (const std::string& file : notebook_tutorials()) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        const std::string src = text.str();
        for (std::size_t at = src.find("check_that("); at != std::string::npos; at = src.find("check_that(", at + 1)) {
            int depth = 0;
            std::size_t end = at + 10;
            for (; end < src.size(); ++end) {
                if (src[end] == '(') ++depth;
                else if (src[end] == ')' && --depth == 0) break;
            }
            CHECK_MESSAGE(has_hangul(src.substr(at, end - at)), file << ": a check_that in English only: "
                                                                       << src.substr(at, 80));
        }
    }
}
