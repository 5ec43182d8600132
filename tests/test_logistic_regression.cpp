// tests/test_logistic_regression.cpp - week 2, "Logistic Regression with a Neural Network mindset" (W2A2): the
// test cases of every version (2017, v4 - v6a, 2021 and its public_tests.py) against what each notebook printed,
// the training run on the cat pictures with its 20 cost lines and accuracies, the learning-rate comparison,
// finite differences of propagate, and clear errors for bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <type_traits>

#include "course/expected_logistic_regression.hpp"
#include "course/test_cases_logistic_regression.hpp"
#include "dnn.hpp"
#include "tests/capture_cout.hpp"
#include "tests/full_training.hpp"
#include "tests/course_data.hpp"
#include "tests/needs.hpp"
#include "tests/notebook_expect.hpp"

using namespace dnn;
namespace tc = dnn::test_cases::logistic_regression;
namespace ex = dnn::notebook::expected::logistic_regression;
using tc::Version;

// kFullTraining: tests/full_training.hpp (a ThreadSanitizer build trains shortened runs).

namespace {

const PrintOptions modern{.layout = Layout::modern};

// |actual - expected| within a few units of the last place: the full-precision values of the reference were
// computed by numpy with OpenBLAS, whose products may add in another order.
void check_full(const char* name, double actual, double expected) {
    INFO(name << " = " << py_repr(actual) << ", numpy: " << py_repr(expected));
    CHECK(std::fabs(actual - expected) <= 4e-16 * std::fabs(expected) + 1e-300);
}

// The 2021 notebook's print of its costs list: [array(0.15900538)], a 0-d array per cost.
std::string costs_repr(const std::vector<double>& costs) {
    std::string s = "[";
    for (std::size_t k = 0; k < costs.size(); ++k) {
        const std::string a = format_1d(Matrix{{costs[k]}}, modern);  // "[0.15900538]"
        s += (k ? ", " : "") + std::string("array(") + a.substr(1, a.size() - 2) + ")";
    }
    return s + "]";
}

std::string percent_line(const char* what, double value) { return std::string(what) + py_repr(value) + " %"; }

}  // namespace

TEST_CASE("week2 logistic: sigmoid, every version's test") {
    static_assert(std::is_same_v<decltype(logistic::sigmoid(0.0)), double>);
    // 2017: scalars, printed by numpy < 1.14 (12 significant digits)
    CHECK(legacy_float_str(logistic::sigmoid(0)) == ex::v2017::sigmoid_0);
    CHECK(legacy_float_str(logistic::sigmoid(9.2)) == ex::v2017::sigmoid_9_2);
    CHECK(logistic::sigmoid(9.2) == 0.9998989708060922);
    // v4 - v6a and 2021: sigmoid(np.array([0, 2])), a 1-D array
    const Matrix s = logistic::sigmoid(Matrix{{0, 2}});
    CHECK(format_1d(s) == ex::v6a::sigmoid_0_2);
    CHECK(format_1d(s, modern) == ex::sigmoid_0_2);
    CHECK(format_1d(logistic::sigmoid(Matrix{{0.5, 0, 2.0}}), modern) == ex::sigmoid_extra);
    // public_tests.sigmoid_test: close to 0.7310585 for 1
    CHECK(std::fabs(logistic::sigmoid(Matrix{{1}})(0, 0) - 0.7310585) < 1e-7);
}

TEST_CASE("week2 logistic: initialize_with_zeros, b a float 0.0") {
    auto [w, b] = logistic::initialize_with_zeros(2);
    static_assert(std::is_same_v<decltype(b), double>);
    CHECK(format_matrix(w, modern) == ex::init_w);
    CHECK(py_repr(b) == ex::init_b);
    CHECK(to_string(w) == ex::v6a::init_w);
    // public_tests: dim 3 and dim 4
    for (int dim : {3, 4}) {
        auto [w_d, b_d] = logistic::initialize_with_zeros(dim);
        CHECK(w_d.shape() == Shape{static_cast<std::size_t>(dim), 1});
        CHECK(np::sum(np::abs(w_d)) == 0.0);
        CHECK(b_d == 0.0);
    }
    CHECK_THROWS_WITH_AS(logistic::initialize_with_zeros(-1),
                         "initialize_with_zeros: dim is -1; it is the number of features, at least 0",
                         std::invalid_argument);
}

