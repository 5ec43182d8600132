// tests/test_svg.cpp - the cost curve as SVG (app/svg_plot): structure, labels, points, ticks, escaping,
// and a parse by Python's xml.etree when /usr/bin/python3 is available.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/svg_plot.hpp"
#include "tests/needs.hpp"
#include "tests/temp_files.hpp"

using namespace dnn::app;
namespace fs = std::filesystem;

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

// The points of each polyline, as (x, y) pairs.
std::vector<std::vector<std::pair<double, double>>> polylines(const std::string& svg) {
    std::vector<std::vector<std::pair<double, double>>> lines;
    const std::string tag = "<polyline points=\"";
    for (std::size_t at = svg.find(tag); at != std::string::npos; at = svg.find(tag, at + 1)) {
        const std::size_t from = at + tag.size(), to = svg.find('"', from);
        std::istringstream in(svg.substr(from, to - from));
        std::vector<std::pair<double, double>> pts;
        double x, y;
        char comma;
        while (in >> x >> comma >> y) pts.emplace_back(x, y);
        lines.push_back(pts);
    }
    return lines;
}

// The notebook's L-layer run, rounded: 25 costs, one per 100 iterations.
std::vector<double> notebook_costs() {
    std::vector<double> c;
    for (int i = 0; i < 25; ++i) c.push_back(0.08 + 0.69 * std::exp(-0.2 * i));
    return c;
}

}  // namespace

TEST_CASE("svg: the cost plot has the notebook's labels, title and one point per cost") {
    const std::vector<double> costs = notebook_costs();
    const std::string svg = cost_plot_svg(costs, 0.0075);
    CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"", 0) == 0);
    CHECK(count(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"") == 1);
    CHECK(svg.find("</svg>") != std::string::npos);
    CHECK(count(svg, ">iterations (per hundreds)</text>") == 1);
    CHECK(count(svg, ">cost</text>") == 1);
    CHECK(count(svg, ">Learning rate =0.0075</text>") == 1);

    const auto lines = polylines(svg);
    REQUIRE(lines.size() == 1);
    const auto& pts = lines[0];
    REQUIRE(pts.size() == costs.size());
    for (std::size_t i = 1; i < pts.size(); ++i) {
        CHECK(pts[i].first > pts[i - 1].first);   // x grows with the index
        CHECK(pts[i].second > pts[i - 1].second);  // falling cost: lower on the page (larger y)
    }
    // Evenly spaced in x, and y proportional to the cost.
    const double dx = pts[1].first - pts[0].first;
    CHECK(pts[24].first - pts[0].first == doctest::Approx(24 * dx).epsilon(1e-3));
    const double scale = (pts[24].second - pts[0].second) / (costs[24] - costs[0]);
    CHECK(pts[10].second - pts[0].second == doctest::Approx(scale * (costs[10] - costs[0])).epsilon(1e-3));
    // Inside the frame (80..576, 57.6..427.2), with matplotlib's 5% margins.
    CHECK(pts[0].first == doctest::Approx(80 + 496 * 0.05 / 1.1).epsilon(1e-3));
    CHECK(pts[0].second == doctest::Approx(57.6 + 369.6 * 0.05 / 1.1).epsilon(1e-3));

    // Tick numbers as matplotlib chooses them for this run: 0, 5, ..., 25 across and 0.1, ..., 0.8 up.
    for (const char* label : {">0</text>", ">5</text>", ">25</text>", ">0.1</text>", ">0.4</text>", ">0.8</text>"})
        CHECK(count(svg, label) == 1);
    CHECK(count(svg, ">30</text>") == 0);
    CHECK(count(svg, ">0.9</text>") == 0);
    CHECK(count(svg, "<text") == 6 + 8 + 3);
}

