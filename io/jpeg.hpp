// io/jpeg.hpp - a JPEG decoder (ITU T.81 | ISO/IEC 10918-1), for io/image.cpp.
//
// Baseline and extended sequential Huffman, and progressive Huffman (spectral selection and successive
// approximation), with restart intervals; 8-bit samples; 1, 3 or 4 components with sampling factors 1 or 2;
// JFIF, Adobe APP14 (transforms for YCbCr, RGB, CMYK, YCCK) and Motion-JPEG frames without Huffman tables.
// The pixels are libjpeg-turbo's with its defaults (islow IDCT, fancy upsampling), which is what Pillow
// returns. Arithmetic coding, lossless and hierarchical JPEG, 12-bit samples and DNL markers are refused
// with an error naming the feature. The decoder's parts are listed in io/jpeg_format.hpp.
//
// Progressive files: libjpeg (hence Pillow) applies "block smoothing" while some low-frequency AC terms of a
// component have not been sent by any scan: it estimates them from the neighbouring blocks' DC terms. When
// every scan has been read and each of those terms was sent (every progressive file an encoder writes in
// full), it does nothing, and the pixels are those of the same coefficients decoded as a baseline file,
// which is what we do for every file. So a progressive file that never sends some AC terms (DC scans only,
// say) differs from Pillow's: tests/test_image_pillow.cpp shows one.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "io/raw_image.hpp"

namespace dnn::io {

// True when the data starts like a JPEG file: SOI (0xFF 0xD8) and the 0xFF of another marker.
bool is_jpeg(const std::uint8_t* data, std::size_t size);

// Decodes size bytes of JPEG: mode "L" (1 component), "RGB" (3) or "CMYK" (4, stored inverted as Pillow
// stores it), and the EXIF orientation of the first APP1 Exif segment. Throws std::runtime_error
// ("<context>: byte N: ...") for a damaged or unsupported file (see io/raw_image.hpp).
RawImage decode_jpeg(const std::uint8_t* data, std::size_t size, const std::string& context);

// ---- Looking inside: the decoder's steps one at a time (tutorial 10, and the tests) ---------------------
//
// EN: A JPEG becomes pixels in five steps: (1) Huffman decoding turns the scan's bits into each 8x8 block's
//     quantised DCT coefficients; (2) dequantisation multiplies each by its quantisation table entry; (3) the
//     inverse DCT turns the 64 frequencies into 64 samples; (4) upsampling brings subsampled components
//     (the chroma of a 4:2:0 file: half width, half height) to the picture's size; (5) the colour conversion
//     turns Y, Cb, Cr into R, G, B. inspect_jpeg decodes exactly as decode_jpeg does and keeps what each step
//     made, so a reader can look at any block and check each step against its own computation.
// KO: JPEG은 다섯 단계로 픽셀이 됩니다: (1) 허프만 디코딩으로 스캔의 비트를 8x8 블록마다 양자화된 DCT 계수로
//     바꾸고, (2) 역양자화로 계수마다 양자화 테이블 값을 곱하고, (3) 역 DCT로 주파수 64개를 샘플 64개로 바꾸고,
//     (4) 업샘플링으로 서브샘플링된 성분(4:2:0 파일의 색차: 너비 절반, 높이 절반)을 이미지 크기로 늘리고,
//     (5) 색 변환으로 Y, Cb, Cr을 R, G, B로 바꿉니다. inspect_jpeg는 decode_jpeg와 똑같이 디코딩하면서 단계마다
//     만든 것을 남겨 두므로, 어느 블록이든 들여다보고 단계마다 직접 계산한 값과 맞춰 볼 수 있습니다.

// EN: One canonical Huffman code (T.81 annex C): the `length` low bits of `code`, most significant first,
//     stand for `symbol` (a DC table's symbol is a magnitude category; an AC table's is run << 4 | size).
// KO: 정규 허프만 부호 하나(T.81 부록 C): code의 하위 length 비트(최상위 비트부터)가 symbol을 나타냅니다(DC
//     테이블의 심볼은 크기 범주, AC 테이블의 심볼은 run << 4 | size).
struct JpegHuffmanCode {
    int symbol = 0, length = 0;
    std::uint32_t code = 0;
};

struct JpegComponentSteps {
    int id = 0, h = 1, v = 1;        // identifier and sampling factors (SOF)
    int width = 0, height = 0;       // its samples: ceil(X * h / hmax) x ceil(Y * v / vmax)
    int blocks_w = 0, blocks_h = 0;  // its blocks, in whole MCUs (the encoder pads the picture to them)
    std::array<std::uint16_t, 64> quant{};            // its quantisation table, row-major (natural order)
    std::vector<JpegHuffmanCode> dc_codes, ac_codes;  // the tables its first scan reads, in code order
    // (1) blocks_w * blocks_h blocks of 64 quantised coefficients, blocks row-major, each block row-major (the
    //     zig-zag order undone): block (bx, by) starts at coefficients[(by * blocks_w + bx) * 64].
    std::vector<std::int16_t> coefficients;
    // (2, 3) dequantised and inverse-transformed: (blocks_w * 8) x (blocks_h * 8) samples, row-major, the
    //     padding included.
    std::vector<std::uint8_t> samples;
    // (4) at the picture's size: width X x height Y samples, row-major (upsampled if subsampled).
    std::vector<std::uint8_t> upsampled;
};

struct JpegSteps {
    int width = 0, height = 0;  // X, Y
    bool progressive = false;
    std::string color_space;    // how the components become pixels: "gray", "YCbCr", "RGB", "CMYK" or "YCCK"
    std::size_t scan_data = 0;  // offset in the file of the first scan's entropy-coded data (after its SOS)
    std::vector<JpegComponentSteps> components;
    RawImage pixels;            // (5) the result, exactly what decode_jpeg returns
};

// EN: Decodes as decode_jpeg does (the same pixels, the same errors), keeping each step's results. Takes
//     about three times decode_jpeg's memory: for looking inside, not for reading pictures.
// KO: decode_jpeg와 똑같이 디코딩하면서(같은 픽셀, 같은 오류) 단계마다 결과를 남깁니다. 메모리를
//     decode_jpeg의 세 배쯤 씁니다: 그림을 읽는 용도가 아니라 들여다보는 용도입니다.
JpegSteps inspect_jpeg(const std::uint8_t* data, std::size_t size, const std::string& context);

// EN: Steps (2) and (3) for one block, as the decoder computes them (libjpeg's "islow" integer IDCT):
//     coefficients[r * 8 + c] * quant[r * 8 + c], inverse-transformed, + 128, clamped: 64 samples, row-major.
// KO: 블록 하나에 대한 (2), (3) 단계를 디코더와 똑같이(libjpeg의 "islow" 정수 IDCT) 계산합니다:
//     coefficients[r * 8 + c] * quant[r * 8 + c]를 역변환하고 128을 더해 0..255로 자른 샘플 64개(행 우선).
std::array<std::uint8_t, 64> jpeg_idct_block(const std::int16_t* coefficients,
                                             const std::array<std::uint16_t, 64>& quant);

// EN: Step (5) for one pixel, as the decoder computes it (16-bit fixed point): {R, G, B} of (Y, Cb, Cr).
// KO: 픽셀 하나에 대한 (5) 단계를 디코더와 똑같이(16비트 고정소수점) 계산합니다: (Y, Cb, Cr)의 {R, G, B}.
std::array<std::uint8_t, 3> jpeg_ycc_to_rgb(int y, int cb, int cr);

}  // namespace dnn::io