TEST_CASE("week2 logistic: propagate, every version's case") {
    {  // 2021 notebook cell
        auto [w, b, X, Y] = tc::propagate_case();
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        static_assert(std::is_same_v<decltype(grads.db), double> && std::is_same_v<decltype(cost), double>);
        CHECK(format_matrix(grads.dw, modern) == ex::propagate_dw);
        CHECK(py_repr(grads.db) == ex::propagate_db);
        CHECK(py_repr(cost) == ex::propagate_cost);
    }
    {  // v4, v5, v6a
        auto [w, b, X, Y] = tc::propagate_case(Version::v6a);
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        CHECK(to_string(grads.dw) == ex::v6a::propagate_dw);
        CHECK(legacy_float_str(grads.db) == ex::v6a::propagate_db);
        CHECK(legacy_float_str(cost) == ex::v6a::propagate_cost);
        CHECK(cost == ex::v6a::propagate_cost_full);
        CHECK(grads.db == ex::v6a::propagate_db_full);
        for (std::size_t i = 0; i < 2; ++i) check_full("dw", grads.dw(i, 0), ex::v6a::propagate_dw_full[i]);
    }
    {  // 2017: integer w, b, X, 2 examples
        auto [w, b, X, Y] = tc::propagate_case(Version::v2017);
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        CHECK(to_string(grads.dw) == ex::v2017::propagate_dw);
        CHECK(legacy_float_str(grads.db) == ex::v2017::propagate_db);
        CHECK(legacy_float_str(cost) == ex::v2017::propagate_cost);
        CHECK(cost == ex::v2017::propagate_cost_full);
        CHECK(grads.db == ex::v2017::propagate_db_full);
        for (std::size_t i = 0; i < 2; ++i) check_full("dw", grads.dw(i, 0), ex::v2017::propagate_dw_full[i]);
    }
    {  // public_tests.propagate_test (2021)
        auto [w, b, X, Y] = tc::propagate_test();
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        CHECK(grads.dw.shape() == w.shape());
        for (std::size_t i = 0; i < 3; ++i) check_full("dw", grads.dw(i, 0), ex::propagate_test_dw[i]);
        check_full("db", grads.db, ex::propagate_test_db);
        check_full("cost", cost, ex::propagate_test_cost);
    }
}

TEST_CASE("week2 logistic: optimize, every version's case") {
    {  // 2021 notebook cell: 100 iterations at 0.009 (the defaults)
        auto [w, b, X, Y] = tc::propagate_case();
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y);
        CHECK(format_matrix(params.w, modern) == ex::optimize_w);
        CHECK(py_repr(params.b) == ex::optimize_b);
        CHECK(format_matrix(grads.dw, modern) == ex::optimize_dw);
        CHECK(py_repr(grads.db) == ex::optimize_db);
        CHECK(costs_repr(costs) == ex::optimize_costs);
        // w and b are optimize's own copies (copy.deepcopy): the caller's are unchanged.
        CHECK(np::array_equal(w, tc::propagate_case().w));
    }
    {  // v4 - v6a
        auto [w, b, X, Y] = tc::propagate_case(Version::v6a);
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 100, 0.009);
        CHECK(to_string(params.w) == ex::v6a::optimize_w);
        CHECK(legacy_float_str(params.b) == ex::v6a::optimize_b);
        CHECK(to_string(grads.dw) == ex::v6a::optimize_dw);
        CHECK(legacy_float_str(grads.db) == ex::v6a::optimize_db);
        for (std::size_t i = 0; i < 2; ++i) {
            check_full("w", params.w(i, 0), ex::v6a::optimize_w_full[i]);
            check_full("dw", grads.dw(i, 0), ex::v6a::optimize_dw_full[i]);
        }
        check_full("b", params.b, ex::v6a::optimize_b_full);
        check_full("db", grads.db, ex::v6a::optimize_db_full);
        REQUIRE(costs.size() == 1);
        CHECK(costs[0] == ex::v6a::propagate_cost_full);
    }
    {  // 2017
        auto [w, b, X, Y] = tc::propagate_case(Version::v2017);
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 100, 0.009);
        CHECK(to_string(params.w) == ex::v2017::optimize_w);
        CHECK(legacy_float_str(params.b) == ex::v2017::optimize_b);
        CHECK(to_string(grads.dw) == ex::v2017::optimize_dw);
        CHECK(legacy_float_str(grads.db) == ex::v2017::optimize_db);
        for (std::size_t i = 0; i < 2; ++i) {
            check_full("w", params.w(i, 0), ex::v2017::optimize_w_full[i]);
            check_full("dw", grads.dw(i, 0), ex::v2017::optimize_dw_full[i]);
        }
        check_full("b", params.b, ex::v2017::optimize_b_full);
        check_full("db", grads.db, ex::v2017::optimize_db_full);
        // 2017's predict test: the optimized w, b on the same X
        CHECK(to_string(logistic::predict(params.w, params.b, X)) == ex::v2017::predictions);
    }
    {  // public_tests.optimize_test: 101 iterations at 0.1, so two costs (iterations 0 and 100)
        auto [w, b, X, Y] = tc::optimize_test();
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 101, 0.1);
        REQUIRE(costs.size() == 2);
        for (std::size_t k = 0; k < 2; ++k) check_full("costs", costs[k], ex::optimize_test_costs[k]);
        for (std::size_t i = 0; i < 2; ++i) {
            check_full("w", params.w(i, 0), ex::optimize_test_w[i]);
            // dw: numpy's and this library's products add 3 terms in another order; the test's np.allclose.
            CHECK(std::fabs(grads.dw(i, 0) - ex::optimize_test_dw[i]) <= 1e-15);
        }
        check_full("b", params.b, ex::optimize_test_b);
        CHECK(std::fabs(grads.db - ex::optimize_test_db) <= 1e-16);
    }
}

