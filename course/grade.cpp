// course/grade.cpp - `make grade`: grades the ten Step-by-Step functions of a student's copy.
//
//   grade [--source DIR] [--only NAME] [--no-fork] [--require-all] [--timeout SECONDS]
//
// EN: Linked against a library built from the student's graded files (see tools/mk/exercises.mk). Each graded
//     function is run on the notebook's test case(s) against the notebook's printed "Expected output", and on
//     hidden cases (other shapes, the cache contents, both activations) against a reference computed here, so a
//     hard-coded answer fails. One line per function: "PASS  name" or "FAIL  name: <the first value that
//     differs>", then "Score: k/n".
//     Each function runs in its own child process (fork), so a crash, an endless loop or an exception in one
//     cannot stop the grading of the others; --no-fork runs them in this process (for a debugger).
//     A function that calls another graded function (L_model_forward calls linear_activation_forward) is
//     graded on its own logic: when that helper fails, the reference uses the student's helper too, so one
//     mistake costs one function, not every function that depends on it.
// KO: 학생의 채점 파일로 만든 라이브러리에 링크됩니다(tools/mk/exercises.mk). 채점 함수마다 노트북의 테스트
//     케이스를 돌려 노트북이 출력한 "Expected output"과 비교하고, 숨은 케이스(다른 shape, 캐시 내용, 두
//     활성화)를 여기서 계산한 기준값과 비교하므로 답을 그대로 적어 넣으면 통과하지 못합니다. 함수마다 한 줄
//     ("PASS  이름" 또는 "FAIL  이름: <처음 다른 값>")과 마지막 "Score: k/n"을 출력합니다.
//     함수마다 별도의 자식 프로세스(fork)에서 실행하므로 한 함수의 충돌, 무한 루프, 예외가 나머지 채점을
//     막지 못합니다. --no-fork는 이 프로세스 안에서 실행합니다(디버거용).
//     다른 채점 함수를 부르는 함수(L_model_forward는 linear_activation_forward를 부름)는 그 함수 자체의
//     논리로 채점합니다: 도우미가 틀렸으면 기준값도 학생의 도우미로 계산하므로, 실수 하나는 함수 하나만
//     틀리게 합니다.
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstring>
#include <functional>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "course/expected_outputs.hpp"
#include "course/notebook_check.hpp"
#include "course/test_cases.hpp"
#include "nn/nn.hpp"

using namespace dnn;

namespace {

// ---- failures -----------------------------------------------------------------------------------------------

// Thrown by a check: the first difference found, as one readable line.
struct Fail {
    std::string message;
};

std::string shape_str(const Matrix& m) { return to_string(m.shape()); }

// The shape of a numpy-printed 2-D array: "[[a b]\n [c d]]" is (2, 2).
Shape printed_shape(const std::string& text, std::size_t count) {
    std::size_t rows = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '[' && text[i + 1] != '[') ++rows;
    if (rows == 0) rows = 1;
    return {rows, count / rows};
}

// Tolerance of a hidden check: the reference is computed here with the same formulas, so only rounding differs.
bool near(double actual, double expected) {
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected)) && !std::isnan(actual);
}

// `actual` against the notebook's printed value. compare_printed decides; a student's different but exact
// formulation (e.g. a sum in another order) may differ from numpy's last printed digit of a 16-digit value, so
// an element also passes within 1e-12 of it.
void expect_printed(const std::string& name, const Matrix& actual, const char* printed, const std::string& note = "") {
    if (notebook::compare_printed(actual, printed).same) return;
    const auto numbers = notebook::parse_printed(printed);
    const Shape want = printed_shape(printed, numbers.size());
    if (actual.shape() != want)
        throw Fail{name + " has shape " + shape_str(actual) + " but the notebook's has shape " + to_string(want) + note};
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        const std::size_t i = k / actual.cols(), j = k % actual.cols();
        const double a = actual(i, j), e = numbers[k].value;
        if (!(std::fabs(a - e) <= std::max(numbers[k].half_unit * (1 + 1e-9), 1e-12 * std::max(1.0, std::fabs(e)))))
            throw Fail{name + "(" + std::to_string(i) + ", " + std::to_string(j) + ") is " + py_repr(a) +
                       " but the notebook printed " + py_repr(e) + note};
    }
}

