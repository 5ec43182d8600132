// course/test_cases_logistic_regression.cpp - W2A2's inputs, version by version.
#include "course/test_cases_logistic_regression.hpp"

#include "matrix/np.hpp"

namespace dnn::test_cases::logistic_regression {

PropagateCase propagate_case(Version version) {
    switch (version) {
        case Version::v2017: return {Matrix{{1}, {2}}, 2, Matrix{{1, 2}, {3, 4}}, Matrix{{1, 0}}};
        case Version::v6a: return {Matrix{{1.}, {2.}}, 2., Matrix{{1., 2., -1.}, {3., 4., -3.2}}, Matrix{{1, 0, 1}}};
        case Version::v2021: break;
    }
    return {Matrix{{1.}, {2}}, 1.5, Matrix{{1., -2., -1.}, {3., 0.5, -3.2}}, Matrix{{1, 1, 0}}};
}

PropagateCase propagate_test() {
    Matrix w{{1.}, {2.}, {-1}};
    double b = 2.5;
    Matrix X{{1., 2., -1., 0}, {3., 4., -3.2, 1}, {3., 4., -3.2, -3.5}};
    Matrix Y{{1, 1, 0, 0}};
    return {w, b, X, Y};
}

PropagateCase optimize_test() { return propagate_case(Version::v6a); }

PredictCase predict_case() {
    return {Matrix{{0.1124579}, {0.23106775}}, -0.3, Matrix{{1., -1.1, -3.2}, {1.2, 2., 0.1}}};
}

PredictCase predict_test() {
    Matrix w{{0.3}, {0.5}, {-0.2}};
    double b = -0.33333;
    Matrix X{{1., -0.3, 1.5}, {2, 0, 1}, {0, -1.5, 2}};
    return {w, b, X};
}

ModelCase model_test() {
    np::random::seed(0);
    Matrix Y{{1, 0, 0, 1, 0, 0, 1}};
    Matrix X = np::random::randn(4, 7);
    // (b = 1.5 is defined here in the test, and unused)
    Matrix x_test = np::random::randn(4, 3);
    Matrix y_test{{0, 1, 0}};
    return {X, Y, x_test, y_test};
}

}  // namespace dnn::test_cases::logistic_regression
