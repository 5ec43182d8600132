// app/svg_plot.hpp - the notebook's cost curve as a standalone SVG file.
//
// EN: What the notebook draws with
//         plt.plot(np.squeeze(costs)); plt.ylabel('cost'); plt.xlabel('iterations (per hundreds)');
//         plt.title("Learning rate =" + str(learning_rate))
//     a 640 x 480 picture (matplotlib's default figure) with a framed plot area, ticks and numbers on both
//     axes, the axis labels, the title and the costs as a polyline against their index 0, 1, 2, ...
//     Non-finite costs (nan, inf) are left out and break the line there, as matplotlib does.
// KO: 노트북이 위 코드로 그리는 그래프: 640 x 480(matplotlib 기본 크기), 테두리 있는 그래프 영역, 두 축의
//     눈금과 숫자, 축 이름, 제목, 그리고 인덱스 0, 1, 2, ...에 대한 비용의 꺾은선. 유한하지 않은 비용
//     (nan, inf)은 빼고 그 자리에서 선을 끊습니다(matplotlib과 같음).
#pragma once

#include <string>
#include <vector>

namespace dnn::app {

// EN: The SVG text. title: when empty, "Learning rate =" + str(learning_rate) with Python's str of a float
//     (0.0075 -> "Learning rate =0.0075"). Any text is XML-escaped.
// KO: SVG 텍스트. title이 비면 "Learning rate =" + str(learning_rate)(파이썬의 float 문자열,
//     0.0075 -> "Learning rate =0.0075")를 씁니다. 모든 글자는 XML 이스케이프됩니다.
std::string cost_plot_svg(const std::vector<double>& costs, double learning_rate, const std::string& title = "");

// EN: Writes cost_plot_svg's text to path through a temporary file and a rename (io/atomic_write.hpp).
// KO: cost_plot_svg의 텍스트를 임시 파일과 이름 바꾸기로 path에 씁니다(io/atomic_write.hpp).
void save_cost_plot_svg(const std::string& path, const std::vector<double>& costs, double learning_rate,
                        const std::string& title = "");

// EN: Tick positions for the range [lo, hi]: multiples of 1, 2, 2.5 or 5 x 10^k, 4 to 9 of them.
//     Exposed for the tests.
// KO: [lo, hi] 범위의 눈금 위치: 1, 2, 2.5, 5 x 10^k의 배수로 4~9개. 테스트용으로 공개합니다.
std::vector<double> nice_ticks(double lo, double hi);

}  // namespace dnn::app
