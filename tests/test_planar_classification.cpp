// tests/test_planar_classification.cpp - week 3, "Planar data classification with one hidden layer" (W3A1): the
// test cases of every version (2017's testCases, v6c's and 2021's testCases_v2 with public_tests.py) against what
// each notebook printed, nn_model's tests with both seedings, the flower run and the hidden-size sweep (the lines
// insensitive to the order of summation exactly), load_planar_dataset, the decision grid, the logistic-regression
// baseline (47 %), finite differences of backward_propagation, and clear errors for bad input.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "course/expected_planar_classification.hpp"
#include "course/test_cases_planar_classification.hpp"
#include "dnn.hpp"
#include "tests/capture_cout.hpp"
#include "tests/full_training.hpp"
#include "tests/notebook_expect.hpp"

using namespace dnn;
namespace tc = dnn::test_cases::planar_classification;
namespace ex = dnn::notebook::expected::planar_classification;
using planar::Seeding;
using tc::Version;

// kFullTraining: tests/full_training.hpp (a ThreadSanitizer build trains shortened runs).

namespace {

const PrintOptions modern{.layout = Layout::modern};

// v6c and 2017 printed np.mean of Z1, A1, Z2 and A2, with numpy < 1.14's 12 digits.
std::string cache_means(const planar::Cache& cache) {
    std::string s;
    for (const char* key : {"Z1", "A1", "Z2", "A2"})
        s += (s.empty() ? "" : " ") + legacy_float_str(np::mean(cache[key]));
    return s;
}

std::string cost_line(int i, const char* cost) { return "Cost after iteration " + std::to_string(i) + ": " + cost; }

// nn_model's printed lines and its parameters.
struct Run {
    Parameters parameters;
    std::vector<std::string> lines;
};
Run run_nn_model(const Matrix& X, const Matrix& Y, int n_h, int num_iterations, Seeding seeding) {
    CaptureCout out;
    Parameters parameters = planar::nn_model(X, Y, n_h, num_iterations, true, seeding);
    return {parameters, out.lines()};
}

}  // namespace

TEST_CASE("week3 planar: load_planar_dataset draws the notebook's flower") {
    auto [X, Y] = planar::load_planar_dataset();
    REQUIRE(X.shape() == Shape{2, 400});
    REQUIRE(Y.shape() == Shape{1, 400});
    CHECK(np::sum(Y) == 200);
    for (std::size_t j = 0; j < 400; ++j) CHECK(Y(0, j) == (j < 200 ? 0 : 1));
    // numpy's own sin and cos (on AVX-512 machines) may differ from the C library's in the last bit.
    for (std::size_t i = 0; i < 2; ++i) {
        for (std::size_t j = 0; j < 3; ++j) CHECK(X(i, j) == doctest::Approx(ex::X_first[i][j]).epsilon(1e-14));
        CHECK(np::sum(X, 1, true)(i, 0) == doctest::Approx(ex::X_sum_rows[i]).epsilon(1e-13));
    }
    CHECK(np::sum(np::abs(X)) == doctest::Approx(ex::X_abs_sum).epsilon(1e-14));
    // The same data under the Application's name (make demo's fallback): one implementation.
    CHECK(np::array_equal(app::load_planar_dataset().X, X));
    // The dataset cell's lines
    const std::string lines[] = {"The shape of X is: " + to_string(X.shape()),
                                 "The shape of Y is: " + to_string(Y.shape()),
                                 "I have m = " + std::to_string(Y.cols()) + " training examples!"};
    for (int k = 0; k < 3; ++k) CHECK(lines[k] == ex::dataset_lines[k]);
}

TEST_CASE("week3 planar: np.linspace and np.arange as numpy computes them") {
    const Matrix t = np::linspace(3.12, 6.24, 200);
    CHECK(t(0, 1) - t(0, 0) == doctest::Approx(0.015678391959798997).epsilon(1e-15));
    CHECK(t(0, 199) == 6.24);
    CHECK(planar::arange(0, 1, 0.25) == std::vector<double>{0, 0.25, 0.5, 0.75});
    CHECK(planar::arange(0, 1.0000001, 0.25).size() == 5);
    CHECK(planar::arange(1, 1, 0.5).empty());
}

