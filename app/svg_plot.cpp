// app/svg_plot.cpp - a line plot drawn as SVG text, laid out like matplotlib's default figure.
#include "app/svg_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>

#include "io/atomic_write.hpp"
#include "matrix/format.hpp"  // py_repr: Python's str of a float

namespace dnn::app {
namespace {

// matplotlib's defaults: a 6.4 x 4.8 inch figure at 100 dpi, axes from 12.5% to 90% across and 11% to 88% up.
constexpr double kWidth = 640, kHeight = 480;
constexpr double kLeft = 80, kRight = 576, kTop = 57.6, kBottom = 427.2;
constexpr double kMargin = 0.05;  // data padding on each side, as a fraction of the range
constexpr double kTick = 5;      // tick length in pixels

std::string escape_xml(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string num(double v, int decimals = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// A tick label with the decimals the step needs (step 0.05 -> "0.10", step 2.5 -> "5.0"), and "0", not "-0".
std::string tick_label(double v, double step) {
    const double exponent = std::floor(std::log10(step));
    const double mantissa = step / std::pow(10.0, exponent);
    const int decimals = std::max(0, int(-exponent) + (std::fabs(mantissa - 2.5) < 1e-6 ? 1 : 0));
    if (std::fabs(v) < step * 1e-9) v = 0;
    return num(v, decimals);
}

// The data range padded by 5% (a zero-width range is widened so the point sits in the middle).
void padded_range(double& lo, double& hi) {
    if (hi - lo <= 0) {
        const double half = lo == 0 ? 0.5 : std::fabs(lo) * 0.05;
        lo -= half;
        hi += half;
    }
    const double pad = (hi - lo) * kMargin;
    lo -= pad;
    hi += pad;
}

// The plot's data ranges, padded, and where a data point lands on the page.
struct Axes {
    double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
    double px(double x) const { return kLeft + (x - x_lo) / (x_hi - x_lo) * (kRight - kLeft); }
    double py(double y) const { return kBottom - (y - y_lo) / (y_hi - y_lo) * (kBottom - kTop); }
};

// x from 0 to the longest curve's last index, y over every finite cost (0 to 1 when there is none: empty axes, as
// matplotlib shows them), each padded by 5%.
Axes axes_for(const std::vector<const std::vector<double>*>& curves, double x_hi) {
    Axes a;
    a.x_hi = x_hi;
    a.y_lo = std::numeric_limits<double>::infinity();
    a.y_hi = -a.y_lo;
    for (const std::vector<double>* costs : curves)
        for (double c : *costs) {
            if (!std::isfinite(c)) continue;
            a.y_lo = std::min(a.y_lo, c);
            a.y_hi = std::max(a.y_hi, c);
        }
    if (a.y_lo > a.y_hi) a.y_lo = 0, a.y_hi = 1;
    padded_range(a.x_lo, a.x_hi);
    padded_range(a.y_lo, a.y_hi);
    return a;
}

// The SVG's opening, the white page, and both axes: ticks with their numbers.
std::string open_with_axes(const Axes& a) {
    std::string s;
    s += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(kWidth, 0) + "\" height=\"" + num(kHeight, 0) +
         "\" viewBox=\"0 0 " + num(kWidth, 0) + " " + num(kHeight, 0) +
         "\" font-family=\"DejaVu Sans, Arial, Helvetica, sans-serif\" font-size=\"13\">\n";
    s += "  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    const std::vector<double> xt = nice_ticks(a.x_lo, a.x_hi), yt = nice_ticks(a.y_lo, a.y_hi);
    s += "  <g id=\"x-axis\" stroke=\"black\" stroke-width=\"1\">\n";
    for (double t : xt) {
        const std::string x = num(a.px(t));
        s += "    <line x1=\"" + x + "\" y1=\"" + num(kBottom) + "\" x2=\"" + x + "\" y2=\"" + num(kBottom + kTick) + "\"/>\n";
        s += "    <text x=\"" + x + "\" y=\"" + num(kBottom + kTick + 15) + "\" text-anchor=\"middle\" stroke=\"none\">" +
             tick_label(t, xt.size() > 1 ? xt[1] - xt[0] : 1) + "</text>\n";
    }
    s += "  </g>\n  <g id=\"y-axis\" stroke=\"black\" stroke-width=\"1\">\n";
    for (double t : yt) {
        const std::string y = num(a.py(t));
        s += "    <line x1=\"" + num(kLeft - kTick) + "\" y1=\"" + y + "\" x2=\"" + num(kLeft) + "\" y2=\"" + y + "\"/>\n";
        s += "    <text x=\"" + num(kLeft - kTick - 3) + "\" y=\"" + y +
             "\" text-anchor=\"end\" dominant-baseline=\"middle\" stroke=\"none\">" +
             tick_label(t, yt.size() > 1 ? yt[1] - yt[0] : 1) + "</text>\n";
    }
    s += "  </g>\n";
    return s;
}

// One polyline per run of finite costs (a NaN or an infinity breaks the line, as in matplotlib).
std::string polylines(const std::vector<double>& costs, const Axes& a) {
    std::string s, points;
    for (std::size_t i = 0; i <= costs.size(); ++i) {
        if (i == costs.size() || !std::isfinite(costs[i])) {
            if (!points.empty()) s += "    <polyline points=\"" + points + "\"/>\n";
            points.clear();
            continue;
        }
        if (!points.empty()) points += ' ';
        points += num(a.px(double(i)), 3) + "," + num(a.py(costs[i]), 3);
    }
    return s;
}

std::string frame() {
    return "  <rect id=\"frame\" x=\"" + num(kLeft) + "\" y=\"" + num(kTop) + "\" width=\"" + num(kRight - kLeft) +
           "\" height=\"" + num(kBottom - kTop) + "\" fill=\"none\" stroke=\"black\" stroke-width=\"1\"/>\n";
}

// The axis labels, the title (none when empty) and the SVG's end.
std::string labels_and_close(const std::string& xlabel, const std::string& title) {
    std::string s;
    s += "  <text id=\"xlabel\" x=\"" + num((kLeft + kRight) / 2) + "\" y=\"" + num(kBottom + kTick + 38) +
         "\" text-anchor=\"middle\">" + escape_xml(xlabel) + "</text>\n";
    s += "  <text id=\"ylabel\" x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(" + num(kLeft - 58) + "," +
         num((kTop + kBottom) / 2) + ") rotate(-90)\">cost</text>\n";
    if (!title.empty())
        s += "  <text id=\"title\" x=\"" + num((kLeft + kRight) / 2) + "\" y=\"" + num(kTop - 10) +
             "\" text-anchor=\"middle\" font-size=\"15\">" + escape_xml(title) + "</text>\n";
    s += "</svg>\n";
    return s;
}

}  // namespace

std::vector<double> nice_ticks(double lo, double hi) {
    if (!(std::isfinite(lo) && std::isfinite(hi) && hi > lo))
        throw std::invalid_argument("nice_ticks: the range [" + num(lo) + ", " + num(hi) + "] is empty or not finite");
    const double raw = (hi - lo) / 8;  // at most 8 intervals, at least 4 (the steps grow by <= 2.5x)
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    std::vector<double> ticks;
    const double first = std::ceil(lo / step - 1e-9);
    for (double k = first; k * step <= hi + step * 1e-9; k += 1) ticks.push_back(k * step);
    return ticks;
}

std::string cost_plot_svg(const std::vector<double>& costs, double learning_rate, const std::string& title_in) {
    const std::string title = title_in.empty() ? "Learning rate =" + py_repr(learning_rate) : title_in;
    const Axes a = axes_for({&costs}, costs.empty() ? 1 : double(costs.size() - 1));
    std::string s = open_with_axes(a);
    s += "  <g id=\"curve\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n";
    s += polylines(costs, a);
    s += "  </g>\n";
    s += frame();
    s += labels_and_close("iterations (per hundreds)", title);
    return s;
}

std::string cost_curves_svg(const std::vector<CostCurve>& curves, const std::string& xlabel,
                            const std::string& title) {
    static const char* const colours[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                          "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    double x_hi = 1;
    std::vector<const std::vector<double>*> all;
    for (const CostCurve& curve : curves) {
        if (curve.costs.size() > 1) x_hi = std::max(x_hi, double(curve.costs.size() - 1));
        all.push_back(&curve.costs);
    }
    const Axes a = axes_for(all, x_hi);
    std::string s = open_with_axes(a);
    for (std::size_t k = 0; k < curves.size(); ++k) {
        s += "  <g class=\"curve\" fill=\"none\" stroke=\"" + std::string(colours[k % 10]) +
             "\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n";
        s += polylines(curves[k].costs, a);
        s += "  </g>\n";
    }
    s += frame();
    // The legend: upper centre, a light grey frame ('0.90') with a shadow.
    std::size_t longest = 0;
    for (const CostCurve& curve : curves) longest = std::max(longest, curve.label.size());
    const double row = 18, box_w = 40 + 8.0 * double(longest), box_h = 8 + row * double(curves.size());
    const double bx = (kLeft + kRight) / 2 - box_w / 2, by = kTop + 8;
    s += "  <g id=\"legend\">\n";
    s += "    <rect x=\"" + num(bx + 3) + "\" y=\"" + num(by + 3) + "\" width=\"" + num(box_w) + "\" height=\"" +
         num(box_h) + "\" fill=\"black\" fill-opacity=\"0.5\"/>\n";
    s += "    <rect x=\"" + num(bx) + "\" y=\"" + num(by) + "\" width=\"" + num(box_w) + "\" height=\"" + num(box_h) +
         "\" fill=\"#e5e5e5\" stroke=\"#cccccc\"/>\n";
    for (std::size_t k = 0; k < curves.size(); ++k) {
        const double y = by + 4 + row * (double(k) + 0.5);
        s += "    <line x1=\"" + num(bx + 6) + "\" y1=\"" + num(y) + "\" x2=\"" + num(bx + 28) + "\" y2=\"" + num(y) +
             "\" stroke=\"" + colours[k % 10] + "\" stroke-width=\"1.5\"/>\n";
        s += "    <text x=\"" + num(bx + 34) + "\" y=\"" + num(y) + "\" dominant-baseline=\"middle\">" +
             escape_xml(curves[k].label) + "</text>\n";
    }
    s += "  </g>\n";
    s += labels_and_close(xlabel, title);
    return s;
}

void save_cost_curves_svg(const std::string& path, const std::vector<CostCurve>& curves, const std::string& xlabel,
                          const std::string& title) {
    io::atomic_write_file(path, cost_curves_svg(curves, xlabel, title));
}

void save_cost_plot_svg(const std::string& path, const std::vector<double>& costs, double learning_rate,
                        const std::string& title) {
    io::atomic_write_file(path, cost_plot_svg(costs, learning_rate, title));
}

}  // namespace dnn::app
