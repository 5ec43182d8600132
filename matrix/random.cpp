// matrix/random.cpp - numpy's legacy random algorithms on top of the standard MT19937.
//
// std::mt19937 is specified bit for bit by the C++ standard, and its seed(value) is MT19937's init_genrand,
// which is what numpy's legacy seeding runs for an integer seed.
#include "matrix/random.hpp"

#include <cmath>
#include <random>
#include <stdexcept>
#include <string>

namespace dnn::np::random {

namespace {

struct Generator {
    std::mt19937 mt{5489u};
    bool has_gauss = false;  // numpy's cached second value of the polar method
    double gauss = 0.0;
};

Generator& generator() {
    static Generator g;
    return g;
}

}  // namespace

void seed(long long s) {
    if (s < 0 || s > 4294967295LL)
        throw std::invalid_argument("np::random::seed: seed must be between 0 and 2**32 - 1, got " + std::to_string(s));
    Generator& g = generator();
    g.mt.seed(static_cast<std::mt19937::result_type>(s));
    g.has_gauss = false;
    g.gauss = 0.0;
}

double random_sample() {
    // 53 random bits: 27 from one 32-bit output and 26 from the next, as numpy's legacy double.
    Generator& g = generator();
    const std::uint32_t a = static_cast<std::uint32_t>(g.mt()) >> 5;
    const std::uint32_t b = static_cast<std::uint32_t>(g.mt()) >> 6;
    return (a * 67108864.0 + b) / 9007199254740992.0;
}

double standard_normal() {
    Generator& g = generator();
    if (g.has_gauss) {
        g.has_gauss = false;
        const double cached = g.gauss;
        g.gauss = 0.0;
        return cached;
    }
    // Marsaglia's polar method: a point uniform in the unit disc gives two independent normals.
    double x1, x2, r2;
    do {
        x1 = 2.0 * random_sample() - 1.0;
        x2 = 2.0 * random_sample() - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    const double f = std::sqrt(-2.0 * std::log(r2) / r2);
    g.gauss = f * x1;  // kept for the next call
    g.has_gauss = true;
    return f * x2;
}

Matrix randn(std::size_t rows, std::size_t cols) {
    Matrix m = Matrix::uninitialized(rows, cols);
    double* p = m.mutable_data();
    for (std::size_t k = 0; k < m.size(); ++k) p[k] = standard_normal();
    return m;
}

Matrix rand(std::size_t rows, std::size_t cols) {
    Matrix m = Matrix::uninitialized(rows, cols);
    double* p = m.mutable_data();
    for (std::size_t k = 0; k < m.size(); ++k) p[k] = random_sample();
    return m;
}

}  // namespace dnn::np::random
