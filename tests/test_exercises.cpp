// tests/test_exercises.cpp - the exercise generator (course/exercise_gen.hpp) on the real graded files and on
// small made-up sources. The whole workflow (the stubs compile, make grade on stubs / solutions / broken copies)
// is tests/test_exercises.sh, since it runs the compiler and make.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "course/exercise_gen.hpp"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kGradedFiles = {"nn/initialization.cpp", "nn/forward.cpp", "nn/cost.cpp",
                                               "nn/backward.cpp", "nn/update.cpp"};

// The repository root: the tests run from it (make test), or from build/ when started by hand.
fs::path repo_root() {
    for (const fs::path& p : {fs::path("."), fs::path(".."), fs::path("../..")})
        if (fs::exists(p / "nn/forward.cpp") && fs::exists(p / "course/exercise_gen.hpp")) return p;
    return {};
}

struct Made {
    std::string source;
    exgen::Exercise ex;
};

// Every graded file, made into its exercise copy as `make exercises` does (display path exercises/<file>).
std::map<std::string, Made> make_all() {
    const fs::path root = repo_root();
    REQUIRE_MESSAGE(!root.empty(), "cannot find the repository root (nn/forward.cpp) from the current folder");
    std::map<std::string, Made> out;
    for (const auto& f : kGradedFiles) {
        const std::string text = exgen::read_text_file(root / f);
        out[f] = {text, exgen::make_exercise(text, f, "exercises/" + f, exgen::included_types(root, text))};
    }
    return out;
}

// The lines between each START and END marker of `text`, one vector per region.
std::vector<std::vector<std::string>> region_bodies(const std::string& text) {
    std::vector<std::vector<std::string>> bodies;
    bool in = false;
    for (const auto& line : exgen::split_lines(text)) {
        const std::string t = exgen::trim(line);
        if (exgen::starts_with(t, exgen::kStartMarker)) { bodies.emplace_back(); in = true; }
        else if (exgen::starts_with(t, exgen::kEndMarker)) in = false;
        else if (in) bodies.back().push_back(t);
    }
    return bodies;
}

std::vector<std::string> placeholders(const exgen::Region& r) {
    std::vector<std::string> out;
    for (const auto& p : r.placeholders) out.push_back(p.type + " " + p.name);
    return out;
}

const exgen::Region& region_of(const exgen::Exercise& ex, const std::string& function, int index = 0) {
    for (const auto& r : ex.regions)
        if (r.function == function && r.index == index) return r;
    FAIL("no region " << index << " in " << function);
    throw 0;  // not reached
}

exgen::Exercise make(const std::string& source, const std::string& header = "") {
    exgen::TypeTable types;
    exgen::add_types(types, header);
    return exgen::make_exercise(source, "t.cpp", "ex/t.cpp", types);
}

}  // namespace

TEST_CASE("exercises: week 4's graded files hold its ten graded functions, each region with its own hints") {
    const auto all = make_all();
    std::vector<std::string> functions;
    for (const auto& f : kGradedFiles)
        for (const auto& name : all.at(f).ex.functions()) functions.push_back(name);
    CHECK(functions == std::vector<std::string>{"initialize_parameters", "initialize_parameters_deep",
                                                "linear_forward", "linear_activation_forward", "L_model_forward",
                                                "compute_cost", "linear_backward", "linear_activation_backward",
                                                "L_model_backward", "update_parameters"});
    // Every region has a hint of its own in the table (none falls back to the generic text).
    for (const auto& f : kGradedFiles)
        for (const auto& r : all.at(f).ex.regions) {
            const auto h = exgen::hint_table().find(r.function);
            REQUIRE_MESSAGE(h != exgen::hint_table().end(), r.function);
            CHECK_MESSAGE(r.index < static_cast<int>(h->second.size()), r.function << " region " << r.index);
        }
}

