// tests/h5_fixture_path.hpp - where the HDF5 tests find their files: the course files ($DNN_DATA, datasets/,
// ../shared/datasets/) and the fixtures that tests/h5_fixtures.py writes with h5py.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

#include "tests/course_data.hpp"

namespace h5_test {

// The folder holding train_catvnoncat.h5 and test_catvnoncat.h5, or "" when none does.
inline std::string course_dir() { return course_data::dir(); }

// Runs `/usr/bin/python3 tests/h5_fixtures.py build/h5_fixtures/run_<pid>` once per test run and returns
// that folder, or "" when /usr/bin/python3 with h5py is unavailable (or the script fails). The folder is
// removed when the test binary exits. One folder per process, so parallel runs (gcc, clang, sanitizers)
// never read each other's half-written files.
inline const std::string& fixtures_dir() {
    struct Fixtures {
        std::string dir;
        Fixtures() {
            namespace fs = std::filesystem;
            std::error_code ec;
            if (!fs::exists("/usr/bin/python3", ec) || !fs::exists("tests/h5_fixtures.py", ec)) return;
            if (std::system("/usr/bin/python3 -c 'import h5py, numpy' >/dev/null 2>&1") != 0) return;
            const std::string out = "build/h5_fixtures/run_" + std::to_string(::getpid());
            fs::create_directories(out, ec);
            const std::string cmd = "/usr/bin/python3 tests/h5_fixtures.py " + out + " >/dev/null";
            if (!ec && std::system(cmd.c_str()) == 0) dir = out;
        }
        ~Fixtures() {
            if (dir.empty()) return;
            std::error_code ec;
            std::filesystem::remove_all(dir, ec);
        }
    };
    static const Fixtures fixtures;
    return fixtures.dir;
}

}  // namespace h5_test

// Ends the current test case with a "SKIPPED" message naming it when h5py fixtures are unavailable.
#define REQUIRE_H5_FIXTURES(name)                                                                              \
    const std::string fixtures = h5_test::fixtures_dir();                                                      \
    if (fixtures.empty()) {                                                                                    \
        MESSAGE("SKIPPED: " name ": no h5py fixtures (needs /usr/bin/python3 with h5py, run from the repo root)"); \
        return;                                                                                                \
    }
