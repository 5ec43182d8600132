// tutorials/00_w2a2_1_data.cpp - week 2, "Logistic Regression with a Neural Network mindset" 2: the cat pictures,
// their shapes, flattening and standardising. Needs the course files (datasets/ or DNN_DATA).
#include <cmath>

#include "course/expected_logistic_regression.hpp"
#include "tutorials/tutorial_weeks.hpp"

using namespace dnn;
using namespace tutorial;
using namespace tutorial::weeks;
namespace ex = dnn::notebook::expected::logistic_regression;

int main() {
    title("Week 2, Logistic Regression: 2, the data set", "2주차 로지스틱 회귀: 2, 데이터");

    explain("The notebook's lr_utils.load_dataset reads the same two HDF5 files as the Application notebook: "
            "209 training and 50 test pictures of 64 x 64 pixels, 3 colour channels, labelled 1 (cat) or 0.",
            "노트북의 lr_utils.load_dataset은 응용 노트북과 같은 HDF5 파일 두 개를 읽습니다: 64 x 64 픽셀, 색 채널 "
            "3개의 학습용 그림 209장과 시험용 50장, 정답은 1(고양이) 또는 0.");
    std::string dir;
    try {
        dir = app::find_course_data();  // $DNN_DATA, then datasets/
    } catch (const std::exception& e) {
        std::cout << e.what() << "\n";
        return 1;
    }
    if (dir.empty()) return skipped("the course files are absent (put them in datasets/ or set DNN_DATA)");

    show_code("auto [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = app::load_data(dir);");
    auto [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = app::load_data(dir);
    const std::size_t m_train = train_set_x_orig.shape[0], m_test = test_set_x_orig.shape[0];
    const std::size_t num_px = train_set_x_orig.shape[1];
    check_text("line 1", "Number of training examples: m_train = " + std::to_string(m_train), ex::shape_lines[0]);
    check_text("line 2", "Number of testing examples: m_test = " + std::to_string(m_test), ex::shape_lines[1]);
    check_text("line 3", "Height/Width of each image: num_px = " + std::to_string(num_px), ex::shape_lines[2]);
    check_text("line 6", "train_set_y shape: " + to_string(train_set_y.shape()), ex::shape_lines[5]);
    check_text("the picture at index 25",
               "y = [" + std::to_string(static_cast<int>(train_set_y(0, 25))) + "], it's a '" +
                   classes.at(static_cast<std::size_t>(train_set_y(0, 25))) + "' picture.",
               ex::picture_25);

    section("Flattening: one picture per column", "펴기: 그림 하나를 한 열로");
    explain("X_flatten = X.reshape(X.shape[0], -1).T: each (64, 64, 3) picture becomes one column of 12288 values "
            "(row, column, channel order). Reshaping straight to (12288, m) without the transpose mixes pictures "
            "together: a student bug seen in a published notebook (its sanity values read [17 71 49 38 70]).",
            "X_flatten = X.reshape(X.shape[0], -1).T: (64, 64, 3) 그림 하나가 12288개 값의 한 열이 됩니다(행, 열, "
            "채널 순서). 전치 없이 바로 (12288, m)으로 reshape하면 그림들이 섞입니다(공개된 노트북에서 본 학생 "
            "실수: 확인 값이 [17 71 49 38 70]).");
    show_code("Matrix train_set_x_flatten = app::reshape(train_set_x_orig, m_train, -1).T();");
    const Matrix train_set_x_flatten = app::reshape(train_set_x_orig, static_cast<long long>(m_train), -1).T();
    check_text("train_set_x_flatten shape", "train_set_x_flatten shape: " + to_string(train_set_x_flatten.shape()),
               ex::shape_lines[8]);
    std::string sanity = "[";
    for (std::size_t i = 0; i < 5; ++i)
        sanity += (i ? " " : "") + std::to_string(static_cast<int>(train_set_x_flatten(i, 0)));
    check_text("sanity check after reshaping (v6a)", sanity + "]", ex::sanity_check);
    bool column_1 = true;
    for (std::size_t i = 0; i < 10; ++i) column_1 = column_1 && train_set_x_flatten(i, 1) == ex::train_column_1[i];
    verify("column 1 starts 196, 192, 190, 193, 186, ... (the 2021 notebook's assert)",
           "1열은 196, 192, 190, 193, 186, ...으로 시작합니다(2021년 노트북의 assert)", column_1);

    section("Standardising: / 255", "표준화: / 255");
    explain("Pixels are 0 .. 255; dividing by 255 puts them in [0, 1], so w.T·x + b starts small and gradient "
            "descent with learning rate 0.005 behaves. Without it the cost overflows to nan by iteration 100.",
            "픽셀은 0 .. 255입니다. 255로 나누면 [0, 1]이 되어 w.T·x + b가 작게 시작하고 학습률 0.005의 경사 하강이 "
            "잘 동작합니다. 나누지 않으면 100번째 반복쯤 비용이 nan이 됩니다.");
    show_code("Matrix train_set_x = train_set_x_flatten / 255.;");
    const Matrix train_set_x = train_set_x_flatten / 255.;
    verify("mean of train_set_x = " + py_repr(np::mean(train_set_x)) + " (numpy: 0.40394951382292327)",
           "train_set_x의 평균 = " + py_repr(np::mean(train_set_x)) + " (numpy: 0.40394951382292327)",
           std::abs(np::mean(train_set_x) - 0.40394951382292327) < 1e-14);
    return finish();
}
