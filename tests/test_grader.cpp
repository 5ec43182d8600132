// tests/test_grader.cpp - the grader (course/grader.hpp) on made-up student versions: mistakes that cancel out,
// a helper that throws, missing keys and indices, and one broken version per hint of the hint table. Each
// version is the notebook's ten functions with some replaced; a replaced function that calls another graded
// function is a template on which table it calls, so that it exists in both of make grade's forms: "alone"
// (calling the notebook's) and "yours" (calling the version's own). make grade end to end, with the compiler
// and make, is tests/test_exercises.sh.
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

// The block of one function: its PASS/FAIL line and the note and hint lines under it.
std::string block(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string out;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        const bool head = line.rfind("PASS  ", 0) == 0 || line.rfind("FAIL  ", 0) == 0 || line.rfind("Score:", 0) == 0;
        if (head) inside = line == "PASS  " + name || line.rfind("FAIL  " + name + ":", 0) == 0;
        if (inside) out += line + "\n";
    }
    return out;
}

std::string hint_line(Symptom s) { return std::string("      hint: ") + grading::hint_for(s).en; }

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

}  // namespace

// ---- the tests -------------------------------------------------------------------------------------------------------

TEST_CASE("grade: the notebook's own functions pass, 10/10, with no note and no hint") {
    const std::string out = graded(Version{});
    CHECK(lines_starting(out, "PASS  ").size() == 10);
    CHECK(lines_starting(out, "FAIL  ").empty());
    CHECK(!has(out, "note:"));
    CHECK(!has(out, "hint:"));
    CHECK(has(out, "Score: 10/10\n"));
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
        CHECK(has(out, "Score: 8/10"));

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
        CHECK(has(out, "Score: 8/10"));
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
    CHECK(has(out, "Score: 9/10"));
    // With the helper fixed: every value follows, no note.
    v.alone.linear_forward = v.yours.linear_forward = &linear_forward;
    const std::string fixed = graded(v);
    CHECK(has(fixed, "Score: 10/10"));
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
    CHECK(has(out, "Score: 9/10"));
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
    CHECK(has(graded(v), "Score: 10/10"));
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
        const std::string hint = hint_line(c.symptom) + "\n      힌트: " + grading::hint_for(c.symptom).ko + "\n";
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
    for (const char* file : {"nn/initialization.cpp", "nn/forward.cpp", "nn/cost.cpp", "nn/backward.cpp", "nn/update.cpp"}) {
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
    CHECK(solution_lines >= 15);
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
