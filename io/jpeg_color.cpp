// io/jpeg_color.cpp - from component planes to pixels: chroma upsampling and colour conversion, with the
// integer arithmetic of libjpeg-turbo's defaults (what Pillow uses), so the bytes are the same.
//
// Upsampling ("fancy", libjpeg's do_fancy_upsampling): a component sampled at half the width and/or height
// is interpolated with weights 3/4 (the nearer sample) and 1/4 (the farther one):
//   h2v1 (4:2:2)  out[2i] = (3 in[i] + in[i-1] + 1) >> 2,  out[2i+1] = (3 in[i] + in[i+1] + 2) >> 2,
//                 and at the edges out[0] = in[0], out[2n-1] = in[n-1];
//   h1v2 (4:4:0)  out = (3 nearer_row + farther_row + bias) >> 2, bias 1 for the upper row of a pair, 2 for
//                 the lower one;
//   h2v2 (4:2:0)  column sums c = 3 nearer_row + farther_row, then out[2i] = (3 c[i] + c[i-1] + 8) >> 4 and
//                 out[2i+1] = (3 c[i] + c[i+1] + 7) >> 4, with (4 c + 8) >> 4 and (4 c + 7) >> 4 at the edges.
// Above the first row and below the last real row (ceil(height * v / vmax), never the encoder's padding) the
// farther row is the edge row itself. Horizontal interpolation needs more than 2 samples per row; narrower
// components are replicated instead, as libjpeg does.
//
// Colour (libjpeg's jdcolor): R = Y + ((FIX(1.402) Cr' + 2^15) >> 16), B = Y + ((FIX(1.772) Cb' + 2^15) >> 16),
// G = Y + ((-FIX(0.34414) Cb' + 2^15 - FIX(0.71414) Cr') >> 16), with Cb' = Cb - 128, Cr' = Cr - 128,
// FIX(c) = round(c * 2^16), arithmetic shifts, each clamped to 0..255.
#include <algorithm>
#include <cstring>
#include <vector>

#include "io/byte_lanes.hpp"
#include "io/jpeg_format.hpp"

namespace dnn::io::jpeg {
namespace {

constexpr std::int32_t kFixR = 91881;   // FIX(1.40200)
constexpr std::int32_t kFixB = 116130;  // FIX(1.77200)
constexpr std::int32_t kFixGb = 22554;  // FIX(0.34414)
constexpr std::int32_t kFixGr = 46802;  // FIX(0.71414)
constexpr std::int32_t kHalf = 1 << 15;

std::uint8_t clamp255(std::int32_t v) { return static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); }

// Eight pixels at a time: io/byte_lanes.hpp.
using lanes::i32x8;
using lanes::u16x8;
using lanes::u8x8;
using lanes::widen;

void clamp255(i32x8& v) {
    const i32x8 zero = {}, top = zero + 255;
    v = v < zero ? zero : v;
    v = v > top ? top : v;
}

// Replication: each of n samples twice.
void replicate_h2(const std::uint8_t* in, int n, std::uint8_t* out) {
    for (int i = 0; i < n; ++i) out[2 * i] = out[2 * i + 1] = in[i];
}

// h1v2 fancy: one output row from the nearer and farther input rows.
void upsample_h1v2(const std::uint8_t* nearer, const std::uint8_t* farther, int n, int bias, std::uint8_t* out) {
    for (int i = 0; i < n; ++i) out[i] = std::uint8_t((nearer[i] * 3 + farther[i] + bias) >> 2);
}

// Eight 16-bit lanes: enough for 4 x 1020 + 8, the largest sum the h2v2 formula makes.
typedef std::int16_t i16x8 __attribute__((vector_size(16)));

void widen16(const std::uint8_t* p, i16x8& v) {
    u8x8 b;
    std::memcpy(&b, p, 8);
    v = __builtin_convertvector(b, i16x8);
}

void load16(const std::int16_t* p, i16x8& v) { std::memcpy(&v, p, sizeof v); }

// Stores even[j], odd[j] interleaved: 16 bytes (each lane holds 0..255).
void store_pairs(const i16x8& even, const i16x8& odd, std::uint8_t* out) {
    const i16x8 lo = __builtin_shufflevector(even, odd, 0, 8, 1, 9, 2, 10, 3, 11);
    const i16x8 hi = __builtin_shufflevector(even, odd, 4, 12, 5, 13, 6, 14, 7, 15);
    const u8x8 a = __builtin_convertvector(lo, u8x8), b = __builtin_convertvector(hi, u8x8);
    std::memcpy(out, &a, 8);
    std::memcpy(out + 8, &b, 8);
}

}  // namespace

void upsample_h2v1_scalar(const std::uint8_t* in, int n, std::uint8_t* out) {
    out[0] = in[0];
    out[1] = std::uint8_t((in[0] * 3 + in[1] + 2) >> 2);
    for (int i = 1; i < n - 1; ++i) {
        const int near = in[i] * 3;
        out[2 * i] = std::uint8_t((near + in[i - 1] + 1) >> 2);
        out[2 * i + 1] = std::uint8_t((near + in[i + 1] + 2) >> 2);
    }
    out[2 * n - 2] = std::uint8_t((in[n - 1] * 3 + in[n - 2] + 1) >> 2);
    out[2 * n - 1] = in[n - 1];
}

