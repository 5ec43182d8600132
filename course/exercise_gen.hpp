// course/exercise_gen.hpp - turns a graded source file into its exercise copy (`make exercises`).
//
// EN: A graded region is the code between a "// ### START CODE HERE ###" line and the next
//     "// ### END CODE HERE ###" line, as in the course's notebooks. make_exercise() keeps both marker lines and
//     replaces what is between them with a "// YOUR CODE HERE" placeholder: bilingual hints, the declarations the
//     code after the region still needs (so the copy compiles), and a throw of std::logic_error
//     "<function>: not implemented yet (<file>)". Regions are found by their markers, the function by scanning
//     back to its signature, and the placeholder types from the declarations themselves or, for a structured
//     binding such as  auto [Z, linear_cache] = linear_forward(...);  from the called function's result struct
//     in the headers. Only the hints are a table, keyed by function name.
//     Used by course/make_exercises.cpp (the program) and tests/test_exercises.cpp.
// KO: 채점 영역은 강의 노트북처럼 "// ### START CODE HERE ###" 줄과 다음 "// ### END CODE HERE ###" 줄 사이의
//     코드입니다. make_exercise()는 두 표시 줄을 남기고 그 사이를 "// YOUR CODE HERE" 자리표시자로 바꿉니다:
//     두 언어 힌트, 영역 뒤의 코드가 계속 쓰는 선언(그래야 컴파일됨), 그리고
//     "<함수>: not implemented yet (<파일>)"을 담은 std::logic_error를 던지는 줄입니다. 영역은 표시 줄로,
//     함수는 시그니처까지 거슬러 올라가 찾고, 자리표시자의 타입은 선언 자체에서, 구조적 바인딩
//     (auto [Z, linear_cache] = linear_forward(...);)이면 헤더에 있는 호출 함수의 결과 구조체에서 얻습니다.
//     표는 함수 이름별 힌트 하나뿐입니다.
#pragma once

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace exgen {

inline const char* const kStartMarker = "// ### START CODE HERE ###";
inline const char* const kEndMarker = "// ### END CODE HERE ###";

// ---- hints: the one table, keyed by function name; one entry per region of that function, in order ------------

struct Hint {
    std::vector<std::string> en;   // what to compute and the shapes
    std::vector<std::string> ko;   // the same in Korean
    std::vector<std::string> cpp;  // numpy -> C++ equivalents (a guide, not the answer)
};

inline const std::map<std::string, std::vector<Hint>>& hint_table() {
    static const std::map<std::string, std::vector<Hint>> table = {
        {"initialize_parameters",
         {{{"W1 (n_h, n_x) and W2 (n_y, n_h): standard normal draws scaled by 0.01 (small weights).",
            "b1 (n_h, 1) and b2 (n_y, 1): zeros. Draw W1 before W2: the order of draws fixes the values."},
           {"W1 (n_h, n_x)와 W2 (n_y, n_h): 표준 정규분포에서 뽑은 값에 0.01을 곱합니다(작은 가중치).",
            "b1 (n_h, 1)과 b2 (n_y, 1): 0. W1을 W2보다 먼저 뽑으세요: 뽑는 순서가 값을 정합니다."},
           {"np.random.randn(a, b) * 0.01  ->  np::random::randn(a, b) * 0.01",
            "np.zeros((a, b))              ->  np::zeros(a, b)"}}}},
        {"initialize_parameters_deep",
         {{{"Layer l: W{l} is (layer_dims[l], layer_dims[l-1]), standard normals * 0.01; b{l} is zeros",
            "(layer_dims[l], 1). Store them in the dict under the keys \"W1\", \"b1\", ...: W before b."},
           {"l층: W{l}은 (layer_dims[l], layer_dims[l-1]) 크기의 표준 정규값 * 0.01, b{l}은",
            "(layer_dims[l], 1) 크기의 0입니다. 딕셔너리에 \"W1\", \"b1\", ... 키로 넣으세요(W 먼저, 그다음 b)."},
           {"parameters['W' + str(l)] = ...  ->  parameters[\"W\" + str(l)] = ...;",
            "np.random.randn(a, b) * 0.01     ->  np::random::randn(a, b) * 0.01;  np.zeros((a, 1)) -> np::zeros(a, 1)"}}}},
        {"linear_forward",
         {{{"Z = W A + b: W (n[l], n[l-1]) times A (n[l-1], m), plus the column b (n[l], 1) added to each of",
            "the m columns. Z is (n[l], m). Declare Z: the lines below the region return it."},
           {"Z = W A + b: W (n[l], n[l-1])와 A (n[l-1], m)의 행렬곱에 열 벡터 b (n[l], 1)를 m개의 열마다",
            "더합니다. Z는 (n[l], m)입니다. 영역 아래 줄이 Z를 돌려주므로 Z를 선언하세요."},
           {"np.dot(X, Y) -> np::dot(X, Y);  X + b with b of shape (n, 1) broadcasts as in numpy"}}}},
        {"linear_activation_forward",
         {{{"sigmoid branch: first the linear step (linear_forward gives Z and the linear cache), then the",
            "activation (sigmoid gives A and the activation cache, which is Z). Declare A, linear_cache and",
            "activation_cache: the lines below the region use them."},
           {"sigmoid 분기: 먼저 선형 단계(linear_forward가 Z와 선형 캐시를 줌), 그다음 활성화(sigmoid가 A와",
            "활성화 캐시, 즉 Z를 줌). 영역 아래 줄이 A, linear_cache, activation_cache를 쓰므로 선언하세요."},
           {"Z, linear_cache = f(...)  ->  auto [Z, linear_cache] = f(...);   (a structured binding)"}},
          {{"relu branch: the same two steps as the sigmoid branch, with relu as the activation."},
           {"relu 분기: sigmoid 분기와 같은 두 단계이고, 활성화만 relu입니다."},
           {"A, activation_cache = g(Z)  ->  auto [A, activation_cache] = g(Z);"}}}},
        {"L_model_forward",
         {{{"Hidden layer l (1 .. L-1): LINEAR -> RELU on A_prev with the parameters \"W{l}\" and \"b{l}\".",
            "Its output becomes the next layer's input A, and its cache goes at the end of caches."},
           {"은닉층 l (1 .. L-1): A_prev에 \"W{l}\", \"b{l}\"로 LINEAR -> RELU를 합니다.",
            "그 출력이 다음 층의 입력 A가 되고, 그 캐시는 caches 끝에 붙입니다."},
           {"parameters['W' + str(l)] -> parameters[\"W\" + str(l)];  caches.append(c) -> caches.push_back(c);",
            "A binding cannot reuse the name A (A exists already): bind a new name, then assign it to A."}},
          {{"Output layer L: LINEAR -> SIGMOID on the last A with \"W{L}\" and \"b{L}\"; AL is (1, m).",
            "Append its cache too. Declare AL: the lines below the region check and return it."},
           {"출력층 L: 마지막 A에 \"W{L}\", \"b{L}\"로 LINEAR -> SIGMOID를 합니다. AL은 (1, m)입니다.",
            "그 캐시도 붙이세요. 영역 아래 줄이 AL을 확인하고 돌려주므로 AL을 선언하세요."},
           {"AL, cache = f(...)  ->  auto [AL, cache] = f(...);"}}}},
        {"compute_cost",
         {{{"Cross-entropy: cost = -1/m * sum over the m examples of (Y log(AL) + (1 - Y) log(1 - AL)).",
            "AL and Y are (1, m); cost is a double. Careful: with an integer m, 1 / m is 0 in C++."},
           {"교차 엔트로피: cost = -1/m * (m개 예제에 대한 Y log(AL) + (1 - Y) log(1 - AL)의 합).",
            "AL과 Y는 (1, m), cost는 double입니다. 주의: m이 정수이면 C++에서 1 / m은 0입니다."},
           {"np.multiply(X, Y) -> np::multiply(X, Y);  np.log(X) -> np::log(X);  1 - Y works as in numpy;",
            "np.sum(X) -> np::sum(X) (a double);  -1 / m -> -1.0 / m"}}}},
        {"linear_backward",
         {{{"From dZ (n[l], m) and the cache (A_prev, W, b):",
            "dW = 1/m dZ A_prev^T (n[l], n[l-1]); db = 1/m times dZ summed over the examples, kept as a",
            "column (n[l], 1); dA_prev = W^T dZ (n[l-1], m).",
            "np::sum's keepdims defaults to true here (numpy's to False); write it anyway, as the notebook does:",
            "with false the sum is a row (1, n), not db's column."},
           {"dZ (n[l], m)와 캐시 (A_prev, W, b)로부터:",
            "dW = 1/m dZ A_prev^T (n[l], n[l-1]); db = 1/m * (dZ를 예제 방향으로 더한 값), 열 모양 유지 (n[l], 1);",
            "dA_prev = W^T dZ (n[l-1], m).",
            "np::sum의 keepdims 기본값은 true입니다(numpy는 False). 그래도 노트북처럼 직접 써 주세요. false이면",
            "합이 db의 열이 아니라 (1, n) 행이 됩니다."},
           {"A.T -> A.T() (a view, no copy);  np.dot(X, Y) -> np::dot(X, Y);",
            "np.sum(X, axis=1, keepdims=True) -> np::sum(X, 1, true);  1 / m -> 1.0 / m"}}}},
        {"linear_activation_backward",
         {{{"relu branch: undo the activation first (the given relu_backward turns dA and the activation",
            "cache Z into dZ, (n[l], m)), then the linear step with linear_backward, which gives",
            "(dA_prev, dW, db). Declare those three: the return below the region uses them."},
           {"relu 분기: 먼저 활성화를 되돌리고(주어진 relu_backward가 dA와 활성화 캐시 Z로 dZ (n[l], m)를",
            "구함), 그다음 linear_backward로 선형 단계를 되돌려 (dA_prev, dW, db)를 얻습니다.",
            "영역 아래의 return이 이 셋을 쓰므로 선언하세요."},
           {"dA_prev, dW, db = f(...)  ->  auto [dA_prev, dW, db] = f(...);"}},
          {{"sigmoid branch: the same two steps, with sigmoid_backward."},
           {"sigmoid 분기: 같은 두 단계이고, sigmoid_backward를 씁니다."},
           {"dZ = g(dA, activation_cache)  ->  Matrix dZ = g(dA, activation_cache);"}}}},
        {"L_model_backward",
         {{{"dAL = dL/dAL = -(Y / AL - (1 - Y) / (1 - AL)), elementwise, (1, m)."},
           {"dAL = dL/dAL = -(Y / AL - (1 - Y) / (1 - AL)) (원소별), (1, m)."},
           {"np.divide(X, Y) -> np::divide(X, Y);  -(X) and 1 - Y work on a Matrix as in numpy"}},
          {{"Layer L (SIGMOID -> LINEAR): its cache is the last one, caches[L - 1] (C++ counts from 0 too).",
            "Backward through it from dAL, and store grads \"dA{L-1}\", \"dW{L}\", \"db{L}\"."},
           {"L층 (SIGMOID -> LINEAR): 캐시는 마지막 것, caches[L - 1]입니다(C++도 0부터 셉니다).",
            "dAL에서 시작해 이 층의 역전파를 계산하고, 결과를 grads의 \"dA{L-1}\", \"dW{L}\", \"db{L}\"에 저장하세요."},
           {"grads['dW' + str(L)] = ...  ->  grads[\"dW\" + str(L)] = ...;"}},
          {{"Layer l + 1 (RELU -> LINEAR), going backwards: cache caches[l], incoming gradient",
            "grads[\"dA\" + str(l + 1)]. Store \"dA{l}\", \"dW{l+1}\" and \"db{l+1}\"."},
           {"l + 1층 (RELU -> LINEAR), 역순으로 진행: 캐시는 caches[l], 뒤에서 들어오는 기울기는",
            "grads[\"dA\" + str(l + 1)]입니다. \"dA{l}\", \"dW{l+1}\", \"db{l+1}\"에 저장하세요."},
           {"the loop body is a new scope: names declared for layer L above may be declared again here"}}}},
        {"update_parameters",
         {{{"For every layer l = 1 .. L: W{l} = W{l} - learning_rate * dW{l}, and the same for b{l}."},
           {"모든 층 l = 1 .. L에 대해: W{l} = W{l} - learning_rate * dW{l}, b{l}도 같은 방식입니다."},
           {"for l in range(L): ...  ->  for (int l = 0; l < L; ++l) { ... }",
            "parameters['W' + str(l + 1)] -> parameters[\"W\" + str(l + 1)];  a - lr * b works on Matrix"}}}},
    };
    return table;
}

class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline std::string read_text_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw Error("cannot read " + p.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// ---- masking and tokens ---------------------------------------------------------------------------------------

// The text with comments and the contents of string and character literals replaced by spaces (newlines kept),
// so braces and names are only ever counted in code.
inline std::string mask_code(const std::string& s) {
    std::string out = s;
    const std::size_t n = s.size();
    std::size_t i = 0;
    auto blank = [&](std::size_t from, std::size_t to) {
        for (std::size_t k = from; k < to && k < n; ++k)
            if (out[k] != '\n') out[k] = ' ';
    };
    while (i < n) {
        const char c = s[i];
        if (c == '/' && i + 1 < n && s[i + 1] == '/') {
            std::size_t e = s.find('\n', i);
            if (e == std::string::npos) e = n;
            blank(i, e);
            i = e;
        } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
            std::size_t e = s.find("*/", i + 2);
            e = e == std::string::npos ? n : e + 2;
            blank(i, e);
            i = e;
        } else if (c == 'R' && i + 1 < n && s[i + 1] == '"' &&
                   (i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '_'))) {
            const std::size_t open = s.find('(', i + 2);
            if (open == std::string::npos) { ++i; continue; }
            const std::string close = ")" + s.substr(i + 2, open - i - 2) + "\"";
            std::size_t e = s.find(close, open);
            e = e == std::string::npos ? n : e + close.size();
            blank(i + 2, e - 1);
            i = e;
        } else if (c == '"' || (c == '\'' && !(i > 0 && std::isxdigit(static_cast<unsigned char>(s[i - 1]))))) {
            std::size_t k = i + 1;
            while (k < n && s[k] != c && s[k] != '\n') k += s[k] == '\\' ? 2 : 1;
            blank(i + 1, std::min(k, n));
            i = k + 1;
        } else {
            ++i;
        }
    }
    return out;
}

