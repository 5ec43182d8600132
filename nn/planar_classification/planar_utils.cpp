// nn/planar_classification/planar_utils.cpp - the notebook's planar_utils: load_planar_dataset, sigmoid and the
// grid of plot_decision_boundary (the picture itself is drawn in app/decision_boundary.cpp).
#include <cmath>
#include <stdexcept>
#include <string>

#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

PlanarData load_planar_dataset() {
    np::random::seed(1);
    const std::size_t m = 400;    // number of examples
    const std::size_t N = m / 2;  // number of points per class
    Matrix X(m, 2);               // data matrix where each row is a single example
    Matrix Y(m, 1);               // labels vector (0 for red, 1 for blue)
    const double a = 4;           // maximum ray of the flower

    for (std::size_t j = 0; j < 2; ++j) {
        Matrix t = np::linspace(j * 3.12, (j + 1) * 3.12, N) + np::random::randn(1, N) * 0.2;  // theta, (1, N)
        Matrix r = a * np::sin(4 * t) + np::random::randn(1, N) * 0.2;                      // radius, (1, N)
        // X[ix] = np.c_[r*np.sin(t), r*np.cos(t)]; Y[ix] = j  (rows N*j .. N*(j+1) - 1)
        Matrix x1 = r * np::sin(t), x2 = r * np::cos(t);
        for (std::size_t i = 0; i < N; ++i) {
            X(N * j + i, 0) = x1(0, i);
            X(N * j + i, 1) = x2(0, i);
            Y(N * j + i, 0) = static_cast<double>(j);
        }
    }

    X = X.T().copy();  // (2, 400)
    Y = Y.T().copy();  // (1, 400)

    return {X, Y};
}

Matrix sigmoid(const Matrix& x) {
    Matrix s = 1 / (1 + np::exp(-x));
    return s;
}

std::vector<double> arange(double start, double stop, double step) {
    if (!(step > 0) || !std::isfinite(start) || !std::isfinite(stop))
        throw std::invalid_argument("arange: needs finite bounds and a step > 0 (got step " + py_repr(step) + ")");
    const double length = std::ceil((stop - start) / step);
    std::vector<double> v;
    if (length <= 0) return v;
    v.resize(static_cast<std::size_t>(length));
    // numpy writes the first two values, then fills the rest from their difference.
    v[0] = start;
    const double delta = (start + step) - start;
    for (std::size_t i = 1; i < v.size(); ++i) v[i] = start + i * delta;
    return v;
}

DecisionGrid decision_grid(const Matrix& X, double h) {
    if (X.rows() != 2) throw std::invalid_argument("decision_grid: X has shape " + to_string(X.shape()) +
                                                   "; the points must be (2, m): x1 in row 0, x2 in row 1");
    check::examples("decision_grid", "X", X);
    // Set min and max values and give it some padding
    double x_min = X(0, 0), x_max = X(0, 0), y_min = X(1, 0), y_max = X(1, 0);
    for (std::size_t j = 0; j < X.cols(); ++j) {
        x_min = std::min(x_min, X(0, j));
        x_max = std::max(x_max, X(0, j));
        y_min = std::min(y_min, X(1, j));
        y_max = std::max(y_max, X(1, j));
    }
    x_min = x_min - 1, x_max = x_max + 1;
    y_min = y_min - 1, y_max = y_max + 1;
    // Generate a grid of points with distance h between them
    return {arange(x_min, x_max, h), arange(y_min, y_max, h)};
}

Matrix DecisionGrid::points(std::size_t first, std::size_t count) const {
    if (first > size() || count > size() - first)
        throw std::out_of_range("DecisionGrid::points: points " + std::to_string(first) + " to " +
                                std::to_string(first + count) + " of a grid of " + std::to_string(size()));
    Matrix p(2, count);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t index = first + k;  // xx.ravel()[index], yy.ravel()[index]
        p(0, k) = xs[index % xs.size()];
        p(1, k) = ys[index / xs.size()];
    }
    return p;
}

}  // namespace dnn::planar
