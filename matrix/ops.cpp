// matrix/ops.cpp - the broadcasting loops behind + - * / and the comparisons.
//
// Every operation is one pass: out(i, j) = op(a(i', j'), b(i'', j'')), where a broadcast dimension reads index 0.
// Elements are addressed through (row stride, column stride), so transposed views and broadcast operands need
// no copies; the common cases (same shape, column b, row b, scalar) get inner loops the compiler vectorises.
#include "matrix/ops.hpp"

#include <stdexcept>
#include <string>

#include "matrix/elementwise.hpp"

namespace dnn {

Shape broadcast_shape(Shape a, Shape b, const char* what) {
    auto dim = [&](std::size_t x, std::size_t y) -> std::size_t {
        if (x == y || y == 1) return x;
        if (x == 1) return y;
        throw std::invalid_argument(std::string(what) + ": operands could not be broadcast together with shapes " +
                                    to_string(a) + " " + to_string(b));
    };
    const std::size_t rows = dim(a.rows, b.rows);
    const std::size_t cols = dim(a.cols, b.cols);
    return {rows, cols};
}

namespace {

// How to read one operand inside the output's (i, j) loop.
struct Reader {
    const double* p;
    std::size_t rs;  // step per output row (0 when broadcast along rows)
    std::size_t cs;  // step per output column (0 when broadcast along columns)
};

Reader reader(const Matrix& m, Shape out) {
    std::size_t rs = m.is_transposed() ? 1 : m.cols();
    std::size_t cs = m.is_transposed() ? m.rows() : 1;
    if (m.rows() == 1 && out.rows != 1) rs = 0;
    if (m.cols() == 1 && out.cols != 1) cs = 0;
    return {m.data(), rs, cs};
}

// `reuse`, when given, is an operand about to be destroyed (a temporary such as lr * dW): when it already has
// the result's shape and row-major storage, the result is written into its buffer, saving an allocation and a
// pass over memory. Each element is read before it is written, and a buffer shared with another matrix is
// copied first (copy-on-write), so this never changes what the caller sees.
template <class Op>
Matrix binary(const Matrix& a, const Matrix& b, Op op, const char* what, Matrix* reuse = nullptr) {
    const Shape s = broadcast_shape(a.shape(), b.shape(), what);
    const Reader ra = reader(a, s), rb = reader(b, s);
    Matrix out = reuse && reuse->shape() == s && !reuse->is_transposed() ? std::move(*reuse)
                                                                         : Matrix::uninitialized(s.rows, s.cols);
    if (out.empty()) return out;
    double* o = out.mutable_data();
    for (std::size_t i = 0; i < s.rows; ++i) {
        const double* pa = ra.p + i * ra.rs;
        const double* pb = rb.p + i * rb.rs;
        double* po = o + i * s.cols;
        if (ra.cs == 1 && rb.cs == 1) {
            for (std::size_t j = 0; j < s.cols; ++j) po[j] = op(pa[j], pb[j]);
        } else if (ra.cs == 1 && rb.cs == 0) {
            const double y = *pb;
            for (std::size_t j = 0; j < s.cols; ++j) po[j] = op(pa[j], y);
        } else if (ra.cs == 0 && rb.cs == 1) {
            const double x = *pa;
            for (std::size_t j = 0; j < s.cols; ++j) po[j] = op(x, pb[j]);
        } else {
            for (std::size_t j = 0; j < s.cols; ++j) po[j] = op(pa[j * ra.cs], pb[j * rb.cs]);
        }
    }
    return out;
}

// op applied to every element of a temporary, in place (see binary's `reuse`).
template <class Op>
Matrix unary_in_place(Matrix&& a, Op op) {
    if (a.is_transposed()) a = a.copy();
    double* o = a.mutable_data();
    const std::size_t n = a.size();
    for (std::size_t k = 0; k < n; ++k) o[k] = op(o[k]);
    return std::move(a);
}

}  // namespace

Matrix operator+(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x + y; }, "operator+"); }
Matrix operator-(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x - y; }, "operator-"); }
Matrix operator*(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x * y; }, "operator*"); }
Matrix operator/(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x / y; }, "operator/"); }