struct Token {
    std::string text;
    bool ident = false;
    std::size_t line = 0;  // 0-based
    std::size_t pos = 0;   // offset of its first character in the text
};

// Tokens of masked code: identifiers/numbers, and punctuation with the few two-character operators that matter
// here (so "=" is always an assignment or initialisation, and "::" / "->" stay whole).
inline std::vector<Token> tokenize(const std::string& masked) {
    static const char* const two[] = {"::", "->", "==", "!=", "<=", ">=", "+=", "-=", "*=", "/=", "&&", "||",
                                      "++", "--", "<<"};
    std::vector<Token> out;
    std::size_t line = 0;
    for (std::size_t i = 0; i < masked.size();) {
        const char c = masked[i];
        if (c == '\n') { ++line; ++i; continue; }
        if (std::isspace(static_cast<unsigned char>(c))) { ++i; continue; }
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t k = i;
            while (k < masked.size() && (std::isalnum(static_cast<unsigned char>(masked[k])) || masked[k] == '_' ||
                                         (masked[k] == '.' && std::isdigit(static_cast<unsigned char>(c)))))
                ++k;
            out.push_back({masked.substr(i, k - i), !std::isdigit(static_cast<unsigned char>(c)), line, i});
            i = k;
            continue;
        }
        std::string p(1, c);
        for (const char* t : two)
            if (masked.compare(i, 2, t) == 0) { p = t; break; }
        out.push_back({p, false, line, i});
        i += p.size();
    }
    return out;
}

