// tools/debuggers/printer_sample.cpp - matrices, dicts and caches for `make check-debugger` to print twice: through
// std::cout here, and through the gdb printers and the lldb formatters (tools/debuggers/); the texts must be equal.
//
// Run alone it prints each value as the printers should show it, between "<<<name>>>" and "<<<end>>>" lines:
// a Matrix as "Matrix (r, c)" then the text of operator<< (on the same line when it is one line), a dict, cache
// or caches as the text of dnn::summary (what `dnn-shapes` prints). Weeks 2 and 3's structs (logistic::Params,
// Grads, PropagateResult, OptimizeResult, ModelResult, planar::ForwardResult, basics::Array3D) also get a
// "<<<print NAME>>>" block: the heading `print NAME` shows. The debugger stops in main at stop_here() and prints the
// same names.
#include <cmath>
#include <iostream>
#include <limits>
#include <string>

#include "nn/inspect.hpp"
#include "dnn.hpp"

using namespace dnn;

namespace {

void show(const std::string& name, const Matrix& m) {
    const std::string text = to_string(m);
    std::cout << "<<<" << name << ">>>\nMatrix " << m.shape() << (text.find('\n') != std::string::npos ? "\n" : " ")
              << text << "\n<<<end>>>\n";
}

void show(const std::string& name, const std::string& summary_text) {
    std::cout << "<<<" << name << ">>>\n" << summary_text << "\n<<<end>>>\n";
}

// The heading `print NAME` (gdb) / `frame variable NAME` (lldb) shows before the members, as "<<<print NAME>>>":
// the check asks each debugger for the formatter's text of NAME alone.
void show_heading(const std::string& name, const std::string& heading) {
    std::cout << "<<<print " << name << ">>>\n" << heading << "\n<<<end>>>\n";
}

// What dnn-shapes prints for week 2's grads {"dw", "db"}: the array's shape, the float's value.
std::string grads_text(const logistic::Grads& grads) {
    return "dw: " + to_string(grads.dw.shape()) + "\ndb: " + py_repr(grads.db);
}

// An Array3D: its shape, then each image[i] as numpy prints a 2-D array.
std::string array3d_text(const basics::Array3D& image) {
    std::string s = "(" + std::to_string(image.shape[0]) + ", " + std::to_string(image.shape[1]) + ", " +
                    std::to_string(image.shape[2]) + ")";
    for (std::size_t i = 0; i < image.shape[0]; ++i) {
        Matrix slice(image.shape[1], image.shape[2]);
        for (std::size_t j = 0; j < image.shape[1]; ++j)
            for (std::size_t k = 0; k < image.shape[2]; ++k) slice(j, k) = image(i, j, k);
        s += "\nimage[" + std::to_string(i) + "] =\n" + to_string(slice);
    }
    return s;
}

// The debugger breaks here; `up` (gdb) or `frame select 1` (lldb) is main, where every value is in scope.
void stop_here() { std::cout.flush(); }

}  // namespace

