// matrix/matrix.cpp - construction, element access, views and copy-on-write of dnn::Matrix.
#include "matrix/matrix.hpp"

#include <algorithm>
#include <limits>
#include <ostream>
#include <stdexcept>
#include <string>

#include "matrix/buffers.hpp"

namespace dnn {

std::ostream& operator<<(std::ostream& os, const Shape& s) {
    return os << '(' << s.rows << ", " << s.cols << ')';
}

std::string to_string(const Shape& s) {
    return "(" + std::to_string(s.rows) + ", " + std::to_string(s.cols) + ")";
}

namespace {

// rows * cols doubles, refusing sizes whose byte count would overflow.
std::shared_ptr<double[]> allocate(std::size_t rows, std::size_t cols) {
    if (rows != 0 && cols > std::numeric_limits<std::size_t>::max() / sizeof(double) / rows)
        throw std::length_error("Matrix: shape (" + std::to_string(rows) + ", " + std::to_string(cols) +
                                ") is too large to allocate");
    const std::size_t n = rows * cols;
    if (n == 0) return nullptr;
    // Left uninitialized (every caller writes each element); large buffers may be reused (buffers.hpp).
    return detail::allocate_buffer(n);
}

}  // namespace

Matrix::Matrix(std::size_t rows, std::size_t cols) : Matrix(rows, cols, 0.0) {}

Matrix::Matrix(std::size_t rows, std::size_t cols, double value)
    : rows_(rows), cols_(cols), buf_(allocate(rows, cols)) {
    std::fill_n(buf_.get(), size(), value);
}

Matrix::Matrix(std::initializer_list<std::initializer_list<double>> rows) {
    rows_ = rows.size();
    cols_ = rows_ == 0 ? 0 : rows.begin()->size();
    std::size_t r = 0;
    for (const auto& row : rows) {
        if (row.size() != cols_)
            throw std::invalid_argument("Matrix: row " + std::to_string(r) + " has " + std::to_string(row.size()) +
                                        " elements but row 0 has " + std::to_string(cols_));
        ++r;
    }
    buf_ = allocate(rows_, cols_);
    std::size_t k = 0;
    for (const auto& row : rows)
        for (double v : row) buf_[k++] = v;
}

Matrix Matrix::uninitialized(std::size_t rows, std::size_t cols) {
    Matrix m;
    m.rows_ = rows;
    m.cols_ = cols;
    m.buf_ = allocate(rows, cols);
    return m;
}

void Matrix::check_index(std::size_t i, std::size_t j) const {
    if (i >= rows_ || j >= cols_)
        throw std::out_of_range("Matrix: index (" + std::to_string(i) + ", " + std::to_string(j) +
                                ") is out of bounds for shape " + to_string(shape()));
}

double Matrix::operator()(std::size_t i, std::size_t j) const {
    check_index(i, j);
    return buf_[offset(i, j)];
}

double& Matrix::operator()(std::size_t i, std::size_t j) {
    check_index(i, j);
    detach();
    return buf_[offset(i, j)];
}

double* Matrix::mutable_data() {
    detach();
    return buf_.get();
}

void Matrix::detach() {
    if (!buf_ || buf_.use_count() == 1) return;
    auto own = allocate(rows_, cols_);
    std::copy_n(buf_.get(), size(), own.get());
    buf_ = std::move(own);
}

Matrix Matrix::T() const {
    Matrix t = *this;  // shares buf_
    std::swap(t.rows_, t.cols_);
    t.trans_ = !trans_;
    return t;
}

Matrix Matrix::reshape(std::size_t rows, std::size_t cols) const {
    if (rows * cols != size())
        throw std::invalid_argument("reshape: cannot reshape array of size " + std::to_string(size()) +
                                    " into shape " + to_string(Shape{rows, cols}));
    // A vector (one row or one column) has the same element order either way round.
    const bool vector_like = rows_ == 1 || cols_ == 1;
    Matrix r = (trans_ && !vector_like) ? contiguous() : *this;
    r.rows_ = rows;
    r.cols_ = cols;
    r.trans_ = false;
    return r;
}

Matrix Matrix::copy() const {
    Matrix c = uninitialized(rows_, cols_);
    if (!trans_) {
        std::copy_n(buf_.get(), size(), c.buf_.get());
    } else {
        for (std::size_t i = 0; i < rows_; ++i)
            for (std::size_t j = 0; j < cols_; ++j) c.buf_[i * cols_ + j] = buf_[j * rows_ + i];
    }
    return c;
}

Matrix Matrix::contiguous() const { return trans_ ? copy() : *this; }

MaskedAssign Matrix::operator[](const Matrix& mask) {
    if (mask.shape() != shape())
        throw std::invalid_argument("Matrix[mask]: mask has shape " + to_string(mask.shape()) +
                                    " but the array has shape " + to_string(shape()));
    return MaskedAssign(*this, mask);
}

MaskedAssign& MaskedAssign::operator=(double value) {
    const Matrix mask = mask_.contiguous();
    double* out = nullptr;
    const std::size_t rows = target_.rows(), cols = target_.cols();
    for (std::size_t i = 0; i < rows; ++i)
        for (std::size_t j = 0; j < cols; ++j)
            if (mask.data()[i * cols + j] != 0.0) {
                if (!out) out = target_.mutable_data();  // detach only when something is written
                out[target_.is_transposed() ? j * rows + i : i * cols + j] = value;
            }
    return *this;
}

}  // namespace dnn
