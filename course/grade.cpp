// course/grade.cpp - `make grade`: grades the graded functions of a student's copy: the three notebooks of weeks 2
// and 3 (W2A1 Python Basics, W2A2 Logistic Regression, W3A1 Planar classification) and week 4's Step by Step.
//
//   grade [--source DIR] [--only NAME] [--no-fork] [--require-all] [--timeout SECONDS]
//
// EN: Linked with the grading copies of the student's files (tools/mk/exercises.mk; course/graded_copies.hpp):
//     for each graded function, alone_<name> (the student's function calling the notebook's own functions for the
//     other graded ones) and yours_<name> (calling the student's). Each function is graded alone, on the
//     notebook's test case(s) against the notebook's printed "Expected output" and on hidden cases against the
//     notebook's function, so it passes only when it is right on its own; a note says whether it also works with
//     the student's helpers (course/grader.hpp). One line per function, "PASS  name" or "FAIL  name: <the first
//     value that differs>" with a hint, under each notebook's title, then each notebook's count and "Score: k/n".
//     --only takes a qualified name (logistic::sigmoid; week 4's are unqualified) or one that names a single
//     function (propagate). Each check runs in its own child process (fork), so a
//     crash, an endless loop or an exception in one cannot stop the others; --no-fork runs them in this process
//     (for a debugger). --require-all: exit status 1 unless every function passes.
// KO: 학생 파일의 채점용 사본과 링크됩니다(tools/mk/exercises.mk, course/graded_copies.hpp). 채점 함수마다
//     alone_<이름>(다른 채점 함수 대신 노트북 자체의 함수를 부르는 학생의 함수)과 yours_<이름>(학생의 함수를
//     부름)이 있습니다. 각 함수는 혼자서 채점합니다: 노트북 테스트 케이스는 노트북이 출력한 "Expected
//     output"과, 숨은 케이스는 노트북의 함수와 비교하므로 그 함수 자체가 맞아야만 통과합니다. 학생의 도우미
//     함수와 함께여도 맞는지는 참고로 알려 줍니다(course/grader.hpp). 함수마다 한 줄("PASS  이름" 또는 힌트가
//     붙은 "FAIL  이름: <처음 다른 값>")을 노트북 제목 아래에 출력하고, 노트북별 점수와 마지막 "Score: k/n"을
//     출력합니다. --only에는 네임스페이스를 붙인 이름(logistic::sigmoid, 4주차는 그대로)이나 함수 하나를 가리키는
//     이름(propagate)을 씁니다. 검사마다 별도의 자식
//     프로세스(fork)에서 실행하므로 충돌, 무한 루프, 예외가 나머지 채점을 막지 못합니다. --no-fork는 이
//     프로세스 안에서 실행합니다(디버거용). --require-all: 모두 통과하지 않으면 종료 상태 1.
#include <iostream>
#include <string>
#include <vector>

#include "course/graded_copies.hpp"
#include "course/graded_copies_logistic_regression.hpp"
#include "course/graded_copies_planar_classification.hpp"
#include "course/graded_copies_python_basics.hpp"
#include "course/grader.hpp"

using namespace dnn;

