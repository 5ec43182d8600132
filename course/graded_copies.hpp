// course/graded_copies.hpp - the two versions of each graded function that `make grade` compiles from the
// student's files (exgen::make_grading_copy in course/exercise_gen.hpp) and course/grade.cpp calls.
//
// EN: yours_<name>: the student's function calling the student's other graded functions (as the student's file
//     does). alone_<name>: the student's function calling the notebook's own (the library's) for every other
//     graded function, so it is graded on its own: a mistake in a helper cannot hide, or be hidden by, one here.
//     Both have the signature of <name> in nn/step_by_step.hpp (checked below).
// KO: yours_<이름>: 학생의 다른 채점 함수를 부르는 학생의 함수(학생 파일 그대로). alone_<이름>: 다른 채점
//     함수 대신 노트북 자체의 함수(라이브러리의 함수)를 부르는 학생의 함수. 그래서 그 함수 하나만 채점되고,
//     도우미 함수의 실수가 여기의 실수를 가리거나 여기의 실수에 가려지지 않습니다. 둘 다
//     nn/step_by_step.hpp의 <이름>과 시그니처가 같습니다(아래에서 확인).
#pragma once

#include <string>
#include <type_traits>
#include <vector>

#include "matrix/matrix.hpp"
#include "nn/step_by_step.hpp"
#include "nn/types.hpp"

namespace dnn {

Parameters yours_initialize_parameters(int n_x, int n_h, int n_y);
Parameters yours_initialize_parameters_deep(const std::vector<int>& layer_dims);
LinearForwardResult yours_linear_forward(const Matrix& A, const Matrix& W, const Matrix& b);
LinearActivationForwardResult yours_linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                              const std::string& activation);
LModelForwardResult yours_L_model_forward(const Matrix& X, const Parameters& parameters);
double yours_compute_cost(const Matrix& AL, const Matrix& Y);
LinearBackwardResult yours_linear_backward(const Matrix& dZ, const LinearCache& cache);
LinearBackwardResult yours_linear_activation_backward(const Matrix& dA, const LayerCache& cache,
                                                      const std::string& activation);
Grads yours_L_model_backward(const Matrix& AL, const Matrix& Y, const Caches& caches);
Parameters yours_update_parameters(Parameters parameters, const Grads& grads, double learning_rate);

Parameters alone_initialize_parameters(int n_x, int n_h, int n_y);
Parameters alone_initialize_parameters_deep(const std::vector<int>& layer_dims);
LinearForwardResult alone_linear_forward(const Matrix& A, const Matrix& W, const Matrix& b);
LinearActivationForwardResult alone_linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                              const std::string& activation);
LModelForwardResult alone_L_model_forward(const Matrix& X, const Parameters& parameters);
double alone_compute_cost(const Matrix& AL, const Matrix& Y);
LinearBackwardResult alone_linear_backward(const Matrix& dZ, const LinearCache& cache);
LinearBackwardResult alone_linear_activation_backward(const Matrix& dA, const LayerCache& cache,
                                                      const std::string& activation);
Grads alone_L_model_backward(const Matrix& AL, const Matrix& Y, const Caches& caches);
Parameters alone_update_parameters(Parameters parameters, const Grads& grads, double learning_rate);

// The same signatures as the notebook's functions.
static_assert(std::is_same_v<decltype(&yours_initialize_parameters), decltype(&initialize_parameters)>);
static_assert(std::is_same_v<decltype(&yours_initialize_parameters_deep), decltype(&initialize_parameters_deep)>);
static_assert(std::is_same_v<decltype(&yours_linear_forward), decltype(&linear_forward)>);
static_assert(std::is_same_v<decltype(&yours_linear_activation_forward), decltype(&linear_activation_forward)>);
static_assert(std::is_same_v<decltype(&yours_L_model_forward), decltype(&L_model_forward)>);
static_assert(std::is_same_v<decltype(&yours_compute_cost), decltype(&compute_cost)>);
static_assert(std::is_same_v<decltype(&yours_linear_backward), decltype(&linear_backward)>);
static_assert(std::is_same_v<decltype(&yours_linear_activation_backward), decltype(&linear_activation_backward)>);
static_assert(std::is_same_v<decltype(&yours_L_model_backward), decltype(&L_model_backward)>);
static_assert(std::is_same_v<decltype(&yours_update_parameters), decltype(&update_parameters)>);
static_assert(std::is_same_v<decltype(&alone_initialize_parameters), decltype(&initialize_parameters)>);
static_assert(std::is_same_v<decltype(&alone_initialize_parameters_deep), decltype(&initialize_parameters_deep)>);
static_assert(std::is_same_v<decltype(&alone_linear_forward), decltype(&linear_forward)>);
static_assert(std::is_same_v<decltype(&alone_linear_activation_forward), decltype(&linear_activation_forward)>);
static_assert(std::is_same_v<decltype(&alone_L_model_forward), decltype(&L_model_forward)>);
static_assert(std::is_same_v<decltype(&alone_compute_cost), decltype(&compute_cost)>);
static_assert(std::is_same_v<decltype(&alone_linear_backward), decltype(&linear_backward)>);
static_assert(std::is_same_v<decltype(&alone_linear_activation_backward), decltype(&linear_activation_backward)>);
static_assert(std::is_same_v<decltype(&alone_L_model_backward), decltype(&L_model_backward)>);
static_assert(std::is_same_v<decltype(&alone_update_parameters), decltype(&update_parameters)>);

}  // namespace dnn
