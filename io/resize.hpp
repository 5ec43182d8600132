// io/resize.hpp - the parts of resize() (io/image.hpp) that the tests look at one by one: the weights of
// Pillow's convolution, its NEAREST source pixels, and each pass in its plain and its vectorised form.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "io/image.hpp"

namespace dnn::io::resampling {

// Pillow keeps its weights in fixed point with 22 fractional bits.
constexpr int kPrecisionBits = 22;

// The weights of one axis (Pillow's precompute_coeffs and normalize_coeffs_8bpc), for out_size outputs.
struct Weights {
    int stride = 0;                // weights stored per output (a multiple of 8; the unused ones are 0)
    std::vector<int> first, count; // per output: the first source index it reads, and how many
    std::vector<std::int32_t> k;   // per output: count weights, round(w * 2^22), then zeros up to stride
};

// BILINEAR or BICUBIC weights for resampling in_size samples to out_size (both at least 1).
Weights compute_weights(int in_size, int out_size, Resample filter);

// NEAREST: the source index of each of out_size outputs, trunc((x + 0.5) * in_size / out_size) as Pillow
// accumulates it in double.
std::vector<int> nearest_sources(int in_size, int out_size);

// The horizontal pass: rows rows of in (in_width RGB pixels each) into rows of w.first.size() pixels.
// The vertical pass: out_rows rows of width RGB pixels, output row y reading rows w.first[y] .. of in.
// Each sum starts at 2^21 and is shifted right by 22, then clamped to 0..255, in 32-bit integers.
void horizontal_pass(const std::uint8_t* in, int in_width, int rows, const Weights& w, std::uint8_t* out);
void horizontal_pass_scalar(const std::uint8_t* in, int in_width, int rows, const Weights& w, std::uint8_t* out);
void vertical_pass(const std::uint8_t* in, int width, const Weights& w, std::uint8_t* out);
void vertical_pass_scalar(const std::uint8_t* in, int width, const Weights& w, std::uint8_t* out);

}  // namespace dnn::io::resampling
