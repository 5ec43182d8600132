// io/resize.cpp - Pillow's Image.resize for RGB pictures (see io/image.hpp and io/resize.hpp).
//
// BILINEAR and BICUBIC are a separable convolution: each output sample is a weighted sum of the source
// samples under the filter, centred on the output pixel's centre mapped into the source. When shrinking by a
// factor s > 1, the filter is stretched by s (support and argument), so every source pixel contributes: that
// is Pillow's antialiasing. Weights are computed in double, normalised to sum 1, then rounded to 22-bit fixed
// point; sums are 32-bit integers. The horizontal pass runs first, over the source rows the vertical pass
// will read, and its result is stored as 8-bit samples, rounded and clamped, as Pillow stores it.
#include "io/resize.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>

#include "io/byte_lanes.hpp"

namespace dnn::io {
namespace resampling {
namespace {

double bilinear_filter(double x) {  // the triangle, support 1
    if (x < 0.0) x = -x;
    return x < 1.0 ? 1.0 - x : 0.0;
}

double bicubic_filter(double x) {  // Keys' cubic convolution with a = -0.5, support 2
    constexpr double a = -0.5;
    if (x < 0.0) x = -x;
    if (x < 1.0) return ((a + 2.0) * x - (a + 3.0)) * x * x + 1;
    if (x < 2.0) return (((x - 5) * x + 8) * x - 4) * a;
    return 0.0;
}

std::uint8_t clip8(std::int32_t sum) {
    const std::int32_t v = sum >> kPrecisionBits;
    return static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v);
}

constexpr std::int32_t kHalf = 1 << (kPrecisionBits - 1);

// Eight pixels at a time: io/byte_lanes.hpp.
using lanes::i32x8;
using lanes::widen;

void load(const std::int32_t* p, i32x8& v) { std::memcpy(&v, p, sizeof v); }

}  // namespace

Weights compute_weights(int in_size, int out_size, Resample filter) {
    const double filter_support = filter == Resample::bilinear ? 1.0 : 2.0;
    double (*f)(double) = filter == Resample::bilinear ? bilinear_filter : bicubic_filter;

    const double scale = double(in_size) / out_size;
    const double filterscale = scale < 1.0 ? 1.0 : scale;  // shrinking widens the filter
    const double support = filter_support * filterscale;
    const int taps = int(std::ceil(support)) * 2 + 1;

    Weights w;
    w.stride = (taps + 7) / 8 * 8;
    w.first.resize(out_size);
    w.count.resize(out_size);
    w.k.assign(std::size_t(out_size) * w.stride, 0);
    std::vector<double> k(taps);
    for (int xx = 0; xx < out_size; ++xx) {
        const double center = (xx + 0.5) * scale;
        const double ss = 1.0 / filterscale;
        int xmin = int(center - support + 0.5);  // truncation, as Pillow's (int) cast
        if (xmin < 0) xmin = 0;
        int xmax = int(center + support + 0.5);
        if (xmax > in_size) xmax = in_size;
        xmax -= xmin;
        double total = 0.0;
        // Pillow multiplies by 1 / filterscale rather than dividing by it; the two can differ in the last bit
        // of a weight, which the 22-bit rounding below has hidden in every comparison so far.
        for (int x = 0; x < xmax; ++x) {
            k[x] = f((x + xmin - center + 0.5) * ss);
            total += k[x];
        }
        std::int32_t* fixed = w.k.data() + std::size_t(xx) * w.stride;
        for (int x = 0; x < xmax; ++x) {
            const double v = total != 0.0 ? k[x] / total : k[x];
            // round half away from zero, as Pillow's (int)(v * 2^22 +/- 0.5)
            fixed[x] = v < 0 ? int(-0.5 + v * (1 << kPrecisionBits)) : int(0.5 + v * (1 << kPrecisionBits));
        }
        w.first[xx] = xmin;
        w.count[xx] = xmax;
    }
    return w;
}

std::vector<int> nearest_sources(int in_size, int out_size) {
    const double scale = double(in_size) / out_size;
    std::vector<int> src(out_size);
    double pos = scale * 0.5;
    for (int x = 0; x < out_size; ++x) {
        int s = pos < 0.0 ? 0 : int(pos);
        if (s > in_size - 1) s = in_size - 1;  // never happens with these sizes; kept as a bound
        src[x] = s;
        pos += scale;
    }
    return src;
}

void horizontal_pass_scalar(const std::uint8_t* in, int in_width, int rows, const Weights& w, std::uint8_t* out) {
    const int out_width = static_cast<int>(w.first.size());
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* src = in + std::size_t(y) * in_width * 3;
        std::uint8_t* dst = out + std::size_t(y) * out_width * 3;
        for (int xx = 0; xx < out_width; ++xx) {
            const std::int32_t* k = w.k.data() + std::size_t(xx) * w.stride;
            const std::uint8_t* p = src + std::size_t(w.first[xx]) * 3;
            std::int32_t s0 = kHalf, s1 = kHalf, s2 = kHalf;
            for (int x = 0; x < w.count[xx]; ++x) {
                s0 += p[3 * x] * k[x];
                s1 += p[3 * x + 1] * k[x];
                s2 += p[3 * x + 2] * k[x];
            }
            dst[3 * xx] = clip8(s0);
            dst[3 * xx + 1] = clip8(s1);
            dst[3 * xx + 2] = clip8(s2);
        }
    }
}

