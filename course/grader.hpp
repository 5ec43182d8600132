// course/grader.hpp - how `make grade` grades: the checks of each graded function of the three notebooks (W2A1,
// W2A2, W3A1, W4A1), what a failure looks like (its symptom) and the hint for it, and the report.
//
// EN: A graded function is checked through a table of function pointers (Functions): the checks call only the
//     function being graded, and compare it with the notebook's own function (the library's, nn/*.cpp) on the
//     notebook's test case and on hidden cases. course/grade.cpp (the program) grades the student's functions
//     twice: "alone" (the student's function, calling the notebook's functions wherever it calls another graded
//     function) decides PASS or FAIL, so a function passes only when it is right on its own; "yours" (the
//     student's function with the student's own helpers) only adds a note: whether the student's helpers change
//     the result, or cancel a mistake out. Each FAIL ends with a hint, in English and Korean, for its symptom
//     (hint_table()). The tests (tests/test_grader.cpp) grade made-up broken functions through the same table.
// KO: 채점 함수는 함수 포인터 표(Functions)를 통해 검사합니다. 검사는 채점하는 함수 하나만 부르고, 노트북의
//     테스트 케이스와 숨은 케이스에서 노트북 자체의 함수(라이브러리의 nn/*.cpp)와 비교합니다.
//     course/grade.cpp(프로그램)는 학생의 함수를 두 번 채점합니다. "alone"(다른 채점 함수를 부르는 곳에서는
//     노트북의 함수를 부르는 학생의 함수)이 PASS / FAIL을 정하므로 함수는 그 자체로 맞아야만 통과합니다.
//     "yours"(학생 자신의 도우미 함수와 함께인 학생의 함수)는 참고만 덧붙입니다: 학생의 도우미가 결과를
//     바꾸는지, 실수를 상쇄하는지. FAIL마다 증상에 맞는 힌트가 영어와 한국어로 붙습니다(hint_table()).
//     테스트(tests/test_grader.cpp)는 일부러 틀리게 만든 함수들을 같은 표로 채점합니다.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "matrix/matrix.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/python_basics/python_basics.hpp"
#include "nn/types.hpp"

namespace dnn::grading {

// One implementation of each graded function of "Python Basics with Numpy" (W2A1, dnn::basics).
struct BasicsFunctions {
    double (*basic_sigmoid)(double) = nullptr;
    Matrix (*sigmoid)(const Matrix&) = nullptr;
    Matrix (*sigmoid_derivative)(const Matrix&) = nullptr;
    Matrix (*image2vector)(const basics::Array3D&) = nullptr;
    Matrix (*normalize_rows)(Matrix) = nullptr;
    Matrix (*softmax)(const Matrix&) = nullptr;
    double (*L1)(const Matrix&, const Matrix&) = nullptr;
    double (*L2)(const Matrix&, const Matrix&) = nullptr;
};

// ... of "Logistic Regression with a Neural Network mindset" (W2A2, dnn::logistic).
struct LogisticFunctions {
    Matrix (*sigmoid)(const Matrix&) = nullptr;
    logistic::Params (*initialize_with_zeros)(int) = nullptr;
    logistic::PropagateResult (*propagate)(const Matrix&, double, const Matrix&, const Matrix&) = nullptr;
    logistic::OptimizeResult (*optimize)(Matrix, double, const Matrix&, const Matrix&, int, double, bool) = nullptr;
    Matrix (*predict)(Matrix, double, const Matrix&) = nullptr;
    logistic::ModelResult (*model)(const Matrix&, const Matrix&, const Matrix&, const Matrix&, int, double,
                                   bool) = nullptr;
};

// ... of "Planar data classification with one hidden layer" (W3A1, dnn::planar).
struct PlanarFunctions {
    planar::LayerSizes (*layer_sizes)(const Matrix&, const Matrix&) = nullptr;
    Parameters (*initialize_parameters)(int, int, int, planar::Seeding) = nullptr;
    planar::ForwardResult (*forward_propagation)(const Matrix&, const Parameters&) = nullptr;
    double (*compute_cost)(const Matrix&, const Matrix&) = nullptr;
    Grads (*backward_propagation)(const Parameters&, const planar::Cache&, const Matrix&, const Matrix&) = nullptr;
    Parameters (*update_parameters)(Parameters, const Grads&, double) = nullptr;
    Parameters (*nn_model)(const Matrix&, const Matrix&, int, int, bool, planar::Seeding) = nullptr;
    Matrix (*predict)(const Parameters&, const Matrix&) = nullptr;
};

// One implementation of each graded function of the three notebooks: week 4's ten (Step by Step, dnn::) as
// members of their own, weeks 2 and 3 in a table per notebook (a null entry: not provided).
struct Functions {
    Parameters (*initialize_parameters)(int, int, int) = nullptr;
    Parameters (*initialize_parameters_deep)(const std::vector<int>&) = nullptr;
    LinearForwardResult (*linear_forward)(const Matrix&, const Matrix&, const Matrix&) = nullptr;
    LinearActivationForwardResult (*linear_activation_forward)(const Matrix&, const Matrix&, const Matrix&,
                                                               const std::string&) = nullptr;
    LModelForwardResult (*L_model_forward)(const Matrix&, const Parameters&) = nullptr;
    double (*compute_cost)(const Matrix&, const Matrix&) = nullptr;
    LinearBackwardResult (*linear_backward)(const Matrix&, const LinearCache&) = nullptr;
    LinearBackwardResult (*linear_activation_backward)(const Matrix&, const LayerCache&, const std::string&) = nullptr;
    Grads (*L_model_backward)(const Matrix&, const Matrix&, const Caches&) = nullptr;
    Parameters (*update_parameters)(Parameters, const Grads&, double) = nullptr;