inline bool is_keyword(const std::string& s) {
    static const std::set<std::string> k = {
        "alignas", "alignof", "auto", "bool", "break", "case", "catch", "char", "class", "const", "constexpr",
        "continue", "co_return", "decltype", "default", "delete", "do", "double", "else", "enum", "explicit",
        "extern", "false", "float", "for", "goto", "if", "inline", "int", "long", "mutable", "namespace", "new",
        "noexcept", "nullptr", "operator", "private", "protected", "public", "return", "short", "signed",
        "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this", "throw",
        "true", "try", "typedef", "typename", "union", "unsigned", "using", "virtual", "void", "volatile", "while"};
    return k.count(s) > 0;
}

// Builtin type keywords may come before a declared name (int L = ...), the other keywords may not.
inline bool is_type_keyword(const std::string& s) {
    return s == "int" || s == "double" || s == "float" || s == "bool" || s == "char" || s == "long" ||
           s == "short" || s == "unsigned" || s == "signed" || s == "auto";
}

// Token k declares a variable: a name after a type (or &, *, >) and before =, ;, {, (, ,, ) or :.
inline bool declares_at(const std::vector<Token>& t, std::size_t k) {
    if (!t[k].ident || is_keyword(t[k].text) || k == 0) return false;
    const Token& p = t[k - 1];
    const bool after_type = (p.ident && (!is_keyword(p.text) || is_type_keyword(p.text)) && p.text != "const") ||
                            p.text == "&" || p.text == "&&" || p.text == "*" || p.text == ">";
    if (!after_type) return false;
    if (k + 1 >= t.size()) return false;
    static const std::set<std::string> next = {"=", ";", "{", "(", ",", ")", ":"};
    return next.count(t[k + 1].text) > 0;
}

// The names of a structured binding whose "[" is at token k (auto [a, b] = ...), or none.
inline std::vector<std::string> binding_names_at(const std::vector<Token>& t, std::size_t k) {
    std::vector<std::string> names;
    if (t[k].text != "[" || k == 0) return names;
    std::size_t p = k - 1;
    while (p > 0 && (t[p].text == "&" || t[p].text == "&&")) --p;
    if (t[p].text != "auto") return names;
    for (std::size_t j = k + 1; j < t.size() && t[j].text != "]"; ++j)
        if (t[j].ident) names.push_back(t[j].text);
    return names;
}

// ---- types from the headers: function result types and struct members -------------------------------------------

struct TypeTable {
    std::map<std::string, std::string> returns;                                      // function -> result type
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> structs;  // struct -> (type, name)
};

inline std::string join_tokens(const std::vector<Token>& t, std::size_t from, std::size_t to) {
    std::string s;
    for (std::size_t k = from; k < to; ++k) {
        const std::string& x = t[k].text;
        // a space only between two words: "const Matrix&", "std::vector<int>"
        if (!s.empty() && t[k].ident && (std::isalnum(static_cast<unsigned char>(s.back())) || s.back() == '_'))
            s += ' ';
        s += x;
    }
    return s;
}

