// tests/test_layout.cpp - the house rules, read from the sources: include arrows only run down, and every
// folder says what lives in it.
//
//   matrix  <-  nn  <-  app          the library: each folder includes only itself and the folders to its left
//   matrix  <-  io  <-  app
//   course  (the harness: test cases, expected outputs, replay, grader) uses the library; nothing in the
//            library includes it, nor tests/, tools/ or tutorials/
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The project folders a file in each library folder may include from (its own included).
const std::map<std::string, std::set<std::string>> kMayInclude = {
    {"matrix", {"matrix"}},
    {"nn", {"matrix", "nn"}},
    {"io", {"matrix", "io"}},
    {"app", {"matrix", "nn", "io", "app"}},
    {"course", {"matrix", "nn", "io", "app", "course"}},
};

std::string top_folder(const std::string& path) {
    const auto slash = path.find('/');
    return slash == std::string::npos ? "" : path.substr(0, slash);
}

// The "..." includes of a source file, in order.
std::vector<std::string> project_includes(const fs::path& file) {
    std::vector<std::string> out;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        const auto hash = line.find_first_not_of(" \t");
        if (hash == std::string::npos || line[hash] != '#') continue;
        const auto inc = line.find("include", hash);
        const auto open = line.find('"', inc == std::string::npos ? line.size() : inc);
        if (inc == std::string::npos || open == std::string::npos) continue;
        const auto close = line.find('"', open + 1);
        if (close != std::string::npos) out.push_back(line.substr(open + 1, close - open - 1));
    }
    return out;
}

// Every C++ source below the repository root, as a relative path (build output and hidden folders left out).
std::vector<std::string> sources() {
    std::vector<std::string> out;
    for (auto it = fs::recursive_directory_iterator("."); it != fs::recursive_directory_iterator(); ++it) {
        const std::string name = it->path().filename().string();
        if (it->is_directory() && (name == "build" || name == "out" || name == "exercises" || name[0] == '.')) {
            it.disable_recursion_pending();
            continue;
        }
        const std::string ext = it->path().extension().string();
        if (it->is_regular_file() && (ext == ".cpp" || ext == ".hpp"))
            out.push_back(fs::relative(it->path(), ".").generic_string());
    }
    return out;
}

}  // namespace

TEST_CASE("layout: include arrows only run down (matrix <- nn <- app, matrix <- io <- app, course uses them)") {
    REQUIRE_MESSAGE(fs::is_regular_file("dnn.hpp"), "run the tests from the repository root");
    int checked = 0;
    std::ostringstream wrong;
    for (const std::string& file : sources()) {
        for (const std::string& inc : project_includes(file)) {
            // Every project include names a file that exists, from the root (-I.).
            const std::string folder = top_folder(inc);
            if (folder.empty() && inc != "dnn.hpp") continue;  // e.g. <doctest/doctest.h> is not "..."
            ++checked;
            if (!fs::is_regular_file(inc)) wrong << file << " includes \"" << inc << "\", which does not exist\n";
            const auto rule = kMayInclude.find(top_folder(file));
            if (rule == kMayInclude.end()) continue;  // tests, tutorials, tools and dnn.hpp may include anything
            if (!rule->second.count(folder))
                wrong << file << " includes \"" << inc << "\": " << top_folder(file) << "/ may include only "
                      << [&] {
                             std::string list;
                             for (const std::string& f : rule->second) list += (list.empty() ? "" : ", ") + f + "/";
                             return list;
                         }()
                      << "\n";
        }
    }
    INFO(wrong.str());
    CHECK(wrong.str().empty());
    CHECK(checked > 100);
}

TEST_CASE("layout: the top level holds the design card's folders and at most four more, each with a README") {
    const std::set<std::string> card = {"matrix", "nn", "tests", "tutorials"};
    std::set<std::string> others;
    for (const auto& entry : fs::directory_iterator(".")) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_directory() || name[0] == '.' || name == "build" || name == "out" || name == "exercises" ||
            name == "datasets")
            continue;  // hidden, build output, and the student's own folders (git-ignored)
        if (!card.count(name)) others.insert(name);
        INFO(name << "/ has no README.md saying what lives there and what it may include");
        CHECK(fs::is_regular_file(entry.path() / "README.md"));
    }
    for (const std::string& name : card) CHECK_MESSAGE(fs::is_directory(name), name << "/ is missing");
    std::string list;
    for (const std::string& name : others) list += name + "/ ";
    INFO("folders beyond the card's: " << list);
    CHECK(others.size() <= 4);
}

TEST_CASE("layout: the README's set-up block gives exactly the two commands, make demo and make test") {
    std::ifstream in("README.md");
    REQUIRE_MESSAGE(in.good(), "README.md not found from " << fs::current_path());
    std::vector<std::string> commands;
    bool in_setup = false, in_block = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("## ", 0) == 0) {
            if (in_setup) break;
            in_setup = line.find("Set up") != std::string::npos;
            continue;
        }
        if (!in_setup) continue;
        if (line.rfind("```", 0) == 0) {
            if (in_block) break;  // the first code block of the section only
            in_block = true;
            continue;
        }
        if (in_block && !line.empty()) {
            std::string command = line.substr(0, line.find(" #"));
            command.erase(command.find_last_not_of(' ') + 1);
            commands.push_back(command);
        }
    }
    std::string listed;
    for (const std::string& c : commands) listed += "[" + c + "] ";
    INFO("the commands of the README's first code block under \"Set up\": " << listed);
    CHECK(commands == std::vector<std::string>{"make demo", "make test"});
}
