// matrix/ops.cpp - the broadcasting loop behind + - * / and the comparisons.
//
// Every operator is one short named function that calls elementwise(): it finds the result's shape by numpy's
// rule, then fills it row by row, out(i, j) = a(i', j') OP b(i'', j''), where a dimension of size 1 is read at
// index 0 (a large result in parts, one per thread). Elements are addressed through (row step, column step), so
// transposed views, broadcast operands and scalars need no copies. A scalar is an operand with both steps 0.
#include "matrix/ops.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

#include "matrix/gemm/thread_pool.hpp"
#include "matrix/threads.hpp"

namespace dnn {

// numpy's rule, per dimension: equal sizes, or one of them is 1 (and the result takes the other).
Shape broadcast_shape(Shape a, Shape b, const char* what) {
    if ((a.rows != b.rows && a.rows != 1 && b.rows != 1) || (a.cols != b.cols && a.cols != 1 && b.cols != 1))
        throw std::invalid_argument(std::string(what) + ": operands could not be broadcast together with shapes " +
                                    to_string(a) + " " + to_string(b));
    return {a.rows == 1 ? b.rows : a.rows, a.cols == 1 ? b.cols : a.cols};
}

namespace {

// Results with at least this many elements (256 KiB) are computed by all the library's threads (threads.hpp):
// W - lr * dW for the cat network's W1 (20 x 12288) took 0.27-0.33 ms on one thread, 0.17-0.20 ms on two
// (tools/bench/train_bench's iteration, alternated in one program). Below it a wake-up would cost more than it saves.
constexpr std::size_t kParallelElements = std::size_t{1} << 15;

// How to read one operand inside the result's (i, j) loop: element (i, j) is p[i * row_step + j * col_step].
struct Operand {
    Shape shape;
    const double* p;
    std::size_t row_step;  // 0 when broadcast along the rows
    std::size_t col_step;  // 0 when broadcast along the columns
};

Operand operand(const Matrix& m) {
    const std::size_t rs = m.is_transposed() ? 1 : m.cols();
    const std::size_t cs = m.is_transposed() ? m.rows() : 1;
    return {m.shape(), m.data(), m.rows() == 1 ? 0 : rs, m.cols() == 1 ? 0 : cs};
}

Operand scalar(const double& s) { return {Shape{1, 1}, &s, 0, 0}; }

// numpy's maximum: `x >= y || isnan(x) ? x : y`, so a NaN on either side propagates (std::max would not).
double nan_max(double x, double y) { return (x >= y || std::isnan(x)) ? x : y; }

// Row i of the result, columns j0 to j1: out[j] = a(i, j) OP b(i, j); a column step of 0 reads a broadcast
// column or a scalar. The operation is chosen once per row, so each loop is a plain one the compiler can keep
// tight. x and y, row i of a and of b, are declared in the switch's first part, so a debugger stops once there.
void fill_row(Op op, const Operand& a, const Operand& b, std::size_t i, std::size_t j0, std::size_t j1, double* out) {
    switch (const double *x = a.p + i * a.row_step, *y = b.p + i * b.row_step; op) {
    case Op::add:           for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] + y[j * b.col_step]; break;
    case Op::subtract:      for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] - y[j * b.col_step]; break;
    case Op::multiply:      for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] * y[j * b.col_step]; break;
    case Op::divide:        for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] / y[j * b.col_step]; break;
    case Op::maximum:       for (std::size_t j = j0; j < j1; ++j) out[j] = nan_max(x[j * a.col_step], y[j * b.col_step]); break;
    case Op::less:          for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] < y[j * b.col_step]; break;
    case Op::less_equal:    for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] <= y[j * b.col_step]; break;
    case Op::greater:       for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] > y[j * b.col_step]; break;
    case Op::greater_equal: for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] >= y[j * b.col_step]; break;
    case Op::equal:         for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] == y[j * b.col_step]; break;
    case Op::not_equal:     for (std::size_t j = j0; j < j1; ++j) out[j] = x[j * a.col_step] != y[j * b.col_step]; break;
    }
}

// Elements [begin, end) of the result, counted row by row (a part of the output for one thread).
void fill_range(Op op, const Operand& a, const Operand& b, std::size_t cols, std::size_t begin, std::size_t end,
                double* out) {
    for (std::size_t i = begin / cols; i * cols < end; ++i) {
        const std::size_t j0 = std::max(begin, i * cols) - i * cols, j1 = std::min(end, (i + 1) * cols) - i * cols;
        fill_row(op, a, b, i, j0, j1, out + i * cols);
    }
}