void expect_printed(const std::string& name, double actual, const char* printed, const std::string& note = "") {
    if (notebook::compare_printed(actual, printed).same) return;
    const double e = notebook::parse_printed(printed).at(0).value;
    if (!(std::fabs(actual - e) <= 1e-12 * std::max(1.0, std::fabs(e))))
        throw Fail{name + " is " + py_repr(actual) + " but the notebook printed " + printed + note};
}

// The first difference between `actual` and the reference `expected`, or "" when they agree.
std::string difference(const std::string& name, const Matrix& actual, const Matrix& expected) {
    if (actual.shape() != expected.shape())
        return name + " has shape " + shape_str(actual) + " but it should have shape " + shape_str(expected);
    for (std::size_t i = 0; i < actual.rows(); ++i)
        for (std::size_t j = 0; j < actual.cols(); ++j)
            if (!near(actual(i, j), expected(i, j)))
                return name + "(" + std::to_string(i) + ", " + std::to_string(j) + ") is " + py_repr(actual(i, j)) +
                       " but it should be " + py_repr(expected(i, j));
    return "";
}

// A hidden check: `actual` must equal the reference; `where` says which hidden case (the student cannot see it).
void expect_matrix(const std::string& name, const Matrix& actual, const Matrix& expected, const std::string& where) {
    const std::string d = difference(name, actual, expected);
    if (!d.empty()) throw Fail{"hidden check " + where + ": " + d};
}

void expect_scalar(const std::string& name, double actual, double expected, const std::string& where) {
    if (!near(actual, expected))
        throw Fail{"hidden check " + where + ": " + name + " is " + py_repr(actual) + " but it should be " +
                   py_repr(expected)};
}

// dict[key], or a Fail naming the missing key.
const Matrix& entry(const ArrayDict& d, const std::string& dict_name, const std::string& key, const std::string& where) {
    const auto it = d.find(key);
    if (it == d.end())
        throw Fail{(where.empty() ? "" : "hidden check " + where + ": ") + dict_name + " has no key \"" + key +
                   "\" (it has: " + d.key_list() + ")"};
    return it->second;
}

void expect_keys(const ArrayDict& d, const std::string& dict_name, const std::vector<std::string>& keys,
                 const std::string& where) {
    for (const auto& k : keys) entry(d, dict_name, k, where);
    if (d.size() != keys.size()) {
        throw Fail{(where.empty() ? "" : "hidden check " + where + ": ") + dict_name + " has " +
                   std::to_string(d.size()) + " entries (" + d.key_list() + ") but it should have " +
                   std::to_string(keys.size()) + " (" + key_list(keys) + ")"};
    }
}

// ---- the reference: the notebook's formulas, written out here -------------------------------------------------

Matrix random_matrix(std::size_t rows, std::size_t cols) { return np::random::randn(rows, cols); }

Matrix linear(const Matrix& A, const Matrix& W, const Matrix& b) { return np::dot(W, A) + b; }

Matrix activate(const Matrix& Z, const std::string& activation) {
    return activation == "sigmoid" ? sigmoid(Z).A : relu(Z).A;
}

// One layer forward: the reference, or the student's linear_activation_forward.
LinearActivationForwardResult ref_layer_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                const std::string& activation, bool students_helper) {
    if (students_helper) return linear_activation_forward(A_prev, W, b, activation);
    const Matrix Z = linear(A_prev, W, b);
    return {activate(Z, activation), LayerCache{LinearCache{A_prev, W, b}, Z}};
}

