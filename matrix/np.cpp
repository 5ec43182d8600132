// matrix/np.cpp - numpy's functions used by the notebooks.
#include "matrix/np.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "matrix/gemm.hpp"

namespace dnn::np {

Matrix zeros(std::size_t rows, std::size_t cols) { return Matrix(rows, cols); }
Matrix zeros(Shape shape) { return Matrix(shape.rows, shape.cols); }
Matrix ones(std::size_t rows, std::size_t cols) { return Matrix(rows, cols, 1.0); }

Matrix linspace(double start, double stop, std::size_t num) {
    Matrix y(1, num);
    const double div = num > 1 ? static_cast<double>(num - 1) : 1.0;
    const double delta = stop - start;
    const double step = delta / div;
    for (std::size_t i = 0; i < num; ++i) y(0, i) = static_cast<double>(i) * step + start;
    if (num > 1) y(0, num - 1) = stop;
    return y;
}

Matrix array(const Matrix& a) { return a.copy(); }

namespace {

[[noreturn]] void fail_not_aligned(const Matrix& A, const Matrix& B) {
    throw std::invalid_argument("np::dot: shapes " + to_string(A.shape()) + " and " + to_string(B.shape()) +
                                " not aligned: " + std::to_string(A.cols()) + " (dim 1) != " +
                                std::to_string(B.rows()) + " (dim 0)");
}

}  // namespace

// Few lines on purpose: under `make debug` a student steps from here through gemm's dispatch into the triple
// loop of matrix/gemm/naive.cpp (for the notebook's 1x3 . 3x2) in about twenty steps (tools/gdb/dnn.gdb skips
// Matrix's accessors). Its arguments to the GEMM are right by construction, so it skips gemm's checks.
Matrix dot(const Matrix& A, const Matrix& B) {
    if (A.cols() != B.rows()) fail_not_aligned(A, B);
    Matrix C = Matrix::uninitialized(A.rows(), B.cols());  // every element is written by the product
    // Row strides of the storage: a transposed view stores (cols, rows) row-major.
    const std::size_t lda = A.is_transposed() ? A.rows() : A.cols(), ldb = B.is_transposed() ? B.rows() : B.cols();
    gemm::gemm_unchecked(A.is_transposed(), B.is_transposed(), C.rows(), C.cols(), A.cols(), A.data(), lda, B.data(),
                         ldb, C.mutable_data(), C.cols());
    return C;
}

namespace {

// numpy's pairwise summation (pairwise_sum_DOUBLE): blocks of up to 128 elements are added with 8
// accumulators, larger runs are split in two. Same order, so the same rounding as np.sum.
double pairwise_sum(const double* a, std::size_t n, std::size_t stride) {
    if (n < 8) {
        double res = 0.0;
        for (std::size_t i = 0; i < n; ++i) res += a[i * stride];
        return res;
    }
    if (n <= 128) {
        double r[8];
        for (std::size_t j = 0; j < 8; ++j) r[j] = a[j * stride];
        std::size_t i = 8;
        for (; i < n - (n % 8); i += 8)
            for (std::size_t j = 0; j < 8; ++j) r[j] += a[(i + j) * stride];
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += a[i * stride];
        return res;
    }
    std::size_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum(a, n2, stride) + pairwise_sum(a + n2 * stride, n - n2, stride);
}

}  // namespace

double sum(const Matrix& A) {
    // The whole storage is one contiguous run whichever way it is viewed.
    return pairwise_sum(A.data(), A.size(), 1);
}

Matrix sum(const Matrix& A, int axis, bool keepdims) {
    if (axis < 0) axis += 2;
    if (axis != 0 && axis != 1)
        throw std::invalid_argument("np::sum: axis " + std::to_string(axis) + " is out of bounds for a 2-D array");
    const std::size_t R = A.rows(), C = A.cols();
    const std::size_t out_n = axis == 0 ? C : R;
    Matrix out(axis == 0 || !keepdims ? 1 : R, axis == 0 ? C : (keepdims ? 1 : R));
    double* o = out.mutable_data();
    if (A.empty()) return out;
    const double* a = A.data();
    // Element (i, j) is at a[i * rs + j * cs].
    const std::size_t rs = A.is_transposed() ? 1 : C;
    const std::size_t cs = A.is_transposed() ? R : 1;
    const std::size_t reduce_n = axis == 0 ? R : C;
    const std::size_t reduce_step = axis == 0 ? rs : cs;
    const std::size_t out_step = axis == 0 ? cs : rs;
    if (reduce_step == 1) {
        // The summed axis is contiguous: numpy sums each run pairwise.
        for (std::size_t k = 0; k < out_n; ++k) o[k] = pairwise_sum(a + k * out_step, reduce_n, 1);
    } else {
        // The summed axis is strided: numpy adds whole rows into the result, one after another.
        for (std::size_t r = 0; r < reduce_n; ++r) {
            const double* line = a + r * reduce_step;
            for (std::size_t k = 0; k < out_n; ++k) o[k] += line[k * out_step];
        }
    }
    return out;
}

double mean(const Matrix& A) { return sum(A) / static_cast<double>(A.size()); }

namespace {

// f applied to every element: out(i, j) = f(a(i, j)). A transposed view is read in row-major order first.
Matrix each(const Matrix& a, double (*f)(double)) {
    const Matrix src = a.contiguous();
    Matrix out = Matrix::uninitialized(a.rows(), a.cols());
    if (out.empty()) return out;
    const double* x = src.data();
    double* o = out.mutable_data();
    for (std::size_t k = 0; k < a.size(); ++k) o[k] = f(x[k]);
    return out;
}

// The C library's functions, each under one name (std::exp has several overloads).
double exp_of(double x) { return std::exp(x); }
double log_of(double x) { return std::log(x); }
double sqrt_of(double x) { return std::sqrt(x); }
double abs_of(double x) { return std::fabs(x); }
double tanh_of(double x) { return std::tanh(x); }
double sin_of(double x) { return std::sin(x); }
double cos_of(double x) { return std::cos(x); }
double square_of(double x) { return x * x; }

}  // namespace

Matrix exp(const Matrix& A) { return each(A, exp_of); }
Matrix log(const Matrix& A) { return each(A, log_of); }
Matrix sqrt(const Matrix& A) { return each(A, sqrt_of); }
Matrix abs(const Matrix& A) { return each(A, abs_of); }
Matrix tanh(const Matrix& A) { return each(A, tanh_of); }
Matrix sin(const Matrix& A) { return each(A, sin_of); }
Matrix cos(const Matrix& A) { return each(A, cos_of); }

Matrix power(const Matrix& A, double p) {
    if (p == 2) return each(A, square_of);  // numpy's fast path for ** 2
    const Matrix src = A.contiguous();
    Matrix out = Matrix::uninitialized(A.rows(), A.cols());
    if (out.empty()) return out;
    const double* x = src.data();
    double* o = out.mutable_data();
    for (std::size_t k = 0; k < A.size(); ++k) o[k] = std::pow(x[k], p);
    return out;
}

namespace linalg {

Matrix norm(const Matrix& x, int axis, bool keepdims) { return sqrt(sum(x * x, axis, keepdims)); }

}  // namespace linalg

// Each names itself in the error for shapes that do not broadcast: the student wrote np::multiply, not *.
Matrix multiply(const Matrix& A, const Matrix& B) { return elementwise(A, Op::multiply, B, "np::multiply"); }
Matrix divide(const Matrix& A, const Matrix& B) { return elementwise(A, Op::divide, B, "np::divide"); }
Matrix divide(double a, const Matrix& B) { return elementwise(a, Op::divide, B, "np::divide"); }
Matrix divide(const Matrix& A, double b) { return elementwise(A, Op::divide, b, "np::divide"); }

// numpy's maximum propagates a NaN on either side (std::max would not): see Op::maximum in matrix/ops.cpp.
Matrix maximum(double a, const Matrix& B) { return elementwise(a, Op::maximum, B, "np::maximum"); }
Matrix maximum(const Matrix& A, double b) { return elementwise(A, Op::maximum, b, "np::maximum"); }
Matrix maximum(const Matrix& A, const Matrix& B) { return elementwise(A, Op::maximum, B, "np::maximum"); }

double squeeze(const Matrix& a) {
    if (a.size() != 1)
        throw std::invalid_argument("np::squeeze: expected a single element to turn into a scalar, got shape " +
                                    to_string(a.shape()));
    return a.data()[0];
}

bool allclose(const Matrix& a, const Matrix& b, double rtol, double atol) {
    if (a.shape() != b.shape()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j) {
            const double x = a(i, j), y = b(i, j);
            if (!(std::fabs(x - y) <= atol + rtol * std::fabs(y))) return false;
        }
    return true;
}

bool array_equal(const Matrix& a, const Matrix& b) {
    if (a.shape() != b.shape()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j)
            if (a(i, j) != b(i, j)) return false;
    return true;
}

}  // namespace dnn::np