// A large result is filled by the library's threads, each a contiguous run of elements (a multiple of 8, a cache
// line's worth): every element is the same one operation whoever computes it, so the numbers do not depend on the
// thread count.
void fill_in_parallel(Op op, const Operand& a, const Operand& b, Shape s, double* out) {
    const std::size_t threads = static_cast<std::size_t>(get_num_threads()), n = s.rows * s.cols, line = 8;
    const std::size_t part = ((n + threads - 1) / threads + line - 1) / line * line;  // threads * part >= n
    detail::parallel_for(threads, [&](std::size_t t) {
        fill_range(op, a, b, s.cols, std::min(n, t * part), std::min(n, (t + 1) * part), out);
    });
}

// a OP b with broadcasting. `reuse`, when given, is an operand about to be destroyed (a temporary such as
// lr * dW): when it is row-major with the result's shape, the result is written into its buffer, saving an
// allocation and a pass over memory (W - lr * dW allocates one matrix, not two). Each element is read before
// it is written, and a buffer shared with another matrix is copied first (copy-on-write), so this never changes
// what the caller sees.
Matrix elementwise(const Operand& a, Op op, const Operand& b, const char* what, Matrix* reuse) {
    const Shape s = broadcast_shape(a.shape, b.shape, what);
    Matrix out = reuse && reuse->shape() == s && !reuse->is_transposed() ? std::move(*reuse) : Matrix::uninitialized(s.rows, s.cols);
    if (s.rows * s.cols >= kParallelElements && get_num_threads() > 1)
        fill_in_parallel(op, a, b, s, out.mutable_data());
    else
        for (std::size_t i = 0; i < s.rows; ++i) fill_row(op, a, b, i, 0, s.cols, out.mutable_data() + i * s.cols);
    return out;
}

}  // namespace

Matrix elementwise(const Matrix& a, Op op, const Matrix& b, const char* what) {
    return elementwise(operand(a), op, operand(b), what, nullptr);
}
Matrix elementwise(const Matrix& a, Op op, double s, const char* what) {
    return elementwise(operand(a), op, scalar(s), what, nullptr);
}
Matrix elementwise(double s, Op op, const Matrix& a, const char* what) {
    return elementwise(scalar(s), op, operand(a), what, nullptr);
}

// ---- the operators -------------------------------------------------------------------------------------------
Matrix operator+(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::add, operand(b), "operator+", nullptr); }
Matrix operator-(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::subtract, operand(b), "operator-", nullptr); }
Matrix operator*(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::multiply, operand(b), "operator*", nullptr); }
Matrix operator/(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::divide, operand(b), "operator/", nullptr); }

Matrix operator+(const Matrix& a, double s) { return elementwise(operand(a), Op::add, scalar(s), "operator+", nullptr); }
Matrix operator-(const Matrix& a, double s) { return elementwise(operand(a), Op::subtract, scalar(s), "operator-", nullptr); }
Matrix operator*(const Matrix& a, double s) { return elementwise(operand(a), Op::multiply, scalar(s), "operator*", nullptr); }
Matrix operator/(const Matrix& a, double s) { return elementwise(operand(a), Op::divide, scalar(s), "operator/", nullptr); }
Matrix operator+(double s, const Matrix& a) { return elementwise(scalar(s), Op::add, operand(a), "operator+", nullptr); }
Matrix operator-(double s, const Matrix& a) { return elementwise(scalar(s), Op::subtract, operand(a), "operator-", nullptr); }
Matrix operator*(double s, const Matrix& a) { return elementwise(scalar(s), Op::multiply, operand(a), "operator*", nullptr); }
Matrix operator/(double s, const Matrix& a) { return elementwise(scalar(s), Op::divide, operand(a), "operator/", nullptr); }