TEST_CASE("week3 planar: the decision boundary's grid is the notebook's 1008 x 1030") {
    auto [X, Y] = planar::load_planar_dataset();
    const planar::DecisionGrid grid = planar::decision_grid(X);
    CHECK(grid.ys.size() == static_cast<std::size_t>(ex::grid_rows));
    CHECK(grid.xs.size() == static_cast<std::size_t>(ex::grid_cols));
    CHECK(grid.xs[0] == doctest::Approx(ex::grid_x_min).epsilon(1e-14));
    CHECK(grid.ys[0] == doctest::Approx(ex::grid_y_min).epsilon(1e-14));
    // np.c_[xx.ravel(), yy.ravel()]: x runs fastest
    const Matrix p = grid.points(1029, 2);
    CHECK(p(0, 0) == grid.xs[1029]);
    CHECK(p(1, 0) == grid.ys[0]);
    CHECK(p(0, 1) == grid.xs[0]);
    CHECK(p(1, 1) == grid.ys[1]);
    CHECK_THROWS_AS(grid.points(grid.size() - 1, 2), std::out_of_range);
    CHECK_THROWS_AS(planar::decision_grid(Matrix(3, 4)), std::invalid_argument);
}

TEST_CASE("week3 planar: the logistic-regression baseline gives the notebook's 47 %") {
    auto [X, Y] = planar::load_planar_dataset();
    for (int cv : {3, 5}) {  // scikit-learn's default before 0.22, and since
        CAPTURE(cv);
        planar::LogisticRegressionCV clf(cv);
        clf.fit(X.T(), Y.T());
        const Matrix LR_predictions = clf.predict(X.T());
        REQUIRE(LR_predictions.shape() == Shape{400, 1});
        const double accuracy =
            np::squeeze((np::dot(Y, LR_predictions) + np::dot(1 - Y, 1 - LR_predictions)) / double(Y.size()) * 100);
        char line[128];
        std::snprintf(line, sizeof line,
                      "Accuracy of logistic regression: %d %% (percentage of correctly labelled datapoints)",
                      static_cast<int>(accuracy));
        CHECK(std::string(line) == ex::logistic_regression_line);
        CHECK(accuracy == 47.0);  // 188 of 400
        REQUIRE(clf.Cs_.size() == 10);
        CHECK(clf.Cs_[0] == doctest::Approx(1e-4));
        CHECK(clf.Cs_[9] == doctest::Approx(1e4));
        // The re-derivation's best C: 0.0464 with 3 folds, 0.359 with 5; coefficients near (0.026, -0.19).
        CHECK(clf.C_ == doctest::Approx(cv == 3 ? 0.046415888336127774 : 0.3593813663804626));
        CHECK(clf.coef_(0, 0) == doctest::Approx(cv == 3 ? 0.02626476 : 0.02784007).epsilon(1e-6));
        CHECK(clf.coef_(0, 1) == doctest::Approx(cv == 3 ? -0.19186887 : -0.20164194).epsilon(1e-6));
    }
    CHECK_THROWS_AS(planar::LogisticRegressionCV(1), std::invalid_argument);
    CHECK_THROWS_AS(planar::LogisticRegressionCV().predict(X.T()), std::logic_error);
    CHECK_THROWS_WITH_AS(planar::LogisticRegressionCV().fit(X.T(), Matrix(1, 399)),
                         "LogisticRegressionCV::fit: y has shape (1, 399) but X has shape (400, 2): y needs one label "
                         "per row of X",
                         std::invalid_argument);
    CHECK_THROWS_AS(planar::LogisticRegressionCV().fit(X.T(), Y * 2), std::invalid_argument);
}

TEST_CASE("week3 planar: layer_sizes, 2021's test too") {
    auto [X_assess, Y_assess] = tc::layer_sizes_test_case();
    auto [n_x, n_h, n_y] = planar::layer_sizes(X_assess, Y_assess);
    const std::string lines[] = {"The size of the input layer is: n_x = " + std::to_string(n_x),
                                 "The size of the hidden layer is: n_h = " + std::to_string(n_h),
                                 "The size of the output layer is: n_y = " + std::to_string(n_y)};
    for (int k = 0; k < 3; ++k) CHECK(lines[k] == ex::layer_sizes_lines[k]);
    auto [X, Y] = tc::layer_sizes_test();
    const planar::LayerSizes sizes = planar::layer_sizes(X, Y);
    CHECK(sizes.n_x == 7);
    CHECK(sizes.n_h == 4);
    CHECK(sizes.n_y == 5);
}

