// nn/planar_classification/planar_classification.hpp - week 3, "Planar data classification with one hidden
// layer" (W3A1), in dnn::planar: its planar_utils helpers and graded functions.
//
// EN: A 2-layer network, LINEAR -> TANH -> LINEAR -> SIGMOID, learns the "flower" data that logistic regression
//     cannot separate. Same names, argument order, defaults and dict keys as the 2021 notebook (v3.0); each
//     body follows its lines. parameters {"W1", "b1", "W2", "b2"}, cache {"Z1", "A1", "Z2", "A2"} and grads
//     {"dW1", "db1", "dW2", "db2"} are dicts of arrays (ArrayDict), as in week 4; tuples are small structs:
//         auto [n_x, n_h, n_y] = layer_sizes(X, Y);
//         auto [A2, cache] = forward_propagation(X, parameters);
//     Seeding: the 2021 initialize_parameters does not seed (nn_model seeds 3 once, before it); the notebooks
//     up to v6c seeded 2 inside initialize_parameters. Seeding::v6c gives the older behaviour, whose printed
//     tables differ (see course/expected_planar.hpp).
//     Bad input throws std::invalid_argument naming the function and the shapes or values. compute_cost and
//     backward_propagation accept real-valued Y (the 2017 test cases use randn labels); nn_model wants 0 / 1.
//     Names repeat in other notebooks (initialize_parameters, compute_cost, update_parameters, predict,
//     sigmoid): write planar::nn_model, planar::predict, ...
// KO: 2층 신경망(LINEAR -> TANH -> LINEAR -> SIGMOID)이 로지스틱 회귀로는 나눌 수 없는 "꽃" 데이터를
//     배웁니다. 2021년 노트북(v3.0)과 이름, 인자 순서, 기본값, 딕셔너리 키가 같고 본문은 노트북의 코드를
//     따라갑니다. parameters, cache, grads는 4주차처럼 배열의 딕셔너리(ArrayDict)이고 튜플은 작은
//     구조체입니다. 시드: 2021년 initialize_parameters는 시드를 정하지 않습니다(nn_model이 그 전에 시드 3을 한
//     번 정함). v6c까지의 노트북은 initialize_parameters 안에서 시드 2를 정했습니다. Seeding::v6c가 그 동작이며
//     출력되는 표가 다릅니다. 잘못된 입력은 함수 이름과 모양이나 값을 밝힌 std::invalid_argument를 던집니다.
#pragma once

#include <cstddef>
#include <vector>

#include "matrix/array_dict.hpp"
#include "matrix/matrix.hpp"
#include "nn/types.hpp"

