// course/grader.cpp - the checks of the graded functions (weeks 2, 3 and 4), the symptoms and their hints, and
// the report.
#include "course/grader.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <cctype>
#include <cstring>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

#include "course/expected_logistic_regression.hpp"
#include "course/expected_outputs.hpp"
#include "course/expected_planar_classification.hpp"
#include "course/expected_python_basics.hpp"
#include "course/notebook_check.hpp"
#include "course/test_cases.hpp"
#include "course/test_cases_logistic_regression.hpp"
#include "course/test_cases_planar_classification.hpp"
#include "course/test_cases_python_basics.hpp"
#include "matrix/np.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"
#include "nn/nn.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/python_basics/python_basics.hpp"

namespace dnn::grading {

Functions notebook_functions() {
    Functions f;
    f.initialize_parameters = &dnn::initialize_parameters;
    f.initialize_parameters_deep = &dnn::initialize_parameters_deep;
    f.linear_forward = &dnn::linear_forward;
    f.linear_activation_forward = &dnn::linear_activation_forward;
    f.L_model_forward = &dnn::L_model_forward;
    f.compute_cost = &dnn::compute_cost;
    f.linear_backward = &dnn::linear_backward;
    f.linear_activation_backward = &dnn::linear_activation_backward;
    f.L_model_backward = &dnn::L_model_backward;
    f.update_parameters = &dnn::update_parameters;

    f.basics.basic_sigmoid = &basics::basic_sigmoid;
    f.basics.sigmoid = &basics::sigmoid;
    f.basics.sigmoid_derivative = &basics::sigmoid_derivative;
    f.basics.image2vector = &basics::image2vector;
    f.basics.normalize_rows = &basics::normalize_rows;
    f.basics.softmax = &basics::softmax;
    f.basics.L1 = &basics::L1;
    f.basics.L2 = &basics::L2;

    f.logistic.sigmoid = &logistic::sigmoid;
    f.logistic.initialize_with_zeros = &logistic::initialize_with_zeros;
    f.logistic.propagate = &logistic::propagate;
    f.logistic.optimize = &logistic::optimize;
    f.logistic.predict = &logistic::predict;
    f.logistic.model = &logistic::model;

    f.planar.layer_sizes = &planar::layer_sizes;
    f.planar.initialize_parameters = &planar::initialize_parameters;
    f.planar.forward_propagation = &planar::forward_propagation;
    f.planar.compute_cost = &planar::compute_cost;
    f.planar.backward_propagation = &planar::backward_propagation;
    f.planar.update_parameters = &planar::update_parameters;
    f.planar.nn_model = &planar::nn_model;
    f.planar.predict = &planar::predict;
    return f;
}

const std::vector<Notebook>& notebooks() {
    static const std::vector<Notebook> n = {
        {"Python Basics with Numpy (W2A1)", "basics::", "nn/python_basics/python_basics.hpp"},
        {"Logistic Regression with a Neural Network mindset (W2A2)", "logistic::",
         "nn/logistic_regression/logistic_regression.hpp"},
        {"Planar data classification with one hidden layer (W3A1)", "planar::",
         "nn/planar_classification/planar_classification.hpp"},
        {"Building your Deep Neural Network: Step by Step (W4A1)", "", "nn/step_by_step.hpp"},
    };
    return n;
}

// ---- the hints ---------------------------------------------------------------------------------------------

const std::vector<Hint>& hint_table() {
    static const std::vector<Hint> table = {
        {Symptom::not_implemented, "not_implemented",
         "replace the placeholder between START CODE HERE and END CODE HERE with your code; nn/step_by_step.hpp "
         "says what the function computes and the shapes.",
         "START CODE HERE와 END CODE HERE 사이의 자리표시자를 여러분의 코드로 바꾸세요. 함수가 계산할 내용과 "
         "shape은 nn/step_by_step.hpp에 있습니다."},
        {Symptom::crash, "crash",
         "a crash is most often an index past the end of a matrix or a list; course/README.md shows how to run "
         "the grader on this function alone in a debugger, to see the line.",
         "충돌은 대개 행렬이나 리스트의 끝을 넘는 인덱스 때문입니다. 이 함수만 디버거에서 채점해 어느 줄인지 "
         "보는 방법은 course/README.md에 있습니다."},
        {Symptom::timeout, "timeout",
         "an endless loop: check each loop's condition, and that its counter moves toward it (a loop that counts "
         "down needs --).",
         "무한 루프입니다. 반복문의 조건과, 카운터가 그 조건 쪽으로 움직이는지 확인하세요(거꾸로 세는 반복문은 "
         "--가 필요합니다)."},
        {Symptom::exception, "exception",
         "read the error: it names the operation and the shapes it was given. Compare them with the shapes in the "
         "comments of nn/step_by_step.hpp.",
         "오류 메시지를 읽어 보세요. 연산 이름과 받은 shape이 나옵니다. nn/step_by_step.hpp 주석의 shape과 "
         "비교하세요."},
        {Symptom::key, "key",
         "a dict key is missing, misspelled or extra: keys are a letter and a layer number (\"W\" + str(l), "
         "\"dA\" + str(l)); check the layer each one belongs to.",
         "딕셔너리 키가 없거나, 철자가 틀렸거나, 남습니다. 키는 문자와 층 번호로 만듭니다(\"W\" + str(l), "
         "\"dA\" + str(l)). 각 키가 몇 번째 층의 것인지 확인하세요."},
        {Symptom::index, "index",
         "an index past the end: a list of L caches has the indices 0 .. L-1, as in Python.",
         "끝을 넘는 인덱스입니다. 캐시가 L개인 리스트의 인덱스는 파이썬처럼 0 .. L-1입니다."},
        {Symptom::sum_shape, "sum_shape",
         "db has the wrong shape: check the axis of the sum (axis 1 adds along each row, over the examples) and "
         "keepdims (true keeps the result a column).",
         "db의 shape이 틀렸습니다. 합의 축(axis 1은 각 행을 따라 예제들을 더함)과 keepdims(true이면 결과가 "
         "열로 남음)를 확인하세요."},
        {Symptom::transposed, "transposed",
         "the shape is the expected one transposed: check the order of the two factors of np::dot and which one "
         "takes .T().",
         "shape이 기대한 shape을 전치한 것입니다. np::dot의 두 인자 순서와, 어느 쪽에 .T()를 붙였는지 "
         "확인하세요."},
        {Symptom::shape, "shape",
         "the shape is wrong: compare each intermediate result's shape with the comments of nn/step_by_step.hpp "
         "(Z and A are (n[l], m), W is (n[l], n[l-1]), b is (n[l], 1)).",
         "shape이 틀렸습니다. 중간 결과마다 shape을 nn/step_by_step.hpp 주석과 비교하세요(Z와 A는 (n[l], m), "
         "W는 (n[l], n[l-1]), b는 (n[l], 1))."},
        {Symptom::sign, "sign",
         "every value has the opposite sign: check the minus sign in front of the cost or of dAL, and which way "
         "round each difference is taken.",
         "모든 값의 부호가 반대입니다. 비용 식이나 dAL 식 앞의 마이너스 부호와, 뺄셈의 순서가 맞는지 확인하세요."},
        {Symptom::factor_m, "factor_m",
         "every value is off by a factor of m, the number of examples: check the 1/m (an average over the m "
         "examples divides by m exactly once).",
         "모든 값이 예제 수 m배만큼 다릅니다. 1/m을 확인하세요(m개 예제의 평균은 m으로 정확히 한 번 나눕니다)."},
        {Symptom::factor, "factor",
         "every value is off by the same factor: check the constants you multiply by (0.01 for the initial "
         "weights, the learning rate).",
         "모든 값이 같은 배수만큼 다릅니다. 곱하는 상수(초기 가중치의 0.01, 학습률)를 확인하세요."},
        {Symptom::row_offset, "row_offset",
         "each row is off by the same amount in every column: check the bias b, which is added once to every "
         "column.",
         "각 행이 모든 열에서 같은 만큼 다릅니다. 편향 b를 확인하세요. b는 모든 열에 한 번씩 더해집니다."},
        {Symptom::activation, "activation",
         "these are the values of another activation: check which activation each branch, or each layer, uses "
         "(the hidden layers: relu in week 4, tanh in week 3; the output layer: sigmoid), and in a backward step "
         "which activation's derivative.",
         "다른 활성화 함수의 값입니다. 각 분기나 각 층이 어떤 활성화 함수를 쓰는지 확인하세요(은닉층은 4주차에서 "
         "relu, 3주차에서 tanh이고 출력층은 sigmoid). 역전파 단계라면 어느 활성화 함수의 도함수를 썼는지도 "
         "확인하세요."},
        {Symptom::zeros, "zeros",
         "every value is 0: in C++, 1 / m with an integer m is 0 (1.0 / m is not); or a result is never "
         "assigned.",
         "모든 값이 0입니다. C++에서 m이 정수이면 1 / m은 0입니다(1.0 / m은 아님). 아니면 결과를 대입하지 않은 "
         "것입니다."},
        {Symptom::random, "random",
         "the random numbers differ: check the seed, and the order and shapes of the draws (W1 before W2, each "
         "W (n[l], n[l-1])).",
         "난수가 다릅니다. 시드와, 난수를 뽑는 순서와 shape을 확인하세요(W1을 W2보다 먼저, 각 W는 "
         "(n[l], n[l-1]))."},
        {Symptom::update_direction, "update_direction",
         "the parameters moved up the gradient: gradient descent steps against it.",
         "매개변수가 기울기 방향으로 움직였습니다. 경사 하강은 기울기의 반대 방향으로 갑니다."},
        {Symptom::count, "count",
         "a count is off: L_model_forward keeps one cache per layer, the hidden layers' and the output layer's; "
         "optimize records the cost of every 100th iteration, starting with the first.",
         "개수가 틀렸습니다. L_model_forward는 은닉층과 출력층을 포함해 층마다 캐시를 하나씩 보관하고, optimize는 "
         "첫 반복부터 100번째 반복마다 비용을 기록합니다."},
        {Symptom::cache, "cache",
         "a cache holds the wrong array: the linear cache is the layer's input (A_prev, W, b); the activation "
         "cache is Z, the activation's input (not its output A). In week 3 the cache holds Z1, A1, Z2 and A2, "
         "each under its own key.",
         "캐시에 다른 배열이 들어 있습니다. 선형 캐시는 그 층의 입력 (A_prev, W, b)이고, 활성화 캐시는 활성화 "
         "함수의 입력인 Z입니다(출력 A가 아님). 3주차의 캐시에는 Z1, A1, Z2, A2가 각자의 키로 들어갑니다."},
        {Symptom::axis, "axis",
         "each row is divided by a sum or a norm taken over another axis: axis 1 works along each row (one "
         "result per row), axis 0 down each column; keepdims true keeps the result a column, which broadcasts "
         "over its row.",
         "각 행을 다른 축으로 구한 합이나 노름으로 나눴습니다. axis 1은 각 행을 따라 계산해 행마다 결과가 하나이고, "
         "axis 0은 각 열을 따라 계산합니다. keepdims가 true이면 결과가 열로 남아 그 행에 브로드캐스트됩니다."},
        {Symptom::values, "values",
         "compare your lines with the formulas in nn/step_by_step.hpp, one intermediate result at a time; make "
         "replay prints the notebook's values of each step.",
         "중간 결과를 하나씩 nn/step_by_step.hpp의 식과 비교해 보세요. make replay가 단계마다 노트북의 값을 "
         "보여 줍니다."},
    };
    return table;
}

const Hint& hint_for(Symptom symptom) {
    for (const Hint& h : hint_table())
        if (h.symptom == symptom) return h;
    return hint_table().back();
}

namespace {

// The notebook a graded function's name belongs to (week 4 for an unqualified name).
const Notebook& notebook_of(const std::string& function) {
    for (const Notebook& n : notebooks())
        if (*n.qualifier && function.rfind(n.qualifier, 0) == 0) return n;
    return notebooks().back();
}

// "logistic::propagate" -> "propagate"
std::string short_name(const std::string& name) {
    const auto colon = name.rfind("::");
    return colon == std::string::npos ? name : name.substr(colon + 2);
}

}  // namespace

std::string hint_text(Symptom symptom, const std::string& function, bool korean) {
    const Hint& h = hint_for(symptom);
    std::string text = korean ? h.ko : h.en;
    const std::string week4 = "nn/step_by_step.hpp", header = notebook_of(function).header;
    for (auto at = text.find(week4); at != std::string::npos; at = text.find(week4, at + header.size()))
        text.replace(at, week4.size(), header);
    return text;
}

namespace {

// ---- failures and their symptoms ----------------------------------------------------------------------------

// Thrown by a check: the first difference found, as one readable line, and what it looks like.
struct Fail {
    std::string message;
    Symptom symptom;
};

// What a check knows that tells one mistake from another.
struct Clues {
    double m = 0;                                        // the number of examples, where a 1/m belongs
    bool random = false;                                 // the values are random draws
    std::vector<std::pair<Symptom, Matrix>> alternates;  // what a usual mistake gives instead
};

// Equal up to the rounding of another order of the same operations.
bool near(double actual, double expected) {
    return std::fabs(actual - expected) <= 1e-9 * std::max(1.0, std::fabs(expected)) && !std::isnan(actual);
}

bool all_near(const Matrix& a, const Matrix& e) {
    if (a.shape() != e.shape()) return false;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j)
            if (!near(a(i, j), e(i, j))) return false;
    return true;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// "db", "db1" or grads["db2"]: a bias gradient.
bool is_db(const std::string& name) {
    return name == "db" || (name.size() > 2 && name.compare(0, 2, "db") == 0 && std::isdigit(static_cast<unsigned char>(name[2]))) ||
           contains(name, "[\"db");
}

Symptom shape_symptom(const std::string& name, Shape got, Shape want) {
    if (contains(name, "cache")) return Symptom::cache;
    if (is_db(name)) return Symptom::sum_shape;
    if (got.rows == want.cols && got.cols == want.rows) return Symptom::transposed;
    return Symptom::shape;
}

// A ratio that is more than a coincidence for a single number: -1, m, 1/m or a power of ten.
bool telling_ratio(double r, double m) {
    if (near(r, -1) || (m > 1 && (near(r, m) || near(r, 1 / m)))) return true;
    for (double p = 10; p <= 1e6; p *= 10)
        if (near(r, p) || near(r, 1 / p)) return true;
    return false;
}

Symptom value_symptom(const std::string& name, const Matrix& a, const Matrix& e, const Clues& clues) {
    if (contains(name, "cache")) return Symptom::cache;
    for (const auto& [symptom, alternate] : clues.alternates)
        if (all_near(a, alternate)) return symptom;
    bool a_zero = true, e_zero = true;
    for (std::size_t i = 0; i < a.rows(); ++i)
        for (std::size_t j = 0; j < a.cols(); ++j) {
            a_zero = a_zero && a(i, j) == 0;
            e_zero = e_zero && e(i, j) == 0;
        }
    if (a_zero && !e_zero) return Symptom::zeros;
    // One ratio actual / expected everywhere (where expected is 0, actual must be 0 too).
    double ratio = std::nan("");
    bool constant = true;
    for (std::size_t i = 0; i < a.rows() && constant; ++i)
        for (std::size_t j = 0; j < a.cols() && constant; ++j) {
            if (e(i, j) == 0) {
                constant = a(i, j) == 0;
            } else if (std::isnan(ratio)) {
                ratio = a(i, j) / e(i, j);
            } else {
                constant = near(a(i, j) / e(i, j), ratio);
            }
        }
    if (constant && !std::isnan(ratio) && !near(ratio, 1) && (a.size() > 1 || telling_ratio(ratio, clues.m))) {
        if (near(ratio, -1)) return Symptom::sign;
        if (clues.m > 1 && (near(ratio, clues.m) || near(ratio, 1 / clues.m))) return Symptom::factor_m;
        return Symptom::factor;
    }
    // The same difference across each row.
    if (a.cols() > 1) {
        bool offset = true;
        for (std::size_t i = 0; i < a.rows() && offset; ++i)
            for (std::size_t j = 1; j < a.cols() && offset; ++j)
                offset = near(a(i, j) - e(i, j), a(i, 0) - e(i, 0));
        if (offset) return Symptom::row_offset;
    }
    return clues.random ? Symptom::random : Symptom::values;
}

std::string shape_str(const Matrix& m) { return to_string(m.shape()); }

std::string element(const std::string& name, std::size_t i, std::size_t j) {
    return name + "(" + std::to_string(i) + ", " + std::to_string(j) + ")";
}

// ---- comparisons ----------------------------------------------------------------------------------------------

// `actual` against the notebook's printed value: shape first, then each value to the printed digits. A student's
// different but exact formulation (a sum in another order) may differ from numpy's last printed digit of a
// 16-digit value, so an element also passes within 1e-12 of it. `reference` is the notebook's function's exact
// result, which tells the symptom (the printed values are rounded).
void expect_printed(const std::string& name, const Matrix& actual, const char* printed, const Matrix& reference,
                    const Clues& clues = {}, const std::string& note = "") {
    const auto numbers = notebook::parse_printed(printed);
    const Shape want = notebook::printed_shape(printed);
    if (actual.shape() != want)
        throw Fail{name + " has shape " + shape_str(actual) + " but the notebook's has shape " + to_string(want) + note,
                   shape_symptom(name, actual.shape(), want)};
    if (notebook::compare_printed(actual, printed).same) return;
    for (std::size_t k = 0; k < numbers.size(); ++k) {
        const std::size_t i = k / actual.cols(), j = k % actual.cols();
        const double a = actual(i, j), e = numbers[k].value;
        if (!(std::fabs(a - e) <= std::max(numbers[k].half_unit * (1 + 1e-9), 1e-12 * std::max(1.0, std::fabs(e)))))
            throw Fail{element(name, i, j) + " is " + py_repr(a) + " but the notebook printed " + py_repr(e) + note,
                       value_symptom(name, actual, reference, clues)};
    }
}

void expect_printed(const std::string& name, double actual, const char* printed, double reference,
                    const Clues& clues = {}) {
    if (notebook::compare_printed(actual, printed).same) return;
    const double e = notebook::parse_printed(printed).at(0).value;
    if (std::fabs(actual - e) <= 1e-12 * std::max(1.0, std::fabs(e))) return;
    throw Fail{name + " is " + py_repr(actual) + " but the notebook printed " + printed,
               value_symptom(name, Matrix{{actual}}, Matrix{{reference}}, clues)};
}

// An integer the notebook printed, e.g. len(caches) = 3.
void expect_count(const std::string& name, std::size_t actual, const char* printed) {
    const std::string got = std::to_string(actual);
    if (got != printed) throw Fail{name + " is " + got + " but the notebook printed " + printed, Symptom::count};
}

// The first difference between `actual` and the reference `expected`, or nothing.
struct Difference {
    std::string message;  // empty: they agree
    Symptom symptom = Symptom::values;
};

Difference difference(const std::string& name, const Matrix& actual, const Matrix& expected, const Clues& clues = {}) {
    if (actual.shape() != expected.shape())
        return {name + " has shape " + shape_str(actual) + " but it should have shape " + shape_str(expected),
                shape_symptom(name, actual.shape(), expected.shape())};
    for (std::size_t i = 0; i < actual.rows(); ++i)
        for (std::size_t j = 0; j < actual.cols(); ++j)
            if (!near(actual(i, j), expected(i, j)))
                return {element(name, i, j) + " is " + py_repr(actual(i, j)) + " but it should be " +
                            py_repr(expected(i, j)),
                        value_symptom(name, actual, expected, clues)};
    return {};
}

// A hidden check: no difference from the reference; `where` says which hidden case (the student cannot see it).
void expect_same(const Difference& d, const std::string& where) {
    if (!d.message.empty()) throw Fail{"hidden check " + where + ": " + d.message, d.symptom};
}

void expect_matrix(const std::string& name, const Matrix& actual, const Matrix& expected, const std::string& where,
                   const Clues& clues = {}) {
    expect_same(difference(name, actual, expected, clues), where);
}

void expect_scalar(const std::string& name, double actual, double expected, const std::string& where,
                   const Clues& clues = {}) {
    if (!near(actual, expected))
        throw Fail{"hidden check " + where + ": " + name + " is " + py_repr(actual) + " but it should be " +
                       py_repr(expected),
                   value_symptom(name, Matrix{{actual}}, Matrix{{expected}}, clues)};
}

std::string prefix(const std::string& where) { return where.empty() ? "" : "hidden check " + where + ": "; }

// dict[key], or a Fail naming the missing key.
const Matrix& entry(const ArrayDict& d, const std::string& dict_name, const std::string& key, const std::string& where) {
    const auto it = d.find(key);
    if (it == d.end())
        throw Fail{prefix(where) + dict_name + " has no key \"" + key + "\" (it has: " + d.key_list() + ")",
                   Symptom::key};
    return it->second;
}

void expect_keys(const ArrayDict& d, const std::string& dict_name, const std::vector<std::string>& keys,
                 const std::string& where) {
    for (const auto& k : keys) entry(d, dict_name, k, where);
    if (d.size() != keys.size())
        throw Fail{prefix(where) + dict_name + " has " + std::to_string(d.size()) + " entries (" + d.key_list() +
                       ") but it should have " + std::to_string(keys.size()) + " (" + key_list(keys) + ")",
                   Symptom::key};
}

// Every entry of `want` in `got`, in layer order (a missing key first); `alternates` are dicts a usual mistake
// gives instead, each with its symptom.
Difference dict_difference(const std::string& dict_name, const ArrayDict& got, const ArrayDict& want,
                           const std::vector<std::pair<Symptom, ArrayDict>>& alternates = {}, const Clues& base = {}) {
    for (const std::string& key : layer_order(want))
        if (!got.count(key))
            return {dict_name + " has no key \"" + key + "\" (it has: " + got.key_list() + ")", Symptom::key};
    for (const std::string& key : layer_order(want)) {
        Clues clues = base;
        for (const auto& [symptom, alt] : alternates)
            if (alt.count(key)) clues.alternates.push_back({symptom, alt.at(key)});
        const Difference d = difference(dict_name + "[\"" + key + "\"]", got.at(key), want.at(key), clues);
        if (!d.message.empty()) return d;
    }
    if (got.size() != want.size())
        return {dict_name + " has " + std::to_string(got.size()) + " entries (" + got.key_list() +
                    ") but it should have " + std::to_string(want.size()) + " (" + want.key_list() + ")",
                Symptom::key};
    return {};
}

Matrix random_matrix(std::size_t rows, std::size_t cols) { return np::random::randn(rows, cols); }

// ---- the checks, one per graded function ------------------------------------------------------------------------

void check_initialize_parameters(const Functions& f) {
    namespace ex = notebook::expected;
    Clues draws;
    draws.random = true;
    const Parameters p = f.initialize_parameters(3, 2, 1);
    const Parameters want = initialize_parameters(3, 2, 1);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::init_W1, want["W1"], draws);
    expect_printed("b1", p["b1"], ex::init_b1, want["b1"]);
    expect_printed("W2", p["W2"], ex::init_W2, want["W2"], draws);
    expect_printed("b2", p["b2"], ex::init_b2, want["b2"]);

