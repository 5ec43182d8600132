// app/week3.cpp - `make week3`: week 3's notebook, "Planar data classification with one hidden layer" (2021).
//
//   build/bin/week3 [--out DIR] [--seeding v6c] [--quick]
//
// It loads the flower data and prints the dataset lines; fits the logistic-regression baseline (the notebook's
// scikit-learn LogisticRegressionCV, here planar::LogisticRegressionCV built from week 2's pieces) and prints its
// accuracy; trains nn_model(X, Y, n_h = 4, num_iterations = 10000, print_cost=True) and prints the cost table and
// the accuracy; draws both decision boundaries (PNG and SVG); then runs the hidden-size sweep (1, 2, 3, 4, 5, 20
// and 50 units, 5000 iterations each) with its accuracies and a picture grid. The cost lines and accuracies that
// depend on the order of summation (the notebooks' own runs printed them differently) say so on their line.
// --seeding v6c seeds initialize_parameters with 2, as the notebooks up to v6c did (their printed tables).
// --quick trains the flower 2001 iterations and sweeps sizes 1 and 2 only (for the sanitizer builds' tests).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/decision_boundary.hpp"
#include "matrix/format.hpp"
#include "matrix/np.hpp"
#include "matrix/threads.hpp"
#include "nn/planar_classification/planar_classification.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace dnn;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::string out = "out";
    planar::Seeding seeding = planar::Seeding::v2021;
    bool quick = false;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick") {
            o.quick = true;
            continue;
        }
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value (use --out DIR, --seeding 2021|v6c)");
        const std::string value = argv[++i];
        if (a == "--out") o.out = value;
        else if (a == "--seeding" && (value == "2021" || value == "v6c"))
            o.seeding = value == "v6c" ? planar::Seeding::v6c : planar::Seeding::v2021;
        else
            throw std::invalid_argument("unknown option " + a + " " + value +
                                        " (use --out DIR, --seeding 2021|v6c, --quick)");
    }
    return o;
}

// The lines that depend on the order of summation, with every value the notebooks' own runs printed for them
// (course/expected_planar_classification.hpp has the same table; tests/test_programs.cpp compares the two).
struct Sensitive {
    const char* line;    // the line's start
    const char* spread;  // what the notebooks printed
};
const Sensitive kSensitive2021[] = {{"Cost after iteration 7000:", "0.220639, 0.220677"},
                                    {"Cost after iteration 8000:", "0.219403, 0.219413"},
                                    {"Cost after iteration 9000:", "0.218483, 0.218486"},
                                    {"Accuracy for 20 hidden units:", "91.0 (v1.1)"},
                                    {"Accuracy for 50 hidden units:", "90.25 (v1.1)"}};
const Sensitive kSensitiveV6c[] = {{"Cost after iteration 8000:", "0.219454, 0.219471, 0.219472"},
                                   {"Cost after iteration 9000:", "0.218562, 0.218607, 0.218612"},
                                   {"Accuracy for 20 hidden units:", "90.0, 90.5"},
                                   {"Accuracy for 50 hidden units:", "90.25, 90.75"}};

// Prints a line; a line that depends on the order of summation gets a note with what the notebooks printed.
void print_line(const Options& o, const std::string& line) {
    std::cout << line;
    const bool v6c = o.seeding == planar::Seeding::v6c;
    for (const Sensitive& s : v6c ? std::vector<Sensitive>(std::begin(kSensitiveV6c), std::end(kSensitiveV6c))
                                  : std::vector<Sensitive>(std::begin(kSensitive2021), std::end(kSensitive2021)))
        if (line.rfind(s.line, 0) == 0)
            std::cout << "   [depends on the order of summation; the notebooks printed " << s.spread << "]";
    std::cout << "\n";
}