namespace dnn::planar {

// cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}; parameters and grads are dnn::Parameters and dnn::Grads.
using Cache = ArrayDict;

// ---- planar_utils -------------------------------------------------------------------------------------------

// load_planar_dataset returns (X, Y).
struct PlanarData {
    Matrix X;  // (2, 400): the points (x1, x2), one per column
    Matrix Y;  // (1, 400): 0 (red) for the first 200, 1 (blue) for the last 200
};

// EN: The "flower": seeds numpy's generator with 1, then for class j = 0, 1 draws the angles
//     t = linspace(3.12 j, 3.12 (j + 1), 200) + randn(200) * 0.2 and radii r = 4 sin(4 t) + randn(200) * 0.2,
//     and places the points (r sin t, r cos t) with label j.
// KO: "꽃" 데이터: 난수 시드를 1로 두고 클래스 j = 0, 1마다 각도 t와 반지름 r을 뽑아 점 (r sin t, r cos t)에
//     정답 j를 붙입니다.
PlanarData load_planar_dataset();

// EN: planar_utils' sigmoid: 1 / (1 + e^-x), elementwise.
// KO: planar_utils의 sigmoid: 원소마다 1 / (1 + e^-x).
Matrix sigmoid(const Matrix& x);

// EN: The grid plot_decision_boundary evaluates the model on: from min - 1 to max + 1 of each row of X, in steps
//     of h (np.arange), as np.meshgrid lays it out: row r of the grid is y = ys[r], column c is x = xs[c].
//     For the flower data it is 1008 rows by 1030 columns.
// KO: plot_decision_boundary가 모델을 계산하는 격자: X의 각 행의 최솟값 - 1부터 최댓값 + 1까지 h 간격
//     (np.arange), np.meshgrid의 배치대로 격자의 r행은 y = ys[r], c열은 x = xs[c]입니다. 꽃 데이터에서는
//     1008행 1030열입니다.
struct DecisionGrid {
    std::vector<double> xs;  // np.arange(x_min, x_max, h)
    std::vector<double> ys;  // np.arange(y_min, y_max, h)
    std::size_t size() const { return xs.size() * ys.size(); }
    // EN: Grid points first .. first + count - 1 in np.c_[xx.ravel(), yy.ravel()] order, transposed to the
    //     columns of a (2, count) matrix, ready for predict(parameters, x.T).
    // KO: np.c_[xx.ravel(), yy.ravel()] 순서로 first부터 count개의 격자점을 (2, count) 행렬의 열로 줍니다.
    Matrix points(std::size_t first, std::size_t count) const;
};
// X: (2, m), m > 0  ->  the grid
DecisionGrid decision_grid(const Matrix& X, double h = 0.01);

// EN: numpy's np.arange(start, stop, step) for step > 0: ceil((stop - start) / step) values, start + i * delta
//     with delta = (start + step) - start, as numpy fills them.
// KO: step > 0인 numpy의 np.arange(start, stop, step).
std::vector<double> arange(double start, double stop, double step);

// ---- 3 - Simple Logistic Regression ------------------------------------------------------------------------

// EN: What the notebook's baseline gets from scikit-learn, `clf = sklearn.linear_model.LogisticRegressionCV();
//     clf.fit(X.T, Y.T); clf.predict(X.T)`, built from week 2's pieces (dnn::logistic's propagate, sigmoid and
//     predict): logistic regression with an L2 penalty on w (not on b), minimising
//     0.5 * w·w + C * sum of the examples' cross-entropy, for each C of Cs = np.logspace(-4, 4, 10); each C is
//     scored by its mean accuracy over `cv` stratified folds (scikit-learn's StratifiedKFold without
//     shuffling: each class's examples, in order, cut into cv runs), the best C is refitted on all the data.
//     Each fit is solved to convergence by Newton's method (scikit-learn's lbfgs stops near the same optimum).
//     scikit-learn's default cv was 3 folds before version 0.22 and is 5 since; both give the notebook's 47 %.
// KO: 노트북의 기준선이 scikit-learn에서 얻는 것을 2주차의 조각(dnn::logistic의 propagate, sigmoid, predict)으로
//     만듭니다: w에 L2 벌점(b에는 없음)을 둔 로지스틱 회귀를 Cs = np.logspace(-4, 4, 10)의 C마다 풀고, cv개의
//     층화 폴드(셔플 없는 StratifiedKFold) 평균 정확도로 C를 고른 뒤 전체 데이터로 다시 학습합니다. 각 학습은
//     뉴턴 방법으로 수렴할 때까지 풉니다. cv 기본값은 scikit-learn 0.22 이전 3, 이후 5이며 둘 다 47 %입니다.
class LogisticRegressionCV {
public:
    explicit LogisticRegressionCV(int cv = 5);

    // X: (m, n_x), one example per row (the notebook passes X.T)  y: (m, 1) or (1, m) labels 0 / 1
    LogisticRegressionCV& fit(const Matrix& X, const Matrix& y);
    // X: (m, n_x)  ->  (m, 1) of 0. / 1. (scikit-learn's 1-D array, as a column so that np::dot(Y, P) works)
    Matrix predict(const Matrix& X) const;

