// app/application.hpp - the "Deep Neural Network - Application" notebook and its dnn_app_utils_v3 helpers.
//
// EN: The cat / non-cat classifier: load the course's HDF5 files, flatten and scale the images, train a 2-layer
//     or an L-layer network with the Step-by-Step functions, predict and look at the mistakes. The names are
//     the notebook's; they live in dnn::app because dnn_app_utils_v3 initialises differently from the
//     Step-by-Step notebook (seed 1, and W / sqrt(n[l-1]) instead of W * 0.01 for the deep network).
// KO: 고양이 / 고양이 아님 분류기입니다. 강의의 HDF5 파일을 읽고, 이미지를 펴서 255로 나누고, 단계별 함수로 2층 또는
//     L층 신경망을 학습하고, 예측하고, 틀린 이미지를 봅니다. 이름은 노트북과 같고, dnn_app_utils_v3의 초기화가
//     단계별 노트북과 달라서(시드 1, 깊은 신경망은 W * 0.01 대신 W / sqrt(n[l-1])) dnn::app 안에 있습니다.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "io/h5/h5file.hpp"
#include "matrix/matrix.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/types.hpp"

namespace dnn::app {

// ---- data / 데이터 --------------------------------------------------------------------------------------------

// load_data(): the notebook's five values.
struct CatData {
    io::Array train_x_orig;            // (209, 64, 64, 3): pixel values 0..255
    Matrix train_y;                    // (1, 209): 1 = cat, 0 = non-cat
    io::Array test_x_orig;             // (50, 64, 64, 3)
    Matrix test_y;                     // (1, 50)
    std::vector<std::string> classes;  // from the test file: {"non-cat", "cat"}
};

// EN: Where the course files are: $DNN_DATA when it is set (std::runtime_error naming the folder and the missing
//     file when it lacks train_catvnoncat.h5 or test_catvnoncat.h5: a DNN_DATA is never silently passed over),
//     else the first of `folders` that holds both; "" when none does.
// KO: 강의 파일의 위치: $DNN_DATA가 설정되어 있으면 그 폴더(train_catvnoncat.h5나 test_catvnoncat.h5가 없으면
//     폴더와 빠진 파일을 알려 주는 std::runtime_error: 설정된 DNN_DATA를 조용히 건너뛰지 않습니다), 아니면
//     folders 가운데 두 파일이 모두 있는 첫 폴더, 없으면 "".
std::string find_course_data(const std::vector<std::string>& folders = {"datasets"});

// EN: Reads dir/train_catvnoncat.h5 and dir/test_catvnoncat.h5 (keys train_set_x, train_set_y, test_set_x,
//     test_set_y, list_classes). Throws std::runtime_error naming the file when one is missing or unreadable.
// KO: dir 안의 두 HDF5 파일을 읽습니다. 파일이 없거나 읽을 수 없으면 파일 이름을 담은 std::runtime_error.
CatData load_data(const std::string& dir);

// EN: x_orig.reshape(rows, cols) as a Matrix, numpy's C order; one of rows / cols may be -1 (inferred).
//     train_x_orig.reshape(train_x_orig.shape[0], -1).T is reshape(train_x_orig, 209, -1).T(): (12288, 209).
// KO: x_orig.reshape(rows, cols)를 Matrix로(C 순서). rows나 cols 중 하나는 -1(자동)일 수 있습니다.
Matrix reshape(const io::Array& x_orig, long long rows, long long cols);

// EN: The course's planar "flower" data set, week 3's load_planar_dataset (nn/planar_classification/), which
//     make demo trains on when the course files are absent: X (2, 400) points, Y (1, 400) labels.
// KO: 3주차의 평면 "꽃" 데이터(nn/planar_classification/의 load_planar_dataset). 강의 파일이 없을 때 make demo가
//     이것으로 학습합니다: X (2, 400), Y (1, 400).
using planar::load_planar_dataset;
using planar::PlanarData;

// ---- dnn_app_utils_v3 -----------------------------------------------------------------------------------------

// EN: As the Step-by-Step one: seed 1, W1 = randn(n_h, n_x) * 0.01, b1 = 0, W2 = randn(n_y, n_h) * 0.01, b2 = 0.
// KO: 단계별 노트북과 같습니다: 시드 1, W1 = randn(n_h, n_x) * 0.01, b1 = 0, W2 = randn(n_y, n_h) * 0.01, b2 = 0.
// -> {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
Parameters initialize_parameters(int n_x, int n_h, int n_y);

// EN: seed 1, then Wl = randn(n[l], n[l-1]) / sqrt(n[l-1]) and bl = 0 (the Application's initialisation).
// KO: 시드 1, Wl = randn(n[l], n[l-1]) / sqrt(n[l-1]), bl = 0 (응용 노트북의 초기화).
// layer_dims: [n[0], ..., n[L]]  ->  {"Wl": (n[l], n[l-1]), "bl": (n[l], 1)}
Parameters initialize_parameters_deep(const std::vector<int>& layer_dims);

// EN: The utils' cost: (1/m) * (-Y·log(AL).T - (1 - Y)·log(1 - AL).T), as dot products.
// KO: utils의 비용 함수: (1/m) * (-Y·log(AL).T - (1 - Y)·log(1 - AL).T) (내적으로 계산).
// AL: (1, m)  Y: (1, m)  ->  cost
double compute_cost(const Matrix& AL, const Matrix& Y);

// EN: Runs the network, predicts 1 where the probability is > 0.5, prints "Accuracy: ..." as the notebook does
//     (Python's str of sum((p == y) / m)) to `out`, and returns p.
// KO: 신경망을 실행해 확률이 0.5보다 크면 1로 예측하고, 노트북처럼 "Accuracy: ..."를 출력한 뒤 p를 돌려줍니다.
// X: (n[0], m)  y: (1, m)  ->  p: (1, m) of 0 / 1
Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters);
Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters, std::ostream& out);

