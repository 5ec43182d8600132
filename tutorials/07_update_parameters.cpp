// tutorials/07_update_parameters.cpp - 7. Updating the parameters.
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace dnn::test_cases;
namespace ex = dnn::notebook::expected;
using namespace tutorial;

int main() {
    title("7. Gradient descent: update_parameters", "7. 경사 하강: update_parameters");

    explain("One step of gradient descent moves every parameter a little against its gradient: "
            "W[l] = W[l] - learning_rate * dW[l] and b[l] = b[l] - learning_rate * db[l].",
            "경사 하강 한 단계는 모든 매개변수를 기울기의 반대 방향으로 조금씩 옮깁니다: "
            "W[l] = W[l] - learning_rate * dW[l], b[l] = b[l] - learning_rate * db[l].");
    explain("Each entry is replaced by a new array, as in the notebook, so the caller's arrays (and the caches that "
            "still refer to them) keep their values.",
            "노트북처럼 각 항목을 새 배열로 바꾸므로, 호출한 쪽의 배열(과 그 배열을 가리키는 캐시)의 값은 그대로 "
            "남습니다.");

    code();
    auto [parameters, grads] = update_parameters_test_case();  // seed 2 for W, b; seed 3 for dW, db
    code();
    const Matrix W1_before = parameters["W1"];
    code();
    Parameters updated = update_parameters(parameters, grads, 0.1);
    check("W1", updated["W1"], ex::update_W1);
    check("b1", updated["b1"], ex::update_b1);
    check("W2", updated["W2"], ex::update_W2);
    check("b2", updated["b2"], ex::update_b2);
    check_that("the W1 passed in is unchanged", "넘겨준 W1은 바뀌지 않았습니다",
               np::array_equal(parameters["W1"], W1_before));
    return finish();
}
