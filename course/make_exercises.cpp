// course/make_exercises.cpp - `make exercises`: writes the exercise copies of the graded source files.
//
//   make_exercises --out DIR [--force] [--root ROOT] FILE...
//   make_exercises --grading-copy STUDENT_FILE --as FILE --out OUT_FILE [--root ROOT] FILE...
//
// EN: Each FILE (relative to ROOT, default ".") is copied to DIR/FILE with its graded regions replaced by
//     placeholders (course/exercise_gen.hpp), and DIR/README.md explains the workflow. An existing copy is never
//     overwritten: with --force the old files are moved to DIR/backup-<time>/ first, and each is named.
//     Nothing is written when any file fails to convert.
//     With --grading-copy (used by `make grade`, tools/mk/exercises.mk) it writes OUT_FILE, the grading copy of
//     the student's STUDENT_FILE, whose library file is FILE (exgen::make_grading_copy); the FILEs listed last
//     (every graded library file) name the graded functions.
// KO: 각 FILE(ROOT 기준, 기본값 ".")을 채점 영역을 자리표시자로 바꿔 DIR/FILE로 복사하고, DIR/README.md에
//     진행 방법을 씁니다. 이미 있는 사본은 덮어쓰지 않습니다: --force이면 예전 파일을 먼저
//     DIR/backup-<시각>/으로 옮기고 하나하나 알려 줍니다. 한 파일이라도 변환에 실패하면 아무것도 쓰지 않습니다.
//     --grading-copy(`make grade`가 씀)이면 학생 파일 STUDENT_FILE(라이브러리 파일은 FILE)의 채점용 사본
//     OUT_FILE을 씁니다(exgen::make_grading_copy). 마지막에 나열한 FILE들(채점 대상 라이브러리 파일 전부)이
//     채점 함수의 이름을 알려 줍니다.
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "course/exercise_gen.hpp"

namespace fs = std::filesystem;

namespace {

void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    if (!out) throw exgen::Error("cannot write " + p.string());
}