void upsample_h2v1(const std::uint8_t* in, int n, std::uint8_t* out) {
    if (n <= 9) {
        upsample_h2v1_scalar(in, n, out);
        return;
    }
    out[0] = in[0];
    out[1] = std::uint8_t((in[0] * 3 + in[1] + 2) >> 2);
    int i = 1;
    for (; i + 9 <= n; i += 8) {  // samples i .. i + 7, reading i - 1 .. i + 8
        i16x8 near, left, right;
        widen16(in + i, near);
        widen16(in + i - 1, left);
        widen16(in + i + 1, right);
        near *= 3;
        store_pairs((near + left + 1) >> 2, (near + right + 2) >> 2, out + 2 * i);
    }
    for (; i < n - 1; ++i) {
        const int near = in[i] * 3;
        out[2 * i] = std::uint8_t((near + in[i - 1] + 1) >> 2);
        out[2 * i + 1] = std::uint8_t((near + in[i + 1] + 2) >> 2);
    }
    out[2 * n - 2] = std::uint8_t((in[n - 1] * 3 + in[n - 2] + 1) >> 2);
    out[2 * n - 1] = in[n - 1];
}

void upsample_h2v2_scalar(const std::uint8_t* nearer, const std::uint8_t* farther, int n, std::int16_t* sums,
                          std::uint8_t* out) {
    for (int i = 0; i < n; ++i) sums[i] = std::int16_t(nearer[i] * 3 + farther[i]);
    out[0] = std::uint8_t((sums[0] * 4 + 8) >> 4);
    out[1] = std::uint8_t((sums[0] * 3 + sums[1] + 7) >> 4);
    for (int i = 1; i < n - 1; ++i) {
        const int near = sums[i] * 3;
        out[2 * i] = std::uint8_t((near + sums[i - 1] + 8) >> 4);
        out[2 * i + 1] = std::uint8_t((near + sums[i + 1] + 7) >> 4);
    }
    out[2 * n - 2] = std::uint8_t((sums[n - 1] * 3 + sums[n - 2] + 8) >> 4);
    out[2 * n - 1] = std::uint8_t((sums[n - 1] * 4 + 7) >> 4);
}

void upsample_h2v2(const std::uint8_t* nearer, const std::uint8_t* farther, int n, std::int16_t* sums,
                   std::uint8_t* out) {
    if (n <= 9) {
        upsample_h2v2_scalar(nearer, farther, n, sums, out);
        return;
    }
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        i16x8 a, b;
        widen16(nearer + i, a);
        widen16(farther + i, b);
        const i16x8 sum = a * 3 + b;
        std::memcpy(sums + i, &sum, sizeof sum);
    }
    for (; i < n; ++i) sums[i] = std::int16_t(nearer[i] * 3 + farther[i]);
    out[0] = std::uint8_t((sums[0] * 4 + 8) >> 4);
    out[1] = std::uint8_t((sums[0] * 3 + sums[1] + 7) >> 4);
    i = 1;
    for (; i + 9 <= n; i += 8) {  // sums i .. i + 7, reading i - 1 .. i + 8
        i16x8 near, left, right;
        load16(sums + i, near);
        load16(sums + i - 1, left);
        load16(sums + i + 1, right);
        near *= 3;
        store_pairs((near + left + 8) >> 4, (near + right + 7) >> 4, out + 2 * i);
    }
    for (; i < n - 1; ++i) {
        const int near = sums[i] * 3;
        out[2 * i] = std::uint8_t((near + sums[i - 1] + 8) >> 4);
        out[2 * i + 1] = std::uint8_t((near + sums[i + 1] + 7) >> 4);
    }
    out[2 * n - 2] = std::uint8_t((sums[n - 1] * 3 + sums[n - 2] + 8) >> 4);
    out[2 * n - 1] = std::uint8_t((sums[n - 1] * 4 + 7) >> 4);
}

void ycc_to_rgb_scalar(const std::uint8_t* y, const std::uint8_t* cb, const std::uint8_t* cr, int n,
                       std::uint8_t* out) {
    for (int i = 0; i < n; ++i) {
        const std::int32_t l = y[i], b = cb[i] - 128, r = cr[i] - 128;
        out[3 * i] = clamp255(l + ((kFixR * r + kHalf) >> 16));
        out[3 * i + 1] = clamp255(l + ((-kFixGb * b + kHalf - kFixGr * r) >> 16));
        out[3 * i + 2] = clamp255(l + ((kFixB * b + kHalf) >> 16));
    }
}