TEST_CASE("svg: nice_ticks picks round steps covering the range") {
    CHECK(nice_ticks(-1.2, 25.2) == std::vector<double>{0, 5, 10, 15, 20, 25});
    CHECK(nice_ticks(0, 14) == std::vector<double>{0, 2, 4, 6, 8, 10, 12, 14});
    const std::vector<double> y = nice_ticks(0.0515, 0.8042);
    REQUIRE(y.size() == 8);
    for (std::size_t i = 0; i < y.size(); ++i) CHECK(y[i] == doctest::Approx(0.1 * double(i + 1)));
    CHECK(nice_ticks(0, 20) == std::vector<double>{0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20});
    // Labels carry the decimals of the step: 0.0, 0.5, ... and 0.000, 0.025, ...
    const std::string halves = cost_plot_svg({0, 2}, 0.1);
    CHECK(halves.find(">0.0</text>") != std::string::npos);
    CHECK(halves.find(">1.5</text>") != std::string::npos);
    const std::string quarters = cost_plot_svg({0, 0.16}, 0.1);
    CHECK(quarters.find(">0.025</text>") != std::string::npos);
    CHECK(quarters.find(">0.150</text>") != std::string::npos);
    CHECK(nice_ticks(-3, 3).front() == -3);
    CHECK_THROWS_AS(nice_ticks(1, 1), std::invalid_argument);
    CHECK_THROWS_AS(nice_ticks(0, std::numeric_limits<double>::infinity()), std::invalid_argument);
}

TEST_CASE("svg: non-finite costs break the line; odd inputs still give a valid picture") {
    std::vector<double> costs = notebook_costs();
    costs[3] = std::numeric_limits<double>::quiet_NaN();
    costs[10] = std::numeric_limits<double>::infinity();
    const auto lines = polylines(cost_plot_svg(costs, 0.0075));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].size() == 3);
    CHECK(lines[1].size() == 6);
    CHECK(lines[2].size() == 14);

    CHECK(polylines(cost_plot_svg({}, 0.1)).empty());
    CHECK(polylines(cost_plot_svg({0.5}, 0.1)).at(0).size() == 1);
    CHECK(polylines(cost_plot_svg({0.5, 0.5, 0.5}, 0.1)).at(0).size() == 3);  // a flat line: padded range
    CHECK(cost_plot_svg({0.5}, 1e-05).find(">Learning rate =1e-05</text>") != std::string::npos);
    CHECK(cost_plot_svg({0.5}, 1.0).find(">Learning rate =1.0</text>") != std::string::npos);
    CHECK(cost_plot_svg({0.5}, 0.1, "W<b> & \"x\"").find(">W&lt;b&gt; &amp; &quot;x&quot;</text>") != std::string::npos);
}

namespace {

// The notebook's costs with one NaN (a break in the line), saved by save_cost_plot_svg in a scratch folder.
fs::path saved_plot() {
    const fs::path p = temp_files::dir("svg") / "cost.svg";
    std::vector<double> costs = notebook_costs();
    costs[7] = std::numeric_limits<double>::quiet_NaN();
    save_cost_plot_svg(p.string(), costs, 0.0075);
    return p;
}

}  // namespace

TEST_CASE("svg: save_cost_plot_svg writes the text") {
    std::vector<double> costs = notebook_costs();
    costs[7] = std::numeric_limits<double>::quiet_NaN();
    std::stringstream text;
    text << std::ifstream(saved_plot()).rdbuf();
    CHECK(text.str() == cost_plot_svg(costs, 0.0075));
}

TEST_CASE("svg: Python's XML parser accepts the cost plot" * needs::python()) {
    const fs::path p = saved_plot(), dir = p.parent_path();
    const fs::path script = dir / "svg_check.py", out = dir / "svg_check.out";
    std::ofstream(script) << R"(
import sys, xml.etree.ElementTree as ET
ns = '{http://www.w3.org/2000/svg}'
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == ns + 'svg', root.tag
texts = [t.text for t in root.iter(ns + 'text')]
points = [len(p.get('points').split()) for p in root.iter(ns + 'polyline')]
print(root.get('width'), root.get('height'), points, 'cost' in texts, 'iterations (per hundreds)' in texts,
      'Learning rate =0.0075' in texts)
)";
    const std::string cmd = "/usr/bin/python3 '" + script.string() + "' '" + p.string() + "' > '" + out.string() + "' 2>&1";
    CHECK(std::system(cmd.c_str()) == 0);
    std::stringstream result;
    result << std::ifstream(out).rdbuf();
    CHECK(result.str() == "640 480 [7, 17] True True True\n");
}
