// app/decision_boundary.hpp - week 3's plot_decision_boundary: a model's regions on the notebook's grid, with the
// data points coloured by their labels, as PNG and SVG; and the sweep's grid of such pictures.
//
// EN: The notebook evaluates the model on np.meshgrid of np.arange(min - 1, max + 1, 0.01) along both axes
//     (planar::decision_grid: 1008 x 1030 points for the flower), draws the predicted classes with
//     plt.contourf(xx, yy, Z, cmap=plt.cm.Spectral) and the points with plt.scatter(X[0, :], X[1, :], c=y,
//     cmap=plt.cm.Spectral). Here every grid point is one pixel of the PNG (the picture is the grid itself, y up),
//     and the SVG draws the same regions as rectangles; class 0 takes Spectral's red end (#9e0142), class 1 its
//     blue end (#5e4fa2), as in the notebook; the points have a black outline so that they show on their own
//     region. The model is predicted over the grid in blocks of columns (a million points at once would need
//     n_h x 8 MB for each hidden array).
// KO: 노트북은 두 축마다 np.arange(min - 1, max + 1, 0.01)의 np.meshgrid(planar::decision_grid, 꽃 데이터는
//     1008 x 1030개의 점)에서 모델을 계산해 예측한 클래스를 plt.contourf(Spectral)로, 데이터 점을 정답 색의
//     plt.scatter로 그립니다. 여기서는 격자점 하나가 PNG의 픽셀 하나이고(그림이 곧 격자, y는 위쪽), SVG는 같은
//     영역을 직사각형으로 그립니다. 클래스 0은 Spectral의 빨간 끝(#9e0142), 1은 파란 끝(#5e4fa2)이고, 점은
//     자기 영역 위에서도 보이도록 검은 테두리를 둡니다. 예측은 열 묶음 단위로 합니다.
#pragma once

#include <string>
#include <vector>

#include "app/image_grid.hpp"
#include "matrix/matrix.hpp"
#include "nn/planar_classification/planar_classification.hpp"
#include "nn/types.hpp"

namespace dnn::app {

// EN: Z = model(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape): the class of every grid point, (ys, xs) in
//     size, row r for y = grid.ys[r]. For the network, model is `lambda x: predict(parameters, x.T)`; for the
//     baseline, `lambda x: clf.predict(x)`.
// KO: 모든 격자점의 클래스 Z ((ys, xs) 크기, r행은 y = grid.ys[r]). 신경망은 predict(parameters, x.T),
//     기준선은 clf.predict(x)입니다.
Matrix predict_grid(const planar::DecisionGrid& grid, const Parameters& parameters);
Matrix predict_grid(const planar::DecisionGrid& grid, const planar::LogisticRegressionCV& clf);

// EN: The plot area alone: one pixel per `step` grid points along each axis (1: the whole grid), the regions
//     of Z and the points X (2, m) with labels y (1, m) as discs of `radius` pixels.
// KO: 그래프 영역만: 각 축의 격자점 step개마다 픽셀 하나(1이면 격자 전체), Z의 영역과 정답 y (1, m)의 색으로
//     그린 점 X (2, m)(반지름 radius 픽셀).
RgbImage decision_boundary_area(const planar::DecisionGrid& grid, const Matrix& Z, const Matrix& X, const Matrix& y,
                                std::size_t step = 1, std::size_t radius = 6);

// EN: The whole picture as PNG: the plot area at one pixel per grid point, framed, with x1 and x2 ticks and labels
//     and the title above ("Decision Boundary for hidden layer size 4", "Logistic Regression").
// KO: 그림 전체를 PNG로: 격자점마다 픽셀 하나인 그래프 영역과 테두리, x1, x2 눈금과 이름, 위에 제목.
void save_decision_boundary_png(const std::string& path, const planar::DecisionGrid& grid, const Matrix& Z,
                                const Matrix& X, const Matrix& y, const std::string& title);

// EN: The same picture as SVG text (640 x 480, matplotlib's default figure): the regions as rectangles (runs of one
//     class, merged across grid rows), the points as circles, ticks, labels and title.
// KO: 같은 그림의 SVG 텍스트(640 x 480): 영역은 직사각형(같은 클래스가 이어진 구간을 격자의 행끼리 합침), 점은
//     원, 눈금, 이름, 제목.
std::string decision_boundary_svg(const planar::DecisionGrid& grid, const Matrix& Z, const Matrix& X, const Matrix& y,
                                  const std::string& title);
void save_decision_boundary_svg(const std::string& path, const planar::DecisionGrid& grid, const Matrix& Z,
                                const Matrix& X, const Matrix& y, const std::string& title);

// EN: The sweep's figure (plt.subplot(5, 2, i + 1) per hidden size): the pictures' plot areas at one pixel per
//     `step` grid points, two to a row, each captioned with its title ("Hidden Layer of size 5"), as PNG.
// KO: 은닉 크기 비교 그림(크기마다 plt.subplot(5, 2, i + 1)): 그래프 영역을 step개 격자점마다 픽셀 하나로,
//     한 줄에 둘씩, 제목("Hidden Layer of size 5")을 붙여 PNG로 저장합니다.
void save_decision_boundary_grid_png(const std::string& path, const planar::DecisionGrid& grid,
                                     const std::vector<Matrix>& Zs, const std::vector<std::string>& titles,
                                     const Matrix& X, const Matrix& y, std::size_t step = 3);

}  // namespace dnn::app