inline std::string strip_namespace(const std::string& s) {
    const auto p = s.rfind("::");
    return p == std::string::npos ? s : s.substr(p + 2);
}

// Adds the functions declared or defined at the start of a line ("Type name(") and the structs of one file.
inline void add_types(TypeTable& types, const std::string& text) {
    const std::string masked = mask_code(text);
    const std::vector<Token> t = tokenize(masked);
    // structs
    for (std::size_t k = 0; k + 2 < t.size(); ++k) {
        if (t[k].text != "struct" || !t[k + 1].ident || t[k + 2].text != "{") continue;
        std::vector<std::pair<std::string, std::string>> members;
        std::size_t j = k + 3, stmt = j;
        int depth = 0;
        bool has_paren = false;
        for (; j < t.size(); ++j) {
            const std::string& x = t[j].text;
            if (x == "{") ++depth;
            else if (x == "}") { if (depth-- == 0) break; }
            else if (x == "(") has_paren = true;
            else if (x == ";" && depth == 0) {
                // "Type a = 1, b;": the first declarator gives the type, the others share it
                std::size_t e = stmt;
                while (e < j && t[e].text != "=" && t[e].text != "{" && t[e].text != ",") ++e;
                if (!has_paren && e >= stmt + 2 && t[e - 1].ident) {
                    const std::string type = join_tokens(t, stmt, e - 1);
                    members.push_back({type, t[e - 1].text});
                    for (std::size_t q = e; q + 1 < j; ++q)
                        if (t[q].text == "," && t[q + 1].ident) members.push_back({type, t[q + 1].text});
                }
                stmt = j + 1;
                has_paren = false;
            }
        }
        types.structs[t[k + 1].text] = members;
    }
    // functions starting a line at column 0 ("Result name(...)"): the name is the identifier before the "("
    std::vector<std::size_t> line_start{0};
    for (std::size_t i = 0; i < masked.size(); ++i)
        if (masked[i] == '\n') line_start.push_back(i + 1);
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (k > 0 && t[k - 1].line == t[k].line) continue;  // the first token of its line only
        const std::size_t line = t[k].line;
        if (!t[k].ident || std::isspace(static_cast<unsigned char>(masked[line_start[line]]))) continue;
        std::size_t from = k;
        while (from < t.size() && (t[from].text == "inline" || t[from].text == "static" || t[from].text == "constexpr"))
            ++from;
        if (from >= t.size() || (is_keyword(t[from].text) && !is_type_keyword(t[from].text) && t[from].text != "const"))
            continue;
        std::size_t j = from;
        while (j < t.size() && t[j].line == line && t[j].text != "(" && t[j].text != "=" && t[j].text != ";") ++j;
        if (j >= t.size() || t[j].text != "(" || j < from + 2 || !t[j - 1].ident) continue;
        types.returns[t[j - 1].text] = join_tokens(t, from, j - 1);
    }
}

// The types of every header that `text` includes with quotes ("nn/types.hpp"), read under root, recursively.
inline void add_included_types(TypeTable& types, const std::filesystem::path& root, const std::string& text,
                               std::set<std::string>& done) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        const auto a = line.find_first_not_of(" \t");
        if (a == std::string::npos || line.compare(a, 10, "#include \"") != 0) continue;
        const auto close = line.find('"', a + 10);
        if (close == std::string::npos) continue;
        const std::string inc = line.substr(a + 10, close - a - 10);
        if (!done.insert(inc).second || !std::filesystem::exists(root / inc)) continue;
        const std::string header = read_text_file(root / inc);
        add_types(types, header);
        add_included_types(types, root, header, done);
    }
}

inline TypeTable included_types(const std::filesystem::path& root, const std::string& text) {
    TypeTable types;
    std::set<std::string> done;
    add_included_types(types, root, text, done);
    return types;
}

// ---- the transformation ---------------------------------------------------------------------------------------

struct Placeholder {
    std::string type, name;
};

struct Region {
    std::string function;  // the enclosing function
    int index = 0;         // 0-based among that function's regions
    std::size_t start_line = 0, end_line = 0;  // 0-based lines of the START and END markers
    std::vector<Placeholder> placeholders;     // declared in the region and used after it
    std::vector<std::string> voids;            // used only in the region: (void)name; keeps the stub warning-free
};

struct Exercise {
    std::string text;              // the exercise copy
    std::vector<Region> regions;   // in file order
    std::vector<std::string> functions() const {
        std::vector<std::string> f;
        for (const auto& r : regions)
            if (std::find(f.begin(), f.end(), r.function) == f.end()) f.push_back(r.function);
        return f;
    }
};


inline std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::size_t i = 0;
    while (i <= s.size()) {
        std::size_t e = s.find('\n', i);
        if (e == std::string::npos) {
            if (i < s.size()) lines.push_back(s.substr(i));
            break;
        }
        lines.push_back(s.substr(i, e - i));
        i = e + 1;
    }
    return lines;
}