LModelForwardResult ref_L_model_forward(const Matrix& X, const Parameters& p, bool students_helper) {
    const int L = static_cast<int>(p.size() / 2);
    Caches caches;
    Matrix A = X;
    for (int l = 1; l <= L; ++l) {
        auto [A_l, cache] = ref_layer_forward(A, p["W" + str(l)], p["b" + str(l)], l < L ? "relu" : "sigmoid",
                                              students_helper);
        A = A_l;
        caches.push_back(cache);
    }
    return {A, caches};
}

// linear_backward: the reference, or the student's.
LinearBackwardResult ref_linear_backward(const Matrix& dZ, const LinearCache& c, bool students_helper) {
    if (students_helper) return linear_backward(dZ, c);
    const double m = static_cast<double>(c.A_prev.cols());
    return {np::dot(c.W.T(), dZ), np::dot(dZ, c.A_prev.T()) / m, np::sum(dZ, 1, true) / m};
}

// linear_activation_backward: the reference (with the reference or the student's linear_backward), or the
// student's own.
LinearBackwardResult ref_layer_backward(const Matrix& dA, const LayerCache& c, const std::string& activation,
                                        int students_helpers) {
    if (students_helpers == 2) return linear_activation_backward(dA, c, activation);
    const Matrix dZ = activation == "sigmoid" ? sigmoid_backward(dA, c.activation_cache)
                                              : relu_backward(dA, c.activation_cache);
    return ref_linear_backward(dZ, c.linear_cache, students_helpers == 1);
}

Grads ref_L_model_backward(const Matrix& AL, const Matrix& Y_in, const Caches& caches, int students_helpers) {
    Grads grads;
    const int L = static_cast<int>(caches.size());
    const Matrix Y = Y_in.reshape(AL.shape());
    const Matrix dAL = -(np::divide(Y, AL) - np::divide(1.0 - Y, 1.0 - AL));
    Matrix dA = dAL;
    for (int l = L; l >= 1; --l) {
        auto [dA_prev, dW, db] = ref_layer_backward(dA, caches[l - 1], l == L ? "sigmoid" : "relu", students_helpers);
        grads["dA" + str(l - 1)] = dA_prev;
        grads["dW" + str(l)] = dW;
        grads["db" + str(l)] = db;
        dA = dA_prev;
    }
    return grads;
}

// ---- the graded functions -------------------------------------------------------------------------------------

// What a grading function knows about the functions it depends on.
struct Context {
    bool helpers_pass = true;  // every graded function this one calls passed
};

// A hidden check of a function that calls other graded functions: `got` must match the reference (`pure`), or,
// when one of those helpers fails, the reference built on the student's helpers (`with_helpers`, only computed
// then), so that the helper's mistake is not counted twice.
void expect_reference(const std::string& pure, const Context& ctx, const std::function<std::string()>& with_helpers,
                      const std::string& where) {
    if (pure.empty() || (!ctx.helpers_pass && with_helpers && with_helpers().empty())) return;
    throw Fail{"hidden check " + where + ": " + pure};
}

void grade_initialize_parameters(const Context&) {
    namespace ex = notebook::expected;
    Parameters p = initialize_parameters(3, 2, 1);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::init_W1);
    expect_printed("b1", p["b1"], ex::init_b1);
    expect_printed("W2", p["W2"], ex::init_W2);
    expect_printed("b2", p["b2"], ex::init_b2);

    const std::string where = "initialize_parameters(4, 5, 2)";
    p = initialize_parameters(4, 5, 2);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, where);
    np::random::seed(1);
    const Matrix W1 = random_matrix(5, 4) * 0.01, W2 = random_matrix(2, 5) * 0.01;
    expect_matrix("W1", p["W1"], W1, where);
    expect_matrix("b1", p["b1"], np::zeros(5, 1), where);
    expect_matrix("W2", p["W2"], W2, where);
    expect_matrix("b2", p["b2"], np::zeros(2, 1), where);
}

