// tests/test_matrix.cpp - dnn::Matrix: construction, views, copy-on-write, broadcasting and numpy's functions.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <sstream>
#include <thread>
#include <vector>

#include "dnn.hpp"
#include "matrix/buffers.hpp"

using namespace dnn;

TEST_CASE("matrix: construction, shape and element access") {
    Matrix z(2, 3);
    CHECK(z.rows() == 2);
    CHECK(z.cols() == 3);
    CHECK(z.shape() == Shape{2, 3});
    for (std::size_t i = 0; i < 2; ++i)
        for (std::size_t j = 0; j < 3; ++j) CHECK(z(i, j) == 0.0);

    Matrix m{{1, 2}, {3, 4}};
    CHECK(m(0, 1) == 2);
    CHECK(m(1, 0) == 3);
    m(1, 0) = 7;
    CHECK(m(1, 0) == 7);

    CHECK_THROWS_AS(m(2, 0), std::out_of_range);
    CHECK_THROWS_AS(m(0, 2), std::out_of_range);
    CHECK_THROWS_WITH_AS((Matrix{{1, 2}, {3}}), "Matrix: row 1 has 1 elements but row 0 has 2", std::invalid_argument);
    CHECK(Matrix().empty());
    CHECK(to_string(Shape{1, 3}) == "(1, 3)");
}

TEST_CASE("matrix: copies share storage until written (copy-on-write)") {
    Matrix a{{1, 2}, {3, 4}};
    Matrix b = a;
    CHECK(b.shares_storage_with(a));
    b(0, 0) = 10;  // b gets its own buffer; a is untouched
    CHECK_FALSE(b.shares_storage_with(a));
    CHECK(a(0, 0) == 1);
    CHECK(b(0, 0) == 10);

    Matrix c = a.copy();
    CHECK_FALSE(c.shares_storage_with(a));
    CHECK(np::array_equal(c, a));
}

TEST_CASE("matrix: T() is a view, reshape keeps C order") {
    Matrix a{{1, 2, 3}, {4, 5, 6}};
    Matrix t = a.T();
    CHECK(t.shape() == Shape{3, 2});
    CHECK(t.shares_storage_with(a));
    CHECK(t.is_transposed());
    CHECK(t(2, 1) == 6);
    CHECK(t(0, 1) == 4);
    CHECK(np::array_equal(t.T(), a));
    CHECK_FALSE(t.T().is_transposed());

    // Writing into the view does not change a (value semantics), unlike numpy's a.T[0, 1] = ...
    t(0, 1) = 40;
    CHECK(a(1, 0) == 4);
    CHECK(t(0, 1) == 40);

    Matrix r = a.reshape(3, 2);
    CHECK(r.shares_storage_with(a));
    CHECK(r(1, 0) == 3);
    CHECK(r(2, 1) == 6);
    Matrix rt = a.T().reshape(1, 6);  // C order of the transpose: 1 4 2 5 3 6
    CHECK(np::array_equal(rt, Matrix{{1, 4, 2, 5, 3, 6}}));
    CHECK_THROWS_WITH_AS(a.reshape(4, 2), "reshape: cannot reshape array of size 6 into shape (4, 2)",
                         std::invalid_argument);
}