    const std::string where = "initialize_parameters(4, 5, 2)";
    const Parameters got = f.initialize_parameters(4, 5, 2);
    expect_keys(got, "parameters", {"W1", "b1", "W2", "b2"}, where);
    expect_same(dict_difference("parameters", got, initialize_parameters(4, 5, 2), {}, draws), where);
}

void check_initialize_parameters_deep(const Functions& f) {
    namespace ex = notebook::expected;
    Clues draws;
    draws.random = true;
    const Parameters p = f.initialize_parameters_deep({5, 4, 3});
    const Parameters want = initialize_parameters_deep({5, 4, 3});
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::deep_W1, want["W1"], draws);
    expect_printed("b1", p["b1"], ex::deep_b1, want["b1"]);
    expect_printed("W2", p["W2"], ex::deep_W2, want["W2"], draws);
    expect_printed("b2", p["b2"], ex::deep_b2, want["b2"]);

    const std::string where = "initialize_parameters_deep([4, 3, 2, 1])";
    const Parameters got = f.initialize_parameters_deep({4, 3, 2, 1});
    expect_keys(got, "parameters", {"W1", "b1", "W2", "b2", "W3", "b3"}, where);
    expect_same(dict_difference("parameters", got, initialize_parameters_deep({4, 3, 2, 1}), {}, draws), where);
}

