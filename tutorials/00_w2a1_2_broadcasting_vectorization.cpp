// tutorials/00_w2a1_2_broadcasting_vectorization.cpp - week 2, "Python Basics with Numpy" 1.4, 1.5 and 2:
// normalizing rows, softmax (broadcasting), vectorization and the L1 and L2 losses.
#include <cmath>

#include "course/expected_python_basics.hpp"
#include "course/test_cases_python_basics.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::python_basics;
namespace tc = dnn::test_cases::python_basics;

int main() {
    title("Week 2, Python Basics with Numpy: 1.4 - 2.1, broadcasting, softmax, vectorization, losses",
          "2주차 파이썬 기초와 numpy: 1.4 - 2.1, 브로드캐스팅, softmax, 벡터화, 손실 함수");

    section("1.4 normalize_rows", "1.4 normalize_rows: 행 정규화");
    explain("Dividing each row x by its length ||x|| makes every row a unit vector. np::linalg::norm(x, 1, true) "
            "gives the (n, 1) column of row norms; x / x_norm then broadcasts that column over the m columns: a "
            "(n, m) / (n, 1) division, no loop.",
            "각 행 x를 그 길이 ||x||로 나누면 모든 행이 단위 벡터가 됩니다. np::linalg::norm(x, 1, true)가 행 "
            "노름의 (n, 1) 열을 주고, x / x_norm이 그 열을 m개의 열에 브로드캐스트합니다: (n, m) / (n, 1) 나눗셈, "
            "반복문 없음.");
    show_code("Matrix x{{0., 3., 4.}, {1., 6., 4.}};  Matrix n = basics::normalize_rows(x);");
    const Matrix x = tc::normalize_rows_x();
    const Matrix n = basics::normalize_rows(x);
    check_modern("normalize_rows(x)", n, ex::normalize_rows);
    verify("row 0 is (0, 3, 4) / 5: exactly (0, 0.6, 0.8)", "0행은 (0, 3, 4) / 5: 정확히 (0, 0.6, 0.8)",
           n(0, 0) == 0 && n(0, 1) == 0.6 && n(0, 2) == 0.8);
    check("normalizeRows(x) (v3a)", n, ex::v3a::normalizeRows);

    section("1.5 softmax", "1.5 softmax");
    explain("softmax turns each row of scores into probabilities: exp of every element, divided by its row's sum. "
            "np::sum(x_exp, 1, true) keeps the (m, 1) shape (keepdims=True) so that x_exp / x_sum broadcasts row "
            "by row. (np::sum's keepdims defaults to true here, unlike numpy's.)",
            "softmax는 각 행의 점수를 확률로 바꿉니다: 모든 원소의 exp를 그 행의 합으로 나눕니다. "
            "np::sum(x_exp, 1, true)가 (m, 1) 모양을 유지해서(keepdims=True) x_exp / x_sum이 행마다 "
            "브로드캐스트됩니다. (여기서 np::sum의 keepdims 기본값은 numpy와 달리 true입니다.)");
    show_code("Matrix s = basics::softmax(Matrix{{9, 2, 5, 0, 0}, {7, 5, 0, 0, 0}});");
    const Matrix s = basics::softmax(tc::softmax_x());
    check_modern("softmax(x)", s, ex::softmax);
    explain("The values span more than 1000x, so numpy prints them in scientific notation; numpy >= 1.14 prints "
            "each with the digits it needs and no sign column.",
            "값의 범위가 1000배를 넘어서 numpy는 지수 표기로 출력합니다. numpy >= 1.14는 필요한 자릿수만, 부호 "
            "자리 없이 출력합니다.");
    verify("each row sums to 1", "각 행의 합은 1", std::abs(np::sum(s, 1, true)(0, 0) - 1) < 1e-15 &&
                                                            std::abs(np::sum(s, 1, true)(1, 0) - 1) < 1e-15);

    section("2 Vectorization", "2 벡터화");
    explain("A dot product, an element-wise product: one call each instead of a loop. For the notebook's x1 and "
            "x2 (15 values each), np.dot gives 278.",
            "내적과 원소별 곱을 반복문 대신 호출 하나로 계산합니다. 노트북의 x1, x2(각 15개 값)의 np.dot은 278입니다.");
    const Matrix x1{{9, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0}};
    const Matrix x2{{9, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0}};
    show_code("double dot = np::sum(np::dot(x1, x2.T()));   // 1-D arrays are rows here: (1, 15) . (15, 1)");
    const double dot = np::sum(np::dot(x1, x2.T()));
    verify("dot = " + py_repr(dot) + " (the notebook: 278)", "dot = " + py_repr(dot) + " (노트북: 278)", dot == 278);
    const Matrix mul = np::multiply(x1, x2);
    verify("np.multiply(x1, x2) = [81 4 10 0 0 63 10 0 0 0 81 4 25 0 0]",
           "원소별 곱 np.multiply(x1, x2) = [81 4 10 0 0 63 10 0 0 0 81 4 25 0 0]",
           np::array_equal(mul, Matrix{{81, 4, 10, 0, 0, 63, 10, 0, 0, 0, 81, 4, 25, 0, 0}}));

    section("2.1 L1 and L2 losses", "2.1 L1, L2 손실");
    explain("L1 = sum |y - yhat| and L2 = sum (y - yhat)^2 measure how far predictions are from labels. L2 as a "
            "dot product of the difference with itself: (1, m) . (m, 1).",
            "L1 = sum |y - yhat|, L2 = sum (y - yhat)^2는 예측이 정답에서 얼마나 먼지 잽니다. L2는 차이와 자기 "
            "자신의 내적입니다: (1, m) . (m, 1).");
    auto [yhat, y] = tc::loss_case();
    show_code("double l1 = basics::L1(yhat, y), l2 = basics::L2(yhat, y);");
    check("L1", basics::L1(yhat, y), ex::L1);
    check("L2", basics::L2(yhat, y), ex::L2);
    return finish();
}