    BasicsFunctions basics;
    LogisticFunctions logistic;
    PlanarFunctions planar;
};

// The notebook's own functions (nn/*.cpp): the reference every check compares with.
Functions notebook_functions();

// What a failure looks like; each has one hint.
enum class Symptom {
    not_implemented,   // the placeholder still throws
    crash,             // the function crashed (a signal)
    timeout,           // still running after the time limit
    exception,         // it threw (a shape that does not broadcast, an np:: error, ...)
    key,               // a dict key missing, misspelled or extra (KeyError)
    index,             // a list index past the end (IndexError)
    sum_shape,         // db of the wrong shape
    transposed,        // the expected shape transposed
    shape,             // another wrong shape
    sign,              // every value negated
    factor_m,          // every value m times too big or too small
    factor,            // every value off by the same factor
    row_offset,        // each row off by the same amount (b missing or added twice)
    activation,        // the values of the other activation
    zeros,             // every value 0
    random,            // other random numbers
    update_direction,  // parameters moved along the gradient
    count,             // a count (len(caches)) off
    cache,             // a cache holds the wrong array
    axis,              // each row divided by the sum or norm of another axis (a column's, or the whole array's)
    values,            // anything else
};

struct Hint {
    Symptom symptom;
    const char* id;  // "sum_shape", for tests and mutants
    const char* en;
    const char* ko;
};
// One entry per symptom, in the enum's order. A hint points at the usual cause; it never gives the solution line.
const std::vector<Hint>& hint_table();
const Hint& hint_for(Symptom symptom);

// The notebooks, in the course's order, and the header each one's hints point at (a hint's "nn/step_by_step.hpp"
// becomes the function's notebook's header).
struct Notebook {
    const char* title;      // "Python Basics with Numpy (W2A1)"
    const char* qualifier;  // the prefix of its functions' names: "basics::" ("" for week 4)
    const char* header;     // "nn/python_basics/python_basics.hpp"
};
const std::vector<Notebook>& notebooks();
// The hint for `symptom` as a FAIL of `function` shows it (English, or Korean), with its notebook's header.
std::string hint_text(Symptom symptom, const std::string& function, bool korean = false);

// One run of a function's checks.
struct Outcome {
    bool pass = false;
    std::string message;  // for a failure: the first difference, or what happened
    Symptom symptom = Symptom::values;
    std::string thrown;   // the text of the exception it threw, if it threw
};

// The graded functions in the course's order, each with the graded functions it calls (directly or not). Week
// 4's names are as they are ("linear_forward"); weeks 2 and 3 qualify theirs by namespace, as names repeat across
// the notebooks ("basics::sigmoid", "logistic::sigmoid", "planar::predict").
struct GradedFunction {
    const char* name;
    std::vector<const char*> calls;
    int notebook = 3;  // index into notebooks()
};
const std::vector<GradedFunction>& graded_functions();
// The graded function `name` stands for: itself, or the one function whose unqualified name it is ("propagate"
// is "logistic::propagate"); "" when there is none, or several ("sigmoid"): `candidates` gets them.
std::string resolve_name(const std::string& name, std::vector<std::string>* candidates = nullptr);

// The checks of one graded function, run with the implementations in `f` (only f.<name> is called; the
// expected values come from notebook_functions()). Exceptions become failures.
Outcome check(const std::string& name, const Functions& f);
// The same in a child process, so that a crash or an endless loop is a failure of this function only.
Outcome check_isolated(const std::string& name, const Functions& f, unsigned timeout_s);

struct Options {
    std::string only;  // grade this function only (its helpers are checked too, quietly, for the notes);
                       // a qualified name, or an unqualified one that names one function (resolve_name)
    bool fork = true;  // each check in a child process
    unsigned timeout_s = 60;
};

struct NotebookScore {
    std::string title;
    int score = 0, total = 0;
};

struct Report {
    int score = 0, total = 0;
    std::vector<NotebookScore> notebooks;  // the notebooks graded, in order
};

// Writes each notebook's title ("== Python Basics with Numpy (W2A1) =="), then its "PASS  name" /
// "FAIL  name: ..." lines, with their notes and hints, as each function is graded; at the end one line per
// notebook ("Python Basics with Numpy (W2A1): 8/8") and "Score: k/n". alone: each of the student's functions calling the notebook's for the other graded functions;
// yours: the student's functions calling each other. PASS and the score follow `alone`; `yours` adds the notes.
Report grade(const Functions& alone, const Functions& yours, const Options& options, std::ostream& out);

}  // namespace dnn::grading