void check_linear_forward(const Functions& f) {
    auto [A, W, b] = test_cases::linear_forward_test_case();
    auto [Z, cache] = f.linear_forward(A, W, b);
    expect_printed("Z", Z, notebook::expected::linear_forward_Z, linear_forward(A, W, b).Z);

    const std::string where = "(A (4, 3), W (2, 4), b (2, 1))";
    np::random::seed(7);
    const Matrix A2 = random_matrix(4, 3), W2 = random_matrix(2, 4), b2 = random_matrix(2, 1);
    auto [Z2, cache2] = f.linear_forward(A2, W2, b2);
    expect_matrix("Z", Z2, linear_forward(A2, W2, b2).Z, where);
    expect_matrix("cache.A_prev", cache2.A_prev, A2, where);
    expect_matrix("cache.W", cache2.W, W2, where);
    expect_matrix("cache.b", cache2.b, b2, where);
}

const char* other_activation(const std::string& activation) { return activation == "sigmoid" ? "relu" : "sigmoid"; }

// The first difference between two layer caches ((A_prev, W, b), Z), or nothing.
Difference cache_difference(const std::string& name, const LayerCache& got, const LayerCache& want) {
    for (const Difference& d :
         {difference(name + ".linear_cache.A_prev", got.linear_cache.A_prev, want.linear_cache.A_prev),
          difference(name + ".linear_cache.W", got.linear_cache.W, want.linear_cache.W),
          difference(name + ".linear_cache.b", got.linear_cache.b, want.linear_cache.b),
          difference(name + ".activation_cache (Z)", got.activation_cache, want.activation_cache)})
        if (!d.message.empty()) return d;
    return {};
}

// One layer's forward result (A and its cache) against the reference.
Difference layer_forward_difference(const LinearActivationForwardResult& got, const LinearActivationForwardResult& want,
                                    const Clues& clues) {
    const Difference d = difference("A", got.A, want.A, clues);
    return d.message.empty() ? cache_difference("cache", got.cache, want.cache) : d;
}

// What the usual mistakes of one layer's forward step give for A: the other activation, b left out or added twice.
Clues layer_forward_clues(const Matrix& A_prev, const Matrix& W, const Matrix& b, const std::string& activation) {
    const auto g = [&](const Matrix& Z) { return activation == "sigmoid" ? sigmoid(Z).A : relu(Z).A; };
    Clues clues;
    clues.alternates.push_back({Symptom::activation, linear_activation_forward(A_prev, W, b, other_activation(activation)).A});
    clues.alternates.push_back({Symptom::row_offset, g(np::dot(W, A_prev))});
    clues.alternates.push_back({Symptom::row_offset, g(np::dot(W, A_prev) + 2.0 * b)});
    return clues;
}

void check_linear_activation_forward(const Functions& f) {
    namespace ex = notebook::expected;
    // (named references, not a structured binding: clang before 16 cannot capture bindings in a lambda)
    const auto tc = test_cases::linear_activation_forward_test_case();
    const Matrix &A_prev = tc.A, &W = tc.W, &b = tc.b;
    np::random::seed(8);
    const Matrix A2 = random_matrix(4, 5), W2 = random_matrix(3, 4), b2 = random_matrix(3, 1);
    for (const std::string activation : {"sigmoid", "relu"}) {
        const std::string note = " (activation \"" + activation + "\")";
        const auto got = f.linear_activation_forward(A_prev, W, b, activation);
        const Clues clues = layer_forward_clues(A_prev, W, b, activation);
        const auto want = linear_activation_forward(A_prev, W, b, activation);
        expect_printed("A", got.A, activation == "sigmoid" ? ex::sigmoid_A : ex::relu_A, want.A, clues, note);
        expect_same(layer_forward_difference(got, want, clues), "(the notebook's case" + note + ")");

        const auto got2 = f.linear_activation_forward(A2, W2, b2, activation);
        expect_same(layer_forward_difference(got2, linear_activation_forward(A2, W2, b2, activation),
                                             layer_forward_clues(A2, W2, b2, activation)),
                    "(A_prev (4, 5), W (3, 4), b (3, 1)" + note + ")");
    }
}

// The notebook's forward pass with relu and sigmoid swapped: what a swap of the activations gives.
LModelForwardResult swapped_forward(const Matrix& X, const Parameters& parameters) {
    const int L = static_cast<int>(parameters.size() / 2);
    Caches caches;
    Matrix A = X;
    for (int l = 1; l <= L; ++l) {
        auto [A_l, cache] = linear_activation_forward(A, parameters.at("W" + str(l)), parameters.at("b" + str(l)),
                                                      l < L ? "sigmoid" : "relu");
        A = A_l;
        caches.push_back(cache);
    }
    return {A, caches};
}

// AL and every cache against the reference forward pass, or nothing.
Difference forward_difference(const LModelForwardResult& got, const LModelForwardResult& want,
                              const LModelForwardResult& swapped) {
    Clues clues;
    clues.alternates.push_back({Symptom::activation, swapped.AL});
    Difference d = difference("AL", got.AL, want.AL, clues);
    if (!d.message.empty()) return d;
    if (got.caches.size() != want.caches.size())
        return {"len(caches) is " + std::to_string(got.caches.size()) + " but it should be " +
                    std::to_string(want.caches.size()) + " (one per layer)",
                Symptom::count};
    for (std::size_t l = 0; l < got.caches.size(); ++l) {
        d = cache_difference("caches[" + std::to_string(l) + "]", got.caches.at(l), want.caches.at(l));
        if (!d.message.empty()) {
            // A cached Z of the swapped pass: the activations are swapped, not the caches mixed up.
            if (all_near(got.caches.at(l).activation_cache, swapped.caches.at(l).activation_cache) &&
                !all_near(got.caches.at(l).activation_cache, want.caches.at(l).activation_cache))
                d.symptom = Symptom::activation;
            return d;
        }
    }
    return {};
}

void check_L_model_forward(const Functions& f) {
    namespace ex = notebook::expected;
    const auto tc = test_cases::L_model_forward_test_case_2hidden();
    const auto got = f.L_model_forward(tc.X, tc.parameters);
    const LModelForwardResult swapped = swapped_forward(tc.X, tc.parameters);
    const LModelForwardResult want = L_model_forward(tc.X, tc.parameters);
    Clues clues;
    clues.alternates.push_back({Symptom::activation, swapped.AL});
    expect_printed("AL", got.AL, ex::L_model_forward_AL, want.AL, clues);
    expect_count("len(caches)", got.caches.size(), ex::L_model_forward_caches);
    expect_same(forward_difference(got, want, swapped),
                "(the notebook's 3-layer case, caches)");
    const auto tc2 = test_cases::L_model_forward_test_case();
    expect_same(forward_difference(f.L_model_forward(tc2.X, tc2.parameters), L_model_forward(tc2.X, tc2.parameters),
                                   swapped_forward(tc2.X, tc2.parameters)),
                "(a 2-layer network, X (4, 2))");
}

