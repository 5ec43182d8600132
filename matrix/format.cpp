// matrix/format.cpp - numpy's array printing (classic 1.13 layout) and Python's float repr.
#include "matrix/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace dnn {

namespace {

// Shortest round-trip digits of a finite x != 0: digits "16243" and the decimal exponent of the first digit.
void shortest_digits(double x, std::string& digits, int& exp10) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::scientific);
    std::string s(buf, r.ptr);  // d.ddde+XX
    const auto e = s.find('e');
    exp10 = std::stoi(s.substr(e + 1));
    digits.clear();
    for (std::size_t i = 0; i < e; ++i)
        if (s[i] != '.') digits += s[i];
}

}  // namespace

std::string py_repr(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    const std::string sign = std::signbit(x) ? "-" : "";
    if (x == 0) return sign + "0.0";
    std::string d;
    int e;
    shortest_digits(x, d, e);
    const int decpt = e + 1;  // digits before the decimal point
    std::string out;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) {
            out = "0." + std::string(-decpt, '0') + d;
        } else if (decpt >= static_cast<int>(d.size())) {
            out = d + std::string(decpt - d.size(), '0') + ".0";
        } else {
            out = d.substr(0, decpt) + "." + d.substr(decpt);
        }
    } else {
        out = d.substr(0, 1);
        if (d.size() > 1) out += "." + d.substr(1);
        char ebuf[16];
        std::snprintf(ebuf, sizeof ebuf, "e%c%02d", e < 0 ? '-' : '+', std::abs(e));
        out += ebuf;
    }
    return sign + out;
}

namespace {

// numpy's FloatingFormat for one array (floatmode "maxprec", sign '-'), with the padding of the legacy 1.13
// layout or of numpy >= 1.14.
class FloatFormat {
public:
    FloatFormat(const std::vector<double>& values, int precision, bool legacy)
        : precision_(precision), legacy_(legacy) {
        std::vector<double> finite;
        for (double v : values)
            if (std::isfinite(v)) finite.push_back(v);
        const bool has_nonfinite = finite.size() != values.size();
        double max_abs = 0, min_abs = 0;
        bool any_nonzero = false;
        for (double v : finite) {
            if (v == 0) continue;
            const double a = std::fabs(v);
            if (!any_nonzero) max_abs = min_abs = a;
            max_abs = std::max(max_abs, a);
            min_abs = std::min(min_abs, a);
            any_nonzero = true;
        }
        exp_format_ = any_nonzero && (max_abs >= 1e8 || min_abs < 0.0001 || max_abs / min_abs > 1000.0);

        if (finite.empty()) {
            pad_left_ = pad_right_ = 0;
        } else if (exp_format_) {
            // Legacy: a fixed `precision` digits. numpy >= 1.14: each value's shortest digits (at most
            // `precision`), all printed with as many digits as the longest needs. Exponents padded to the widest.
            int exp_digits = 2;
            if (!legacy_) digits_ = 0;
            for (double v : finite) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.*e", precision_, v);
                const std::string s = buf;
                exp_digits = std::max<int>(exp_digits, static_cast<int>(s.size() - s.find('e') - 2));
                if (!legacy_) {
                    digits_ = std::max(digits_, shortest_scientific_decimals(v));
                    pad_left_ = std::max<std::size_t>(pad_left_, v < 0 || std::signbit(v) ? 2 : 1);
                }
            }
            exp_size_ = exp_digits;
            if (legacy_) pad_left_ = 3;
            pad_right_ = exp_size_ + 2 + digits_;
        } else {
            for (double v : finite) {
                const std::string s = positional(v);
                const auto dot = s.find('.');
                const std::size_t int_len = dot - (s[0] == '-' ? 1 : 0);
                // Legacy keeps a column for the sign of every number; numpy >= 1.14 only for a '-' printed.
                pad_left_ = std::max(pad_left_, legacy_ ? 1 + int_len : dot);
                pad_right_ = std::max(pad_right_, s.size() - dot - 1);
            }
        }
        if (has_nonfinite) {
            // Room for "nan" and "inf" or "-inf" (legacy always reserves the sign of -inf; numpy >= 1.14 only
            // when there is a -inf).
            bool neg_inf = legacy_;
            for (double v : values) neg_inf = neg_inf || (std::isinf(v) && v < 0);
            const std::size_t inf_len = neg_inf ? 4 : 3;
            const std::size_t offset = pad_right_ + 1;
            pad_left_ = std::max({pad_left_, 3 > offset ? 3 - offset : 0, inf_len > offset ? inf_len - offset : 0});
        }
    }