// EN: The test examples whose prediction differs from the label (where p + y == 1), in index order.
// KO: 예측이 정답과 다른 예제(p + y == 1)의 인덱스를 순서대로 돌려줍니다.
std::vector<std::size_t> mislabeled_indices(const Matrix& y, const Matrix& p);

// EN: Saves the mislabeled images (columns of X, 64x64x3 scaled to 0..1) as a PNG grid, each captioned with
//     "Prediction: ..." and "Class: ..."; returns their indices. Writes nothing when there are none.
// KO: 잘못 분류한 이미지를 PNG 격자로 저장합니다(각각 "Prediction: ...", "Class: ..." 설명). 인덱스를 돌려줍니다.
std::vector<std::size_t> print_mislabeled_images(const std::vector<std::string>& classes, const Matrix& X,
                                                 const Matrix& y, const Matrix& p, const std::string& png_path);

// ---- the models / 모델 ---------------------------------------------------------------------------------------

// What the training loops return: the parameters, and the cost every 100 iterations (for the plot).
struct TrainResult {
    Parameters parameters;
    std::vector<double> costs;
};

struct TrainOptions {
    std::ostream* out = nullptr;  // where "Cost after iteration ..." goes (std::cout when null)
    bool progress = true;         // a progress bar and the elapsed time on stderr, when stderr is a terminal
};

// EN: LINEAR -> RELU -> LINEAR -> SIGMOID, trained with gradient descent. Prints
//     "Cost after iteration {i}: {cost}" (full digits) every 100 iterations when print_cost.
//     Stops with std::runtime_error naming the iteration if the cost stops being finite.
// KO: LINEAR -> RELU -> LINEAR -> SIGMOID를 경사 하강으로 학습합니다. print_cost면 100번마다 비용을 출력합니다.
//     비용이 유한하지 않게 되면 그 반복 번호를 담은 std::runtime_error로 멈춥니다.
// X: (n_x, m)  Y: (1, m)  layers_dims: {n_x, n_h, n_y}
TrainResult two_layer_model(const Matrix& X, const Matrix& Y, const std::vector<int>& layers_dims,
                            double learning_rate = 0.0075, int num_iterations = 3000, bool print_cost = false,
                            const TrainOptions& options = {});

// EN: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. Prints "Cost after iteration %i: %f" every 100 iterations.
// KO: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID. 100번마다 "Cost after iteration %i: %f"를 출력합니다.
// X: (n[0], m)  Y: (1, m)  layers_dims: {n[0], ..., n[L]}
TrainResult L_layer_model(const Matrix& X, const Matrix& Y, const std::vector<int>& layers_dims,
                          double learning_rate = 0.0075, int num_iterations = 3000, bool print_cost = false,
                          const TrainOptions& options = {});

}  // namespace dnn::app
