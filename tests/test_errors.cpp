// tests/test_errors.cpp - bad input gets a clear error naming the function and what was wrong.
#include <doctest/doctest.h>

#include "dnn.hpp"

using namespace dnn;
using namespace dnn::test_cases;

TEST_CASE("errors: shape mismatches name the function and both shapes") {
    Matrix W(1, 3), A(4, 2), b(1, 1);
    CHECK_THROWS_WITH_AS(linear_forward(A, W, b),
                         "linear_forward: W has shape (1, 3) but A has shape (4, 2): W needs as many columns as A has rows",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(linear_forward(Matrix(3, 2), W, Matrix(3, 1)),
                         "linear_forward: b has shape (3, 1) but W has shape (1, 3): b must be (W's rows, 1)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(linear_activation_forward(A, W, b, "relu"),
                         "linear_forward: W has shape (1, 3) but A has shape (4, 2): W needs as many columns as A has rows",
                         std::invalid_argument);

    auto [dZ, cache] = linear_backward_test_case();
    CHECK_THROWS_WITH_AS(linear_backward(Matrix(2, 4), cache),
                         "linear_backward: dZ has shape (2, 4) but W has shape (3, 5): dZ must be (W's rows, A_prev's columns)",
                         std::invalid_argument);

    auto [dA, layer_cache] = linear_activation_backward_test_case();
    CHECK_THROWS_WITH_AS(linear_activation_backward(Matrix(1, 3), layer_cache, "relu"),
                         "linear_activation_backward: dA has shape (1, 3) but the cached Z has shape (1, 2): they must "
                         "have the same shape",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(relu_backward(Matrix(2, 2), Matrix(2, 3)),
                         "relu_backward: dA has shape (2, 2) but cache (Z) has shape (2, 3): they must have the same shape",
                         std::invalid_argument);
    CHECK_THROWS_AS(sigmoid_backward(Matrix(2, 2), Matrix(3, 2)), std::invalid_argument);

    auto [X, parameters] = L_model_forward_test_case_2hidden();
    CHECK_THROWS_WITH_AS(L_model_forward(Matrix(4, 4), parameters),
                         "linear_forward: W has shape (4, 5) but A has shape (4, 4): W needs as many columns as A has rows",
                         std::invalid_argument);
}

TEST_CASE("errors: AL and Y of different shapes") {
    CHECK_THROWS_WITH_AS(compute_cost(Matrix{{0.5, 0.5, 0.5}}, Matrix{{1, 0}}),
                         "compute_cost: AL has shape (1, 3) but Y has shape (1, 2): they must have the same shape",
                         std::invalid_argument);
    auto [AL, Y, caches] = L_model_backward_test_case();
    CHECK_THROWS_WITH_AS(L_model_backward(AL, Matrix{{1, 0, 1}}, caches),
                         "L_model_backward: Y has shape (1, 3) but AL has shape (1, 2): Y needs one label per column of AL",
                         std::invalid_argument);
    // numpy's Y.reshape(AL.shape) accepts any shape with m elements: a column Y gives the row Y's grads, bit for bit.
    const Grads from_row = L_model_backward(AL, Y, caches);
    const Grads from_column = L_model_backward(AL, Matrix{{1}, {0}}, caches);
    REQUIRE(from_column.size() == from_row.size());
    for (const auto& entry : from_row) {  // no structured binding: clang 14 cannot CAPTURE one
        const std::string& key = entry.first;
        CAPTURE(key);
        CHECK(np::array_equal(from_column[key], entry.second));
    }
    CHECK_THROWS_AS(L_model_backward(AL, Y, Caches{}), std::invalid_argument);
}

TEST_CASE("errors: unknown activation names repeat the name") {
    auto [A_prev, W, b] = linear_activation_forward_test_case();
    CHECK_THROWS_WITH_AS(linear_activation_forward(A_prev, W, b, "tanh"),
                         "linear_activation_forward: unknown activation \"tanh\" (expected \"relu\" or \"sigmoid\")",
                         std::invalid_argument);
    auto [dA, cache] = linear_activation_backward_test_case();
    CHECK_THROWS_WITH_AS(linear_activation_backward(dA, cache, "Relu"),
                         "linear_activation_backward: unknown activation \"Relu\" (expected \"relu\" or \"sigmoid\")",
                         std::invalid_argument);
}

TEST_CASE("errors: layer sizes") {
    CHECK_THROWS_WITH_AS(initialize_parameters_deep({5}),
                         "initialize_parameters_deep: layer_dims needs at least 2 sizes (input and output), got 1",
                         std::invalid_argument);
    CHECK_THROWS_AS(initialize_parameters_deep({}), std::invalid_argument);
    CHECK_THROWS_WITH_AS(initialize_parameters_deep({5, 0, 1}),
                         "initialize_parameters_deep: layer_dims[1] is 0; every layer needs at least one unit",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(initialize_parameters(3, -2, 1),
                         "initialize_parameters: n_h is -2; every layer needs at least one unit", std::invalid_argument);
}

TEST_CASE("errors: missing keys in parameters and grads name the key") {
    auto [X, parameters] = L_model_forward_test_case_2hidden();
    Parameters broken = parameters;
    broken.erase("b2");
    broken["c2"] = Matrix(3, 1);
    CHECK_THROWS_WITH_AS(L_model_forward(X, broken),
                         "L_model_forward: parameters has no key \"b2\" (it has: W1, W2, W3, b1, b3, c2)",
                         std::out_of_range);
    broken.erase("c2");
    CHECK_THROWS_AS(L_model_forward(X, broken), std::invalid_argument);  // an odd number of entries

    auto [p, grads] = update_parameters_test_case();
    Grads partial = grads;
    partial.erase("db2");
    CHECK_THROWS_WITH_AS(update_parameters(p, partial, 0.1),
                         "update_parameters: grads has no key \"db2\" (it has: dW1, dW2, db1)", std::out_of_range);
    Grads wrong = grads;
    wrong["dW1"] = Matrix(3, 5);
    CHECK_THROWS_WITH_AS(update_parameters(p, wrong, 0.1),
                         "update_parameters: dW1 has shape (3, 5) but W1 has shape (3, 4): a gradient has the shape of "
                         "its parameter",
                         std::invalid_argument);

    // Reading a missing key through a const dict is Python's KeyError, not a silent empty matrix.
    const Parameters& cp = parameters;
    CHECK_THROWS_WITH_AS(cp["W9"], "no key \"W9\" (the dict has: W1, W2, W3, b1, b2, b3)", KeyError);
}

TEST_CASE("errors: reading a missing key of a non-const dict is a KeyError too; writing a new key inserts it") {
    Grads grads{{"dA1", Matrix{{1, 2}}}, {"dW2", Matrix{{3}}}};
    // Read: as a Matrix argument, as a Matrix, through a member; none inserts the key.
    const auto take = [](const Matrix& m) { return m.size(); };
    CHECK_THROWS_WITH_AS(take(grads["dA0"]), "no key \"dA0\" (the dict has: dA1, dW2)", KeyError);
    CHECK_THROWS_AS(static_cast<void>(Matrix(grads["dA0"])), KeyError);
    CHECK_THROWS_AS(static_cast<void>(grads["dA0"].shape()), KeyError);
    const Matrix ones{{1, 1}};
    CHECK_THROWS_AS(grads["dA0"] += ones, KeyError);
    CHECK_THROWS_AS(grads["dA9"] = grads["dA0"], KeyError);
    CHECK(grads.size() == 2);
    CHECK(grads.count("dA0") == 0);
    // Read an existing key: the Matrix itself.
    CHECK(grads["dA1"].shape() == Shape{1, 2});
    CHECK(take(grads["dA1"]) == 2);
    const Matrix copied = grads["dA1"];
    CHECK(copied.shares_storage_with(grads.at("dA1")));
    CHECK(np::array_equal(grads["dA1"] * 2.0, Matrix{{2, 4}}));
    // Write: a new key is inserted, an existing one replaced, one entry copied to another.
    grads["dA0"] = Matrix{{5, 6}};
    grads["dW2"] = grads["dW2"] - Matrix{{1}};
    grads["db2"] = grads["dW2"];
    CHECK(grads.key_list() == "dA0, dA1, dW2, db2");
    CHECK(np::array_equal(grads.at("dA0"), Matrix{{5, 6}}));
    CHECK(np::array_equal(grads.at("db2"), Matrix{{2}}));
    grads["dA0"] += ones;
    CHECK(np::array_equal(grads.at("dA0"), Matrix{{6, 7}}));
    // A KeyError is a std::out_of_range, as before.
    CHECK_THROWS_AS(grads["x"].rows(), std::out_of_range);
}

TEST_CASE("errors: caches[l] past the end is Python's IndexError, naming the index and len(caches)") {
    const auto [X, parameters] = L_model_forward_test_case_2hidden();
    Caches caches = L_model_forward(X, parameters).caches;
    CHECK(caches[2].activation_cache.shape() == Shape{1, 4});
    CHECK_THROWS_WITH_AS(caches[3], "caches[3]: index out of range: len(caches) is 3, so the indices are 0 .. 2",
                         IndexError);
    CHECK_THROWS_WITH_AS(caches[-1],
                         "caches[-1]: index out of range: len(caches) is 3 (C++ has no negative indices: the last "
                         "cache is caches[2])",
                         IndexError);
    const Caches& const_caches = caches;
    CHECK_THROWS_AS(const_caches[3], IndexError);
    CHECK_THROWS_WITH_AS(Caches{}[0], "caches[0]: index out of range: len(caches) is 0 (caches is empty)", IndexError);
    CHECK_THROWS_AS(caches[3], std::out_of_range);
}

TEST_CASE("errors: update_parameters leaves the caller's arrays untouched") {
    auto [parameters, grads] = update_parameters_test_case();
    const Matrix W1_before = parameters["W1"].copy();
    const Matrix W1_alias = parameters["W1"];
    Parameters updated = update_parameters(parameters, grads, 0.1);
    CHECK(np::array_equal(parameters["W1"], W1_before));
    CHECK(np::array_equal(W1_alias, W1_before));
    CHECK_FALSE(np::array_equal(updated["W1"], W1_before));
}