TEST_CASE("exercises: every region becomes hints, placeholders and a throw; no line of the solution is left") {
    for (const auto& entry : make_all()) {  // (no structured binding: clang < 16 cannot capture one in CAPTURE)
        const std::string& file = entry.first;
        const Made& made = entry.second;
        CAPTURE(file);
        const auto before = region_bodies(made.source);
        const auto after = region_bodies(made.ex.text);
        REQUIRE(before.size() == made.ex.regions.size());
        REQUIRE(after.size() == made.ex.regions.size());
        // The solution's code lines (those not also written outside the regions) are gone.
        std::set<std::string> outside;
        {
            bool in = false;
            for (const auto& line : exgen::split_lines(made.source)) {
                const std::string t = exgen::trim(line);
                if (exgen::starts_with(t, exgen::kStartMarker)) in = true;
                else if (exgen::starts_with(t, exgen::kEndMarker)) in = false;
                else if (!in) outside.insert(t);
            }
        }
        std::set<std::string> copy_lines;
        for (const auto& line : exgen::split_lines(made.ex.text)) copy_lines.insert(exgen::trim(line));
        for (const auto& body : before)
            for (const auto& line : body)
                if (!exgen::starts_with(line, "//") && line.size() > 3 && !outside.count(line))
                    CHECK_MESSAGE(!copy_lines.count(line), "solution line still in the copy: " << line);

        for (std::size_t k = 0; k < after.size(); ++k) {
            const exgen::Region& r = made.ex.regions[k];
            CAPTURE(r.function);
            int throws = 0;
            bool your_code = false, en = false, ko = false;
            for (const auto& line : after[k]) {
                your_code = your_code || exgen::starts_with(line, "// YOUR CODE HERE");
                en = en || exgen::starts_with(line, "// EN: ");
                ko = ko || exgen::starts_with(line, "// KO: ");
                if (exgen::starts_with(line, "//")) continue;
                if (exgen::starts_with(line, "throw ")) {
                    ++throws;
                    CHECK(line == "throw std::logic_error(\"" + r.function + ": not implemented yet (exercises/" +
                                      file + ")\");");
                    continue;
                }
                // Anything else is a placeholder declaration or a (void).
                const bool placeholder = line.find("{};  // used below END CODE HERE") != std::string::npos;
                const bool void_line = exgen::starts_with(line, "(void)");
                CHECK_MESSAGE((placeholder || void_line), "unexpected line in a stub: " << line);
            }
            CHECK(throws == 1);
            CHECK(your_code);
            CHECK(en);
            CHECK(ko);
        }
        // The copy says what it is, and includes <stdexcept> for the throw.
        CHECK(made.ex.text.find("EXERCISE COPY, made by `make exercises` from " + file) != std::string::npos);
        CHECK(made.ex.text.find("#include <stdexcept>") != std::string::npos);
    }
}

TEST_CASE("exercises: placeholders declare what the code after a region uses, with the right types") {
    const auto all = make_all();
    const auto& init = all.at("nn/initialization.cpp").ex;
    CHECK(placeholders(region_of(init, "initialize_parameters")) ==
          std::vector<std::string>{"Matrix W1", "Matrix b1", "Matrix W2", "Matrix b2"});
    CHECK(placeholders(region_of(init, "initialize_parameters_deep")).empty());

    const auto& fwd = all.at("nn/forward.cpp").ex;
    CHECK(placeholders(region_of(fwd, "linear_forward")) == std::vector<std::string>{"Matrix Z"});
    // From the structured bindings: linear_forward returns LinearForwardResult {Matrix Z; LinearCache cache;} and
    // sigmoid/relu return ActivationResult {Matrix A; Matrix cache;}; Z is not used after the region.
    for (int branch : {0, 1})
        CHECK(placeholders(region_of(fwd, "linear_activation_forward", branch)) ==
              std::vector<std::string>{"LinearCache linear_cache", "Matrix A", "Matrix activation_cache"});
    CHECK(placeholders(region_of(fwd, "L_model_forward", 0)).empty());  // the loop body ends with the region
    CHECK(placeholders(region_of(fwd, "L_model_forward", 1)) == std::vector<std::string>{"Matrix AL"});

    CHECK(placeholders(region_of(all.at("nn/cost.cpp").ex, "compute_cost")) == std::vector<std::string>{"double cost"});

    const auto& bwd = all.at("nn/backward.cpp").ex;
    CHECK(placeholders(region_of(bwd, "linear_backward")) ==
          std::vector<std::string>{"Matrix dW", "Matrix db", "Matrix dA_prev"});
    CHECK(placeholders(region_of(bwd, "linear_activation_backward", 1)) ==
          std::vector<std::string>{"Matrix dA_prev", "Matrix dW", "Matrix db"});
    // dAL is used only by the next region, which is a stub too.
    CHECK(placeholders(region_of(bwd, "L_model_backward", 0)).empty());
}

