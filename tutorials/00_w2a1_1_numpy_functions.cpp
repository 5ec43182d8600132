// tutorials/00_w2a1_1_numpy_functions.cpp - week 2, "Python Basics with Numpy" 1.1 - 1.3: sigmoid with math and
// with numpy, its gradient, and reshaping an image into a vector.
#include "course/expected_python_basics.hpp"
#include "course/test_cases_python_basics.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::python_basics;
namespace tc = dnn::test_cases::python_basics;

int main() {
    title("Week 2, Python Basics with Numpy: 1.1 - 1.3, sigmoid, its gradient, reshaping",
          "2주차 파이썬 기초와 numpy: 1.1 - 1.3, 시그모이드, 그 기울기, reshape");

    explain("This optional notebook teaches numpy through small functions. Here the same functions teach this "
            "library's Matrix and np:: calls, which mirror numpy's. The functions live in dnn::basics "
            "(nn/python_basics/), one file per section.",
            "이 선택 과제는 작은 함수들로 numpy를 가르칩니다. 여기서는 같은 함수들로 numpy를 본뜬 이 라이브러리의 "
            "Matrix와 np:: 함수를 익힙니다. 함수는 dnn::basics(nn/python_basics/)에 절마다 파일 하나씩 있습니다.");

    section("1.1 basic_sigmoid: one number, with the math library", "1.1 basic_sigmoid: 숫자 하나, math 라이브러리로");
    explain("sigmoid(x) = 1 / (1 + e^-x) squashes any number into (0, 1). basic_sigmoid uses std::exp, Python's "
            "math.exp, which takes one number. The notebook shows math.exp failing on a list (TypeError); in C++ "
            "the compiler refuses a Matrix argument before the program runs.",
            "sigmoid(x) = 1 / (1 + e^-x)는 어떤 수든 (0, 1) 사이로 눌러 줍니다. basic_sigmoid는 숫자 하나만 받는 "
            "std::exp(파이썬의 math.exp)를 씁니다. 노트북은 리스트를 넣으면 math.exp가 실패하는 것(TypeError)을 "
            "보여 줍니다. C++에서는 Matrix를 넘기면 실행 전에 컴파일러가 거부합니다.");
    show_code("double s = basics::basic_sigmoid(1);");
    check("basic_sigmoid(1)", basics::basic_sigmoid(1), ex::basic_sigmoid_1);
    check("basic_sigmoid(3) (v3a)", basics::basic_sigmoid(3), ex::v3a::basic_sigmoid_3);

    section("1.1 sigmoid: every element of an array, with np::exp", "1.1 sigmoid: 배열의 모든 원소, np::exp로");
    explain("np::exp applies e^x to every element, and 1 + M, 1 / M work element by element too (broadcasting a "
            "number over the array). The notebook's 1-D array np.array([1, 2, 3]) is a row Matrix{{1, 2, 3}} here; "
            "format_1d prints it as numpy prints a 1-D array.",
            "np::exp는 모든 원소에 e^x를 적용하고, 1 + M, 1 / M도 원소마다 계산합니다(숫자를 배열 전체에 "
            "브로드캐스트). 노트북의 1차원 배열 np.array([1, 2, 3])은 여기서 행 Matrix{{1, 2, 3}}이고, format_1d가 "
            "numpy의 1차원 배열처럼 출력합니다.");
    show_code("Matrix t_x{{1, 2, 3}};  Matrix s = basics::sigmoid(t_x);");
    const Matrix t_x = tc::t_x();
    check_1d("sigmoid(t_x)", basics::sigmoid(t_x), ex::sigmoid);
    explain("The 2021 notebook ran numpy >= 1.14, which prints [0.73105858 ...]; the 2020 version (v3a) ran an "
            "older numpy that keeps a column for the sign, [ 0.73105858 ...]. The values are the same; each is "
            "printed here in its notebook's layout.",
            "2021년 노트북은 numpy >= 1.14로 [0.73105858 ...]처럼, 2020년 판(v3a)은 부호 자리를 남기는 옛 numpy로 "
            "[ 0.73105858 ...]처럼 출력했습니다. 값은 같고, 여기서는 각 노트북의 모양으로 출력합니다.");
    check_1d("sigmoid_derivative(x) (v3a layout)", basics::sigmoid_derivative(t_x), ex::v3a::sigmoid_derivative, {});

    section("1.2 sigmoid_derivative", "1.2 sigmoid_derivative: 시그모이드의 기울기");
    explain("The gradient sigma'(x) = s * (1 - s), with s = sigmoid(x): backpropagation needs it. * here is the "
            "element-wise product (numpy's *), not a matrix product (np::dot).",
            "기울기 sigma'(x) = s * (1 - s), s = sigmoid(x): 역전파에 필요합니다. 여기서 *는 행렬 곱(np::dot)이 "
            "아니라 원소별 곱(numpy의 *)입니다.");
    show_code("Matrix ds = basics::sigmoid_derivative(t_x);");
    check_1d("sigmoid_derivative(t_x)", basics::sigmoid_derivative(t_x), ex::sigmoid_derivative);

    section("1.3 image2vector: an image as one column", "1.3 image2vector: 그림을 한 열로");
    explain("A picture is a 3-D array (length, height, depth = 3 colour channels). Networks take a column of "
            "numbers: reshape(length * height * depth, 1) lays the values out in C order, the last index fastest. "
            "Array3D is the notebook's 3-D numpy array; its reshape gives a Matrix.",
            "그림은 3차원 배열(length, height, depth = 색 채널 3개)입니다. 신경망은 숫자 한 열을 받으므로 "
            "reshape(length * height * depth, 1)로 값을 C 순서(마지막 인덱스가 가장 빨리 변함)로 늘어놓습니다. "
            "Array3D가 노트북의 3차원 numpy 배열이고, 그 reshape가 Matrix를 줍니다.");
    show_code("Matrix v = basics::image2vector(image);   // image: Array3D of shape (3, 3, 2)");
    const basics::Array3D image = tc::image();
    check_modern("image2vector(image)", basics::image2vector(image), ex::image2vector);
    verify("image(2, 1, 1) = " + py_repr(image(2, 1, 1)) + " is element (2 * 3 + 1) * 2 + 1 = 15 of the column",
           "image(2, 1, 1) = " + py_repr(image(2, 1, 1)) + "은 열의 (2 * 3 + 1) * 2 + 1 = 15번째 원소입니다",
           basics::image2vector(image)(15, 0) == image(2, 1, 1));
    return finish();
}
