// tutorials/00_w3a1_1_data_baseline.cpp - week 3, "Planar data classification with one hidden layer" 2 - 3: the
// flower data, and why logistic regression cannot separate it (47 %).
#include <cmath>

#include "course/expected_planar_classification.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::planar_classification;

int main() {
    title("Week 3, Planar data classification: 2 - 3, the flower and a logistic-regression baseline",
          "3주차 평면 데이터 분류: 2 - 3, 꽃 데이터와 로지스틱 회귀 기준선");

    section("2 load_planar_dataset", "2 load_planar_dataset: 데이터 읽기");
    explain("400 points (x1, x2) in the shape of a flower with 8 petals, red (0) and blue (1). load_planar_dataset "
            "seeds numpy's generator with 1 and draws angle and radius noise for each class in the notebook's "
            "order, with this library's numpy-identical randn.",
            "꽃잎 8장 모양의 점 (x1, x2) 400개, 빨강(0)과 파랑(1)입니다. load_planar_dataset은 난수 시드를 1로 "
            "두고 클래스마다 각도와 반지름 잡음을 노트북의 순서대로, numpy와 같은 randn으로 뽑습니다.");
    show_code("auto [X, Y] = planar::load_planar_dataset();");
    auto [X, Y] = planar::load_planar_dataset();
    check_text("line 1", "The shape of X is: " + to_string(X.shape()), ex::dataset_lines[0]);
    check_text("line 2", "The shape of Y is: " + to_string(Y.shape()), ex::dataset_lines[1]);
    check_text("line 3", "I have m = " + std::to_string(Y.cols()) + " training examples!", ex::dataset_lines[2]);
    verify("X[:, 0] = (" + py_repr(X(0, 0)) + ", " + py_repr(X(1, 0)) + "), numpy: (1.2044422922543192, "
           "3.576114148128845) (numpy's own sin and cos may differ from the C library's in the last bit)",
           "X[:, 0] = (" + py_repr(X(0, 0)) + ", " + py_repr(X(1, 0)) + "), numpy: (1.2044422922543192, "
           "3.576114148128845) (numpy의 sin, cos는 C 라이브러리와 마지막 비트가 다를 수 있음)",
           std::abs(X(0, 0) - 1.2044422922543192) < 1e-14 && std::abs(X(1, 0) - 3.576114148128845) < 1e-14);

    section("3 Simple Logistic Regression", "3 단순 로지스틱 회귀");
    explain("The notebook fits scikit-learn's LogisticRegressionCV: logistic regression with an L2 penalty, its "
            "strength C chosen by cross-validation among 10 values. planar::LogisticRegressionCV does the same "
            "with week 2's propagate and predict. A straight line cannot follow petals: about half the points "
            "end up on the wrong side.",
            "노트북은 scikit-learn의 LogisticRegressionCV를 씁니다: L2 벌점이 있는 로지스틱 회귀이고, 벌점의 세기 "
            "C를 교차 검증으로 10개 값 중에서 고릅니다. planar::LogisticRegressionCV가 2주차의 propagate와 "
            "predict로 같은 일을 합니다. 직선은 꽃잎을 따라갈 수 없어서 점의 절반쯤이 잘못된 쪽에 놓입니다.");
    show_code("planar::LogisticRegressionCV clf;  clf.fit(X.T(), Y.T());  Matrix LR_predictions = clf.predict(X.T());");
    planar::LogisticRegressionCV clf;
    clf.fit(X.T(), Y.T());
    const Matrix LR_predictions = clf.predict(X.T());
    const double accuracy =
        np::squeeze((np::dot(Y, LR_predictions) + np::dot(1 - Y, 1 - LR_predictions)) / double(Y.size()) * 100);
    check_text("the accuracy line",
               "Accuracy of logistic regression: " + std::to_string(static_cast<int>(accuracy)) +
                   " % (percentage of correctly labelled datapoints)",
               ex::logistic_regression_line);
    explain("With cv = 5 folds (scikit-learn since 0.22) the best C is " + py_repr(clf.C_) + "; with 3 folds (older "
            "scikit-learn) 0.046. Either way 188 of 400 points are right: 47 %, as in every notebook.",
            "폴드 5개(scikit-learn 0.22 이후)에서 가장 좋은 C는 " + py_repr(clf.C_) + ", 폴드 3개(예전 "
            "scikit-learn)에서는 0.046입니다. 어느 쪽이든 400개 중 188개가 맞습니다: 모든 노트북처럼 47 %.");
    verify("188 of 400 right", "400개 중 188개 정답", accuracy == 47.0);
    return finish();
}