TEST_CASE("exercises: a name only the region used is kept used with (void), so the stub has no warning") {
    const auto all = make_all();
    CHECK(region_of(all.at("nn/cost.cpp").ex, "compute_cost").voids == std::vector<std::string>{"m"});
    CHECK(region_of(all.at("nn/backward.cpp").ex, "linear_backward").voids == std::vector<std::string>{"m"});
    CHECK(region_of(all.at("nn/update.cpp").ex, "update_parameters").voids ==
          std::vector<std::string>{"L", "learning_rate"});
    // Names also used outside the region get none.
    CHECK(region_of(all.at("nn/forward.cpp").ex, "linear_forward").voids.empty());
}

TEST_CASE("exercises: braces, markers and names inside strings and comments are not code") {
    const std::string src =
        "// t.cpp\n"
        "#include <string>\n"
        "int f(int x) {\n"
        "    const char* s = \"} {\";  // } a brace in a comment\n"
        "    // ### START CODE HERE ### (1 line)\n"
        "    int y = x + 1;  /* } */\n"
        "    // ### END CODE HERE ###\n"
        "    std::string t = \"y\";\n"
        "    return y + static_cast<int>(t.size()) + (s[0] == '}');\n"
        "}\n";
    const auto ex = make(src);
    REQUIRE(ex.regions.size() == 1);
    CHECK(ex.regions[0].function == "f");
    CHECK(placeholders(ex.regions[0]) == std::vector<std::string>{"int y"});
    CHECK(ex.regions[0].voids == std::vector<std::string>{"x"});  // x is read in the region only
    CHECK(ex.text.find("throw std::logic_error(\"f: not implemented yet (ex/t.cpp)\");") != std::string::npos);
    CHECK(ex.text.find("#include <stdexcept>") < ex.text.find("#include <string>"));
}

TEST_CASE("exercises: a parameter used only in the region gets a (void)") {
    const std::string src =
        "// t.cpp\n"
        "int g(int a, int b) {\n"
        "    int c = a;\n"
        "    // ### START CODE HERE ###\n"
        "    c += b;\n"
        "    // ### END CODE HERE ###\n"
        "    return c;\n"
        "}\n";
    const auto ex = make(src);
    REQUIRE(ex.regions.size() == 1);
    CHECK(ex.regions[0].voids == std::vector<std::string>{"b"});
    CHECK(ex.regions[0].placeholders.empty());
}