std::string readme(const std::string& out_dir, const std::vector<std::pair<std::string, exgen::Exercise>>& made) {
    const std::string grade = out_dir == "exercises" ? "make grade" : "make grade EXERCISES=" + out_dir;
    std::string list;
    int functions = 0;
    for (const auto& [file, ex] : made) {
        list += "- `" + file + "`: ";
        std::string names;
        for (const auto& f : ex.functions()) {
            names += (names.empty() ? "" : ", ") + std::string("`") + f + "`";
            ++functions;
        }
        list += names + "\n";
    }
    std::ostringstream r;
    r << "# Exercises / 연습 문제\n\n"
      << "Made by `make exercises` from the library's own sources. These files are yours: `make exercises` never\n"
         "overwrites them (`make exercises FORCE=1` starts over and moves your old files to `backup-<time>/`).\n\n"
      << "`make exercises`가 라이브러리 소스에서 만든 사본입니다. 이 파일들은 여러분의 것입니다: `make exercises`는\n"
         "이 파일을 덮어쓰지 않습니다(`make exercises FORCE=1`은 처음부터 다시 만들고 예전 파일을\n"
         "`backup-<시각>/`으로 옮깁니다).\n\n"
      << "The graded functions of three notebooks, in the course's order: Python Basics with Numpy (W2A1,\n"
         "`nn/python_basics/`), Logistic Regression with a Neural Network mindset (W2A2, `nn/logistic_regression/`),\n"
         "Planar data classification with one hidden layer (W3A1, `nn/planar_classification/`) and Building your Deep\n"
         "Neural Network: Step by Step (W4A1, `nn/*.cpp`).\n\n"
         "세 노트북의 채점 함수를 강의 순서대로 담았습니다: Python Basics with Numpy(W2A1, `nn/python_basics/`),\n"
         "Logistic Regression with a Neural Network mindset(W2A2, `nn/logistic_regression/`), Planar data classification\n"
         "with one hidden layer(W3A1, `nn/planar_classification/`), Building your Deep Neural Network: Step by Step\n"
         "(W4A1, `nn/*.cpp`).\n\n"
      << "## Workflow (EN)\n\n"
      << "1. Each graded function has one or more regions between `// ### START CODE HERE ###` and\n"
         "   `// ### END CODE HERE ###`, as in the notebook's graded cells. Replace everything between the two\n"
         "   marker lines (the hints, the placeholder declarations and the `throw`) with your code.\n"
         "   The shapes and formulas are in each notebook's header (`nn/python_basics/python_basics.hpp`,\n"
         "   `nn/logistic_regression/logistic_regression.hpp`, `nn/planar_classification/planar_classification.hpp`,\n"
         "   `nn/step_by_step.hpp`); the helpers (`sigmoid`, `relu`, `relu_backward`, `sigmoid_backward`) and the\n"
         "   numpy-like calls (`np::dot`, `np::sum`, ...) are given.\n"
      << "2. Run `" << grade << "`. It builds the library with your files and prints one line per graded\n"
         "   function, `PASS  name` or `FAIL  name: ...` with the first value that differs from the notebook's\n"
         "   expected output, under each notebook's title; then each notebook's count and `Score: k/" << functions
      << "`.\n   Each function is also checked on a hidden case, so copying the expected numbers does not pass.\n"
         "   Weeks 2 and 3 name their functions by namespace (`logistic::sigmoid`, `planar::predict`), as the names\n"
         "   repeat across the notebooks; `GRADE_ARGS='--only logistic::propagate'` grades one function.\n"
      << "3. A compile error names your file and line (e.g. `" << out_dir
      << "/nn/forward.cpp:17`): fix it and run the grader again.\n"
      << "4. Each function is graded on its own: where it calls another graded function (e.g. `L_model_forward`\n"
         "   calls `linear_activation_forward`), the grader puts the notebook's function in its place, so a\n"
         "   mistake in one cannot pass or fail another. A note says how it does with yours, and every FAIL ends\n"
         "   with a hint (English and Korean) for its symptom.\n"
      << "5. The solutions are the library's own files in `nn/`; `make grade EXERCISES=nn` grades them.\n\n"
      << "## 진행 방법 (KO)\n\n"
      << "1. 채점 함수마다 노트북의 채점 셀처럼 `// ### START CODE HERE ###`와 `// ### END CODE HERE ###` 사이에\n"
         "   영역이 하나 이상 있습니다. 두 표시 줄 사이의 모든 것(힌트, 자리표시자 선언, `throw`)을 여러분의\n"
         "   코드로 바꾸세요. shape과 식은 노트북마다 헤더(`nn/python_basics/python_basics.hpp`,\n"
         "   `nn/logistic_regression/logistic_regression.hpp`, `nn/planar_classification/planar_classification.hpp`,\n"
         "   `nn/step_by_step.hpp`)에 있고, 도우미 함수(`sigmoid`, `relu`, `relu_backward`, `sigmoid_backward`)와\n"
         "   numpy 같은 함수(`np::dot`, `np::sum`, ...)는 주어집니다.\n"
      << "2. `" << grade << "`를 실행하세요. 여러분의 파일로 라이브러리를 빌드하고 채점 함수마다 한 줄씩,\n"
         "   `PASS  이름` 또는 노트북의 기대 출력과 처음 다른 값을 담은 `FAIL  이름: ...`을\n"
         "   노트북 제목 아래에 출력하고, 노트북별 점수와 마지막 줄 `Score: k/" << functions
      << "`를 출력합니다.\n   함수마다 숨은 검사도 있어서 기대 값을 베껴서는 통과하지 못합니다.\n"
         "   2, 3주차 함수는 노트북마다 이름이 겹쳐서 네임스페이스를 붙여 부릅니다(`logistic::sigmoid`,\n"
         "   `planar::predict`). `GRADE_ARGS='--only logistic::propagate'`로 함수 하나만 채점할 수 있습니다.\n"
      << "3. 컴파일 오류는 여러분의 파일과 줄 번호로 나옵니다(예: `" << out_dir
      << "/nn/forward.cpp:17`). 고친 뒤 다시 채점하세요.\n"
      << "4. 함수는 하나씩 따로 채점합니다. 다른 채점 함수를 부르는 곳(예: `L_model_forward`는\n"
         "   `linear_activation_forward`를 부름)에는 채점기가 노트북의 함수를 넣으므로, 한 함수의 실수가 다른 함수를\n"
         "   통과시키거나 실패시키지 않습니다. 여러분의 함수와 함께 쓴 결과는 참고로 알려 주고, FAIL마다 증상에 맞는\n"
         "   힌트(영어와 한국어)가 붙습니다.\n"
      << "5. 정답은 `nn/`에 있는 라이브러리 자체 파일이며, `make grade EXERCISES=nn`으로 채점할 수 있습니다.\n\n"
      << "## Files / 파일\n\n"
      << list;
    return r.str();
}

