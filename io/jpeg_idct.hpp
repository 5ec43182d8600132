// io/jpeg_idct.hpp - dequantisation and inverse DCT of one 8x8 block, as libjpeg's "islow" method computes it.
//
// Pillow decodes with libjpeg-turbo's default IDCT, JDCT_ISLOW: the Loeffler-Ligtenberg-Moschytz algorithm in
// 13-bit fixed point, columns first (keeping 2 extra bits), then rows. Reproducing its integer arithmetic
// exactly is what makes our pixels identical to Pillow's.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dnn::io::jpeg {

// Dequantises the 64 coefficients (row-major, coef[r * 8 + c] * quant[r * 8 + c]) and writes the 8x8 samples
// (0..255) to out[r * stride + c]. Coefficients whose products exceed 16 bits, which no real picture has,
// are saturated there (as are the column pass's results), so the 32-bit arithmetic can never overflow.
// idct_islow uses the vector unit where the compiler offers one; idct_islow_scalar is the plain reference
// it is tested against: both give the same bytes for every input.
void idct_islow(const std::int16_t* coef, const std::uint16_t* quant, std::uint8_t* out, std::size_t stride);
void idct_islow_scalar(const std::int16_t* coef, const std::uint16_t* quant, std::uint8_t* out, std::size_t stride);

}  // namespace dnn::io::jpeg
