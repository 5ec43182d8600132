// tools/bench/train_bench.cpp - milliseconds for one training iteration of the course's L-layer network.
//
// One iteration = forward, cost, backward, update of [12288, 20, 7, 5, 1] on 209 random examples (the cat
// data set's shapes), exactly the notebook's L_layer_model loop body. Printed for 1 and 2 threads as the
// median of several iterations; tools/bench/train_numpy.py times the same iteration in numpy for comparison.
//
//   train_bench [ITERATIONS] [--numpy-ms MS]     with numpy's time, the speed-up over numpy is printed too
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "matrix/threads.hpp"
#include "dnn.hpp"

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace dnn;
    int iterations = 30;
    double numpy_ms = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--numpy-ms") == 0 && i + 1 < argc)
            numpy_ms = std::atof(argv[++i]);
        else
            iterations = std::max(1, std::atoi(argv[i]));
    }
    const std::vector<int> layers_dims = {12288, 20, 7, 5, 1};
    const std::size_t m = 209;
    np::random::seed(1);
    const Matrix X = np::random::rand(12288, m);  // pixel values scaled to [0, 1), like train_x
    Matrix Y(1, m);
    for (std::size_t j = 0; j < m; ++j) Y(0, j) = np::random::random_sample() < 0.35 ? 1.0 : 0.0;

    for (int threads : {1, 2}) {
        set_num_threads(threads);
        Parameters parameters = initialize_parameters_deep(layers_dims);
        std::vector<double> ms;
        double cost = 0;
        for (int i = 0; i < iterations + 2; ++i) {  // the first two warm up (pack buffers, pool, page faults)
            const auto t0 = std::chrono::steady_clock::now();
            auto [AL, caches] = L_model_forward(X, parameters);
            cost = compute_cost(AL, Y);
            const Grads grads = L_model_backward(AL, Y, caches);
            parameters = update_parameters(parameters, grads, 0.0075);
            const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            if (i >= 2) ms.push_back(t);
        }
        const double med = median(ms);
        double mean = 0;  // shows the iterations that wait on something else (page faults, a busy machine)
        for (double t : ms) mean += t / ms.size();
        std::printf("dnn   training iteration [12288,20,7,5,1], m=209, %d thread%s: %7.2f ms (median of %d, mean "
                    "%.2f; cost after %d: %.6f)",
                    threads, threads == 1 ? " " : "s", med, iterations, mean, iterations + 2, cost);
        if (numpy_ms > 0) std::printf("  %.2fx numpy", numpy_ms / med);
        std::printf("\n");
        std::fflush(stdout);
    }
    return 0;
}