    std::vector<double> Cs_;                 // the C values tried: np.logspace(-4, 4, 10)
    std::vector<double> scores_;             // mean held-out accuracy of each C
    double C_ = 0;                           // the best C
    Matrix coef_;                            // (1, n_x): w.T of the refit
    double intercept_ = 0;                   // b of the refit

private:
    int cv_;
};

// ---- 4.1 - Defining the neural network structure ------------------------------------------------------------

// layer_sizes returns the tuple (n_x, n_h, n_y).
struct LayerSizes {
    int n_x;  // the size of the input layer
    int n_h;  // the size of the hidden layer (4, hard-coded, as in the notebook)
    int n_y;  // the size of the output layer
};

// X: (n_x, m)  Y: (n_y, m)  ->  (n_x, 4, n_y)
LayerSizes layer_sizes(const Matrix& X, const Matrix& Y);

// ---- 4.2 - Initialize the model's parameters ----------------------------------------------------------------

// Which notebook's initialize_parameters: 2021 (no seed inside) or v6c and older (np.random.seed(2) inside).
enum class Seeding { v2021, v6c };

// EN: W1 = randn(n_h, n_x) * 0.01, b1 = 0, W2 = randn(n_y, n_h) * 0.01, b2 = 0, drawing from numpy's generator
//     as it stands (2021); Seeding::v6c seeds it with 2 first, as the notebooks up to v6c did.
// KO: 지금 상태의 난수 생성기에서 W1, W2를 뽑고 b1, b2는 0입니다(2021). Seeding::v6c는 먼저 시드 2를 정합니다.
// -> {"W1": (n_h, n_x), "b1": (n_h, 1), "W2": (n_y, n_h), "b2": (n_y, 1)}
Parameters initialize_parameters(int n_x, int n_h, int n_y, Seeding seeding = Seeding::v2021);

// ---- 4.3 - The Loop -----------------------------------------------------------------------------------------

// forward_propagation returns (A2, cache).
struct ForwardResult {
    Matrix A2;    // (1, m): the probabilities
    Cache cache;  // {"Z1": (n_h, m), "A1": (n_h, m), "Z2": (1, m), "A2": (1, m)}
};

// EN: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2).
// KO: Z1 = W1·X + b1, A1 = tanh(Z1), Z2 = W2·A1 + b2, A2 = sigmoid(Z2).
// X: (n_x, m)  parameters: W1 (n_h, n_x), b1 (n_h, 1), W2 (1, n_h), b2 (1, 1)  ->  A2 (1, m), cache
ForwardResult forward_propagation(const Matrix& X, const Parameters& parameters);

// EN: The cross-entropy cost -1/m * sum(Y log(A2) + (1 - Y) log(1 - A2)), a float. The v6c notebook passed
//     parameters too (unused); that overload gives the same value.
// KO: 교차 엔트로피 비용 -1/m * sum(Y log(A2) + (1 - Y) log(1 - A2)) (float). v6c 노트북은 parameters도
//     넘겼습니다(쓰지 않음). 그 오버로드도 같은 값을 줍니다.
// A2: (1, m)  Y: (1, m)  ->  cost
double compute_cost(const Matrix& A2, const Matrix& Y);
double compute_cost(const Matrix& A2, const Matrix& Y, const Parameters& parameters);

// EN: dZ2 = A2 - Y, dW2 = 1/m dZ2·A1.T, db2 = 1/m sum(dZ2), dZ1 = W2.T·dZ2 * (1 - A1^2) (tanh' = 1 - tanh^2),
//     dW1 = 1/m dZ1·X.T, db1 = 1/m sum(dZ1) (sums over the examples, keepdims).
// KO: dZ2 = A2 - Y, dW2 = 1/m dZ2·A1.T, db2 = 1/m sum(dZ2), dZ1 = W2.T·dZ2 * (1 - A1^2) (tanh' = 1 - tanh^2),
//     dW1 = 1/m dZ1·X.T, db1 = 1/m sum(dZ1) (예제에 대한 합, keepdims).
// parameters: W1 (n_h, n_x), W2 (1, n_h)  cache: A1 (n_h, m), A2 (1, m)  X: (n_x, m)  Y: (1, m)
//   ->  {"dW1": (n_h, n_x), "db1": (n_h, 1), "dW2": (1, n_h), "db2": (1, 1)}
Grads backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X, const Matrix& Y);

// EN: One gradient-descent step, theta = theta - learning_rate * dtheta for W1, b1, W2, b2. The caller's
//     arrays are not changed (the notebook's copy.deepcopy).
// KO: 경사 하강 한 단계: W1, b1, W2, b2마다 theta = theta - learning_rate * dtheta. 호출한 쪽의 배열은 바뀌지
//     않습니다(노트북의 copy.deepcopy).
Parameters update_parameters(Parameters parameters, const Grads& grads, double learning_rate = 1.2);

// ---- 4.4 - Integration --------------------------------------------------------------------------------------

// EN: Seeds numpy's generator with 3, initialises (n_x, n_h, n_y) with n_x, n_y from layer_sizes, then
//     num_iterations times: forward, cost, backward, update (learning rate 1.2). With print_cost it prints
//     "Cost after iteration %i: %f" to std::cout every 1000 iterations (the cost before that update).
//     Y must hold 0 / 1 labels; num_iterations >= 0.
// KO: 난수 시드를 3으로 두고 layer_sizes의 n_x, n_y로 (n_x, n_h, n_y)를 초기화한 뒤 num_iterations번 순전파,
//     비용, 역전파, 갱신(학습률 1.2)을 합니다. print_cost면 1000번마다 std::cout에 비용을 출력합니다.
// X: (n_x, m)  Y: (1, m)  ->  parameters
Parameters nn_model(const Matrix& X, const Matrix& Y, int n_h, int num_iterations = 10000, bool print_cost = false,
                    Seeding seeding = Seeding::v2021);

// ---- 5 - Test the Model -------------------------------------------------------------------------------------

// EN: A2 > 0.5 after a forward pass: numpy's boolean array, here 1.0 (True) and 0.0 (False); format_bool prints
//     it as numpy does ([[ True False  True]]).
// KO: 순전파 후 A2 > 0.5: numpy의 불리언 배열을 1.0(True)과 0.0(False)으로 돌려줍니다.
// parameters  X: (n_x, m)  ->  predictions: (1, m)
Matrix predict(const Parameters& parameters, const Matrix& X);

// EN: The notebook's accuracy, float((Y·P.T + (1 - Y)·(1 - P.T)) / Y.size * 100), in percent: the share of
//     predictions P equal to the labels Y.
// KO: 노트북의 정확도 float((Y·P.T + (1 - Y)·(1 - P.T)) / Y.size * 100) (퍼센트).
// Y: (1, m)  predictions: (1, m)  ->  percent
double accuracy(const Matrix& Y, const Matrix& predictions);

}  // namespace dnn::planar