inline std::string trim(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

inline bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// The placeholders for a structured binding: each name gets the type of the member at its position in the
// result struct of the called function.
inline std::vector<Placeholder> binding_types(const std::vector<Token>& t, std::size_t bracket,
                                              const std::vector<std::string>& names, const TypeTable& types,
                                              const std::string& where) {
    std::size_t k = bracket;
    while (k < t.size() && t[k].text != "=") ++k;
    std::string callee;
    for (std::size_t j = k + 1; j + 1 < t.size(); ++j) {
        if (t[j].ident && t[j + 1].text == "(") { callee = t[j].text; break; }
        if (!(t[j].ident || t[j].text == "::")) break;
    }
    const auto r = types.returns.find(callee);
    const auto s = r == types.returns.end() ? types.structs.end() : types.structs.find(strip_namespace(r->second));
    if (callee.empty() || s == types.structs.end() || s->second.size() != names.size())
        throw Error(where + ": cannot tell the types of the structured binding [" + [&] {
                        std::string j;
                        for (const auto& n : names) j += (j.empty() ? "" : ", ") + n;
                        return j;
                    }() + "]" + (callee.empty() ? "" : " (from " + callee + "(...))") +
                    ": its result struct is not in the headers the file includes");
    std::vector<Placeholder> out;
    for (std::size_t i = 0; i < names.size(); ++i) out.push_back({s->second[i].first, names[i]});
    return out;
}

// Makes the exercise copy of `source`. display_path is the copy's path as the student sees it (it goes into the
// "not implemented" message); types describes the headers the file includes. Throws exgen::Error with
// "path:line: what" for unmatched or nested markers, a region outside a function, or an unknown binding type.
inline Exercise make_exercise(const std::string& source, const std::string& source_path,
                              const std::string& display_path, const TypeTable& header_types) {
    const std::vector<std::string> lines = split_lines(source);
    const std::string masked = mask_code(source);
    const std::vector<Token> t = tokenize(masked);
    TypeTable types = header_types;
    add_types(types, source);
    auto where = [&](std::size_t line) { return source_path + ":" + std::to_string(line + 1); };

    // 1. the regions, by their markers
    std::vector<Region> regions;
    bool open = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string s = trim(lines[i]);
        if (starts_with(s, kStartMarker)) {
            if (open) throw Error(where(i) + ": START CODE HERE inside the region opened at line " +
                                  std::to_string(regions.back().start_line + 1) + " (a region needs its END first)");
            Region r;
            r.start_line = i;
            regions.push_back(r);
            open = true;
        } else if (starts_with(s, kEndMarker)) {
            if (!open) throw Error(where(i) + ": END CODE HERE without a START CODE HERE before it");
            regions.back().end_line = i;
            open = false;
        }
    }
    if (open) throw Error(where(regions.back().start_line) + ": START CODE HERE without an END CODE HERE after it");

    // token index ranges per line
    auto first_token_of_line = [&](std::size_t line) {
        return static_cast<std::size_t>(std::lower_bound(t.begin(), t.end(), line,
                                                         [](const Token& a, std::size_t l) { return a.line < l; }) -
                                        t.begin());
    };
    auto in_any_region = [&](std::size_t line) {
        for (const auto& r : regions)
            if (line >= r.start_line && line <= r.end_line) return true;
        return false;
    };

    // 2. per region: the function, the placeholders and the (void)s
    std::map<std::string, int> count_per_function;
    for (Region& r : regions) {
        // the signature: the nearest line above that starts at column 0 with a name and has a "("
        std::size_t sig = r.start_line;
        bool found = false;
        while (sig-- > 0) {
            const std::string& l = lines[sig];
            if (l.empty() || !(std::isalpha(static_cast<unsigned char>(l[0])) || l[0] == '_')) continue;
            if (starts_with(l, "namespace") || starts_with(l, "using") || starts_with(l, "struct") ||
                starts_with(l, "class") || starts_with(l, "template") || starts_with(l, "static_assert"))
                continue;
            if (l.find('(') == std::string::npos) continue;
            found = true;
            break;
        }
        if (!found) throw Error(where(r.start_line) + ": this region is not inside a function");
        std::size_t k = first_token_of_line(sig);
        while (k < t.size() && t[k].text != "(") ++k;
        if (k == 0 || k >= t.size() || !t[k - 1].ident)
            throw Error(where(sig) + ": cannot read the function name of the region at line " +
                        std::to_string(r.start_line + 1));
        r.function = t[k - 1].text;
        r.index = count_per_function[r.function]++;
        // the body: the first "{" after the parameter list, to its matching "}"
        std::size_t body = k;
        for (int paren = 0; body < t.size(); ++body) {
            if (t[body].text == "(") ++paren;
            else if (t[body].text == ")") --paren;
            else if (t[body].text == "{" && paren == 0) break;
            else if (t[body].text == ";" && paren == 0) { body = t.size(); break; }
        }
        std::size_t body_end = body;
        for (int depth = 0; body_end < t.size(); ++body_end) {
            if (t[body_end].text == "{") ++depth;
            else if (t[body_end].text == "}" && --depth == 0) break;
        }
        if (body >= t.size() || body_end >= t.size() || t[body].line >= r.start_line || t[body_end].line <= r.end_line)
            throw Error(where(r.start_line) + ": this region is not inside the body of " + r.function + "()");

        const std::size_t rb = first_token_of_line(r.start_line + 1), re = first_token_of_line(r.end_line);
        const std::string fn_where = where(r.start_line) + " (in " + r.function + ")";

        // names declared in the region: at its top level (those can be used after it) and anywhere
        std::vector<Placeholder> top;
        std::set<std::string> declared_anywhere;
        int depth = 0, paren = 0;
        for (std::size_t j = rb; j < re; ++j) {
            const std::string& x = t[j].text;
            if (x == "{") ++depth;
            else if (x == "}") --depth;
            else if (x == "(") ++paren;
            else if (x == ")") --paren;
            const auto names = binding_names_at(t, j);
            if (!names.empty()) {
                declared_anywhere.insert(names.begin(), names.end());
                if (depth == 0 && paren == 0)
                    for (const auto& p : binding_types(t, j, names, types, fn_where)) top.push_back(p);
                continue;
            }
            if (!declares_at(t, j)) continue;
            declared_anywhere.insert(t[j].text);
            if (depth != 0 || paren != 0) continue;
            // the type: back to the start of the statement, without const / & / static
            std::size_t s = j;
            while (s > rb && t[s - 1].text != ";" && t[s - 1].text != "{" && t[s - 1].text != "}" &&
                   t[s - 1].text != ",")
                --s;
            if (s > rb && t[s - 1].text == ",") {  // Matrix a, b;  - the type of b is the type of a
                if (!top.empty()) top.push_back({top.back().type, t[j].text});
                continue;
            }
            std::size_t from = s;
            while (from < j && (t[from].text == "const" || t[from].text == "static" || t[from].text == "constexpr"))
                ++from;
            std::size_t to = j;
            while (to > from && (t[to - 1].text == "&" || t[to - 1].text == "&&")) --to;
            std::string type = join_tokens(t, from, to);
            if (type == "auto") {  // auto x = f(...): the result type of f
                std::string callee;
                for (std::size_t q = j + 2; q + 1 < re; ++q) {
                    if (t[q].ident && t[q + 1].text == "(") { callee = t[q].text; break; }
                    if (!(t[q].ident || t[q].text == "::")) break;
                }
                const auto ret = types.returns.find(callee);
                if (ret == types.returns.end())
                    throw Error(fn_where + ": cannot tell the type of \"auto " + t[j].text +
                                "\"; write its type in the solution");
                type = ret->second;
            }
            top.push_back({type, t[j].text});
        }

        // names used after the region, in the same block (other regions' lines are skipped)
        std::set<std::string> used_after;
        depth = 0;
        for (std::size_t j = first_token_of_line(r.end_line + 1); j < body_end; ++j) {
            if (in_any_region(t[j].line)) continue;
            if (t[j].text == "{") ++depth;
            else if (t[j].text == "}" && --depth < 0) break;
            if (t[j].ident && !(j > 0 && (t[j - 1].text == "." || t[j - 1].text == "->" || t[j - 1].text == "::")))
                used_after.insert(t[j].text);
        }
        for (const auto& p : top)
            if (used_after.count(p.name)) r.placeholders.push_back(p);

        // names the region reads that are declared before it and used nowhere else: (void)name;
        std::set<std::string> seen;
        for (std::size_t j = rb; j < re; ++j) {
            const std::string& x = t[j].text;
            if (!t[j].ident || is_keyword(x) || declared_anywhere.count(x) || seen.count(x)) continue;
            if (j > 0 && (t[j - 1].text == "." || t[j - 1].text == "->" || t[j - 1].text == "::")) continue;
            if (j + 1 < t.size() && (t[j + 1].text == "(" || t[j + 1].text == "::" || t[j + 1].text == "<")) continue;
            seen.insert(x);
            std::size_t uses = 0, decl = 0;
            bool decl_before = false;
            for (std::size_t q = first_token_of_line(sig); q <= body_end; ++q) {
                if (t[q].text != x || in_any_region(t[q].line)) continue;
                if (q > 0 && (t[q - 1].text == "." || t[q - 1].text == "->" || t[q - 1].text == "::")) continue;
                ++uses;
                if (declares_at(t, q) && t[q].line < r.start_line) { ++decl; decl_before = true; }
            }
            if (uses == 1 && decl == 1 && decl_before) r.voids.push_back(x);
        }
    }

    // 3. the copy
    bool has_stdexcept = source.find("#include <stdexcept>") != std::string::npos;
    std::string out;
    auto emit = [&](const std::string& l) { out += l + "\n"; };
    std::size_t next_region = 0;
    bool header_done = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (!header_done && !starts_with(lines[i], "//")) {
            emit("//");
            emit("// EXERCISE COPY, made by `make exercises` from " + source_path + ". Fill in every region marked");
            emit("// YOUR CODE HERE, then run `make grade` (see README.md in this folder).");
            emit("// 연습용 사본입니다(`make exercises`가 " + source_path + "에서 만듦). YOUR CODE HERE 부분을 모두");
            emit("// 채운 뒤 `make grade`를 실행하세요(이 폴더의 README.md 참고).");
            header_done = true;
        }
        if (!has_stdexcept && starts_with(lines[i], "#include")) {
            emit("#include <stdexcept>  // std::logic_error, thrown by the placeholders below");
            has_stdexcept = true;
        }
        if (next_region < regions.size() && i == regions[next_region].start_line) {
            const Region& r = regions[next_region];
            const std::string& start = lines[i];
            const std::string indent = start.substr(0, start.find_first_not_of(" \t"));
            const std::string c = indent + "// ";
            emit(start);
            emit(c + "YOUR CODE HERE: replace every line from here down to END CODE HERE (these hints, the");
            emit(c + "placeholders and the throw) with your code. Keep the two marker lines.");
            emit(c + "여기부터 END CODE HERE 전까지(힌트, 자리표시자, throw)를 모두 여러분의 코드로 바꾸세요.");
            emit(c + "두 표시 줄은 남겨 두세요.");
            // The table holds week 4's hints; weeks 2 and 3 reuse some of its names (initialize_parameters,
            // compute_cost, update_parameters) for other functions, so their files get the pointer to their header.
            // nn/planar_classification/forward.cpp -> nn/planar_classification/planar_classification.hpp
            const std::size_t slash = source_path.rfind('/');
            const std::string dir = slash == std::string::npos ? "" : source_path.substr(0, slash);
            const bool step_by_step = dir == "nn" || dir.empty();
            const std::string header =
                step_by_step ? "nn/step_by_step.hpp" : dir + "/" + dir.substr(dir.rfind('/') + 1) + ".hpp";
            const auto& table = hint_table();
            const auto h = step_by_step ? table.find(r.function) : table.end();
            if (h != table.end() && r.index < static_cast<int>(h->second.size())) {
                const Hint& hint = h->second[static_cast<std::size_t>(r.index)];
                for (std::size_t k = 0; k < hint.en.size(); ++k) emit(c + (k == 0 ? "EN: " : "    ") + hint.en[k]);
                for (std::size_t k = 0; k < hint.ko.size(); ++k) emit(c + (k == 0 ? "KO: " : "    ") + hint.ko[k]);
                for (std::size_t k = 0; k < hint.cpp.size(); ++k)
                    emit(c + (k == 0 ? "C++: " : "     ") + hint.cpp[k]);
            } else {
                emit(c + "EN: write the notebook's lines for " + r.function + " here; " + header + " gives");
                emit(c + "    what it computes and the shapes.");
                emit(c + "KO: 여기에 노트북의 " + r.function + " 코드를 옮기세요. 계산 내용과 shape은");
                emit(c + "    " + header + "에 있습니다.");
            }
            if (!r.placeholders.empty() || !r.voids.empty())
                emit(c + "Placeholders, only so that this copy compiles / 컴파일만을 위한 자리표시자:");
            for (const auto& p : r.placeholders)
                emit(indent + p.type + " " + p.name + "{};  // used below END CODE HERE: your code declares " +
                     p.name + " / 직접 선언하세요");
            for (const auto& v : r.voids) emit(indent + "(void)" + v + ";  // you will need " + v + " / 필요한 값");
            emit(indent + "throw std::logic_error(\"" + r.function + ": not implemented yet (" + display_path +
                 ")\");");
            emit(lines[r.end_line]);
            i = r.end_line;
            ++next_region;
            continue;
        }
        emit(lines[i]);
    }
    return {out, regions};
}