TEST_CASE("matrix: broadcasting follows numpy (hand-computed)") {
    Matrix A{{1, 2, 3}, {4, 5, 6}};
    Matrix col{{10}, {20}};
    Matrix row{{100, 200, 300}};
    Matrix one{{0.5}};

    CHECK(np::array_equal(A + col, Matrix{{11, 12, 13}, {24, 25, 26}}));
    CHECK(np::array_equal(col + A, Matrix{{11, 12, 13}, {24, 25, 26}}));
    CHECK(np::array_equal(A + row, Matrix{{101, 202, 303}, {104, 205, 306}}));
    CHECK(np::array_equal(A * one, Matrix{{0.5, 1, 1.5}, {2, 2.5, 3}}));
    CHECK(np::array_equal(A - A, Matrix(2, 3)));
    CHECK(np::array_equal(A / col, Matrix{{0.1, 0.2, 0.3}, {0.2, 0.25, 0.3}}));
    CHECK(np::array_equal(col * row, Matrix{{1000, 2000, 3000}, {2000, 4000, 6000}}));  // outer product
    CHECK(np::array_equal(1 - A, Matrix{{0, -1, -2}, {-3, -4, -5}}));
    CHECK(np::array_equal(A / 2, Matrix{{0.5, 1, 1.5}, {2, 2.5, 3}}));
    CHECK(np::array_equal(2 / one, Matrix{{4}}));
    CHECK(np::array_equal(-A, Matrix{{-1, -2, -3}, {-4, -5, -6}}));
    // A transposed operand is read through the view.
    CHECK(np::array_equal(A.T() + Matrix{{1, 1}, {1, 1}, {1, 1}}, Matrix{{2, 5}, {3, 6}, {4, 7}}));
    CHECK(np::array_equal(A + A.T().T(), A * 2));

    CHECK_THROWS_WITH_AS(A + Matrix(3, 1), "operator+: operands could not be broadcast together with shapes (2, 3) (3, 1)",
                         std::invalid_argument);
    CHECK_THROWS_AS(A * Matrix(1, 2), std::invalid_argument);
    CHECK_THROWS_AS(A - A.T(), std::invalid_argument);
}

TEST_CASE("matrix: comparisons and mask assignment (dZ[Z <= 0] = 0)") {
    Matrix Z{{-1, 0, 2}, {3, -4, 0.5}};
    CHECK(np::array_equal(Z <= 0, Matrix{{1, 1, 0}, {0, 1, 0}}));
    CHECK(np::array_equal(Z > 0.5, Matrix{{0, 0, 1}, {1, 0, 0}}));
    Matrix dZ{{1, 2, 3}, {4, 5, 6}};
    Matrix keep = dZ;
    dZ[Z <= 0] = 0;
    CHECK(np::array_equal(dZ, Matrix{{0, 0, 3}, {4, 0, 6}}));
    CHECK(np::array_equal(keep, Matrix{{1, 2, 3}, {4, 5, 6}}));  // the copy it shared storage with is unchanged
    CHECK_THROWS_AS(dZ[Matrix(1, 3)] = 0, std::invalid_argument);
    CHECK(np::array_equal(Matrix{{1, 0}} == Matrix{{1, 1}}, Matrix{{1, 0}}));
}

TEST_CASE("matrix: np::dot, including transposed views without copies") {
    Matrix A{{1, 2, 3}, {4, 5, 6}};     // (2, 3)
    Matrix B{{1, 0}, {0, 1}, {1, 1}};   // (3, 2)
    CHECK(np::array_equal(np::dot(A, B), Matrix{{4, 5}, {10, 11}}));
    CHECK(np::array_equal(np::dot(A, A.T()), Matrix{{14, 32}, {32, 77}}));
    CHECK(np::array_equal(np::dot(A.T(), A), Matrix{{17, 22, 27}, {22, 29, 36}, {27, 36, 45}}));
    CHECK(np::array_equal(np::dot(B.T(), A.T()), np::dot(A, B).T()));
    CHECK(np::array_equal(np::dot(Matrix(2, 0), Matrix(0, 3)), Matrix(2, 3)));  // an empty sum is 0
    CHECK_THROWS_WITH_AS(np::dot(A, A), "np::dot: shapes (2, 3) and (2, 3) not aligned: 3 (dim 1) != 2 (dim 0)",
                         std::invalid_argument);
}

TEST_CASE("matrix: np::sum adds in numpy's pairwise order (bit-identical to numpy)") {
    np::random::seed(0);
    Matrix x = np::random::randn(3, 300);
    // numpy 1.24: np.sum(x), np.sum(x, axis=1), np.sum(x, axis=0)[:3]
    CHECK(np::sum(x) == -61.645122199377155);
    Matrix rows = np::sum(x, 1, true);
    CHECK(rows.shape() == Shape{3, 1});
    CHECK(rows(0, 0) == 8.258872572265922);
    CHECK(rows(1, 0) == -41.22919022747558);
    CHECK(rows(2, 0) == -28.674804544167493);
    Matrix cols = np::sum(x, 0, true);
    CHECK(cols.shape() == Shape{1, 300});
    CHECK(cols(0, 0) == -1.0929038508511335);
    CHECK(cols(0, 1) == 2.4756067090172467);
    CHECK(cols(0, 2) == -0.08379455184712448);
    // On the transpose: np.sum(x.T, axis=0) gives the same numbers as np.sum(x, axis=1).
    CHECK(np::array_equal(np::sum(x.T(), 0, true), rows.T()));
    CHECK(np::sum(x, 1, false).shape() == Shape{1, 3});  // numpy's 1-D result, as a row
    CHECK(np::array_equal(np::sum(Matrix{{1, 2}, {3, 4}}, -1), Matrix{{3}, {7}}));
    CHECK_THROWS_AS(np::sum(x, 2), std::invalid_argument);
}

