// course/graded_copies_logistic_regression.hpp - the two versions of each graded function of "Logistic Regression
// with a Neural Network mindset" (W2A2, nn/logistic_regression/, dnn::logistic) that `make grade` compiles from
// the student's files and course/grade.cpp calls. As course/graded_copies.hpp for week 4: yours_<name> calls the
// student's other graded functions, alone_<name> the notebook's own (the library's). Both have the signature and
// the default arguments of <name> in nn/logistic_regression/logistic_regression.hpp (the signatures are checked
// below), so a call the student wrote without them compiles in the copy too. sigmoid(double), ungraded, shares
// the name: the copies hold it too.
// KO: course/graded_copies.hpp(4주차)와 같습니다. 시그니처와 기본 인자는 logistic_regression.hpp와 같습니다.
//
// Only this notebook's header is included (see course/graded_copies_python_basics.hpp).
#pragma once

#include "course/graded_copies_check.hpp"
#include "matrix/matrix.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

namespace dnn::logistic {

Matrix yours_sigmoid(const Matrix& z);
double yours_sigmoid(double z);
Params yours_initialize_with_zeros(int dim);
PropagateResult yours_propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y);
OptimizeResult yours_optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations = 100,
                              double learning_rate = 0.009, bool print_cost = false);
Matrix yours_predict(Matrix w, double b, const Matrix& X);
ModelResult yours_model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test, const Matrix& Y_test,
                        int num_iterations = 2000, double learning_rate = 0.5, bool print_cost = false);

Matrix alone_sigmoid(const Matrix& z);
double alone_sigmoid(double z);
Params alone_initialize_with_zeros(int dim);
PropagateResult alone_propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y);
OptimizeResult alone_optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations = 100,
                              double learning_rate = 0.009, bool print_cost = false);
Matrix alone_predict(Matrix w, double b, const Matrix& X);
ModelResult alone_model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test, const Matrix& Y_test,
                        int num_iterations = 2000, double learning_rate = 0.5, bool print_cost = false);

// The same signatures as the notebook's functions.
static_assert(grading::same_signature<Matrix(const Matrix&)>(&sigmoid, &yours_sigmoid, &alone_sigmoid));
static_assert(grading::same_signature<double(double)>(&sigmoid, &yours_sigmoid, &alone_sigmoid));
static_assert(grading::same_signature<Params(int)>(&initialize_with_zeros, &yours_initialize_with_zeros,
                                                   &alone_initialize_with_zeros));
static_assert(grading::same_signature<PropagateResult(const Matrix&, double, const Matrix&, const Matrix&)>(
    &propagate, &yours_propagate, &alone_propagate));
static_assert(grading::same_signature<OptimizeResult(Matrix, double, const Matrix&, const Matrix&, int, double, bool)>(
    &optimize, &yours_optimize, &alone_optimize));
static_assert(grading::same_signature<Matrix(Matrix, double, const Matrix&)>(&predict, &yours_predict, &alone_predict));
static_assert(grading::same_signature<ModelResult(const Matrix&, const Matrix&, const Matrix&, const Matrix&, int,
                                                  double, bool)>(&model, &yours_model, &alone_model));

}  // namespace dnn::logistic
