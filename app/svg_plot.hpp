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

// EN: Several cost curves in one plot, as the week-2 notebook compares learning rates:
//         for i in learning_rates: plt.plot(np.squeeze(models[i]["costs"]), label=str(models[i]["learning_rate"]))
//         plt.ylabel('cost'); plt.xlabel('iterations (hundreds)')
//         legend = plt.legend(loc='upper center', shadow=True); frame.set_facecolor('0.90')
//     in matplotlib's default colours (#1f77b4, #ff7f0e, #2ca02c, ...), the legend at the upper centre on a light
//     grey frame with a shadow. Non-finite costs break their line, as in cost_plot_svg.
// KO: 2주차 노트북이 학습률을 비교하듯 비용 곡선 여러 개를 한 그래프에 그립니다(matplotlib 기본 색, 위쪽 가운데의
//     범례, 연회색 바탕과 그림자).
struct CostCurve {
    std::string label;          // the legend's text, e.g. "0.01"
    std::vector<double> costs;  // drawn against 0, 1, 2, ...
};
std::string cost_curves_svg(const std::vector<CostCurve>& curves, const std::string& xlabel = "iterations (hundreds)",
                            const std::string& title = "");
void save_cost_curves_svg(const std::string& path, const std::vector<CostCurve>& curves,
                          const std::string& xlabel = "iterations (hundreds)", const std::string& title = "");

// EN: Tick positions for the range [lo, hi]: multiples of 1, 2, 2.5 or 5 x 10^k, 4 to 9 of them.
//     Exposed for the tests.
// KO: [lo, hi] 범위의 눈금 위치: 1, 2, 2.5, 5 x 10^k의 배수로 4~9개. 테스트용으로 공개합니다.
std::vector<double> nice_ticks(double lo, double hi);

}  // namespace dnn::app
