// course/expected_python_basics.hpp - "Python Basics with Numpy" (W2A1): what the notebooks printed.
//
// EN: The 2021 notebook (v1.2, numpy >= 1.14's print layout) is the default; v3a (2020, numpy < 1.14's layout)
//     printed the same values in its own layout. Full-precision values (re-derived with numpy 1.24) follow the
//     printed texts. One table for the tests, the replay and the tutorials.
// KO: 2021년 노트북(v1.2, numpy >= 1.14 레이아웃)이 기본이고 v3a(2020, numpy < 1.14 레이아웃)는 같은 값을 자기
//     레이아웃으로 출력했습니다. 출력된 글 뒤에 전체 정밀도 값(numpy 1.24로 다시 계산)이 있습니다.
#pragma once

namespace dnn::notebook::expected::python_basics {

// ---- the 2021 notebook (v1.2): the printed lines, after "name = " ------------------------------------------
inline constexpr const char* basic_sigmoid_1 = "0.7310585786300049";  // basic_sigmoid(1) =
inline constexpr const char* sigmoid = "[0.73105858 0.88079708 0.95257413]";  // sigmoid(t_x) =  (a 1-D array)
inline constexpr const char* sigmoid_derivative = "[0.19661193 0.10499359 0.04517666]";  // sigmoid_derivative(t_x) =
inline constexpr const char* image2vector =
    "[[0.67826139]\n [0.29380381]\n [0.90714982]\n [0.52835647]\n [0.4215251 ]\n [0.45017551]\n [0.92814219]\n"
    " [0.96677647]\n [0.85304703]\n [0.52351845]\n [0.19981397]\n [0.27417313]\n [0.60659855]\n [0.00533165]\n"
    " [0.10820313]\n [0.49978937]\n [0.34144279]\n [0.94630077]]";
inline constexpr const char* normalize_rows =
    "[[0.         0.6        0.8       ]\n [0.13736056 0.82416338 0.54944226]]";
inline constexpr const char* softmax =
    "[[9.80897665e-01 8.94462891e-04 1.79657674e-02 1.21052389e-04\n  1.21052389e-04]\n"
    " [8.78679856e-01 1.18916387e-01 8.01252314e-04 8.01252314e-04\n  8.01252314e-04]]";
inline constexpr const char* L1 = "1.1";
inline constexpr const char* L2 = "0.43";
// np.exp(np.array([1, 2, 3])) (a 1-D array; the ungraded example before sigmoid)
inline constexpr const char* np_exp = "[ 2.71828183  7.3890561  20.08553692]";

// ---- v3a (2020): numpy < 1.14's layout ----------------------------------------------------------------------
namespace v3a {
inline constexpr const char* basic_sigmoid_3 = "0.9525741268224334";  // the cell's value of basic_sigmoid(3)
inline constexpr const char* sigmoid = "array([ 0.73105858,  0.88079708,  0.95257413])";  // the cell's value (repr)
inline constexpr const char* sigmoid_derivative = "[ 0.19661193  0.10499359  0.04517666]";
inline constexpr const char* image2vector =
    "[[ 0.67826139]\n [ 0.29380381]\n [ 0.90714982]\n [ 0.52835647]\n [ 0.4215251 ]\n [ 0.45017551]\n"
    " [ 0.92814219]\n [ 0.96677647]\n [ 0.85304703]\n [ 0.52351845]\n [ 0.19981397]\n [ 0.27417313]\n"
    " [ 0.60659855]\n [ 0.00533165]\n [ 0.10820313]\n [ 0.49978937]\n [ 0.34144279]\n [ 0.94630077]]";
inline constexpr const char* normalizeRows =
    "[[ 0.          0.6         0.8       ]\n [ 0.13736056  0.82416338  0.54944226]]";
inline constexpr const char* softmax =
    "[[  9.80897665e-01   8.94462891e-04   1.79657674e-02   1.21052389e-04\n    1.21052389e-04]\n"
    " [  8.78679856e-01   1.18916387e-01   8.01252314e-04   8.01252314e-04\n    8.01252314e-04]]";
inline constexpr const char* L1 = "1.1";
inline constexpr const char* L2 = "0.43";
inline constexpr const char* np_exp = "[  2.71828183   7.3890561   20.08553692]";
}  // namespace v3a

// ---- full precision (numpy 1.24), for exact checks -------------------------------------------------------
inline constexpr double sigmoid_derivative_full[] = {0.19661193324148185, 0.10499358540350645, 0.045176659730912};
inline constexpr double normalize_rows_row1_full[] = {0.13736056394868904, 0.8241633836921342, 0.5494422557947561};
inline constexpr double softmax_full[2][5] = {
    {0.9808976649146187, 0.0008944628906901777, 0.017965767417378736, 0.00012105238865619453,
     0.00012105238865619453},
    {0.87867985588699, 0.11891638717077183, 0.0008012523140793875, 0.0008012523140793875, 0.0008012523140793875}};
// image2vector's column is the image's 18 values in C order (course/test_cases_python_basics.cpp).

}  // namespace dnn::notebook::expected::python_basics