TEST_CASE("week3 planar: initialize_parameters, with the 2021 seeding (none inside) and v6c's (seed 2)") {
    auto [n_x, n_h, n_y] = tc::initialize_parameters_test_case();
    np::random::seed(2);  // the 2021 cell seeds before the call
    const Parameters p = planar::initialize_parameters(n_x, n_h, n_y);
    CHECK(p.size() == 4);
    CHECK(format_matrix(p["W1"], modern) == ex::init_W1);
    CHECK(format_matrix(p["b1"], modern) == ex::init_b1);
    CHECK(format_matrix(p["W2"], modern) == ex::init_W2);
    CHECK(format_matrix(p["b2"], modern) == ex::init_b2);
    // v6c seeds 2 itself, whatever the generator's state
    np::random::seed(123);
    const Parameters q = planar::initialize_parameters(n_x, n_h, n_y, Seeding::v6c);
    CHECK(to_string(q["W1"]) == ex::init_W1);
    CHECK(to_string(q["b1"]) == ex::v6c::init_b1);
    CHECK(to_string(q["W2"]) == ex::init_W2);
    CHECK(to_string(q["b2"]) == ex::v6c::init_b2);
    CHECK(np::array_equal(q["W1"], p["W1"]));
    CHECK(q["W1"](0, 0) == -0.004167578474054706);
    // the 2021 version does not seed: drawing on gives other numbers
    const Parameters r = planar::initialize_parameters(n_x, n_h, n_y);
    CHECK_FALSE(np::array_equal(r["W1"], p["W1"]));
    // public_tests.initialize_parameters_test: seed 2, (3, 5, 2)
    np::random::seed(2);
    const Parameters t = planar::initialize_parameters(3, 5, 2);
    expect::check_printed("W1", t["W1"], ex::init_test_W1, expect::Text::numbers_only);
    expect::check_printed("W2", t["W2"], ex::init_test_W2, expect::Text::numbers_only);
    CHECK(t["b1"].shape() == Shape{5, 1});
    CHECK(t["b2"].shape() == Shape{2, 1});
    // nn_model's start (2021 seeding): seed 3 alone
    np::random::seed(3);
    const Parameters s3 = planar::initialize_parameters(2, 4, 1);
    CHECK(s3["W1"](0, 0) == 0.017886284734303187);
    CHECK(s3["W2"](0, 3) == 0.008846223804995846);
}

TEST_CASE("week3 planar: forward_propagation, every version's case") {
    {  // 2021: A2, and the test's Z1, A1, Z2
        auto [X, parameters] = tc::forward_propagation_test_case();
        auto [A2, cache] = planar::forward_propagation(X, parameters);
        CHECK(format_matrix(A2, modern) == ex::forward_A2);
        CHECK(cache.size() == 4);
        for (const char* key : {"Z1", "A1", "Z2", "A2"}) CHECK_MESSAGE(cache.count(key) == 1, key);
        expect::check_printed("Z1", cache["Z1"], ex::forward_test_Z1, expect::Text::numbers_only);
        expect::check_printed("A1", cache["A1"], ex::forward_test_A1, expect::Text::numbers_only);
        expect::check_printed("Z2", cache["Z2"], ex::forward_test_Z2, expect::Text::numbers_only);
        CHECK(cache["A2"].shares_storage_with(A2));
        // v6c printed the means of the cache, with numpy < 1.14's 12 digits
        const std::string means = cache_means(cache);
        CHECK(means == ex::v6c::forward_means);
        auto [X6, parameters6] = tc::forward_propagation_test_case(Version::v6c);
        CHECK(np::array_equal(X6, X));
        CHECK(np::array_equal(parameters6["b1"], parameters["b1"]));
    }
    {  // 2017: zero biases
        auto [X, parameters] = tc::forward_propagation_test_case(Version::v2017);
        auto [A2, cache] = planar::forward_propagation(X, parameters);
        const std::string means = cache_means(cache);
        CHECK(means == ex::v2017::forward_means);
        // This run makes the very A1, A2, Z1, Z2 of the backward test case (to their 8 printed decimals).
        const auto backward_case = tc::backward_propagation_test_case();
        for (const char* key : {"Z1", "A1", "Z2", "A2"})
            expect::check_printed(key, cache[key], to_string(backward_case.cache[key]), expect::Text::numbers_only);
    }
}

