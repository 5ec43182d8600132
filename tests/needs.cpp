// tests/needs.cpp - whether this machine has what a test case needs (see tests/needs.hpp).
#include "tests/needs.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <system_error>
#include <string>

#include "tests/course_data.hpp"

namespace needs {

bool python_has(const std::string& modules) {
    static std::map<std::string, bool> known;
    const auto it = known.find(modules);
    if (it != known.end()) return it->second;
    std::string imports;
    for (std::size_t at = 0; at < modules.size();) {
        const std::size_t end = std::min(modules.find(' ', at), modules.size());
        if (end > at) imports += (imports.empty() ? "import " : ", ") + modules.substr(at, end - at);
        at = end + 1;
    }
    const std::string cmd = "/usr/bin/python3 -c '" + (imports.empty() ? std::string("pass") : imports) +
                            "' >/dev/null 2>&1";
    return known[modules] = std::system(cmd.c_str()) == 0;
}

namespace {

Need python_need(const std::string& modules, const std::string& debian_packages) {
    if (python_has(modules)) return {};
    return {"needs /usr/bin/python3" + (modules.empty() ? std::string() : " with " + modules) +
            " (Debian/Ubuntu: sudo apt-get install " + debian_packages + ")"};
}

}  // namespace

Need course_data() {
    const char* env = std::getenv("DNN_DATA");
    if (env && *env) return {};  // given: the test uses it, and fails with a clear error if the files are not there
    if (!course_data::dir().empty()) return {};
    return {"needs the course files train_catvnoncat.h5 and test_catvnoncat.h5 (put them in datasets/ or set "
            "DNN_DATA to their folder)"};
}

Need python() { return python_need("", "python3"); }
Need numpy() { return python_need("numpy", "python3-numpy"); }
Need h5py() { return python_need("numpy h5py", "python3-numpy python3-h5py"); }
Need pillow() { return python_need("numpy PIL", "python3-numpy python3-pil"); }

Need hdf5_c_api() {
    if (Need n = h5py(); !n.reason.empty()) return n;
    static const bool ok = std::system("/usr/bin/python3 tests/h5_fixtures.py --check-c-api >/dev/null 2>&1") == 0;
    if (ok) return {};
    return {"needs the HDF5 C library that h5py uses to be callable through ctypes (tests/h5_fixtures.py "
            "--check-c-api, run from the repository root, finds it in /proc/self/maps)"};
}

Need hdf5_testfiles() {
    std::error_code ec;
    if (std::filesystem::is_directory("../shared/hdf5-testfiles", ec)) return {};
    return {"needs HDF5's test files in ../shared/hdf5-testfiles/ (beside the repository, run from its root; the "
            "folder's README says what they are)"};
}

Need course_image() {
    std::error_code ec;
    if (std::filesystem::is_regular_file(kCourseImage, ec)) return {};
    return {std::string("needs the course's picture ") + kCourseImage + " (from the repository root)"};
}

Need jpeg_tools() {
    static const bool found =
        std::system("command -v cjpeg >/dev/null 2>&1 && command -v jpegtran >/dev/null 2>&1") == 0;
    if (found) return {};
    return {"needs cjpeg and jpegtran (Debian/Ubuntu: sudo apt-get install libjpeg-turbo-progs)"};
}

}  // namespace needs