// ---- grading copies (`make grade`) -----------------------------------------------------------------------------
//
// EN: make grade grades each of the student's functions twice: alone, calling the notebook's own functions (the
//     library's) wherever it calls another graded function, and with the student's own helpers. The grading copy
//     of a student's file holds both versions of each graded function it defines, under names of their own:
//       yours_<name>  the student's function, with every call to a graded function renamed yours_<callee>: the
//                     student's functions calling each other, as in the student's file;
//       alone_<name>  the student's function as written: its calls to graded functions reach the library's.
//     The file's own definitions of the graded functions are blanked (every character but the newlines), so
//     the library's stay the only dnn::<name>; everything else in the file (includes, helpers of the student's
//     own) stays where it is. #line directives keep compiler messages and the debugger on the student's file and
//     lines. The declarations of yours_<name> and alone_<name> are course/graded_copies.hpp (week 4, in dnn)
//     and course/graded_copies_<folder>.hpp for the notebooks in nn/<folder>/ (weeks 2 and 3, in dnn::basics,
//     dnn::logistic, dnn::planar). Names repeat across notebooks (sigmoid, predict, compute_cost, ...): a
//     notebook's graded functions are the ones of its own folder, and its copies sit in its own namespace, so
//     dnn::logistic::alone_sigmoid and dnn::basics::alone_sigmoid are two functions.
// KO: make grade는 학생의 함수를 두 번 채점합니다. 한 번은 혼자서(다른 채점 함수를 부르는 곳은 노트북 자체의
//     함수, 곧 라이브러리의 함수를 부름), 한 번은 학생 자신의 도우미 함수와 함께입니다. 학생 파일의 채점용
//     사본에는 파일이 정의하는 채점 함수마다 두 판이 각자의 이름으로 들어갑니다:
//       yours_<이름>  학생의 함수. 채점 함수를 부르는 곳은 모두 yours_<불리는 함수>로 바뀌어, 학생 파일에서처럼
//                     학생의 함수끼리 부릅니다.
//       alone_<이름>  학생이 쓴 그대로의 함수. 채점 함수를 부르면 라이브러리의 함수가 불립니다.
//     파일 안의 채점 함수 정의는 공백으로 지워서(줄바꿈만 남김) dnn::<이름>은 라이브러리의 것 하나뿐이고,
//     나머지(include, 학생이 만든 도우미)는 그대로 둡니다. #line 지시문 덕분에 컴파일러 메시지와 디버거는
//     학생의 파일과 줄 번호를 가리킵니다. yours_<이름>, alone_<이름>의 선언은 course/graded_copies.hpp(4주차,
//     dnn)와 course/graded_copies_<폴더>.hpp(nn/<폴더>/의 2, 3주차 노트북: dnn::basics, dnn::logistic,
//     dnn::planar)에 있습니다. 노트북마다 같은 이름(sigmoid, predict, compute_cost 등)이 있으므로 한 노트북의
//     채점 함수는 그 폴더의 함수들이고, 사본은 그 노트북의 네임스페이스 안에 들어갑니다.

