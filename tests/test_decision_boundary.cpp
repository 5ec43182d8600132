// tests/test_decision_boundary.cpp - week 3's pictures (app/decision_boundary.*) and week 2's cost curves
// (app/svg_plot's cost_curves_svg): what each pixel, rectangle and line stands for.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>

#include "dnn.hpp"
#include "app/decision_boundary.hpp"

using namespace dnn;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

// A 5 x 4 grid over [0, 4] x [0, 3] (h = 1) and two points: (0, 0) labelled 0 and (4, 3) labelled 1.
struct Small {
    planar::DecisionGrid grid{planar::arange(0, 4.5, 1), planar::arange(0, 3.5, 1)};
    Matrix X{{0, 4}, {0, 3}};
    Matrix y{{0, 1}};
};

}  // namespace

TEST_CASE("week3 pictures: one pixel per grid point, y up, class 0 red and class 1 blue, points on top") {
    Small s;
    REQUIRE(s.grid.xs.size() == 5);
    REQUIRE(s.grid.ys.size() == 4);
    Matrix Z(4, 5);
    Z(3, 0) = 1;  // the grid point (x = 0, y = 3): the picture's top-left pixel
    const app::RgbImage image = app::decision_boundary_area(s.grid, Z, Matrix(2, 0), Matrix(1, 0), 1, 0);
    REQUIRE(image.width == 5);
    REQUIRE(image.height == 4);
    auto pixel = [&](std::size_t x, std::size_t y) {
        const std::uint8_t* p = &image.rgb[(y * image.width + x) * 3];
        return std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]);
    };
    CHECK(pixel(0, 0) == "94,79,162");   // class 1: Spectral's blue end
    CHECK(pixel(1, 0) == "158,1,66");    // class 0: Spectral's red end
    CHECK(pixel(0, 3) == "158,1,66");
    // The points: (4, 3) labelled 1 is at the top-right pixel, drawn over the red region.
    const app::RgbImage with_points = app::decision_boundary_area(s.grid, Matrix(4, 5), s.X, s.y, 1, 0);
    CHECK(with_points.rgb[(0 * 5 + 4) * 3 + 0] == 94);
    CHECK(with_points.rgb[(3 * 5 + 0) * 3 + 0] == 158);
    CHECK_THROWS_AS(app::decision_boundary_area(s.grid, Matrix(5, 4), s.X, s.y), std::invalid_argument);
    CHECK_THROWS_AS(app::decision_boundary_area(s.grid, Z, s.X, Matrix{{0, 1, 1}}), std::invalid_argument);
}

TEST_CASE("week3 pictures: the SVG draws class 1 as rectangles merged across rows") {
    Small s;
    Matrix Z(4, 5);
    CHECK(count(app::decision_boundary_svg(s.grid, Z, s.X, s.y, "t"), "fill=\"#5e4fa2\"") == 1);  // one point
    for (std::size_t r = 1; r < 3; ++r)
        for (std::size_t c = 2; c < 4; ++c) Z(r, c) = 1;  // a 2 x 2 block: one rectangle
    std::string svg = app::decision_boundary_svg(s.grid, Z, s.X, s.y, "Logistic <Regression>");
    CHECK(count(svg, "<rect x=") == 3);  // the clip path, the class-0 background, the block
    CHECK(count(svg, "<rect id=\"frame\"") == 1);
    CHECK(count(svg, "<circle") == 2);
    CHECK(svg.find("Logistic &lt;Regression&gt;") != std::string::npos);
    Z(2, 0) = 1;  // a second run in row 2: a rectangle of its own; the block's runs still merge
    svg = app::decision_boundary_svg(s.grid, Z, s.X, s.y, "t");
    CHECK(count(svg, "<rect x=") == 4);
    Z(2, 4) = 1;  // row 2's run [2, 4) becomes [2, 5): the block splits into two rectangles
    svg = app::decision_boundary_svg(s.grid, Z, s.X, s.y, "t");
    CHECK(count(svg, "<rect x=") == 5);
}

TEST_CASE("week3 pictures: predict_grid is the model on every grid point, in meshgrid order") {
    auto [X, Y] = planar::load_planar_dataset();
    const planar::DecisionGrid grid{planar::arange(-1, 1, 0.5), planar::arange(-2, 2, 0.25)};
    const Parameters parameters = {{"W1", Matrix{{1, 0}, {0, 1}, {1, 1}}}, {"b1", Matrix(3, 1)},
                                   {"W2", Matrix{{3, -2, 0.5}}}, {"b2", Matrix{{0.1}}}};
    const Matrix Z = app::predict_grid(grid, parameters);
    REQUIRE(Z.shape() == Shape{grid.ys.size(), grid.xs.size()});
    const Matrix direct = planar::predict(parameters, grid.points(0, grid.size()));
    CHECK(np::array_equal(Z.reshape(1, grid.size()), direct));
    CHECK(np::sum(Z) > 0);
    CHECK(np::sum(Z) < double(grid.size()));
    planar::LogisticRegressionCV clf(3);
    clf.fit(X.T(), Y.T());
    const Matrix Z_lr = app::predict_grid(grid, clf);
    CHECK(np::array_equal(Z_lr.reshape(grid.size(), 1), clf.predict(grid.points(0, grid.size()).T())));
}

TEST_CASE("week2 pictures: cost_curves_svg draws one line and one legend entry per learning rate") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::string svg = app::cost_curves_svg({{"0.01", {0.69, 0.5, 0.4}}, {"0.001", {0.69, 0.6, nan, 0.55}},
                                                  {"0.0001", {0.69, 0.68, 0.67}}});
    CHECK(count(svg, "<polyline") == 4);  // the nan breaks the second curve in two
    CHECK(count(svg, "class=\"curve\"") == 3);
    for (const char* label : {">0.01<", ">0.001<", ">0.0001<"}) CHECK_MESSAGE(svg.find(label) != std::string::npos, label);
    CHECK(svg.find("iterations (hundreds)") != std::string::npos);
    CHECK(svg.find("stroke=\"#1f77b4\"") != std::string::npos);
    CHECK(svg.find("stroke=\"#ff7f0e\"") != std::string::npos);
    CHECK(svg.find("stroke=\"#2ca02c\"") != std::string::npos);
}