void ycc_to_rgb(const std::uint8_t* y, const std::uint8_t* cb, const std::uint8_t* cr, int n, std::uint8_t* out) {
    int i = 0;
    for (; i + 8 <= n; i += 8) {
        i32x8 l, b, r;
        widen(y + i, l);
        widen(cb + i, b);
        widen(cr + i, r);
        b -= 128;
        r -= 128;
        i32x8 red = l + ((kFixR * r + kHalf) >> 16);
        i32x8 green = l + ((-kFixGb * b + kHalf - kFixGr * r) >> 16);
        i32x8 blue = l + ((kFixB * b + kHalf) >> 16);
        clamp255(red);
        clamp255(green);
        clamp255(blue);
        std::uint8_t* o = out + 3 * i;
        for (int j = 0; j < 8; ++j) {
            o[3 * j] = std::uint8_t(red[j]);
            o[3 * j + 1] = std::uint8_t(green[j]);
            o[3 * j + 2] = std::uint8_t(blue[j]);
        }
    }
    ycc_to_rgb_scalar(y + i, cb + i, cr + i, n - i, out + 3 * i);
}

PixelWriter::PixelWriter(const Frame& frame, ColorSpace space) : frame_(frame), space_(space) {
    RawImage& img = image_;
    img.width = frame.width;
    img.height = frame.height;
    img.channels = space == ColorSpace::gray ? 1 : space == ColorSpace::cmyk || space == ColorSpace::ycck ? 4 : 3;
    img.mode = img.channels == 1 ? "L" : img.channels == 3 ? "RGB" : "CMYK";
    img.samples.resize(std::size_t(frame.width) * frame.height * img.channels);
    for (const Component& c : frame.components) {
        rows_.emplace_back(std::size_t(c.width) * 2 + 2);
        sums_.resize(std::max(sums_.size(), std::size_t(c.width) + 1));
    }
}

const std::uint8_t* PixelWriter::upsampled_row(int i, int y) {
    const Component& c = frame_.components[i];
    const bool x2 = frame_.hmax / c.h == 2, y2 = frame_.vmax / c.v == 2, fancy_x = c.width > 2;
    std::uint8_t* buffer = rows_[i].data();
    const int n = c.width;
    if (!y2) {
        const std::uint8_t* in = c.row(y);
        if (!x2) return in;
        if (fancy_x) upsample_h2v1(in, n, buffer);
        else replicate_h2(in, n, buffer);
        return buffer;
    }
    const int cy = y / 2;
    const bool upper = y % 2 == 0;
    const std::uint8_t* nearer = c.row(cy);
    const std::uint8_t* farther = c.row(upper ? std::max(cy - 1, 0) : std::min(cy + 1, c.height - 1));
    if (!x2) upsample_h1v2(nearer, farther, n, upper ? 1 : 2, buffer);
    else if (fancy_x) upsample_h2v2(nearer, farther, n, sums_.data(), buffer);
    else replicate_h2(nearer, n, buffer);  // too narrow to interpolate: plain 2x2 replication
    return buffer;
}

void PixelWriter::write(int mcu_row) {
    const int w = frame_.width, nc = static_cast<int>(frame_.components.size());
    const int y_end = std::min((mcu_row + 1) * 8 * frame_.vmax, frame_.height);
    std::vector<std::uint8_t> rgb(space_ == ColorSpace::ycck ? std::size_t(w) * 3 : 0);
    for (int y = mcu_row * 8 * frame_.vmax; y < y_end; ++y) {
        // Row y of each component at full size: its own row, or upsampled into rows_[i].
        const std::uint8_t* rows[4] = {};
        for (int i = 0; i < nc; ++i) rows[i] = upsampled_row(i, y);

        std::uint8_t* out = image_.samples.data() + std::size_t(y) * w * image_.channels;
        switch (space_) {
            case ColorSpace::gray: std::copy(rows[0], rows[0] + w, out); break;
            case ColorSpace::ycbcr: ycc_to_rgb(rows[0], rows[1], rows[2], w, out); break;
            case ColorSpace::rgb:
                for (int x = 0; x < w; ++x)
                    for (int c = 0; c < 3; ++c) out[3 * x + c] = rows[c][x];
                break;
            case ColorSpace::cmyk:  // Pillow opens a JPEG's CMYK as "CMYK;I": it stores 255 - v
                for (int x = 0; x < w; ++x)
                    for (int c = 0; c < 4; ++c) out[4 * x + c] = std::uint8_t(255 - rows[c][x]);
                break;
            case ColorSpace::ycck:
                // libjpeg turns YCCK into CMYK as C, M, Y = 255 - (R, G, B) of the YCbCr conversion, K kept;
                // Pillow's inversion then stores R, G, B and 255 - K.
                ycc_to_rgb(rows[0], rows[1], rows[2], w, rgb.data());
                for (int x = 0; x < w; ++x) {
                    for (int c = 0; c < 3; ++c) out[4 * x + c] = rgb[3 * x + c];
                    out[4 * x + 3] = std::uint8_t(255 - rows[3][x]);
                }
                break;
        }
    }
}

}  // namespace dnn::io::jpeg