// One definition of a graded function in a source text.
struct Definition {
    std::string name;
    std::size_t begin = 0, end = 0;  // [begin, end): from its first token (the result type) to its closing brace
    std::size_t name_pos = 0;        // offset of the name in the text
    std::size_t line = 0;            // 0-based line of `begin`
};

// The definitions ("Type name(...) {...}") of the functions named in `names`, in file order. A name followed by
// "(" whose matching ")" is followed by "{" is a definition; anything else (a call, a declaration) is not.
inline std::vector<Definition> find_definitions(const std::string& source, const std::set<std::string>& names) {
    const std::string masked = mask_code(source);
    const std::vector<Token> t = tokenize(masked);
    const std::vector<std::string> lines = split_lines(source);
    auto preprocessor_line = [&](std::size_t line) {
        return line < lines.size() && !lines[line].empty() &&
               lines[line].find_first_not_of(" \t") != std::string::npos &&
               lines[line][lines[line].find_first_not_of(" \t")] == '#';
    };
    std::vector<Definition> out;
    for (std::size_t k = 0; k + 1 < t.size(); ++k) {
        if (!t[k].ident || !names.count(t[k].text) || t[k + 1].text != "(") continue;
        if (k > 0 && (t[k - 1].text == "." || t[k - 1].text == "->")) continue;
        std::size_t j = k + 1;
        for (int paren = 0; j < t.size(); ++j) {
            if (t[j].text == "(") ++paren;
            else if (t[j].text == ")" && --paren == 0) break;
        }
        std::size_t body = j + 1;
        while (body < t.size() && (t[body].text == "noexcept" || t[body].text == "const")) ++body;
        if (body >= t.size() || t[body].text != "{") continue;
        std::size_t close = body;
        for (int depth = 0; close < t.size(); ++close) {
            if (t[close].text == "{") ++depth;
            else if (t[close].text == "}" && --depth == 0) break;
        }
        if (close >= t.size()) continue;
        std::size_t first = k;
        while (first > 0 && t[first - 1].text != ";" && t[first - 1].text != "{" && t[first - 1].text != "}" &&
               !preprocessor_line(t[first - 1].line))
            --first;
        out.push_back({t[k].text, t[first].pos, t[close].pos + 1, t[k].pos, t[first].line});
        k = close;
    }
    return out;
}

// The named namespaces around offset `pos` of a source text, joined by "::" ("dnn::planar"); anonymous ones
// are left out, so a definition inside `namespace dnn::planar { namespace { ... } }` is in "dnn::planar".
inline std::string enclosing_namespace(const std::string& source, std::size_t pos) {
    const std::vector<Token> t = tokenize(mask_code(source));
    std::vector<std::string> stack;  // one entry per open brace: the namespace it opens, "" for any other
    std::string pending;             // "namespace a::b" seen, its brace not yet
    bool in_namespace_head = false;
    for (std::size_t k = 0; k < t.size() && t[k].pos < pos; ++k) {
        const std::string& x = t[k].text;
        if (x == "namespace") { in_namespace_head = true; pending.clear(); continue; }
        if (in_namespace_head && (t[k].ident || x == "::")) { pending += x; continue; }
        if (x == "{") stack.push_back(in_namespace_head ? (pending.empty() ? "-" : pending) : "");
        else if (x == "}" && !stack.empty()) stack.pop_back();
        in_namespace_head = false;
    }
    std::string ns;
    for (const auto& n : stack)
        if (!n.empty() && n != "-") ns += (ns.empty() ? "" : "::") + n;
    return ns;
}

