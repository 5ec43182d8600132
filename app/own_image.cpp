// app/own_image.cpp - "Test with your own image" (see app/own_image.hpp): the notebook's cell, and the picture of
// what the network saw.
#include "app/own_image.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>
#include <stdexcept>

#include "app/application.hpp"
#include "io/png.hpp"
#include "matrix/format.hpp"
#include "nn/step_by_step.hpp"

namespace dnn::app {

Matrix pixels_to_x(const io::Image& resized) {
    const std::size_t n = std::size_t(resized.width) * std::size_t(resized.height) * 3;
    if (resized.width < 1 || resized.height < 1 || resized.rgb.size() != n)
        throw std::invalid_argument("pixels_to_x: the picture is " + std::to_string(resized.width) + " x " +
                                    std::to_string(resized.height) + " with " + std::to_string(resized.rgb.size()) +
                                    " bytes (needs width * height * 3, sides >= 1)");
    // image / 255. then image.reshape((1, num_px * num_px * 3)).T: the bytes are already in (row, column,
    // channel) C order, so the k-th number of the column is the k-th byte divided by 255.
    Matrix x = Matrix::uninitialized(n, 1);
    double* out = x.mutable_data();
    for (std::size_t k = 0; k < n; ++k) out[k] = resized.rgb[k] / 255.;
    return x;
}

Matrix image_to_x(const io::Image& image, int num_px, io::Resample filter) {
    if (num_px < 1) throw std::invalid_argument("image_to_x: num_px is " + std::to_string(num_px) + " (must be >= 1)");
    return pixels_to_x(io::resize(image, num_px, num_px, filter));
}

int num_px_of(const Parameters& parameters) {
    const auto w1 = parameters.find("W1");
    if (w1 == parameters.end())
        throw std::invalid_argument("num_px_of: the parameters have no W1 (they hold " + parameters.key_list() + ")");
    const std::size_t n_x = w1->second.cols();
    const auto num_px = static_cast<std::size_t>(std::lround(std::sqrt(n_x / 3.0)));
    if (n_x == 0 || num_px * num_px * 3 != n_x)
        throw std::invalid_argument("num_px_of: W1 has shape " + to_string(w1->second.shape()) + ": its " +
                                    std::to_string(n_x) + " inputs are not a square RGB picture's (num_px * num_px * 3)");
    return static_cast<int>(num_px);
}

std::string prediction_sentence(double y, const std::vector<std::string>& classes) {
    if (classes.size() < 2)
        throw std::invalid_argument("prediction_sentence: classes needs two names, got " + std::to_string(classes.size()));
    return "y = " + py_repr(y) + ", your L-layer model predicts a \"" + classes[y != 0 ? 1 : 0] + "\" picture.";
}

OwnImagePrediction predict_own_image(const Matrix& x, double label, const Parameters& parameters,
                                     const std::vector<std::string>& classes, std::ostream& out) {
    if (x.cols() != 1)
        throw std::invalid_argument("predict_own_image: x has shape " + to_string(x.shape()) + " (one picture is one column)");
    if (label != 0 && label != 1)
        throw std::invalid_argument("predict_own_image: the label is " + py_repr(label) + " (0: non-cat, 1: cat)");
    if (classes.size() < 2)
        throw std::invalid_argument("predict_own_image: classes needs two names, got " + std::to_string(classes.size()));
    const Matrix my_label_y{{label}};  // the true class of your image (1 -> cat, 0 -> non-cat)

    OwnImagePrediction result;
    const Matrix my_predicted_image = predict(x, my_label_y, parameters, out);
    result.y = my_predicted_image(0, 0);
    result.class_name = classes[result.y != 0 ? 1 : 0];
    out << prediction_sentence(result.y, classes) << "\n";
    result.probability = L_model_forward(x, parameters).AL(0, 0);  // what predict compared with 0.5
    return result;
}

std::string resample_name(io::Resample filter) {
    switch (filter) {
        case io::Resample::nearest: return "nearest";
        case io::Resample::bilinear: return "bilinear";
        default: return "bicubic";
    }
}

io::Resample parse_resample(const std::string& name) {
    if (name == "bicubic") return io::Resample::bicubic;
    if (name == "bilinear") return io::Resample::bilinear;
    if (name == "nearest") return io::Resample::nearest;
    throw std::invalid_argument("unknown resample filter '" + name + "' (use bicubic, bilinear or nearest)");
}

std::string conversion_note(const io::ImageFile& file, const std::string& name) {
    if (file.mode == "RGB") return "";
    return "note: " + name + ": mode \"" + file.mode + "\" (" + io::mode_description(file.mode) +
           ") converted to RGB as Pillow's .convert(\"RGB\") does (the notebook's cell would fail on it)";
}

namespace {

RgbImage to_rgb_image(const io::Image& image) {
    return {static_cast<std::size_t>(image.width), static_cast<std::size_t>(image.height), image.rgb};
}

// Each pixel becomes a k x k block.
io::Image enlarge(const io::Image& image, int k) {
    io::Image out;
    out.width = image.width * k;
    out.height = image.height * k;
    out.rgb.resize(std::size_t(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            for (int c = 0; c < 3; ++c)
                out.rgb[(std::size_t(y) * out.width + x) * 3 + c] =
                    image.rgb[(std::size_t(y / k) * image.width + x / k) * 3 + c];
    return out;
}

// The picture at a size that fits in box x box: shrunk when larger, enlarged by a whole factor when at most
// half as large, as it is otherwise.
io::Image fit(const io::Image& image, int box) {
    const int side = std::max(image.width, image.height);
    if (side > box) {
        const int w = std::max(1, static_cast<int>(std::lround(double(image.width) * box / side)));
        const int h = std::max(1, static_cast<int>(std::lround(double(image.height) * box / side)));
        return io::resize(image, w, h, io::Resample::bicubic);
    }
    return box / side >= 2 ? enlarge(image, box / side) : image;
}

void check_picture(const io::Image& image, const std::string& what, std::size_t i) {
    if (image.width < 1 || image.height < 1 || image.rgb.size() != std::size_t(image.width) * image.height * 3)
        throw std::invalid_argument("render_own_images: panel " + std::to_string(i) + "'s " + what + " is " +
                                    std::to_string(image.width) + " x " + std::to_string(image.height) + " with " +
                                    std::to_string(image.rgb.size()) + " bytes (needs width * height * 3, sides >= 1)");
}

}  // namespace

RgbImage render_own_images(const std::vector<OwnImagePanel>& panels, int box) {
    if (panels.empty()) throw std::invalid_argument("render_own_images: no panels");
    if (box < 64 || box > 1024) throw std::invalid_argument("render_own_images: box is " + std::to_string(box) + " (64 to 1024)");
    std::vector<RgbImage> images;
    std::vector<std::string> captions;
    for (std::size_t i = 0; i < panels.size(); ++i) {
        const OwnImagePanel& p = panels[i];
        check_picture(p.picture, "picture", i);
        check_picture(p.seen, "picture the network saw", i);
        images.push_back(to_rgb_image(fit(p.picture, box)));
        captions.push_back(p.caption_picture);
        const int side = std::max(p.seen.width, p.seen.height);
        images.push_back(to_rgb_image(side <= box ? enlarge(p.seen, std::max(1, box / side)) : fit(p.seen, box)));
        captions.push_back(p.caption_seen);
    }
    ImageGridOptions options;
    options.columns = 2;
    options.scale = 1;
    options.font_scale = 2;
    return render_image_grid(images, captions, options);
}

void save_own_images_png(const std::string& path, const std::vector<OwnImagePanel>& panels, int box) {
    const RgbImage picture = render_own_images(panels, box);
    io::save_png(path, picture.width, picture.height, picture.rgb);
}

}  // namespace dnn::app