TEST_CASE("week3 planar: compute_cost, every version's case") {
    auto [A2, Y, unused] = tc::compute_cost_test_case();
    const double cost = planar::compute_cost(A2, Y);
    CHECK(py_repr(cost) == ex::cost);
    auto [A2_6, Y_6, parameters] = tc::compute_cost_test_case(Version::v6c);
    CHECK(parameters.size() == 4);
    CHECK(py_repr(planar::compute_cost(A2_6, Y_6, parameters)) == ex::v6c::cost);
    // 2017: real-valued labels (randn), printed with numpy < 1.14's 12 digits
    auto [A2_17, Y_17, p17] = tc::compute_cost_test_case(Version::v2017);
    CHECK(planar::compute_cost(A2_17, Y_17, p17) == ex::v2017::cost_full);
    CHECK(legacy_float_str(planar::compute_cost(A2_17, Y_17)) == ex::v2017::cost);
    // public_tests.compute_cost_test
    for (int which : {1, 2}) {
        auto [A, Yt, none] = tc::compute_cost_test(which);
        CHECK(planar::compute_cost(A, Yt) == ex::compute_cost_test[which - 1]);
    }
}

TEST_CASE("week3 planar: backward_propagation, every version's case") {
    {  // v6c and 2021 (the same text in both layouts)
        auto [parameters, cache, X, Y] = tc::backward_propagation_test_case();
        const Grads grads = planar::backward_propagation(parameters, cache, X, Y);
        CHECK(grads.size() == 4);
        CHECK(format_matrix(grads["dW1"], modern) == ex::backward_dW1);
        CHECK(format_matrix(grads["db1"], modern) == ex::backward_db1);
        CHECK(format_matrix(grads["dW2"], modern) == ex::backward_dW2);
        CHECK(format_matrix(grads["db2"], modern) == ex::backward_db2);
        CHECK(to_string(grads["dW1"]) == ex::backward_dW1);
        CHECK(to_string(grads["db2"]) == ex::backward_db2);
    }
    {  // 2017: real-valued labels
        auto [parameters, cache, X, Y] = tc::backward_propagation_test_case(Version::v2017);
        const Grads grads = planar::backward_propagation(parameters, cache, X, Y);
        CHECK(to_string(grads["dW1"]) == ex::v2017::backward_dW1);
        CHECK(to_string(grads["db1"]) == ex::v2017::backward_db1);
        CHECK(to_string(grads["dW2"]) == ex::v2017::backward_dW2);
        CHECK(to_string(grads["db2"]) == ex::v2017::backward_db2);
    }
    {  // public_tests.backward_propagation_test
        auto [parameters, cache, X, Y] = tc::backward_propagation_test();
        const Grads grads = planar::backward_propagation(parameters, cache, X, Y);
        expect::check_printed("dW1", grads["dW1"], ex::backward_test_dW1, expect::Text::numbers_only);
        expect::check_printed("db1", grads["db1"], ex::backward_test_db1, expect::Text::numbers_only);
        expect::check_printed("dW2", grads["dW2"], ex::backward_test_dW2, expect::Text::numbers_only);
        expect::check_printed("db2", grads["db2"], ex::backward_test_db2, expect::Text::numbers_only);
    }
}

TEST_CASE("week3 planar: update_parameters with the default learning rate 1.2") {
    auto [parameters, grads] = tc::update_parameters_test_case();
    const Parameters before = parameters;
    const Parameters updated = planar::update_parameters(parameters, grads);
    CHECK(format_matrix(updated["W1"], modern) == ex::update_W1);
    CHECK(format_matrix(updated["b1"], modern) == ex::update_b1);
    CHECK(format_matrix(updated["W2"], modern) == ex::update_W2);
    CHECK(format_matrix(updated["b2"], modern) == ex::update_b2);
    CHECK(to_string(updated["W1"]) == ex::update_W1);
    CHECK(to_string(updated["b1"]) == ex::v6c::update_b1);
    CHECK(to_string(updated["b2"]) == ex::v6c::update_b2);
    // The caller's parameters are not changed (the notebook's copy.deepcopy).
    for (const auto& entry : before) CHECK(np::array_equal(parameters[entry.first], entry.second));
    CHECK(np::array_equal(planar::update_parameters(parameters, grads, 1.2)["W1"], updated["W1"]));
}

