// tests/course_data.hpp - where the tests find the course's cat files: $DNN_DATA, datasets/, ../shared/datasets.
#pragma once

#include <string>

#include "app/application.hpp"

namespace course_data {

// The folder holding train_catvnoncat.h5 and test_catvnoncat.h5, or "" when none does.
inline std::string dir() { return dnn::app::find_course_data({"datasets", "../shared/datasets"}); }

}  // namespace course_data

// Ends the current test case with a "SKIPPED" message naming it when the course files are absent.
#define REQUIRE_COURSE_DATA(name)                                                                              \
    const std::string data_dir = course_data::dir();                                                           \
    if (data_dir.empty()) {                                                                                    \
        MESSAGE("SKIPPED: " name ": course files not found (set DNN_DATA to the folder holding them)");       \
        return;                                                                                                \
    }
