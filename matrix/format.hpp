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
// KO: 학생들이 노트북 출력과 비교하므로 노트북이 찍은 모양 그대로 출력합니다. py_repr은 파이썬의 float 문자열,
//     Matrix는 강의의 "Expected output" 칸의 numpy print 모양입니다(legacy="1.13" 레이아웃: 부호 자리를 늘
//     남겨 0은 [[ 0.]]). 소수점 이하 최대 8자리, 값의 범위가 1000배를 넘거나 1e-4보다 작으면 지수 표기,
//     75자에서 줄바꿈, 1000개를 넘는 배열은 앞뒤 3개씩과 "..."로 줄여 보여 줍니다.
#pragma once

#include <string>

#include "matrix/matrix.hpp"

namespace dnn {

// Python's repr/str of a float: the shortest digits that read back to the same double.
std::string py_repr(double x);

struct PrintOptions {
    int precision = 8;           // digits after the decimal point, at most
    std::size_t linewidth = 75;  // characters per line before wrapping
    std::size_t threshold = 1000;  // more elements than this are summarised
    std::size_t edgeitems = 3;   // rows/columns kept at each edge of a summary
};

// The text operator<< writes, with explicit options.
std::string format_matrix(const Matrix& m, const PrintOptions& options = {});

}  // namespace dnn