void grade_initialize_parameters_deep(const Context&) {
    namespace ex = notebook::expected;
    Parameters p = initialize_parameters_deep({5, 4, 3});
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::deep_W1);
    expect_printed("b1", p["b1"], ex::deep_b1);
    expect_printed("W2", p["W2"], ex::deep_W2);
    expect_printed("b2", p["b2"], ex::deep_b2);

    const std::vector<int> dims = {4, 3, 2, 1};
    const std::string where = "initialize_parameters_deep([4, 3, 2, 1])";
    p = initialize_parameters_deep(dims);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2", "W3", "b3"}, where);
    np::random::seed(3);
    for (std::size_t l = 1; l < dims.size(); ++l) {
        const Matrix W = random_matrix(dims[l], dims[l - 1]) * 0.01;
        expect_matrix("W" + str(l), p["W" + str(l)], W, where);
        expect_matrix("b" + str(l), p["b" + str(l)], np::zeros(dims[l], 1), where);
    }
}

void grade_linear_forward(const Context&) {
    auto [A, W, b] = test_cases::linear_forward_test_case();
    auto [Z, cache] = linear_forward(A, W, b);
    expect_printed("Z", Z, notebook::expected::linear_forward_Z);

    const std::string where = "(A (4, 3), W (2, 4), b (2, 1))";
    np::random::seed(7);
    const Matrix A2 = random_matrix(4, 3), W2 = random_matrix(2, 4), b2 = random_matrix(2, 1);
    auto [Z2, cache2] = linear_forward(A2, W2, b2);
    expect_matrix("Z", Z2, linear(A2, W2, b2), where);
    expect_matrix("cache.A_prev", cache2.A_prev, A2, where);
    expect_matrix("cache.W", cache2.W, W2, where);
    expect_matrix("cache.b", cache2.b, b2, where);
}

// The first difference between two layer caches ((A_prev, W, b), Z), or "".
std::string cache_difference(const std::string& name, const LayerCache& got, const LayerCache& want) {
    for (const auto& d : {difference(name + ".linear_cache.A_prev", got.linear_cache.A_prev, want.linear_cache.A_prev),
                          difference(name + ".linear_cache.W", got.linear_cache.W, want.linear_cache.W),
                          difference(name + ".linear_cache.b", got.linear_cache.b, want.linear_cache.b),
                          difference(name + ".activation_cache (Z)", got.activation_cache, want.activation_cache)})
        if (!d.empty()) return d;
    return "";
}

// One layer's forward result (A and its cache) against a reference result, or "".
std::string layer_forward_difference(const LinearActivationForwardResult& got,
                                     const LinearActivationForwardResult& want) {
    const std::string d = difference("A", got.A, want.A);
    return d.empty() ? cache_difference("cache", got.cache, want.cache) : d;
}

// The reference layer built on the student's linear_forward.
LinearActivationForwardResult layer_with_students_linear_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                                                 const std::string& activation) {
    auto [Z, linear_cache] = linear_forward(A_prev, W, b);
    return {activate(Z, activation), LayerCache{linear_cache, Z}};
}

