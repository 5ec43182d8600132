// course/test_cases_planar_classification.cpp - W3A1's testCases_v2.py (and 2017's testCases.py), rebuilt.
#include "course/test_cases_planar_classification.hpp"

#include "matrix/np.hpp"

namespace dnn::test_cases::planar_classification {

Matrix W1_tc() {
    return Matrix{{-0.00416758, -0.00056267}, {-0.02136196, 0.01640271}, {-0.01793436, -0.00841747},
                  {0.00502881, -0.01245288}};
}

Matrix W2_tc() { return Matrix{{-0.01057952, -0.00909008, 0.00551454, 0.02292208}}; }

namespace {

Parameters tc_parameters_zero_b() {
    return {{"W1", W1_tc()}, {"W2", W2_tc()}, {"b1", np::zeros(4, 1)}, {"b2", np::zeros(1, 1)}};
}

// Y = randn(1, n), compared with 0 in every version after 2017.
Matrix labels(std::size_t n, Version version) {
    Matrix Y = np::random::randn(1, n);
    return version == Version::v2017 ? Y : Y > 0;
}

}  // namespace

XY layer_sizes_test_case() {
    np::random::seed(1);
    Matrix X_assess = np::random::randn(5, 3);
    Matrix Y_assess = np::random::randn(2, 3);
    return {X_assess, Y_assess};
}

XY layer_sizes_test() {
    layer_sizes_test_case();  // the test calls it first, then draws on
    Matrix X = np::random::randn(7, 5);
    Matrix Y = np::random::randn(5, 5);
    return {X, Y};
}

planar::LayerSizes initialize_parameters_test_case() { return {2, 4, 1}; }

ForwardCase forward_propagation_test_case(Version version) {
    np::random::seed(1);
    Matrix X_assess = np::random::randn(2, 3);
    if (version == Version::v2017) return {X_assess, tc_parameters_zero_b()};
    Matrix b1 = np::random::randn(4, 1);
    Matrix b2 = Matrix{{-1.3}};
    Parameters parameters = {{"W1", W1_tc()}, {"W2", W2_tc()}, {"b1", b1}, {"b2", b2}};
    return {X_assess, parameters};
}

CostCase compute_cost_test_case(Version version) {
    np::random::seed(1);
    Matrix Y_assess = labels(3, version);
    Matrix a2 = Matrix{{0.5002307, 0.49985831, 0.50023963}};
    return {a2, Y_assess, version == Version::v2021 ? Parameters{} : tc_parameters_zero_b()};
}

CostCase compute_cost_test(int which) {
    if (which == 1) {
        np::random::seed(1);
        Matrix Y_assess = np::random::randn(1, 5) > 0;
        Matrix A2 = Matrix{{0.5002307, 0.49985831, 0.50023963, 0.25, 0.7}};
        return {A2, Y_assess, {}};
    }
    return {Matrix{{0.7, 0.3, 0.8, 0.9, 0.9}}, Matrix{{1, 0, 1, 1, 1}}, {}};
}

BackwardCase backward_propagation_test_case(Version version) {
    np::random::seed(1);
    Matrix X_assess = np::random::randn(2, 3);
    Matrix Y_assess = labels(3, version);
    Parameters parameters = tc_parameters_zero_b();
    planar::Cache cache = {
        {"A1", Matrix{{-0.00616578, 0.0020626, 0.00349619},
                      {-0.05225116, 0.02725659, -0.02646251},
                      {-0.02009721, 0.0036869, 0.02883756},
                      {0.02152675, -0.01385234, 0.02599885}}},
        {"A2", Matrix{{0.5002307, 0.49985831, 0.50023963}}},
        {"Z1", Matrix{{-0.00616586, 0.0020626, 0.0034962},
                      {-0.05229879, 0.02726335, -0.02646869},
                      {-0.02009991, 0.00368692, 0.02884556},
                      {0.02153007, -0.01385322, 0.02600471}}},
        {"Z2", Matrix{{0.00092281, -0.00056678, 0.00095853}}}};
    return {parameters, cache, X_assess, Y_assess};
}

BackwardCase backward_propagation_test() {
    np::random::seed(1);
    Matrix X = np::random::randn(3, 7);
    Matrix Y = np::random::randn(1, 7) > 0;
    Matrix W1 = np::random::randn(9, 3);
    Matrix W2 = np::random::randn(1, 9);
    Parameters parameters = {{"W1", W1}, {"b1", np::zeros(9, 1)}, {"W2", W2}, {"b2", np::zeros(1, 1)}};
    Matrix A1 = np::random::randn(9, 7);
    Matrix A2 = np::random::randn(1, 7);
    Matrix Z1 = np::random::randn(9, 7);
    Matrix Z2 = np::random::randn(1, 7);
    planar::Cache cache = {{"A1", A1}, {"A2", A2}, {"Z1", Z1}, {"Z2", Z2}};
    return {parameters, cache, X, Y};
}

namespace {

Parameters updated_parameters() {
    return {{"W1", Matrix{{-0.00615039, 0.0169021},
                          {-0.02311792, 0.03137121},
                          {-0.0169217, -0.01752545},
                          {0.00935436, -0.05018221}}},
            {"W2", Matrix{{-0.0104319, -0.04019007, 0.01607211, 0.04440255}}},
            {"b1", Matrix{{-8.97523455e-07}, {8.15562092e-06}, {6.04810633e-07}, {-2.54560700e-06}}},
            {"b2", Matrix{{9.14954378e-05}}}};
}

}  // namespace

UpdateCase update_parameters_test_case() {
    Grads grads = {{"dW1", Matrix{{0.00023322, -0.00205423},
                                  {0.00082222, -0.00700776},
                                  {-0.00031831, 0.0028636},
                                  {-0.00092857, 0.00809933}}},
                   {"dW2", Matrix{{-1.75740039e-05, 3.70231337e-03, -1.25683095e-03, -2.55715317e-03}}},
                   {"db1", Matrix{{1.05570087e-07}, {-3.81814487e-06}, {-1.90155145e-07}, {5.46467802e-07}}},
                   {"db2", Matrix{{-1.08923140e-05}}}};
    return {updated_parameters(), grads};
}

XY nn_model_test_case(Version version) {
    np::random::seed(1);
    const std::size_t m = version == Version::v2021 ? 4 : 3;
    Matrix X_assess = np::random::randn(2, m);
    Matrix Y_assess = labels(m, version);
    return {X_assess, Y_assess};
}

PredictCase predict_test_case() {
    np::random::seed(1);
    Matrix X_assess = np::random::randn(2, 3);
    return {updated_parameters(), X_assess};
}

}  // namespace dnn::test_cases::planar_classification
