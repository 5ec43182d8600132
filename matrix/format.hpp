// matrix/format.hpp - numbers and arrays as Python and numpy print them.
//
// EN: Students diff this library's output against the notebook's, so values print the way the notebook
//     printed them: py_repr(0.2797765635793422) is "0.2797765635793422" (Python's str of a float), and a
//     Matrix prints as numpy's print(array) did in the course's "Expected output" cells:
//         [[ 3.43896131  0.        ]]
//     That is numpy's classic layout (np.set_printoptions(legacy="1.13")): every number keeps a column for its
//     sign, so zeros print as [[ 0.]]. Up to 8 decimals, trailing zeros dropped; scientific notation when the
//     values span more than 1000x or go below 1e-4; rows wrap at 75 characters; arrays of more than 1000
//     elements show their first and last 3 rows and columns around "...".
//     The 2021 notebooks ran numpy >= 1.14: PrintOptions{.layout = Layout::modern} prints their layout.
// KO: 학생들이 노트북 출력과 비교하므로 노트북이 찍은 모양 그대로 출력합니다. py_repr은 파이썬의 float 문자열,
//     Matrix는 강의의 "Expected output" 칸의 numpy print 모양입니다(legacy="1.13" 레이아웃: 부호 자리를 늘
//     남겨 0은 [[ 0.]]). 소수점 이하 최대 8자리, 값의 범위가 1000배를 넘거나 1e-4보다 작으면 지수 표기,
//     75자에서 줄바꿈, 1000개를 넘는 배열은 앞뒤 3개씩과 "..."로 줄여 보여 줍니다.
//     2021년 노트북(numpy >= 1.14)의 모양은 PrintOptions{.layout = Layout::modern}으로 출력합니다.
#pragma once

#include <string>

#include "matrix/matrix.hpp"

namespace dnn {

// Python's repr/str of a float: the shortest digits that read back to the same double.
std::string py_repr(double x);

// EN: Which numpy printed the notebook: the course until 2020 ran numpy < 1.14 (a sign column: [[ 0.5]],
//     [[ 0.]]); the 2021 notebooks run numpy >= 1.14 ([[0.5]], [[0.]], scientific numbers with only the digits
//     they need, and one column less per line for each closing ']').
// KO: 노트북을 출력한 numpy: 2020년까지의 강의는 numpy < 1.14(부호 자리: [[ 0.5]], [[ 0.]]), 2021년 노트북은
//     numpy >= 1.14([[0.5]], [[0.]], 지수 표기는 필요한 자릿수만, 닫는 ']'마다 한 줄에 한 칸 덜)입니다.
enum class Layout {
    legacy_1_13,  // np.set_printoptions(legacy="1.13"): the week-4 notebooks, W2 v6a, W3 v6c and older
    modern,       // numpy >= 1.14: the 2021 notebooks (W2A1, W2A2, W3A1, W4A1, W4A2)
};

struct PrintOptions {
    int precision = 8;           // digits after the decimal point, at most
    std::size_t linewidth = 75;  // characters per line before wrapping
    std::size_t threshold = 1000;  // more elements than this are summarised
    std::size_t edgeitems = 3;   // rows/columns kept at each edge of a summary
    Layout layout = Layout::legacy_1_13;
};

// The text operator<< writes, with explicit options (PrintOptions{.layout = Layout::modern}: numpy >= 1.14).
std::string format_matrix(const Matrix& m, const PrintOptions& options = {});

// EN: numpy's print of a 1-D array holding m's elements; m is a row (1, n) or a column (n, 1), the C++ form
//     of the notebook's 1-D arrays: [ 0.5         0.88079708] (legacy), [0.5        0.88079708] (modern).
//     Throws std::invalid_argument for a matrix with more than one row and column.
// KO: m의 원소를 담은 1차원 numpy 배열의 print. m은 노트북의 1차원 배열을 옮긴 행 (1, n)이나 열 (n, 1)입니다.
//     행과 열이 모두 둘 이상이면 std::invalid_argument.
std::string format_1d(const Matrix& m, const PrintOptions& options = {});

// EN: numpy's print of a boolean array, non-zero elements True: [[ True False  True]] (both layouts).
// KO: 불리언 배열의 numpy print(0이 아닌 원소는 True): [[ True False  True]] (두 레이아웃 모두).
std::string format_bool(const Matrix& m, const PrintOptions& options = {});

// EN: str() of a numpy float64 scalar before numpy 1.14 (and Python 2's str of a float): 12 significant digits,
//     legacy_float_str(0.001455578136784208) is "0.00145557813678". With numpy >= 1.14 it is py_repr's text.
// KO: numpy 1.14 이전의 float64 스칼라 str()(파이썬 2의 float str도 같음): 유효숫자 12자리.
//     numpy >= 1.14에서는 py_repr의 글과 같습니다.
std::string legacy_float_str(double x);

}  // namespace dnn