// The same sums, eight products at a time. The taps of an output pixel are 3 * count consecutive bytes
// (R, G, B interleaved), so they are multiplied by the weights repeated three times (k0 k0 k0 k1 k1 k1 ...),
// 24 bytes (8 pixels) per step. In each step's three vectors of 8 lanes, lane j of vector v holds channel
// (8 v + j) mod 3, so three accumulators, one per vector, keep the channels apart until the end. Integer sums
// do not depend on their order, and no partial sum can exceed 255 times the sum of the weights' magnitudes
// (< 2^31), so the bytes are those of the scalar pass.
void horizontal_pass(const std::uint8_t* in, int in_width, int rows, const Weights& w, std::uint8_t* out) {
    const int out_width = static_cast<int>(w.first.size());
    const int stride3 = (w.stride * 3 + 23) / 24 * 24;
    std::vector<std::int32_t> k3(std::size_t(out_width) * stride3, 0);  // the weights, each three times
    for (int xx = 0; xx < out_width; ++xx)
        for (int x = 0; x < w.count[xx]; ++x)
            for (int c = 0; c < 3; ++c)
                k3[std::size_t(xx) * stride3 + 3 * x + c] = w.k[std::size_t(xx) * w.stride + x];

    // A step reads up to 21 bytes past an output pixel's last tap: into the next rows, or past the end of the
    // picture for its last rows (all of them when rows are short). Those rows are read from a padded copy.
    const std::size_t row_bytes = std::size_t(in_width) * 3, total = row_bytes * rows;
    std::size_t reach = 0;  // the most bytes a row's steps read from its start
    for (int xx = 0; xx < out_width; ++xx)
        reach = std::max(reach, std::size_t(w.first[xx]) * 3 + std::size_t(w.count[xx] + 7) / 8 * 24);
    std::vector<std::uint8_t> padded(std::max(reach, row_bytes), 0);
    for (int y = 0; y < rows; ++y) {
        const std::uint8_t* src = in + std::size_t(y) * row_bytes;
        if (std::size_t(y) * row_bytes + reach > total) {
            std::memcpy(padded.data(), src, row_bytes);
            src = padded.data();
        }
        std::uint8_t* dst = out + std::size_t(y) * out_width * 3;
        for (int xx = 0; xx < out_width; ++xx) {
            const std::int32_t* k = k3.data() + std::size_t(xx) * stride3;
            const std::uint8_t* p = src + std::size_t(w.first[xx]) * 3;
            const int steps = (w.count[xx] + 7) / 8;
            i32x8 a0 = {}, a1 = {}, a2 = {}, v, kv;
            for (int i = 0; i < steps; ++i, p += 24, k += 24) {
                widen(p, v);
                load(k, kv);
                a0 += v * kv;
                widen(p + 8, v);
                load(k + 8, kv);
                a1 += v * kv;
                widen(p + 16, v);
                load(k + 16, kv);
                a2 += v * kv;
            }
            std::int32_t s[3] = {kHalf, kHalf, kHalf};
            for (int j = 0; j < 8; ++j) {
                s[j % 3] += a0[j];
                s[(j + 2) % 3] += a1[j];
                s[(j + 1) % 3] += a2[j];
            }
            dst[3 * xx] = clip8(s[0]);
            dst[3 * xx + 1] = clip8(s[1]);
            dst[3 * xx + 2] = clip8(s[2]);
        }
    }
}

