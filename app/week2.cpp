// app/week2.cpp - `make week2`: week 2's notebook, "Logistic Regression with a Neural Network mindset" (2021),
// on the course's cat pictures.
//
//   build/bin/week2 [--data DIR] [--out DIR] [--image PATH]
//
// It loads the pictures (lr_utils.load_dataset is the Application's load_data: the same files), prints the
// notebook's shape lines, trains model(..., num_iterations=2000, learning_rate=0.005, print_cost=True), which
// prints the 20 cost lines and both accuracies, then runs the learning-rate comparison (0.01, 0.001, 0.0001;
// 1500 iterations each) and prints it as the notebooks up to v6a did, with each model's accuracies (the 2021
// model prints them only with print_cost). It writes the cost curve and the comparison's curves as SVG.
// --image PATH (make week2 IMAGE=PATH) predicts your own picture, as the notebook's last cell (section 7).
// The course files are looked for in --data, then $DNN_DATA, then datasets/; without them it says so.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/own_image.hpp"
#include "app/progress.hpp"
#include "app/svg_plot.hpp"
#include "io/image.hpp"
#include "matrix/format.hpp"
#include "matrix/np.hpp"
#include "nn/logistic_regression/logistic_regression.hpp"

using namespace dnn;
namespace fs = std::filesystem;

namespace {

struct Options {
    std::string data;
    std::string out = "out";
    std::string image;  // --image: your own picture
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value (use --data DIR, --out DIR, --image PATH)");
        if (a == "--data") o.data = argv[++i];
        else if (a == "--out") o.out = argv[++i];
        else if (a == "--image") o.image = argv[++i];
        else throw std::invalid_argument("unknown option " + a + " (use --data DIR, --out DIR, --image PATH)");
    }
    return o;
}

std::string shape4(const io::Array& a) {
    std::string s = "(";
    for (std::size_t k = 0; k < a.shape.size(); ++k) s += (k ? ", " : "") + std::to_string(a.shape[k]);
    return s + ")";
}

// ---- 7 - Test with your own image (optional) ------------------------------------------------------------------
// The 2021 notebook: image = np.array(Image.open(fname).resize((num_px, num_px))); image = image / 255.;
// image = image.reshape((1, num_px * num_px * 3)).T; my_predicted_image = predict(w, b, image).

// EN: The notebook's lines: Image.open(fname).resize((num_px, num_px)) (Pillow's BICUBIC, as in 2021), / 255.,
//     reshape((1, num_px * num_px * 3)).T: the same as the Application's own-image cell (app/own_image.hpp).
//     A picture that is not RGB is converted as Pillow's .convert("RGB") does, and the note says so.
// KO: 노트북의 줄: Image.open(fname).resize((num_px, num_px))(2021처럼 Pillow의 BICUBIC), / 255.,
//     reshape((1, num_px * num_px * 3)).T. 응용 노트북의 내 이미지 셀(app/own_image.hpp)과 같습니다.
// image: any size  ->  (num_px * num_px * 3, 1)
Matrix read_own_image(const std::string& path, std::size_t num_px) {
    const io::ImageFile file = io::open_image(path);
    if (const std::string note = app::conversion_note(file, path); !note.empty()) std::cout << note << "\n";
    return app::image_to_x(file.image, static_cast<int>(num_px));
}

