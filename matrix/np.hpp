// matrix/np.hpp - the numpy calls the notebooks make, under the same names: np::dot, np::sum, np::log, ...
//
// EN: With `namespace np = dnn::np;` (nn/nn.hpp does it inside namespace dnn) the C++ lines read like the notebook:
//         Z = np::dot(W, A) + b;
//         db = 1.0 / m * np::sum(dZ, 1, true);
//     Results follow numpy's: np::sum adds in numpy's pairwise order, so sums agree with numpy bit for bit.
// KO: 노트북과 같은 이름의 numpy 함수들입니다. np::sum은 numpy와 같은 순서(쌍별 합산, pairwise summation)로
//     더하므로 합이 numpy와 비트 단위로 같습니다.
#pragma once

#include "matrix/matrix.hpp"
#include "matrix/ops.hpp"
#include "matrix/random.hpp"

namespace dnn::np {

// np.zeros((rows, cols)), np.zeros(shape), np.ones(...)
Matrix zeros(std::size_t rows, std::size_t cols);
Matrix zeros(Shape shape);
Matrix ones(std::size_t rows, std::size_t cols);

// np.linspace(start, stop, num): num evenly spaced values from start to stop (both included), as a row
// (1, num): i * step + start with step = (stop - start) / (num - 1), and the last one exactly stop.
Matrix linspace(double start, double stop, std::size_t num);

// np.array(a, copy=True): an independent copy.
Matrix array(const Matrix& a);

// np.dot(A, B): A (n, k) · B (k, m) -> (n, m). A.T() and B.T() are multiplied without copying them.
// Throws std::invalid_argument when the inner sizes differ.
Matrix dot(const Matrix& A, const Matrix& B);

// np.sum(A): the sum of all elements, in numpy's pairwise order.
double sum(const Matrix& A);
// np.sum(A, axis, keepdims): axis 0 sums each column -> (1, cols); axis 1 sums each row -> (rows, 1).
// EN: Unlike numpy, keepdims defaults to true here: np::sum(dZ, 1) is numpy's np.sum(dZ, axis=1,
//     keepdims=True), a column (rows, 1), as db needs. Write the third argument anyway, as the notebook does.
//     With keepdims false, numpy returns a 1-D array; the 2-D equivalent returned here is a row (1, n), which
//     broadcasts as numpy's 1-D array does (so np::sum(dZ, 1, false) is a row, (1, rows): not db's shape).
//     Negative axes count from the end (-1 is 1).
// KO: numpy와 달리 keepdims의 기본값이 true입니다. np::sum(dZ, 1)은 numpy의 np.sum(dZ, axis=1,
//     keepdims=True)와 같은 열 (rows, 1)이고, db에 필요한 shape입니다. 그래도 노트북처럼 세 번째 인자를
//     써 주세요. keepdims가 false이면 numpy는 1차원 배열을 돌려주는데, 여기서는 그와 같게 브로드캐스트되는
//     행 (1, n)을 돌려줍니다(그래서 np::sum(dZ, 1, false)는 (1, rows) 행이라 db의 shape이 아닙니다).
//     음수 축은 끝에서부터 셉니다(-1은 1).
Matrix sum(const Matrix& A, int axis, bool keepdims = true);
// np.mean(A): sum / size.
double mean(const Matrix& A);

// Elementwise functions.
Matrix exp(const Matrix& A);
Matrix log(const Matrix& A);
Matrix sqrt(const Matrix& A);
Matrix abs(const Matrix& A);
Matrix tanh(const Matrix& A);
Matrix sin(const Matrix& A);
Matrix cos(const Matrix& A);
// np.power(A, p): A ** p elementwise; p = 2 is a * a, as numpy computes it (np.square).
Matrix power(const Matrix& A, double p);
Matrix multiply(const Matrix& A, const Matrix& B);  // A * B with broadcasting (errors name np::multiply)
Matrix divide(const Matrix& A, const Matrix& B);    // A / B with broadcasting (errors name np::divide)
Matrix divide(double a, const Matrix& B);
Matrix divide(const Matrix& A, double b);
Matrix maximum(double a, const Matrix& B);          // np.maximum(0, Z)
Matrix maximum(const Matrix& A, double b);
Matrix maximum(const Matrix& A, const Matrix& B);

// np.squeeze(a) for a one-element array: the element as a scalar ([[17]] -> 17).
// Throws std::invalid_argument when a has more than one element.
double squeeze(const Matrix& a);

// np.allclose(a, b, rtol, atol): same shape and |a - b| <= atol + rtol * |b| everywhere.
bool allclose(const Matrix& a, const Matrix& b, double rtol = 1e-05, double atol = 1e-08);
// np.array_equal(a, b): same shape and the same values.
bool array_equal(const Matrix& a, const Matrix& b);

namespace linalg {
// np.linalg.norm(x, axis=axis, keepdims=keepdims): sqrt(np.sum(x * x, axis, keepdims)), the 2-norm of each
// column (axis 0) or row (axis 1).
Matrix norm(const Matrix& x, int axis, bool keepdims = false);
}  // namespace linalg

}  // namespace dnn::np