TEST_CASE("week2 logistic: optimize prints every 100th cost when print_cost, and nothing otherwise") {
    auto [w, b, X, Y] = tc::optimize_test();
    std::vector<double> costs;
    std::vector<std::string> lines;
    {
        CaptureCout out;
        costs = logistic::optimize(w, b, X, Y, 201, 0.1, true).costs;
        lines = out.lines();
    }
    REQUIRE(costs.size() == 3);
    REQUIRE(lines.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {
        char want[64];
        std::snprintf(want, sizeof want, "Cost after iteration %d: %f", static_cast<int>(100 * k), costs[k]);
        CHECK(lines[k] == want);
    }
    CHECK(lines[0] == "Cost after iteration 0: 5.801545");
    CaptureCout quiet;
    logistic::optimize(w, b, X, Y, 201, 0.1, false);
    logistic::model(X, Y, X, Y, 10, 0.1, false);
    CHECK(quiet.text().empty());
}

TEST_CASE("week2 logistic: predict, every version's case") {
    auto [w, b, X] = tc::predict_case();
    const Matrix p = logistic::predict(w, b, X);
    CHECK(format_matrix(p, modern) == ex::predictions);
    CHECK(to_string(p) == ex::v6a::predictions);
    // The activations are not near 0.5: > and >= agree.
    const Matrix A = logistic::sigmoid(np::dot(w.T(), X) + b);
    for (std::size_t j = 0; j < 3; ++j) CHECK(std::fabs(A(0, j) - 0.5) > 1e-3);
    // public_tests.predict_test, and the prediction it rejects: [[1, 1, 1]], what a forgotten b gives
    auto [w_t, b_t, X_t] = tc::predict_test();
    CHECK(format_matrix(logistic::predict(w_t, b_t, X_t), modern) == ex::predict_test);
    CHECK(format_matrix(logistic::predict(w_t, 0.0, X_t), modern) == "[[1. 1. 1.]]");
    // w may come as a row: the notebook reshapes it to (n_x, 1).
    CHECK(np::array_equal(logistic::predict(w.T(), b, X), p));
}

TEST_CASE("week2 logistic: model on public_tests.model_test (seed 0)") {
    auto [X, Y, x_test, y_test] = tc::model_test();
    const logistic::ModelResult d = logistic::model(X, Y, x_test, y_test, 50, 0.01);
    REQUIRE(d.costs.size() == 1);
    CHECK(d.costs[0] == ex::model_test_cost);
    REQUIRE(d.w.shape() == Shape{4, 1});
    for (std::size_t i = 0; i < 4; ++i) check_full("w", d.w(i, 0), ex::model_test_w[i]);
    CHECK(std::fabs(d.b - ex::model_test_b) <= 1e-17);
    CHECK(format_matrix(d.Y_prediction_test, modern) == ex::model_test_Y_prediction_test);
    CHECK(format_matrix(d.Y_prediction_train, modern) == ex::model_test_Y_prediction_train);
    CHECK(d.learning_rate == 0.01);
    CHECK(d.num_iterations == 50);
    // The defaults: 2000 iterations at 0.5.
    const logistic::ModelResult dflt = logistic::model(X, Y, x_test, y_test);
    CHECK(dflt.num_iterations == 2000);
    CHECK(dflt.learning_rate == 0.5);
    CHECK(dflt.costs.size() == 20);
}

TEST_CASE("week2 logistic: propagate's gradients match finite differences of its cost") {
    np::random::seed(11);
    const Matrix X = np::random::randn(5, 9);
    const Matrix Y = np::random::rand(1, 9) > 0.5;
    const Matrix w = np::random::randn(5, 1) * 0.5;
    const double b = 0.3, eps = 1e-6;
    auto [grads, cost] = logistic::propagate(w, b, X, Y);
    CHECK(np::sum(np::abs(grads.dw)) > 0);
    for (std::size_t i = 0; i < 5; ++i) {
        Matrix plus = w.copy(), minus = w.copy();
        plus(i, 0) += eps;
        minus(i, 0) -= eps;
        const double numeric =
            (logistic::propagate(plus, b, X, Y).cost - logistic::propagate(minus, b, X, Y).cost) / (2 * eps);
        CHECK(grads.dw(i, 0) == doctest::Approx(numeric).epsilon(1e-7));
    }
    const double numeric_b =
        (logistic::propagate(w, b + eps, X, Y).cost - logistic::propagate(w, b - eps, X, Y).cost) / (2 * eps);
    CHECK(grads.db == doctest::Approx(numeric_b).epsilon(1e-7));
}

TEST_CASE("week2 logistic: bad input gets a clear error") {
    auto [w, b, X, Y] = tc::propagate_case();
    CHECK_THROWS_WITH_AS(logistic::propagate(Matrix{{1., 2., 3.}}, b, X, Y),
                         "propagate: w has shape (1, 3) but X has shape (2, 3): w must be (X's rows, 1): one weight "
                         "per feature",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::propagate(w, b, X, Matrix{{1, 0}}),
                         "propagate: Y has shape (1, 2) but X has shape (2, 3): Y must be (1, X's columns): one label "
                         "per example",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::propagate(w, b, X, Matrix{{1, 2, 0}}),
                         "propagate: Y has the value 2.0 at (0, 1); labels must be 0 or 1", std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::propagate(w, b, Matrix(2, 0), Matrix(1, 0)),
                         "propagate: there are no examples (X has shape (2, 0))", std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::optimize(w, b, X, Y, 0),
                         "optimize: num_iterations is 0; it needs at least 1 (the grads it returns are the last "
                         "iteration's)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::predict(Matrix{{1.}, {2.}, {3.}}, b, X),
                         "predict: w has shape (3, 1) but X has shape (2, 3): w needs one weight per row of X",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::model(X, Y, Matrix(3, 2), Matrix{{1, 0}}),
                         "model: X_test has shape (3, 2) but X_train has shape (2, 3): both need the same features "
                         "(rows)",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(logistic::model(X, Y, X, Matrix{{1, 0, 0.5}}),
                         "model: Y_test has the value 0.5 at (0, 2); labels must be 0 or 1", std::invalid_argument);
    CHECK_THROWS_AS(logistic::model(X, Matrix{{1, 0, 3}}, X, Y), std::invalid_argument);  // through propagate
    CHECK_THROWS_WITH_AS(logistic::accuracy(Matrix(1, 0), Matrix(1, 0)),
                         "accuracy: there are no examples (Y has shape (1, 0))", std::invalid_argument);
}

// ---- the cat pictures ------------------------------------------------------------------------------------------

namespace {

struct CatSets {
    Matrix train_set_x, train_set_y, test_set_x, test_set_y;
};

// The notebook's preprocessing: flatten each picture to a column, then / 255.
CatSets cat_sets(const app::CatData& data) {
    const Matrix train_set_x_flatten = app::reshape(data.train_x_orig, 209, -1).T();
    const Matrix test_set_x_flatten = app::reshape(data.test_x_orig, 50, -1).T();
    return {train_set_x_flatten / 255., data.train_y, test_set_x_flatten / 255., data.test_y};
}

}  // namespace

TEST_CASE("week2 logistic: the cat pictures, as the notebook loads and flattens them" * needs::course_data()) {
    const app::CatData data = app::load_data(course_data::dir());
    CHECK(data.train_x_orig.shape == std::vector<std::size_t>{209, 64, 64, 3});
    CHECK(data.test_x_orig.shape == std::vector<std::size_t>{50, 64, 64, 3});
    CHECK(np::sum(data.train_y) == ex::train_cats);
    CHECK(np::sum(data.test_y) == ex::test_cats);
    CHECK(data.train_y(0, 25) == 1);  // index 25: y = [1], it's a 'cat' picture.
    CHECK(data.classes.at(1) == "cat");
    const Matrix train_flat = app::reshape(data.train_x_orig, 209, -1).T();
    const Matrix test_flat = app::reshape(data.test_x_orig, 50, -1).T();
    CHECK(train_flat.shape() == Shape{12288, 209});
    std::string sanity = "[";
    for (std::size_t i = 0; i < 5; ++i) sanity += (i ? " " : "") + std::to_string(static_cast<int>(train_flat(i, 0)));
    CHECK(sanity + "]" == ex::sanity_check);
    for (std::size_t i = 0; i < 10; ++i) {
        CHECK(train_flat(i, 1) == ex::train_column_1[i]);
        CHECK(test_flat(i, 1) == ex::test_column_1[i]);
    }
    CHECK(np::mean(train_flat / 255.) == doctest::Approx(0.40394951382292327).epsilon(1e-14));
    CHECK(np::mean(test_flat / 255.) == doctest::Approx(0.4210678806678922).epsilon(1e-14));
}

TEST_CASE("week2 logistic: model on the cat pictures prints the notebook's 20 costs and accuracies" *
          needs::course_data()) {
    const CatSets s = cat_sets(app::load_data(course_data::dir()));
    logistic::ModelResult d;
    std::vector<std::string> lines;
    const int num_iterations = kFullTraining ? 2000 : 201;
    {
        CaptureCout out;
        d = logistic::model(s.train_set_x, s.train_set_y, s.test_set_x, s.test_set_y, num_iterations, 0.005, true);
        lines = out.lines();
    }
    REQUIRE(lines.size() == d.costs.size() + 2);
    for (std::size_t k = 0; k < d.costs.size(); ++k) {
        CHECK(lines[k] == "Cost after iteration " + std::to_string(100 * k) + ": " + ex::costs[k]);
        CHECK(std::fabs(d.costs[k] - ex::costs_full[k]) <= 1e-12 * ex::costs_full[k]);
    }
    if (!kFullTraining) return;
    REQUIRE(lines.size() == 22);
    CHECK(lines[20] == std::string("train accuracy: ") + ex::train_accuracy + " %");
    CHECK(lines[21] == std::string("test accuracy: ") + ex::test_accuracy + " %");
    CHECK(d.b == doctest::Approx(ex::final_b).epsilon(1e-11));
    CHECK(np::sum(d.w) == doctest::Approx(ex::sum_w).epsilon(1e-11));
    CHECK(np::linalg::norm(d.w, 0)(0, 0) == doctest::Approx(ex::norm_w).epsilon(1e-11));
    for (std::size_t i = 0; i < 5; ++i) CHECK(d.w(i, 0) == doctest::Approx(ex::w_first[i]).epsilon(1e-10));
    std::vector<int> train_wrong, test_wrong;
    for (std::size_t j = 0; j < 209; ++j)
        if (d.Y_prediction_train(0, j) != s.train_set_y(0, j)) train_wrong.push_back(static_cast<int>(j));
    for (std::size_t j = 0; j < 50; ++j)
        if (d.Y_prediction_test(0, j) != s.test_set_y(0, j)) test_wrong.push_back(static_cast<int>(j));
    CHECK(train_wrong == std::vector<int>(std::begin(ex::train_mistakes), std::end(ex::train_mistakes)));
    CHECK(test_wrong == std::vector<int>(std::begin(ex::test_mistakes), std::end(ex::test_mistakes)));
    CHECK(d.Y_prediction_test(0, 1) == 1);  // index 1: y = 1, you predicted that it is a "cat" picture.
}

TEST_CASE("week2 logistic: the learning-rate comparison's accuracies and cost curves" * needs::course_data()) {
    const CatSets s = cat_sets(app::load_data(course_data::dir()));
    for (const auto& run : ex::learning_rates) {
        CAPTURE(run.learning_rate);
        const logistic::ModelResult d = logistic::model(s.train_set_x, s.train_set_y, s.test_set_x, s.test_set_y,
                                                        kFullTraining ? 1500 : 101, std::stod(run.learning_rate));
        CHECK(py_repr(d.learning_rate) == run.learning_rate);
        for (std::size_t k = 0; k < d.costs.size(); ++k) {
            char printed[32];
            std::snprintf(printed, sizeof printed, "%f", d.costs[k]);
            CHECK(std::stod(printed) == run.costs[k]);
        }
        if (!kFullTraining) continue;
        CHECK(percent_line("train accuracy: ", logistic::accuracy(d.Y_prediction_train, s.train_set_y)) ==
              std::string("train accuracy: ") + run.train_accuracy + " %");
        CHECK(percent_line("test accuracy: ", logistic::accuracy(d.Y_prediction_test, s.test_set_y)) ==
              std::string("test accuracy: ") + run.test_accuracy + " %");
        CHECK(d.costs.size() == 15);
    }
}
