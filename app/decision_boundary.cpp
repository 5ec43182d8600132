// app/decision_boundary.cpp - plot_decision_boundary's picture (PNG, SVG) and the hidden-size sweep's grid.
#include "app/decision_boundary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <tuple>

#include "app/svg_plot.hpp"
#include "io/atomic_write.hpp"
#include "io/png.hpp"

namespace dnn::app {
namespace {

// matplotlib's Spectral colormap at its two ends: what contourf and scatter give the classes 0 and 1.
constexpr std::uint8_t kClass[2][3] = {{158, 1, 66}, {94, 79, 162}};
constexpr const char* kClassHex[2] = {"#9e0142", "#5e4fa2"};
constexpr std::size_t kBlock = 32768;  // grid points predicted at once

void check_picture_inputs(const char* fn, const planar::DecisionGrid& grid, const Matrix& Z, const Matrix& X,
                          const Matrix& y) {
    if (grid.xs.size() < 2 || grid.ys.size() < 2)
        throw std::invalid_argument(std::string(fn) + ": the grid needs at least 2 x 2 points");
    if (Z.shape() != Shape{grid.ys.size(), grid.xs.size()})
        throw std::invalid_argument(std::string(fn) + ": Z has shape " + to_string(Z.shape()) + " but the grid is (" +
                                    std::to_string(grid.ys.size()) + ", " + std::to_string(grid.xs.size()) + ")");
    if (X.rows() != 2 || y.shape() != Shape{1, X.cols()})
        throw std::invalid_argument(std::string(fn) + ": X has shape " + to_string(X.shape()) + " and y " +
                                    to_string(y.shape()) + ": they must be (2, m) and (1, m)");
}

void set_pixel(RgbImage& image, long x, long y, const std::uint8_t* rgb) {
    if (x < 0 || y < 0 || x >= static_cast<long>(image.width) || y >= static_cast<long>(image.height)) return;
    std::uint8_t* p = &image.rgb[(static_cast<std::size_t>(y) * image.width + static_cast<std::size_t>(x)) * 3];
    p[0] = rgb[0], p[1] = rgb[1], p[2] = rgb[2];
}

void disc(RgbImage& image, double cx, double cy, double radius, const std::uint8_t* rgb) {
    const long x0 = static_cast<long>(std::floor(cx - radius)), x1 = static_cast<long>(std::ceil(cx + radius));
    const long y0 = static_cast<long>(std::floor(cy - radius)), y1 = static_cast<long>(std::ceil(cy + radius));
    for (long py = y0; py <= y1; ++py)
        for (long px = x0; px <= x1; ++px)
            if ((px - cx) * (px - cx) + (py - cy) * (py - cy) <= radius * radius) set_pixel(image, px, py, rgb);
}

std::string num(double v, int decimals = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s == "-0" || s == "-0.0" || s == "-0.00") s = s.substr(1);
    return s;
}

// A tick's label: an integer when the step is whole, else one decimal.
std::string tick_text(double t, double step) { return num(t, step >= 1 ? 0 : 1); }

}  // namespace

Matrix predict_grid(const planar::DecisionGrid& grid, const Parameters& parameters) {
    Matrix Z(grid.ys.size(), grid.xs.size());
    double* z = Z.mutable_data();
    for (std::size_t first = 0; first < grid.size(); first += kBlock) {
        const std::size_t count = std::min(kBlock, grid.size() - first);
        const Matrix predictions = planar::predict(parameters, grid.points(first, count));  // predict(parameters, x.T)
        for (std::size_t k = 0; k < count; ++k) z[first + k] = predictions(0, k);
    }
    return Z;
}

Matrix predict_grid(const planar::DecisionGrid& grid, const planar::LogisticRegressionCV& clf) {
    Matrix Z(grid.ys.size(), grid.xs.size());
    double* z = Z.mutable_data();
    for (std::size_t first = 0; first < grid.size(); first += kBlock) {
        const std::size_t count = std::min(kBlock, grid.size() - first);
        const Matrix predictions = clf.predict(grid.points(first, count).T());  // clf.predict(x): (count, 1)
        for (std::size_t k = 0; k < count; ++k) z[first + k] = predictions(k, 0);
    }
    return Z;
}

