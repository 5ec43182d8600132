// tests/test_app.cpp - the Application notebook: data, initialisation, training runs and predictions against
// the notebook's printed costs and accuracies: the tables of the Application notebook and an independent numpy run of it.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "dnn.hpp"
#include "tests/course_data.hpp"
#include "tests/needs.hpp"
#include "tests/trained_model.hpp"

using namespace dnn;
namespace ex = dnn::notebook::expected;

namespace {

using trained_model::kFullTraining;
using trained_model::kTrainIterations;
using trained_model::prepare;

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream is(text);
    for (std::string l; std::getline(is, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("app: load_data and the flattening give numpy's values" * needs::course_data()) {
    const std::string data_dir = course_data::dir();
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = app::load_data(data_dir);
    CHECK(train_x_orig.shape == std::vector<std::size_t>{209, 64, 64, 3});
    CHECK(test_x_orig.shape == std::vector<std::size_t>{50, 64, 64, 3});
    CHECK(train_y.shape() == Shape{1, 209});
    CHECK(test_y.shape() == Shape{1, 50});
    CHECK(classes == std::vector<std::string>{"non-cat", "cat"});
    CHECK(np::sum(train_y) == 72);
    CHECK(np::sum(test_y) == 33);

    Matrix train_x = app::reshape(train_x_orig, 209, -1).T() / 255.;
    CHECK(train_x.shape() == Shape{12288, 209});
    // First training column, first 6 values: pixels 17, 31, 56, 22, 33, 59 divided by 255 (a division, as numpy).
    const double first[] = {17, 31, 56, 22, 33, 59};
    for (int k = 0; k < 6; ++k) CHECK(train_x(k, 0) == first[k] / 255.0);
    CHECK(to_string(Matrix{{train_x(0, 0), train_x(1, 0), train_x(2, 0)}}) == "[[ 0.06666667  0.12156863  0.21960784]]");
    // Feature index = row * 192 + col * 3 + channel of image 1.
    CHECK(train_x(5 * 192 + 7 * 3 + 2, 1) == train_x_orig.data[((1 * 64 + 5) * 64 + 7) * 3 + 2] / 255.0);
    CHECK_THROWS_AS(app::reshape(train_x_orig, 7, -1), std::invalid_argument);
    CHECK_THROWS_AS(app::load_data("/nonexistent-folder"), std::runtime_error);
}

TEST_CASE("app: initialize_parameters_deep divides by sqrt(n[l-1]) and carries the cached normal into W4") {
    Parameters p = app::initialize_parameters_deep({12288, 20, 7, 5, 1});
    np::random::seed(1);
    Matrix W1 = np::random::randn(20, 12288);
    Matrix W2 = np::random::randn(7, 20);
    Matrix W3 = np::random::randn(5, 7);  // 35 values: an odd count, one normal stays cached
    Matrix W4 = np::random::randn(1, 5);
    CHECK(np::array_equal(p["W1"], W1 / std::sqrt(12288)));
    CHECK(np::array_equal(p["W3"], W3 / std::sqrt(7)));
    CHECK(np::array_equal(p["W4"], W4 / std::sqrt(5)));
    CHECK(np::array_equal(p["b2"], np::zeros(7, 1)));
    CHECK(p.size() == 8);
}

TEST_CASE("app: predict prints the notebook's accuracy line") {
    Parameters p{{"W1", Matrix{{1.0}}}, {"b1", Matrix{{0.0}}}};
    Matrix X{{-1, 2, 3}};  // sigmoid(x) > 0.5 exactly when x > 0
    std::ostringstream out;
    Matrix pred = app::predict(X, Matrix{{0, 1, 0}}, p, out);
    CHECK(np::array_equal(pred, Matrix{{0, 1, 1}}));
    CHECK(out.str() == "Accuracy: 0.6666666666666666\n");
    CHECK(app::mislabeled_indices(Matrix{{0, 1, 0}}, pred) == std::vector<std::size_t>{2});
    CHECK_THROWS_AS(app::predict(X, Matrix{{0, 1}}, p, out), std::invalid_argument);
}

TEST_CASE("app: L_layer_model reproduces the notebook's cost table, accuracies and mistakes" * needs::course_data()) {
    const trained_model::Trained& trained = trained_model::L_layer();  // trained once, shared with test_own_image.cpp
    const Matrix& train_x = trained.data.train_x;
    const Matrix& train_y = trained.data.train_y;
    const Matrix& test_x = trained.data.test_x;
    const Matrix& test_y = trained.data.test_y;
    const app::TrainResult& result = trained.result;
    const Parameters& parameters = result.parameters;
    const std::vector<double>& costs = result.costs;
    std::vector<std::string> expected;
    for (std::size_t k = 0; k < std::size(ex::app_L_layer_costs); ++k)
        expected.push_back("Cost after iteration " + std::to_string(100 * k) + ": " + ex::app_L_layer_costs[k]);
    const std::size_t printed = (kTrainIterations + 99) / 100;  // iterations 0, 100, ... below kTrainIterations
    CHECK(lines(trained.printed) == std::vector<std::string>(expected.begin(), expected.begin() + printed));
    REQUIRE(costs.size() == printed);
    CHECK(costs[0] == doctest::Approx(0.7717493284237686).epsilon(1e-15));
    if (!kFullTraining) return;  // the accuracies below belong to the fully trained network

    std::ostringstream acc;
    Matrix pred_train = app::predict(train_x, train_y, parameters, acc);
    Matrix pred_test = app::predict(test_x, test_y, parameters, acc);
    CHECK(acc.str() == std::string("Accuracy: ") + ex::app_L_layer_train_accuracy + "\nAccuracy: " +
                           ex::app_L_layer_test_accuracy + "\n");
    CHECK(np::sum(pred_train == train_y) == 206);
    CHECK(np::sum(pred_test == test_y) == 40);
    CHECK(app::mislabeled_indices(test_y, pred_test) ==
          std::vector<std::size_t>(std::begin(ex::app_L_layer_mislabeled), std::end(ex::app_L_layer_mislabeled)));
}

TEST_CASE("app: two_layer_model reproduces the notebook's costs and accuracies" * needs::course_data()) {
    const std::string data_dir = course_data::dir();
    auto [train_x, train_y, test_x, test_y] = prepare(data_dir);
    std::ostringstream out;
    const app::TrainResult result =
        app::two_layer_model(train_x, train_y, {12288, 7, 1}, 0.0075, kTrainIterations, true, {&out, false});
    const Parameters& parameters = result.parameters;
    const std::vector<double>& costs = result.costs;
    // An independent numpy run of the notebook (numpy 1.24), iterations 0, 100, ..., 2400.
    const std::vector<double> expected = {
        0.6930497356599888,  0.6464320953428849,  0.6325140647912677,  0.6015024920354665,  0.5601966311605746,
        0.5158304772764729,  0.4754901313943325,  0.4339163151225749,  0.4007977536203887,  0.3580705011323798,
        0.3394281538366413,  0.3052753636196263,  0.27491377282130164, 0.24681768210614832, 0.19850735037466097,
        0.17448318112556646, 0.17080762978096034, 0.11306524562164738, 0.09629426845937152, 0.08342617959726865,
        0.07439078704319085, 0.06630748132267933, 0.05919329501038171, 0.05336140348560558, 0.04855478562877021};
    const std::size_t n_printed = (kTrainIterations + 99) / 100;
    REQUIRE(costs.size() == n_printed);
    CHECK(std::fabs(costs[0] - expected[0]) <= 1e-15 * expected[0]);
    for (std::size_t k = 1; k < n_printed; ++k) {
        INFO("iteration " << 100 * k << ": " << py_repr(costs[k]) << " vs " << py_repr(expected[k]));
        CHECK(std::fabs(costs[k] - expected[k]) <= 1e-9 * expected[k]);
    }
    const auto printed = lines(out.str());
    REQUIRE(printed.size() == n_printed);
    CHECK(printed[0].rfind("Cost after iteration 0: 0.69304973565998", 0) == 0);  // Python's str: full digits
    CHECK(printed.back() == "Cost after iteration " + std::to_string(100 * (n_printed - 1)) + ": " +
                                py_repr(costs.back()));
    if (!kFullTraining) return;  // the accuracies below belong to the fully trained network

    std::ostringstream acc;
    Matrix pred_train = app::predict(train_x, train_y, parameters, acc);
    Matrix pred_test = app::predict(test_x, test_y, parameters, acc);
    CHECK(np::sum(pred_train == train_y) == 209);
    CHECK(np::sum(pred_test == test_y) == 36);
    CHECK(lines(acc.str()).at(1) == "Accuracy: 0.72");
}

TEST_CASE("app: training stops with a clear error when the cost is no longer finite") {
    Matrix X{{1, 2, 3}, {4, 5, 6}};
    Matrix Y{{1, 0, 1}};
    std::ostringstream out;
    CHECK_THROWS_WITH_AS(app::L_layer_model(X * 1e6, Y, {2, 3, 1}, 10.0, 50, false, {&out, false}),
                         doctest::Contains("L_layer_model: the cost became"), std::runtime_error);
    CHECK_THROWS_AS(app::L_layer_model(X, Matrix{{1, 0}}, {2, 3, 1}, 0.1, 5, false, {&out, false}), std::invalid_argument);
    CHECK_THROWS_AS(app::two_layer_model(Matrix(2, 0), Matrix(1, 0), {2, 3, 1}, 0.1, 5, false, {&out, false}),
                    std::invalid_argument);
}

TEST_CASE("app: the planar flower data set") {
    auto [X, Y] = app::load_planar_dataset();
    CHECK(X.shape() == Shape{2, 400});
    CHECK(Y.shape() == Shape{1, 400});
    CHECK(np::sum(Y) == 200);
    // numpy 1.24's load_planar_dataset(); numpy's own sin/cos differ from the C library's in the last bit.
    CHECK(X(0, 0) == doctest::Approx(1.2044422922543192).epsilon(1e-13));
    CHECK(X(1, 0) == doctest::Approx(3.576114148128845).epsilon(1e-13));
    CHECK(X(0, 399) == doctest::Approx(0.7307808250007515).epsilon(1e-13));
    CHECK(X(1, 250) == doctest::Approx(-1.7954723507713273).epsilon(1e-13));
    CHECK(np::sum(X) == doctest::Approx(10.087983277441637).epsilon(1e-12));
}

// CI compares `make demo`'s output with tests/expected/make_demo.txt; that file must say what the table says.
TEST_CASE("app: tests/expected/make_demo.txt is the notebook's table") {
    std::ifstream in("tests/expected/make_demo.txt");
    REQUIRE_MESSAGE(in, "tests/expected/make_demo.txt is missing (run the tests from the repository root)");
    std::stringstream text;
    text << in.rdbuf();
    std::string want;
    for (std::size_t k = 0; k < std::size(ex::app_L_layer_costs); ++k)
        want += "Cost after iteration " + std::to_string(100 * k) + ": " + ex::app_L_layer_costs[k] + "\n";
    want += std::string("Accuracy: ") + ex::app_L_layer_train_accuracy + "\nAccuracy: " + ex::app_L_layer_test_accuracy +
            "\nMislabeled test images:";
    for (int i : ex::app_L_layer_mislabeled) want += " " + std::to_string(i);
    CHECK(text.str() == want + "\n");
}
