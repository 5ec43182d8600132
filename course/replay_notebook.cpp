// course/replay_notebook.cpp - `make replay`: replays the course's notebooks in C++, in the course's order: week 2's
// "Python Basics with Numpy" and "Logistic Regression with a Neural Network mindset", week 3's "Planar data
// classification with one hidden layer" (the 2021 versions) and week 4's "Building your Deep Neural Network: Step
// by Step" (v8a).
//
// Every graded function runs on the notebook's own test case (rebuilt from its seeds with the numpy-identical
// generator) and its result is printed beside the notebook's "Expected output", in that notebook's print layout,
// with a same / different verdict. It ends with a count per notebook and the total, and exits non-zero when any
// result differs.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <vector>

#include "course/expected_logistic_regression.hpp"
#include "course/expected_outputs.hpp"
#include "course/expected_planar_classification.hpp"
#include "course/expected_python_basics.hpp"
#include "course/notebook_check.hpp"
#include "course/test_cases.hpp"
#include "course/test_cases_logistic_regression.hpp"
#include "course/test_cases_planar_classification.hpp"
#include "course/test_cases_python_basics.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"
#include "nn/nn.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/python_basics/python_basics.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;

namespace {

int checked = 0, same = 0;
const PrintOptions modern{.layout = Layout::modern};  // the 2021 notebooks' numpy

void show(const std::string& name, const Matrix& actual, const char* expected, const PrintOptions& options = {}) {
    ++checked;
    same += notebook::show(std::cout, name, actual, expected, options);
}

void show(const std::string& name, double actual, const char* expected) {
    ++checked;
    same += notebook::show(std::cout, name, actual, expected);
}

// A notebook's 1-D array (a row here), printed as numpy prints a 1-D array.
void show_1d(const std::string& name, const Matrix& actual, const char* expected) {
    ++checked;
    same += notebook::show_verdict(std::cout, name, format_1d(actual, modern), expected,
                                   notebook::compare_printed(actual, expected));
}

// A printed line, compared character for character.
void show_text(const std::string& name, const std::string& actual, const std::string& expected) {
    ++checked;
    same += notebook::show_text(std::cout, name, actual, expected);
}

void section(const char* title) { std::cout << "==== " << title << " ====\n\n"; }

void notebook_title(const char* title) {
    std::cout << "################################################################################\n"
              << "# " << title << "\n"
              << "################################################################################\n\n";
}

// What each notebook's replay counted, for the summary.
struct Count {
    const char* notebook;
    int same, checked;
};
std::vector<Count> counts;
void count_notebook(const char* notebook, int same_before, int checked_before) {
    counts.push_back({notebook, same - same_before, checked - checked_before});
}

void replay_python_basics() {
    namespace tc = dnn::test_cases::python_basics;
    namespace pex = ex::python_basics;
    notebook_title("Week 2: Python Basics with Numpy (2021, v1.2) / 2주차: 파이썬 기초와 numpy");
    section("1.1 basic_sigmoid(1)");
    show("basic_sigmoid(1)", basics::basic_sigmoid(1), pex::basic_sigmoid_1);
    section("1.1 sigmoid(t_x), t_x = np.array([1, 2, 3])");
    show_1d("sigmoid(t_x)", basics::sigmoid(tc::t_x()), pex::sigmoid);
    section("1.2 sigmoid_derivative(t_x)");
    show_1d("sigmoid_derivative(t_x)", basics::sigmoid_derivative(tc::t_x()), pex::sigmoid_derivative);
    section("1.3 image2vector(image)");
    show("image2vector(image)", basics::image2vector(tc::image()), pex::image2vector, modern);
    section("1.4 normalize_rows(x)");
    show("normalize_rows(x)", basics::normalize_rows(tc::normalize_rows_x()), pex::normalize_rows, modern);
    section("1.5 softmax(x)");
    show("softmax(x)", basics::softmax(tc::softmax_x()), pex::softmax, modern);
    section("2.1 L1(yhat, y) and L2(yhat, y)");
    auto [yhat, y] = tc::loss_case();
    show("L1", basics::L1(yhat, y), pex::L1);
    show("L2", basics::L2(yhat, y), pex::L2);
}

void replay_logistic_regression() {
    namespace tc = dnn::test_cases::logistic_regression;
    namespace lex = ex::logistic_regression;
    notebook_title("Week 2: Logistic Regression with a Neural Network mindset (2021, v1.2) / 2주차: 로지스틱 회귀");
    section("4.1 sigmoid(np.array([0, 2]))");
    show_1d("sigmoid([0, 2])", logistic::sigmoid(Matrix{{0, 2}}), lex::sigmoid_0_2);
    section("4.2 initialize_with_zeros(2)");
    {
        auto [w, b] = logistic::initialize_with_zeros(2);
        show("w", w, lex::init_w, modern);
        show_text("b", py_repr(b), lex::init_b);  // a float: "0.0", not "0"
    }
    section("4.3 propagate(w, b, X, Y)");
    {
        auto [w, b, X, Y] = tc::propagate_case();
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        show("dw", grads.dw, lex::propagate_dw, modern);
        show("db", grads.db, lex::propagate_db);
        show("cost", cost, lex::propagate_cost);
    }
    section("4.4 optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False)");
    {
        auto [w, b, X, Y] = tc::propagate_case();
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 100, 0.009, false);
        show("w", params.w, lex::optimize_w, modern);
        show("b", params.b, lex::optimize_b);
        show("dw", grads.dw, lex::optimize_dw, modern);
        show("db", grads.db, lex::optimize_db);
        const std::string cost = format_1d(Matrix{{costs.at(0)}}, modern);  // [0.15900538]
        show_text("Costs", "[array(" + cost.substr(1, cost.size() - 2) + ")]", lex::optimize_costs);
    }
    section("4.4 predict(w, b, X)");
    {
        auto [w, b, X] = tc::predict_case();
        show("predictions", logistic::predict(w, b, X), lex::predictions, modern);
    }
    section("5 model(...) on public_tests.model_test (seed 0; 50 iterations at 0.01)");
    {
        auto [X, Y, x_test, y_test] = tc::model_test();
        const logistic::ModelResult d = logistic::model(X, Y, x_test, y_test, 50, 0.01);
        show("d[\"Y_prediction_test\"]", d.Y_prediction_test, lex::model_test_Y_prediction_test, modern);
        show("d[\"Y_prediction_train\"]", d.Y_prediction_train, lex::model_test_Y_prediction_train, modern);
    }
}

