// tutorials/01_initialization.cpp - 1. Initialization: initialize_parameters and initialize_parameters_deep.
#include "tutorials/tutorial.hpp"

using namespace dnn;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("1. Initialization: initialize_parameters, initialize_parameters_deep",
          "1. 초기화: initialize_parameters, initialize_parameters_deep");

    explain("A layer l computes Z[l] = W[l]·A[l-1] + b[l]. W[l] has one row per unit of layer l and one column per "
            "unit of layer l-1, so its shape is (n[l], n[l-1]); b[l] is a column, (n[l], 1).",
            "l층은 Z[l] = W[l]·A[l-1] + b[l]을 계산합니다. W[l]은 행이 l층의 유닛 수만큼, 열이 l-1층의 유닛 수만큼 "
            "있으므로 shape이 (n[l], n[l-1])이고, b[l]은 (n[l], 1) 열 벡터입니다.");
    explain("W starts random and small. Random, because units that start equal get equal gradients and stay equal "
            "forever (symmetry); small (x 0.01), so sigmoid and tanh start in their steep middle part.",
            "W는 작은 난수로 시작합니다. 난수를 쓰는 이유는 같은 값으로 시작한 유닛들이 같은 기울기를 받아 끝까지 "
            "같은 값으로 남기 때문(대칭)이고, 작게(x 0.01) 하는 이유는 sigmoid와 tanh가 기울기가 큰 가운데 "
            "구간에서 시작하게 하려는 것입니다.");
    explain("b can start at zero: W already breaks the symmetry.",
            "b는 0으로 시작해도 됩니다. 대칭은 W가 이미 깨 줍니다.");
    explain("np::random::seed(1) makes the draws identical to numpy's np.random.seed(1): the same numbers in the same "
            "order, so your W1 is the notebook's W1 to the last bit.",
            "np::random::seed(1)은 numpy의 np.random.seed(1)과 똑같은 난수를 같은 순서로 만듭니다. 그래서 W1이 "
            "노트북의 W1과 마지막 비트까지 같습니다.");

    section("2-layer network: initialize_parameters(3, 2, 1)", "2층 신경망: initialize_parameters(3, 2, 1)");
    code();
    Parameters parameters = initialize_parameters(3, 2, 1);  // n_x = 3, n_h = 2, n_y = 1
    check("W1", parameters["W1"], ex::init_W1);
    check("b1", parameters["b1"], ex::init_b1);
    check("W2", parameters["W2"], ex::init_W2);
    check("b2", parameters["b2"], ex::init_b2);

    section("L-layer network: initialize_parameters_deep({5, 4, 3})", "L층 신경망: initialize_parameters_deep({5, 4, 3})");
    explain("layer_dims lists every layer's size, input first. For each l = 1, ..., L-1 the loop makes W_l and b_l; "
            "the seed is 3 here, as in the notebook. Inside initialize_parameters_deep (nn/initialization.cpp):",
            "layer_dims는 입력층부터 모든 층의 크기를 담습니다. 반복문이 l = 1, ..., L-1 각각에 대해 W_l과 b_l을 "
            "만들며, 노트북처럼 시드는 3입니다. initialize_parameters_deep(nn/initialization.cpp)의 반복문:");
    listing("nn/initialization.cpp", "    for (int l = 1; l < L; ++l) {", "    }");
    code();
    Parameters deep = initialize_parameters_deep({5, 4, 3});
    check("W1", deep["W1"], ex::deep_W1);
    check("b1", deep["b1"], ex::deep_b1);
    check("W2", deep["W2"], ex::deep_W2);
    check("b2", deep["b2"], ex::deep_b2);
    check_that("W1 is (n[1], n[0]) = (4, 5) and W2 is (n[2], n[1]) = (3, 4)",
               "W1은 (n[1], n[0]) = (4, 5), W2는 (n[2], n[1]) = (3, 4)입니다",
               deep["W1"].shape() == Shape{4, 5} && deep["W2"].shape() == Shape{3, 4});
    return finish();
}