TEST_CASE("exercises: structured bindings take their types from the called function's result struct") {
    const std::string header =
        "struct Pair {\n    Matrix first;  // a comment\n    Cache second;\n};\n"
        "Pair make_pair_of(const Matrix& m);\n";
    const std::string src =
        "// t.cpp\n"
        "Matrix h(const Matrix& m) {\n"
        "    // ### START CODE HERE ###\n"
        "    auto [p, q] = make_pair_of(m);\n"
        "    // ### END CODE HERE ###\n"
        "    use(q);\n"
        "    return p;\n"
        "}\n";
    CHECK(placeholders(make(src, header).regions[0]) == std::vector<std::string>{"Matrix p", "Cache q"});
    // Members declared together ("Matrix A, W, b;", as in course/test_cases.hpp) each get the type.
    exgen::TypeTable types;
    exgen::add_types(types, "struct Three { Matrix A, W, b; };\nThree three(int seed);\n");
    CHECK(types.structs.at("Three") ==
          std::vector<std::pair<std::string, std::string>>{{"Matrix", "A"}, {"Matrix", "W"}, {"Matrix", "b"}});
    CHECK(types.returns.at("three") == "Three");
    // Without the header the type is unknown: a clear error, not a guess.
    try {
        make(src);
        FAIL("no error for a binding of unknown type");
    } catch (const exgen::Error& e) {
        const std::string what = e.what();
        CHECK(what.find("t.cpp:3 (in h)") != std::string::npos);
        CHECK(what.find("cannot tell the types of the structured binding [p, q] (from make_pair_of(...))") !=
              std::string::npos);
    }
}