// A temporary operand (the result of np::dot, or lr * dW) lends its buffer to the result.
Matrix operator+(Matrix&& a, const Matrix& b) { return elementwise(operand(a), Op::add, operand(b), "operator+", &a); }
Matrix operator-(Matrix&& a, const Matrix& b) { return elementwise(operand(a), Op::subtract, operand(b), "operator-", &a); }
Matrix operator*(Matrix&& a, const Matrix& b) { return elementwise(operand(a), Op::multiply, operand(b), "operator*", &a); }
Matrix operator/(Matrix&& a, const Matrix& b) { return elementwise(operand(a), Op::divide, operand(b), "operator/", &a); }
Matrix operator+(const Matrix& a, Matrix&& b) { return elementwise(operand(a), Op::add, operand(b), "operator+", &b); }
Matrix operator-(const Matrix& a, Matrix&& b) { return elementwise(operand(a), Op::subtract, operand(b), "operator-", &b); }
Matrix operator*(const Matrix& a, Matrix&& b) { return elementwise(operand(a), Op::multiply, operand(b), "operator*", &b); }
Matrix operator/(const Matrix& a, Matrix&& b) { return elementwise(operand(a), Op::divide, operand(b), "operator/", &b); }
Matrix operator+(Matrix&& a, Matrix&& b) { return elementwise(operand(a), Op::add, operand(b), "operator+", &a); }
Matrix operator-(Matrix&& a, Matrix&& b) { return elementwise(operand(a), Op::subtract, operand(b), "operator-", &a); }
Matrix operator*(Matrix&& a, Matrix&& b) { return elementwise(operand(a), Op::multiply, operand(b), "operator*", &a); }
Matrix operator/(Matrix&& a, Matrix&& b) { return elementwise(operand(a), Op::divide, operand(b), "operator/", &a); }
Matrix operator+(Matrix&& a, double s) { return elementwise(operand(a), Op::add, scalar(s), "operator+", &a); }
Matrix operator-(Matrix&& a, double s) { return elementwise(operand(a), Op::subtract, scalar(s), "operator-", &a); }
Matrix operator*(Matrix&& a, double s) { return elementwise(operand(a), Op::multiply, scalar(s), "operator*", &a); }
Matrix operator/(Matrix&& a, double s) { return elementwise(operand(a), Op::divide, scalar(s), "operator/", &a); }
Matrix operator+(double s, Matrix&& a) { return elementwise(scalar(s), Op::add, operand(a), "operator+", &a); }
Matrix operator-(double s, Matrix&& a) { return elementwise(scalar(s), Op::subtract, operand(a), "operator-", &a); }
Matrix operator*(double s, Matrix&& a) { return elementwise(scalar(s), Op::multiply, operand(a), "operator*", &a); }
Matrix operator/(double s, Matrix&& a) { return elementwise(scalar(s), Op::divide, operand(a), "operator/", &a); }

// -x is not 0 - x (the sign of a zero), so negation has its own loop.
Matrix operator-(const Matrix& a) {
    const Matrix src = a.contiguous();
    Matrix out = Matrix::uninitialized(a.rows(), a.cols());
    if (out.empty()) return out;
    const double* x = src.data();
    double* o = out.mutable_data();
    for (std::size_t k = 0; k < a.size(); ++k) o[k] = -x[k];
    return out;
}
Matrix operator-(Matrix&& a) {
    if (a.is_transposed() || a.empty()) return -static_cast<const Matrix&>(a);
    double* o = a.mutable_data();
    for (std::size_t k = 0; k < a.size(); ++k) o[k] = -o[k];
    return std::move(a);
}

Matrix& operator+=(Matrix& a, const Matrix& b) { return a = a + b; }
Matrix& operator-=(Matrix& a, const Matrix& b) { return a = a - b; }
Matrix& operator*=(Matrix& a, double s) { return a = a * s; }

Matrix operator<(const Matrix& a, double s) { return elementwise(operand(a), Op::less, scalar(s), "operator<", nullptr); }
Matrix operator<=(const Matrix& a, double s) { return elementwise(operand(a), Op::less_equal, scalar(s), "operator<=", nullptr); }
Matrix operator>(const Matrix& a, double s) { return elementwise(operand(a), Op::greater, scalar(s), "operator>", nullptr); }
Matrix operator>=(const Matrix& a, double s) { return elementwise(operand(a), Op::greater_equal, scalar(s), "operator>=", nullptr); }
Matrix operator==(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::equal, operand(b), "operator==", nullptr); }
Matrix operator!=(const Matrix& a, const Matrix& b) { return elementwise(operand(a), Op::not_equal, operand(b), "operator!=", nullptr); }

}  // namespace dnn