TEST_CASE("matrix: elementwise numpy functions") {
    Matrix a{{1, 4}, {9, 0.25}};
    CHECK(np::array_equal(np::sqrt(a), Matrix{{1, 2}, {3, 0.5}}));
    CHECK(np::array_equal(np::maximum(0, Matrix{{-1, 2}}), Matrix{{0, 2}}));
    CHECK(std::isnan(np::maximum(0, Matrix{{std::nan("")}})(0, 0)));  // NaN propagates as in numpy
    CHECK(np::exp(Matrix{{0}})(0, 0) == 1.0);
    CHECK(np::log(Matrix{{1}})(0, 0) == 0.0);
    CHECK(np::squeeze(Matrix{{17}}) == 17);
    CHECK_THROWS_AS(np::squeeze(Matrix{{1, 2}}), std::invalid_argument);
    CHECK(np::allclose(Matrix{{1.0}}, Matrix{{1.0 + 1e-9}}));
    CHECK_FALSE(np::allclose(Matrix{{1.0}}, Matrix{{1.1}}));
    CHECK(np::mean(a) == 3.5625);
}

TEST_CASE("matrix: printing matches numpy's print (legacy 1.13 layout of the notebook)") {
    // Each expected text was printed by numpy 1.24 with np.set_printoptions(legacy='1.13').
    CHECK(to_string(Matrix{{0}, {0}}) == "[[ 0.]\n [ 0.]]");
    CHECK(to_string(Matrix{{3.43896131, 0}}) == "[[ 3.43896131  0.        ]]");
    CHECK(to_string(Matrix{{1.5, 1e6, -2}}) == "[[  1.50000000e+00   1.00000000e+06  -2.00000000e+00]]");
    CHECK(to_string(Matrix{{1, std::nan(""), -std::numeric_limits<double>::infinity()}}) == "[[  1.  nan -inf]]");
    CHECK(to_string(Matrix()) == "[]");
    np::random::seed(1);
    np::random::randn(3, 2);
    np::random::randn(1, 3);
    CHECK(to_string(np::random::randn(2, 15) * 0.01) ==
          "[[-0.0024937   0.01462108 -0.02060141 -0.00322417 -0.00384054  0.01133769\n"
          "  -0.01099891 -0.00172428 -0.00877858  0.00042214  0.00582815 -0.01100619\n"
          "   0.01144724  0.00901591  0.00502494]\n"
          " [ 0.00900856 -0.00683728 -0.0012289  -0.00935769 -0.00267888  0.00530355\n"
          "  -0.00691661 -0.00396754 -0.00687173 -0.00845206 -0.00671246 -0.00012665\n"
          "  -0.0111731   0.00234416  0.01659802]]");
    CHECK(to_string(np::random::randn(2, 4) * 1e-5) ==
          "[[  7.42044161e-06  -1.91835552e-06  -8.87628964e-06  -7.47158294e-06]\n"
          " [  1.69245460e-05   5.08077548e-07  -6.36995647e-06   1.90915485e-06]]");
    // More than 1000 elements: the first and last 3 rows and columns.
    Matrix big(40, 40, 1.0);
    big(39, 39) = 2.5;
    CHECK(to_string(big) ==
          "[[ 1.   1.   1.  ...,  1.   1.   1. ]\n"
          " [ 1.   1.   1.  ...,  1.   1.   1. ]\n"
          " [ 1.   1.   1.  ...,  1.   1.   1. ]\n"
          " ..., \n"
          " [ 1.   1.   1.  ...,  1.   1.   1. ]\n"
          " [ 1.   1.   1.  ...,  1.   1.   1. ]\n"
          " [ 1.   1.   1.  ...,  1.   1.   2.5]]");
    std::ostringstream os;
    os << Matrix{{1, 2}};
    CHECK(os.str() == "[[ 1.  2.]]");
}

