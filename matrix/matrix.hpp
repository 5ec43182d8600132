// matrix/matrix.hpp - dnn::Matrix, a small dense row-major matrix of doubles.
//
// EN: A Matrix is what a 2-D numpy float64 array is in the notebook. Copies are cheap: a copy (and the
//     transpose m.T()) shares the same storage until one of them is written, then the writer gets its own
//     buffer (copy-on-write). So a cache that "holds" A_prev and W holds the very same numbers, as numpy's
//     tuples do, without a deep copy, yet writing into one Matrix never changes another.
// KO: Matrix는 노트북의 2차원 numpy float64 배열에 해당합니다. 복사(와 전치 m.T())는 값을 쓰기 전까지
//     같은 저장 공간을 공유합니다(copy-on-write). 그래서 캐시는 numpy처럼 깊은 복사 없이 A_prev와 W를
//     그대로 담고, 한 Matrix에 쓴 값이 다른 Matrix를 바꾸는 일은 없습니다.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>

namespace dnn {

// A matrix shape, printed as numpy prints it: (rows, cols).
struct Shape {
    std::size_t rows = 0;
    std::size_t cols = 0;
    friend bool operator==(const Shape&, const Shape&) = default;
};
std::ostream& operator<<(std::ostream& os, const Shape& s);
std::string to_string(const Shape& s);  // "(1, 3)"

class MaskedAssign;
class Matrix;
namespace np {
Matrix dot(const Matrix& A, const Matrix& B);
}

class Matrix {
public:
    // An empty (0, 0) matrix.
    Matrix() = default;
    // rows x cols, filled with zeros (like np.zeros((rows, cols))).
    Matrix(std::size_t rows, std::size_t cols);
    // rows x cols, every element set to value.
    Matrix(std::size_t rows, std::size_t cols, double value);
    // Matrix{{1, 2}, {3, 4}}: one inner list per row; all rows must have the same length.
    Matrix(std::initializer_list<std::initializer_list<double>> rows);

    // rows x cols whose elements are not set: for code that writes every element next (results of kernels).
    static Matrix uninitialized(std::size_t rows, std::size_t cols);

    std::size_t rows() const { return rows_; }
    std::size_t cols() const { return cols_; }
    std::size_t size() const { return rows_ * cols_; }
    Shape shape() const { return {rows_, cols_}; }
    bool empty() const { return size() == 0; }

    // Element (i, j), bounds-checked (throws std::out_of_range). Writing detaches shared storage first.
    double operator()(std::size_t i, std::size_t j) const;
    double& operator()(std::size_t i, std::size_t j);

    // The transpose, as numpy's A.T: a view that shares storage (no copy is made).
    Matrix T() const;
    // A same-size matrix of another shape (numpy's reshape, C order). Shares storage when not transposed.
    Matrix reshape(std::size_t rows, std::size_t cols) const;
    Matrix reshape(Shape s) const { return reshape(s.rows, s.cols); }
    // A deep copy with its own row-major storage (numpy's A.copy()).
    Matrix copy() const;
    // This matrix with row-major storage: itself when already so, else a materialised copy.
    Matrix contiguous() const;

    // Storage access for kernels. The storage is row-major of shape (rows, cols), or, when
    // is_transposed(), row-major of shape (cols, rows): element (i, j) is at data()[j * rows() + i].
    bool is_transposed() const { return trans_; }
    const double* data() const { return buf_.get(); }
    double* mutable_data();  // detaches shared storage first
    // True when both matrices read the same storage (used by tests of the no-copy rules).
    bool shares_storage_with(const Matrix& other) const { return buf_ && buf_ == other.buf_; }

    // numpy's boolean-mask assignment: dZ[Z <= 0] = 0. The mask is a same-shape matrix of 0s and 1s.
    MaskedAssign operator[](const Matrix& mask);

private:
    std::size_t rows_ = 0;
    std::size_t cols_ = 0;
    bool trans_ = false;                 // storage holds the transpose, see data()
    std::shared_ptr<double[]> buf_;      // rows_ * cols_ doubles, shared between copies until written

    void detach();                       // give this matrix its own buffer if it shares one
    std::size_t offset(std::size_t i, std::size_t j) const { return trans_ ? j * rows_ + i : i * cols_ + j; }
    void check_index(std::size_t i, std::size_t j) const;
};

// The result of m[mask]: assigning a value writes it where the mask is non-zero.
class MaskedAssign {
public:
    MaskedAssign(Matrix& target, const Matrix& mask) : target_(target), mask_(mask) {}
    MaskedAssign& operator=(double value);

private:
    Matrix& target_;
    Matrix mask_;
};

// Prints as the notebook's "Expected output" cells print numpy arrays, e.g. [[ 3.26295337 -1.23429987]].
std::ostream& operator<<(std::ostream& os, const Matrix& m);
// The same text as operator<< writes.
std::string to_string(const Matrix& m);

}  // namespace dnn