TEST_CASE("week3 planar: nn_model on 2021's test (n_h = 5): its 10 cost lines and parameters") {
    auto [X, Y] = tc::nn_model_test_case();
    const Run run = run_nn_model(X, Y, 5, 10000, Seeding::v2021);
    REQUIRE(run.lines.size() == 10);
    for (int k = 0; k < 10; ++k) CHECK(run.lines[k] == cost_line(1000 * k, ex::nn_model_costs[k]));
    CHECK(format_matrix(run.parameters["W1"], modern) == ex::nn_model_W1);
    CHECK(format_matrix(run.parameters["b1"], modern) == ex::nn_model_b1);
    CHECK(format_matrix(run.parameters["W2"], modern) == ex::nn_model_W2);
    CHECK(format_matrix(run.parameters["b2"], modern) == ex::nn_model_b2);
    for (std::size_t k = 0; k < 10; ++k)
        CHECK(run.parameters["W1"](k / 2, k % 2) == doctest::Approx(ex::nn_model_W1_full[k]).epsilon(1e-12));
    // The test then seeds 3 and reruns with the defaults (10000 iterations, no printing): the same parameters.
    CaptureCout quiet;
    np::random::seed(3);
    const Parameters again = planar::nn_model(X, Y, 5);
    CHECK(quiet.text().empty());
    CHECK(np::array_equal(again["W1"], run.parameters["W1"]));
}

TEST_CASE("week3 planar: nn_model, v1.1's test (n_h = 4) and v6c's (seed 2 inside initialize_parameters)") {
    {
        auto [X, Y] = tc::nn_model_test_case();
        const Run run = run_nn_model(X, Y, 4, 10000, Seeding::v2021);
        REQUIRE(run.lines.size() == 10);
        for (int k = 0; k < 10; ++k) CHECK(run.lines[k] == cost_line(1000 * k, ex::v1_1::nn_model_costs[k]));
        CHECK(format_matrix(run.parameters["W1"], modern) == ex::v1_1::nn_model_W1);
        CHECK(format_matrix(run.parameters["b1"], modern) == ex::v1_1::nn_model_b1);
        CHECK(format_matrix(run.parameters["W2"], modern) == ex::v1_1::nn_model_W2);
        CHECK(format_matrix(run.parameters["b2"], modern) == ex::v1_1::nn_model_b2);
    }
    {
        auto [X, Y] = tc::nn_model_test_case(Version::v6c);
        REQUIRE(X.shape() == Shape{2, 3});
        const Run run = run_nn_model(X, Y, 4, 10000, Seeding::v6c);
        REQUIRE(run.lines.size() == 10);
        for (int k = 0; k < 10; ++k) CHECK(run.lines[k] == cost_line(1000 * k, ex::v6c::nn_model_costs[k]));
        CHECK(to_string(run.parameters["W1"]) == ex::v6c::nn_model_W1);
        CHECK(to_string(run.parameters["b1"]) == ex::v6c::nn_model_b1);
        CHECK(to_string(run.parameters["W2"]) == ex::v6c::nn_model_W2);
        CHECK(to_string(run.parameters["b2"]) == ex::v6c::nn_model_b2);
    }
    {  // the seeding pitfall: v6c's seeding on 2021's data prints 0.693395 ... 0.000024 (re-derived only)
        auto [X, Y] = tc::nn_model_test_case();
        const Run run = run_nn_model(X, Y, 4, 10000, Seeding::v6c);
        CHECK(run.lines.front() == cost_line(0, "0.693395"));
        CHECK(run.lines.back() == cost_line(9000, "0.000024"));
        expect::check_printed("W1", run.parameters["W1"],
                              "[[-0.73679287 -1.36621711] [-0.62039407 -1.13347599] [-0.71454509 -1.31939197] "
                              "[ 0.74580119  1.37837548]]",
                              expect::Text::numbers_only);
    }
}

TEST_CASE("week3 planar: predict, and the mean v6c printed") {
    auto [parameters, X] = tc::predict_test_case();
    const Matrix predictions = planar::predict(parameters, X);
    CHECK(format_bool(predictions, modern) == ex::predictions);
    CHECK(legacy_float_str(np::mean(predictions)) == ex::v6c::predictions_mean);
    CHECK(py_repr(np::mean(predictions)) == "0.6666666666666666");  // the same line with numpy >= 1.14
}

