// tests/test_grader.cpp - the grader (course/grader.hpp) on made-up student versions: mistakes that cancel out,
// a helper that throws, missing keys and indices, and one broken version per hint of the hint table. Each
// version is the notebooks' 32 functions (weeks 2, 3 and 4) with some replaced; a replaced function that calls
// another graded function is a template on which table it calls, so that it exists in both of make grade's
// forms: "alone" (calling the notebook's) and "yours" (calling the version's own). make grade end to end, with
// the compiler and make, is tests/test_exercises.sh.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "course/exercise_gen.hpp"
#include "course/grader.hpp"
#include "nn/nn.hpp"

using namespace dnn;
using grading::Functions;
using grading::Symptom;

namespace {

// ---- versions -------------------------------------------------------------------------------------------------

// Which functions a replaced function calls for the other graded functions.
enum class Use { notebook, yours };
Functions g_yours;  // the version being graded, as "yours"
template <Use use>
const Functions& helpers() {
    static const Functions notebook = grading::notebook_functions();
    return use == Use::notebook ? notebook : g_yours;
}

// The notebook's functions that call other graded functions, calling them through a table.
template <Use use>
LinearActivationForwardResult linear_activation_forward_right(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                              const std::string& activation) {
    auto [Z, linear_cache] = helpers<use>().linear_forward(A_prev, W, b);
    auto [A, activation_cache] = activation == "sigmoid" ? sigmoid(Z) : relu(Z);
    return {A, LayerCache{linear_cache, activation_cache}};
}

template <Use use, bool swap = false, bool keep_hidden_caches = true>
LModelForwardResult L_model_forward_with(const Matrix& X, const Parameters& parameters) {
    Caches caches;
    Matrix A = X;
    const int L = len(parameters) / 2;
    for (int l = 1; l < L; ++l) {
        auto [A_l, cache] = helpers<use>().linear_activation_forward(A, parameters["W" + str(l)], parameters["b" + str(l)],
                                                                     swap ? "sigmoid" : "relu");
        A = A_l;
        if (keep_hidden_caches) caches.push_back(cache);
    }
    auto [AL, cache] = helpers<use>().linear_activation_forward(A, parameters["W" + str(L)], parameters["b" + str(L)],
                                                                swap ? "relu" : "sigmoid");
    caches.push_back(cache);
    return {AL, caches};
}

template <Use use>
LinearBackwardResult linear_activation_backward_right(const Matrix& dA, const LayerCache& cache,
                                                      const std::string& activation) {
    const auto& [linear_cache, activation_cache] = cache;
    Matrix dZ = activation == "relu" ? relu_backward(dA, activation_cache) : sigmoid_backward(dA, activation_cache);
    return helpers<use>().linear_backward(dZ, linear_cache);
}

enum class Backward { right, swap, sign, wrong_key, index_past_end };

template <Use use, Backward mistake = Backward::right>
Grads L_model_backward_with(const Matrix& AL, const Matrix& Y_in, const Caches& caches) {
    Grads grads;
    const int L = len(caches);
    Matrix Y = Y_in.reshape(AL.shape());
    Matrix dAL = -(np::divide(Y, AL) - np::divide(1 - Y, 1 - AL));
    if (mistake == Backward::sign) dAL = -dAL;
    const char* last = mistake == Backward::swap ? "relu" : "sigmoid";
    const char* hidden = mistake == Backward::swap ? "sigmoid" : "relu";
    const LayerCache& current_cache = caches[mistake == Backward::index_past_end ? L : L - 1];
    auto [dA_prev_temp, dW_temp, db_temp] = helpers<use>().linear_activation_backward(dAL, current_cache, last);
    grads["dA" + str(L - 1)] = dA_prev_temp;
    grads["dW" + str(L)] = dW_temp;
    grads["db" + str(L)] = db_temp;
    for (int l = L - 2; l >= 0; --l) {
        const LayerCache& cache_l = caches[l];
        const std::string incoming = "dA" + str(mistake == Backward::wrong_key ? l : l + 1);
        auto [dA_prev, dW, db] = helpers<use>().linear_activation_backward(grads[incoming], cache_l, hidden);
        grads["dA" + str(l)] = dA_prev;
        grads["dW" + str(l + 1)] = dW;
        grads["db" + str(l + 1)] = db;
    }
    return grads;
}

// ---- weeks 2 and 3: the notebook's functions that call other graded functions, through a table ------------------

template <Use use>
Matrix sigmoid_derivative_right(const Matrix& x) {
    Matrix s = helpers<use>().basics.sigmoid(x);
    return s * (1 - s);
}

// propagate; flip: dw and db from Y - A (the sign of both gradients reversed)
template <Use use, bool flip = false>
logistic::PropagateResult propagate_with(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {
    const double m = static_cast<double>(X.cols());
    Matrix A = helpers<use>().logistic.sigmoid(np::dot(w.T(), X) + b);
    double cost = -1.0 / m * np::sum(Y * np::log(A) + (1 - Y) * np::log(1 - A));
    const Matrix diff = flip ? Y - A : A - Y;
    return {{1.0 / m * np::dot(X, diff.T()), 1.0 / m * np::sum(diff)}, cost};
}

// optimize; reversed: w and b moved by + learning_rate * grads
template <Use use, bool reversed = false>
logistic::OptimizeResult optimize_with(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations,
                                       double learning_rate, bool) {
    logistic::OptimizeResult r;
    for (int i = 0; i < num_iterations; ++i) {
        auto [grads, cost] = helpers<use>().logistic.propagate(w, b, X, Y);
        r.grads = grads;
        w = reversed ? w + learning_rate * grads.dw : w - learning_rate * grads.dw;
        b = reversed ? b + learning_rate * grads.db : b - learning_rate * grads.db;
        if (i % 100 == 0) r.costs.push_back(cost);
    }
    r.params = {w, b};
    return r;
}

enum class Threshold { right, at_or_above, below };

template <Use use, Threshold t = Threshold::right>
Matrix logistic_predict_with(Matrix w, double b, const Matrix& X) {
    Matrix Y_prediction = np::zeros(1, X.cols());
    w = w.reshape(X.rows(), 1);
    Matrix A = helpers<use>().logistic.sigmoid(np::dot(w.T(), X) + b);
    for (std::size_t i = 0; i < A.cols(); ++i) {
        const double a = A(0, i);
        Y_prediction(0, i) = t == Threshold::right ? a > 0.5 : t == Threshold::at_or_above ? a >= 0.5 : a < 0.5;
    }
    return Y_prediction;
}

template <Use use>
logistic::ModelResult model_right(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test,
                                  const Matrix& Y_test, int num_iterations, double learning_rate, bool print_cost) {
    auto [w, b] = helpers<use>().logistic.initialize_with_zeros(static_cast<int>(X_train.rows()));
    auto [params, grads, costs] =
        helpers<use>().logistic.optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost);
    (void)Y_test;
    return {costs, helpers<use>().logistic.predict(params.w, params.b, X_test),
            helpers<use>().logistic.predict(params.w, params.b, X_train), params.w, params.b, learning_rate,
            num_iterations};
}

// nn_model; no_update: the parameters never updated
template <Use use, bool no_update = false>
Parameters nn_model_with(const Matrix& X, const Matrix& Y, int n_h, int num_iterations, bool, planar::Seeding seeding) {
    np::random::seed(3);
    const auto& f = helpers<use>().planar;
    int n_x = f.layer_sizes(X, Y).n_x, n_y = f.layer_sizes(X, Y).n_y;
    Parameters parameters = f.initialize_parameters(n_x, n_h, n_y, seeding);
    for (int i = 0; i < num_iterations; ++i) {
        auto [A2, cache] = f.forward_propagation(X, parameters);
        (void)f.compute_cost(A2, Y);
        Grads grads = f.backward_propagation(parameters, cache, X, Y);
        if (!no_update) parameters = f.update_parameters(parameters, grads, 1.2);
    }
    return parameters;
}

template <Use use, bool at_or_above = false>
Matrix planar_predict_with(const Parameters& parameters, const Matrix& X) {
    auto [A2, cache] = helpers<use>().planar.forward_propagation(X, parameters);
    return at_or_above ? A2 >= 0.5 : A2 > 0.5;
}

// A student's version: the notebook's ten functions, some replaced. In "yours", the functions that call other
// graded functions call the version's own.
struct Version {
    Functions alone = grading::notebook_functions();
    Functions yours = [] {
        Functions f = grading::notebook_functions();
        f.linear_activation_forward = &linear_activation_forward_right<Use::yours>;
        f.L_model_forward = &L_model_forward_with<Use::yours>;
        f.linear_activation_backward = &linear_activation_backward_right<Use::yours>;
        f.L_model_backward = &L_model_backward_with<Use::yours>;
        f.basics.sigmoid_derivative = &sigmoid_derivative_right<Use::yours>;
        f.logistic.propagate = &propagate_with<Use::yours>;
        f.logistic.optimize = &optimize_with<Use::yours>;
        f.logistic.predict = &logistic_predict_with<Use::yours>;
        f.logistic.model = &model_right<Use::yours>;
        f.planar.nn_model = &nn_model_with<Use::yours>;
        f.planar.predict = &planar_predict_with<Use::yours>;
        return f;
    }();
};

// In this process: no fork (the crash and the endless loop below ask for one).
grading::Options in_process() {
    grading::Options options;
    options.fork = false;
    return options;
}

std::string graded(const Version& v, const grading::Options& options = in_process()) {
    g_yours = v.yours;
    std::ostringstream out;
    grading::grade(v.alone, v.yours, options, out);
    return out.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The lines of `text` that start with `start`.
std::vector<std::string> lines_starting(const std::string& text, const std::string& start) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (line.compare(0, start.size(), start) == 0) out.push_back(line);
    return out;
}

// The block of one function: its PASS/FAIL line and the (indented) note and hint lines under it.
std::string block(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("      ", 0) != 0) inside = line == "PASS  " + name || line.rfind("FAIL  " + name + ":", 0) == 0;
        if (inside) out += line + "\n";
    }
    return out;
}

