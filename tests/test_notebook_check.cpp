// tests/test_notebook_check.cpp - the same / different verdict the demo and the tutorials print.
#include <doctest/doctest.h>

#include <sstream>

#include "dnn.hpp"
#include "tests/notebook_expect.hpp"

using namespace dnn;

TEST_CASE("notebook check: printed numbers carry their precision") {
    const auto n = notebook::parse_printed("[[ 3.26295337 -1.23429987]\n [ 0.  1.50000000e-05]]");
    REQUIRE(n.size() == 4);
    CHECK(n[0].value == 3.26295337);
    CHECK(n[0].half_unit == doctest::Approx(0.5e-8));
    CHECK(n[1].value == -1.23429987);
    CHECK(n[2].value == 0.0);
    CHECK(n[2].half_unit == doctest::Approx(0.5e-8));  // a numpy array's "0." is 0 to 8 decimals
    CHECK(n[3].value == 1.5e-05);
    CHECK(n[3].half_unit == doctest::Approx(0.5e-13));
}

TEST_CASE("notebook check: same within half a printed unit, different beyond it") {
    CHECK(notebook::compare_printed(Matrix{{3.262953374, -1.234299866}}, "[[ 3.26295337 -1.23429987]]").same);
    const auto off = notebook::compare_printed(Matrix{{3.26295337, -1.2342999}}, "[[ 3.26295337 -1.23429987]]");
    CHECK_FALSE(off.same);
    CHECK(off.detail.find("element (0, 1)") != std::string::npos);
    CHECK_FALSE(notebook::compare_printed(Matrix{{1, 2, 3}}, "[[ 1.  2.]]").same);  // a missing value
    CHECK(notebook::compare_printed(0.2797765635793422, "0.2797765635793422").same);
    CHECK_FALSE(notebook::compare_printed(0.2797765635793423, "0.2797765635793422").same);

    std::ostringstream os;
    CHECK_FALSE(notebook::show(os, "Z", Matrix{{1.0}}, "[[ 2.]]"));
    CHECK(os.str() == "Z = [[ 1.]]\n  notebook: [[ 2.]]\n  -> DIFFERENT: element (0, 0) is 1.0, the notebook printed 2.0 (off by 1)\n\n");
}

TEST_CASE("notebook check: an array must have the printed shape too, not only the same values in C order") {
    CHECK(notebook::printed_shape("[[ 3.26295337 -1.23429987]]") == Shape{1, 2});
    CHECK(notebook::printed_shape("[[-0.14713786]\n [-0.11313155]\n [-0.13209101]]") == Shape{3, 1});
    CHECK(notebook::printed_shape("0.2797765635793422") == Shape{1, 1});
    const auto column = notebook::compare_printed(Matrix{{3.26295337}, {-1.23429987}}, "[[ 3.26295337 -1.23429987]]");
    CHECK_FALSE(column.same);
    CHECK(column.detail == "shape (2, 1), the notebook printed shape (1, 2)");
    CHECK_FALSE(notebook::compare_printed(Matrix{{-0.14713786, -0.11313155, -0.13209101}},
                                          "[[-0.14713786]\n [-0.11313155]\n [-0.13209101]]").same);
    // The tutorials print an int as an int, and a value as the notebook's print statement wrote it.
    std::ostringstream os;
    CHECK(notebook::show(os, "len(caches)", 3, "3"));
    CHECK(notebook::show_printed(os, "cost after iteration 600", "0.527930", "0.527930"));
    CHECK_FALSE(notebook::show_printed(os, "cost after iteration 600", "0.527931", "0.527930"));
    CHECK(os.str().rfind("len(caches) = 3\n  notebook: 3\n  -> same\n\ncost after iteration 600 = 0.527930\n", 0) == 0);
}

TEST_CASE("notebook check: a number's precision is the array's, not its own digits") {
    // Scalars: Python's repr and "%f" lines are known to their last digit; integers exactly.
    CHECK(notebook::parse_printed("0.527930").at(0).half_unit == doctest::Approx(0.5e-6));
    CHECK(notebook::parse_printed("3").at(0).half_unit == 0.0);
    CHECK_FALSE(notebook::compare_printed(3.4, "3").same);
    // In an array, "0." and "0.5" are exact at numpy's 8 decimals.
    CHECK(notebook::compare_printed(Matrix{{0.5, 4e-9}}, "[[ 0.5  0. ]]").same);
    CHECK_FALSE(notebook::compare_printed(Matrix{{0.5, 1e-8}}, "[[ 0.5  0. ]]").same);
    CHECK_FALSE(notebook::compare_printed(Matrix{{0.5 + 1e-8, 0}}, "[[ 0.5  0. ]]").same);
    CHECK_FALSE(notebook::compare_printed(Matrix{{0.3}, {0.0}}, "[[ 0.]\n [ 0.]]").same);
}

// Every expected output that prints a zero as "0.": the right result is "same"; the same result with that zero
// replaced by 0.3 (a bias initialised to 0.3, a ReLU that lets a negative through) is "different".
TEST_CASE("notebook check: each printed zero of the notebook's expected outputs is a real check") {
    namespace ex = notebook::expected;
    struct Zero {
        const char* name;
        Matrix right;
        const char* expected;
        std::size_t i, j;  // one element the notebook printed as 0.
    };
    auto [A_prev, W, b] = test_cases::linear_activation_forward_test_case();
    auto [dAL, cache] = test_cases::linear_activation_backward_test_case();
    auto [AL, Y, caches] = test_cases::L_model_backward_test_case();
    const Grads grads = L_model_backward(AL, Y, caches);
    const Parameters init = initialize_parameters(3, 2, 1);
    const Parameters deep = initialize_parameters_deep({5, 4, 3});
    const Zero zeros[] = {
        {"init b1", init["b1"], ex::init_b1, 1, 0},
        {"init b2", init["b2"], ex::init_b2, 0, 0},
        {"deep b1", deep["b1"], ex::deep_b1, 3, 0},
        {"deep b2", deep["b2"], ex::deep_b2, 2, 0},
        {"relu A", linear_activation_forward(A_prev, W, b, "relu").A, ex::relu_A, 0, 1},
        {"relu dA_prev", linear_activation_backward(dAL, cache, "relu").dA_prev, ex::relu_dA_prev, 2, 1},
        {"dW1", grads["dW1"], ex::grads_dW1, 1, 3},
        {"db1", grads["db1"], ex::grads_db1, 1, 0},
    };
    for (const Zero& z : zeros) {
        CAPTURE(z.name);
        REQUIRE(z.right(z.i, z.j) == 0.0);
        CHECK(notebook::compare_printed(z.right, z.expected).same);
        expect::check_printed(z.name, z.right, z.expected, expect::Text::numbers_only);
        Matrix wrong = z.right.copy();
        wrong(z.i, z.j) = 0.3;
        const notebook::Verdict v = notebook::compare_printed(wrong, z.expected);
        CHECK_FALSE(v.same);
        CHECK(v.detail.find("element (" + std::to_string(z.i) + ", " + std::to_string(z.j) + ") is 0.3") !=
              std::string::npos);
    }
}