// The names of the functions a source text defines with external linkage (not inside an anonymous namespace):
// in a graded file of the library, its graded functions and any other function of the notebook it holds
// (logistic::accuracy in model.cpp).
inline std::set<std::string> external_functions(const std::string& source) {
    const std::vector<Token> t = tokenize(mask_code(source));
    std::set<std::string> candidates;
    for (std::size_t k = 0; k + 1 < t.size(); ++k)
        if (t[k].ident && !is_keyword(t[k].text) && t[k + 1].text == "(") candidates.insert(t[k].text);
    std::set<std::string> out;
    for (const auto& d : find_definitions(source, candidates)) {
        // Inside an anonymous namespace: a "namespace {" still open before it.
        std::vector<bool> anonymous;  // one per open brace
        bool head = false, named = false;
        for (std::size_t k = 0; k < t.size() && t[k].pos < d.begin; ++k) {
            if (t[k].text == "namespace") { head = true; named = false; continue; }
            if (head && t[k].ident) { named = true; continue; }
            if (head && t[k].text == "::") continue;
            if (t[k].text == "{") anonymous.push_back(head && !named);
            else if (t[k].text == "}" && !anonymous.empty()) anonymous.pop_back();
            head = false;
        }
        if (std::find(anonymous.begin(), anonymous.end(), true) == anonymous.end()) out.insert(d.name);
    }
    return out;
}

// `text` with each code token (not a member name after "." or "->") that is one of `names` renamed
// prefix + name. The copy sits inside namespace `ns` (e.g. "dnn::planar"): a qualifier written before the name
// that names that namespace ("dnn::planar::", "planar::", "::dnn::planar::") goes with it; a name qualified by
// another namespace ("dnn::sigmoid" in dnn::basics) is another function and is left as it is.
inline std::string rename_tokens(const std::string& text, const std::set<std::string>& names, const std::string& prefix,
                                 bool only_first = false, const std::string& ns = "dnn") {
    std::vector<std::string> parts;  // the namespace's components, "dnn", "planar"
    for (std::size_t a = 0; a <= ns.size();) {
        std::size_t b = ns.find("::", a);
        if (b == std::string::npos) b = ns.size();
        if (b > a) parts.push_back(ns.substr(a, b - a));
        a = b + 2;
    }
    const std::vector<Token> t = tokenize(mask_code(text));
    std::vector<std::pair<std::size_t, std::size_t>> cuts;  // (from, to): replaced by prefix + name
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (!t[k].ident || !names.count(t[k].text)) continue;
        if (k > 0 && (t[k - 1].text == "." || t[k - 1].text == "->")) continue;
        // The qualifier before it: a::b::name (q = the index of its first token), and a leading "::".
        std::vector<std::string> qualifier;
        std::size_t q = k;
        while (q >= 2 && t[q - 1].text == "::" && t[q - 2].ident) {
            qualifier.insert(qualifier.begin(), t[q - 2].text);
            q -= 2;
        }
        const bool global = q >= 1 && t[q - 1].text == "::";
        if (global) --q;
        bool ours = qualifier.size() <= parts.size() && (!global || qualifier.size() == parts.size());
        for (std::size_t i = 0; ours && i < qualifier.size(); ++i)
            ours = qualifier[i] == parts[parts.size() - qualifier.size() + i];
        if (!ours) continue;
        cuts.push_back({t[q].pos, t[k].pos + t[k].text.size()});
        if (only_first) break;
    }
    std::string out = text;
    for (auto c = cuts.rbegin(); c != cuts.rend(); ++c) {  // from the end: earlier offsets stay valid
        const std::string written = text.substr(c->first, c->second - c->first);  // "f" or "dnn::f"
        const std::size_t colon = written.rfind(':');
        out.replace(c->first, c->second - c->first,
                    prefix + (colon == std::string::npos ? written : written.substr(colon + 1)));
    }
    return out;
}

// The grading copy of a student's file (see above). `all_graded` names every graded function of the file's
// notebook (the graded files of its folder); display_path is the student's file as the compiler should name it;
// ns is the notebook's namespace and header the declarations of its copies; library_only names the file's
// ungraded functions, which the library defines too (their definitions are blanked, and get no copy). Throws exgen::Error when a graded
// function the library's file defines (`defined_here`) is missing from the student's file.
inline std::string make_grading_copy(const std::string& source, const std::string& display_path,
                                     const std::set<std::string>& all_graded,
                                     const std::vector<std::string>& defined_here, const std::string& ns = "dnn",
                                     const std::string& header = "course/graded_copies.hpp",
                                     const std::set<std::string>& library_only = {}) {
    const std::vector<Definition> defs = find_definitions(source, all_graded);
    // The file's other functions that the library defines too (ungraded: logistic::accuracy) are blanked as
    // well, so the library's stay the only ones; they get no copies.
    const std::vector<Definition> ungraded = find_definitions(source, library_only);
    for (const auto& name : defined_here) {
        bool found = false;
        for (const auto& d : defs) found = found || d.name == name;
        if (!found)
            throw Error(display_path + ": no definition of " + name + "() (the graded functions must keep their "
                        "names and arguments, as in nn/step_by_step.hpp)");
    }
    std::string frame = source;
    for (const auto* list : {&defs, &ungraded})
        for (const auto& d : *list)
            for (std::size_t i = d.begin; i < d.end; ++i)
                if (frame[i] != '\n') frame[i] = ' ';
    std::string quoted;
    for (char c : display_path) {
        if (c == '"' || c == '\\') quoted += '\\';
        quoted += c;
    }
    std::string out = "#line 1 \"" + quoted + "\"\n" + frame;
    if (!out.empty() && out.back() != '\n') out += '\n';
    out += "// ---- written by make grade (course/exercise_gen.hpp, make_grading_copy): each graded function twice\n";
    out += "#include \"" + header + "\"\nnamespace " + ns + " {\n";
    for (const char* kind : {"yours_", "alone_"}) {
        for (const auto& d : defs) {
            const std::size_t column = d.begin - (source.rfind('\n', d.begin) == std::string::npos
                                                      ? 0 : source.rfind('\n', d.begin) + 1);
            const std::string text = source.substr(d.begin, d.end - d.begin);
            const std::string renamed = std::string(kind) == "yours_"
                                            ? rename_tokens(text, all_graded, "yours_", false, ns)
                                            : rename_tokens(text, {d.name}, "alone_", /*only_first=*/true, ns);
            out += "#line " + std::to_string(d.line + 1) + " \"" + quoted + "\"\n" + std::string(column, ' ') +
                   renamed + "\n";
        }
    }
    out += "}  // namespace " + ns + "\n";
    return out;
}

}  // namespace exgen