// The hint line a FAIL of `function` ends with (its notebook's header in it).
std::string hint_line(Symptom s, const std::string& function = "") {
    return std::string("      hint: ") + grading::hint_text(s, function);
}

// ---- replaced functions: forward (L_model_forward_with above: swap, keep_hidden_caches) ----------------------

LinearForwardResult linear_forward_without_b(const Matrix& A, const Matrix& W, const Matrix& b) {
    Matrix Z = np::dot(W, A);
    return {Z, LinearCache{A, W, b}};
}

LinearForwardResult linear_forward_multiply(const Matrix& A, const Matrix& W, const Matrix& b) {
    Matrix Z = np::multiply(W, A) + b;  // np.multiply where np.dot belongs: shapes that do not broadcast
    return {Z, LinearCache{A, W, b}};
}

LinearForwardResult linear_forward_transposed(const Matrix& A, const Matrix& W, const Matrix& b) {
    Matrix Z = (np::dot(W, A) + b).T();
    return {Z, LinearCache{A, W, b}};
}

LinearForwardResult linear_forward_not_implemented(const Matrix&, const Matrix&, const Matrix&) {
    throw std::logic_error("linear_forward: not implemented yet (exercises/nn/forward.cpp)");
}

// sigmoid and relu swapped.
template <Use use>
LinearActivationForwardResult linear_activation_forward_swapped(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                                const std::string& activation) {
    auto [Z, linear_cache] = helpers<use>().linear_forward(A_prev, W, b);
    auto [A, activation_cache] = activation == "sigmoid" ? relu(Z) : sigmoid(Z);
    return {A, LayerCache{linear_cache, activation_cache}};
}

// b added again after linear_forward (which adds it already).
template <Use use>
LinearActivationForwardResult linear_activation_forward_adds_b(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                               const std::string& activation) {
    auto [Z0, linear_cache] = helpers<use>().linear_forward(A_prev, W, b);
    Matrix Z = Z0 + b;
    auto [A, activation_cache] = activation == "sigmoid" ? sigmoid(Z) : relu(Z);
    return {A, LayerCache{linear_cache, activation_cache}};
}

// Z written out again, without its + b, instead of calling linear_forward.
template <Use>
LinearActivationForwardResult linear_activation_forward_inline_without_b(const Matrix& A_prev, const Matrix& W,
                                                                         const Matrix& b, const std::string& activation) {
    Matrix Z = np::dot(W, A_prev);
    auto [A, activation_cache] = activation == "sigmoid" ? sigmoid(Z) : relu(Z);
    return {A, LayerCache{LinearCache{A_prev, W, b}, activation_cache}};
}

// The activation's output A cached where Z belongs.
template <Use use>
LinearActivationForwardResult linear_activation_forward_caches_A(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                                 const std::string& activation) {
    auto [Z, linear_cache] = helpers<use>().linear_forward(A_prev, W, b);
    auto [A, activation_cache] = activation == "sigmoid" ? sigmoid(Z) : relu(Z);
    return {A, LayerCache{linear_cache, A}};
}

// ---- replaced functions: cost ------------------------------------------------------------------------------------

double compute_cost_positive(const Matrix& AL, const Matrix& Y) {
    const double m = static_cast<double>(Y.cols());
    return 1.0 / m * np::sum(np::multiply(Y, np::log(AL)) + np::multiply(1 - Y, np::log(1 - AL)));
}