RgbImage decision_boundary_area(const planar::DecisionGrid& grid, const Matrix& Z, const Matrix& X, const Matrix& y,
                                std::size_t step, std::size_t radius) {
    check_picture_inputs("decision_boundary_area", grid, Z, X, y);
    if (step < 1) throw std::invalid_argument("decision_boundary_area: step must be at least 1");
    const std::size_t nx = grid.xs.size(), ny = grid.ys.size();
    RgbImage image{(nx + step - 1) / step, (ny + step - 1) / step, {}};
    image.rgb.resize(image.width * image.height * 3);
    for (std::size_t row = 0; row < image.height; ++row)      // picture row 0 is the top: the largest y
        for (std::size_t col = 0; col < image.width; ++col) {
            const std::size_t r = ny - 1 - std::min(ny - 1, row * step), c = col * step;
            set_pixel(image, static_cast<long>(col), static_cast<long>(row), kClass[Z(r, c) != 0]);
        }
    const double dx = grid.xs[1] - grid.xs[0], dy = grid.ys[1] - grid.ys[0];
    const std::uint8_t black[3] = {0, 0, 0};
    for (std::size_t j = 0; j < X.cols(); ++j) {
        const double cx = (X(0, j) - grid.xs[0]) / dx / step;
        const double cy = (static_cast<double>(ny - 1) - (X(1, j) - grid.ys[0]) / dy) / step;
        disc(image, cx, cy, radius + 1.0, black);
        disc(image, cx, cy, static_cast<double>(radius), kClass[y(0, j) != 0]);
    }
    return image;
}

void save_decision_boundary_png(const std::string& path, const planar::DecisionGrid& grid, const Matrix& Z,
                                const Matrix& X, const Matrix& y, const std::string& title) {
    const RgbImage area = decision_boundary_area(grid, Z, X, y);
    constexpr std::size_t left = 90, right = 30, top = 70, bottom = 80, font = 2;
    RgbImage image{area.width + left + right, area.height + top + bottom, {}};
    image.rgb.assign(image.width * image.height * 3, 255);
    for (std::size_t row = 0; row < area.height; ++row)
        std::copy_n(&area.rgb[row * area.width * 3], area.width * 3, &image.rgb[((row + top) * image.width + left) * 3]);
    const std::uint8_t black[3] = {0, 0, 0};
    for (std::size_t x = left - 1; x <= left + area.width; ++x) {  // the frame
        set_pixel(image, static_cast<long>(x), static_cast<long>(top - 1), black);
        set_pixel(image, static_cast<long>(x), static_cast<long>(top + area.height), black);
    }
    for (std::size_t yy = top - 1; yy <= top + area.height; ++yy) {
        set_pixel(image, static_cast<long>(left - 1), static_cast<long>(yy), black);
        set_pixel(image, static_cast<long>(left + area.width), static_cast<long>(yy), black);
    }
    const double dx = grid.xs[1] - grid.xs[0], dy = grid.ys[1] - grid.ys[0];
    const std::size_t glyph_h = 7 * font;
    const std::vector<double> xt = nice_ticks(grid.xs.front(), grid.xs.back());
    for (double t : xt) {
        const long px = static_cast<long>(left + std::lround((t - grid.xs[0]) / dx));
        for (long k = 1; k <= 8; ++k) set_pixel(image, px, static_cast<long>(top + area.height + k), black);
        const std::string label = tick_text(t, xt.size() > 1 ? xt[1] - xt[0] : 1);
        draw_text(image, static_cast<std::size_t>(px) - text_width(label, font) / 2, top + area.height + 14, label, 0, 0,
                  0, font);
    }
    const std::vector<double> yt = nice_ticks(grid.ys.front(), grid.ys.back());
    for (double t : yt) {
        const long py = static_cast<long>(top + area.height - 1 - std::lround((t - grid.ys[0]) / dy));
        for (long k = 1; k <= 8; ++k) set_pixel(image, static_cast<long>(left) - 1 - k, py, black);
        const std::string label = tick_text(t, yt.size() > 1 ? yt[1] - yt[0] : 1);
        draw_text(image, left - 14 - text_width(label, font), static_cast<std::size_t>(py) - glyph_h / 2, label, 0, 0, 0,
                  font);
    }
    draw_text(image, left + area.width / 2 - text_width("x1", font) / 2, top + area.height + 44, "x1", 0, 0, 0, font);
    draw_text(image, 6, top + area.height / 2 - glyph_h / 2, "x2", 0, 0, 0, font);
    const std::size_t title_w = text_width(title, 3);
    draw_text(image, left + (area.width > title_w ? (area.width - title_w) / 2 : 0), 20, title, 0, 0, 0, 3);
    io::save_png(path, image.width, image.height, image.rgb);
}

