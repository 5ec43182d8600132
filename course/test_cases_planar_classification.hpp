// course/test_cases_planar_classification.hpp - testCases_v2.py of "Planar data classification with one hidden
// layer" (W3A1), rebuilt with the numpy-identical generator in the same draw order, for each version: the 2017
// notebook's testCases.py (real-valued labels), v6c's testCases_v2.py and the 2021 one (with public_tests.py).
#pragma once

#include "matrix/matrix.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::test_cases::planar_classification {

enum class Version { v2017, v6c, v2021 };

// The literal arrays several cases share: W1 and W2 (the seed-2 initialisation rounded to 8 decimals), and the
// updated parameters and their grads of update_parameters_test_case / predict_test_case.
Matrix W1_tc();  // (4, 2)
Matrix W2_tc();  // (1, 4)

// seed 1: X = randn(5, 3), Y = randn(2, 3)
struct XY { Matrix X, Y; };
XY layer_sizes_test_case();
// public_tests.layer_sizes_test (2021): after layer_sizes_test_case's draws, X = randn(7, 5), Y = randn(5, 5)
XY layer_sizes_test();

// (n_x, n_h, n_y) = (2, 4, 1)
planar::LayerSizes initialize_parameters_test_case();

// seed 1: X = randn(2, 3); then (v6c, 2021) b1 = randn(4, 1), b2 = [[-1.3]]; (2017) b1 = 0, b2 = 0.
struct ForwardCase { Matrix X; Parameters parameters; };
ForwardCase forward_propagation_test_case(Version version = Version::v2021);

// seed 1: Y = randn(1, 3), > 0 except in 2017 (real values); a2 = [[0.5002307, 0.49985831, 0.50023963]].
// v6c and 2017 also return parameters (W1_tc, b1 = 0, W2_tc, b2 = 0), compute_cost's unused argument.
struct CostCase { Matrix A2, Y; Parameters parameters; };
CostCase compute_cost_test_case(Version version = Version::v2021);
// public_tests.compute_cost_test (2021): (1) seed 1, Y = randn(1, 5) > 0, A2 (1, 5) literal -> 0.5447066599017815;
// (2) A = [[0.7, 0.3, 0.8, 0.9, 0.9]], Y = [[1, 0, 1, 1, 1]] -> 0.22944289410146546.
CostCase compute_cost_test(int which);

// seed 1: X = randn(2, 3); Y = randn(1, 3) (> 0 except in 2017); parameters W1_tc, b1 = 0, W2_tc, b2 = 0; cache
// A1, A2, Z1, Z2 as literal arrays.
struct BackwardCase { Parameters parameters; planar::Cache cache; Matrix X, Y; };
BackwardCase backward_propagation_test_case(Version version = Version::v2021);
// public_tests.backward_propagation_test (2021): seed 1, then X = randn(3, 7), Y = randn(1, 7) > 0,
// W1 = randn(9, 3), W2 = randn(1, 9), b1 = 0 (9, 1), b2 = [[0.]], A1 = randn(9, 7), A2 = randn(1, 7),
// Z1 = randn(9, 7), Z2 = randn(1, 7).
BackwardCase backward_propagation_test();

// No random draws: the parameters W1, b1, W2, b2 and grads dW1, db1, dW2, db2 as literal arrays.
struct UpdateCase { Parameters parameters; Grads grads; };
UpdateCase update_parameters_test_case();

// seed 1: X = randn(2, 3) (2021: randn(2, 4)), Y = randn(1, 3) (2021: (1, 4)), > 0 except in 2017.
XY nn_model_test_case(Version version = Version::v2021);

// seed 1: X = randn(2, 3); parameters: update_parameters_test_case's (the updated ones).
struct PredictCase { Parameters parameters; Matrix X; };
PredictCase predict_test_case();

}  // namespace dnn::test_cases::planar_classification
