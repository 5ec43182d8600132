// nn/planar_classification/simple_logistic_regression.cpp - 3 "Simple Logistic Regression": the baseline the
// notebook gets from scikit-learn's LogisticRegressionCV, built from week 2's dnn::logistic.
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"
#include "nn/planar_classification/planar_classification.hpp"

namespace dnn::planar {

namespace {

// Solves A·x = g for a small square A (Gaussian elimination with partial pivoting); A and g are overwritten.
std::vector<double> solve(std::vector<std::vector<double>> A, std::vector<double> g) {
    const std::size_t n = g.size();
    for (std::size_t c = 0; c < n; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < n; ++r)
            if (std::fabs(A[r][c]) > std::fabs(A[pivot][c])) pivot = r;
        std::swap(A[c], A[pivot]);
        std::swap(g[c], g[pivot]);
        if (A[c][c] == 0) throw std::runtime_error("LogisticRegressionCV: the Newton system is singular");
        for (std::size_t r = c + 1; r < n; ++r) {
            const double f = A[r][c] / A[c][c];
            for (std::size_t k = c; k < n; ++k) A[r][k] -= f * A[c][k];
            g[r] -= f * g[c];
        }
    }
    std::vector<double> x(n);
    for (std::size_t r = n; r-- > 0;) {
        double s = g[r];
        for (std::size_t k = r + 1; k < n; ++k) s -= A[r][k] * x[k];
        x[r] = s / A[r][r];
    }
    return x;
}

// Minimises 0.5 * w·w + C * sum over the examples of the cross-entropy, by Newton's method. X: (n_x, m) as week 2
// lays it out, Y: (1, m). The gradient is week 2's propagate scaled by C * m, plus w from the penalty.
logistic::Params fit_one(const Matrix& X, const Matrix& Y, double C) {
    const std::size_t n = X.rows(), m = X.cols();
    auto [w, b] = logistic::initialize_with_zeros(static_cast<int>(n));
    for (int iteration = 0; iteration < 100; ++iteration) {
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        std::vector<double> g(n + 1);
        for (std::size_t i = 0; i < n; ++i) g[i] = w(i, 0) + C * m * grads.dw(i, 0);
        g[n] = C * m * grads.db;
        // Hessian: C * sum of a (1 - a) [x; 1][x; 1].T, plus the identity on w.
        const Matrix A = logistic::sigmoid(np::dot(w.T(), X) + b);
        std::vector<std::vector<double>> H(n + 1, std::vector<double>(n + 1, 0.0));
        for (std::size_t j = 0; j < m; ++j) {
            const double s = C * A(0, j) * (1 - A(0, j));
            for (std::size_t r = 0; r <= n; ++r)
                for (std::size_t c = 0; c <= n; ++c)
                    H[r][c] += s * (r < n ? X(r, j) : 1.0) * (c < n ? X(c, j) : 1.0);
        }
        for (std::size_t i = 0; i < n; ++i) H[i][i] += 1;
        const std::vector<double> step = solve(H, g);
        double largest = 0;
        for (std::size_t i = 0; i < n; ++i) w(i, 0) -= step[i];
        b -= step[n];
        for (double s : step) largest = std::max(largest, std::fabs(s));
        if (largest < 1e-12) break;
    }
    return {w, b};
}

}  // namespace

LogisticRegressionCV::LogisticRegressionCV(int cv) : cv_(cv) {
    if (cv < 2)
        throw std::invalid_argument("LogisticRegressionCV: cv is " + std::to_string(cv) + "; it needs 2 folds or more");
    const Matrix exponents = np::linspace(-4, 4, 10);  // np.logspace(-4, 4, 10) = 10 ** np.linspace(-4, 4, 10)
    for (std::size_t k = 0; k < exponents.cols(); ++k) Cs_.push_back(std::pow(10.0, exponents(0, k)));
}