void check_compute_cost(const Functions& f) {
    const auto [Y, AL] = test_cases::compute_cost_test_case();
    Clues clues;
    clues.m = static_cast<double>(Y.cols());
    expect_printed("cost", f.compute_cost(AL, Y), notebook::expected::cost, compute_cost(AL, Y), clues);

    const auto [Y2, AL2] = test_cases::compute_cost_test_case(test_cases::TestCases::v2);
    clues.m = static_cast<double>(Y2.cols());
    expect_scalar("cost", f.compute_cost(AL2, Y2), compute_cost(AL2, Y2), "(Y = [[1, 1, 1]])", clues);
    np::random::seed(5);
    const Matrix AL3 = np::random::rand(1, 7) * 0.9 + 0.05;
    Matrix Y3(1, 7);
    for (std::size_t j = 0; j < 7; ++j) Y3(0, j) = np::random::random_sample() < 0.5 ? 0.0 : 1.0;
    clues.m = 7;
    expect_scalar("cost", f.compute_cost(AL3, Y3), compute_cost(AL3, Y3), "(m = 7 examples)", clues);
}

Difference backward_difference(const LinearBackwardResult& got, const LinearBackwardResult& want, double m,
                               const LinearBackwardResult* swapped = nullptr) {
    const std::pair<const char*, const Matrix LinearBackwardResult::*> parts[] = {
        {"dA_prev", &LinearBackwardResult::dA_prev}, {"dW", &LinearBackwardResult::dW}, {"db", &LinearBackwardResult::db}};
    for (const auto& [name, part] : parts) {
        Clues clues;
        clues.m = m;
        if (swapped) clues.alternates.push_back({Symptom::activation, (*swapped).*part});
        const Difference d = difference(name, got.*part, want.*part, clues);
        if (!d.message.empty()) return d;
    }
    return {};
}

void check_linear_backward(const Functions& f) {
    namespace ex = notebook::expected;
    const auto [dZ, cache] = test_cases::linear_backward_test_case();
    const auto got = f.linear_backward(dZ, cache);
    Clues clues;
    clues.m = static_cast<double>(cache.A_prev.cols());
    const auto want = linear_backward(dZ, cache);
    expect_printed("dA_prev", got.dA_prev, ex::linear_backward_dA_prev, want.dA_prev, clues);
    expect_printed("dW", got.dW, ex::linear_backward_dW, want.dW, clues);
    expect_printed("db", got.db, ex::linear_backward_db, want.db, clues);

    const auto [dZ2, cache2] = test_cases::linear_backward_test_case(test_cases::TestCases::v2);
    expect_same(backward_difference(f.linear_backward(dZ2, cache2), linear_backward(dZ2, cache2), 2),
                "(dZ (1, 2), A_prev (3, 2))");
    np::random::seed(9);
    const Matrix dZ3 = random_matrix(2, 5);
    const LinearCache cache3{random_matrix(3, 5), random_matrix(2, 3), random_matrix(2, 1)};
    expect_same(backward_difference(f.linear_backward(dZ3, cache3), linear_backward(dZ3, cache3), 5),
                "(dZ (2, 5), A_prev (3, 5))");
}

void check_linear_activation_backward(const Functions& f) {
    namespace ex = notebook::expected;
    const auto tc = test_cases::linear_activation_backward_test_case();
    const Matrix& dA = tc.dA;
    const LayerCache& cache = tc.linear_activation_cache;
    np::random::seed(10);
    const Matrix A_prev = random_matrix(3, 4), W = random_matrix(2, 3), b = random_matrix(2, 1);
    const Matrix dA2 = random_matrix(2, 4);
    const LayerCache cache2{{A_prev, W, b}, np::dot(W, A_prev) + b};
    for (const std::string activation : {"sigmoid", "relu"}) {
        const std::string note = " (activation \"" + activation + "\")";
        const bool s = activation == "sigmoid";
        const auto got = f.linear_activation_backward(dA, cache, activation);
        const auto swapped = linear_activation_backward(dA, cache, other_activation(activation));
        const double m = static_cast<double>(dA.cols());
        Clues c_dA, c_dW, c_db;
        c_dA.m = c_dW.m = c_db.m = m;
        c_dA.alternates.push_back({Symptom::activation, swapped.dA_prev});
        c_dW.alternates.push_back({Symptom::activation, swapped.dW});
        c_db.alternates.push_back({Symptom::activation, swapped.db});
        const auto want = linear_activation_backward(dA, cache, activation);
        expect_printed("dA_prev", got.dA_prev, s ? ex::sigmoid_dA_prev : ex::relu_dA_prev, want.dA_prev, c_dA, note);
        expect_printed("dW", got.dW, s ? ex::sigmoid_dW : ex::relu_dW, want.dW, c_dW, note);
        expect_printed("db", got.db, s ? ex::sigmoid_db : ex::relu_db, want.db, c_db, note);
        expect_same(backward_difference(got, want, m, &swapped),
                    "(the notebook's case" + note + ")");
        const auto swapped2 = linear_activation_backward(dA2, cache2, other_activation(activation));
        expect_same(backward_difference(f.linear_activation_backward(dA2, cache2, activation),
                                        linear_activation_backward(dA2, cache2, activation), 4, &swapped2),
                    "(dA (2, 4), W (2, 3)" + note + ")");
    }
}

// The notebook's backward pass with relu and sigmoid swapped: what a swap of the activations gives.
Grads swapped_backward(const Matrix& AL, const Matrix& Y_in, const Caches& caches) {
    Grads grads;
    const int L = static_cast<int>(caches.size());
    const Matrix Y = Y_in.reshape(AL.shape());
    Matrix dA = -(np::divide(Y, AL) - np::divide(1 - Y, 1 - AL));
    for (int l = L; l >= 1; --l) {
        auto [dA_prev, dW, db] = linear_activation_backward(dA, caches.at(static_cast<std::size_t>(l - 1)),
                                                            l == L ? "relu" : "sigmoid");
        grads["dA" + str(l - 1)] = dA_prev;
        grads["dW" + str(l)] = dW;
        grads["db" + str(l)] = db;
        dA = dA_prev;
    }
    return grads;
}

void check_L_model_backward(const Functions& f) {
    namespace ex = notebook::expected;
    const auto tc = test_cases::L_model_backward_test_case();
    const Grads grads = f.L_model_backward(tc.AL, tc.Y_assess, tc.caches);
    const Grads swapped = swapped_backward(tc.AL, tc.Y_assess, tc.caches);
    Clues c_dW1, c_db1, c_dA1;
    c_dW1.alternates.push_back({Symptom::activation, swapped.at("dW1")});
    c_db1.alternates.push_back({Symptom::activation, swapped.at("db1")});
    c_dA1.alternates.push_back({Symptom::activation, swapped.at("dA1")});
    const Grads want = L_model_backward(tc.AL, tc.Y_assess, tc.caches);
    expect_printed("dW1", entry(grads, "grads", "dW1", ""), ex::grads_dW1, want.at("dW1"), c_dW1);
    expect_printed("db1", entry(grads, "grads", "db1", ""), ex::grads_db1, want.at("db1"), c_db1);
    expect_printed("dA1", entry(grads, "grads", "dA1", ""), ex::grads_dA1, want.at("dA1"), c_dA1);
    expect_same(dict_difference("grads", grads, want,
                                {{Symptom::activation, swapped}}),
                "(the notebook's case, every gradient)");
    // A 3-layer network: the notebook's L_model_forward case, with labels.
    const auto tc3 = test_cases::L_model_forward_test_case_2hidden();
    const auto [AL3, caches3] = L_model_forward(tc3.X, tc3.parameters);
    const Matrix Y3{{1, 0, 1, 1}};
    expect_same(dict_difference("grads", f.L_model_backward(AL3, Y3, caches3), L_model_backward(AL3, Y3, caches3),
                                {{Symptom::activation, swapped_backward(AL3, Y3, caches3)}}),
                "(a 3-layer network, m = 4)");
}

// parameters moved by +learning_rate * grads: the update's direction reversed.
Parameters reversed_update(Parameters parameters, const Grads& grads, double learning_rate) {
    for (auto& [key, value] : parameters)
        if (grads.count("d" + key)) value = value + learning_rate * grads.at("d" + key);
    return parameters;
}

// The notebook's printed check of an update (weeks 3 and 4): got's keys, then each printed matrix, with the
// step taken the wrong way (reversed) as a clue.
void expect_printed_update(const Parameters& got, const Parameters& want, const Parameters& reversed,
                           const std::vector<std::pair<std::string, const char*>>& printed) {
    std::vector<std::string> keys;
    for (const auto& entry : printed) keys.push_back(entry.first);
    expect_keys(got, "parameters", keys, "");
    for (const auto& [key, text] : printed) {
        Clues clues;
        clues.alternates.push_back({Symptom::update_direction, reversed.at(key)});
        expect_printed(key, got.at(key), text, want.at(key), clues);
    }
}

// A hidden check of an update: got's keys, then every matrix as the notebook's update gives it.
void expect_same_update(const Parameters& got, const Parameters& want, const Parameters& reversed,
                        const std::vector<std::string>& keys, const std::string& where) {
    expect_keys(got, "parameters", keys, where);
    expect_same(dict_difference("parameters", got, want, {{Symptom::update_direction, reversed}}), where);
}

void check_update_parameters(const Functions& f) {
    namespace ex = notebook::expected;
    const auto [parameters, grads] = test_cases::update_parameters_test_case();
    expect_printed_update(f.update_parameters(parameters, grads, 0.1), update_parameters(parameters, grads, 0.1),
                          reversed_update(parameters, grads, 0.1),
                          {{"W1", ex::update_W1}, {"b1", ex::update_b1}, {"W2", ex::update_W2}, {"b2", ex::update_b2}});

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
    expect_same_update(f.update_parameters(p3, g3, 0.05), update_parameters(p3, g3, 0.05),
                       reversed_update(p3, g3, 0.05), {"W1", "b1", "W2", "b2", "W3", "b3"}, where);
}

// ---- week 2, Python Basics with Numpy (W2A1) -------------------------------------------------------------------

// A row (1, n) of labels 0 / 1 drawn from the generator as it is.
Matrix random_labels(std::size_t n) {
    Matrix Y(1, n);
    for (std::size_t j = 0; j < n; ++j) Y(0, j) = np::random::random_sample() < 0.5 ? 0.0 : 1.0;
    return Y;
}

void check_basics_basic_sigmoid(const Functions& f) {
    namespace ex = notebook::expected::python_basics;
    expect_printed("basic_sigmoid(1)", f.basics.basic_sigmoid(1), ex::basic_sigmoid_1, basics::basic_sigmoid(1));
    for (const double x : {-2.5, 0.0, 3.0})
        expect_scalar("basic_sigmoid(" + py_repr(x) + ")", f.basics.basic_sigmoid(x), basics::basic_sigmoid(x),
                      "(other numbers)");
}

