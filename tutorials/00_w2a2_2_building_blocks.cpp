// tutorials/00_w2a2_2_building_blocks.cpp - week 2, "Logistic Regression with a Neural Network mindset" 4: sigmoid,
// initialize_with_zeros, propagate, optimize and predict on the notebook's test cases.
#include "course/expected_logistic_regression.hpp"
#include "course/test_cases_logistic_regression.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::logistic_regression;
namespace tc = dnn::test_cases::logistic_regression;

int main() {
    title("Week 2, Logistic Regression: 4, the parts of the algorithm", "2주차 로지스틱 회귀: 4, 알고리즘의 부품");

    explain("Logistic regression is a neural network with one unit: y_hat = sigmoid(w.T·x + b). The functions live "
            "in dnn::logistic (nn/logistic_regression/). The notebook's dicts mix arrays and Python floats, so each "
            "is a struct with the dict's keys as members: grads[\"dw\"] is grads.dw, and b, db and cost are doubles.",
            "로지스틱 회귀는 유닛이 하나인 신경망입니다: y_hat = sigmoid(w.T·x + b). 함수는 dnn::logistic"
            "(nn/logistic_regression/)에 있습니다. 노트북의 딕셔너리는 배열과 파이썬 float이 섞여 있어서 키 이름을 "
            "멤버로 가진 구조체입니다: grads[\"dw\"]는 grads.dw이고, b, db, cost는 double입니다.");

    section("4.1 sigmoid", "4.1 sigmoid");
    show_code("Matrix s = logistic::sigmoid(Matrix{{0, 2}});");
    check_1d("sigmoid([0, 2])", logistic::sigmoid(Matrix{{0, 2}}), ex::sigmoid_0_2);

    section("4.2 initialize_with_zeros", "4.2 initialize_with_zeros");
    explain("For logistic regression, zeros are a fine start (a single unit has no symmetry to break). b must be the "
            "float 0.0, not the int 0: the 2021 notebook checks its type; here the type is double.",
            "로지스틱 회귀는 0에서 시작해도 됩니다(유닛이 하나라 깨야 할 대칭이 없음). b는 정수 0이 아니라 float "
            "0.0이어야 합니다. 2021년 노트북은 그 타입을 확인하고, 여기서는 double입니다.");
    show_code("auto [w, b] = logistic::initialize_with_zeros(2);");
    {
        auto [w, b] = logistic::initialize_with_zeros(2);
        check_modern("w", w, ex::init_w);
        check_text("b", py_repr(b), ex::init_b);
    }

    section("4.3 propagate: the cost and its gradients", "4.3 propagate: 비용과 그 기울기");
    explain("Forward: A = sigmoid(w.T·X + b) for all m examples at once, cost = -1/m sum(Y log A + (1-Y) log(1-A)). "
            "Backward: dw = 1/m X·(A - Y).T and db = 1/m sum(A - Y). The same three lines compute one example or "
            "a million: that is vectorization.",
            "순전파: m개 예제 전체의 A = sigmoid(w.T·X + b), cost = -1/m sum(Y log A + (1-Y) log(1-A)). 역전파: "
            "dw = 1/m X·(A - Y).T, db = 1/m sum(A - Y). 같은 세 줄이 예제 하나든 백만 개든 계산합니다: 벡터화.");
    show_code("auto [grads, cost] = logistic::propagate(w, b, X, Y);  // w [[1.], [2]], b 1.5, Y [[1, 1, 0]]");
    {
        auto [w, b, X, Y] = tc::propagate_case();
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        check_modern("dw", grads.dw, ex::propagate_dw);
        check("db", grads.db, ex::propagate_db);
        check("cost", cost, ex::propagate_cost);
    }
    explain("The v4 - v6a notebooks had another case (b = 2., Y = [[1, 0, 1]]) and printed numpy's float64 with 12 "
            "significant digits: legacy_float_str prints them so.",
            "v4 - v6a 노트북은 다른 케이스(b = 2., Y = [[1, 0, 1]])를 썼고 numpy float64를 유효숫자 12자리로 "
            "출력했습니다. legacy_float_str가 그렇게 출력합니다.");
    {
        auto [w, b, X, Y] = tc::propagate_case(tc::Version::v6a);
        auto [grads, cost] = logistic::propagate(w, b, X, Y);
        check_text("db (v6a)", legacy_float_str(grads.db), ex::v6a::propagate_db);
        check_text("cost (v6a)", legacy_float_str(cost), ex::v6a::propagate_cost);
    }

    section("4.4 optimize: gradient descent", "4.4 optimize: 경사 하강");
    explain("Repeat: propagate, then w = w - learning_rate * dw, b = b - learning_rate * db. Every 100th cost is "
            "kept (before that iteration's update). w and b are optimize's own copies (the notebook's "
            "copy.deepcopy): passed by value here.",
            "반복: propagate 후 w = w - learning_rate * dw, b = b - learning_rate * db. 100번째마다 그 반복의 갱신 "
            "전 비용을 남깁니다. w와 b는 optimize의 복사본입니다(노트북의 copy.deepcopy): 여기서는 값으로 "
            "넘깁니다.");
    show_code("auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 100, 0.009, false);");
    {
        auto [w, b, X, Y] = tc::propagate_case();
        auto [params, grads, costs] = logistic::optimize(w, b, X, Y, 100, 0.009, false);
        check_modern("w", params.w, ex::optimize_w);
        check("b", params.b, ex::optimize_b);
        check_modern("dw", grads.dw, ex::optimize_dw);
        check("db", grads.db, ex::optimize_db);
        verify("costs has one entry, iteration 0's cost " + py_repr(costs.at(0)),
               "costs에는 0번째 반복의 비용 " + py_repr(costs.at(0)) + " 하나가 있습니다",
               costs.size() == 1 && py_repr(costs[0]) == ex::propagate_cost);
    }

    section("4.4 predict", "4.4 predict");
    explain("A probability above 0.5 predicts 1 (cat), else 0. The loop over A's columns is the notebook's; "
            "(A > 0.5) would do it in one line.",
            "확률이 0.5보다 크면 1(고양이), 아니면 0으로 예측합니다. A의 열을 도는 반복문은 노트북의 것이고, "
            "(A > 0.5) 한 줄로도 됩니다.");
    show_code("Matrix predictions = logistic::predict(w, b, X);   // w [[0.1124579], [0.23106775]], b -0.3");
    {
        auto [w, b, X] = tc::predict_case();
        check_modern("predictions", logistic::predict(w, b, X), ex::predictions);
    }
    return finish();
}
