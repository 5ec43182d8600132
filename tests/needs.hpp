// tests/needs.hpp - test cases that need something a machine may lack (the course files, numpy, h5py, Pillow,
// HDF5's test files).
//
// Such a test case says so in its declaration, with doctest's own skip mechanism:
//
//     TEST_CASE("app: L_layer_model ..." * needs::course_data()) { ... }
//     TEST_CASE("h5: integers ..." * needs::h5py()) { ... }
//
// Where the need is met the test runs as any other. Where it is not, doctest skips it and counts it as skipped
// (never as passed), and tests/main.cpp lists every skipped case with its reason at the end of the run. Under CI
// (CI=true) a skipped case fails the run: CI installs everything these tests need.
//
// What is checked here is only whether the thing exists. When it exists and then fails (a DNN_DATA folder
// without the files, an h5py script that raises), the test fails: a broken tool is never taken for a missing one.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <string>

namespace needs {

// The names of the test cases that a need skipped, and why (read by tests/main.cpp).
struct Skipped {
    std::string name, reason;
    bool operator<(const Skipped& o) const { return name < o.name; }
};
inline std::set<Skipped>& skipped_cases() {
    static std::set<Skipped> cases;
    return cases;
}

// A doctest decorator: `reason` is empty when the need is met, else it says what is missing and how to get it.
struct Need {
    std::string reason;
    void fill(doctest::detail::TestCase& tc) const {
        if (reason.empty()) return;
        tc.m_skip = true;
        skipped_cases().insert({tc.m_name, reason});
    }
    void fill(doctest::detail::TestSuite&) const {}  // needs are per test case
};

// True when /usr/bin/python3 imports every module named (space-separated), asked once per set of modules.
bool python_has(const std::string& modules);

// The course's train_catvnoncat.h5 / test_catvnoncat.h5: in $DNN_DATA, datasets/ or ../shared/datasets/.
// A DNN_DATA that is set counts as given: the test runs and fails if the folder lacks the files.
Need course_data();
Need python();  // /usr/bin/python3 itself (its standard library: zlib, xml)
Need numpy();
Need h5py();    // with numpy
// h5py, and the HDF5 C library it uses callable through ctypes (tests/h5_fixtures.py --check-c-api): the
// shared-message fixtures need calls h5py does not wrap.
Need hdf5_c_api();
Need pillow();  // with numpy
// HDF5's own test files (426 .h5 files with a README) in ../shared/hdf5-testfiles/, beside the repository.
Need hdf5_testfiles();

// The course's own picture for the Application notebook's "Test with your own image" cell, found as
// ../shared/images/my_image.jpg from the repository root (course material: never copied into the project).
constexpr const char* kCourseImage = "../shared/images/my_image.jpg";
Need course_image();
Need jpeg_tools();  // libjpeg-turbo's cjpeg and jpegtran

}  // namespace needs