void grade_linear_activation_forward(const Context& ctx) {
    namespace ex = notebook::expected;
    // (named references, not a structured binding: clang before 16 cannot capture bindings in a lambda)
    const auto tc = test_cases::linear_activation_forward_test_case();
    const Matrix &A_prev = tc.A, &W = tc.W, &b = tc.b;
    np::random::seed(8);
    const Matrix A2 = random_matrix(4, 5), W2 = random_matrix(3, 4), b2 = random_matrix(3, 1);
    for (const std::string activation : {"sigmoid", "relu"}) {
        const std::string note = " (activation \"" + activation + "\")";
        const auto got = linear_activation_forward(A_prev, W, b, activation);
        if (ctx.helpers_pass) expect_printed("A", got.A, activation == "sigmoid" ? ex::sigmoid_A : ex::relu_A, note);
        expect_reference(
            layer_forward_difference(got, ref_layer_forward(A_prev, W, b, activation, false)), ctx,
            [&] { return layer_forward_difference(got, layer_with_students_linear_forward(A_prev, W, b, activation)); },
            "(the notebook's case" + note + ")");

        const auto got2 = linear_activation_forward(A2, W2, b2, activation);
        expect_reference(
            layer_forward_difference(got2, ref_layer_forward(A2, W2, b2, activation, false)), ctx,
            [&] { return layer_forward_difference(got2, layer_with_students_linear_forward(A2, W2, b2, activation)); },
            "(A_prev (4, 5), W (3, 4), b (3, 1)" + note + ")");
    }
}

// AL and every cache against a reference forward pass, or "".
std::string forward_difference(const LModelForwardResult& got, const LModelForwardResult& want) {
    std::string d = difference("AL", got.AL, want.AL);
    if (!d.empty()) return d;
    if (got.caches.size() != want.caches.size())
        return "caches has " + std::to_string(got.caches.size()) + " entries but it should have " +
               std::to_string(want.caches.size()) + " (one per layer)";
    for (std::size_t l = 0; l < got.caches.size(); ++l) {
        d = cache_difference("caches[" + std::to_string(l) + "]", got.caches[l], want.caches[l]);
        if (!d.empty()) return d;
    }
    return "";
}

void grade_L_model_forward(const Context& ctx) {
    namespace ex = notebook::expected;
    const auto check = [&](const Matrix& X, const Parameters& p, const LModelForwardResult& got,
                           const std::string& where) {
        expect_reference(forward_difference(got, ref_L_model_forward(X, p, false)), ctx,
                         [&] { return forward_difference(got, ref_L_model_forward(X, p, true)); }, where);
    };
    const auto [X, parameters] = test_cases::L_model_forward_test_case_2hidden();
    const auto got = L_model_forward(X, parameters);
    if (ctx.helpers_pass) {
        expect_printed("AL", got.AL, ex::L_model_forward_AL);
        expect_printed("len(caches)", static_cast<double>(got.caches.size()), ex::L_model_forward_caches);
    }
    check(X, parameters, got, "(the notebook's 3-layer case, caches)");
    const auto [X2, parameters2] = test_cases::L_model_forward_test_case();
    check(X2, parameters2, L_model_forward(X2, parameters2), "(a 2-layer network, X (4, 2))");
}

void grade_compute_cost(const Context&) {
    const auto [Y, AL] = test_cases::compute_cost_test_case();
    expect_printed("cost", compute_cost(AL, Y), notebook::expected::cost);

    const auto reference = [](const Matrix& AL_, const Matrix& Y_) {
        double sum = 0;
        for (std::size_t j = 0; j < Y_.cols(); ++j)
            sum += Y_(0, j) * std::log(AL_(0, j)) + (1 - Y_(0, j)) * std::log(1 - AL_(0, j));
        return -sum / static_cast<double>(Y_.cols());
    };
    const auto [Y2, AL2] = test_cases::compute_cost_test_case(test_cases::TestCases::v2);
    expect_scalar("cost", compute_cost(AL2, Y2), reference(AL2, Y2), "(Y = [[1, 1, 1]])");
    np::random::seed(5);
    const Matrix AL3 = np::random::rand(1, 7) * 0.9 + 0.05;
    Matrix Y3(1, 7);
    for (std::size_t j = 0; j < 7; ++j) Y3(0, j) = np::random::random_sample() < 0.5 ? 0.0 : 1.0;
    expect_scalar("cost", compute_cost(AL3, Y3), reference(AL3, Y3), "(m = 7 examples)");
}

