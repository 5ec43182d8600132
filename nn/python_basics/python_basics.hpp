// nn/python_basics/python_basics.hpp - week 2's warm-up, "Python Basics with Numpy" (W2A1), in dnn::basics.
//
// EN: The notebook teaches numpy with small functions; here the same functions teach dnn::Matrix and dnn::np.
//     Same names, arguments and results; each body follows the notebook's lines. The notebook's 1-D arrays
//     (np.array([1, 2, 3])) are rows here, Matrix{{1, 2, 3}} of shape (1, 3); format_1d prints one as numpy
//     prints a 1-D array. The image of image2vector is a 3-D array, Array3D below.
//     The names repeat in other notebooks (sigmoid is in dnn::, dnn::logistic and dnn::planar too): write
//     basics::sigmoid, or `using namespace dnn::basics;` alone.
// KO: 노트북은 작은 함수들로 numpy를 가르칩니다. 여기서는 같은 함수들로 dnn::Matrix와 dnn::np를 익힙니다.
//     이름, 인자, 결과가 같고 본문은 노트북의 코드를 한 줄씩 따라갑니다. 노트북의 1차원 배열
//     (np.array([1, 2, 3]))은 여기서 (1, 3) 모양의 행 Matrix{{1, 2, 3}}이고, format_1d가 numpy의 1차원 배열처럼
//     출력합니다. image2vector의 그림은 3차원 배열(아래 Array3D)입니다. 같은 이름이 다른 노트북에도 있으니
//     (sigmoid는 dnn::, dnn::logistic, dnn::planar에도 있음) basics::sigmoid처럼 쓰세요.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <vector>

#include "matrix/matrix.hpp"

namespace dnn::basics {

// EN: A 3-D array of doubles, numpy's array of shape (length, height, depth), C order: element (i, j, k) is
//     data[(i * shape[1] + j) * shape[2] + k]. Array3D{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}} is
//     np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]), shape (2, 2, 2). (A picture read from a file is an
//     io::Array of shape (height, width, 3), whose data is in the same order.)
// KO: double의 3차원 배열, numpy의 (length, height, depth) 배열(C 순서): 원소 (i, j, k)는
//     data[(i * shape[1] + j) * shape[2] + k]입니다. (파일에서 읽은 그림은 같은 순서의 (height, width, 3)
//     io::Array입니다.)
struct Array3D {
    std::array<std::size_t, 3> shape{};  // (length, height, depth)
    std::vector<double> data;            // shape[0] * shape[1] * shape[2] values, C order

    Array3D() = default;
    // Nested lists as np.array takes them: every inner list of the same length (std::invalid_argument if not).
    Array3D(std::initializer_list<std::initializer_list<std::initializer_list<double>>> values);

    double operator()(std::size_t i, std::size_t j, std::size_t k) const;  // bounds-checked (std::out_of_range)
    std::size_t size() const { return data.size(); }
    // EN: numpy's reshape in C order, as a Matrix: rows * cols must be size() (std::invalid_argument if not).
    // KO: C 순서의 numpy reshape를 Matrix로: rows * cols가 size()여야 합니다(아니면 std::invalid_argument).
    Matrix reshape(std::size_t rows, std::size_t cols) const;
};

// ---- 1.1 - sigmoid function, np.exp() -----------------------------------------------------------------------

// EN: 1 / (1 + e^-x) for one number, with the math module's exp (Python's `math.exp`: std::exp). The notebook
//     shows that math.exp cannot take a list (TypeError); in C++ the compiler refuses a Matrix here.
// KO: 숫자 하나의 1 / (1 + e^-x). 노트북은 math.exp가 리스트를 받지 못함(TypeError)을 보여 줍니다. C++에서는
//     Matrix를 넘기면 컴파일러가 거부합니다.
double basic_sigmoid(double x);

// EN: 1 / (1 + e^-x) elementwise, with np::exp: any shape in, the same shape out.
// KO: np::exp로 원소마다 1 / (1 + e^-x): 어떤 모양이든 같은 모양으로 돌려줍니다.
// x: (n, m)  ->  s: (n, m)
Matrix sigmoid(const Matrix& x);

// ---- 1.2 - Sigmoid gradient --------------------------------------------------------------------------------

// EN: sigma'(x) = s * (1 - s) with s = sigmoid(x), elementwise.
// KO: 원소마다 sigma'(x) = s * (1 - s), s = sigmoid(x).
// x: (n, m)  ->  ds: (n, m)
Matrix sigmoid_derivative(const Matrix& x);

// ---- 1.3 - Reshaping arrays --------------------------------------------------------------------------------

// EN: The image as one column: image.reshape(length * height * depth, 1), in C order.
// KO: 그림을 한 열로: image.reshape(length * height * depth, 1) (C 순서).
// image: (length, height, depth)  ->  v: (length * height * depth, 1)
Matrix image2vector(const Array3D& image);

// ---- 1.4 - Normalizing rows --------------------------------------------------------------------------------

// EN: Each row divided by its 2-norm: x / np.linalg.norm(x, axis=1, keepdims=True) (broadcast over the
//     columns). The v3a notebook called it normalizeRows. A row of zeros gives nan, as in numpy.
// KO: 각 행을 그 행의 2-노름으로 나눕니다(열 방향으로 브로드캐스트). v3a 노트북의 이름은 normalizeRows였습니다.
//     0으로만 된 행은 numpy처럼 nan이 됩니다.
// x: (n, m)  ->  x normalized by row: (n, m)
Matrix normalize_rows(Matrix x);

// ---- 1.5 - Broadcasting and the softmax function ----------------------------------------------------------

// EN: Softmax of each row: exp(x) divided by its row's sum (np.sum(x_exp, axis=1, keepdims=True)).
// KO: 행마다 softmax: exp(x)를 그 행의 합(np.sum(x_exp, axis=1, keepdims=True))으로 나눕니다.
// x: (m, n)  ->  s: (m, n), each row summing to 1
Matrix softmax(const Matrix& x);

// ---- 2.1 - Implement the L1 and L2 loss functions --------------------------------------------------------

// EN: L1 loss, sum of |y - yhat|. yhat and y are the notebook's 1-D arrays of m values: rows (1, m) (or any
//     same shape). Different shapes throw std::invalid_argument naming both.
// KO: L1 손실, |y - yhat|의 합. yhat과 y는 노트북의 1차원 배열(m개 값): (1, m) 행(또는 같은 모양).
//     모양이 다르면 두 모양을 밝힌 std::invalid_argument.
// yhat: (1, m)  y: (1, m)  ->  loss
double L1(const Matrix& yhat, const Matrix& y);

// EN: L2 loss, sum of (y - yhat)^2, as np.dot of the difference with itself. Same shapes as L1.
// KO: L2 손실, (y - yhat)^2의 합(차이와 자기 자신의 np.dot). 모양은 L1과 같습니다.
// yhat: (1, m)  y: (1, m)  ->  loss
double L2(const Matrix& yhat, const Matrix& y);

}  // namespace dnn::basics