TEST_CASE("matrix: py_repr prints floats as Python's str()") {
    CHECK(py_repr(0.2797765635793422) == "0.2797765635793422");
    CHECK(py_repr(0.41493159961539694) == "0.41493159961539694");
    CHECK(py_repr(1e-5) == "1e-05");
    CHECK(py_repr(0.0001) == "0.0001");
    CHECK(py_repr(123.0) == "123.0");
    CHECK(py_repr(1e16) == "1e+16");
    CHECK(py_repr(-0.0) == "-0.0");
    CHECK(py_repr(0.9999999999999998) == "0.9999999999999998");
    CHECK(py_repr(1.0 / 0.0) == "inf");
}

TEST_CASE("matrix: operators on temporaries reuse storage without changing what others see") {
    Matrix W{{1, 2}, {3, 4}};
    Matrix dW{{10, 20}, {30, 40}};
    Matrix expected{{-4, -8}, {-12, -16}};
    CHECK(np::array_equal(W - 0.5 * dW, expected));              // const& - rvalue
    CHECK(np::array_equal(0.5 * dW, Matrix{{5, 10}, {15, 20}}));  // dW itself is untouched
    Matrix alias = W;                                          // shares W's storage
    Matrix r = std::move(alias) - dW * 0.5;                    // the moved-from matrix shared storage: copied first
    CHECK(np::array_equal(r, expected));
    CHECK(np::array_equal(W, Matrix{{1, 2}, {3, 4}}));
    Matrix col{{1}, {2}};
    CHECK(np::array_equal(std::move(col) + W, Matrix{{2, 3}, {5, 6}}));  // a broadcast temporary is not reused
    Matrix t = W.T();
    CHECK(np::array_equal(std::move(t) * 2.0, Matrix{{2, 6}, {4, 8}}));  // a transposed temporary
    CHECK(np::array_equal(W, Matrix{{1, 2}, {3, 4}}));
    Matrix x{{2, 3}};
    Matrix& same = x;
    CHECK(np::array_equal(std::move(x) * same, Matrix{{4, 9}}));  // both operands are one matrix
}

TEST_CASE("matrix: large buffers of a recurring size are reused, and given back when the program moves on") {
    // 300 x 1000 doubles = 2.4 MB, above the 1 MiB from which buffers are kept (matrix/buffers.cpp).
    const std::size_t bytes = 300 * 1000 * sizeof(double);
    {
        Matrix once(123, 4567);  // a size seen once: back to the heap
    }
    CHECK(detail::kept_buffer_bytes() == 0);
    for (int i = 0; i < 3; ++i) {  // a loop: from their second release on, buffers of a size are kept and reused
        Matrix a(300, 1000, 1.5), b(300, 1000, 2.5);
        CHECK(a(299, 999) == 1.5);
        CHECK(b(0, 0) == 2.5);
    }
    CHECK(detail::kept_buffer_bytes() == 2 * bytes);
    {
        Matrix c(300, 1000);  // one of the two kept buffers, filled anew
        CHECK(detail::kept_buffer_bytes() == bytes);
        CHECK(c(0, 0) == 0.0);
        CHECK(c(299, 999) == 0.0);
        Matrix small(10, 10);  // small buffers never reach the keeper
        CHECK(detail::kept_buffer_bytes() == bytes);
    }
    CHECK(detail::kept_buffer_bytes() == 2 * bytes);
    {
        Matrix other(1000, 301);  // a large size no kept buffer fits: they all go back to the heap
        CHECK(detail::kept_buffer_bytes() == 0);
    }
    // Several threads allocating and releasing at once (`make test TSAN=1` checks the keeper's lock).
    std::vector<std::thread> threads;
    for (int t = 0; t < 3; ++t)
        threads.emplace_back([t] {
            for (int i = 0; i < 20; ++i) {
                Matrix m(200 + t, 1000, double(i));
                CHECK(m(199, 999) == double(i));
            }
        });
    for (std::thread& t : threads) t.join();
    CHECK(detail::kept_buffer_bytes() <= std::size_t{64} << 20);
}
