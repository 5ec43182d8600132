// app/demo.cpp - `make demo`'s run (see app/demo.hpp): the Application notebook's cells in order.
#include "app/demo.hpp"

#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "app/progress.hpp"
#include "app/svg_plot.hpp"
#include "io/npz.hpp"
#include "nn/nn.hpp"

namespace dnn::app {

namespace fs = std::filesystem;

namespace {

std::string shape4(const io::Array& a) {
    std::string s = "(";
    for (std::size_t k = 0; k < a.shape.size(); ++k) s += (k ? ", " : "") + std::to_string(a.shape[k]);
    return s + ")";
}

// Frees the pixels of an image array once they are flattened (the notebook keeps them; this program never reads
// them again). With the flattened copies let go too, `make demo` holds 45 MB less while it trains.
void let_go(io::Array& images) { std::vector<double>().swap(images.data); }

TrainResult train(const DemoOptions& o, const Matrix& X, const Matrix& Y, const std::vector<int>& layers_dims) {
    const double learning_rate = 0.0075;
    std::cout << "Training the " << (o.two_layer ? "2-layer" : "L-layer") << " model, layers_dims = [";
    for (std::size_t k = 0; k < layers_dims.size(); ++k) std::cout << (k ? ", " : "") << layers_dims[k];
    std::cout << "], learning_rate = " << learning_rate << ", num_iterations = " << o.num_iterations << "\n";
    return o.two_layer ? two_layer_model(X, Y, layers_dims, learning_rate, o.num_iterations, true)
                       : L_layer_model(X, Y, layers_dims, learning_rate, o.num_iterations, true);
}

void save_outputs(const DemoOptions& o, const TrainResult& result, double learning_rate) {
    fs::create_directories(o.out);
    save_cost_plot_svg(o.out + "/cost.svg", result.costs, learning_rate);
    io::save_npz(o.out + "/parameters.npz", result.parameters);
    std::cout << "Wrote " << o.out << "/cost.svg (the cost every 100 iterations) and " << o.out
              << "/parameters.npz (np.load opens it)\n";
}

}  // namespace

TrainResult train_cat_demo(const DemoOptions& o, const std::string& dir) {
    std::cout << "Loading the course's cat pictures from " << dir << "/\n";
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = load_data(dir);

    const std::size_t m_train = train_x_orig.shape[0];
    const std::size_t num_px = train_x_orig.shape[1];
    const std::size_t m_test = test_x_orig.shape[0];
    std::cout << "Number of training examples: " << m_train << "\n"
              << "Number of testing examples: " << m_test << "\n"
              << "Each image is of size: (" << num_px << ", " << num_px << ", 3)\n"
              << "train_x_orig shape: " << shape4(train_x_orig) << "\n"
              << "train_y shape: " << train_y.shape() << "\n"
              << "test_x_orig shape: " << shape4(test_x_orig) << "\n"
              << "test_y shape: " << test_y.shape() << "\n";

    // Reshape the training and test examples; standardize data to have feature values between 0 and 1.
    Matrix train_x_flatten = reshape(train_x_orig, static_cast<long long>(m_train), -1).T();
    Matrix test_x_flatten = reshape(test_x_orig, static_cast<long long>(m_test), -1).T();
    let_go(train_x_orig);
    let_go(test_x_orig);
    Matrix train_x = train_x_flatten / 255.;
    Matrix test_x = test_x_flatten / 255.;
    train_x_flatten = Matrix();  // the notebook keeps these two; nothing here reads them again
    test_x_flatten = Matrix();
    std::cout << "train_x's shape: " << train_x.shape() << "\n"
              << "test_x's shape: " << test_x.shape() << "\n\n";

    const int n_x = static_cast<int>(train_x.rows());
    const std::vector<int> layers_dims = o.two_layer ? std::vector<int>{n_x, 7, 1} : std::vector<int>{n_x, 20, 7, 5, 1};
    ProgressBar clock(1, false);
    TrainResult result = train(o, train_x, train_y, layers_dims);
    const double seconds = clock.elapsed_seconds();

    std::cout << "\npredictions_train = predict(train_x, train_y, parameters)\n";
    predict(train_x, train_y, result.parameters);
    std::cout << "predictions_test = predict(test_x, test_y, parameters)\n";
    Matrix pred_test = predict(test_x, test_y, result.parameters);
    std::cout << "\nTraining took " << seconds << " s.\n";

    save_outputs(o, result, 0.0075);
    const auto wrong = print_mislabeled_images(classes, test_x, test_y, pred_test, o.out + "/mislabeled.png");
    std::cout << "Mislabeled test images:";
    for (auto i : wrong) std::cout << " " << i;
    if (!wrong.empty()) std::cout << "  (pictures in " << o.out << "/mislabeled.png)";
    std::cout << "\n";
    return result;
}

TrainResult train_flower_demo(const DemoOptions& o) {
    std::cout << "The course files train_catvnoncat.h5 / test_catvnoncat.h5 are not in datasets/ (and DNN_DATA is not set).\n"
                 "강의 데이터 파일을 찾지 못했습니다. 고양이 이미지 대신 평면 \"꽃\" 데이터로 학습합니다.\n"
                 "To train on the cat pictures, put your copy of the two files in datasets/ (or set DNN_DATA=<folder>).\n"
                 "Training on the course's planar \"flower\" data instead (400 points, 2 features).\n\n";
    auto [X, Y] = load_planar_dataset();
    const std::vector<int> layers_dims = o.two_layer ? std::vector<int>{2, 7, 1} : std::vector<int>{2, 20, 7, 5, 1};
    ProgressBar clock(1, false);
    TrainResult result = train(o, X, Y, layers_dims);
    const double seconds = clock.elapsed_seconds();
    std::cout << "\npredictions = predict(X, Y, parameters)\n";
    predict(X, Y, result.parameters);
    std::cout << "\nTraining took " << seconds << " s.\n";
    save_outputs(o, result, 0.0075);
    return result;
}

}  // namespace dnn::app