TEST_CASE("week3 planar: the flower, n_h = 4: the cost lines before the oscillation exactly, and 90%") {
    auto [X, Y] = planar::load_planar_dataset();
    struct Seeded {
        Seeding seeding;
        const ex::CostLine* costs;
        int exact;
        const double* full;
    };
    const Seeded seedings[] = {{Seeding::v2021, ex::flower_costs, ex::flower_costs_exact, ex::flower_costs_full},
                               {Seeding::v6c, ex::v6c::flower_costs, ex::v6c::flower_costs_exact,
                                ex::v6c::flower_costs_full}};
    for (const Seeded& s : seedings) {
        const bool v6c = s.seeding == Seeding::v6c;
        CAPTURE(v6c);
        const Run run = run_nn_model(X, Y, 4, kFullTraining ? 10000 : 2001, s.seeding);
        REQUIRE(run.lines.size() == (kFullTraining ? 10u : 3u));
        for (int k = 0; k < static_cast<int>(run.lines.size()); ++k) {
            CAPTURE(k);
            if (k < s.exact) {
                CHECK(run.lines[k] == cost_line(1000 * k, s.costs[k].printed));
            } else {  // depends on the order of summation: near the notebooks' own spread, not equal to it
                const double ours = std::stod(run.lines[k].substr(run.lines[k].find(':') + 2));
                CHECK(std::fabs(ours - std::stod(s.costs[k].printed)) < 3e-4);
            }
        }
        if (!kFullTraining) continue;
        // The last cost before the oscillation, at full precision: as close as numpy's own runs are to each other.
        const Parameters at_last_exact = planar::nn_model(X, Y, 4, 1000 * (s.exact - 1), false, s.seeding);
        auto [A2, cache] = planar::forward_propagation(X, at_last_exact);
        CHECK(planar::compute_cost(A2, Y) == doctest::Approx(s.full[s.exact - 1]).epsilon(1e-9));
        const Matrix predictions = planar::predict(run.parameters, X);
        const double accuracy = planar::accuracy(Y, predictions);
        CHECK("Accuracy: " + std::to_string(static_cast<int>(accuracy)) + "%" == ex::flower_accuracy);
        CHECK(accuracy >= 90.0);  // 90.5 or 90.75 in numpy's runs, by the order of summation
    }
}

TEST_CASE("week3 planar: the hidden-size sweep's accuracies for 1 to 5 units (5000 iterations)") {
    auto [X, Y] = planar::load_planar_dataset();
    for (Seeding seeding : {Seeding::v2021, Seeding::v6c}) {
        const ex::SweepLine* sweep = seeding == Seeding::v2021 ? ex::sweep : ex::v6c::sweep;
        for (int k = 0; k < (kFullTraining ? ex::sweep_exact : 2); ++k) {
            const Parameters parameters = planar::nn_model(X, Y, sweep[k].n_h, 5000, false, seeding);
            const double accuracy = planar::accuracy(Y, planar::predict(parameters, X));
            CHECK("Accuracy for " + std::to_string(sweep[k].n_h) + " hidden units: " + py_repr(accuracy) + " %" ==
                  "Accuracy for " + std::to_string(sweep[k].n_h) + " hidden units: " + sweep[k].printed + " %");
        }
    }
}

TEST_CASE("week3 planar: backward_propagation's gradients match finite differences of compute_cost") {
    np::random::seed(5);
    const Matrix X = np::random::randn(3, 8);
    const Matrix Y = np::random::rand(1, 8) > 0.5;
    Parameters parameters = {{"W1", np::random::randn(4, 3) * 0.5}, {"b1", np::random::randn(4, 1) * 0.1},
                             {"W2", np::random::randn(1, 4) * 0.5}, {"b2", np::random::randn(1, 1) * 0.1}};
    auto [A2, cache] = planar::forward_propagation(X, parameters);
    const Grads grads = planar::backward_propagation(parameters, cache, X, Y);
    const double eps = 1e-6;
    double diff2 = 0, norm2 = 0;
    for (const auto& entry : parameters) {
        const std::string& key = entry.first;
        REQUIRE(grads.count("d" + key) == 1);
        CHECK(np::sum(np::abs(grads["d" + key])) > 0);
        for (std::size_t i = 0; i < entry.second.rows(); ++i)
            for (std::size_t j = 0; j < entry.second.cols(); ++j) {
                Parameters plus = parameters, minus = parameters;
                plus[key](i, j) += eps;
                minus[key](i, j) -= eps;
                const double numeric = (planar::compute_cost(planar::forward_propagation(X, plus).A2, Y) -
                                        planar::compute_cost(planar::forward_propagation(X, minus).A2, Y)) /
                                       (2 * eps);
                const double analytic = grads["d" + key](i, j);
                diff2 += (numeric - analytic) * (numeric - analytic);
                norm2 += numeric * numeric + analytic * analytic;
            }
    }
    CHECK(std::sqrt(diff2 / norm2) < 1e-8);
}

