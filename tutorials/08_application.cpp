// tutorials/08_application.cpp - 8. The Application notebook: data, training, prediction, images.
//
//   build/tutorials/08_application [--quick]     (--quick trains 201 iterations instead of 2500)
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <sstream>

#include "app/application.hpp"
#include "app/svg_plot.hpp"
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace tutorial;

namespace ex = dnn::notebook::expected;

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string(argv[1]) == "--quick";  // not shown: the tutorial's own option
    title("8. The Application: a cat classifier", "8. 응용: 고양이 분류기");

    explain("Same functions, real data: 209 training and 50 test images of 64 x 64 RGB pixels, labelled cat (1) "
            "or non-cat (0). Each image becomes one column of 64 * 64 * 3 = 12288 numbers.",
            "같은 함수에 실제 데이터를 넣습니다. 64 x 64 RGB 이미지가 학습 세트에 209장, 테스트 세트에 50장 있고, "
            "각각 고양이(1) 또는 고양이 아님(0) 레이블이 붙어 있습니다. 이미지 하나가 64 * 64 * 3 = 12288개 "
            "숫자로 된 열 하나가 됩니다.");

    std::string dir;  // not shown: where the course files are
    try {
        dir = app::find_course_data();  // $DNN_DATA, then datasets/
    } catch (const std::exception& e) {  // DNN_DATA names a folder without the files
        std::cout << e.what() << "\n";
        return 1;
    }
    if (dir.empty()) {
        explain("The course files were not found ($DNN_DATA or datasets/): put your copy of "
                "train_catvnoncat.h5 and test_catvnoncat.h5 in datasets/ to run this tutorial on them.",
                "강의 파일을 찾지 못했습니다($DNN_DATA, datasets/). train_catvnoncat.h5와 test_catvnoncat.h5를 "
                "datasets/에 넣으면 이 튜토리얼을 실행할 수 있습니다.");
        return skipped("the course files are absent");
    }

    section("Data", "데이터");
    code();
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = app::load_data(dir);
    check_that("train_x_orig is (209, 64, 64, 3) and classes are non-cat, cat",
               "train_x_orig는 (209, 64, 64, 3)이고 classes는 non-cat, cat입니다",
               train_x_orig.shape == std::vector<std::size_t>{209, 64, 64, 3} && classes.size() == 2 &&
                   classes[1] == "cat");
    explain("reshape(m, -1) puts one image per row (pixel by pixel, R G B interleaved); .T() makes it one per "
            "column; dividing by 255 scales pixels to [0, 1], which keeps W·X small at the start.",
            "reshape(m, -1)은 이미지 하나를 한 행으로 폅니다(픽셀마다 R G B 순서). .T()를 붙이면 이미지 하나가 한 "
            "열이 됩니다. 255로 나누면 픽셀 값이 [0, 1] 범위가 되어 학습 초기에 W·X가 작게 유지됩니다.");
    code();
    Matrix train_x = app::reshape(train_x_orig, 209, -1).T() / 255.;
    code();
    Matrix test_x = app::reshape(test_x_orig, 50, -1).T() / 255.;
    check("train_x[:3, 0]", Matrix{{train_x(0, 0), train_x(1, 0), train_x(2, 0)}}, "[[ 0.06666667  0.12156863  0.21960784]]");

    section("Training the L-layer model [12288, 20, 7, 5, 1]", "L층 모델 [12288, 20, 7, 5, 1] 학습");
    explain("L_layer_model loops forward -> cost -> backward -> update. The Application initialises W[l] with "
            "randn / sqrt(n[l-1]) (not * 0.01): with 12288 inputs, that keeps each unit's Z about the same size.",
            "L_layer_model은 순전파 -> 비용 -> 역전파 -> 갱신을 반복합니다. 응용 노트북은 W[l]을 * 0.01이 아니라 "
            "randn / sqrt(n[l-1])로 초기화합니다. 입력이 12288개나 되어도 각 유닛의 Z 크기가 비슷하게 유지됩니다.");
    if (quick)
        explain("This is a shortened run (--quick, or make tutorials QUICK=1): 201 iterations instead of the "
                "notebook's 2500.",
                "이번 실행은 짧게 줄인 실행입니다(--quick, 또는 make tutorials QUICK=1): 노트북의 2500번 대신 "
                "201번만 반복합니다.");
    code();
    const int num_iterations = quick ? 201 : 2500;
    std::ostringstream printed;  // not shown: collects the "Cost after iteration" lines, printed below
    code();
    auto [parameters, costs] = app::L_layer_model(train_x, train_y, {12288, 20, 7, 5, 1}, 0.0075, num_iterations,
                                                  /*print_cost=*/true, {&printed, false});
    std::cout << printed.str() << "\n";
    for (std::size_t k = 0; k < costs.size(); ++k) {  // not shown: each cost line beside the notebook's
        char cost_text[32];
        std::snprintf(cost_text, sizeof cost_text, "%f", costs[k]);  // the notebook prints "%f"
        check_printed("cost after iteration " + std::to_string(100 * k), cost_text, ex::app_L_layer_costs[k]);
    }

    section("Prediction", "예측");
    std::ostringstream accuracy;  // not shown: collects the two "Accuracy:" lines
    code();
    Matrix pred_train = app::predict(train_x, train_y, parameters, accuracy);
    code();
    Matrix pred_test = app::predict(test_x, test_y, parameters, accuracy);
    std::cout << accuracy.str() << "\n";
    const std::string notebook_accuracy =  // not shown: the notebook's two lines
        std::string("Accuracy: ") + ex::app_L_layer_train_accuracy + "\nAccuracy: " + ex::app_L_layer_test_accuracy + "\n";
    if (quick) {
        explain(std::string("These accuracies are the shortened run's, not the notebook's. The full run (make "
                            "tutorials, without QUICK=1) trains 2500 iterations and prints the notebook's: "
                            "Accuracy: ") + ex::app_L_layer_train_accuracy + " on the training set and Accuracy: " +
                    ex::app_L_layer_test_accuracy + " on the test set.",
                std::string("위 정확도는 짧게 줄인 실행의 값이라 노트북의 값과 다릅니다. 전체 실행(QUICK=1 없이 "
                            "make tutorials)은 2500번 반복하고 노트북과 같은 값을 출력합니다: 학습 세트 Accuracy: ") +
                    ex::app_L_layer_train_accuracy + ", 테스트 세트 Accuracy: " + ex::app_L_layer_test_accuracy + ".");
    } else {
        check_that(std::string("train accuracy ") + ex::app_L_layer_train_accuracy + ", test accuracy " +
                       ex::app_L_layer_test_accuracy + " (the notebook's)",
                   std::string("학습 세트 정확도 ") + ex::app_L_layer_train_accuracy + ", 테스트 세트 정확도 " +
                       ex::app_L_layer_test_accuracy + "(노트북과 같음)",
                   accuracy.str() == notebook_accuracy);
    }

    section("Images", "이미지");
    std::filesystem::create_directories("out/tutorial");  // not shown: the output folder
    code();
    app::save_cost_plot_svg("out/tutorial/cost.svg", costs, 0.0075);
    code();
    const auto wrong = app::print_mislabeled_images(classes, test_x, test_y, pred_test, "out/tutorial/mislabeled.png");
    const std::string count = std::to_string(wrong.size());  // not shown: for the sentences below
    const std::string notebook_count = std::to_string(std::size(ex::app_L_layer_mislabeled));  // not shown: the same
    if (quick) {
        explain("out/tutorial/cost.svg is the cost plot and out/tutorial/mislabeled.png the " + count +
                    " test images this shortened run gets wrong. The full run gets " + notebook_count +
                    " wrong, the notebook's; unusual poses, lighting and scale fool it.",
                "out/tutorial/cost.svg는 비용 그래프이고, out/tutorial/mislabeled.png는 이번 짧은 실행이 틀린 테스트 "
                "이미지 " + count + "장입니다. 전체 실행에서는 노트북과 같이 " + notebook_count +
                    "장을 틀리는데, 특이한 자세나 조명, 크기의 이미지에 잘 속습니다.");
    } else {
        explain("out/tutorial/cost.svg is the notebook's cost plot; out/tutorial/mislabeled.png shows the test images "
                "the model gets wrong (" + count + " of them). Unusual poses, lighting and scale fool it.",
                "out/tutorial/cost.svg는 노트북의 비용 그래프이고, out/tutorial/mislabeled.png는 모델이 틀린 테스트 "
                "이미지(" + count + "장)입니다. 특이한 자세나 조명, 크기의 이미지에 잘 속습니다.");
        const std::vector<std::size_t> notebook_wrong(std::begin(ex::app_L_layer_mislabeled),
                                                      std::end(ex::app_L_layer_mislabeled));
        std::string listed;
        for (std::size_t i : notebook_wrong) listed += (listed.empty() ? "" : ", ") + std::to_string(i);
        check_that("mislabeled test images: " + listed, "잘못 분류된 테스트 이미지: " + listed, wrong == notebook_wrong);
    }
    return finish();
}