int run(const Options& o) {
    const auto start = std::chrono::steady_clock::now();
    const bool v6c = o.seeding == planar::Seeding::v6c;
    std::cout << "Week 3: \"Planar data classification with one hidden layer\" (the "
              << (v6c ? "v6c notebook's seeding" : "2021 notebook") << "), in C++\n"
              << "3주차: 은닉층 하나로 평면 데이터 분류하기\n\n";

    // ---- 2 - Load the Dataset
    auto [X, Y] = planar::load_planar_dataset();
    std::cout << "The shape of X is: " << X.shape() << "\n"
              << "The shape of Y is: " << Y.shape() << "\n"
              << "I have m = " << Y.cols() << " training examples!\n\n";
    fs::create_directories(o.out);
    const planar::DecisionGrid grid = planar::decision_grid(X);

    // ---- 3 - Simple Logistic Regression
    planar::LogisticRegressionCV clf;
    clf.fit(X.T(), Y.T());
    const Matrix LR_predictions = clf.predict(X.T());
    const double lr_accuracy =
        np::squeeze((np::dot(Y, LR_predictions) + np::dot(1 - Y, 1 - LR_predictions)) / double(Y.size()) * 100);
    char line[160];
    std::snprintf(line, sizeof line,
                  "Accuracy of logistic regression: %d %% (percentage of correctly labelled datapoints)",
                  static_cast<int>(lr_accuracy));
    std::cout << line << "\n";
    const Matrix Z_lr = app::predict_grid(grid, clf);
    app::save_decision_boundary_png(o.out + "/week3_logistic_regression.png", grid, Z_lr, X, Y, "Logistic Regression");
    app::save_decision_boundary_svg(o.out + "/week3_logistic_regression.svg", grid, Z_lr, X, Y, "Logistic Regression");
    std::cout << "Wrote " << o.out << "/week3_logistic_regression.png and .svg (C = " << clf.C_ << ", "
              << "w = " << clf.coef_ << ", b = " << clf.intercept_ << ")\n\n";

    // ---- 5 - Test the Model: nn_model on the flower, n_h = 4
    const int num_iterations = o.quick ? 2001 : 10000;
    std::cout << "parameters = nn_model(X, Y, n_h = 4, num_iterations = " << num_iterations << ", print_cost=True)"
              << (o.quick ? "   (--quick: the notebook trains 10000)" : "") << "\n";
    Parameters parameters;
    {
        std::ostringstream printed;  // nn_model prints to std::cout; the lines are shown with their notes below
        std::streambuf* old = std::cout.rdbuf(printed.rdbuf());
        try {
            parameters = planar::nn_model(X, Y, 4, num_iterations, true, o.seeding);
        } catch (...) {
            std::cout.rdbuf(old);
            throw;
        }
        std::cout.rdbuf(old);
        std::istringstream lines(printed.str());
        for (std::string l; std::getline(lines, l);) print_line(o, l);
    }
    const Matrix predictions = planar::predict(parameters, X);
    if (!o.quick) std::cout << "Accuracy: " << static_cast<int>(planar::accuracy(Y, predictions)) << "%\n";
    const Matrix Z = app::predict_grid(grid, parameters);
    const std::string title = "Decision Boundary for hidden layer size " + std::to_string(4);
    app::save_decision_boundary_png(o.out + "/week3_decision_boundary.png", grid, Z, X, Y, title);
    app::save_decision_boundary_svg(o.out + "/week3_decision_boundary.svg", grid, Z, X, Y, title);
    std::cout << "Wrote " << o.out << "/week3_decision_boundary.png and .svg\n\n";

    // ---- 6 - Tuning hidden layer size
    const std::vector<int> hidden_layer_sizes =
        o.quick ? std::vector<int>{1, 2} : std::vector<int>{1, 2, 3, 4, 5, 20, 50};
    std::vector<Matrix> Zs;
    std::vector<std::string> titles;
    for (int n_h : hidden_layer_sizes) {
        const Parameters p = planar::nn_model(X, Y, n_h, 5000, false, o.seeding);
        const double accuracy = planar::accuracy(Y, planar::predict(p, X));
        print_line(o, "Accuracy for " + std::to_string(n_h) + " hidden units: " + py_repr(accuracy) + " %");
        Zs.push_back(app::predict_grid(grid, p));
        titles.push_back("Hidden Layer of size " + std::to_string(n_h));
    }
    app::save_decision_boundary_grid_png(o.out + "/week3_hidden_layer_sizes.png", grid, Zs, titles, X, Y);
    std::cout << "Wrote " << o.out << "/week3_hidden_layer_sizes.png\n";
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "\nTook " << seconds << " s.\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
#if defined(__GLIBC__)
        // Each training step allocates and frees the same few arrays; by default glibc hands the top of the heap
        // back to the system after every step and takes it again (page faults), which made training 5x slower.
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
#endif
        // The flower's arrays are tiny ((4, 400) to (50, 400)): one thread is faster than handing them out.
        // Results are bitwise the same for any thread count.
        set_num_threads(1);
        return run(o);
    } catch (const std::exception& e) {
        std::cerr << "week3: " << e.what() << "\n";
        return 1;
    }
}
