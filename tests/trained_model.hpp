// tests/trained_model.hpp - the Application's L-layer model trained once per test run on the course files, shared
// by the test cases that need make demo's parameters (tests/test_app.cpp checks the training itself,
// tests/test_own_image.cpp the course picture's probability): the 2500 iterations take a good part of the run.
// A test case that calls L_layer() declares * needs::course_data().
#pragma once

#include <sstream>
#include <string>

#include "app/application.hpp"
#include "tests/course_data.hpp"
#include "tests/full_training.hpp"

namespace trained_model {

// make demo's 2500 iterations, or a shortened run under ThreadSanitizer (tests/full_training.hpp).
constexpr int kTrainIterations = ::kFullTraining ? 2500 : 201;
using ::kFullTraining;  // make demo's parameters exactly

struct Prepared {
    dnn::Matrix train_x, train_y, test_x, test_y;
};

// The notebook's preprocessing of the course files: flattened, / 255.
inline Prepared prepare(const std::string& dir) {
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = dnn::app::load_data(dir);
    dnn::Matrix train_x = dnn::app::reshape(train_x_orig, 209, -1).T() / 255.;
    dnn::Matrix test_x = dnn::app::reshape(test_x_orig, 50, -1).T() / 255.;
    return {train_x, train_y, test_x, test_y};
}

struct Trained {
    Prepared data;
    dnn::app::TrainResult result;  // L_layer_model(train_x, train_y, [12288, 20, 7, 5, 1], 0.0075, kTrainIterations)
    std::string printed;           // its "Cost after iteration ..." lines
};

// Trained on the first call (on course_data::dir()), then the same object.
inline const Trained& L_layer() {
    static const Trained trained = [] {
        Trained t;
        t.data = prepare(course_data::dir());
        std::ostringstream out;
        t.result = dnn::app::L_layer_model(t.data.train_x, t.data.train_y, {12288, 20, 7, 5, 1}, 0.0075,
                                           kTrainIterations, true, {&out, false});
        t.printed = out.str();
        return t;
    }();
    return trained;
}

}  // namespace trained_model
