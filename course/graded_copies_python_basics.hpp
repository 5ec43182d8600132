// course/graded_copies_python_basics.hpp - the two versions of each graded function of "Python Basics with Numpy"
// (W2A1, nn/python_basics/, dnn::basics) that `make grade` compiles from the student's files and
// course/grade.cpp calls. As course/graded_copies.hpp for week 4: yours_<name> calls the student's other graded
// functions, alone_<name> the notebook's own (the library's). Both have the signature of <name> in
// nn/python_basics/python_basics.hpp (checked below).
// KO: course/graded_copies.hpp(4주차)와 같습니다. yours_<이름>은 학생의 다른 채점 함수를, alone_<이름>은 노트북
//     자체의 함수(라이브러리)를 부릅니다. 시그니처는 nn/python_basics/python_basics.hpp와 같습니다(아래에서 확인).
//
// Only this notebook's header is included: a copy in dnn::basics must not see week 4's dnn::sigmoid, which
// argument-dependent lookup (a dnn::Matrix argument) would add to a call of sigmoid.
#pragma once

#include "course/graded_copies_check.hpp"
#include "matrix/matrix.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::basics {

double yours_basic_sigmoid(double x);
Matrix yours_sigmoid(const Matrix& x);
Matrix yours_sigmoid_derivative(const Matrix& x);
Matrix yours_image2vector(const Array3D& image);
Matrix yours_normalize_rows(Matrix x);
Matrix yours_softmax(const Matrix& x);
double yours_L1(const Matrix& yhat, const Matrix& y);
double yours_L2(const Matrix& yhat, const Matrix& y);

double alone_basic_sigmoid(double x);
Matrix alone_sigmoid(const Matrix& x);
Matrix alone_sigmoid_derivative(const Matrix& x);
Matrix alone_image2vector(const Array3D& image);
Matrix alone_normalize_rows(Matrix x);
Matrix alone_softmax(const Matrix& x);
double alone_L1(const Matrix& yhat, const Matrix& y);
double alone_L2(const Matrix& yhat, const Matrix& y);

// The same signatures as the notebook's functions.
static_assert(grading::same_signature<double(double)>(&basic_sigmoid, &yours_basic_sigmoid, &alone_basic_sigmoid));
static_assert(grading::same_signature<Matrix(const Matrix&)>(&sigmoid, &yours_sigmoid, &alone_sigmoid));
static_assert(grading::same_signature<Matrix(const Matrix&)>(&sigmoid_derivative, &yours_sigmoid_derivative,
                                                             &alone_sigmoid_derivative));
static_assert(grading::same_signature<Matrix(const Array3D&)>(&image2vector, &yours_image2vector, &alone_image2vector));
static_assert(grading::same_signature<Matrix(Matrix)>(&normalize_rows, &yours_normalize_rows, &alone_normalize_rows));
static_assert(grading::same_signature<Matrix(const Matrix&)>(&softmax, &yours_softmax, &alone_softmax));
static_assert(grading::same_signature<double(const Matrix&, const Matrix&)>(&L1, &yours_L1, &alone_L1));
static_assert(grading::same_signature<double(const Matrix&, const Matrix&)>(&L2, &yours_L2, &alone_L2));

}  // namespace dnn::basics
