// io/jpeg_idct.cpp - libjpeg's "islow" inverse DCT (see io/jpeg_idct.hpp).
//
// The 8-point IDCT of Loeffler, Ligtenberg and Moschytz (ICASSP 1989), figure 8 reversed, with its 12
// multipliers as 13-bit fixed-point constants FIX(c) = round(c * 2^13). Pass 1 transforms each column and
// keeps PASS1_BITS = 2 more bits than it needs; pass 2 transforms each row and removes the scaling: 13 + 2
// bits of fixed point and the factor 8 of the 2-D transform. Every descaling rounds half up (add half, shift
// right arithmetically); the final value is centred on 128 and clamped to 0..255.
#include "io/jpeg_idct.hpp"

#include <cstring>

namespace dnn::io::jpeg {
namespace {

constexpr int kConstBits = 13, kPass1Bits = 2;

constexpr std::int32_t kFix_0_298631336 = 2446, kFix_0_390180644 = 3196, kFix_0_541196100 = 4433,
                       kFix_0_765366865 = 6270, kFix_0_899976223 = 7373, kFix_1_175875602 = 9633,
                       kFix_1_501321110 = 12299, kFix_1_847759065 = 15137, kFix_1_961570560 = 16069,
                       kFix_2_053119869 = 16819, kFix_2_562915447 = 20995, kFix_3_072711026 = 25172;

// With every input within 16 bits, no intermediate value of idct_1d exceeds 2,005,991,424 in magnitude
// (the sum of the absolute weights of each, times 2^15, plus the rounding term): 32 bits always suffice.
std::int32_t saturate16(std::int32_t v) { return v < -32768 ? -32768 : v > 32767 ? 32767 : v; }

std::int32_t descale(std::int32_t v, int bits) { return (v + (std::int32_t(1) << (bits - 1))) >> bits; }

std::uint8_t to_sample(std::int32_t v) {
    v += 128;
    return static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v);
}

// One 8-point IDCT: out = the 8 samples scaled by 2^13, not yet descaled. T is std::int32_t (one column or
// row) or i32x8 (eight at once, one per lane): a template so that both paths run the very same arithmetic.
template <typename T>
void idct_1d(const T in[8], T out[8]) {
    // Even part: in[0], in[2], in[4], in[6]. The rotation by sqrt(2) c6 shares one product (z1).
    T z2 = in[2], z3 = in[6];
    T z1 = (z2 + z3) * kFix_0_541196100;
    T tmp2 = z1 + z3 * -kFix_1_847759065;
    T tmp3 = z1 + z2 * kFix_0_765366865;
    z2 = in[0];
    z3 = in[4];
    T tmp0 = (z2 + z3) * (1 << kConstBits);
    T tmp1 = (z2 - z3) * (1 << kConstBits);
    const T tmp10 = tmp0 + tmp3, tmp13 = tmp0 - tmp3, tmp11 = tmp1 + tmp2, tmp12 = tmp1 - tmp2;

    // Odd part: in[1], in[3], in[5], in[7], with the shared product z5.
    tmp0 = in[7];
    tmp1 = in[5];
    tmp2 = in[3];
    tmp3 = in[1];
    z1 = tmp0 + tmp3;
    z2 = tmp1 + tmp2;
    z3 = tmp0 + tmp2;
    T z4 = tmp1 + tmp3;
    const T z5 = (z3 + z4) * kFix_1_175875602;
    tmp0 *= kFix_0_298631336;
    tmp1 *= kFix_2_053119869;
    tmp2 *= kFix_3_072711026;
    tmp3 *= kFix_1_501321110;
    z1 *= -kFix_0_899976223;
    z2 *= -kFix_2_562915447;
    z3 *= -kFix_1_961570560;
    z4 *= -kFix_0_390180644;
    z3 += z5;
    z4 += z5;
    tmp0 += z1 + z3;
    tmp1 += z2 + z4;
    tmp2 += z2 + z3;
    tmp3 += z1 + z4;

    out[0] = tmp10 + tmp3;
    out[7] = tmp10 - tmp3;
    out[1] = tmp11 + tmp2;
    out[6] = tmp11 - tmp2;
    out[2] = tmp12 + tmp1;
    out[5] = tmp12 - tmp1;
    out[3] = tmp13 + tmp0;
    out[4] = tmp13 - tmp0;
}


// ---- the vector path: eight columns (pass 1) or eight rows (pass 2) at once -------------------------------
// Vectors are passed by reference or pointer only: passing a 32-byte vector by value would change with the
// build's instruction set (GCC warns about that ABI difference).
typedef std::int32_t i32x8 __attribute__((vector_size(32)));
typedef std::int16_t i16x8 __attribute__((vector_size(16)));
typedef std::uint16_t u16x8 __attribute__((vector_size(16)));
typedef std::uint8_t u8x8 __attribute__((vector_size(8)));

void saturate16(i32x8& v) {
    const i32x8 lo = i32x8{} - 32768, hi = i32x8{} + 32767;
    v = v < lo ? lo : v;
    v = v > hi ? hi : v;
}

// rows[r][c] -> cols[c][r], in three rounds of pairwise interleaving.
void transpose8(const i32x8 rows[8], i32x8 cols[8]) {
    i32x8 a[8], b[8];
    for (int i = 0; i < 4; ++i) {  // pairs of rows: (r0[0], r1[0], r0[1], r1[1], ...)
        a[2 * i] = __builtin_shufflevector(rows[2 * i], rows[2 * i + 1], 0, 8, 1, 9, 2, 10, 3, 11);
        a[2 * i + 1] = __builtin_shufflevector(rows[2 * i], rows[2 * i + 1], 4, 12, 5, 13, 6, 14, 7, 15);
    }
    for (int i = 0; i < 2; ++i) {  // quads: (r0[0], r1[0], r2[0], r3[0], r0[1], ...)
        const i32x8 *lo = a + 4 * i, *hi = a + 4 * i + 2;
        b[4 * i] = __builtin_shufflevector(lo[0], hi[0], 0, 1, 8, 9, 2, 3, 10, 11);
        b[4 * i + 1] = __builtin_shufflevector(lo[0], hi[0], 4, 5, 12, 13, 6, 7, 14, 15);
        b[4 * i + 2] = __builtin_shufflevector(lo[1], hi[1], 0, 1, 8, 9, 2, 3, 10, 11);
        b[4 * i + 3] = __builtin_shufflevector(lo[1], hi[1], 4, 5, 12, 13, 6, 7, 14, 15);
    }
    for (int j = 0; j < 4; ++j) {  // halves: rows 0-3 from b[j], rows 4-7 from b[4 + j]
        cols[2 * j] = __builtin_shufflevector(b[j], b[4 + j], 0, 1, 2, 3, 8, 9, 10, 11);
        cols[2 * j + 1] = __builtin_shufflevector(b[j], b[4 + j], 4, 5, 6, 7, 12, 13, 14, 15);
    }
}
}  // namespace