void replay_planar_classification() {
    namespace tc = dnn::test_cases::planar_classification;
    namespace pex = ex::planar_classification;
    notebook_title("Week 3: Planar data classification with one hidden layer (2021, v3.0) / 3주차: 평면 데이터 분류");
    section("4.1 layer_sizes(X_assess, Y_assess)");
    {
        auto [X_assess, Y_assess] = tc::layer_sizes_test_case();
        auto [n_x, n_h, n_y] = planar::layer_sizes(X_assess, Y_assess);
        show_text("line 1", "The size of the input layer is: n_x = " + std::to_string(n_x), pex::layer_sizes_lines[0]);
        show_text("line 2", "The size of the hidden layer is: n_h = " + std::to_string(n_h), pex::layer_sizes_lines[1]);
        show_text("line 3", "The size of the output layer is: n_y = " + std::to_string(n_y), pex::layer_sizes_lines[2]);
    }
    section("4.2 np.random.seed(2); initialize_parameters(n_x, n_h, n_y)");
    {
        auto [n_x, n_h, n_y] = tc::initialize_parameters_test_case();
        np::random::seed(2);
        Parameters parameters = planar::initialize_parameters(n_x, n_h, n_y);
        show("W1", parameters["W1"], pex::init_W1, modern);
        show("b1", parameters["b1"], pex::init_b1, modern);
        show("W2", parameters["W2"], pex::init_W2, modern);
        show("b2", parameters["b2"], pex::init_b2, modern);
    }
    section("4.3 forward_propagation(X_assess, parameters)");
    {
        auto [X_assess, parameters] = tc::forward_propagation_test_case();
        auto [A2, cache] = planar::forward_propagation(X_assess, parameters);
        show("A2", A2, pex::forward_A2, modern);
    }
    section("4.3 compute_cost(A2, Y_assess)");
    {
        auto [A2, Y_assess, unused] = tc::compute_cost_test_case();
        show("cost", planar::compute_cost(A2, Y_assess), pex::cost);
    }
    section("4.3 backward_propagation(parameters, cache, X_assess, Y_assess)");
    {
        auto [parameters, cache, X_assess, Y_assess] = tc::backward_propagation_test_case();
        Grads grads = planar::backward_propagation(parameters, cache, X_assess, Y_assess);
        show("dW1", grads["dW1"], pex::backward_dW1, modern);
        show("db1", grads["db1"], pex::backward_db1, modern);
        show("dW2", grads["dW2"], pex::backward_dW2, modern);
        show("db2", grads["db2"], pex::backward_db2, modern);
    }
    section("4.3 update_parameters(parameters, grads)");
    {
        auto [parameters, grads] = tc::update_parameters_test_case();
        parameters = planar::update_parameters(parameters, grads);
        show("W1", parameters["W1"], pex::update_W1, modern);
        show("b1", parameters["b1"], pex::update_b1, modern);
        show("W2", parameters["W2"], pex::update_W2, modern);
        show("b2", parameters["b2"], pex::update_b2, modern);
    }
    section("4.4 nn_model(X_assess, Y_assess, n_h=5, num_iterations=10000, print_cost=True)");
    {
        auto [X_assess, Y_assess] = tc::nn_model_test_case();
        std::ostringstream printed;  // nn_model prints its cost lines; each is compared below
        std::streambuf* old = std::cout.rdbuf(printed.rdbuf());
        Parameters parameters = planar::nn_model(X_assess, Y_assess, 5, 10000, true);
        std::cout.rdbuf(old);
        std::istringstream lines(printed.str());
        std::string line;
        for (int k = 0; k < 10; ++k) {
            std::getline(lines, line);
            show_text("line " + std::to_string(k + 1), line,
                      "Cost after iteration " + std::to_string(1000 * k) + ": " + pex::nn_model_costs[k]);
        }
        show("W1", parameters["W1"], pex::nn_model_W1, modern);
        show("b1", parameters["b1"], pex::nn_model_b1, modern);
        show("W2", parameters["W2"], pex::nn_model_W2, modern);
        show("b2", parameters["b2"], pex::nn_model_b2, modern);
    }
    section("5 predict(parameters, X_assess)");
    {
        auto [parameters, X_assess] = tc::predict_test_case();
        show_text("Predictions", format_bool(planar::predict(parameters, X_assess), modern), pex::predictions);
    }
}

}  // namespace

