// tutorials/00_w2a2_3_model.cpp - week 2, "Logistic Regression with a Neural Network mindset" 5 and 6: model on
// the cat pictures, and the choice of learning rate. Needs the course files (datasets/ or DNN_DATA).
//
//   build/tutorials/00_w2a2_3_model [--quick]     (--quick trains 201 iterations and skips the learning rates)
#include <sstream>

#include "course/expected_logistic_regression.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::logistic_regression;

int main(int argc, char** argv) {
    const bool short_run = quick(argc, argv);
    title("Week 2, Logistic Regression: 5 - 6, the model and the learning rate",
          "2주차 로지스틱 회귀: 5 - 6, 모델과 학습률");
    std::string dir;
    try {
        dir = app::find_course_data();  // $DNN_DATA, then datasets/
    } catch (const std::exception& e) {
        std::cout << e.what() << "\n";
        return 1;
    }
    if (dir.empty()) return skipped("the course files are absent (put them in datasets/ or set DNN_DATA)");
    auto [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = app::load_data(dir);
    const Matrix train_set_x = app::reshape(train_set_x_orig, 209, -1).T() / 255.;
    const Matrix test_set_x = app::reshape(test_set_x_orig, 50, -1).T() / 255.;

    section("5 model", "5 model: 모든 부품을 하나로");
    explain("model = initialize_with_zeros, optimize, then predict on both sets. With print_cost it prints every "
            "100th cost and the two accuracies, 100 - mean(|Y_prediction - Y|) * 100.",
            "model = initialize_with_zeros, optimize, 그리고 두 세트의 predict. print_cost면 100번째마다 비용과 두 "
            "정확도 100 - mean(|Y_prediction - Y|) * 100을 출력합니다.");
    const int num_iterations = short_run ? 201 : 2000;
    show_code("logistic::ModelResult d = logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, " +
              std::to_string(num_iterations) + ", 0.005, true);");
    std::ostringstream printed;
    std::streambuf* old = std::cout.rdbuf(printed.rdbuf());
    const logistic::ModelResult d =
        logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations, 0.005, true);
    std::cout.rdbuf(old);
    std::cout << printed.str() << "\n";
    std::istringstream lines(printed.str());
    std::string line;
    for (std::size_t k = 0; k < d.costs.size() && std::getline(lines, line); ++k)
        check_text("line " + std::to_string(k + 1), line,
                   "Cost after iteration " + std::to_string(100 * k) + ": " + ex::costs[k]);
    if (short_run) {
        explain("This is a shortened run (--quick): its accuracies are not the notebook's. The full run (without "
                "--quick) prints train accuracy: 99.04306220095694 % and test accuracy: 70.0 %.",
                "--quick으로 줄인 실행이라 정확도는 노트북의 값이 아닙니다. 전체 실행(--quick 없이)은 "
                "train accuracy: 99.04306220095694 %, test accuracy: 70.0 %를 출력합니다.");
        return finish();
    }
    std::getline(lines, line);
    check_text("train accuracy", line, std::string("train accuracy: ") + ex::train_accuracy + " %");
    std::getline(lines, line);
    check_text("test accuracy", line, std::string("test accuracy: ") + ex::test_accuracy + " %");
    explain("99 % on the training set but 70 % on the test set: the model overfits a little (12288 weights, 209 "
            "pictures). A deeper network does better (week 4's Application: 80 %).",
            "학습 세트 99 %, 시험 세트 70 %: 조금 과적합합니다(가중치 12288개, 그림 209장). 더 깊은 신경망이 더 "
            "잘합니다(4주차 응용 노트북: 80 %).");

    section("6 The choice of learning rate", "6 학습률 고르기");
    explain("Too large a rate makes the cost oscillate (0.01: it jumps up at iteration 100), too small learns "
            "slowly (0.0001). The notebooks up to v6a printed each model's accuracies; make week2 draws the three "
            "curves in out/week2_learning_rates.svg.",
            "학습률이 너무 크면 비용이 진동하고(0.01: 100번째 반복에 비용이 올라감), 너무 작으면 느리게 배웁니다"
            "(0.0001). v6a까지의 노트북은 모델마다 정확도를 출력했고, make week2가 세 곡선을 "
            "out/week2_learning_rates.svg에 그립니다.");
    for (const auto& run : ex::learning_rates) {
        const double learning_rate = std::stod(run.learning_rate);
        show_code("d = logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, 1500, " +
                  py_repr(learning_rate) + ", false);");
        const logistic::ModelResult r =
            logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, 1500, learning_rate, false);
        check_text("learning rate " + py_repr(learning_rate) + ": train accuracy",
                   py_repr(logistic::accuracy(r.Y_prediction_train, train_set_y)), run.train_accuracy);
        check_text("learning rate " + py_repr(learning_rate) + ": test accuracy",
                   py_repr(logistic::accuracy(r.Y_prediction_test, test_set_y)), run.test_accuracy);
        check_text("learning rate " + py_repr(learning_rate) + ": cost at iteration 100", f6(r.costs.at(1)),
                   f6(run.costs[1]));
    }
    return finish();
}
