// matrix/ops.hpp - elementwise arithmetic and comparisons with numpy's broadcasting rules.
//
// EN: A + B, A - B, A * B, A / B work elementwise as in numpy. Shapes must be equal, or one side may have a 1
//     where the other does not: a column (n, 1) such as b is repeated across the columns, a row (1, m) across
//     the rows, a (1, 1) everywhere. A double works as a scalar on either side (1 - Y, lr * dW).
//     Comparisons (Z <= 0, A > 0.5) give numpy's boolean arrays as matrices of 1.0 (true) and 0.0 (false).
//     Incompatible shapes throw std::invalid_argument with both shapes, as numpy's ValueError does.
// KO: A + B, A - B, A * B, A / B는 numpy처럼 원소별로 계산합니다. 두 shape이 같거나, 한쪽 차원이 1이면
//     그 방향으로 반복됩니다: (n, 1) 열(예: b)은 모든 열에, (1, m) 행은 모든 행에, (1, 1)은 모든 원소에.
//     double은 어느 쪽에서나 스칼라입니다(1 - Y, lr * dW). 비교(Z <= 0, A > 0.5)는 numpy의 불리언 배열을
//     1.0(참)과 0.0(거짓)의 행렬로 돌려줍니다. 맞지 않는 shape은 두 shape을 담은 std::invalid_argument입니다.
#pragma once

#include "matrix/matrix.hpp"

namespace dnn {

// The shape of a broadcast between shapes a and b; throws std::invalid_argument naming `what` and both shapes.
Shape broadcast_shape(Shape a, Shape b, const char* what);

// EN: The operations behind the operators below and np::maximum: a OP b elementwise, with broadcasting.
//     `what` names the caller in the error for shapes that do not broadcast.
// KO: 아래 연산자들과 np::maximum 뒤의 연산: 브로드캐스팅하며 원소별로 a OP b. `what`은 브로드캐스트할 수
//     없는 shape의 오류 메시지에 들어갈 호출자 이름입니다.
enum class Op { add, subtract, multiply, divide, maximum, less, less_equal, greater, greater_equal, equal, not_equal };
Matrix elementwise(const Matrix& a, Op op, const Matrix& b, const char* what);
Matrix elementwise(const Matrix& a, Op op, double s, const char* what);
Matrix elementwise(double s, Op op, const Matrix& a, const char* what);

Matrix operator+(const Matrix& a, const Matrix& b);
Matrix operator-(const Matrix& a, const Matrix& b);
Matrix operator*(const Matrix& a, const Matrix& b);
Matrix operator/(const Matrix& a, const Matrix& b);

Matrix operator+(const Matrix& a, double s);
Matrix operator-(const Matrix& a, double s);
Matrix operator*(const Matrix& a, double s);
Matrix operator/(const Matrix& a, double s);
Matrix operator+(double s, const Matrix& a);
Matrix operator-(double s, const Matrix& a);
Matrix operator*(double s, const Matrix& a);
Matrix operator/(double s, const Matrix& a);

Matrix operator-(const Matrix& a);

// The same on temporaries (e.g. the result of np::dot): the result reuses the temporary's storage.
// Values are exactly those of the overloads above.
Matrix operator+(Matrix&& a, const Matrix& b);
Matrix operator-(Matrix&& a, const Matrix& b);
Matrix operator*(Matrix&& a, const Matrix& b);
Matrix operator/(Matrix&& a, const Matrix& b);
Matrix operator+(const Matrix& a, Matrix&& b);
Matrix operator-(const Matrix& a, Matrix&& b);
Matrix operator*(const Matrix& a, Matrix&& b);
Matrix operator/(const Matrix& a, Matrix&& b);
Matrix operator+(Matrix&& a, Matrix&& b);
Matrix operator-(Matrix&& a, Matrix&& b);
Matrix operator*(Matrix&& a, Matrix&& b);
Matrix operator/(Matrix&& a, Matrix&& b);
Matrix operator+(Matrix&& a, double s);
Matrix operator-(Matrix&& a, double s);
Matrix operator*(Matrix&& a, double s);
Matrix operator/(Matrix&& a, double s);
Matrix operator+(double s, Matrix&& a);
Matrix operator-(double s, Matrix&& a);
Matrix operator*(double s, Matrix&& a);
Matrix operator/(double s, Matrix&& a);
Matrix operator-(Matrix&& a);

Matrix& operator+=(Matrix& a, const Matrix& b);
Matrix& operator-=(Matrix& a, const Matrix& b);
Matrix& operator*=(Matrix& a, double s);

// Elementwise comparisons: 1.0 where true, 0.0 where false.
Matrix operator<(const Matrix& a, double s);
Matrix operator<=(const Matrix& a, double s);
Matrix operator>(const Matrix& a, double s);
Matrix operator>=(const Matrix& a, double s);
Matrix operator==(const Matrix& a, const Matrix& b);
Matrix operator!=(const Matrix& a, const Matrix& b);

}  // namespace dnn