    std::string operator()(double v) const {
        if (!std::isfinite(v)) {
            const std::string s = std::isnan(v) ? "nan" : (v < 0 ? "-inf" : "inf");
            const std::size_t width = pad_left_ + pad_right_ + 1;
            return std::string(width > s.size() ? width - s.size() : 0, ' ') + s;
        }
        if (exp_format_) {
            const std::string s = scientific(v, exp_size_);
            const std::size_t int_len = s.find('.');  // with its sign
            return std::string(pad_left_ > int_len ? pad_left_ - int_len : 0, ' ') + s;
        }
        const std::string s = positional(v);
        const auto dot = s.find('.');
        const std::size_t frac_len = s.size() - dot - 1;
        return std::string(pad_left_ > dot ? pad_left_ - dot : 0, ' ') + s + std::string(pad_right_ - frac_len, ' ');
    }

private:
    int precision_;
    bool legacy_;
    int digits_ = precision_;  // the decimals of scientific numbers (legacy: always `precision`)
    bool exp_format_ = false;
    std::size_t pad_left_ = 0, pad_right_ = 0;
    int exp_size_ = 2;

    // Dragon4 positional, unique digits but at most `precision_` decimals, trailing zeros trimmed, "." kept.
    std::string positional(double v) const {
        char buf[512];
        auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
        std::string s(buf, r.ptr);
        auto dot = s.find('.');
        if (dot != std::string::npos && s.size() - dot - 1 > static_cast<std::size_t>(precision_)) {
            // More digits than shown: round the exact value, as Dragon4 does at its cutoff.
            std::snprintf(buf, sizeof buf, "%.*f", precision_, v);
            s = buf;
            while (s.back() == '0') s.pop_back();
            dot = s.find('.');
        }
        if (dot == std::string::npos) s += '.';
        return s;
    }

    // The decimals of v's shortest scientific digits, at most `precision_` (Dragon4 "unique", trimmed).
    int shortest_scientific_decimals(double v) const {
        char buf[64];
        auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
        std::string s(buf, r.ptr);
        std::string mant = s.substr(0, s.find('e'));
        if (mant.find('.') == std::string::npos) return 0;
        int decimals = static_cast<int>(mant.size() - mant.find('.') - 1);
        if (decimals <= precision_) return decimals;
        // More digits than shown: round at `precision_`, then drop the zeros rounding left at the end.
        std::snprintf(buf, sizeof buf, "%.*e", precision_, v);
        mant = std::string(buf).substr(0, std::string(buf).find('e'));
        while (mant.back() == '0') mant.pop_back();
        return mant.back() == '.' ? 0 : static_cast<int>(mant.size() - mant.find('.') - 1);
    }

    // Scientific: exactly digits_ decimals ("1.e-05" when there are none), exponent of at least exp_digits digits.
    std::string scientific(double v, int exp_digits) const {
        char buf[64];
        std::snprintf(buf, sizeof buf, digits_ == 0 ? "%#.*e" : "%.*e", digits_, v);
        std::string s = buf;
        const auto e = s.find('e');
        std::string mant = s.substr(0, e), ex = s.substr(e + 2);
        const char sign = s[e + 1];
        while (static_cast<int>(ex.size()) < exp_digits) ex = "0" + ex;
        return mant + "e" + sign + ex;
    }
};

// The elements numpy shows of an array of n along one axis: all, or the first and last `edge` when summarised.
std::vector<std::size_t> shown_indices(std::size_t n, bool cut, std::size_t edge) {
    std::vector<std::size_t> idx;
    if (!cut) {
        for (std::size_t i = 0; i < n; ++i) idx.push_back(i);
    } else {
        for (std::size_t i = 0; i < edge; ++i) idx.push_back(i);
        for (std::size_t i = n - edge; i < n; ++i) idx.push_back(i);
    }
    return idx;
}

// Which of m's elements numpy shows (all, or the edges of a summarised array), in C order.
struct Shown {
    std::vector<std::size_t> rows, cols;
    bool cut_rows = false, cut_cols = false;
};
Shown shown_elements(const Matrix& m, bool one_d, const PrintOptions& opt) {
    Shown sh;
    const bool summary = m.size() > opt.threshold;
    const std::size_t e = opt.edgeitems;
    // A 1-D array is one row of all of m's elements (a row or a column matrix).
    const std::size_t R = one_d ? 1 : m.rows(), C = one_d ? m.size() : m.cols();
    sh.cut_rows = summary && 2 * e < R;
    sh.cut_cols = summary && 2 * e < C;
    sh.rows = shown_indices(R, sh.cut_rows, e);
    sh.cols = shown_indices(C, sh.cut_cols, e);
    return sh;
}

