// app/app_utils.cpp - dnn_app_utils_v3's initialisers, cost, predict and the mislabeled pictures.
#include <cmath>
#include <iostream>
#include <stdexcept>
#include <string>

#include "app/application.hpp"
#include "app/image_grid.hpp"
#include "matrix/format.hpp"
#include "matrix/np.hpp"
#include "nn/checks.hpp"
#include "nn/py.hpp"
#include "nn/step_by_step.hpp"

namespace dnn::app {

Parameters initialize_parameters(int n_x, int n_h, int n_y) {
    // dnn_app_utils_v3's version is the Step-by-Step one: seed 1, then randn * 0.01.
    return dnn::initialize_parameters(n_x, n_h, n_y);
}

Parameters initialize_parameters_deep(const std::vector<int>& layer_dims) {
    check::layer_dims("initialize_parameters_deep", layer_dims);

    np::random::seed(1);
    Parameters parameters;
    const int L = len(layer_dims);  // number of layers in the network

    for (int l = 1; l < L; ++l) {
        parameters["W" + str(l)] = np::random::randn(layer_dims[l], layer_dims[l - 1]) /
                                   std::sqrt(layer_dims[l - 1]);  // *0.01
        parameters["b" + str(l)] = np::zeros(layer_dims[l], 1);
    }
    return parameters;
}

double compute_cost(const Matrix& AL, const Matrix& Y) {
    check::same_shape("compute_cost", "AL", AL, "Y", Y);
    if (Y.rows() != 1 || Y.cols() == 0)
        throw std::invalid_argument("compute_cost: Y must be one row of m > 0 labels, got shape " + to_string(Y.shape()));
    const std::size_t m = Y.cols();

    // Compute loss from aL and y.
    Matrix cost = (1. / m) * (-np::dot(Y, np::log(AL).T()) - np::dot(1 - Y, np::log(1 - AL).T()));

    return np::squeeze(cost);  // makes sure cost is the scalar we expect (e.g. this turns [[17]] into 17).
}

Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters) {
    return predict(X, y, parameters, std::cout);
}

Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters, std::ostream& out) {
    const std::size_t m = X.cols();
    if (y.shape() != Shape{1, m})
        throw std::invalid_argument("predict: y has shape " + to_string(y.shape()) + " but X has " + std::to_string(m) +
                                    " examples: y must be (1, " + std::to_string(m) + ")");
    Matrix p = np::zeros(1, m);

    // Forward propagation
    auto [probas, caches] = L_model_forward(X, parameters);

    // convert probas to 0/1 predictions
    for (std::size_t i = 0; i < probas.cols(); ++i) {
        if (probas(0, i) > 0.5)
            p(0, i) = 1;
        else
            p(0, i) = 0;
    }

    out << "Accuracy: " << py_repr(np::sum((p == y) / static_cast<double>(m))) << "\n";
    return p;
}

std::vector<std::size_t> mislabeled_indices(const Matrix& y, const Matrix& p) {
    if (y.shape() != p.shape())
        throw std::invalid_argument("mislabeled_indices: y has shape " + to_string(y.shape()) + " but p has shape " +
                                    to_string(p.shape()));
    Matrix a = p + y;
    std::vector<std::size_t> indices;
    for (std::size_t i = 0; i < a.cols(); ++i)
        if (a(0, i) == 1) indices.push_back(i);
    return indices;
}

std::vector<std::size_t> print_mislabeled_images(const std::vector<std::string>& classes, const Matrix& X,
                                                 const Matrix& y, const Matrix& p, const std::string& png_path) {
    if (X.rows() != 64 * 64 * 3)
        throw std::invalid_argument("print_mislabeled_images: X has shape " + to_string(X.shape()) +
                                    " but its columns must be 64x64x3 images (12288 rows)");
    if (classes.size() < 2)
        throw std::invalid_argument("print_mislabeled_images: classes needs two names, got " +
                                    std::to_string(classes.size()));
    const auto indices = mislabeled_indices(y, p);
    std::vector<RgbImage> images;
    std::vector<std::string> captions;
    for (std::size_t index : indices) {
        RgbImage image{64, 64, std::vector<std::uint8_t>(64 * 64 * 3)};
        for (std::size_t k = 0; k < image.rgb.size(); ++k) {
            const double v = std::round(X(k, index) * 255.0);  // X holds pixel / 255
            image.rgb[k] = static_cast<std::uint8_t>(v < 0 ? 0 : (v > 255 ? 255 : v));
        }
        images.push_back(std::move(image));
        captions.push_back("Prediction: " + classes[p(0, index) != 0 ? 1 : 0] +
                           "\nClass: " + classes[y(0, index) != 0 ? 1 : 0]);
    }
    if (!images.empty()) save_image_grid_png(png_path, images, captions);
    return indices;
}

}  // namespace dnn::app
