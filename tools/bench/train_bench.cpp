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

#include "matrix/gemm/peak.hpp"
#include "matrix/gemm/thread_pool.hpp"
#include "matrix/threads.hpp"
#include "dnn.hpp"

namespace {

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// On two threads: the three products with X's size, each timed alone right after an iteration (so they meet X
// and W1 where the loop leaves them), the rest of the iteration (its median, measured above, less the three),
// and how fast the iteration could be on this machine: those products at 100% of both cores' multiply-add peak,
// except that W1.T . dZ1 cannot end before dA0's 20.5 MB are written (a plain write of that size on two threads,
// timed the same way). The iterations here are not timed: the products and the write between them change what
// is in cache.
void where_the_time_goes(const dnn::Matrix& X, const dnn::Matrix& Y, const std::vector<int>& layers_dims,
                         double iteration_ms) {
    using namespace dnn;
    const double peak = gemm::detail::measure_fma_peak().gflops;
    set_num_threads(2);
    Parameters parameters = initialize_parameters_deep(layers_dims);
    const Matrix W1 = parameters["W1"];
    const Matrix dZ1 = np::random::randn(W1.rows(), X.cols());
    std::vector<double> dA0_sized(X.rows() * X.cols());
    std::vector<double> w1x, dz1xt, w1tdz1, write;
    for (int i = 0; i < 42; ++i) {
        auto [AL, caches] = L_model_forward(X, parameters);
        compute_cost(AL, Y);
        const Grads grads = L_model_backward(AL, Y, caches);
        parameters = update_parameters(parameters, grads, 0.0075);
        auto t0 = std::chrono::steady_clock::now();
        const Matrix a = np::dot(W1, X);
        const double t_w1x = since(t0);
        t0 = std::chrono::steady_clock::now();
        const Matrix b = np::dot(dZ1, X.T());
        const double t_dz1xt = since(t0);
        t0 = std::chrono::steady_clock::now();
        const Matrix c = np::dot(W1.T(), dZ1);
        const double t_w1tdz1 = since(t0);
        t0 = std::chrono::steady_clock::now();
        detail::parallel_for(2, [&](std::size_t part) {
            const std::size_t n = dA0_sized.size() / 2;
            double* p = dA0_sized.data() + part * n;
            for (std::size_t j = 0; j < n; ++j) p[j] = double(j);
        });
        const double t_write = since(t0);
        if (i < 2) continue;  // warm-up
        w1x.push_back(t_w1x);
        dz1xt.push_back(t_dz1xt);
        w1tdz1.push_back(t_w1tdz1);
        write.push_back(t_write);
    }
    const double flops = 2.0 * double(W1.rows()) * double(X.rows()) * double(X.cols());  // each of the three
    const double at_peak = flops / (2 * peak * 1e6);                         // ms on both cores
    const double products = median(w1x) + median(dz1xt) + median(w1tdz1);
    const double rest = std::max(0.0, iteration_ms - products);
    const double floor = 2 * at_peak + std::max(at_peak, median(write));
    std::printf("where the 2-thread iteration's %.2f ms go: W1.X %.2f ms, dZ1.X.T %.2f ms, W1.T.dZ1 %.2f ms (medians "
                "of 40, each timed alone right after an iteration), the rest %.2f ms\n",
                iteration_ms, median(w1x), median(dz1xt), median(w1tdz1), rest);
    std::printf("its floor here: each product at 100%% of both cores' FMA peak (%.1f GFLOP/s each) takes %.2f ms, and "
                "writing dA0's %.1f MB on two threads %.2f ms: %.2f + %.2f + max(%.2f, %.2f) = %.2f ms, "
                "%.2f ms with the rest as it is\n",
                peak, at_peak, 8e-6 * double(dA0_sized.size()), median(write), at_peak, at_peak, at_peak,
                median(write), floor, floor + rest);
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

    double two_threads_ms = 0;
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
        two_threads_ms = med;
        double mean = 0;  // shows the iterations that wait on something else (page faults, a busy machine)
        for (double t : ms) mean += t / ms.size();
        std::printf("dnn   training iteration [12288,20,7,5,1], m=209, %d thread%s: %7.2f ms (median of %d, mean "
                    "%.2f; cost after %d: %.6f)",
                    threads, threads == 1 ? " " : "s", med, iterations, mean, iterations + 2, cost);
        if (numpy_ms > 0) std::printf("  %.2fx numpy", numpy_ms / med);
        std::printf("\n");
        std::fflush(stdout);
    }
    where_the_time_goes(X, Y, layers_dims, two_threads_ms);
    return 0;
}