Matrix operator+(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x + s; }); }
Matrix operator-(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x - s; }); }
Matrix operator*(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x * s; }); }
Matrix operator/(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x / s; }); }
Matrix operator+(double s, const Matrix& a) { return detail::map(a, [s](double x) { return s + x; }); }
Matrix operator-(double s, const Matrix& a) { return detail::map(a, [s](double x) { return s - x; }); }
Matrix operator*(double s, const Matrix& a) { return detail::map(a, [s](double x) { return s * x; }); }
Matrix operator/(double s, const Matrix& a) { return detail::map(a, [s](double x) { return s / x; }); }

Matrix operator-(const Matrix& a) { return detail::map(a, [](double x) { return -x; }); }

// Temporaries on either side reuse their buffer: W - lr * dW allocates one matrix, not two.
#define DNN_BINARY_RVALUE(OP, NAME, EXPR)                                                                     \
    Matrix operator OP(Matrix&& a, const Matrix& b) {                                                         \
        return binary(a, b, [](double x, double y) { return EXPR; }, NAME, &a);                              \
    }                                                                                                         \
    Matrix operator OP(const Matrix& a, Matrix&& b) {                                                         \
        return binary(a, b, [](double x, double y) { return EXPR; }, NAME, &b);                              \
    }                                                                                                         \
    Matrix operator OP(Matrix&& a, Matrix&& b) {                                                              \
        return binary(a, b, [](double x, double y) { return EXPR; }, NAME, &a);                              \
    }
DNN_BINARY_RVALUE(+, "operator+", x + y)
DNN_BINARY_RVALUE(-, "operator-", x - y)
DNN_BINARY_RVALUE(*, "operator*", x * y)
DNN_BINARY_RVALUE(/, "operator/", x / y)
#undef DNN_BINARY_RVALUE

Matrix operator+(Matrix&& a, double s) { return unary_in_place(std::move(a), [s](double x) { return x + s; }); }
Matrix operator-(Matrix&& a, double s) { return unary_in_place(std::move(a), [s](double x) { return x - s; }); }
Matrix operator*(Matrix&& a, double s) { return unary_in_place(std::move(a), [s](double x) { return x * s; }); }
Matrix operator/(Matrix&& a, double s) { return unary_in_place(std::move(a), [s](double x) { return x / s; }); }
Matrix operator+(double s, Matrix&& a) { return unary_in_place(std::move(a), [s](double x) { return s + x; }); }
Matrix operator-(double s, Matrix&& a) { return unary_in_place(std::move(a), [s](double x) { return s - x; }); }
Matrix operator*(double s, Matrix&& a) { return unary_in_place(std::move(a), [s](double x) { return s * x; }); }
Matrix operator/(double s, Matrix&& a) { return unary_in_place(std::move(a), [s](double x) { return s / x; }); }
Matrix operator-(Matrix&& a) { return unary_in_place(std::move(a), [](double x) { return -x; }); }

Matrix& operator+=(Matrix& a, const Matrix& b) { return a = a + b; }
Matrix& operator-=(Matrix& a, const Matrix& b) { return a = a - b; }
Matrix& operator*=(Matrix& a, double s) { return a = a * s; }

Matrix operator<(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x < s ? 1.0 : 0.0; }); }
Matrix operator<=(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x <= s ? 1.0 : 0.0; }); }
Matrix operator>(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x > s ? 1.0 : 0.0; }); }
Matrix operator>=(const Matrix& a, double s) { return detail::map(a, [s](double x) { return x >= s ? 1.0 : 0.0; }); }
Matrix operator==(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x == y ? 1.0 : 0.0; }, "operator=="); }
Matrix operator!=(const Matrix& a, const Matrix& b) { return binary(a, b, [](double x, double y) { return x != y ? 1.0 : 0.0; }, "operator!="); }

}  // namespace dnn