std::string backward_difference(const LinearBackwardResult& got, const LinearBackwardResult& want) {
    for (const auto& d : {difference("dA_prev", got.dA_prev, want.dA_prev), difference("dW", got.dW, want.dW),
                          difference("db", got.db, want.db)})
        if (!d.empty()) return d;
    return "";
}

void grade_linear_backward(const Context& ctx) {
    namespace ex = notebook::expected;
    const auto [dZ, cache] = test_cases::linear_backward_test_case();
    const auto got = linear_backward(dZ, cache);
    expect_printed("dA_prev", got.dA_prev, ex::linear_backward_dA_prev);
    expect_printed("dW", got.dW, ex::linear_backward_dW);
    expect_printed("db", got.db, ex::linear_backward_db);

    const auto [dZ2, cache2] = test_cases::linear_backward_test_case(test_cases::TestCases::v2);
    expect_reference(backward_difference(linear_backward(dZ2, cache2), ref_linear_backward(dZ2, cache2, false)), ctx,
                     nullptr, "(dZ (1, 2), A_prev (3, 2))");
    np::random::seed(9);
    const Matrix dZ3 = random_matrix(2, 5);
    const LinearCache cache3{random_matrix(3, 5), random_matrix(2, 3), random_matrix(2, 1)};
    expect_reference(backward_difference(linear_backward(dZ3, cache3), ref_linear_backward(dZ3, cache3, false)), ctx,
                     nullptr, "(dZ (2, 5), A_prev (3, 5))");
}

void grade_linear_activation_backward(const Context& ctx) {
    namespace ex = notebook::expected;
    const auto tc = test_cases::linear_activation_backward_test_case();
    const Matrix& dA = tc.dA;
    const LayerCache& cache = tc.linear_activation_cache;
    np::random::seed(10);
    const Matrix A_prev = random_matrix(3, 4), W = random_matrix(2, 3), b = random_matrix(2, 1);
    const Matrix dA2 = random_matrix(2, 4);
    const LayerCache cache2{{A_prev, W, b}, linear(A_prev, W, b)};
    for (const std::string activation : {"sigmoid", "relu"}) {
        const std::string note = " (activation \"" + activation + "\")";
        const bool s = activation == "sigmoid";
        const auto got = linear_activation_backward(dA, cache, activation);
        if (ctx.helpers_pass) {
            expect_printed("dA_prev", got.dA_prev, s ? ex::sigmoid_dA_prev : ex::relu_dA_prev, note);
            expect_printed("dW", got.dW, s ? ex::sigmoid_dW : ex::relu_dW, note);
            expect_printed("db", got.db, s ? ex::sigmoid_db : ex::relu_db, note);
        }
        expect_reference(backward_difference(got, ref_layer_backward(dA, cache, activation, 0)), ctx,
                         [&] { return backward_difference(got, ref_layer_backward(dA, cache, activation, 1)); },
                         "(the notebook's case" + note + ")");
        const auto got2 = linear_activation_backward(dA2, cache2, activation);
        expect_reference(backward_difference(got2, ref_layer_backward(dA2, cache2, activation, 0)), ctx,
                         [&] { return backward_difference(got2, ref_layer_backward(dA2, cache2, activation, 1)); },
                         "(dA (2, 4), W (2, 3)" + note + ")");
    }
}

// Every gradient of the reference, or "".
std::string grads_difference(const Grads& got, const Grads& want) {
    for (const auto& [key, value] : want) {
        const auto it = got.find(key);
        if (it == got.end()) return "grads has no key \"" + key + "\" (it has: " + got.key_list() + ")";
        const std::string d = difference("grads[\"" + key + "\"]", it->second, value);
        if (!d.empty()) return d;
    }
    return "";
}