double compute_cost_integer_division(const Matrix& AL, const Matrix& Y) {
    const std::size_t m = Y.cols();
    return -1 / static_cast<long>(m) * np::sum(np::multiply(Y, np::log(AL)) + np::multiply(1 - Y, np::log(1 - AL)));
}

double compute_cost_half(const Matrix& AL, const Matrix& Y) {  // the (1 - Y) term left out
    const double m = static_cast<double>(Y.cols());
    return -1.0 / m * np::sum(np::multiply(Y, np::log(AL)));
}

double compute_cost_crash(const Matrix&, const Matrix&) { std::abort(); }

// ---- replaced functions: backward --------------------------------------------------------------------------------

// dW and/or db without their 1/m, db summed over `axis` with `keepdims`.
template <bool dW_over_m, bool db_over_m, int axis, int keepdims>  // keepdims -1: np::sum's default
LinearBackwardResult linear_backward_with(const Matrix& dZ, const LinearCache& cache) {
    const auto& [A_prev, W, b] = cache;
    const double m = static_cast<double>(A_prev.cols());
    Matrix dW = (dW_over_m ? 1.0 / m : 1.0) * np::dot(dZ, A_prev.T());
    Matrix sum = keepdims < 0 ? np::sum(dZ, axis) : np::sum(dZ, axis, keepdims == 1);
    Matrix db = (db_over_m ? 1.0 / m : 1.0) * sum;
    Matrix dA_prev = np::dot(W.T(), dZ);
    return {dA_prev, dW, db};
}

// relu_backward and sigmoid_backward swapped.
template <Use use>
LinearBackwardResult linear_activation_backward_swapped(const Matrix& dA, const LayerCache& cache,
                                                        const std::string& activation) {
    const auto& [linear_cache, activation_cache] = cache;
    Matrix dZ = activation == "relu" ? sigmoid_backward(dA, activation_cache) : relu_backward(dA, activation_cache);
    return helpers<use>().linear_backward(dZ, linear_cache);
}

// db divided by m here, after a linear_backward that left its 1/m out.
template <Use use>
LinearBackwardResult linear_activation_backward_divides_db(const Matrix& dA, const LayerCache& cache,
                                                           const std::string& activation) {
    const auto& [linear_cache, activation_cache] = cache;
    Matrix dZ = activation == "relu" ? relu_backward(dA, activation_cache) : sigmoid_backward(dA, activation_cache);
    auto [dA_prev, dW, db] = helpers<use>().linear_backward(dZ, linear_cache);
    return {dA_prev, dW, db / static_cast<double>(linear_cache.A_prev.cols())};
}

// ---- replaced functions: initialization and update -----------------------------------------------------------------

template <int seed, int scale_times_100, bool square_b1, bool misspelled>
Parameters initialize_parameters_with(int n_x, int n_h, int n_y) {
    np::random::seed(seed);
    Matrix W1 = np::random::randn(n_h, n_x) * (scale_times_100 / 100.0);
    Matrix b1 = square_b1 ? np::zeros(n_h, n_h) : np::zeros(n_h, 1);
    Matrix W2 = np::random::randn(n_y, n_h) * (scale_times_100 / 100.0);
    Matrix b2 = np::zeros(n_y, 1);
    return {{misspelled ? "w1" : "W1", W1}, {"b1", b1}, {"W2", W2}, {"b2", b2}};
}

Parameters update_parameters_reversed(Parameters parameters, const Grads& grads, double learning_rate) {
    const int L = len(parameters) / 2;
    for (int l = 0; l < L; ++l) {
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] + learning_rate * grads["dW" + str(l + 1)];
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] + learning_rate * grads["db" + str(l + 1)];
    }
    return parameters;
}

Parameters update_parameters_endless(Parameters parameters, const Grads&, double) {
    for (volatile bool spin = true; spin;) {
    }
    return parameters;
}

// ---- replaced functions: weeks 2 and 3 ------------------------------------------------------------------------------

Matrix basics_sigmoid_not_implemented(const Matrix&) {
    throw std::logic_error("sigmoid: not implemented yet (exercises/nn/python_basics/sigmoid.cpp)");
}

// np.multiply where a product with a (1, 5) row does not broadcast: sigmoid throws.
Matrix logistic_sigmoid_throws(const Matrix& z) { return 1 / (1 + np::exp(-np::multiply(z, Matrix{{1, 1, 1, 1, 1}}))); }

Matrix normalize_rows_by_columns(Matrix x) { return x / np::linalg::norm(x, 0, true); }

Matrix logistic_sigmoid_flipped(const Matrix& z) { return 1 / (1 + np::exp(z)); }  // sigmoid(-z)

// The hidden layer with sigmoid instead of tanh.
planar::ForwardResult forward_sigmoid_hidden(const Matrix& X, const Parameters& p) {
    Matrix Z1 = np::dot(p["W1"], X) + p["b1"];
    Matrix A1 = planar::sigmoid(Z1);
    Matrix Z2 = np::dot(p["W2"], A1) + p["b2"];
    Matrix A2 = planar::sigmoid(Z2);
    return {A2, planar::Cache{{"Z1", Z1}, {"A1", A1}, {"Z2", Z2}, {"A2", A2}}};
}

// The hidden layer's derivative of sigmoid, A1 (1 - A1), instead of tanh's; m_factor false: no 1/m anywhere.
template <bool sigmoid_derivative, bool over_m = true>
Grads backward_with(const Parameters& p, const planar::Cache& cache, const Matrix& X, const Matrix& Y) {
    const double k = over_m ? 1.0 / static_cast<double>(X.cols()) : 1.0;
    Matrix A1 = cache["A1"], A2 = cache["A2"];
    Matrix dZ2 = A2 - Y;
    Matrix dZ1 = np::dot(p["W2"].T(), dZ2) * (sigmoid_derivative ? A1 * (1 - A1) : 1 - np::power(A1, 2));
    return {{"dW1", k * np::dot(dZ1, X.T())}, {"db1", k * np::sum(dZ1, 1, true)},
            {"dW2", k * np::dot(dZ2, A1.T())}, {"db2", k * np::sum(dZ2, 1, true)}};
}

// learning_rate ignored: the default 1.2 written in.
Parameters planar_update_fixed_rate(Parameters parameters, const Grads& grads, double) {
    return planar::update_parameters(parameters, grads, 1.2);
}

// v6c's seed 2 inside initialize_parameters (the 2021 notebook does not seed there).
Parameters planar_initialize_seeded(int n_x, int n_h, int n_y, planar::Seeding) {
    return planar::initialize_parameters(n_x, n_h, n_y, planar::Seeding::v6c);
}

}  // namespace

// ---- the tests -------------------------------------------------------------------------------------------------------

