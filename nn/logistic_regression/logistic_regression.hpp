// nn/logistic_regression/logistic_regression.hpp - week 2, "Logistic Regression with a Neural Network mindset"
// (W2A2), in dnn::logistic.
//
// EN: The cat classifier as one sigmoid unit: y_hat = sigmoid(w.T·x + b). Same names, argument order, defaults
//     and keys as the 2021 notebook; each body follows its lines. Where numpy keeps a Python scalar (b, db,
//     cost) the C++ type is double.
//     The notebook's dicts mix arrays and scalars ({"dw": array, "db": float}), so each is a small struct whose
//     members have the dict's key names: grads["dw"] is grads.dw, d["Y_prediction_test"] is
//     d.Y_prediction_test, and C++20's designated initializers write the dict literal almost as Python does:
//         Grads grads = {.dw = dw, .db = db};           // grads = {"dw": dw, "db": db}
//     Tuples are structs too, so `grads, cost = propagate(w, b, X, Y)` is
//         auto [grads, cost] = propagate(w, b, X, Y);
//     Bad input throws std::invalid_argument naming the function and the shapes or values: w not (n, 1) for
//     n rows of X, Y not (1, m), labels other than 0 and 1, no examples (m = 0).
//     Names repeat in other notebooks (sigmoid, predict): write logistic::sigmoid, logistic::predict.
// KO: 고양이 분류기를 시그모이드 유닛 하나로 만듭니다: y_hat = sigmoid(w.T·x + b). 2021년 노트북과 이름, 인자
//     순서, 기본값, 키가 같고 본문은 노트북의 코드를 따라갑니다. numpy가 파이썬 스칼라로 두는 값(b, db,
//     cost)은 double입니다. 노트북의 딕셔너리는 배열과 스칼라가 섞여 있어서({"dw": 배열, "db": float}),
//     딕셔너리의 키 이름을 멤버 이름으로 가진 작은 구조체로 옮겼습니다: grads["dw"]는 grads.dw입니다.
//     튜플도 구조체라서 `grads, cost = propagate(...)`는 `auto [grads, cost] = propagate(...);`입니다.
//     잘못된 입력(X의 행 수 n에 대해 (n, 1)이 아닌 w, (1, m)이 아닌 Y, 0과 1이 아닌 정답, 예제 0개)은
//     함수 이름과 모양이나 값을 밝힌 std::invalid_argument를 던집니다.
#pragma once

#include <vector>

#include "matrix/matrix.hpp"

namespace dnn::logistic {

// params = {"w": w, "b": b}; initialize_with_zeros's tuple (w, b) is one too.
struct Params {
    Matrix w;      // (n_x, 1): one weight per input feature
    double b = 0;  // the bias, a Python float
};

// grads = {"dw": dw, "db": db}
struct Grads {
    Matrix dw;      // (n_x, 1), the shape of w
    double db = 0;  // a numpy float64
};

// propagate returns (grads, cost).
struct PropagateResult {
    Grads grads;
    double cost = 0;
};

// optimize returns (params, grads, costs).
struct OptimizeResult {
    Params params;
    Grads grads;                // of the last iteration, computed before its update
    std::vector<double> costs;  // the cost at iterations 0, 100, 200, ...
};

// model returns d = {"costs", "Y_prediction_test", "Y_prediction_train", "w", "b", "learning_rate",
// "num_iterations"}.
struct ModelResult {
    std::vector<double> costs;  // every 100 iterations
    Matrix Y_prediction_test;   // (1, m_test) of 0. / 1.
    Matrix Y_prediction_train;  // (1, m_train) of 0. / 1.
    Matrix w;                   // (n_x, 1)
    double b = 0;
    double learning_rate = 0;
    int num_iterations = 0;
};

// ---- 4.1 - Helper functions ---------------------------------------------------------------------------------

// EN: 1 / (1 + e^-z), for an array (elementwise) or for one number.
// KO: 1 / (1 + e^-z). 배열(원소마다)이나 숫자 하나에.
// z: any shape  ->  s: the same shape
Matrix sigmoid(const Matrix& z);
double sigmoid(double z);

// ---- 4.2 - Initializing parameters --------------------------------------------------------------------------

// EN: w = zeros (dim, 1) and b = 0.0 (a float, as the 2021 notebook requires). Returns the tuple (w, b):
//     auto [w, b] = initialize_with_zeros(dim);   dim < 0 throws std::invalid_argument.
// KO: w = (dim, 1)의 0, b = 0.0(2021년 노트북처럼 float). 튜플 (w, b)를 돌려줍니다.
// dim: the number of features n_x  ->  w: (dim, 1), b
Params initialize_with_zeros(int dim);

// ---- 4.3 - Forward and Backward propagation -----------------------------------------------------------------

// EN: One forward and backward pass. A = sigmoid(w.T·X + b); cost = -1/m * sum(Y log A + (1 - Y) log(1 - A));
//     dw = 1/m * X·(A - Y).T; db = 1/m * sum(A - Y).
// KO: 순전파와 역전파 한 번. A = sigmoid(w.T·X + b), cost = -1/m * sum(Y log A + (1 - Y) log(1 - A)),
//     dw = 1/m * X·(A - Y).T, db = 1/m * sum(A - Y).
// w: (n_x, 1)  b  X: (n_x, m)  Y: (1, m) of 0 / 1  ->  grads {dw: (n_x, 1), db}, cost
PropagateResult propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y);

