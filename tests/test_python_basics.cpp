// tests/test_python_basics.cpp - week 2's warm-up, "Python Basics with Numpy" (W2A1): every exercise on the
// notebook's input against what the 2021 notebook (v1.2) and v3a printed, and the full-precision values.
#include <doctest/doctest.h>

#include <cmath>
#include <type_traits>

#include "course/expected_python_basics.hpp"
#include "course/test_cases_python_basics.hpp"
#include "dnn.hpp"
#include "tests/notebook_expect.hpp"

using namespace dnn;
namespace tc = dnn::test_cases::python_basics;
namespace ex = dnn::notebook::expected::python_basics;

namespace {

const PrintOptions modern{.layout = Layout::modern};

}  // namespace

TEST_CASE("week2 basics: basic_sigmoid is 1 / (1 + e^-x) of one number") {
    static_assert(std::is_same_v<decltype(basics::basic_sigmoid(1.0)), double>);
    CHECK(py_repr(basics::basic_sigmoid(1)) == ex::basic_sigmoid_1);
    CHECK(py_repr(basics::basic_sigmoid(3)) == ex::v3a::basic_sigmoid_3);
}

TEST_CASE("week2 basics: sigmoid and sigmoid_derivative on t_x = [1, 2, 3]") {
    const Matrix s = basics::sigmoid(tc::t_x());
    CHECK(format_1d(s, modern) == ex::sigmoid);
    expect::check_printed("sigmoid", s, ex::v3a::sigmoid, expect::Text::numbers_only);  // array([ 0.73..., ...])

    const Matrix ds = basics::sigmoid_derivative(tc::t_x());
    CHECK(format_1d(ds, modern) == ex::sigmoid_derivative);
    CHECK(format_1d(ds) == ex::v3a::sigmoid_derivative);
    // numpy's own exp (AVX-512) and the C library's may differ in the last bit.
    for (std::size_t j = 0; j < 3; ++j)
        CHECK(ds(0, j) == doctest::Approx(ex::sigmoid_derivative_full[j]).epsilon(1e-15));
    // Any shape in, the same shape out.
    CHECK(basics::sigmoid(Matrix(4, 5)).shape() == Shape{4, 5});
    CHECK(basics::sigmoid(Matrix{{0}})(0, 0) == 0.5);
}

TEST_CASE("week2 basics: image2vector puts the (3, 3, 2) image in one column, in C order") {
    const basics::Array3D image = tc::image();
    CHECK(image.shape == std::array<std::size_t, 3>{3, 3, 2});
    const Matrix v = basics::image2vector(image);
    CHECK(v.shape() == Shape{18, 1});
    CHECK(format_matrix(v, modern) == ex::image2vector);
    CHECK(to_string(v) == ex::v3a::image2vector);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            for (std::size_t k = 0; k < 2; ++k) CHECK(v((i * 3 + j) * 2 + k, 0) == image(i, j, k));
    CHECK(image(0, 2, 1) == 0.45017551);  // image[0] = [[0.678.., 0.293..], [0.907.., 0.528..], [0.421.., 0.450..]]
}

TEST_CASE("week2 basics: normalize_rows divides each row by its 2-norm") {
    const Matrix x = tc::normalize_rows_x();
    const Matrix n = basics::normalize_rows(x);
    CHECK(format_matrix(n, modern) == ex::normalize_rows);
    CHECK(to_string(n) == ex::v3a::normalizeRows);
    CHECK(n(0, 0) == 0.0);
    CHECK(n(0, 1) == 0.6);
    CHECK(n(0, 2) == 0.8);
    for (std::size_t j = 0; j < 3; ++j) CHECK(n(1, j) == ex::normalize_rows_row1_full[j]);
    CHECK(np::array_equal(x, tc::normalize_rows_x()));  // the caller's x is not changed
}

TEST_CASE("week2 basics: softmax of each row") {
    const Matrix s = basics::softmax(tc::softmax_x());
    CHECK(format_matrix(s, modern) == ex::softmax);
    CHECK(to_string(s) == ex::v3a::softmax);
    for (std::size_t i = 0; i < 2; ++i) {
        for (std::size_t j = 0; j < 5; ++j) CHECK(s(i, j) == ex::softmax_full[i][j]);
        CHECK(np::sum(s, 1, true)(i, 0) == doctest::Approx(1.0).epsilon(1e-15));
    }
}

TEST_CASE("week2 basics: the L1 and L2 losses") {
    auto [yhat, y] = tc::loss_case();
    static_assert(std::is_same_v<decltype(basics::L1(yhat, y)), double>);
    CHECK(py_repr(basics::L1(yhat, y)) == ex::L1);
    CHECK(py_repr(basics::L2(yhat, y)) == ex::L2);
    CHECK(py_repr(basics::L1(yhat, y)) == ex::v3a::L1);
    CHECK(basics::L2(y, y) == 0.0);
    CHECK_THROWS_WITH_AS(basics::L1(Matrix{{1, 2}}, y),
                         "L1: yhat has shape (1, 2) but y has shape (1, 5): they must have the same shape",
                         std::invalid_argument);
    CHECK_THROWS_AS(basics::L2(yhat, y.T()), std::invalid_argument);
}

TEST_CASE("week2 basics: np.exp of [1, 2, 3] as the notebook prints it, and Array3D's checks") {
    CHECK(format_1d(np::exp(Matrix{{1, 2, 3}}), modern) == ex::np_exp);
    CHECK(format_1d(np::exp(Matrix{{1, 2, 3}})) == ex::v3a::np_exp);
    CHECK_THROWS_WITH_AS((basics::Array3D{{{1, 2}, {3, 4}}, {{5, 6}}}),
                         "Array3D: every image[i] needs 2 rows, one has 1", std::invalid_argument);
    CHECK_THROWS_AS((basics::Array3D{{{1, 2}, {3}}}), std::invalid_argument);
    CHECK_THROWS_AS(tc::image()(3, 0, 0), std::out_of_range);
    CHECK_THROWS_WITH_AS(tc::image().reshape(4, 4),
                         "Array3D::reshape: cannot reshape array of size 18 into shape (4, 4)",
                         std::invalid_argument);
}