TEST_CASE("grade: the notebook's own functions pass, 32/32, with no note and no hint") {
    const std::string out = graded(Version{});
    CHECK(lines_starting(out, "PASS  ").size() == 32);
    CHECK(lines_starting(out, "FAIL  ").empty());
    CHECK(!has(out, "note:"));
    CHECK(!has(out, "hint:"));
    CHECK(has(out, "Score: 32/32\n"));
}

TEST_CASE("grade: two mistakes that cancel out fail the function that has one, with a note saying so") {
    SUBCASE("relu/sigmoid backward swapped in linear_activation_backward and the activations in L_model_backward") {
        Version v;
        v.alone.linear_activation_backward = &linear_activation_backward_swapped<Use::notebook>;
        v.yours.linear_activation_backward = &linear_activation_backward_swapped<Use::yours>;
        v.alone.L_model_backward = &L_model_backward_with<Use::notebook, Backward::swap>;
        v.yours.L_model_backward = &L_model_backward_with<Use::yours, Backward::swap>;
        const std::string out = graded(v);
        INFO(out);
        const std::string b = block(out, "L_model_backward");
        CHECK(has(b, "FAIL  L_model_backward: dW1(0, 0) is 0.00609662661018407 but the notebook printed 0.41010002\n"));
        CHECK(has(b, "note: with your linear_activation_backward, which fails too, L_model_backward's values come out "
                     "right: the two mistakes cancel out."));
        CHECK(has(b, "참고: 역시 실패한"));
        CHECK(has(b, hint_line(Symptom::activation)));
        CHECK(has(block(out, "linear_activation_backward"), "FAIL  linear_activation_backward: "));
        CHECK(has(out, "Score: 30/32"));

        // Fixing only the helper leaves L_model_backward failing, as the note says.
        v.alone.linear_activation_backward = v.yours.linear_activation_backward = &linear_activation_backward;
        const std::string fixed = graded(v);
        CHECK(has(fixed, "FAIL  L_model_backward: dW1(0, 0) is 0.00609662661018407 but the notebook printed 0.41010002\n"));
        CHECK(!has(fixed, "note:"));
    }
    SUBCASE("the same swap forward: linear_activation_forward and L_model_forward") {
        Version v;
        v.alone.linear_activation_forward = &linear_activation_forward_swapped<Use::notebook>;
        v.yours.linear_activation_forward = &linear_activation_forward_swapped<Use::yours>;
        v.alone.L_model_forward = &L_model_forward_with<Use::notebook, true, true>;
        v.yours.L_model_forward = &L_model_forward_with<Use::yours, true, true>;
        const std::string out = graded(v);
        INFO(out);
        const std::string b = block(out, "L_model_forward");
        CHECK(has(b, "FAIL  L_model_forward: AL(0, 0) is "));
        CHECK(has(b, "note: with your linear_activation_forward, which fails too, L_model_forward's values come out "
                     "right: the two mistakes cancel out."));
        CHECK(has(b, hint_line(Symptom::activation)));
        CHECK(has(block(out, "linear_activation_forward"), hint_line(Symptom::activation)));
    }
    SUBCASE("linear_forward without + b, and linear_activation_forward adding b itself after calling it") {
        Version v;
        v.alone.linear_forward = v.yours.linear_forward = &linear_forward_without_b;
        v.alone.linear_activation_forward = &linear_activation_forward_adds_b<Use::notebook>;
        v.yours.linear_activation_forward = &linear_activation_forward_adds_b<Use::yours>;
        const std::string out = graded(v);
        INFO(out);
        const std::string b = block(out, "linear_activation_forward");
        CHECK(has(b, "FAIL  linear_activation_forward: A(0, 0) is "));
        CHECK(has(b, "note: with your linear_forward, which fails too, linear_activation_forward's values come out "
                     "right: the two mistakes cancel out."));
        CHECK(has(block(out, "linear_forward"), hint_line(Symptom::row_offset)));
        // L_model_forward calls the notebook's linear_activation_forward alone: it passes, and with the student's
        // helpers (whose mistakes cancel) it gives the notebook's values too.
        CHECK(block(out, "L_model_forward") == "PASS  L_model_forward\n");
    }
    SUBCASE("the same missing + b written a second time inline in linear_activation_forward") {
        Version v;
        v.alone.linear_forward = v.yours.linear_forward = &linear_forward_without_b;
        v.alone.linear_activation_forward = &linear_activation_forward_inline_without_b<Use::notebook>;
        v.yours.linear_activation_forward = &linear_activation_forward_inline_without_b<Use::yours>;
        const std::string out = graded(v);
        INFO(out);
        const std::string b = block(out, "linear_activation_forward");
        CHECK(has(b, "FAIL  linear_activation_forward: A(0, 0) is "));
        CHECK(has(b, hint_line(Symptom::row_offset)));
        CHECK(has(out, "Score: 30/32"));
    }
    SUBCASE("linear_backward without 1/m for db, and linear_activation_backward dividing db by m") {
        Version v;
        v.alone.linear_backward = v.yours.linear_backward = &linear_backward_with<true, false, 1, 1>;
        v.alone.linear_activation_backward = &linear_activation_backward_divides_db<Use::notebook>;
        v.yours.linear_activation_backward = &linear_activation_backward_divides_db<Use::yours>;
        const std::string out = graded(v);
        INFO(out);
        const std::string b = block(out, "linear_activation_backward");
        CHECK(has(b, "FAIL  linear_activation_backward: "));
        CHECK(has(b, "the two mistakes cancel out"));
        CHECK(has(b, hint_line(Symptom::factor_m)));
        CHECK(has(block(out, "linear_backward"), hint_line(Symptom::factor_m)));
        CHECK(block(out, "L_model_backward") == "PASS  L_model_backward\n");
    }
}

TEST_CASE("grade: a function right on its own passes; the note on a failing helper comes true once it passes") {
    Version v;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_without_b;
    const std::string out = graded(v);
    INFO(out);
    const std::string b = block(out, "L_model_forward");
    CHECK(has(b, "PASS  L_model_forward\n"));
    CHECK(has(b, "note: with your linear_forward, which fails above, L_model_forward gives other values (AL(0, 0) is "));
    CHECK(has(b, "the notebook's values follow once linear_forward passes."));
    CHECK(has(b, "참고: 위에서 실패한 여러분의 도우미 함수(linear_forward)와 함께 쓰면"));
    CHECK(has(block(out, "linear_activation_forward"), "PASS  linear_activation_forward\n"));
    CHECK(has(out, "Score: 31/32"));
    // With the helper fixed: every value follows, no note.
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward;
    const std::string fixed = graded(v);
    CHECK(has(fixed, "Score: 32/32"));
    CHECK(!has(fixed, "note:"));
}

