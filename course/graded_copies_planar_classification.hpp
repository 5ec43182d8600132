// course/graded_copies_planar_classification.hpp - the two versions of each graded function of "Planar data
// classification with one hidden layer" (W3A1, nn/planar_classification/, dnn::planar) that `make grade` compiles
// from the student's files and course/grade.cpp calls. As course/graded_copies.hpp for week 4: yours_<name> calls
// the student's other graded functions, alone_<name> the notebook's own (the library's). Both have the signature
// and the default arguments of <name> in nn/planar_classification/planar_classification.hpp (the signatures are
// checked below): nn_model calls update_parameters(parameters, grads) with its default learning rate.
// compute_cost(A2, Y, parameters), ungraded (v6c's), shares the name: the copies hold it too.
// KO: course/graded_copies.hpp(4주차)와 같습니다. 시그니처와 기본 인자는 planar_classification.hpp와 같습니다.
//
// Only this notebook's header is included: a copy in dnn::planar must not see week 4's dnn::compute_cost or
// dnn::sigmoid, which argument-dependent lookup (a dnn::Matrix argument) would add to a call of compute_cost or
// sigmoid, making it ambiguous.
#pragma once

#include "course/graded_copies_check.hpp"
#include "matrix/matrix.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/types.hpp"

namespace dnn::planar {

LayerSizes yours_layer_sizes(const Matrix& X, const Matrix& Y);
Parameters yours_initialize_parameters(int n_x, int n_h, int n_y, Seeding seeding = Seeding::v2021);
ForwardResult yours_forward_propagation(const Matrix& X, const Parameters& parameters);
double yours_compute_cost(const Matrix& A2, const Matrix& Y);
double yours_compute_cost(const Matrix& A2, const Matrix& Y, const Parameters& parameters);
Grads yours_backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X, const Matrix& Y);
Parameters yours_update_parameters(Parameters parameters, const Grads& grads, double learning_rate = 1.2);
Parameters yours_nn_model(const Matrix& X, const Matrix& Y, int n_h, int num_iterations = 10000,
                          bool print_cost = false, Seeding seeding = Seeding::v2021);
Matrix yours_predict(const Parameters& parameters, const Matrix& X);

LayerSizes alone_layer_sizes(const Matrix& X, const Matrix& Y);
Parameters alone_initialize_parameters(int n_x, int n_h, int n_y, Seeding seeding = Seeding::v2021);
ForwardResult alone_forward_propagation(const Matrix& X, const Parameters& parameters);
double alone_compute_cost(const Matrix& A2, const Matrix& Y);
double alone_compute_cost(const Matrix& A2, const Matrix& Y, const Parameters& parameters);
Grads alone_backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X, const Matrix& Y);
Parameters alone_update_parameters(Parameters parameters, const Grads& grads, double learning_rate = 1.2);
Parameters alone_nn_model(const Matrix& X, const Matrix& Y, int n_h, int num_iterations = 10000,
                          bool print_cost = false, Seeding seeding = Seeding::v2021);
Matrix alone_predict(const Parameters& parameters, const Matrix& X);

// The same signatures as the notebook's functions.
static_assert(grading::same_signature<LayerSizes(const Matrix&, const Matrix&)>(&layer_sizes, &yours_layer_sizes,
                                                                                &alone_layer_sizes));
static_assert(grading::same_signature<Parameters(int, int, int, Seeding)>(
    &initialize_parameters, &yours_initialize_parameters, &alone_initialize_parameters));
static_assert(grading::same_signature<ForwardResult(const Matrix&, const Parameters&)>(
    &forward_propagation, &yours_forward_propagation, &alone_forward_propagation));
static_assert(grading::same_signature<double(const Matrix&, const Matrix&)>(&compute_cost, &yours_compute_cost,
                                                                            &alone_compute_cost));
static_assert(grading::same_signature<double(const Matrix&, const Matrix&, const Parameters&)>(
    &compute_cost, &yours_compute_cost, &alone_compute_cost));
static_assert(grading::same_signature<Grads(const Parameters&, const Cache&, const Matrix&, const Matrix&)>(
    &backward_propagation, &yours_backward_propagation, &alone_backward_propagation));
static_assert(grading::same_signature<Parameters(Parameters, const Grads&, double)>(
    &update_parameters, &yours_update_parameters, &alone_update_parameters));
static_assert(grading::same_signature<Parameters(const Matrix&, const Matrix&, int, int, bool, Seeding)>(
    &nn_model, &yours_nn_model, &alone_nn_model));
static_assert(grading::same_signature<Matrix(const Parameters&, const Matrix&)>(&predict, &yours_predict,
                                                                              &alone_predict));

}  // namespace dnn::planar