// ---- 4.4 - Optimization -------------------------------------------------------------------------------------

// EN: Gradient descent: num_iterations times propagate, then w = w - learning_rate * dw,
//     b = b - learning_rate * db. The cost of every 100th iteration (before its update) goes into costs and,
//     with print_cost, to std::cout as "Cost after iteration %i: %f". w and b are the caller's copies (the
//     notebook's copy.deepcopy). num_iterations must be at least 1 (the grads returned are the last
//     iteration's; numpy would fail on the missing dw with 0).
// KO: 경사 하강: num_iterations번 propagate한 뒤 w = w - learning_rate * dw, b = b - learning_rate * db.
//     100번째 반복마다(갱신 전의) 비용을 costs에 넣고, print_cost면 std::cout에
//     "Cost after iteration %i: %f"로 출력합니다. w와 b는 복사본입니다(노트북의 copy.deepcopy).
//     num_iterations는 1 이상이어야 합니다.
// w: (n_x, 1)  b  X: (n_x, m)  Y: (1, m)  ->  params {w, b}, grads {dw, db}, costs
OptimizeResult optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, int num_iterations = 100,
                        double learning_rate = 0.009, bool print_cost = false);

// EN: Predicts 1.0 where sigmoid(w.T·X + b) > 0.5, else 0.0. w has X's number of rows of elements (the
//     notebook reshapes it to (n_x, 1)).
// KO: sigmoid(w.T·X + b) > 0.5이면 1.0, 아니면 0.0으로 예측합니다. w의 원소 수는 X의 행 수입니다(노트북은
//     (n_x, 1)로 reshape합니다).
// w: (n_x, 1)  b  X: (n_x, m)  ->  Y_prediction: (1, m) of 0. / 1.
Matrix predict(Matrix w, double b, const Matrix& X);

// ---- 5 - Merge all functions into a model -------------------------------------------------------------------

// EN: initialize_with_zeros, optimize, predict on the test and the training set. With print_cost it prints the
//     costs and then "train accuracy: {} %" and "test accuracy: {} %" (100 - mean(|Y_prediction - Y|) * 100,
//     Python's repr of the float) to std::cout; the notebooks before 2021 printed the accuracies always.
// KO: initialize_with_zeros, optimize, 시험 세트와 학습 세트의 predict. print_cost면 비용과
//     "train accuracy: {} %", "test accuracy: {} %"를 std::cout에 출력합니다(2021년 이전 노트북은 정확도를 늘
//     출력했습니다).
// X_train: (n_x, m_train)  Y_train: (1, m_train)  X_test: (n_x, m_test)  Y_test: (1, m_test)  ->  d
ModelResult model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test, const Matrix& Y_test,
                  int num_iterations = 2000, double learning_rate = 0.5, bool print_cost = false);

// EN: The accuracy model prints: 100 - np.mean(np.abs(Y_prediction - Y)) * 100, in percent.
// KO: model이 출력하는 정확도: 100 - np.mean(np.abs(Y_prediction - Y)) * 100 (퍼센트).
double accuracy(const Matrix& Y_prediction, const Matrix& Y);

}  // namespace dnn::logistic
