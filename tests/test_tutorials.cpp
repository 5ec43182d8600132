// tests/test_tutorials.cpp - every tutorial runs (with --quick) and all its verdicts are "same". The tutorials on
// the cat pictures (the Application's, and week 2's data and model) need the course files, so they have a test case
// of their own that is skipped without them; CI also runs every tutorial in full (make tutorials).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

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

void check_all_same(const std::string& path, const std::string& env = "") {
    const std::string out = run(env + path + " --quick");
    INFO(path << " printed:\n" << out);
    CHECK(out.find("Tutorial verdict: ") != std::string::npos);
    CHECK(out.find("(all same") != std::string::npos);
    CHECK(out.find("DIFFERENT") == std::string::npos);
    CHECK(out.find("SKIPPED") == std::string::npos);
    CHECK(out.find("[exit status") == std::string::npos);
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

TEST_CASE("tutorials: the cat pictures' tutorials' verdicts are all \"same\"" * needs::course_data()) {
    for (const char* t : kNeedCourseData)
        check_all_same(tutorials_dir() + "/" + t, "DNN_DATA='" + course_data::dir() + "' ");
}