LogisticRegressionCV& LogisticRegressionCV::fit(const Matrix& X_in, const Matrix& y_in) {
    if (y_in.size() != X_in.rows() || (y_in.rows() != 1 && y_in.cols() != 1))
        check::shapes("LogisticRegressionCV::fit", "y", y_in, "X", X_in, "y needs one label per row of X");
    const Matrix X = X_in.T().contiguous();         // (n_x, m): week 2's layout
    const Matrix Y = y_in.reshape(1, y_in.size());  // (1, m)
    check::examples("LogisticRegressionCV::fit", "X.T", X);
    check::labels("LogisticRegressionCV::fit", "y", Y);
    const std::size_t m = X.cols();

    // StratifiedKFold(n_splits=cv), no shuffle: fold k takes, of each class, the k-th of cv runs of its examples
    // in order; the runs' sizes are those of the sorted labels dealt round-robin into cv piles.
    std::vector<std::size_t> count(2, 0);
    for (std::size_t j = 0; j < m; ++j) ++count[Y(0, j) != 0];
    std::vector<std::vector<std::size_t>> take(cv_, std::vector<std::size_t>(2, 0));
    for (std::size_t i = 0; i < m; ++i) ++take[i % cv_][i < count[0] ? 0 : 1];  // y_order[i::cv] counts
    for (std::size_t c = 0; c < 2; ++c)
        for (int k = 0; k < cv_; ++k)
            if (count[c] > 0 && take[k][c] == 0)
                throw std::invalid_argument("LogisticRegressionCV::fit: too few examples of class " +
                                            std::to_string(c) + " for " + std::to_string(cv_) + " folds");
    std::vector<int> fold(m);
    std::vector<std::size_t> seen(2, 0);
    for (std::size_t j = 0; j < m; ++j) {
        const int c = Y(0, j) != 0;
        std::size_t before = 0;
        int k = 0;
        while (seen[c] >= before + take[k][c]) before += take[k++][c];
        fold[j] = k;
        ++seen[c];
    }

    scores_.assign(Cs_.size(), 0.0);
    for (int k = 0; k < cv_; ++k) {
        std::vector<std::size_t> train, test;
        for (std::size_t j = 0; j < m; ++j) (fold[j] == k ? test : train).push_back(j);
        Matrix X_train(X.rows(), train.size()), Y_train(1, train.size());
        Matrix X_test(X.rows(), test.size()), Y_test(1, test.size());
        for (std::size_t t = 0; t < train.size(); ++t) {
            for (std::size_t i = 0; i < X.rows(); ++i) X_train(i, t) = X(i, train[t]);
            Y_train(0, t) = Y(0, train[t]);
        }
        for (std::size_t t = 0; t < test.size(); ++t) {
            for (std::size_t i = 0; i < X.rows(); ++i) X_test(i, t) = X(i, test[t]);
            Y_test(0, t) = Y(0, test[t]);
        }
        for (std::size_t c = 0; c < Cs_.size(); ++c) {
            auto [w, b] = fit_one(X_train, Y_train, Cs_[c]);
            const Matrix P = logistic::predict(w, b, X_test);
            double correct = 0;
            for (std::size_t t = 0; t < test.size(); ++t) correct += P(0, t) == Y_test(0, t);
            scores_[c] += correct / static_cast<double>(test.size());  // this fold's accuracy
        }
    }
    for (double& score : scores_) score /= cv_;  // the mean over the folds
    std::size_t best = 0;
    for (std::size_t c = 1; c < Cs_.size(); ++c)
        if (scores_[c] > scores_[best]) best = c;  // the first of equal scores, as np.argmax
    C_ = Cs_[best];
    auto [w, b] = fit_one(X, Y, C_);
    coef_ = w.T().contiguous();
    intercept_ = b;
    return *this;
}

Matrix LogisticRegressionCV::predict(const Matrix& X) const {
    if (coef_.empty()) throw std::logic_error("LogisticRegressionCV::predict: call fit first");
    if (X.cols() != coef_.cols())
        check::shapes("LogisticRegressionCV::predict", "X", X, "coef_", coef_, "X needs one column per feature");
    return logistic::predict(coef_.T(), intercept_, X.T()).T().contiguous();  // (m, 1)
}

}  // namespace dnn::planar