void grade_L_model_backward(const Context& ctx) {
    namespace ex = notebook::expected;
    const auto check = [&](const Matrix& AL, const Matrix& Y, const Caches& caches, const Grads& got,
                           const std::string& where) {
        expect_reference(grads_difference(got, ref_L_model_backward(AL, Y, caches, 0)), ctx,
                         [&] { return grads_difference(got, ref_L_model_backward(AL, Y, caches, 2)); }, where);
    };
    const auto [AL, Y, caches] = test_cases::L_model_backward_test_case();
    const Grads grads = L_model_backward(AL, Y, caches);
    if (ctx.helpers_pass) {
        expect_printed("dW1", entry(grads, "grads", "dW1", ""), ex::grads_dW1);
        expect_printed("db1", entry(grads, "grads", "db1", ""), ex::grads_db1);
        expect_printed("dA1", entry(grads, "grads", "dA1", ""), ex::grads_dA1);
    }
    check(AL, Y, caches, grads, "(the notebook's case, every gradient)");
    // A 3-layer network: the notebook's L_model_forward case, with labels.
    const auto [X3, parameters3] = test_cases::L_model_forward_test_case_2hidden();
    const auto [AL3, caches3] = ref_L_model_forward(X3, parameters3, false);
    const Matrix Y3{{1, 0, 1, 1}};
    check(AL3, Y3, caches3, L_model_backward(AL3, Y3, caches3), "(a 3-layer network, m = 4)");
}

void grade_update_parameters(const Context&) {
    namespace ex = notebook::expected;
    const auto [parameters, grads] = test_cases::update_parameters_test_case();
    const Parameters p = update_parameters(parameters, grads, 0.1);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::update_W1);
    expect_printed("b1", p["b1"], ex::update_b1);
    expect_printed("W2", p["W2"], ex::update_W2);
    expect_printed("b2", p["b2"], ex::update_b2);

    const std::string where = "(3 layers, learning_rate 0.05)";
    np::random::seed(11);
    Parameters p3;
    Grads g3;
    const std::vector<int> dims = {3, 4, 2, 1};
    for (std::size_t l = 1; l < dims.size(); ++l) {
        p3["W" + str(l)] = random_matrix(dims[l], dims[l - 1]);
        p3["b" + str(l)] = random_matrix(dims[l], 1);
        g3["dW" + str(l)] = random_matrix(dims[l], dims[l - 1]);
        g3["db" + str(l)] = random_matrix(dims[l], 1);
    }
    const Parameters got = update_parameters(p3, g3, 0.05);
    expect_keys(got, "parameters", {"W1", "b1", "W2", "b2", "W3", "b3"}, where);
    for (std::size_t l = 1; l < dims.size(); ++l)
        for (const std::string n : {"W", "b"})
            expect_matrix(n + str(l), got[n + str(l)], p3[n + str(l)] - 0.05 * g3["d" + n + str(l)], where);
}

struct Graded {
    const char* name;
    std::vector<const char*> calls;  // the graded functions it calls, directly or not
    void (*run)(const Context&);
};

// Notebook order.
const std::vector<Graded>& graded() {
    static const std::vector<Graded> g = {
        {"initialize_parameters", {}, grade_initialize_parameters},
        {"initialize_parameters_deep", {}, grade_initialize_parameters_deep},
        {"linear_forward", {}, grade_linear_forward},
        {"linear_activation_forward", {"linear_forward"}, grade_linear_activation_forward},
        {"L_model_forward", {"linear_forward", "linear_activation_forward"}, grade_L_model_forward},
        {"compute_cost", {}, grade_compute_cost},
        {"linear_backward", {}, grade_linear_backward},
        {"linear_activation_backward", {"linear_backward"}, grade_linear_activation_backward},
        {"L_model_backward", {"linear_backward", "linear_activation_backward"}, grade_L_model_backward},
        {"update_parameters", {}, grade_update_parameters},
    };
    return g;
}

// ---- running one function -------------------------------------------------------------------------------------

