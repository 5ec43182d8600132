// tutorials/tutorial.hpp - what every tutorial prints: titles, explanations in English and Korean side by side,
// the C++ statements being run, and each result beside the notebook's expected output with a same / different
// verdict.
//
// EN: code() shows the statement that follows it in the tutorial's source, read from the source file itself
//     (tutorials are run from the repository root), so what is shown is always what runs: there is no second
//     copy of the statement to drift. Results print in the notebook's own format: arrays as numpy prints them,
//     integers as integers (len(caches) = 3), and check_printed() takes the text the notebook's print statement
//     makes ("%f": 0.527930).
// KO: code()는 튜토리얼 소스에서 바로 다음에 오는 문장을 소스 파일에서 직접 읽어 보여 줍니다(튜토리얼은 저장소
//     최상위 폴더에서 실행합니다). 그래서 화면에 보이는 문장이 곧 실행되는 문장이고, 따로 적어 둔 사본이 어긋날
//     일이 없습니다. 결과는 노트북과 같은 형식으로 출력합니다: 배열은 numpy처럼, 정수는 정수로(len(caches) = 3),
//     check_printed()는 노트북의 print 문이 만드는 글("%f": 0.527930)을 받습니다.
#pragma once

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "dnn.hpp"

namespace tutorial {

inline int results = 0;
inline int same = 0;

inline void title(const std::string& en, const std::string& ko) {
    std::cout << "\n################################################################################\n"
              << "# " << en << "\n# " << ko << "\n"
              << "################################################################################\n\n";
}

// A section header; a name that reads the same in both languages (a function's name) is printed once.
inline void section(const std::string& en, const std::string& ko) {
    std::cout << "---- " << en;
    if (ko != en) std::cout << " / " << ko;
    std::cout << " ----\n\n";
}

// One idea, said in both languages.
inline void explain(const std::string& en, const std::string& ko) {
    std::cout << "  EN  " << en << "\n  KO  " << ko << "\n\n";
}

// The lines of a source file, or none when it cannot be read.
inline std::vector<std::string> source_lines(const std::string& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// The statement that starts on line `first` (1-based) of `lines`: up to the line where its brackets close and it
// ends with ';' or '}'. Brackets inside string literals and // comments are not counted.
inline std::vector<std::string> statement_at(const std::vector<std::string>& lines, std::size_t first) {
    std::vector<std::string> out;
    int depth = 0;
    for (std::size_t k = first; k >= 1 && k <= lines.size(); ++k) {
        const std::string& line = lines[k - 1];
        bool in_string = false;
        char last = ' ';
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (in_string) {
                if (c == '\\') ++i;
                else if (c == '"') in_string = false;
                continue;
            }
            if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') break;
            if (c == '"') in_string = true;
            else if (c == '(' || c == '{' || c == '[') ++depth;
            else if (c == ')' || c == '}' || c == ']') --depth;
            if (c != ' ') last = c;
        }
        out.push_back(line);
        if (depth <= 0 && (last == ';' || last == '}')) break;
    }
    return out;
}

// Shows the statement on the line after the call, as it is in this tutorial's source (see above).
inline void code(int line = __builtin_LINE(), const char* file = __builtin_FILE()) {
    const std::vector<std::string> statement = statement_at(source_lines(file), static_cast<std::size_t>(line) + 1);
    if (statement.empty()) {
        std::cout << "  >>> (the statement at " << file << ":" << line + 1 << ")\n\n";
        return;
    }
    const std::size_t indent = statement[0].find_first_not_of(' ');
    for (std::size_t k = 0; k < statement.size(); ++k) {
        const std::string& s = statement[k];
        std::cout << (k == 0 ? "  >>> " : "      ") << (s.size() > indent ? s.substr(indent) : std::string()) << "\n";
    }
    std::cout << "\n";
}

// Shows lines of a library source, from the line equal to `from` through the next line equal to `to` after
// it: the library's own code, read from its file, for a step that runs inside a function.
inline void listing(const std::string& file, const std::string& from, const std::string& to) {
    const std::vector<std::string> lines = source_lines(file);
    std::size_t first = 0;
    while (first < lines.size() && lines[first] != from) ++first;
    if (first == lines.size()) {
        std::cout << "  (see " << file << ")\n\n";
        return;
    }
    const std::size_t indent = lines[first].find_first_not_of(' ');
    std::cout << "  " << file << ":\n";
    for (std::size_t k = first; k < lines.size(); ++k) {
        std::cout << "      " << (lines[k].size() > indent ? lines[k].substr(indent) : std::string()) << "\n";
        if (k > first && lines[k] == to) break;
    }
    std::cout << "\n";
}

inline void check(const std::string& name, const dnn::Matrix& actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected);
}

inline void check(const std::string& name, double actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected);
}

// An integer, printed as one (len(caches) = 3). A std::size_t does not convert: write len(caches).
inline void check(const std::string& name, int actual, const std::string& expected) {
    ++results;
    same += dnn::notebook::show(std::cout, name, actual, expected);
}

// `printed` is the text the notebook's print statement makes of the value (e.g. "%f" gives 0.527930).
inline void check_printed(const std::string& name, const std::string& printed, const std::string& expected) {
    ++results;
    same += dnn::notebook::show_printed(std::cout, name, printed, expected);
}

// A check that is not a printed value, said in both languages: `ok` decides the verdict.
inline void check_that(const std::string& en, const std::string& ko, bool ok) {
    ++results;
    same += ok;
    std::cout << en << "\n" << ko << "\n  -> " << (ok ? "same" : "DIFFERENT") << "\n\n";
}
// The same with one text for both languages (numbers, names).
inline void check_that(const std::string& what, bool ok) {
    ++results;
    same += ok;
    std::cout << what << "\n  -> " << (ok ? "same" : "DIFFERENT") << "\n\n";
}
void check_that(const std::string&, const char*) = delete;  // check_that(en, ko) without its verdict

// For a tutorial that cannot run here (the course files are absent): says so and returns main's exit status,
// 0 on a student's machine, 1 under CI (CI=true), where nothing may be skipped.
inline int skipped(const std::string& why) {
    std::cout << "SKIPPED: " << why << "\nTutorial verdict: skipped\n";
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true" ? 1 : 0;
}

// The last line every tutorial prints; `make tutorials` and the tests read it. Returns main's exit status.
inline int finish() {
    std::cout << "Tutorial verdict: " << same << " of " << results << " same"
              << (same == results ? " (all same / 모두 같음)" : " (SOME DIFFERENT / 다른 결과 있음)") << "\n";
    return same == results && results > 0 ? 0 : 1;
}

}  // namespace tutorial
