// matrix/format.cpp - numpy's array printing (classic 1.13 layout) and Python's float repr.
#include "matrix/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ostream>
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

// numpy's FloatingFormat for one array (floatmode "maxprec", legacy 1.13 padding).
class FloatFormat {
public:
    FloatFormat(const std::vector<double>& values, int precision) : precision_(precision) {
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
            // Legacy scientific: a fixed `precision` digits, exponent padded to the widest.
            int exp_digits = 2;
            for (double v : finite) {
                const std::string s = scientific(v, 2);
                exp_digits = std::max<int>(exp_digits, static_cast<int>(s.size() - s.find('e') - 2));
            }
            exp_size_ = exp_digits;
            pad_left_ = 3;
            pad_right_ = exp_size_ + 2 + precision_;
        } else {
            for (double v : finite) {
                const std::string s = positional(v);
                const auto dot = s.find('.');
                const std::size_t int_len = dot - (s[0] == '-' ? 1 : 0);
                pad_left_ = std::max(pad_left_, 1 + int_len);  // + 1: the sign column
                pad_right_ = std::max(pad_right_, s.size() - dot - 1);
            }
        }
        if (has_nonfinite) {
            // Room for "nan" and "-inf" (legacy always reserves the sign of -inf).
            const std::size_t offset = pad_right_ + 1;
            pad_left_ = std::max({pad_left_, 3 > offset ? 3 - offset : 0, 4 > offset ? 4 - offset : 0});
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
            const std::size_t int_len = s.find('.');
            return std::string(pad_left_ > int_len ? pad_left_ - int_len : 0, ' ') + s;
        }
        const std::string s = positional(v);
        const auto dot = s.find('.');
        const std::size_t frac_len = s.size() - dot - 1;
        return std::string(pad_left_ > dot ? pad_left_ - dot : 0, ' ') + s + std::string(pad_right_ - frac_len, ' ');
    }

private:
    int precision_;
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

    // Legacy scientific: exactly `precision_` decimals, exponent with at least exp_digits digits.
    std::string scientific(double v, int exp_digits) const {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*e", precision_, v);
        std::string s = buf;
        const auto e = s.find('e');
        std::string mant = s.substr(0, e), ex = s.substr(e + 2);
        const char sign = s[e + 1];
        while (static_cast<int>(ex.size()) < exp_digits) ex = "0" + ex;
        return mant + "e" + sign + ex;
    }
};

// numpy's _formatArray for 2-D arrays, with legacy 1.13 wrapping rules.
std::string format_rows(const Matrix& m, const PrintOptions& opt) {
    const std::size_t R = m.rows(), C = m.cols();
    const bool summary = m.size() > opt.threshold;
    const std::size_t e = opt.edgeitems;
    const bool cut_rows = summary && 2 * e < R;
    const bool cut_cols = summary && 2 * e < C;
    auto kept = [&](std::size_t n, bool cut) {
        std::vector<std::size_t> idx;
        if (!cut) {
            for (std::size_t i = 0; i < n; ++i) idx.push_back(i);
        } else {
            for (std::size_t i = 0; i < e; ++i) idx.push_back(i);
            for (std::size_t i = n - e; i < n; ++i) idx.push_back(i);
        }
        return idx;
    };
    const auto rows = kept(R, cut_rows), cols = kept(C, cut_cols);
    std::vector<double> shown;
    for (auto i : rows)
        for (auto j : cols) shown.push_back(m(i, j));
    const FloatFormat fmt(shown, opt.precision);

    const std::string row_indent = "  ";  // hanging indent inside the inner brackets
    const std::size_t width = opt.linewidth;
    auto format_row = [&](std::size_t i) {
        std::string s, line = row_indent;
        auto extend = [&](const std::string& word) {
            if (line.size() + word.size() > width) {
                while (!line.empty() && line.back() == ' ') line.pop_back();
                s += line + "\n";
                line = row_indent;
            }
            line += word;
        };
        for (std::size_t k = 0; k < cols.size(); ++k) {
            if (cut_cols && k == e) {
                extend("...");
                line += ", ";  // legacy 1.13 writes the summary with a comma
            }
            extend(fmt(m(i, cols[k])));
            if (k + 1 < cols.size()) line += ' ';
        }
        s += line;
        return "[" + s.substr(row_indent.size()) + "]";
    };

    std::string out = "[";
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (cut_rows && k == e) out += " ..., \n";
        if (k > 0) out += " ";
        out += format_row(rows[k]);
        if (k + 1 < rows.size()) out += "\n";
    }
    return out + "]";
}

}  // namespace

std::string format_matrix(const Matrix& m, const PrintOptions& options) {
    if (m.empty()) return "[]";
    return format_rows(m, options);
}

std::string to_string(const Matrix& m) { return format_matrix(m); }

std::ostream& operator<<(std::ostream& os, const Matrix& m) { return os << format_matrix(m); }

}  // namespace dnn