int run(const Options& o, const std::string& dir) {
    std::cout << "Week 2: \"Logistic Regression with a Neural Network mindset\" (the 2021 notebook), in C++\n"
              << "2주차: 신경망의 관점으로 본 로지스틱 회귀 (2021년 노트북)\n\n"
              << "Loading the course's cat pictures from " << dir << "/\n";
    // train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_dataset()
    auto [train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes] = app::load_data(dir);

    const std::size_t m_train = train_set_x_orig.shape[0];
    const std::size_t m_test = test_set_x_orig.shape[0];
    const std::size_t num_px = train_set_x_orig.shape[1];
    std::cout << "Number of training examples: m_train = " << m_train << "\n"
              << "Number of testing examples: m_test = " << m_test << "\n"
              << "Height/Width of each image: num_px = " << num_px << "\n"
              << "Each image is of size: (" << num_px << ", " << num_px << ", 3)\n"
              << "train_set_x shape: " << shape4(train_set_x_orig) << "\n"
              << "train_set_y shape: " << train_set_y.shape() << "\n"
              << "test_set_x shape: " << shape4(test_set_x_orig) << "\n"
              << "test_set_y shape: " << test_set_y.shape() << "\n";

    // Reshape the training and test examples: one picture per column.
    const Matrix train_set_x_flatten = app::reshape(train_set_x_orig, static_cast<long long>(m_train), -1).T();
    const Matrix test_set_x_flatten = app::reshape(test_set_x_orig, static_cast<long long>(m_test), -1).T();
    std::cout << "train_set_x_flatten shape: " << train_set_x_flatten.shape() << "\n"
              << "train_set_y shape: " << train_set_y.shape() << "\n"
              << "test_set_x_flatten shape: " << test_set_x_flatten.shape() << "\n"
              << "test_set_y shape: " << test_set_y.shape() << "\n\n";
    const Matrix train_set_x = train_set_x_flatten / 255.;
    const Matrix test_set_x = test_set_x_flatten / 255.;

    std::cout << "logistic_regression_model = model(train_set_x, train_set_y, test_set_x, test_set_y, "
                 "num_iterations=2000, learning_rate=0.005, print_cost=True)\n";
    app::ProgressBar clock(1, false);
    const logistic::ModelResult logistic_regression_model =
        logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, 2000, 0.005, true);

    fs::create_directories(o.out);
    app::save_cost_plot_svg(o.out + "/week2_cost.svg", logistic_regression_model.costs,
                            logistic_regression_model.learning_rate);
    std::cout << "Wrote " << o.out << "/week2_cost.svg (the cost every 100 iterations)\n\n";

    // ---- 6 - Further analysis: the choice of learning rate
    std::vector<app::CostCurve> curves;
    for (double learning_rate : {0.01, 0.001, 0.0001}) {
        std::cout << "learning rate is: " << py_repr(learning_rate) << "\n";
        const logistic::ModelResult d = logistic::model(train_set_x, train_set_y, test_set_x, test_set_y, 1500,
                                                        learning_rate, false);
        // The notebooks up to v6a printed these inside model; the 2021 model prints them only with print_cost.
        std::cout << "train accuracy: " << py_repr(logistic::accuracy(d.Y_prediction_train, train_set_y)) << " %\n"
                  << "test accuracy: " << py_repr(logistic::accuracy(d.Y_prediction_test, test_set_y)) << " %\n"
                  << "\n-------------------------------------------------------\n\n";
        curves.push_back({py_repr(d.learning_rate), d.costs});
    }
    const double seconds = clock.elapsed_seconds();
    app::save_cost_curves_svg(o.out + "/week2_learning_rates.svg", curves);
    std::cout << "Wrote " << o.out << "/week2_learning_rates.svg (the three cost curves)\n";

    if (!o.image.empty()) {
        std::cout << "\nYour own picture: " << o.image << "\n";
        try {
            const Matrix image = read_own_image(o.image, num_px);
            const Matrix my_predicted_image =
                logistic::predict(logistic_regression_model.w, logistic_regression_model.b, image);
            const double p = np::squeeze(my_predicted_image);
            std::cout << "y = " << py_repr(p) << ", your algorithm predicts a \"" << classes.at(static_cast<int>(p))
                      << "\" picture.\n";
            // Not the notebook's line: the probability itself, to compare with numpy and Pillow's.
            const Matrix a = logistic::sigmoid(np::dot(logistic_regression_model.w.T(), image) +
                                               logistic_regression_model.b);
            char line[64];
            std::snprintf(line, sizeof line, "p = %.8f (bicubic)", np::squeeze(a));
            std::cout << line << "\n";
        } catch (const std::exception& e) {
            std::cerr << "week2: " << e.what() << "\n";
            return 1;
        }
    }
    std::cout << "\nTraining took " << seconds << " s.\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const Options o = parse(argc, argv);
        const std::string dir = o.data.empty() ? app::find_course_data() : o.data;  // $DNN_DATA, then datasets/
        if (dir.empty()) {
            std::cout << "The course files train_catvnoncat.h5 / test_catvnoncat.h5 are not in datasets/ (and DNN_DATA "
                         "is not set).\n"
                         "강의 데이터 파일을 찾지 못했습니다. datasets/에 두 파일을 두거나 DNN_DATA=<폴더>를 정하세요.\n"
                         "Week 2 trains on the cat pictures: put your copy of the two files in datasets/ (or set "
                         "DNN_DATA=<folder>) and run make week2 again.\n";
            return 0;
        }
        return run(o, dir);
    } catch (const std::exception& e) {
        std::cerr << "week2: " << e.what() << "\n";
        return 1;
    }
}
