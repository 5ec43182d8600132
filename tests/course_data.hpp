// tests/course_data.hpp - where the tests find the course's cat files: $DNN_DATA, datasets/, ../shared/datasets.
// A test case that reads them declares it: TEST_CASE("..." * needs::course_data()) (tests/needs.hpp).
#pragma once

#include <string>

#include "app/application.hpp"

namespace course_data {

// The folder holding train_catvnoncat.h5 and test_catvnoncat.h5, or "" when none does. Throws when DNN_DATA is
// set to a folder without them (app::find_course_data), so such a run fails instead of skipping.
inline std::string dir() { return dnn::app::find_course_data({"datasets", "../shared/datasets"}); }

}  // namespace course_data