// numpy's _formatArray for a 2-D array (one_d false) or a 1-D array (one_d true: a single row, no outer
// brackets), whose shown elements are already formatted: words[k] is the k-th shown element in C order.
// Wrapping follows the legacy 1.13 rules or numpy >= 1.14's (which keep room for the closing ']').
std::string lay_out(const Shown& sh, const std::vector<std::string>& words, bool one_d, const PrintOptions& opt) {
    const bool legacy = opt.layout == Layout::legacy_1_13;
    const std::string indent = one_d ? " " : "  ";  // the hanging indent of the elements' lines
    // numpy >= 1.14 takes one column per enclosing ']' off the width; legacy only counts the separator.
    const std::size_t depth = one_d ? 1 : 2;
    const std::size_t width = legacy ? opt.linewidth : opt.linewidth - depth;
    const std::size_t e = opt.edgeitems;
    std::size_t next = 0;
    auto format_row = [&]() {
        std::string s, line = indent;
        auto extend = [&](const std::string& word) {
            bool wrap = line.size() + word.size() > width;
            if (!legacy && line.size() <= indent.size()) wrap = false;  // wrapping would not help
            if (wrap) {
                while (!line.empty() && line.back() == ' ') line.pop_back();
                s += line + "\n";
                line = indent;
            }
            line += word;
        };
        for (std::size_t k = 0; k < sh.cols.size(); ++k) {
            if (sh.cut_cols && k == e) {
                extend("...");
                line += legacy ? ", " : " ";  // legacy 1.13 writes the summary with a comma
            }
            extend(words[next++]);
            if (k + 1 < sh.cols.size()) line += ' ';
        }
        s += line;
        return "[" + s.substr(indent.size()) + "]";
    };
    if (one_d) return format_row();

    std::string out = "[";
    for (std::size_t k = 0; k < sh.rows.size(); ++k) {
        if (sh.cut_rows && k == e) out += legacy ? " ..., \n" : " ...\n";
        if (k > 0) out += " ";
        out += format_row();
        if (k + 1 < sh.rows.size()) out += "\n";
    }
    return out + "]";
}

double element(const Matrix& m, bool one_d, std::size_t i, std::size_t j) {
    return one_d ? (m.rows() == 1 ? m(0, j) : m(j, 0)) : m(i, j);
}

std::string format_numbers(const Matrix& m, bool one_d, const PrintOptions& opt) {
    const Shown sh = shown_elements(m, one_d, opt);
    std::vector<double> shown;
    for (auto i : sh.rows)
        for (auto j : sh.cols) shown.push_back(element(m, one_d, i, j));
    const FloatFormat fmt(shown, opt.precision, opt.layout == Layout::legacy_1_13);
    std::vector<std::string> words;
    for (double v : shown) words.push_back(fmt(v));
    return lay_out(sh, words, one_d, opt);
}

void check_one_d(const Matrix& m, const char* fn) {
    if (m.rows() > 1 && m.cols() > 1)
        throw std::invalid_argument(std::string(fn) + ": a 1-D array is a row or a column, not shape " +
                                    to_string(m.shape()));
}

}  // namespace

std::string format_matrix(const Matrix& m, const PrintOptions& options) {
    if (m.empty()) return "[]";
    return format_numbers(m, false, options);
}

std::string format_1d(const Matrix& m, const PrintOptions& options) {
    check_one_d(m, "format_1d");
    if (m.empty()) return "[]";
    return format_numbers(m, true, options);
}

std::string format_bool(const Matrix& m, const PrintOptions& options) {
    if (m.empty()) return "[]";
    const Shown sh = shown_elements(m, false, options);
    std::vector<std::string> words;
    for (auto i : sh.rows)
        for (auto j : sh.cols) words.push_back(m(i, j) != 0 ? " True" : "False");
    return lay_out(sh, words, false, options);
}

std::string legacy_float_str(double x) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x < 0 ? "-inf" : "inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", x);
    std::string s = buf;
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string to_string(const Matrix& m) { return format_matrix(m); }

std::ostream& operator<<(std::ostream& os, const Matrix& m) { return os << format_matrix(m); }

}  // namespace dnn