TEST_CASE("grade: a helper that throws names itself; the functions that call it are not blamed") {
    Version v;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_multiply;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  linear_forward: threw an exception: np::multiply: operands could not be broadcast together "
                   "with shapes (1, 3) (3, 2)\n"));
    CHECK(has(block(out, "linear_forward"), hint_line(Symptom::exception)));
    for (const char* name : {"linear_activation_forward", "L_model_forward"}) {
        const std::string b = block(out, name);
        CHECK(has(b, std::string("PASS  ") + name + "\n"));
        CHECK(has(b, std::string(" stops at linear_forward's error (np::multiply: operands could not be broadcast")));
        CHECK(has(b, std::string("the error is in linear_forward; ") + name + " is not to blame."));
    }
    CHECK(has(out, "Score: 31/32"));
}

TEST_CASE("grade: a helper not implemented yet, or whose results make the next step throw, is named, not the caller") {
    Version v;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_not_implemented;
    std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  linear_forward: not implemented yet\n"));
    CHECK(has(block(out, "L_model_forward"), "PASS  L_model_forward\n      note: with your linear_forward (not "
                                             "implemented yet), L_model_forward cannot run yet; the notebook's values "
                                             "follow once linear_forward passes.\n"));
    // A transposed Z does not throw in linear_forward, but the next layer's product does.
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_transposed;
    out = graded(v);
    const std::string b = block(out, "L_model_forward");
    CHECK(has(b, "PASS  L_model_forward\n"));
    CHECK(has(b, "L_model_forward stops at an error caused by the results of your linear_forward (np::dot: "));
    CHECK(has(b, "the error is in linear_forward; L_model_forward is not to blame."));
    CHECK(!has(b, "raised by"));
}

TEST_CASE("grade: with --only, a note says the helper fails its own checks (its FAIL is not shown above)") {
    Version v;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_multiply;
    grading::Options options = in_process();
    options.only = "linear_activation_forward";
    const std::string out = graded(v, options);
    CHECK(has(out, "note: with your linear_forward, which fails its own checks, linear_activation_forward stops at "
                   "linear_forward's error"));
    CHECK(has(out, "참고: 자체 검사에서 실패한 여러분의 도우미 함수(linear_forward)와 함께 쓰면"));
}

TEST_CASE("grade: a reference helper's error names the graded function that passed it the wrong arguments") {
    Version v;  // L_model_forward passing b where W belongs
    struct Local {
        static LModelForwardResult L_model_forward_b_for_W(const Matrix& X, const Parameters& parameters) {
            auto [AL, cache] = linear_activation_forward(X, parameters["b1"], parameters["W1"], "sigmoid");
            return {AL, Caches{cache}};
        }
    };
    v.alone.L_model_forward = v.yours.L_model_forward = &Local::L_model_forward_b_for_W;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  L_model_forward: threw an exception: linear_forward: "));
    CHECK(has(out, "(raised by linear_forward, which L_model_forward called with these arguments)"));
}

TEST_CASE("grade: a missing key and an index past the end are Python's KeyError and IndexError") {
    SUBCASE("grads[\"dA\" + str(l)] read before it is written") {
        Version v;
        v.alone.L_model_backward = &L_model_backward_with<Use::notebook, Backward::wrong_key>;
        v.yours.L_model_backward = &L_model_backward_with<Use::yours, Backward::wrong_key>;
        const std::string out = graded(v);
        INFO(out);
        CHECK(has(out, "FAIL  L_model_backward: threw an exception: no key \"dA0\" (the dict has: dA1, dW2, db2)\n"));
        CHECK(has(block(out, "L_model_backward"), hint_line(Symptom::key)));
    }
    SUBCASE("caches[L] instead of caches[L - 1]") {
        Version v;
        v.alone.L_model_backward = &L_model_backward_with<Use::notebook, Backward::index_past_end>;
        v.yours.L_model_backward = &L_model_backward_with<Use::yours, Backward::index_past_end>;
        const std::string out = graded(v);
        INFO(out);
        CHECK(has(out, "FAIL  L_model_backward: threw an exception: caches[2]: index out of range: len(caches) is 2, "
                       "so the indices are 0 .. 1\n"));
        CHECK(has(block(out, "L_model_backward"), hint_line(Symptom::index)));
    }
}

TEST_CASE("grade: counts print as integers, and the visible checks compare shapes") {
    Version v;
    v.alone.L_model_forward = &L_model_forward_with<Use::notebook, false, false>;
    v.yours.L_model_forward = &L_model_forward_with<Use::yours, false, false>;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_transposed;
    v.alone.linear_backward = v.yours.linear_backward = &linear_backward_with<true, true, 1, 0>;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  L_model_forward: len(caches) is 1 but the notebook printed 3\n"));
    CHECK(has(block(out, "L_model_forward"), hint_line(Symptom::count)));
    // The same values in another shape fail the notebook's own case, not only a hidden one.
    CHECK(has(out, "FAIL  linear_forward: Z has shape (2, 1) but the notebook's has shape (1, 2)\n"));
    CHECK(has(block(out, "linear_forward"), hint_line(Symptom::transposed)));
    CHECK(has(out, "FAIL  linear_backward: db has shape (1, 3) but the notebook's has shape (3, 1)\n"));
    CHECK(has(block(out, "linear_backward"), hint_line(Symptom::sum_shape)));
}

TEST_CASE("grade: np::sum's keepdims defaults to true, so np::sum(dZ, 1) gives db its shape") {
    Version v;
    v.alone.linear_backward = v.yours.linear_backward = &linear_backward_with<true, true, 1, -1>;
    CHECK(has(graded(v), "Score: 32/32"));
    CHECK(np::sum(Matrix{{1, 2}, {3, 4}}, 1).shape() == Shape{2, 1});
    CHECK(np::sum(Matrix{{1, 2}, {3, 4}}, 1, false).shape() == Shape{1, 2});
}