TEST_CASE("week3 planar: bad input gets a clear error") {
    auto [X, parameters] = tc::forward_propagation_test_case();
    CHECK_THROWS_WITH_AS(planar::forward_propagation(Matrix(3, 3), parameters),
                         "forward_propagation: W1 has shape (4, 2) but X has shape (3, 3): W1 needs as many columns "
                         "as X has rows",
                         std::invalid_argument);
    Parameters two_outputs = parameters;
    two_outputs["W2"] = Matrix(2, 4);
    CHECK_THROWS_WITH_AS(planar::forward_propagation(X, two_outputs),
                         "forward_propagation: W2 has shape (2, 4) but W1 has shape (4, 2): W2 must be (1, W1's rows): "
                         "one output unit",
                         std::invalid_argument);
    Parameters missing = parameters;
    missing.erase("b2");
    CHECK_THROWS_WITH_AS(planar::forward_propagation(X, missing),
                         "forward_propagation: parameters has no key \"b2\" (it has: W1, W2, b1)", std::out_of_range);
    CHECK_THROWS_WITH_AS(planar::forward_propagation(Matrix(2, 0), parameters),
                         "forward_propagation: there are no examples (X has shape (2, 0))", std::invalid_argument);
    CHECK_THROWS_WITH_AS(planar::compute_cost(Matrix{{0.5, 0.5, 0.5}}, Matrix{{1, 0}}),
                         "compute_cost: A2 has shape (1, 3) but Y has shape (1, 2): they must have the same shape",
                         std::invalid_argument);
    CHECK_THROWS_AS(planar::compute_cost(Matrix(1, 0), Matrix(1, 0)), std::invalid_argument);
    auto [p, cache, Xb, Yb] = tc::backward_propagation_test_case();
    CHECK_THROWS_WITH_AS(planar::backward_propagation(p, cache, Xb, Matrix{{1, 0}}),
                         "backward_propagation: Y has shape (1, 2) but A2 has shape (1, 3): they must have the same "
                         "shape",
                         std::invalid_argument);
    CHECK_THROWS_AS(planar::backward_propagation(p, planar::Cache{}, Xb, Yb), std::out_of_range);
    auto [pu, grads] = tc::update_parameters_test_case();
    Grads wrong = grads;
    wrong["db1"] = Matrix(1, 4);
    CHECK_THROWS_WITH_AS(planar::update_parameters(pu, wrong),
                         "update_parameters: db1 has shape (1, 4) but b1 has shape (4, 1): a gradient has the shape "
                         "of its parameter",
                         std::invalid_argument);
    auto [Xn, Yn] = tc::nn_model_test_case();
    CHECK_THROWS_WITH_AS(planar::nn_model(Xn, Yn * 3, 4),
                         "nn_model: Y has the value 3.0 at (0, 0); labels must be 0 or 1", std::invalid_argument);
    CHECK_THROWS_WITH_AS(planar::nn_model(Matrix(2, 0), Matrix(1, 0), 4),
                         "nn_model: there are no examples (X has shape (2, 0))", std::invalid_argument);
    CHECK_THROWS_AS(planar::nn_model(Xn, Yn.T(), 4), std::invalid_argument);
    CHECK_THROWS_WITH_AS(planar::initialize_parameters(2, 0, 1),
                         "initialize_parameters: n_h is 0; every layer needs at least one unit", std::invalid_argument);
    CHECK_THROWS_WITH_AS(planar::layer_sizes(Matrix(2, 3), Matrix(1, 4)),
                         "layer_sizes: X has shape (2, 3) but Y has shape (1, 4): X and Y need the same number of "
                         "examples (columns)",
                         std::invalid_argument);
    CHECK_THROWS_AS(planar::accuracy(Matrix{{1, 0}}, Matrix{{1, 0, 1}}), std::invalid_argument);
}
