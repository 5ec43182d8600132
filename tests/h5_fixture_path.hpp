// tests/h5_fixture_path.hpp - the HDF5 files that tests/h5_fixtures.py writes with h5py, for the reader's tests.
// A test case that reads them declares TEST_CASE("..." * needs::h5py()) (tests/needs.hpp), so it is skipped,
// and counted as skipped, where h5py is missing.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <system_error>

namespace h5_test {

// Runs `/usr/bin/python3 tests/h5_fixtures.py build/h5_fixtures/run_<pid>` once per test run and returns that
// folder, removed when the test binary exits. One folder per process, so parallel runs (gcc, clang, sanitizers)
// never read each other's half-written files. When the script fails (h5py is there, a test needs the files), it
// throws with the script's own output: the test fails, it is not taken for a missing h5py.
inline const std::string& fixtures_dir() {
    struct Fixtures {
        std::string dir, error;
        Fixtures() {
            namespace fs = std::filesystem;
            const std::string out = "build/h5_fixtures/run_" + std::to_string(::getpid());
            std::error_code ec;
            fs::create_directories(out, ec);
            if (ec) {
                error = "cannot create " + out + ": " + ec.message();
                return;
            }
            const std::string log = out + "/script.log";
            const std::string cmd = "/usr/bin/python3 tests/h5_fixtures.py " + out + " >" + log + " 2>&1";
            if (std::system(cmd.c_str()) == 0) {
                dir = out;
                return;
            }
            std::ostringstream text;
            text << std::ifstream(log).rdbuf();
            error = "tests/h5_fixtures.py failed (run from the repository root?):\n" + text.str();
        }
        ~Fixtures() {
            std::error_code ec;
            std::filesystem::remove_all("build/h5_fixtures/run_" + std::to_string(::getpid()), ec);
        }
    };
    static const Fixtures fixtures;
    if (fixtures.dir.empty()) throw std::runtime_error(fixtures.error);
    return fixtures.dir;
}

}  // namespace h5_test
