// course/test_cases_logistic_regression.hpp - the inputs of "Logistic Regression with a Neural Network mindset"
// (W2A2), version by version: the notebook writes them out in its cells (and, in 2021, in public_tests.py);
// only model_test draws random numbers (seed 0).
#pragma once

#include "matrix/matrix.hpp"

namespace dnn::test_cases::logistic_regression {

// The notebook's cells: the 2017 notebook, v4 / v5 / v6a (identical inputs), the 2021 one (v1.1, v1.2).
enum class Version { v2017, v6a, v2021 };

// propagate's (and optimize's) inputs: w (n_x, 1), b, X (n_x, m), Y (1, m).
struct PropagateCase {
    Matrix w;
    double b;
    Matrix X, Y;
};

// The notebook cell's case. 2017: w [[1], [2]], b 2, X [[1, 2], [3, 4]], Y [[1, 0]]; v6a: w [[1.], [2.]],
// b 2., X [[1., 2., -1.], [3., 4., -3.2]], Y [[1, 0, 1]]; 2021: w [[1.], [2]], b 1.5,
// X [[1., -2., -1.], [3., 0.5, -3.2]], Y [[1, 1, 0]].
PropagateCase propagate_case(Version version = Version::v2021);
// public_tests.propagate_test (2021): w [[1.], [2.], [-1]], b 2.5, X (3, 4), Y [[1, 1, 0, 0]].
PropagateCase propagate_test();
// public_tests.optimize_test (2021): v6a's case, with num_iterations = 101 and learning_rate = 0.1.
PropagateCase optimize_test();

// predict's inputs: w, b, X. v6a and 2021 cell: w [[0.1124579], [0.23106775]], b -0.3,
// X [[1., -1.1, -3.2], [1.2, 2., 0.1]]. (2017 predicts with optimize's result on its propagate case.)
struct PredictCase {
    Matrix w;
    double b;
    Matrix X;
};
PredictCase predict_case();
// public_tests.predict_test (2021): w [[0.3], [0.5], [-0.2]], b -0.33333, X (3, 3); expects [[1., 0., 1.]].
PredictCase predict_test();

// public_tests.model_test (2021): seed 0; Y [[1, 0, 0, 1, 0, 0, 1]]; X = randn(4, 7); x_test = randn(4, 3)
// (the next draws); y_test [[0, 1, 0]]; called with num_iterations = 50, learning_rate = 0.01.
struct ModelCase {
    Matrix X, Y, x_test, y_test;
};
ModelCase model_test();

}  // namespace dnn::test_cases::logistic_regression