int main() {
    std::cout << "dnn-step-by-step: the course's notebooks of weeks 2, 3 and 4, replayed in C++\n"
                 "2, 3, 4주차 노트북을 C++로 다시 실행합니다\n\n";

    int same_before = same, checked_before = checked;
    replay_python_basics();
    count_notebook("Python Basics with Numpy (W2A1)", same_before, checked_before);
    same_before = same, checked_before = checked;
    replay_logistic_regression();
    count_notebook("Logistic Regression with a Neural Network mindset (W2A2)", same_before, checked_before);
    same_before = same, checked_before = checked;
    replay_planar_classification();
    count_notebook("Planar data classification with one hidden layer (W3A1)", same_before, checked_before);
    same_before = same, checked_before = checked;

    notebook_title("Week 4: Building your Deep Neural Network: Step by Step (v8a) / 4주차: 단계별 구현");

    section("initialize_parameters(3, 2, 1)");
    {
        Parameters parameters = initialize_parameters(3, 2, 1);
        show("W1", parameters["W1"], ex::init_W1);
        show("b1", parameters["b1"], ex::init_b1);
        show("W2", parameters["W2"], ex::init_W2);
        show("b2", parameters["b2"], ex::init_b2);
    }

    section("initialize_parameters_deep([5, 4, 3])");
    {
        Parameters parameters = initialize_parameters_deep({5, 4, 3});
        show("W1", parameters["W1"], ex::deep_W1);
        show("b1", parameters["b1"], ex::deep_b1);
        show("W2", parameters["W2"], ex::deep_W2);
        show("b2", parameters["b2"], ex::deep_b2);
    }

    section("linear_forward");
    {
        auto [A, W, b] = linear_forward_test_case();
        auto [Z, linear_cache] = linear_forward(A, W, b);
        show("Z", Z, ex::linear_forward_Z);
    }

    section("linear_activation_forward");
    {
        auto [A_prev, W, b] = linear_activation_forward_test_case();
        auto [A_sigmoid, cache_sigmoid] = linear_activation_forward(A_prev, W, b, "sigmoid");
        show("With sigmoid: A", A_sigmoid, ex::sigmoid_A);
        auto [A_relu, cache_relu] = linear_activation_forward(A_prev, W, b, "relu");
        show("With ReLU: A", A_relu, ex::relu_A);
    }

    section("L_model_forward");
    {
        auto [X, parameters] = L_model_forward_test_case_2hidden();
        auto [AL, caches] = L_model_forward(X, parameters);
        show("AL", AL, ex::L_model_forward_AL);
        show("Length of caches list", static_cast<double>(caches.size()), ex::L_model_forward_caches);
    }

    section("compute_cost");
    {
        auto [Y, AL] = compute_cost_test_case();
        show("cost", compute_cost(AL, Y), ex::cost);
    }

    section("linear_backward");
    {
        auto [dZ, linear_cache] = linear_backward_test_case();
        auto [dA_prev, dW, db] = linear_backward(dZ, linear_cache);
        show("dA_prev", dA_prev, ex::linear_backward_dA_prev);
        show("dW", dW, ex::linear_backward_dW);
        show("db", db, ex::linear_backward_db);
    }

    section("linear_activation_backward");
    {
        auto [dAL, linear_activation_cache] = linear_activation_backward_test_case();
        auto [dA_prev_s, dW_s, db_s] = linear_activation_backward(dAL, linear_activation_cache, "sigmoid");
        show("sigmoid: dA_prev", dA_prev_s, ex::sigmoid_dA_prev);
        show("sigmoid: dW", dW_s, ex::sigmoid_dW);
        show("sigmoid: db", db_s, ex::sigmoid_db);
        auto [dA_prev_r, dW_r, db_r] = linear_activation_backward(dAL, linear_activation_cache, "relu");
        show("relu: dA_prev", dA_prev_r, ex::relu_dA_prev);
        show("relu: dW", dW_r, ex::relu_dW);
        show("relu: db", db_r, ex::relu_db);
    }

    section("L_model_backward");
    {
        auto [AL, Y_assess, caches] = L_model_backward_test_case();
        Grads grads = L_model_backward(AL, Y_assess, caches);
        show("dW1", grads["dW1"], ex::grads_dW1);
        show("db1", grads["db1"], ex::grads_db1);
        show("dA1", grads["dA1"], ex::grads_dA1);
    }

    section("update_parameters");
    {
        auto [parameters, grads] = update_parameters_test_case();
        parameters = update_parameters(parameters, grads, 0.1);
        show("W1", parameters["W1"], ex::update_W1);
        show("b1", parameters["b1"], ex::update_b1);
        show("W2", parameters["W2"], ex::update_W2);
        show("b2", parameters["b2"], ex::update_b2);
    }

    count_notebook("Building your Deep Neural Network: Step by Step (W4A1)", same_before, checked_before);

    for (const Count& c : counts) {
        char line[160];
        std::snprintf(line, sizeof line, "%-58s %3d of %3d the same", c.notebook, c.same, c.checked);
        std::cout << line << "\n";
    }
    std::cout << same << " of " << checked << " results are the same as the notebooks' expected output"
              << " (노트북의 기대 출력과 같은 결과 " << same << "/" << checked << ")\n";
    return same == checked ? 0 : 1;
}
