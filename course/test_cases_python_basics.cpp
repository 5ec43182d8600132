// course/test_cases_python_basics.cpp - W2A1's literal inputs.
#include "course/test_cases_python_basics.hpp"

namespace dnn::test_cases::python_basics {

Matrix t_x() { return Matrix{{1, 2, 3}}; }

basics::Array3D image() {
    return basics::Array3D{{{0.67826139, 0.29380381}, {0.90714982, 0.52835647}, {0.4215251, 0.45017551}},
                           {{0.92814219, 0.96677647}, {0.85304703, 0.52351845}, {0.19981397, 0.27417313}},
                           {{0.60659855, 0.00533165}, {0.10820313, 0.49978937}, {0.34144279, 0.94630077}}};
}

Matrix normalize_rows_x() { return Matrix{{0., 3., 4.}, {1., 6., 4.}}; }

Matrix softmax_x() { return Matrix{{9, 2, 5, 0, 0}, {7, 5, 0, 0, 0}}; }

LossCase loss_case() { return {Matrix{{.9, 0.2, 0.1, .4, .9}}, Matrix{{1, 0, 0, 1, 1}}}; }

}  // namespace dnn::test_cases::python_basics