void idct_islow_scalar(const std::int16_t* coef, const std::uint16_t* quant, std::uint8_t* out, std::size_t stride) {
    std::int32_t ws[64];  // pass 1's results, row-major

    // Pass 1: columns. A column with no AC term is flat: its 8 results are the DC term times 2^PASS1_BITS,
    // exactly what the full computation gives (the shortcut saves time on the many such columns).
    for (int c = 0; c < 8; ++c) {
        std::int32_t in[8];
        bool ac_zero = true;
        for (int r = 0; r < 8; ++r) {
            in[r] = saturate16(std::int32_t(coef[r * 8 + c]) * quant[r * 8 + c]);
            if (r > 0 && in[r] != 0) ac_zero = false;
        }
        if (ac_zero) {
            const std::int32_t dc = saturate16(in[0] * (1 << kPass1Bits));
            for (int r = 0; r < 8; ++r) ws[r * 8 + c] = dc;
            continue;
        }
        std::int32_t o[8];
        idct_1d(in, o);
        for (int r = 0; r < 8; ++r) ws[r * 8 + c] = saturate16(descale(o[r], kConstBits - kPass1Bits));
    }

    // Pass 2: rows, with the same shortcut for a row of one term.
    for (int r = 0; r < 8; ++r) {
        const std::int32_t* w = ws + r * 8;
        std::uint8_t* dst = out + r * stride;
        if ((w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) == 0) {
            const std::uint8_t v = to_sample(descale(w[0], kPass1Bits + 3));
            for (int c = 0; c < 8; ++c) dst[c] = v;
            continue;
        }
        std::int32_t o[8];
        idct_1d(w, o);
        for (int c = 0; c < 8; ++c) dst[c] = to_sample(descale(o[c], kConstBits + kPass1Bits + 3));
    }
}

// The same arithmetic without the column and row shortcuts (they only save work; the results are equal),
// except for a block with no AC term at all, which is flat.
void idct_islow(const std::int16_t* coef, const std::uint16_t* quant, std::uint8_t* out, std::size_t stride) {
    std::int16_t first4[4];
    std::memcpy(first4, coef, sizeof first4);
    first4[0] = 0;  // the DC term
    std::uint64_t ac, words[16];
    std::memcpy(words, coef, sizeof words);
    std::memcpy(&ac, first4, sizeof ac);
    for (int i = 1; i < 16; ++i) ac |= words[i];
    if (ac == 0) {
        const std::int32_t dc = saturate16(saturate16(std::int32_t(coef[0]) * quant[0]) * (1 << kPass1Bits));
        const std::uint8_t v = to_sample(descale(dc, kPass1Bits + 3));
        for (int r = 0; r < 8; ++r) std::memset(out + r * stride, v, 8);
        return;
    }

    i32x8 d[8], o[8], t[8];
    for (int r = 0; r < 8; ++r) {  // pass 1: d[r] is row r, one column per lane
        i16x8 c;
        u16x8 q;
        std::memcpy(&c, coef + 8 * r, sizeof c);
        std::memcpy(&q, quant + 8 * r, sizeof q);
        d[r] = __builtin_convertvector(c, i32x8) * __builtin_convertvector(q, i32x8);
        saturate16(d[r]);
    }
    idct_1d(d, o);
    for (int r = 0; r < 8; ++r) {
        o[r] = (o[r] + (1 << (kConstBits - kPass1Bits - 1))) >> (kConstBits - kPass1Bits);
        saturate16(o[r]);
    }
    transpose8(o, t);  // pass 2: t[c] is column c, one row per lane
    idct_1d(t, o);
    const i32x8 zero = {}, top = zero + 255;
    for (int c = 0; c < 8; ++c) {
        o[c] = ((o[c] + (1 << (kConstBits + kPass1Bits + 2))) >> (kConstBits + kPass1Bits + 3)) + 128;
        o[c] = o[c] < zero ? zero : o[c];
        o[c] = o[c] > top ? top : o[c];
    }
    transpose8(o, t);  // back to rows
    for (int r = 0; r < 8; ++r) {
        const u8x8 bytes = __builtin_convertvector(__builtin_convertvector(t[r], u16x8), u8x8);  // GCC 12: packs
        std::memcpy(out + r * stride, &bytes, 8);
    }
}

}  // namespace dnn::io::jpeg