int usage() {
    std::cerr << "usage: make_exercises --out DIR [--force] [--root ROOT] FILE...\n"
                 "       make_exercises --grading-copy STUDENT_FILE --as FILE --out OUT_FILE [--root ROOT] FILE...\n";
    return 2;
}

// --grading-copy: the student's file made into its grading copy. A notebook is a folder (nn/ is week 4,
// nn/<folder>/ weeks 2 and 3): the graded functions that the copy's calls may reach are those of the files in the
// same folder as `as`, its namespace is the one around them in the library's file, and its declarations are
// course/graded_copies.hpp (nn/) or course/graded_copies_<folder>.hpp.
int grading_copy(const std::string& root, const std::string& student, const std::string& as, const std::string& out,
                 const std::vector<std::string>& files) {
    try {
        std::set<std::string> all_graded;
        std::vector<std::string> defined_here;
        std::string ns;
        std::set<std::string> library_only;  // the library file's ungraded functions
        const fs::path folder = fs::path(as).parent_path();
        for (const auto& file : files) {
            if (fs::path(file).parent_path() != folder) continue;  // another notebook
            const std::string text = exgen::read_text_file(fs::path(root) / file);
            const auto ex = exgen::make_exercise(text, file, file, exgen::included_types(root, text));
            for (const auto& f : ex.functions()) all_graded.insert(f);
            if (file != as) continue;
            for (const auto& f : ex.functions()) defined_here.push_back(f);
            const auto defs = exgen::find_definitions(text, {defined_here.begin(), defined_here.end()});
            if (!defs.empty()) ns = exgen::enclosing_namespace(text, defs.front().begin);
            library_only = exgen::external_functions(text);
        }
        for (const auto& f : all_graded) library_only.erase(f);
        if (defined_here.empty()) throw exgen::Error(as + " is not among the graded files");
        if (ns.empty()) ns = "dnn";
        const std::string header = folder == "nn" || folder.empty()
                                       ? "course/graded_copies.hpp"
                                       : "course/graded_copies_" + folder.filename().string() + ".hpp";
        const std::string copy =
            exgen::make_grading_copy(exgen::read_text_file(student), student, all_graded, defined_here, ns, header,
                                     library_only);
        const fs::path tmp = out + ".tmp";
        write_file(tmp, copy);
        fs::rename(tmp, out);
    } catch (const std::exception& e) {
        std::cerr << "make_exercises: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string out_dir, root = ".", student, as;
    bool force = false;
    std::vector<std::string> files;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--out" && i + 1 < argc) out_dir = argv[++i];
        else if (a == "--root" && i + 1 < argc) root = argv[++i];
        else if (a == "--grading-copy" && i + 1 < argc) student = argv[++i];
        else if (a == "--as" && i + 1 < argc) as = argv[++i];
        else if (a == "--force") force = true;
        else if (!a.empty() && a[0] == '-') return usage();
        else files.push_back(a);
    }
    if (!student.empty()) {
        if (as.empty() || out_dir.empty() || files.empty()) return usage();
        return grading_copy(root, student, as, out_dir, files);
    }
    while (out_dir.size() > 1 && out_dir.back() == '/') out_dir.pop_back();
    if (out_dir.empty() || files.empty()) return usage();

    try {
        // Everything is converted in memory first: a failure leaves the folder as it was.
        std::vector<std::pair<std::string, exgen::Exercise>> made;
        for (const auto& file : files) {
            const std::string text = exgen::read_text_file(fs::path(root) / file);
            made.push_back({file, exgen::make_exercise(text, file, out_dir + "/" + file,
                                                       exgen::included_types(root, text))});
            if (made.back().second.regions.empty())
                throw exgen::Error(file + ": no \"" + exgen::kStartMarker + "\" region in it");
        }

        std::vector<std::string> targets;
        for (const auto& [file, ex] : made) targets.push_back(out_dir + "/" + file);
        targets.push_back(out_dir + "/README.md");
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::error_code ec;
            if (fs::exists(targets[i]) && fs::equivalent(targets[i], fs::path(root) / files[i], ec))
                throw exgen::Error(targets[i] + " is the library's own source file; choose "
                                   "another folder than " + out_dir);
        }

        std::vector<std::string> existing;
        for (const auto& t : targets)
            if (fs::exists(t)) existing.push_back(t);
        if (!existing.empty() && !force) {
            std::cout << out_dir << "/ exists already, with your work in it: not overwritten.\n"
                      << "  To start over, run `make exercises FORCE=1`: it moves your old files to "
                      << out_dir << "/backup-<time>/ and writes fresh copies.\n"
                      << out_dir << "/에는 이미 여러분의 작업이 있어 덮어쓰지 않았습니다.\n"
                      << "  처음부터 다시 하려면 `make exercises FORCE=1`을 실행하세요: 예전 파일을 "
                      << out_dir << "/backup-<시각>/으로 옮기고 새 사본을 씁니다.\n";
            return 0;
        }
        if (!existing.empty()) {
            char stamp[32];
            const std::time_t now = std::time(nullptr);
            std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
            const fs::path backup = fs::path(out_dir) / (std::string("backup-") + stamp);
            for (const auto& t : existing) {
                const fs::path rel = fs::relative(t, out_dir);
                fs::create_directories((backup / rel).parent_path());
                fs::rename(t, backup / rel);
                std::cout << "FORCE=1: replacing " << t << " (your old version is now " << (backup / rel).string()
                          << ")\n";
            }
        }

        int functions = 0, regions = 0;
        for (const auto& [file, ex] : made) {
            write_file(fs::path(out_dir) / file, ex.text);
            functions += static_cast<int>(ex.functions().size());
            regions += static_cast<int>(ex.regions.size());
            std::cout << "wrote " << out_dir << "/" << file << ":";
            for (const auto& f : ex.functions()) std::cout << " " << f;
            std::cout << "\n";
        }
        write_file(fs::path(out_dir) / "README.md", readme(out_dir, made));
        std::cout << "wrote " << out_dir << "/README.md\n"
                  << functions << " graded functions, " << regions << " regions to fill in. Next: edit the files in "
                  << out_dir << "/, then run `make grade" << (out_dir == "exercises" ? "" : " EXERCISES=" + out_dir)
                  << "`.\n"
                  << "채점 함수 " << functions << "개, 채울 영역 " << regions << "개. 다음: " << out_dir
                  << "/의 파일을 고친 뒤 `make grade" << (out_dir == "exercises" ? "" : " EXERCISES=" + out_dir)
                  << "`를 실행하세요.\n";
    } catch (const std::exception& e) {
        std::cerr << "make_exercises: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
