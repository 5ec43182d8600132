// course/notebook_check.hpp - compare a result with the notebook's printed "Expected output".
//
// EN: A printed value such as [[ 3.26295337 -1.23429987]] fixes each number to within half a unit of its last
//     printed digit. numpy prints a whole array at 8 decimals, and an element with fewer digits ("0.", "0.5")
//     only when that is its exact value, so each element of a printed array counts to the 8th decimal: 0.3 is
//     not the same as a printed "0.". A result is "same" when every element is within that distance,
//     "different" otherwise. An array must also have the printed shape: [[1] [2]] is not [[1 2]].
//     The demo and the tutorials use this to print each result beside the notebook's with a verdict.
// KO: [[ 3.26295337 -1.23429987]]처럼 출력된 값은 각 숫자를 마지막 자릿수의 반 단위 안으로 정합니다. numpy는
//     배열 전체를 소수점 아래 8자리로 출력하고, 더 짧게("0.", "0.5") 출력하는 것은 그 값이 정확할 때뿐이므로
//     배열의 각 원소는 8번째 자리까지 따집니다. 0.3은 출력된 "0."과 같지 않습니다. 모든 원소가 그 안에 있으면
//     "same", 아니면 "different"입니다. 배열은 출력된 shape과도 같아야 합니다([[1] [2]]와 [[1 2]]는 다름). 데모와 튜토리얼이 결과를 노트북 값 옆에 판정과 함께
//     출력할 때 씁니다.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "matrix/format.hpp"
#include "matrix/matrix.hpp"

namespace dnn::notebook {

struct PrintedNumber {
    double value;
    double half_unit;  // half a unit of the last digit it is known to (numpy arrays: the 8th decimal; integers: 0)
};

// The numbers in a numpy-printed array or a printed scalar, in reading (C) order.
std::vector<PrintedNumber> parse_printed(const std::string& text);

struct Verdict {
    bool same = false;
    std::string detail;  // for "different": the first element that differs, and by how much
};

// The shape of a numpy-printed 2-D array: "[[a b]\n [c d]]" is (2, 2); a printed scalar is (1, 1).
Shape printed_shape(const std::string& text);

// `actual` against the printed `expected`: the same shape, then every element in C order.
Verdict compare_printed(const Matrix& actual, const std::string& expected);
// A scalar against its printed value (e.g. a cost "0.2797765635793422").
Verdict compare_printed(double actual, const std::string& expected);

// A printed line compared character for character: text the numbers cannot tell apart (a boolean array
// "[[ True False  True]]", a "%f" cost line, a shape, a sentence).
Verdict compare_text(const std::string& actual, const std::string& expected);

// Prints "name = <result>", the notebook's expected output and the verdict; returns verdict.same. Each value
// prints in the notebook's format: an array as numpy prints it (in the layout of `options`; the 2021 notebooks:
// PrintOptions{.layout = Layout::modern}), a double as Python's repr, an int as an integer.
bool show(std::ostream& os, const std::string& name, const Matrix& actual, const std::string& expected,
          const PrintOptions& options = {});
bool show(std::ostream& os, const std::string& name, double actual, const std::string& expected);
bool show(std::ostream& os, const std::string& name, int actual, const std::string& expected);
// `printed` is the text the notebook's print statement makes of the value (e.g. "%f" gives "0.527930"); it is
// shown as it is and compared as a number.
bool show_printed(std::ostream& os, const std::string& name, const std::string& printed, const std::string& expected);
// Prints "name = <ours>", the notebook's expected output and the verdict v (for results printed another way, e.g.
// a 1-D array with format_1d); returns v.same.
bool show_verdict(std::ostream& os, const std::string& name, const std::string& ours, const std::string& expected,
                  const Verdict& v);
// The same for a line of text, compared character for character (compare_text).
bool show_text(std::ostream& os, const std::string& name, const std::string& actual, const std::string& expected);

}  // namespace dnn::notebook
