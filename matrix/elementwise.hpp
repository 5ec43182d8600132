// matrix/elementwise.hpp - the one loop behind every elementwise function (internal to matrix/).
#pragma once

#include <cstddef>

#include "matrix/matrix.hpp"

namespace dnn::detail {

// f applied to every element: out(i, j) = f(a(i, j)). A transposed view is read in row-major order first.
template <class F>
Matrix map(const Matrix& a, F f) {
    const Matrix src = a.contiguous();
    Matrix out = Matrix::uninitialized(a.rows(), a.cols());
    const double* x = src.data();
    double* o = out.mutable_data();
    const std::size_t n = a.size();
    for (std::size_t k = 0; k < n; ++k) o[k] = f(x[k]);
    return out;
}

}  // namespace dnn::detail
