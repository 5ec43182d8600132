// tutorials/08_application.cpp - 8. The Application notebook: data, training, prediction, pictures.
//
//   build/tutorials/08_application [--quick]     (--quick trains 201 iterations instead of 2500)
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "app/application.hpp"
#include "app/svg_plot.hpp"
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace tutorial;

namespace ex = dnn::notebook::expected;

int main(int argc, char** argv) {
    const bool quick = argc > 1 && std::string(argv[1]) == "--quick";
    title("8. The Application: a cat classifier", "8. 응용: 고양이 분류기");

    explain("Same functions, real data: 209 training and 50 test pictures of 64 x 64 RGB pixels, labelled cat (1) "
            "or non-cat (0). Each picture becomes one column of 64 * 64 * 3 = 12288 numbers.",
            "같은 함수에 진짜 데이터를 넣습니다. 64 x 64 RGB 그림이 학습용 209장, 시험용 50장이고 고양이(1) / "
            "고양이 아님(0) 정답이 붙어 있습니다. 그림 하나가 64 * 64 * 3 = 12288개 숫자의 한 열이 됩니다.");

    std::string dir;
    try {
        dir = app::find_course_data();  // $DNN_DATA, then datasets/
    } catch (const std::exception& e) {  // DNN_DATA names a folder without the files
        std::cout << e.what() << "\n";
        return 1;
    }
    if (dir.empty()) {
        explain("The course files were not found ($DNN_DATA or datasets/): put your copy of "
                "train_catvnoncat.h5 and test_catvnoncat.h5 in datasets/ to run this tutorial on them.",
                "강의 파일을 찾지 못했습니다($DNN_DATA, datasets/). train_catvnoncat.h5와 "
                "test_catvnoncat.h5를 datasets/에 두면 이 튜토리얼을 실행할 수 있습니다.");
        return skipped("the course files are absent");
    }

    section("Data", "데이터");
    code("auto [train_x_orig, train_y, test_x_orig, test_y, classes] = app::load_data(dir);");
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = app::load_data(dir);
    check_that("train_x_orig is (209, 64, 64, 3) and classes are non-cat, cat",
               train_x_orig.shape == std::vector<std::size_t>{209, 64, 64, 3} && classes.size() == 2 &&
                   classes[1] == "cat");
    explain("reshape(m, -1) puts one picture per row (pixel by pixel, R G B interleaved); .T() makes it one per "
            "column; dividing by 255 scales pixels to [0, 1], which keeps W·X small at the start.",
            "reshape(m, -1)은 그림 하나를 한 행으로(픽셀마다 R G B 순서) 펴고, .T()로 한 열이 되게 합니다. 255로 "
            "나누면 픽셀이 [0, 1]이 되어 처음의 W·X가 작게 유지됩니다.");
    code("Matrix train_x = app::reshape(train_x_orig, 209, -1).T() / 255.;");
    Matrix train_x = app::reshape(train_x_orig, 209, -1).T() / 255.;
    Matrix test_x = app::reshape(test_x_orig, 50, -1).T() / 255.;
    check("train_x[:3, 0]", Matrix{{train_x(0, 0), train_x(1, 0), train_x(2, 0)}}, "[[ 0.06666667  0.12156863  0.21960784]]");

    section("Training the L-layer model [12288, 20, 7, 5, 1]", "L층 모델 [12288, 20, 7, 5, 1] 학습");
    explain("L_layer_model loops forward -> cost -> backward -> update. The Application initialises W[l] with "
            "randn / sqrt(n[l-1]) (not * 0.01): with 12288 inputs, that keeps each unit's Z about the same size.",
            "L_layer_model은 순전파 -> 비용 -> 역전파 -> 갱신을 반복합니다. 응용 노트북은 W[l]을 randn / sqrt(n[l-1])로 "
            "초기화합니다(* 0.01이 아님). 입력이 12288개여도 각 유닛의 Z 크기가 비슷하게 유지됩니다.");
    const int iterations = quick ? 201 : 2500;
    code("auto [parameters, costs] = app::L_layer_model(train_x, train_y, {12288, 20, 7, 5, 1}, 0.0075, " +
         std::to_string(iterations) + ", true);");
    std::ostringstream printed;
    auto [parameters, costs] = app::L_layer_model(train_x, train_y, {12288, 20, 7, 5, 1}, 0.0075, iterations, true,
                                                  {&printed, false});
    std::cout << printed.str() << "\n";
    for (std::size_t k = 0; k < costs.size(); ++k) {
        char ours[32];
        std::snprintf(ours, sizeof ours, "%f", costs[k]);
        check("cost after iteration " + std::to_string(100 * k), std::stod(ours), ex::app_L_layer_costs[k]);
    }

    section("Prediction", "예측");
    code("Matrix pred_train = app::predict(train_x, train_y, parameters);");
    std::ostringstream acc;
    app::predict(train_x, train_y, parameters, acc);
    Matrix pred_test = app::predict(test_x, test_y, parameters, acc);
    std::cout << acc.str() << "\n";
    if (!quick) {
        check_that(std::string("train accuracy ") + ex::app_L_layer_train_accuracy + ", test accuracy " +
                       ex::app_L_layer_test_accuracy + " (the notebook's)",
                   acc.str() == std::string("Accuracy: ") + ex::app_L_layer_train_accuracy + "\nAccuracy: " +
                                    ex::app_L_layer_test_accuracy + "\n");
    }

    section("Pictures", "그림");
    std::filesystem::create_directories("out/tutorial");
    app::save_cost_plot_svg("out/tutorial/cost.svg", costs, 0.0075);
    const auto wrong = app::print_mislabeled_images(classes, test_x, test_y, pred_test, "out/tutorial/mislabeled.png");
    explain("out/tutorial/cost.svg is the notebook's cost plot; out/tutorial/mislabeled.png shows the test pictures "
            "the model got wrong (" + std::to_string(wrong.size()) + " of them). Unusual poses, lighting and scale fool it.",
            "out/tutorial/cost.svg는 노트북의 비용 그래프이고, out/tutorial/mislabeled.png는 모델이 틀린 시험 그림(" +
                std::to_string(wrong.size()) + "장)입니다. 특이한 자세, 조명, 크기에 잘 속습니다.");
    if (!quick) {
        const std::vector<std::size_t> notebook_wrong(std::begin(ex::app_L_layer_mislabeled),
                                                      std::end(ex::app_L_layer_mislabeled));
        std::string listed;
        for (std::size_t i : notebook_wrong) listed += (listed.empty() ? "" : ", ") + std::to_string(i);
        check_that("mislabeled test pictures: " + listed, wrong == notebook_wrong);
    }
    return finish();
}