TEST_CASE("grade: every hint of the table is reached by a broken version, and each FAIL ends with its hint") {
    struct Case {
        Symptom symptom;
        const char* function;
        Version version;
        bool fork = false;
    };
    std::vector<Case> cases;
    const auto add = [&](Symptom s, const char* function, auto edit, bool fork = false) {
        Case c{s, function, Version{}, fork};
        edit(c.version);
        cases.push_back(c);
    };
    add(Symptom::not_implemented, "linear_forward",
        [](Version& v) { v.alone.linear_forward = v.yours.linear_forward = &linear_forward_not_implemented; });
    add(Symptom::crash, "compute_cost",
        [](Version& v) { v.alone.compute_cost = v.yours.compute_cost = &compute_cost_crash; }, true);
    add(Symptom::timeout, "update_parameters",
        [](Version& v) { v.alone.update_parameters = v.yours.update_parameters = &update_parameters_endless; }, true);
    add(Symptom::exception, "linear_forward",
        [](Version& v) { v.alone.linear_forward = v.yours.linear_forward = &linear_forward_multiply; });
    add(Symptom::key, "initialize_parameters", [](Version& v) {
        v.alone.initialize_parameters = v.yours.initialize_parameters = &initialize_parameters_with<1, 1, false, true>;
    });
    add(Symptom::index, "L_model_backward", [](Version& v) {
        v.alone.L_model_backward = &L_model_backward_with<Use::notebook, Backward::index_past_end>;
        v.yours.L_model_backward = &L_model_backward_with<Use::yours, Backward::index_past_end>;
    });
    add(Symptom::sum_shape, "linear_backward",
        [](Version& v) { v.alone.linear_backward = &linear_backward_with<true, true, 0, 1>; });
    add(Symptom::transposed, "linear_forward",
        [](Version& v) { v.alone.linear_forward = &linear_forward_transposed; });
    add(Symptom::shape, "initialize_parameters", [](Version& v) {
        v.alone.initialize_parameters = &initialize_parameters_with<1, 1, true, false>;
    });
    add(Symptom::sign, "compute_cost", [](Version& v) { v.alone.compute_cost = &compute_cost_positive; });
    add(Symptom::sign, "L_model_backward",
        [](Version& v) {
            v.alone.L_model_backward = &L_model_backward_with<Use::notebook, Backward::sign>;
            v.yours.L_model_backward = &L_model_backward_with<Use::yours, Backward::sign>;
        });
    add(Symptom::factor_m, "linear_backward",
        [](Version& v) { v.alone.linear_backward = &linear_backward_with<false, true, 1, 1>; });
    add(Symptom::factor, "initialize_parameters",
        [](Version& v) { v.alone.initialize_parameters = &initialize_parameters_with<1, 10, false, false>; });
    add(Symptom::row_offset, "linear_forward", [](Version& v) { v.alone.linear_forward = &linear_forward_without_b; });
    add(Symptom::activation, "linear_activation_forward", [](Version& v) {
        v.alone.linear_activation_forward = &linear_activation_forward_swapped<Use::notebook>;
        v.yours.linear_activation_forward = &linear_activation_forward_swapped<Use::yours>;
    });
    add(Symptom::zeros, "compute_cost", [](Version& v) { v.alone.compute_cost = &compute_cost_integer_division; });
    add(Symptom::random, "initialize_parameters",
        [](Version& v) { v.alone.initialize_parameters = &initialize_parameters_with<2, 1, false, false>; });
    add(Symptom::update_direction, "update_parameters",
        [](Version& v) { v.alone.update_parameters = &update_parameters_reversed; });
    add(Symptom::count, "L_model_forward", [](Version& v) {
        v.alone.L_model_forward = &L_model_forward_with<Use::notebook, false, false>;
        v.yours.L_model_forward = &L_model_forward_with<Use::yours, false, false>;
    });
    add(Symptom::cache, "linear_activation_forward", [](Version& v) {
        v.alone.linear_activation_forward = &linear_activation_forward_caches_A<Use::notebook>;
        v.yours.linear_activation_forward = &linear_activation_forward_caches_A<Use::yours>;
    });
    add(Symptom::values, "compute_cost", [](Version& v) { v.alone.compute_cost = &compute_cost_half; });
    // weeks 2 and 3
    add(Symptom::axis, "basics::normalize_rows",
        [](Version& v) { v.alone.basics.normalize_rows = &normalize_rows_by_columns; });
    add(Symptom::not_implemented, "basics::sigmoid",
        [](Version& v) { v.alone.basics.sigmoid = v.yours.basics.sigmoid = &basics_sigmoid_not_implemented; });
    add(Symptom::sign, "logistic::propagate", [](Version& v) {
        v.alone.logistic.propagate = &propagate_with<Use::notebook, true>;
        v.yours.logistic.propagate = &propagate_with<Use::yours, true>;
    });
    add(Symptom::update_direction, "logistic::optimize", [](Version& v) {
        v.alone.logistic.optimize = &optimize_with<Use::notebook, true>;
        v.yours.logistic.optimize = &optimize_with<Use::yours, true>;
    });
    add(Symptom::activation, "planar::forward_propagation",
        [](Version& v) { v.alone.planar.forward_propagation = &forward_sigmoid_hidden; });
    add(Symptom::activation, "planar::backward_propagation",
        [](Version& v) { v.alone.planar.backward_propagation = &backward_with<true>; });
    add(Symptom::factor_m, "planar::backward_propagation",
        [](Version& v) { v.alone.planar.backward_propagation = &backward_with<false, false>; });
    add(Symptom::random, "planar::initialize_parameters",
        [](Version& v) { v.alone.planar.initialize_parameters = &planar_initialize_seeded; });

    std::set<std::string> reached;
    for (const Case& c : cases) {
        grading::Options options;
        options.only = c.function;
        options.fork = c.fork;
        options.timeout_s = 2;
        g_yours = c.version.yours;
        std::ostringstream out;
        grading::grade(c.version.alone, c.version.yours, options, out);
        const std::string b = block(out.str(), c.function);
        INFO(grading::hint_for(c.symptom).id << " from " << c.function << ":\n" << out.str());
        CHECK(b.rfind(std::string("FAIL  ") + c.function + ": ", 0) == 0);
        // The FAIL ends with its hint, English then Korean.
        const std::string hint =
            hint_line(c.symptom, c.function) + "\n      힌트: " + grading::hint_text(c.symptom, c.function, true) + "\n";
        CHECK(b.size() >= hint.size());
        CHECK(b.compare(b.size() - std::min(b.size(), hint.size()), hint.size(), hint) == 0);
        reached.insert(grading::hint_for(c.symptom).id);
    }
    for (const grading::Hint& h : grading::hint_table()) CHECK_MESSAGE(reached.count(h.id), "no broken version reaches the hint " << h.id);
    CHECK(reached.size() == grading::hint_table().size());
}