std::string decision_boundary_svg(const planar::DecisionGrid& grid, const Matrix& Z, const Matrix& X, const Matrix& y,
                                  const std::string& title) {
    check_picture_inputs("decision_boundary_svg", grid, Z, X, y);
    constexpr double kLeft = 80, kRight = 576, kTop = 57.6, kBottom = 427.2;  // matplotlib's default axes
    const std::size_t nx = grid.xs.size(), ny = grid.ys.size();
    const double x_lo = grid.xs.front(), x_hi = grid.xs.back(), y_lo = grid.ys.front(), y_hi = grid.ys.back();
    const double dx = grid.xs[1] - grid.xs[0], dy = grid.ys[1] - grid.ys[0];
    const double sx = (kRight - kLeft) / (x_hi - x_lo), sy = (kBottom - kTop) / (y_hi - y_lo);
    auto px = [&](double x) { return kLeft + (x - x_lo) * sx; };
    auto py = [&](double v) { return kBottom - (v - y_lo) * sy; };

    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"480\" viewBox=\"0 0 640 480\" "
                    "font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"13\">\n"
                    "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
                    "  <clipPath id=\"axes\"><rect x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" +
                    num(kRight - kLeft) + "\" height=\"" + num(kBottom - kTop) + "\"/></clipPath>\n";
    // The regions: class 0 as the background, class 1 as rectangles, each a run of grid cells in one row,
    // merged with the same run in the rows below it.
    s += "  <g id=\"regions\" clip-path=\"url(#axes)\" shape-rendering=\"crispEdges\">\n";
    s += "    <rect x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" + num(kRight - kLeft) + "\" height=\"" +
         num(kBottom - kTop) + "\" fill=\"" + kClassHex[0] + "\"/>\n";
    std::map<std::pair<std::size_t, std::size_t>, std::size_t> open;  // run [c0, c1) -> its first grid row
    auto emit = [&](std::size_t c0, std::size_t c1, std::size_t r0, std::size_t r1) {  // rows [r0, r1)
        const double x0 = px(grid.xs[c0] - dx / 2), x1 = px(grid.xs[c1 - 1] + dx / 2);
        const double y_top = py(grid.ys[r1 - 1] + dy / 2), y_bottom = py(grid.ys[r0] - dy / 2);
        s += "    <rect x=\"" + num(x0) + "\" y=\"" + num(y_top) + "\" width=\"" + num(x1 - x0) + "\" height=\"" +
             num(y_bottom - y_top) + "\" fill=\"" + kClassHex[1] + "\"/>\n";
    };
    for (std::size_t r = 0; r <= ny; ++r) {
        std::map<std::pair<std::size_t, std::size_t>, std::size_t> next;
        if (r < ny) {
            for (std::size_t c = 0; c < nx;) {
                if (Z(r, c) == 0) {
                    ++c;
                    continue;
                }
                std::size_t e = c;
                while (e < nx && Z(r, e) != 0) ++e;
                const auto it = open.find({c, e});
                next[{c, e}] = it == open.end() ? r : it->second;
                c = e;
            }
        }
        for (const auto& [run, r0] : open)
            if (!next.count(run)) emit(run.first, run.second, r0, r);
        open = std::move(next);
    }
    s += "  </g>\n";
    s += "  <g id=\"points\" stroke=\"black\" stroke-width=\"0.5\">\n";
    for (std::size_t j = 0; j < X.cols(); ++j)
        s += "    <circle cx=\"" + num(px(X(0, j))) + "\" cy=\"" + num(py(X(1, j))) + "\" r=\"3\" fill=\"" +
             kClassHex[y(0, j) != 0] + "\"/>\n";
    s += "  </g>\n";
    s += "  <g id=\"ticks\" stroke=\"black\" stroke-width=\"1\">\n";
    const std::vector<double> xt = nice_ticks(x_lo, x_hi), yt = nice_ticks(y_lo, y_hi);
    for (double t : xt)
        s += "    <line x1=\"" + num(px(t)) + "\" y1=\"" + num(kBottom) + "\" x2=\"" + num(px(t)) + "\" y2=\"" +
             num(kBottom + 5) + "\"/>\n    <text x=\"" + num(px(t)) + "\" y=\"" + num(kBottom + 20) +
             "\" text-anchor=\"middle\" stroke=\"none\">" + tick_text(t, xt.size() > 1 ? xt[1] - xt[0] : 1) + "</text>\n";
    for (double t : yt)
        s += "    <line x1=\"" + num(kLeft - 5) + "\" y1=\"" + num(py(t)) + "\" x2=\"" + num(kLeft) + "\" y2=\"" +
             num(py(t)) + "\"/>\n    <text x=\"" + num(kLeft - 8) + "\" y=\"" + num(py(t)) +
             "\" text-anchor=\"end\" dominant-baseline=\"middle\" stroke=\"none\">" +
             tick_text(t, yt.size() > 1 ? yt[1] - yt[0] : 1) + "</text>\n";
    s += "  </g>\n";
    s += "  <rect id=\"frame\" x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" + num(kRight - kLeft) +
         "\" height=\"" + num(kBottom - kTop) + "\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>\n";
    s += "  <text id=\"xlabel\" x=\"" + num((kLeft + kRight) / 2) + "\" y=\"" + num(kBottom + 43) +
         "\" text-anchor=\"middle\">x1</text>\n";
    s += "  <text id=\"ylabel\" x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(" + num(kLeft - 40) + "," +
         num((kTop + kBottom) / 2) + ") rotate(-90)\">x2</text>\n";
    std::string escaped;
    for (char c : title) escaped += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
    s += "  <text id=\"title\" x=\"" + num((kLeft + kRight) / 2) + "\" y=\"" + num(kTop - 10) +
         "\" text-anchor=\"middle\" font-size=\"15\">" + escaped + "</text>\n</svg>\n";
    return s;
}

void save_decision_boundary_svg(const std::string& path, const planar::DecisionGrid& grid, const Matrix& Z,
                                const Matrix& X, const Matrix& y, const std::string& title) {
    io::atomic_write_file(path, decision_boundary_svg(grid, Z, X, y, title));
}

void save_decision_boundary_grid_png(const std::string& path, const planar::DecisionGrid& grid,
                                     const std::vector<Matrix>& Zs, const std::vector<std::string>& titles,
                                     const Matrix& X, const Matrix& y, std::size_t step) {
    if (Zs.size() != titles.size() || Zs.empty())
        throw std::invalid_argument("save_decision_boundary_grid_png: " + std::to_string(Zs.size()) + " pictures and " +
                                    std::to_string(titles.size()) + " titles");
    std::vector<RgbImage> images;
    for (const Matrix& Z : Zs) images.push_back(decision_boundary_area(grid, Z, X, y, step, 6 / step + 1));
    save_image_grid_png(path, images, titles, ImageGridOptions{.columns = 2, .scale = 1, .font_scale = 2, .padding = 12});
}

}  // namespace dnn::app
