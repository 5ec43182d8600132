// app/load_data.cpp - load_data(): the Application notebook's input (and week 2's, lr_utils.load_dataset).
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "app/application.hpp"

namespace dnn::app {

namespace {

// A 1-D label vector (m,) as numpy's y.reshape((1, m)).
Matrix labels_row(const io::Array& y, const std::string& file, const std::string& key) {
    if (y.shape.size() != 1)
        throw std::runtime_error("load_data: " + file + ": " + key + " should be 1-D labels, but has " +
                                 std::to_string(y.shape.size()) + " dimensions");
    Matrix row = Matrix::uninitialized(1, y.shape[0]);
    double* out = row.mutable_data();
    for (std::size_t i = 0; i < y.shape[0]; ++i) out[i] = y.data[i];
    return row;
}

void expect_images(const io::Array& x, const std::string& file, const std::string& key) {
    if (x.shape.size() != 4)
        throw std::runtime_error("load_data: " + file + ": " + key + " should be images (m, height, width, channels), "
                                 "but has " + std::to_string(x.shape.size()) + " dimensions");
}

}  // namespace

std::string find_course_data(const std::vector<std::string>& folders) {
    namespace fs = std::filesystem;
    auto has_both = [](const std::string& dir) {
        std::error_code ec;
        return !dir.empty() && fs::is_regular_file(fs::path(dir) / "train_catvnoncat.h5", ec) &&
               fs::is_regular_file(fs::path(dir) / "test_catvnoncat.h5", ec);
    };
    // A DNN_DATA that is set is what the user asked for: never passed over for another folder.
    if (const char* env = std::getenv("DNN_DATA"); env && *env) {
        if (has_both(env)) return env;
        const fs::path dir(env);
        std::error_code ec;
        std::string missing;
        for (const char* name : {"train_catvnoncat.h5", "test_catvnoncat.h5"})
            if (!fs::is_regular_file(dir / name, ec)) missing += std::string(missing.empty() ? "" : " and ") + name;
        throw std::runtime_error("find_course_data: DNN_DATA is set to '" + std::string(env) + "', but " +
                                 (fs::is_directory(dir, ec) ? "that folder has no " + missing
                                                            : std::string("there is no such folder")) +
                                 ". Put both course files there, or unset DNN_DATA to use datasets/.");
    }
    for (const std::string& dir : folders)
        if (has_both(dir)) return dir;
    return "";
}

CatData load_data(const std::string& dir) {
    const std::string train_path = dir + "/train_catvnoncat.h5";
    const std::string test_path = dir + "/test_catvnoncat.h5";
    io::H5File train_dataset(train_path);
    io::H5File test_dataset(test_path);

    CatData data;
    data.train_x_orig = train_dataset.read("train_set_x");  // your train set features
    data.train_y = labels_row(train_dataset.read("train_set_y"), train_path, "train_set_y");  // your train set labels
    data.test_x_orig = test_dataset.read("test_set_x");     // your test set features
    data.test_y = labels_row(test_dataset.read("test_set_y"), test_path, "test_set_y");      // your test set labels
    data.classes = test_dataset.read("list_classes").strings;  // the list of classes

    expect_images(data.train_x_orig, train_path, "train_set_x");
    expect_images(data.test_x_orig, test_path, "test_set_x");
    if (data.train_x_orig.shape[0] != data.train_y.cols())
        throw std::runtime_error("load_data: " + train_path + ": " + std::to_string(data.train_x_orig.shape[0]) +
                                 " images but " + std::to_string(data.train_y.cols()) + " labels");
    if (data.test_x_orig.shape[0] != data.test_y.cols())
        throw std::runtime_error("load_data: " + test_path + ": " + std::to_string(data.test_x_orig.shape[0]) +
                                 " images but " + std::to_string(data.test_y.cols()) + " labels");
    return data;
}

Matrix reshape(const io::Array& x_orig, long long rows, long long cols) {
    const long long n = static_cast<long long>(x_orig.data.size());
    if (rows == -1 && cols > 0 && n % cols == 0) rows = n / cols;
    if (cols == -1 && rows > 0 && n % rows == 0) cols = n / rows;
    if (rows < 0 || cols < 0 || rows * cols != n)
        throw std::invalid_argument("reshape: cannot reshape array of size " + std::to_string(n) + " into shape (" +
                                    std::to_string(rows) + ", " + std::to_string(cols) + ")");
    Matrix m = Matrix::uninitialized(static_cast<std::size_t>(rows), static_cast<std::size_t>(cols));
    double* out = m.mutable_data();
    for (long long k = 0; k < n; ++k) out[k] = x_orig.data[static_cast<std::size_t>(k)];
    return m;
}

}  // namespace dnn::app
