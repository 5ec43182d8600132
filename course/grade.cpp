// course/grade.cpp - `make grade`: grades the ten Step-by-Step functions of a student's copy.
//
//   grade [--source DIR] [--only NAME] [--no-fork] [--require-all] [--timeout SECONDS]
//
// EN: Linked with the grading copies of the student's files (tools/mk/exercises.mk; course/graded_copies.hpp):
//     for each graded function, alone_<name> (the student's function calling the notebook's own functions for the
//     other graded ones) and yours_<name> (calling the student's). Each function is graded alone, on the
//     notebook's test case(s) against the notebook's printed "Expected output" and on hidden cases against the
//     notebook's function, so it passes only when it is right on its own; a note says whether it also works with
//     the student's helpers (course/grader.hpp). One line per function, "PASS  name" or "FAIL  name: <the first
//     value that differs>" with a hint, then "Score: k/n". Each check runs in its own child process (fork), so a
//     crash, an endless loop or an exception in one cannot stop the others; --no-fork runs them in this process
//     (for a debugger). --require-all: exit status 1 unless every function passes.
// KO: 학생 파일의 채점용 사본과 링크됩니다(tools/mk/exercises.mk, course/graded_copies.hpp). 채점 함수마다
//     alone_<이름>(다른 채점 함수 대신 노트북 자체의 함수를 부르는 학생의 함수)과 yours_<이름>(학생의 함수를
//     부름)이 있습니다. 각 함수는 혼자서 채점합니다: 노트북 테스트 케이스는 노트북이 출력한 "Expected
//     output"과, 숨은 케이스는 노트북의 함수와 비교하므로 그 함수 자체가 맞아야만 통과합니다. 학생의 도우미
//     함수와 함께여도 맞는지는 참고로 알려 줍니다(course/grader.hpp). 함수마다 한 줄("PASS  이름" 또는 힌트가
//     붙은 "FAIL  이름: <처음 다른 값>")과 마지막 "Score: k/n"을 출력합니다. 검사마다 별도의 자식
//     프로세스(fork)에서 실행하므로 충돌, 무한 루프, 예외가 나머지 채점을 막지 못합니다. --no-fork는 이
//     프로세스 안에서 실행합니다(디버거용). --require-all: 모두 통과하지 않으면 종료 상태 1.
#include <iostream>
#include <string>

#include "course/graded_copies.hpp"
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
        bool known = false;
        for (const auto& g : grading::graded_functions()) known = known || options.only == g.name;
        if (!known) {
            std::cerr << "grade: no graded function named \"" << options.only << "\"\n";
            return 2;
        }
    }
    if (!source.empty()) std::cout << "Grading " << source << "\n" << std::flush;
    const grading::Report report = grading::grade(alone_functions(), yours_functions(), options, std::cout);
    return require_all && report.score != report.total ? 1 : 0;
}