void vertical_pass_scalar(const std::uint8_t* in, int width, const Weights& w, std::uint8_t* out) {
    const int out_rows = static_cast<int>(w.first.size());
    const std::size_t row_bytes = std::size_t(width) * 3;
    for (int yy = 0; yy < out_rows; ++yy) {
        const std::int32_t* k = w.k.data() + std::size_t(yy) * w.stride;
        const std::uint8_t* src = in + std::size_t(w.first[yy]) * row_bytes;
        std::uint8_t* dst = out + std::size_t(yy) * row_bytes;
        for (std::size_t x = 0; x < row_bytes; ++x) {
            std::int32_t s = kHalf;
            for (int y = 0; y < w.count[yy]; ++y) s += src[std::size_t(y) * row_bytes + x] * k[y];
            dst[x] = clip8(s);
        }
    }
}

// The same sums, eight samples of a row at a time (the tail of each row in scalar code).
void vertical_pass(const std::uint8_t* in, int width, const Weights& w, std::uint8_t* out) {
    const int out_rows = static_cast<int>(w.first.size());
    const std::size_t row_bytes = std::size_t(width) * 3, body = row_bytes / 8 * 8;
    for (int yy = 0; yy < out_rows; ++yy) {
        const std::int32_t* k = w.k.data() + std::size_t(yy) * w.stride;
        const std::uint8_t* src = in + std::size_t(w.first[yy]) * row_bytes;
        std::uint8_t* dst = out + std::size_t(yy) * row_bytes;
        for (std::size_t x = 0; x < body; x += 8) {
            i32x8 s = i32x8{} + kHalf, v;
            for (int y = 0; y < w.count[yy]; ++y) {
                widen(src + std::size_t(y) * row_bytes + x, v);
                s += v * k[y];
            }
            for (int j = 0; j < 8; ++j) dst[x + j] = clip8(s[j]);
        }
        for (std::size_t x = body; x < row_bytes; ++x) {
            std::int32_t s = kHalf;
            for (int y = 0; y < w.count[yy]; ++y) s += src[std::size_t(y) * row_bytes + x] * k[y];
            dst[x] = clip8(s);
        }
    }
}

}  // namespace resampling

Image resize(const Image& image, int width, int height, Resample filter) {
    using namespace resampling;
    if (width < 1 || height < 1)
        throw std::invalid_argument("resize: the new size " + std::to_string(width) + " x " + std::to_string(height) +
                                    " must be at least 1 x 1");
    if (image.width < 1 || image.height < 1)
        throw std::invalid_argument("resize: the image is empty (" + std::to_string(image.width) + " x " +
                                    std::to_string(image.height) + ")");
    const std::size_t in_bytes = std::size_t(image.width) * std::size_t(image.height) * 3;
    if (image.rgb.size() != in_bytes)
        throw std::invalid_argument("resize: the image is " + std::to_string(image.width) + " x " +
                                    std::to_string(image.height) + " but holds " + std::to_string(image.rgb.size()) +
                                    " bytes, not width * height * 3 = " + std::to_string(in_bytes));
    if (width == image.width && height == image.height) return image;  // Pillow returns a copy

    Image out;
    out.width = width;
    out.height = height;
    out.rgb.resize(std::size_t(width) * height * 3);

    if (filter == Resample::nearest) {
        const std::vector<int> sx = nearest_sources(image.width, width), sy = nearest_sources(image.height, height);
        for (int y = 0; y < height; ++y) {
            const std::uint8_t* src = image.rgb.data() + std::size_t(sy[y]) * image.width * 3;
            std::uint8_t* dst = out.rgb.data() + std::size_t(y) * width * 3;
            for (int x = 0; x < width; ++x) std::memcpy(dst + 3 * x, src + 3 * std::size_t(sx[x]), 3);
        }
        return out;
    }

    const bool horizontal = width != image.width, vertical = height != image.height;
    Weights wy = compute_weights(image.height, height, filter);
    if (!vertical) {
        horizontal_pass(image.rgb.data(), image.width, image.height, compute_weights(image.width, width, filter),
                        out.rgb.data());
        return out;
    }
    if (!horizontal) {
        vertical_pass(image.rgb.data(), image.width, wy, out.rgb.data());
        return out;
    }
    // Only the source rows the vertical pass reads go through the horizontal pass.
    const int y_first = wy.first.front(), y_last = wy.first.back() + wy.count.back();
    for (int& f : wy.first) f -= y_first;
    std::vector<std::uint8_t> tmp(std::size_t(width) * (y_last - y_first) * 3);
    horizontal_pass(image.rgb.data() + std::size_t(y_first) * image.width * 3, image.width, y_last - y_first,
                    compute_weights(image.width, width, filter), tmp.data());
    vertical_pass(tmp.data(), width, wy, out.rgb.data());
    return out;
}

}  // namespace dnn::io