void check_basics_sigmoid(const Functions& f) {
    const Matrix t_x = test_cases::python_basics::t_x();
    expect_printed("sigmoid(t_x)", f.basics.sigmoid(t_x), notebook::expected::python_basics::sigmoid,
                   basics::sigmoid(t_x));
    np::random::seed(21);
    const Matrix x = random_matrix(3, 4) * 3;
    expect_matrix("s", f.basics.sigmoid(x), basics::sigmoid(x), "(x (3, 4))");
}

void check_basics_sigmoid_derivative(const Functions& f) {
    const Matrix t_x = test_cases::python_basics::t_x();
    expect_printed("sigmoid_derivative(t_x)", f.basics.sigmoid_derivative(t_x),
                   notebook::expected::python_basics::sigmoid_derivative, basics::sigmoid_derivative(t_x));
    np::random::seed(22);
    const Matrix x = random_matrix(2, 5) * 2;
    expect_matrix("ds", f.basics.sigmoid_derivative(x), basics::sigmoid_derivative(x), "(x (2, 5))");
}

void check_basics_image2vector(const Functions& f) {
    const basics::Array3D image = test_cases::python_basics::image();
    expect_printed("image2vector(image)", f.basics.image2vector(image), notebook::expected::python_basics::image2vector,
                   basics::image2vector(image));
    np::random::seed(23);
    basics::Array3D image2;
    image2.shape = {2, 3, 4};
    const Matrix values = np::random::rand(1, 24);
    for (std::size_t k = 0; k < 24; ++k) image2.data.push_back(values(0, k));
    expect_matrix("v", f.basics.image2vector(image2), basics::image2vector(image2), "(an image of shape (2, 3, 4))");
}

// x divided by its norm or sum over another axis: what the usual mistakes of normalize_rows and softmax give.
Clues axis_clues(const Matrix& x, bool softmax) {
    Clues clues;
    if (softmax) {
        const Matrix e = np::exp(x);
        clues.alternates.push_back({Symptom::axis, e / np::sum(e, 0, true)});
        clues.alternates.push_back({Symptom::axis, e / np::sum(e)});
    } else {
        clues.alternates.push_back({Symptom::axis, x / np::linalg::norm(x, 0, true)});
    }
    return clues;
}

void check_basics_normalize_rows(const Functions& f) {
    const Matrix x = test_cases::python_basics::normalize_rows_x();
    expect_printed("normalize_rows(x)", f.basics.normalize_rows(x), notebook::expected::python_basics::normalize_rows,
                   basics::normalize_rows(x), axis_clues(x, false));
    np::random::seed(24);
    const Matrix x2 = random_matrix(3, 4);
    expect_matrix("normalize_rows(x)", f.basics.normalize_rows(x2), basics::normalize_rows(x2), "(x (3, 4))",
                  axis_clues(x2, false));
}

void check_basics_softmax(const Functions& f) {
    const Matrix x = test_cases::python_basics::softmax_x();
    expect_printed("softmax(x)", f.basics.softmax(x), notebook::expected::python_basics::softmax, basics::softmax(x),
                   axis_clues(x, true));
    np::random::seed(25);
    const Matrix x2 = random_matrix(3, 5);
    expect_matrix("softmax(x)", f.basics.softmax(x2), basics::softmax(x2), "(x (3, 5))", axis_clues(x2, true));
}

void check_basics_loss(const Functions& f, bool l2) {
    const auto [yhat, y] = test_cases::python_basics::loss_case();
    const auto mine = l2 ? f.basics.L2 : f.basics.L1;
    const auto reference = l2 ? &basics::L2 : &basics::L1;
    const std::string name = l2 ? "L2" : "L1";
    expect_printed(name, mine(yhat, y), l2 ? notebook::expected::python_basics::L2 : notebook::expected::python_basics::L1,
                   reference(yhat, y));
    np::random::seed(26);
    const Matrix yhat2 = np::random::rand(1, 6), y2 = random_labels(6);
    expect_scalar(name, mine(yhat2, y2), reference(yhat2, y2), "(m = 6)");
}

void check_basics_L1(const Functions& f) { check_basics_loss(f, false); }
void check_basics_L2(const Functions& f) { check_basics_loss(f, true); }

// ---- week 2, Logistic Regression with a Neural Network mindset (W2A2) ------------------------------------------

void check_logistic_sigmoid(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const Matrix z{{0, 2}}, z2{{0.5, 0, 2.0}};
    expect_printed("sigmoid([0, 2])", f.logistic.sigmoid(z), ex::sigmoid_0_2, logistic::sigmoid(z));
    expect_printed("sigmoid([0.5, 0, 2.0])", f.logistic.sigmoid(z2), ex::sigmoid_extra, logistic::sigmoid(z2));
    np::random::seed(31);
    const Matrix z3 = random_matrix(3, 4) * 3;
    expect_matrix("s", f.logistic.sigmoid(z3), logistic::sigmoid(z3), "(z (3, 4))");
}

void check_logistic_initialize_with_zeros(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const auto [w, b] = f.logistic.initialize_with_zeros(2);
    expect_printed("w", w, ex::init_w, logistic::initialize_with_zeros(2).w);
    expect_printed("b", b, ex::init_b, 0.0);
    const auto [w7, b7] = f.logistic.initialize_with_zeros(7);
    expect_matrix("w", w7, logistic::initialize_with_zeros(7).w, "(dim = 7)");
    expect_scalar("b", b7, 0.0, "(dim = 7)");
}

// propagate's dw, db and cost against the reference, or the first difference.
void expect_propagate(const logistic::PropagateResult& got, const test_cases::logistic_regression::PropagateCase& c,
                      const std::string& where) {
    const auto want = logistic::propagate(c.w, c.b, c.X, c.Y);
    Clues clues;
    clues.m = static_cast<double>(c.X.cols());
    expect_matrix("dw", got.grads.dw, want.grads.dw, where, clues);
    expect_scalar("db", got.grads.db, want.grads.db, where, clues);
    expect_scalar("cost", got.cost, want.cost, where, clues);
}

void check_logistic_propagate(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const auto c = test_cases::logistic_regression::propagate_case();
    const auto got = f.logistic.propagate(c.w, c.b, c.X, c.Y);
    const auto want = logistic::propagate(c.w, c.b, c.X, c.Y);
    Clues clues;
    clues.m = static_cast<double>(c.X.cols());
    expect_printed("dw", got.grads.dw, ex::propagate_dw, want.grads.dw, clues);
    expect_printed("db", got.grads.db, ex::propagate_db, want.grads.db, clues);
    expect_printed("cost", got.cost, ex::propagate_cost, want.cost, clues);
    const auto c2 = test_cases::logistic_regression::propagate_test();
    expect_propagate(f.logistic.propagate(c2.w, c2.b, c2.X, c2.Y), c2, "(w (3, 1), X (3, 4))");
}

// optimize with the update's direction reversed (w + learning_rate * dw): the alternate of update_direction.
logistic::OptimizeResult reversed_optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations,
                                           double learning_rate) {
    logistic::OptimizeResult r;
    for (int i = 0; i < num_iterations; ++i) {
        const auto [grads, cost] = logistic::propagate(w, b, X, Y);
        r.grads = grads;
        w = w + learning_rate * grads.dw;
        b = b + learning_rate * grads.db;
        if (i % 100 == 0) r.costs.push_back(cost);
    }
    r.params = {w, b};
    return r;
}

void check_logistic_optimize(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const auto c = test_cases::logistic_regression::propagate_case();
    const auto got = f.logistic.optimize(c.w, c.b, c.X, c.Y, 100, 0.009, false);
    const auto want = logistic::optimize(c.w, c.b, c.X, c.Y, 100, 0.009, false);
    const auto reversed = reversed_optimize(c.w, c.b, c.X, c.Y, 100, 0.009);
    Clues cw, cb;
    cw.alternates.push_back({Symptom::update_direction, reversed.params.w});
    cb.alternates.push_back({Symptom::update_direction, Matrix{{reversed.params.b}}});
    expect_printed("w", got.params.w, ex::optimize_w, want.params.w, cw);
    expect_printed("b", got.params.b, ex::optimize_b, want.params.b, cb);
    expect_printed("dw", got.grads.dw, ex::optimize_dw, want.grads.dw);
    expect_printed("db", got.grads.db, ex::optimize_db, want.grads.db);
    expect_count("len(costs)", got.costs.size(), "1");
    expect_printed("costs[0]", got.costs.at(0), "0.15900538", want.costs.at(0));

    const std::string where = "(101 iterations, learning_rate 0.1)";
    const auto c2 = test_cases::logistic_regression::optimize_test();
    const auto got2 = f.logistic.optimize(c2.w, c2.b, c2.X, c2.Y, 101, 0.1, false);
    const auto want2 = logistic::optimize(c2.w, c2.b, c2.X, c2.Y, 101, 0.1, false);
    const auto reversed2 = reversed_optimize(c2.w, c2.b, c2.X, c2.Y, 101, 0.1);
    cw.alternates = {{Symptom::update_direction, reversed2.params.w}};
    cb.alternates = {{Symptom::update_direction, Matrix{{reversed2.params.b}}}};
    expect_matrix("w", got2.params.w, want2.params.w, where, cw);
    expect_scalar("b", got2.params.b, want2.params.b, where, cb);
    expect_matrix("dw", got2.grads.dw, want2.grads.dw, where);
    expect_scalar("db", got2.grads.db, want2.grads.db, where);
    if (got2.costs.size() != want2.costs.size())
        throw Fail{"hidden check " + where + ": len(costs) is " + std::to_string(got2.costs.size()) +
                       " but it should be " + std::to_string(want2.costs.size()),
                   Symptom::count};
    for (std::size_t k = 0; k < want2.costs.size(); ++k)
        expect_scalar("costs[" + std::to_string(k) + "]", got2.costs[k], want2.costs[k], where);
}

void check_logistic_predict(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const auto c = test_cases::logistic_regression::predict_case();
    expect_printed("predict(w, b, X)", f.logistic.predict(c.w, c.b, c.X), ex::predictions,
                   logistic::predict(c.w, c.b, c.X));
    const auto c2 = test_cases::logistic_regression::predict_test();
    expect_matrix("Y_prediction", f.logistic.predict(c2.w, c2.b, c2.X), logistic::predict(c2.w, c2.b, c2.X),
                  "(w (3, 1), X (3, 3))");
    np::random::seed(33);
    const Matrix w = random_matrix(4, 1), X = random_matrix(4, 9);
    expect_matrix("Y_prediction", f.logistic.predict(w, 0.3, X), logistic::predict(w, 0.3, X), "(w (4, 1), X (4, 9))");
    const Matrix zeros = np::zeros(4, 1);
    expect_matrix("Y_prediction", f.logistic.predict(zeros, 0, X), logistic::predict(zeros, 0, X),
                  "(w = 0 and b = 0: every probability is exactly 0.5)");
}