TEST_CASE("grade: the hint table has one entry per symptom, in both languages, and never gives a solution line") {
    const auto& table = grading::hint_table();
    for (std::size_t k = 0; k < table.size(); ++k) {
        CHECK(static_cast<std::size_t>(table[k].symptom) == k);
        CHECK(std::string(table[k].en).size() > 20);
        CHECK(std::string(table[k].ko).size() > 20);
        CHECK(&grading::hint_for(table[k].symptom) == &table[k]);
    }
    CHECK(table.back().symptom == Symptom::values);
    // No hint holds a code line of the solutions (the lines between START CODE HERE and END CODE HERE).
    namespace fs = std::filesystem;
    fs::path root;
    for (const fs::path& p : {fs::path("."), fs::path(".."), fs::path("../..")})
        if (fs::exists(p / "nn/forward.cpp")) root = p;
    REQUIRE_MESSAGE(!root.empty(), "cannot find nn/forward.cpp from the current folder");
    int solution_lines = 0;
    std::vector<std::string> files;  // every graded file: nn/*.cpp and the notebooks' folders of weeks 2 and 3
    for (const char* folder : {"nn", "nn/python_basics", "nn/logistic_regression", "nn/planar_classification"})
        for (const auto& e : fs::directory_iterator(root / folder))
            if (e.path().extension() == ".cpp" &&
                exgen::read_text_file(e.path()).find(exgen::kStartMarker) != std::string::npos)
                files.push_back(fs::relative(e.path(), root).string());
    CHECK(files.size() == 24);
    for (const std::string& file : files) {
        bool in = false;
        for (const std::string& raw : exgen::split_lines(exgen::read_text_file(root / file))) {
            const std::string line = exgen::trim(raw);
            if (exgen::starts_with(line, exgen::kStartMarker)) { in = true; continue; }
            if (exgen::starts_with(line, exgen::kEndMarker)) { in = false; continue; }
            if (!in || line.empty() || exgen::starts_with(line, "//")) continue;
            std::string code = line.substr(0, line.find("  //"));  // without its trailing comment
            if (code.size() < 12) continue;
            ++solution_lines;
            // The right-hand side of an assignment is the telling part.
            const auto eq = code.find(" = ");
            const std::string rhs = eq == std::string::npos ? code : code.substr(eq + 3);
            for (const grading::Hint& h : table) {
                CHECK_MESSAGE(std::string(h.en).find(rhs) == std::string::npos, h.id << " gives " << rhs);
                CHECK_MESSAGE(std::string(h.ko).find(rhs) == std::string::npos, h.id << " gives " << rhs);
            }
        }
    }
    CHECK(solution_lines >= 45);
}

TEST_CASE("grade: --only grades one function, and its helpers quietly for the notes") {
    Version v;
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward_without_b;
    grading::Options options = in_process();
    options.only = "linear_activation_forward";
    const std::string out = graded(v, options);
    INFO(out);
    CHECK(lines_starting(out, "PASS  ") == std::vector<std::string>{"PASS  linear_activation_forward"});
    CHECK(lines_starting(out, "FAIL  ").empty());
    CHECK(has(out, "note: with your linear_forward, which fails its own checks"));
    CHECK(has(out, "Score: 1/1"));
}

// ---- weeks 2 and 3 -------------------------------------------------------------------------------------------------

TEST_CASE("grade: weeks 2 and 3, each notebook under its title, with its count; names qualified by namespace") {
    const std::string out = graded(Version{});
    CHECK(has(out, "== Python Basics with Numpy (W2A1) ==\nPASS  basics::basic_sigmoid\n"));
    CHECK(has(out, "== Logistic Regression with a Neural Network mindset (W2A2) ==\nPASS  logistic::sigmoid\n"));
    CHECK(has(out, "== Planar data classification with one hidden layer (W3A1) ==\nPASS  planar::layer_sizes\n"));
    CHECK(has(out, "== Building your Deep Neural Network: Step by Step (W4A1) ==\nPASS  initialize_parameters\n"));
    CHECK(has(out, "Python Basics with Numpy (W2A1): 8/8\nLogistic Regression with a Neural Network mindset (W2A2): "
                   "6/6\nPlanar data classification with one hidden layer (W3A1): 8/8\nBuilding your Deep Neural "
                   "Network: Step by Step (W4A1): 10/10\nScore: 32/32\n"));
    // The same names in several notebooks are several functions.
    for (const char* name : {"basics::sigmoid", "logistic::sigmoid", "logistic::predict", "planar::predict",
                             "planar::initialize_parameters", "initialize_parameters", "planar::compute_cost",
                             "compute_cost", "planar::update_parameters", "update_parameters"})
        CHECK_MESSAGE(has(out, std::string("PASS  ") + name + "\n"), name);
    CHECK(grading::resolve_name("propagate") == "logistic::propagate");
    CHECK(grading::resolve_name("compute_cost") == "compute_cost");
    std::vector<std::string> candidates;
    CHECK(grading::resolve_name("sigmoid", &candidates).empty());
    CHECK(candidates == std::vector<std::string>{"basics::sigmoid", "logistic::sigmoid"});
    CHECK(grading::resolve_name("no_such_function").empty());
}

TEST_CASE("grade: week 2, propagate's gradients with the wrong sign and optimize adding them: optimize fails alone") {
    Version v;
    v.alone.logistic.propagate = &propagate_with<Use::notebook, true>;
    v.yours.logistic.propagate = &propagate_with<Use::yours, true>;
    v.alone.logistic.optimize = &optimize_with<Use::notebook, true>;
    v.yours.logistic.optimize = &optimize_with<Use::yours, true>;
    const std::string out = graded(v);
    INFO(out);
    const std::string p = block(out, "logistic::propagate");
    CHECK(has(p, "FAIL  logistic::propagate: dw(0, 0) is -0.2507153166184082 but the notebook printed 0.25071532\n"));
    CHECK(has(p, hint_line(Symptom::sign, "logistic::propagate")));
    // With the student's propagate, optimize's parameters come out as the notebook's (the two signs cancel), but
    // optimize alone, with the notebook's propagate, climbs the cost: it fails.
    const std::string o = block(out, "logistic::optimize");
    CHECK(has(o, "FAIL  logistic::optimize: w(0, 0) is "));
    CHECK(has(o, hint_line(Symptom::update_direction, "logistic::optimize")));
    CHECK(block(out, "logistic::model") == "PASS  logistic::model\n");  // the notebook's optimize in its place
    CHECK(has(out, "Logistic Regression with a Neural Network mindset (W2A2): 4/6\n"));
    CHECK(has(out, "Score: 30/32"));
}

TEST_CASE("grade: week 2, sigmoid(-z) and predict's threshold the other way round cancel: predict fails alone") {
    Version v;
    v.alone.logistic.sigmoid = v.yours.logistic.sigmoid = &logistic_sigmoid_flipped;
    v.alone.logistic.predict = &logistic_predict_with<Use::notebook, Threshold::below>;
    v.yours.logistic.predict = &logistic_predict_with<Use::yours, Threshold::below>;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(block(out, "logistic::sigmoid"), "FAIL  logistic::sigmoid: sigmoid([0, 2])(0, 1) is "));
    const std::string b = block(out, "logistic::predict");
    CHECK(has(b, "FAIL  logistic::predict: "));
    CHECK(has(b, "note: with your sigmoid, which fails too, predict's values come out right: the two mistakes "
                 "cancel out. Fix both: with sigmoid fixed alone, predict would give wrong values."));
    // propagate is right with the notebook's sigmoid; the note says what the student's sigmoid does to it.
    const std::string p = block(out, "logistic::propagate");
    CHECK(has(p, "PASS  logistic::propagate\n      note: with your sigmoid, which fails above, propagate gives other "
                 "values"));
    CHECK(has(p, "the notebook's values follow once sigmoid passes."));
}