TEST_CASE("exercises: malformed markers are reported with the file and line") {
    const auto error_of = [](const std::string& src) {
        try {
            make(src);
        } catch (const exgen::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string start = "    // ### START CODE HERE ###\n", end = "    // ### END CODE HERE ###\n";
    CHECK(error_of("int f() {\n" + start + "    return 1;\n}\n") ==
          "t.cpp:2: START CODE HERE without an END CODE HERE after it");
    CHECK(error_of("int f() {\n" + end + "    return 1;\n}\n") ==
          "t.cpp:2: END CODE HERE without a START CODE HERE before it");
    CHECK(error_of("int f() {\n" + start + start + end + "    return 1;\n}\n") ==
          "t.cpp:3: START CODE HERE inside the region opened at line 2 (a region needs its END first)");
    CHECK(error_of("// t.cpp\n" + start + "int x = 1;\n" + end) == "t.cpp:2: this region is not inside a function");
    CHECK(error_of("int f();\n" + start + end + "int g() { return 1; }\n") ==
          "t.cpp:2: this region is not inside the body of f()");
}

TEST_CASE("exercises: a grading copy holds each graded function twice, alone_ calling the notebook's, yours_ the student's") {
    const fs::path root = repo_root();
    REQUIRE(!root.empty());
    const std::string source = exgen::read_text_file(root / "nn/forward.cpp");
    const std::set<std::string> graded = {"linear_forward", "linear_activation_forward", "L_model_forward",
                                          "linear_backward", "linear_activation_backward", "L_model_backward"};
    const std::string copy = exgen::make_grading_copy(
        source, "ex/nn/forward.cpp", graded, {"linear_forward", "linear_activation_forward", "L_model_forward"});
    const auto lines = exgen::split_lines(copy);
    // The student's file first, line for line (so its line numbers hold), its graded definitions blanked.
    CHECK(lines.at(0) == "#line 1 \"ex/nn/forward.cpp\"");
    const auto original = exgen::split_lines(source);
    for (std::size_t k = 0; k < original.size(); ++k) {
        const std::string& got = lines.at(k + 1);
        CHECK((got == original[k] || exgen::trim(got).empty()));
    }
    const auto defs = exgen::find_definitions(source, graded);
    REQUIRE(defs.size() == 3);
    CHECK(defs[0].name == "linear_forward");
    CHECK(original.at(defs[0].line).rfind("LinearForwardResult linear_forward(", 0) == 0);
    CHECK(copy.find("LinearForwardResult linear_forward(") == std::string::npos);  // only alone_ and yours_ remain
    // yours_: calls reach the student's functions; alone_: the library's (the notebook's).
    const auto body = [&](const std::string& name) {
        const auto at = copy.find(" " + name + "(");
        REQUIRE(at != std::string::npos);
        return copy.substr(at, copy.find("\n}\n", at) - at);
    };
    CHECK(body("yours_linear_activation_forward").find("= yours_linear_forward(A_prev, W, b);") != std::string::npos);
    CHECK(body("yours_L_model_forward").find("= yours_linear_activation_forward(") != std::string::npos);
    CHECK(body("alone_linear_activation_forward").find("= linear_forward(A_prev, W, b);") != std::string::npos);
    CHECK(body("alone_L_model_forward").find("= linear_activation_forward(") != std::string::npos);
    CHECK(body("alone_L_model_forward").find("yours_") == std::string::npos);
    // Strings are not renamed: the functions' own error messages keep their names.
    CHECK(body("yours_linear_forward").find("check::shapes(\"linear_forward\"") != std::string::npos);
    // Each version sits at the student's line: #line names the definition's first line.
    CHECK(copy.find("#line " + std::to_string(defs[1].line + 1) + " \"ex/nn/forward.cpp\"\nLinearActivationForwardResult "
                    "yours_linear_activation_forward(") != std::string::npos);
    CHECK(copy.find("#include \"course/graded_copies.hpp\"") != std::string::npos);
}

TEST_CASE("exercises: a grading copy of a file without one of its graded functions is an error naming it") {
    const std::string source = "// t.cpp\nnamespace dnn {\nint f(int x) {\n    return x;\n}\n}  // namespace dnn\n";
    try {
        exgen::make_grading_copy(source, "ex/t.cpp", {"f", "g"}, {"f", "g"});
        FAIL("no error for a missing definition");
    } catch (const exgen::Error& e) {
        CHECK(std::string(e.what()) == "ex/t.cpp: no definition of g() (the graded functions must keep their names and "
                                       "arguments, as in nn/step_by_step.hpp)");
    }
    // A qualified definition (dnn::f) loses its qualifier in the copy, which is inside namespace dnn.
    const std::string qualified = "int dnn::f(int x) {\n    return dnn::f(x - 1);\n}\n";
    const std::string copy = exgen::make_grading_copy(qualified, "q.cpp", {"f"}, {"f"});
    CHECK(copy.find("int yours_f(int x) {\n    return yours_f(x - 1);\n}") != std::string::npos);
    CHECK(copy.find("int alone_f(int x) {\n    return dnn::f(x - 1);\n}") != std::string::npos);
}

TEST_CASE("exercises: a week-2/3 grading copy sits in its notebook's namespace, alone_ calling the notebook's helpers") {
    const fs::path root = repo_root();
    REQUIRE(!root.empty());
    const std::string source = exgen::read_text_file(root / "nn/logistic_regression/optimization.cpp");
    const auto defs = exgen::find_definitions(source, {"optimize", "predict"});
    REQUIRE(defs.size() == 2);
    CHECK(exgen::enclosing_namespace(source, defs[0].begin) == "dnn::logistic");
    const std::set<std::string> graded = {"sigmoid", "initialize_with_zeros", "propagate", "optimize", "predict",
                                          "model"};
    const std::string copy = exgen::make_grading_copy(source, "ex/nn/logistic_regression/optimization.cpp", graded,
                                                      {"optimize", "predict"}, "dnn::logistic",
                                                      "course/graded_copies_logistic_regression.hpp");
    CHECK(copy.find("#include \"course/graded_copies_logistic_regression.hpp\"\nnamespace dnn::logistic {\n") !=
          std::string::npos);
    CHECK(copy.find("}  // namespace dnn::logistic\n") != std::string::npos);
    const auto body = [&](const std::string& name) {
        const auto at = copy.find(" " + name + "(");
        REQUIRE(at != std::string::npos);
        return copy.substr(at, copy.find("\n}\n", at) - at);
    };
    CHECK(body("yours_optimize").find("= yours_propagate(w, b, X, Y);") != std::string::npos);
    CHECK(body("yours_predict").find("= yours_sigmoid(np::dot(w.T(), X) + b);") != std::string::npos);
    CHECK(body("alone_optimize").find("= propagate(w, b, X, Y);") != std::string::npos);
    CHECK(body("alone_predict").find("= sigmoid(np::dot(w.T(), X) + b);") != std::string::npos);
    CHECK(body("alone_optimize").find("yours_") == std::string::npos);
    CHECK(body("alone_predict").find("yours_") == std::string::npos);

    // A qualifier naming the notebook's namespace goes with the rename; another namespace's function of the same
    // name (week 4's dnn::sigmoid in dnn::basics) is another function, left as it is.
    const std::string q = "Matrix f(const Matrix& x) {\n    return dnn::sigmoid(x).A + basics::sigmoid(x) + "
                          "dnn::basics::sigmoid(x) + ::dnn::basics::sigmoid(x) + logistic::sigmoid(x);\n}\n";
    CHECK(exgen::rename_tokens(q, {"f", "sigmoid"}, "yours_", false, "dnn::basics") ==
          "Matrix yours_f(const Matrix& x) {\n    return dnn::sigmoid(x).A + yours_sigmoid(x) + yours_sigmoid(x) + "
          "yours_sigmoid(x) + logistic::sigmoid(x);\n}\n");
}

TEST_CASE("exercises: a grading copy blanks the file's ungraded library functions too (one definition each)") {
    const fs::path root = repo_root();
    REQUIRE(!root.empty());
    const std::string model = exgen::read_text_file(root / "nn/logistic_regression/model.cpp");
    CHECK(exgen::external_functions(model) == std::set<std::string>{"accuracy", "model"});
    // A helper in an anonymous namespace is the file's own: it stays, and the copies call it.
    const std::string forward = exgen::read_text_file(root / "nn/planar_classification/forward.cpp");
    CHECK(exgen::external_functions(forward) == std::set<std::string>{"forward_propagation"});
    const std::string copy = exgen::make_grading_copy(model, "ex/model.cpp", {"model", "optimize", "predict"},
                                                      {"model"}, "dnn::logistic",
                                                      "course/graded_copies_logistic_regression.hpp", {"accuracy"});
    CHECK(copy.find("double accuracy(") == std::string::npos);
    CHECK(copy.find("ModelResult alone_model(") != std::string::npos);
    const std::string fcopy = exgen::make_grading_copy(forward, "ex/forward.cpp", {"forward_propagation"},
                                                       {"forward_propagation"}, "dnn::planar",
                                                       "course/graded_copies_planar_classification.hpp");
    CHECK(fcopy.find("void check_inputs(const Matrix& X, const Parameters& parameters) {") != std::string::npos);
}

TEST_CASE("exercises: a week-2/3 stub points at its own notebook's header, never at week 4's hints of the same name") {
    // planar::update_parameters, compute_cost and initialize_parameters share week 4's names, not its code.
    const fs::path root = repo_root();
    REQUIRE_MESSAGE(!root.empty(), "cannot find the repository root (nn/forward.cpp) from the current folder");
    for (const std::string f : {"nn/planar_classification/update.cpp", "nn/planar_classification/cost.cpp",
                                "nn/planar_classification/initialization.cpp"}) {
        const std::string text = exgen::read_text_file(root / f);
        const exgen::Exercise ex = exgen::make_exercise(text, f, "exercises/" + f, exgen::included_types(root, text));
        INFO(f << ":\n" << ex.text);
        CHECK(ex.text.find("nn/planar_classification/planar_classification.hpp gives") != std::string::npos);
        CHECK(ex.text.find("nn/step_by_step.hpp") == std::string::npos);
        for (const exgen::Hint& h : exgen::hint_table().at("update_parameters"))
            CHECK(ex.text.find(h.en.at(0)) == std::string::npos);
        for (const exgen::Hint& h : exgen::hint_table().at("compute_cost"))
            CHECK(ex.text.find(h.en.at(0)) == std::string::npos);
    }
}