// Every result of model against the reference.
void expect_model(const logistic::ModelResult& got, const logistic::ModelResult& want, const std::string& where) {
    if (got.costs.size() != want.costs.size())
        throw Fail{prefix(where) + "len(d[\"costs\"]) is " + std::to_string(got.costs.size()) + " but it should be " +
                       std::to_string(want.costs.size()),
                   Symptom::count};
    for (std::size_t k = 0; k < want.costs.size(); ++k)
        expect_scalar("d[\"costs\"][" + std::to_string(k) + "]", got.costs[k], want.costs[k], where);
    expect_matrix("d[\"w\"]", got.w, want.w, where);
    expect_scalar("d[\"b\"]", got.b, want.b, where);
    expect_matrix("d[\"Y_prediction_test\"]", got.Y_prediction_test, want.Y_prediction_test, where);
    expect_matrix("d[\"Y_prediction_train\"]", got.Y_prediction_train, want.Y_prediction_train, where);
    expect_scalar("d[\"learning_rate\"]", got.learning_rate, want.learning_rate, where);
    expect_scalar("d[\"num_iterations\"]", got.num_iterations, want.num_iterations, where);
}

void check_logistic_model(const Functions& f) {
    namespace ex = notebook::expected::logistic_regression;
    const auto c = test_cases::logistic_regression::model_test();
    const auto got = f.logistic.model(c.X, c.Y, c.x_test, c.y_test, 50, 0.01, false);
    const auto want = logistic::model(c.X, c.Y, c.x_test, c.y_test, 50, 0.01, false);
    expect_printed("d[\"Y_prediction_test\"]", got.Y_prediction_test, ex::model_test_Y_prediction_test,
                   want.Y_prediction_test);
    expect_printed("d[\"Y_prediction_train\"]", got.Y_prediction_train, ex::model_test_Y_prediction_train,
                   want.Y_prediction_train);
    expect_model(got, want, "(the notebook's model_test, every entry of d)");

    np::random::seed(34);
    const Matrix X = random_matrix(3, 8), Y = random_labels(8), X_test = random_matrix(3, 4), Y_test = random_labels(4);
    expect_model(f.logistic.model(X, Y, X_test, Y_test, 150, 0.05, false),
                 logistic::model(X, Y, X_test, Y_test, 150, 0.05, false),
                 "(X (3, 8), 150 iterations, learning_rate 0.05)");
}

// ---- week 3, Planar data classification with one hidden layer (W3A1) -------------------------------------------

void expect_int(const std::string& name, int actual, int expected, const std::string& where) {
    if (actual != expected)
        throw Fail{(where.empty() ? "" : "hidden check " + where + ": ") + name + " is " + std::to_string(actual) +
                       (where.empty() ? " but the notebook printed " : " but it should be ") + std::to_string(expected),
                   Symptom::values};
}

void check_planar_layer_sizes(const Functions& f) {
    const auto [X, Y] = test_cases::planar_classification::layer_sizes_test_case();
    const auto got = f.planar.layer_sizes(X, Y);
    expect_int("n_x", got.n_x, 5, "");
    expect_int("n_h", got.n_h, 4, "");
    expect_int("n_y", got.n_y, 2, "");
    const auto [X2, Y2] = test_cases::planar_classification::layer_sizes_test();
    const auto got2 = f.planar.layer_sizes(X2, Y2), want2 = planar::layer_sizes(X2, Y2);
    const std::string where = "(X (7, 5), Y (5, 5))";
    expect_int("n_x", got2.n_x, want2.n_x, where);
    expect_int("n_h", got2.n_h, want2.n_h, where);
    expect_int("n_y", got2.n_y, want2.n_y, where);
}