TEST_CASE("grade: week 2, predict's threshold at exactly 0.5 is a hidden check; a helper not implemented is named") {
    Version v;
    v.alone.logistic.predict = &logistic_predict_with<Use::notebook, Threshold::at_or_above>;
    v.yours.logistic.predict = &logistic_predict_with<Use::yours, Threshold::at_or_above>;
    v.alone.planar.predict = &planar_predict_with<Use::notebook, true>;
    v.yours.planar.predict = &planar_predict_with<Use::yours, true>;
    v.alone.basics.sigmoid = v.yours.basics.sigmoid = &basics_sigmoid_not_implemented;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  logistic::predict: hidden check (w = 0 and b = 0: every probability is exactly 0.5): "
                   "Y_prediction(0, 0) is 1.0 but it should be 0.0\n"));
    CHECK(has(out, "FAIL  planar::predict: hidden check (W2 = 0 and b2 = 0: every probability A2 is exactly 0.5): "
                   "predictions(0, 0) is 1.0 but it should be 0.0\n"));
    CHECK(has(out, "FAIL  basics::sigmoid: not implemented yet\n"));
    CHECK(has(block(out, "basics::sigmoid_derivative"),
              "PASS  basics::sigmoid_derivative\n      note: with your sigmoid (not implemented yet), "
              "sigmoid_derivative cannot run yet; the notebook's values follow once sigmoid passes.\n"));
    CHECK(has(block(out, "basics::sigmoid"), "      hint: replace the placeholder between START CODE HERE and END "
                                             "CODE HERE with your code; nn/python_basics/python_basics.hpp says"));
}

TEST_CASE("grade: week 3, sigmoid for the hidden layer forward and its derivative backward: each fails alone") {
    Version v;
    v.alone.planar.forward_propagation = v.yours.planar.forward_propagation = &forward_sigmoid_hidden;
    v.alone.planar.backward_propagation = v.yours.planar.backward_propagation = &backward_with<true>;
    const std::string out = graded(v);
    INFO(out);
    const std::string f = block(out, "planar::forward_propagation");
    CHECK(has(f, "FAIL  planar::forward_propagation: A2(0, 0) is "));
    CHECK(has(f, hint_line(Symptom::activation, "planar::forward_propagation")));
    // backward_propagation is judged on the notebook's cache (tanh's A1): consistent with the student's forward
    // pass, it still fails.
    const std::string b = block(out, "planar::backward_propagation");
    CHECK(has(b, "FAIL  planar::backward_propagation: dW1(0, 0) is "));
    CHECK(has(b, hint_line(Symptom::activation, "planar::backward_propagation")));
    // nn_model and predict, right on their own, pass; the notes say what the student's helpers do to them.
    const std::string n = block(out, "planar::nn_model");
    CHECK(has(n, "PASS  planar::nn_model\n      note: with your forward_propagation and backward_propagation, which "
                 "fail above, nn_model gives other values ("));
    CHECK(has(n, "the notebook's values follow once forward_propagation and backward_propagation pass."));
    CHECK(has(n, "참고: 위에서 실패한 여러분의 도우미 함수(forward_propagation, backward_propagation)와 함께 쓰면"));
    CHECK(has(block(out, "planar::predict"), "PASS  planar::predict\n"));
    CHECK(has(out, "Planar data classification with one hidden layer (W3A1): 6/8\n"));
}

TEST_CASE("grade: week 3, nn_model on a broken update_parameters passes with a note; a learning rate written in fails") {
    SUBCASE("update_parameters climbing the gradient") {
        Version v;
        v.alone.planar.update_parameters = v.yours.planar.update_parameters = &update_parameters_reversed;
        const std::string out = graded(v);
        INFO(out);
        CHECK(has(block(out, "planar::update_parameters"), hint_line(Symptom::update_direction, "planar::update_parameters")));
        CHECK(has(block(out, "planar::nn_model"), "PASS  planar::nn_model\n      note: with your update_parameters, "
                                                  "which fails above, nn_model gives other values ("));
        // week 4's update_parameters is another function: it passes.
        CHECK(block(out, "update_parameters") == "PASS  update_parameters\n");
    }
    SUBCASE("update_parameters ignoring its learning_rate (1.2 written in): the hidden check with 0.5 fails") {
        Version v;
        v.alone.planar.update_parameters = v.yours.planar.update_parameters = &planar_update_fixed_rate;
        const std::string out = graded(v);
        INFO(out);
        CHECK(has(out, "FAIL  planar::update_parameters: hidden check (n_x = 3, n_h = 5, learning_rate 0.5): "));
        CHECK(block(out, "planar::nn_model") == "PASS  planar::nn_model\n");  // nn_model uses 1.2
    }
    SUBCASE("nn_model itself never updating the parameters fails") {
        Version v;
        v.alone.planar.nn_model = &nn_model_with<Use::notebook, true>;
        v.yours.planar.nn_model = &nn_model_with<Use::yours, true>;
        const std::string out = graded(v);
        INFO(out);
        CHECK(has(out, "FAIL  planar::nn_model: W1(0, 0) is "));
        CHECK(has(out, "Score: 31/32"));
    }
}

TEST_CASE("grade: --only takes a qualified name, or an unqualified one naming a single function") {
    Version v;
    grading::Options options = in_process();
    options.only = "optimize";
    std::string out = graded(v, options);
    CHECK(lines_starting(out, "PASS  ") == std::vector<std::string>{"PASS  logistic::optimize"});
    CHECK(has(out, "== Logistic Regression with a Neural Network mindset (W2A2) ==\n"));
    CHECK(has(out, "Logistic Regression with a Neural Network mindset (W2A2): 1/1\nScore: 1/1\n"));
    options.only = "planar::compute_cost";
    out = graded(v, options);
    CHECK(lines_starting(out, "PASS  ") == std::vector<std::string>{"PASS  planar::compute_cost"});
    options.only = "compute_cost";
    out = graded(v, options);
    CHECK(lines_starting(out, "PASS  ") == std::vector<std::string>{"PASS  compute_cost"});
}

TEST_CASE("grade: week 2, a helper that throws is named; propagate and predict, which call it, are not blamed") {
    Version v;
    v.alone.logistic.sigmoid = v.yours.logistic.sigmoid = &logistic_sigmoid_throws;
    const std::string out = graded(v);
    INFO(out);
    CHECK(has(out, "FAIL  logistic::sigmoid: threw an exception: np::multiply: operands could not be broadcast "));
    for (const char* name : {"propagate", "predict"}) {
        const std::string b = block(out, std::string("logistic::") + name);
        CHECK(has(b, std::string("PASS  logistic::") + name + "\n"));
        CHECK(has(b, std::string(name) + " stops at sigmoid's error (np::multiply: operands could not be broadcast"));
        CHECK(has(b, std::string("the error is in sigmoid; ") + name + " is not to blame."));
    }
}