// The verdict: "P" (pass) or "F<message>".
std::string run_one(const Graded& g, const Context& ctx) {
    try {
        g.run(ctx);
        return "P";
    } catch (const Fail& f) {
        return "F" + f.message;
    } catch (const std::exception& e) {
        const std::string what = e.what();
        if (what.find("not implemented") != std::string::npos) {
            const std::string fn = what.substr(0, what.find(':'));
            if (fn == g.name) return "Fnot implemented yet";
            return "Fit calls " + fn + ", which is not implemented yet";
        }
        return "Fthrew an exception: " + what;
    } catch (...) {
        return "Fthrew an exception that is not a std::exception";
    }
}

// Runs run_one in a child process, so that a crash or an endless loop is reported as a FAIL of this function.
std::string run_isolated(const Graded& g, const Context& ctx, unsigned timeout_s) {
    int fd[2];
    if (pipe(fd) != 0) return run_one(g, ctx);
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return run_one(g, ctx);
    }
    if (pid == 0) {
        close(fd[0]);
        alarm(timeout_s);
        const std::string v = run_one(g, ctx);
        std::cout.flush();  // anything the student's code printed
        std::size_t off = 0;
        while (off < v.size()) {
            const ssize_t n = write(fd[1], v.data() + off, v.size() - off);
            if (n <= 0) break;
            off += static_cast<std::size_t>(n);
        }
        close(fd[1]);
        _exit(0);
    }
    close(fd[1]);
    std::string v;
    char buf[4096];
    for (ssize_t n; (n = read(fd[0], buf, sizeof buf)) > 0;) v.append(buf, static_cast<std::size_t>(n));
    close(fd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        if (sig == SIGALRM)
            return "Fstill running after " + std::to_string(timeout_s) + " s (an endless loop?): stopped";
        return std::string("Fcrashed (") + strsignal(sig) + ")";
    }
    if (v.empty()) return "Fstopped without a result (exit status " + std::to_string(WEXITSTATUS(status)) + ")";
    return v;
}

int usage() {
    std::cerr << "usage: grade [--source DIR] [--only NAME] [--no-fork] [--require-all] [--timeout SECONDS]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string source, only;
    bool fork_each = true, require_all = false;
    unsigned timeout_s = 60;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--source" && i + 1 < argc) source = argv[++i];
        else if (a == "--only" && i + 1 < argc) only = argv[++i];
        else if (a == "--timeout" && i + 1 < argc) timeout_s = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (a == "--no-fork") fork_each = false;
        else if (a == "--require-all") require_all = true;
        else return usage();
    }
    if (!only.empty()) {
        bool known = false;
        for (const auto& g : graded()) known = known || only == g.name;
        if (!known) {
            std::cerr << "grade: no graded function named \"" << only << "\"\n";
            return 2;
        }
    }

    if (!source.empty()) std::cout << "Grading " << source << "\n";
    std::set<std::string> passed;
    int score = 0, total = 0;
    for (const auto& g : graded()) {
        if (!only.empty() && only != g.name) continue;
        Context ctx;
        std::string failing_helper;
        for (const char* c : g.calls)
            if (!passed.count(c) && failing_helper.empty()) failing_helper = c;
        // With --only, the helpers were not graded: assume they pass.
        ctx.helpers_pass = failing_helper.empty() || !only.empty();
        const std::string v = fork_each ? run_isolated(g, ctx, timeout_s) : run_one(g, ctx);
        ++total;
        if (v == "P") {
            ++score;
            passed.insert(g.name);
            std::cout << "PASS  " << g.name;
            if (!ctx.helpers_pass)
                std::cout << "  (checked with your " << failing_helper << ", which fails: the notebook's values "
                          << "follow once it passes)";
            std::cout << "\n";
        } else {
            std::cout << "FAIL  " << g.name << ": " << v.substr(1) << "\n";
        }
        std::cout.flush();
    }
    std::cout << "Score: " << score << "/" << total << "\n";
    return require_all && score != total ? 1 : 0;
}