void check_planar_initialize_parameters(const Functions& f) {
    namespace ex = notebook::expected::planar_classification;
    Clues draws;
    draws.random = true;
    const auto init = [](auto fn, long long seed, int n_x, int n_h, int n_y) {
        np::random::seed(seed);
        return fn(n_x, n_h, n_y, planar::Seeding::v2021);
    };
    const Parameters p = init(f.planar.initialize_parameters, 2, 2, 4, 1);
    const Parameters want = init(&planar::initialize_parameters, 2, 2, 4, 1);
    expect_keys(p, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", p["W1"], ex::init_W1, want["W1"], draws);
    expect_printed("b1", p["b1"], ex::init_b1, want["b1"]);
    expect_printed("W2", p["W2"], ex::init_W2, want["W2"], draws);
    expect_printed("b2", p["b2"], ex::init_b2, want["b2"]);
    for (const auto& [seed, n_x, n_h, n_y] : {std::array<int, 4>{2, 3, 5, 2}, std::array<int, 4>{7, 4, 3, 1}}) {
        const std::string where = "(np.random.seed(" + std::to_string(seed) + "), initialize_parameters(" +
                                  std::to_string(n_x) + ", " + std::to_string(n_h) + ", " + std::to_string(n_y) + "))";
        const Parameters got = init(f.planar.initialize_parameters, seed, n_x, n_h, n_y);
        expect_keys(got, "parameters", {"W1", "b1", "W2", "b2"}, where);
        expect_same(dict_difference("parameters", got, init(&planar::initialize_parameters, seed, n_x, n_h, n_y), {},
                                    draws),
                    where);
    }
}

// The notebook's forward pass with another activation for the hidden layer (sigmoid or relu instead of tanh).
planar::ForwardResult planar_forward_with(const Matrix& X, const Parameters& p, bool relu) {
    const Matrix Z1 = np::dot(p["W1"], X) + p["b1"];
    const Matrix A1 = relu ? np::maximum(0, Z1) : planar::sigmoid(Z1);
    const Matrix Z2 = np::dot(p["W2"], A1) + p["b2"];
    const Matrix A2 = planar::sigmoid(Z2);
    return {A2, planar::Cache{{"Z1", Z1}, {"A1", A1}, {"Z2", Z2}, {"A2", A2}}};
}

Difference planar_forward_difference(const planar::ForwardResult& got, const Matrix& X, const Parameters& p) {
    const auto want = planar::forward_propagation(X, p);
    const auto sig = planar_forward_with(X, p, false), rel = planar_forward_with(X, p, true);
    Clues clues;
    clues.alternates = {{Symptom::activation, sig.A2}, {Symptom::activation, rel.A2}};
    const Difference d = difference("A2", got.A2, want.A2, clues);
    if (!d.message.empty()) return d;
    return dict_difference("cache", got.cache, want.cache, {{Symptom::activation, sig.cache}, {Symptom::activation, rel.cache}});
}

void check_planar_forward_propagation(const Functions& f) {
    namespace ex = notebook::expected::planar_classification;
    const auto [X, parameters] = test_cases::planar_classification::forward_propagation_test_case();
    const auto got = f.planar.forward_propagation(X, parameters);
    const auto want = planar::forward_propagation(X, parameters);
    const auto sig = planar_forward_with(X, parameters, false), rel = planar_forward_with(X, parameters, true);
    Clues clues;
    clues.alternates = {{Symptom::activation, sig.A2}, {Symptom::activation, rel.A2}};
    expect_printed("A2", got.A2, ex::forward_A2, want.A2, clues);
    expect_keys(got.cache, "cache", {"Z1", "A1", "Z2", "A2"}, "");
    Clues c_A1;
    c_A1.alternates = {{Symptom::activation, sig.cache["A1"]}, {Symptom::activation, rel.cache["A1"]}};
    expect_printed("cache[\"Z1\"]", got.cache["Z1"], ex::forward_test_Z1, want.cache["Z1"]);
    expect_printed("cache[\"A1\"]", got.cache["A1"], ex::forward_test_A1, want.cache["A1"], c_A1);
    expect_printed("cache[\"Z2\"]", got.cache["Z2"], ex::forward_test_Z2, want.cache["Z2"]);
    expect_same(planar_forward_difference(got, X, parameters), "(the notebook's case, every entry of cache)");

    np::random::seed(41);
    const Matrix X2 = random_matrix(3, 5);
    const Parameters p2 = {{"W1", random_matrix(4, 3)}, {"b1", random_matrix(4, 1)}, {"W2", random_matrix(1, 4)},
                           {"b2", random_matrix(1, 1)}};
    expect_same(planar_forward_difference(f.planar.forward_propagation(X2, p2), X2, p2), "(X (3, 5), n_h = 4)");
}

void check_planar_compute_cost(const Functions& f) {
    const auto c = test_cases::planar_classification::compute_cost_test_case();
    Clues clues;
    clues.m = static_cast<double>(c.Y.cols());
    expect_printed("cost", f.planar.compute_cost(c.A2, c.Y), notebook::expected::planar_classification::cost,
                   planar::compute_cost(c.A2, c.Y), clues);
    for (const int which : {1, 2}) {
        const auto c2 = test_cases::planar_classification::compute_cost_test(which);
        clues.m = static_cast<double>(c2.Y.cols());
        expect_scalar("cost", f.planar.compute_cost(c2.A2, c2.Y), planar::compute_cost(c2.A2, c2.Y),
                      "(A2 (1, 5), case " + std::to_string(which) + ")", clues);
    }
}

// The notebook's backward pass with another activation's derivative for the hidden layer (sigmoid's A1 (1 - A1)
// instead of tanh's 1 - A1^2).
Grads planar_backward_sigmoid(const Parameters& p, const planar::Cache& cache, const Matrix& X, const Matrix& Y) {
    const double m = static_cast<double>(X.cols());
    const Matrix A1 = cache["A1"], dZ2 = cache["A2"] - Y;
    const Matrix dZ1 = np::dot(p["W2"].T(), dZ2) * (A1 * (1 - A1));
    return {{"dW1", 1.0 / m * np::dot(dZ1, X.T())}, {"db1", 1.0 / m * np::sum(dZ1, 1, true)},
            {"dW2", 1.0 / m * np::dot(dZ2, A1.T())}, {"db2", 1.0 / m * np::sum(dZ2, 1, true)}};
}

void check_planar_backward_propagation(const Functions& f) {
    namespace ex = notebook::expected::planar_classification;
    const auto c = test_cases::planar_classification::backward_propagation_test_case();
    const Grads got = f.planar.backward_propagation(c.parameters, c.cache, c.X, c.Y);
    const Grads want = planar::backward_propagation(c.parameters, c.cache, c.X, c.Y);
    const Grads sig = planar_backward_sigmoid(c.parameters, c.cache, c.X, c.Y);
    expect_keys(got, "grads", {"dW1", "db1", "dW2", "db2"}, "");
    const std::pair<const char*, const char*> printed[] = {
        {"dW1", ex::backward_dW1}, {"db1", ex::backward_db1}, {"dW2", ex::backward_dW2}, {"db2", ex::backward_db2}};
    for (const auto& [key, text] : printed) {
        Clues clues;
        clues.m = static_cast<double>(c.X.cols());
        clues.alternates.push_back({Symptom::activation, sig.at(key)});
        expect_printed(key, got.at(key), text, want.at(key), clues);
    }
    const auto c2 = test_cases::planar_classification::backward_propagation_test();
    Clues base;
    base.m = static_cast<double>(c2.X.cols());
    expect_same(dict_difference("grads", f.planar.backward_propagation(c2.parameters, c2.cache, c2.X, c2.Y),
                                planar::backward_propagation(c2.parameters, c2.cache, c2.X, c2.Y),
                                {{Symptom::activation, planar_backward_sigmoid(c2.parameters, c2.cache, c2.X, c2.Y)}},
                                base),
                "(X (3, 7), n_h = 9)");
}

void check_planar_update_parameters(const Functions& f) {
    namespace ex = notebook::expected::planar_classification;
    const auto [parameters, grads] = test_cases::planar_classification::update_parameters_test_case();
    expect_printed_update(f.planar.update_parameters(parameters, grads, 1.2),
                          planar::update_parameters(parameters, grads, 1.2), reversed_update(parameters, grads, 1.2),
                          {{"W1", ex::update_W1}, {"b1", ex::update_b1}, {"W2", ex::update_W2}, {"b2", ex::update_b2}});
    const std::string where = "(n_x = 3, n_h = 5, learning_rate 0.5)";
    np::random::seed(42);
    Parameters p2;
    Grads g2;
    for (const auto& [key, rows, cols] : {std::tuple<const char*, int, int>{"W1", 5, 3}, {"b1", 5, 1}, {"W2", 1, 5},
                                          {"b2", 1, 1}}) {
        p2[key] = random_matrix(rows, cols);
        g2[std::string("d") + key] = random_matrix(rows, cols);
    }
    expect_same_update(f.planar.update_parameters(p2, g2, 0.5), planar::update_parameters(p2, g2, 0.5),
                       reversed_update(p2, g2, 0.5), {"W1", "b1", "W2", "b2"}, where);
}

// nn_model's visible check runs the notebook's 10000 iterations on four points: a smooth descent whose printed
// 8 decimals do not depend on the order of summation. Its hidden check is a short run (25 iterations), compared
// within the rounding of another order of the same operations (near()): no run here is long enough to reach the
// flower run's oscillation, where a student's correct formula in another order would print other digits.
void check_planar_nn_model(const Functions& f) {
    namespace ex = notebook::expected::planar_classification;
    const auto [X, Y] = test_cases::planar_classification::nn_model_test_case();
    const Parameters got = f.planar.nn_model(X, Y, 5, 10000, false, planar::Seeding::v2021);
    static const Parameters want = planar::nn_model(X, Y, 5, 10000, false, planar::Seeding::v2021);
    expect_keys(got, "parameters", {"W1", "b1", "W2", "b2"}, "");
    expect_printed("W1", got.at("W1"), ex::nn_model_W1, want.at("W1"));
    expect_printed("b1", got.at("b1"), ex::nn_model_b1, want.at("b1"));
    expect_printed("W2", got.at("W2"), ex::nn_model_W2, want.at("W2"));
    expect_printed("b2", got.at("b2"), ex::nn_model_b2, want.at("b2"));

    const std::string where = "(X (3, 6), n_h = 3, 25 iterations)";
    np::random::seed(43);
    const Matrix X2 = random_matrix(3, 6), Y2 = random_labels(6);
    const Parameters got2 = f.planar.nn_model(X2, Y2, 3, 25, false, planar::Seeding::v2021);
    expect_keys(got2, "parameters", {"W1", "b1", "W2", "b2"}, where);
    expect_same(dict_difference("parameters", got2, planar::nn_model(X2, Y2, 3, 25, false, planar::Seeding::v2021)),
                where);
}

void check_planar_predict(const Functions& f) {
    const auto c = test_cases::planar_classification::predict_test_case();
    const Matrix got = f.planar.predict(c.parameters, c.X);
    const Matrix want = planar::predict(c.parameters, c.X);
    const char* printed = notebook::expected::planar_classification::predictions;  // "[[ True False  True]]"
    if (got.shape() != want.shape())
        throw Fail{"predictions has shape " + shape_str(got) + " but the notebook's has shape " + shape_str(want) + " (" +
                       printed + ")",
                   shape_symptom("predictions", got.shape(), want.shape())};
    for (std::size_t j = 0; j < want.cols(); ++j)
        if (got(0, j) != want(0, j))
            throw Fail{element("predictions", 0, j) + " is " + py_repr(got(0, j)) + " but the notebook printed " +
                           printed + " (True is 1.0, False 0.0)",
                       Symptom::values};
    np::random::seed(44);
    const Matrix X2 = random_matrix(2, 9);
    expect_matrix("predictions", f.planar.predict(c.parameters, X2), planar::predict(c.parameters, X2),
                  "(X (2, 9))");
    Parameters flat = c.parameters;
    flat["W2"] = np::zeros(1, flat["W2"].cols());
    flat["b2"] = np::zeros(1, 1);
    expect_matrix("predictions", f.planar.predict(flat, X2), planar::predict(flat, X2),
                  "(W2 = 0 and b2 = 0: every probability A2 is exactly 0.5)");
}

struct Entry {
    GradedFunction function;
    void (*run)(const Functions&);
};

const std::vector<Entry>& entries() {
    static const std::vector<Entry> e = {
        // W2A1
        {{"basics::basic_sigmoid", {}, 0}, check_basics_basic_sigmoid},
        {{"basics::sigmoid", {}, 0}, check_basics_sigmoid},
        {{"basics::sigmoid_derivative", {"basics::sigmoid"}, 0}, check_basics_sigmoid_derivative},
        {{"basics::image2vector", {}, 0}, check_basics_image2vector},
        {{"basics::normalize_rows", {}, 0}, check_basics_normalize_rows},
        {{"basics::softmax", {}, 0}, check_basics_softmax},
        {{"basics::L1", {}, 0}, check_basics_L1},
        {{"basics::L2", {}, 0}, check_basics_L2},
        // W2A2
        {{"logistic::sigmoid", {}, 1}, check_logistic_sigmoid},
        {{"logistic::initialize_with_zeros", {}, 1}, check_logistic_initialize_with_zeros},
        {{"logistic::propagate", {"logistic::sigmoid"}, 1}, check_logistic_propagate},
        {{"logistic::optimize", {"logistic::propagate", "logistic::sigmoid"}, 1}, check_logistic_optimize},
        {{"logistic::predict", {"logistic::sigmoid"}, 1}, check_logistic_predict},
        {{"logistic::model",
          {"logistic::initialize_with_zeros", "logistic::optimize", "logistic::predict", "logistic::propagate",
           "logistic::sigmoid"},
          1},
         check_logistic_model},
        // W3A1
        {{"planar::layer_sizes", {}, 2}, check_planar_layer_sizes},
        {{"planar::initialize_parameters", {}, 2}, check_planar_initialize_parameters},
        {{"planar::forward_propagation", {}, 2}, check_planar_forward_propagation},
        {{"planar::compute_cost", {}, 2}, check_planar_compute_cost},
        {{"planar::backward_propagation", {}, 2}, check_planar_backward_propagation},
        {{"planar::update_parameters", {}, 2}, check_planar_update_parameters},
        {{"planar::nn_model",
          {"planar::layer_sizes", "planar::initialize_parameters", "planar::forward_propagation",
           "planar::compute_cost", "planar::backward_propagation", "planar::update_parameters"},
          2},
         check_planar_nn_model},
        {{"planar::predict", {"planar::forward_propagation"}, 2}, check_planar_predict},
        // W4A1
        {{"initialize_parameters", {}}, check_initialize_parameters},
        {{"initialize_parameters_deep", {}}, check_initialize_parameters_deep},
        {{"linear_forward", {}}, check_linear_forward},
        {{"linear_activation_forward", {"linear_forward"}}, check_linear_activation_forward},
        {{"L_model_forward", {"linear_activation_forward", "linear_forward"}}, check_L_model_forward},
        {{"compute_cost", {}}, check_compute_cost},
        {{"linear_backward", {}}, check_linear_backward},
        {{"linear_activation_backward", {"linear_backward"}}, check_linear_activation_backward},
        {{"L_model_backward", {"linear_activation_backward", "linear_backward"}}, check_L_model_backward},
        {{"update_parameters", {}}, check_update_parameters},
    };
    return e;
}

const Entry* find_entry(const std::string& name) {
    for (const Entry& e : entries())
        if (name == e.function.name) return &e;
    return nullptr;
}

// The graded function of `function`'s notebook whose unqualified name is `short_fn` ("propagate" in
// "logistic::optimize" is "logistic::propagate"), or "".
std::string sibling(const std::string& function, const std::string& short_fn) {
    if (short_fn.empty()) return "";
    const std::string name = notebook_of(function).qualifier + short_fn;
    return find_entry(name) ? name : "";
}

// The function named at the start of an error message ("linear_forward: W has shape ..."), or "".
std::string raised_by(const std::string& what) {
    const auto colon = what.find(':');
    if (colon == std::string::npos || colon == 0) return "";
    const std::string name = what.substr(0, colon);
    return name.find(' ') == std::string::npos ? name : "";
}

// ---- outcomes across a pipe ---------------------------------------------------------------------------------

std::string encode(const Outcome& o) {
    return std::string(o.pass ? "P" : "F") + std::to_string(static_cast<int>(o.symptom)) + '\x1f' + o.thrown + '\x1f' +
           o.message;
}

Outcome decode(const std::string& s) {
    Outcome o;
    o.pass = !s.empty() && s[0] == 'P';
    const auto a = s.find('\x1f'), b = a == std::string::npos ? a : s.find('\x1f', a + 1);
    if (b == std::string::npos) return {false, "stopped without a result", Symptom::crash, ""};
    o.symptom = static_cast<Symptom>(std::stoi(s.substr(1, a - 1)));
    o.thrown = s.substr(a + 1, b - a - 1);
    o.message = s.substr(b + 1);
    return o;
}

}  // namespace