namespace {

grading::Functions alone_functions() {
    grading::Functions f;
    f.initialize_parameters = &alone_initialize_parameters;
    f.initialize_parameters_deep = &alone_initialize_parameters_deep;
    f.linear_forward = &alone_linear_forward;
    f.linear_activation_forward = &alone_linear_activation_forward;
    f.L_model_forward = &alone_L_model_forward;
    f.compute_cost = &alone_compute_cost;
    f.linear_backward = &alone_linear_backward;
    f.linear_activation_backward = &alone_linear_activation_backward;
    f.L_model_backward = &alone_L_model_backward;
    f.update_parameters = &alone_update_parameters;

    f.basics.basic_sigmoid = &basics::alone_basic_sigmoid;
    f.basics.sigmoid = &basics::alone_sigmoid;
    f.basics.sigmoid_derivative = &basics::alone_sigmoid_derivative;
    f.basics.image2vector = &basics::alone_image2vector;
    f.basics.normalize_rows = &basics::alone_normalize_rows;
    f.basics.softmax = &basics::alone_softmax;
    f.basics.L1 = &basics::alone_L1;
    f.basics.L2 = &basics::alone_L2;

    f.logistic.sigmoid = &logistic::alone_sigmoid;
    f.logistic.initialize_with_zeros = &logistic::alone_initialize_with_zeros;
    f.logistic.propagate = &logistic::alone_propagate;
    f.logistic.optimize = &logistic::alone_optimize;
    f.logistic.predict = &logistic::alone_predict;
    f.logistic.model = &logistic::alone_model;

    f.planar.layer_sizes = &planar::alone_layer_sizes;
    f.planar.initialize_parameters = &planar::alone_initialize_parameters;
    f.planar.forward_propagation = &planar::alone_forward_propagation;
    f.planar.compute_cost = &planar::alone_compute_cost;
    f.planar.backward_propagation = &planar::alone_backward_propagation;
    f.planar.update_parameters = &planar::alone_update_parameters;
    f.planar.nn_model = &planar::alone_nn_model;
    f.planar.predict = &planar::alone_predict;
    return f;
}

grading::Functions yours_functions() {
    grading::Functions f;
    f.initialize_parameters = &yours_initialize_parameters;
    f.initialize_parameters_deep = &yours_initialize_parameters_deep;
    f.linear_forward = &yours_linear_forward;
    f.linear_activation_forward = &yours_linear_activation_forward;
    f.L_model_forward = &yours_L_model_forward;
    f.compute_cost = &yours_compute_cost;
    f.linear_backward = &yours_linear_backward;
    f.linear_activation_backward = &yours_linear_activation_backward;
    f.L_model_backward = &yours_L_model_backward;
    f.update_parameters = &yours_update_parameters;

    f.basics.basic_sigmoid = &basics::yours_basic_sigmoid;
    f.basics.sigmoid = &basics::yours_sigmoid;
    f.basics.sigmoid_derivative = &basics::yours_sigmoid_derivative;
    f.basics.image2vector = &basics::yours_image2vector;
    f.basics.normalize_rows = &basics::yours_normalize_rows;
    f.basics.softmax = &basics::yours_softmax;
    f.basics.L1 = &basics::yours_L1;
    f.basics.L2 = &basics::yours_L2;

    f.logistic.sigmoid = &logistic::yours_sigmoid;
    f.logistic.initialize_with_zeros = &logistic::yours_initialize_with_zeros;
    f.logistic.propagate = &logistic::yours_propagate;
    f.logistic.optimize = &logistic::yours_optimize;
    f.logistic.predict = &logistic::yours_predict;
    f.logistic.model = &logistic::yours_model;

    f.planar.layer_sizes = &planar::yours_layer_sizes;
    f.planar.initialize_parameters = &planar::yours_initialize_parameters;
    f.planar.forward_propagation = &planar::yours_forward_propagation;
    f.planar.compute_cost = &planar::yours_compute_cost;
    f.planar.backward_propagation = &planar::yours_backward_propagation;
    f.planar.update_parameters = &planar::yours_update_parameters;
    f.planar.nn_model = &planar::yours_nn_model;
    f.planar.predict = &planar::yours_predict;
    return f;
}

int usage() {
    std::cerr << "usage: grade [--source DIR] [--only NAME] [--no-fork] [--require-all] [--timeout SECONDS]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string source;
    grading::Options options;
    bool require_all = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--source" && i + 1 < argc) source = argv[++i];
        else if (a == "--only" && i + 1 < argc) options.only = argv[++i];
        else if (a == "--timeout" && i + 1 < argc) options.timeout_s = static_cast<unsigned>(std::stoul(argv[++i]));
        else if (a == "--no-fork") options.fork = false;
        else if (a == "--require-all") require_all = true;
        else return usage();
    }
    if (!options.only.empty()) {
        std::vector<std::string> candidates;
        const std::string name = grading::resolve_name(options.only, &candidates);
        if (name.empty() && candidates.empty()) {
            std::cerr << "grade: no graded function named \"" << options.only << "\"\n"
                      << "grade: \"" << options.only << "\"이라는 채점 함수가 없습니다.\n";
            return 2;
        }
        if (name.empty()) {
            std::string list;
            for (const auto& c : candidates) list += (list.empty() ? "" : ", ") + c;
            std::cerr << "grade: \"" << options.only << "\" is in several notebooks: say which, " << list << "\n"
                      << "grade: \"" << options.only << "\"은 여러 노트북에 있습니다. 다음 중 하나로 쓰세요: " << list
                      << "\n";
            return 2;
        }
        options.only = name;
    }
    if (!source.empty()) std::cout << "Grading " << source << "\n" << std::flush;
    const grading::Report report = grading::grade(alone_functions(), yours_functions(), options, std::cout);
    return require_all && report.score != report.total ? 1 : 0;
}