int main() {
    np::random::seed(1);
    const Matrix small{{3.26295337, -1.23429987}};
    const Matrix zeros(2, 3);
    const Matrix empty;
    const Matrix column = np::random::randn(4, 1);
    const Matrix wide = np::random::randn(2, 15) * 0.01;           // rows wrap at 75 characters
    Matrix boundary(2, 20);                                        // the 15th number would end at column 76
    for (std::size_t j = 0; j < 20; ++j) boundary(0, j) = boundary(1, j) = j % 2 ? -2.5 : 1.5;
    const Matrix tiny = np::random::randn(2, 4) * 1e-5;            // scientific notation
    const Matrix special{{1, std::nan(""), -std::numeric_limits<double>::infinity(), -0.0}};
    const Matrix huge{{1e300, -2.5e-300}};                         // three-digit exponents
    const Matrix transposed = np::random::randn(3, 5).T();         // a view: storage holds the transpose
    Matrix big = np::random::randn(40, 50);                        // > 1000 elements: summarised
    big(39, 49) = 1e9;
    big(1, 1) = std::nan("");
    const Matrix big_t = big.T();                                  // summarised and transposed
    const Matrix long_row = np::random::randn(1, 1500) * 100;      // summarised columns only
    const Matrix long_column = np::random::randn(1200, 1).T().T(); // summarised rows only

    const Parameters parameters = initialize_parameters_deep({5, 4, 3, 1});
    const test_cases::ParametersCase forward_case = test_cases::L_model_forward_test_case_2hidden();
    const Caches caches = L_model_forward(forward_case.X, forward_case.parameters).caches;
    const Grads empty_dict;

    // Weeks 2 and 3 (dnn_printers_weeks.py in gdb, dnn_lldb.py in lldb, their text from dnn_format.py): week 2's
    // structs, week 3's dicts and forward result, the Array3D of the Python basics.
    namespace lr_cases = test_cases::logistic_regression;
    const auto [w, b, X, Y] = lr_cases::propagate_case(lr_cases::Version::v6a);
    const logistic::Params params = logistic::initialize_with_zeros(2);
    const logistic::PropagateResult propagated = logistic::propagate(w, b, X, Y);
    const logistic::Grads grads = propagated.grads;
    const logistic::OptimizeResult optimized = logistic::optimize(w, b, X, Y, 201, 0.009);
    const logistic::ModelResult d = logistic::model(X, Y, X, Y, 300, 0.005);
    const test_cases::planar_classification::ForwardCase planar_case =
        test_cases::planar_classification::forward_propagation_test_case();
    const planar::ForwardResult forward = planar::forward_propagation(planar_case.X, planar_case.parameters);
    const planar::Cache cache = forward.cache;
    const basics::Array3D image = test_cases::python_basics::image();

    show("small", small);
    show("zeros", zeros);
    show("empty", empty);
    show("column", column);
    show("wide", wide);
    show("boundary", boundary);
    show("tiny", tiny);
    show("special", special);
    show("huge", huge);
    show("transposed", transposed);
    show("big", big);
    show("big_t", big_t);
    show("long_row", long_row);
    show("long_column", long_column);
    show("parameters", summary(parameters));
    show("empty_dict", summary(empty_dict));
    show("caches", summary(caches));
    show("caches[1]", summary(caches[1]));
    show("caches[2].linear_cache", summary(caches[2].linear_cache));
    show("params", "w: " + to_string(params.w.shape()) + "\nb: " + py_repr(params.b));
    show("grads", grads_text(grads));
    show("propagated", grads_text(propagated.grads) + "\ncost: " + py_repr(propagated.cost));
    show("optimized", "w: " + to_string(optimized.params.w.shape()) + "\nb: " + py_repr(optimized.params.b) + "\n" +
                          grads_text(optimized.grads) + "\ncosts: " + std::to_string(optimized.costs.size()) +
                          " values");
    show("d", "costs: " + std::to_string(d.costs.size()) + " values\nY_prediction_test: " +
                  to_string(d.Y_prediction_test.shape()) + "\nY_prediction_train: " +
                  to_string(d.Y_prediction_train.shape()) + "\nw: " + to_string(d.w.shape()) + "\nb: " + py_repr(d.b) +
                  "\nlearning_rate: " + py_repr(d.learning_rate) + "\nnum_iterations: " +
                  std::to_string(d.num_iterations));
    show("cache", summary(cache));
    show("forward", "A2: " + to_string(forward.A2.shape()) + "\n" + summary(forward.cache));
    show("image", array3d_text(image));
    // The headings: arrays with their shapes, the Python floats with their values, then the members.
    show_heading("params", "Params (w " + to_string(params.w.shape()) + ", b = " + py_repr(params.b) + ")");
    show_heading("grads", "Grads (dw " + to_string(grads.dw.shape()) + ", db = " + py_repr(grads.db) + ")");
    show_heading("propagated", "PropagateResult (grads, cost = " + py_repr(propagated.cost) + ")");
    show_heading("optimized", "OptimizeResult (params, grads, " + std::to_string(optimized.costs.size()) + " costs)");
    show_heading("d", "ModelResult (" + std::to_string(d.costs.size()) + " costs, w " + to_string(d.w.shape()) +
                          ", b = " + py_repr(d.b) + ")");
    show_heading("forward", "ForwardResult (A2 " + to_string(forward.A2.shape()) + ", cache)");
    show_heading("image", "Array3D " + array3d_text(image));
    stop_here();
    return 0;
}