const std::vector<GradedFunction>& graded_functions() {
    static const std::vector<GradedFunction> g = [] {
        std::vector<GradedFunction> out;
        for (const Entry& e : entries()) out.push_back(e.function);
        return out;
    }();
    return g;
}

std::string resolve_name(const std::string& name, std::vector<std::string>* candidates) {
    if (find_entry(name)) return name;
    std::vector<std::string> found;
    for (const Entry& e : entries())
        if (short_name(e.function.name) == name) found.push_back(e.function.name);
    if (candidates) *candidates = found;
    return found.size() == 1 ? found.front() : "";
}

Outcome check(const std::string& name, const Functions& f) {
    const Entry* e = find_entry(name);
    if (!e) return {false, "no graded function named " + name, Symptom::values, ""};
    try {
        e->run(f);
        return {true, "", Symptom::values, ""};
    } catch (const Fail& fail) {
        return {false, fail.message, fail.symptom, ""};
    } catch (const std::exception& ex) {
        const std::string what = ex.what();
        const std::string fn = raised_by(what);  // unqualified, as the functions name themselves
        const std::string own = short_name(name);
        if (contains(what, ": not implemented yet")) {
            if (fn == own) return {false, "not implemented yet", Symptom::not_implemented, what};
            return {false, "it calls " + fn + ", which is not implemented yet", Symptom::not_implemented, what};
        }
        Symptom symptom = Symptom::exception;
        if (dynamic_cast<const KeyError*>(&ex)) symptom = Symptom::key;
        if (dynamic_cast<const IndexError*>(&ex)) symptom = Symptom::index;
        std::string message = "threw an exception: " + what;
        if (!sibling(name, fn).empty() && fn != own)
            message += " (raised by " + fn + ", which " + own + " called with these arguments)";
        return {false, message, symptom, what};
    } catch (...) {
        return {false, "threw an exception that is not a std::exception", Symptom::exception, "?"};
    }
}

Outcome check_isolated(const std::string& name, const Functions& f, unsigned timeout_s) {
    int fd[2];
    if (pipe(fd) != 0) return check(name, f);
    std::cout.flush();
    std::cerr.flush();
    const pid_t pid = fork();
    if (pid < 0) {
        close(fd[0]);
        close(fd[1]);
        return check(name, f);
    }
    if (pid == 0) {
        close(fd[0]);
        // A crash kills the child: no handler inherited from the parent (a test runner's) reports it here.
        for (int sig : {SIGSEGV, SIGABRT, SIGFPE, SIGBUS, SIGILL, SIGALRM}) std::signal(sig, SIG_DFL);
        alarm(timeout_s);
        const std::string v = encode(check(name, f));
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
            return {false, "still running after " + std::to_string(timeout_s) + " s (an endless loop?): stopped",
                    Symptom::timeout, ""};
        return {false, std::string("crashed (") + strsignal(sig) + ")", Symptom::crash, ""};
    }
    if (v.empty())
        return {false, "stopped without a result (exit status " + std::to_string(WEXITSTATUS(status)) + ")",
                Symptom::crash, ""};
    return decode(v);
}

namespace {

std::string names_list(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t k = 0; k < names.size(); ++k)
        s += (k == 0 ? "" : k + 1 == names.size() ? " and " : ", ") + names[k];
    return s;
}

// "a, b and c" for the English notes, "a, b, c" for the Korean ones.
std::string names_list_ko(const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t k = 0; k < names.size(); ++k) s += (k == 0 ? "" : ", ") + names[k];
    return s;
}

void note(std::ostream& out, const std::string& en, const std::string& ko) {
    out << "      note: " << en << "\n      참고: " << ko << "\n";
}

}  // namespace

Report grade(const Functions& alone, const Functions& yours, const Options& options, std::ostream& out) {
    Report report;
    // The function asked for ("propagate" stands for "logistic::propagate"), or every one.
    const std::string only = options.only.empty() ? "" : [&] {
        const std::string r = resolve_name(options.only);
        return r.empty() ? options.only : r;
    }();
    // The functions to run: the one asked for and its helpers, or all.
    std::set<std::string> wanted;
    for (const Entry& e : entries())
        if (only.empty() || only == e.function.name) {
            wanted.insert(e.function.name);
            for (const char* c : e.function.calls) wanted.insert(c);
        }
    const auto run = [&](const std::string& name, const Functions& f) {
        return options.fork ? check_isolated(name, f, options.timeout_s) : check(name, f);
    };
    std::map<std::string, Outcome> results;  // each function alone
    int section = -1;                         // the notebook whose title was written last
    for (const Entry& e : entries()) {
        const std::string name = e.function.name;  // qualified: "logistic::propagate"
        if (!wanted.count(name)) continue;
        const Outcome o = run(name, alone);
        results[name] = o;
        if (!only.empty() && only != name) continue;  // a helper, checked for the notes only

        if (e.function.notebook != section) {
            section = e.function.notebook;
            const char* title = notebooks().at(static_cast<std::size_t>(section)).title;
            out << "== " << title << " ==\n";
            report.notebooks.push_back({title, 0, 0});
        }
        NotebookScore& in_notebook = report.notebooks.back();
        // The notes name functions as the student's file does: "propagate", not "logistic::propagate".
        const std::string sname = short_name(name);
        std::vector<std::string> failing;  // the helpers that fail alone (unqualified names)
        for (const char* c : e.function.calls)
            if (results.count(c) && !results[c].pass) failing.push_back(short_name(c));
        Outcome with_yours{true, "", Symptom::values, ""};
        if (!e.function.calls.empty()) with_yours = run(name, yours);

        ++report.total;
        ++in_notebook.total;
        const std::string helpers = names_list(failing), helpers_ko = names_list_ko(failing);
        const std::string fail_s = failing.size() == 1 ? "fails" : "fail";
        // Where the helper's FAIL is: on the line above, or (with --only) in its own checks, not shown.
        const std::string where = only.empty() ? "above" : "its own checks";
        const std::string where_ko = only.empty() ? "위에서" : "자체 검사에서";
        if (o.pass) {
            ++report.score;
            ++in_notebook.score;
            out << "PASS  " << name << "\n";
            if (!with_yours.pass && !failing.empty()) {
                // name passes alone: what goes wrong with the student's helpers comes from them.
                std::string thrower;  // a helper that itself throws when graded
                for (const auto& h : failing)
                    if (!results[sibling(name, h)].thrown.empty() && thrower.empty()) thrower = h;
                if (with_yours.symptom == Symptom::not_implemented) {
                    note(out,
                         "with your " + helpers + " (not implemented yet), " + sname + " cannot run yet; the "
                         "notebook's values follow once " + helpers + (failing.size() == 1 ? " passes." : " pass."),
                         "여러분의 도우미 함수(" + helpers_ko + ")가 아직 구현되지 않아 함께 실행할 수 없습니다. 그 "
                         "도우미 함수가 통과하면 노트북의 값이 나옵니다.");
                } else if (!with_yours.thrown.empty()) {
                    const std::string origin = thrower.empty() ? "an error caused by the results of your " + helpers
                                                               : thrower + "'s error";
                    const std::string origin_ko = thrower.empty() ? "도우미 함수의 결과 때문에 생긴 오류"
                                                                  : thrower + "의 오류";
                    note(out,
                         "with your " + helpers + ", which " + fail_s + " " + where + ", " + sname + " stops at " +
                             origin + " (" + with_yours.thrown + "): the error is in " +
                             (thrower.empty() ? helpers : thrower) + "; " + sname + " is not to blame.",
                         where_ko + " 실패한 여러분의 도우미 함수(" + helpers_ko + ")와 함께 쓰면 " + sname +
                             " 실행이 " + origin_ko + "에서 멈춥니다. 오류는 " +
                             (thrower.empty() ? "도우미 함수" : thrower) + "에 있으며 " + sname + "의 잘못이 아닙니다.");
                } else {
                    note(out,
                         "with your " + helpers + ", which " + fail_s + " " + where + ", " + sname +
                             " gives other values (" + with_yours.message + "); the notebook's values follow once " +
                             helpers + (failing.size() == 1 ? " passes." : " pass."),
                         where_ko + " 실패한 여러분의 도우미 함수(" + helpers_ko + ")와 함께 쓰면 " + sname +
                             "의 값이 달라집니다. 그 도우미 함수가 통과하면 노트북의 값이 나옵니다.");
                }
            } else if (!with_yours.pass) {
                std::vector<std::string> calls;
                for (const char* c : e.function.calls) calls.push_back(short_name(c));
                note(out,
                     "with your own " + names_list(calls) + ", which pass their checks, " + sname +
                         " gives other values (" + with_yours.message + "): on what " + sname +
                         " gives them, your helpers differ from the notebook's.",
                     "여러분의 도우미 함수(" + names_list_ko(calls) + ")는 각자의 검사를 통과하지만, 함께 쓰면 " + sname +
                         "의 값이 달라집니다. " + sname + "에서 넘기는 값으로 계산할 때 도우미 함수가 노트북과 다른 "
                         "값을 냅니다.");
            }
            out.flush();
            continue;
        }
        out << "FAIL  " << name << ": " << o.message << "\n";
        if (with_yours.pass && !e.function.calls.empty()) {
            if (!failing.empty())
                note(out,
                     "with your " + helpers + ", which " + fail_s + " too, " + sname +
                         "'s values come out right: the two mistakes cancel out. Fix both: with " + helpers +
                         " fixed alone, " + sname + " would give wrong values.",
                     "역시 실패한 여러분의 도우미 함수(" + helpers_ko + ")와 함께 쓰면 " + sname +
                         "의 값이 맞게 나옵니다. 두 실수가 서로 상쇄된 것입니다. 둘 다 고치세요. 도우미 함수만 "
                         "고치면 " + sname + "의 값이 틀립니다.");
            else
                note(out,
                     "with your own helpers, " + sname + "'s values come out right, but with the notebook's they do "
                     "not: " + sname + " must be right on its own.",
                     "여러분의 도우미 함수와 함께 쓰면 " + sname + "의 값이 맞지만, 노트북의 함수와 함께 쓰면 "
                     "틀립니다. " + sname + " 자체가 맞아야 합니다.");
        }
        out << "      hint: " << hint_text(o.symptom, name) << "\n      힌트: " << hint_text(o.symptom, name, true)
            << "\n";
        out.flush();
    }
    for (const NotebookScore& n : report.notebooks) out << n.title << ": " << n.score << "/" << n.total << "\n";
    out << "Score: " << report.score << "/" << report.total << "\n";
    return report;
}

}  // namespace dnn::grading
