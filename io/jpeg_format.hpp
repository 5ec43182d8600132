// io/jpeg_format.hpp - the pieces of a JPEG file (ITU T.81) that the decoder's files share: tables, the
// frame and its components, a scan's header. Internal to io/jpeg*.cpp; io/jpeg.hpp is the decoder's entry.
//
//   io/jpeg.cpp          reads the markers (SOF, DHT, DQT, DRI, SOS, APPn) and drives the rest
//   io/jpeg_huffman.cpp  builds Huffman decoding tables from DHT segments, and the standard ones of Annex K
//   io/jpeg_scan.cpp     decodes a scan's entropy-coded data: baseline and progressive (Annex F and G)
//   io/jpeg_idct.cpp     dequantises and inverse-transforms a block (libjpeg's "islow" integer IDCT)
//   io/jpeg_color.cpp    upsamples the chroma planes and converts YCbCr / YCCK / CMYK to Pillow's modes
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "io/raw_image.hpp"

namespace dnn::io::jpeg {

// kNatural[k]: the row-major position in an 8x8 block of the k-th coefficient in zig-zag order (figure A.6).
// DQT segments and entropy-coded data list coefficients in zig-zag order; blocks are stored row-major.
constexpr std::uint8_t kNatural[64] = {
    0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,  12, 19, 26, 33, 40, 48,
    41, 34, 27, 20, 13, 6,  7,  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23,
    30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

// A quantisation table, row-major (natural order).
struct QuantTable {
    std::array<std::uint16_t, 64> q{};
    bool defined = false;
};

// A Huffman decoding table. Codes of up to kFastBits bits are found with one look-up of the next kFastBits
// bits; longer ones with the per-length code ranges of T.81 F.2.2.3 (maxcode, valoffset).
// For AC tables, fast_ac also decodes the value that follows a code when code and value fit in kFastBits bits
// together (the common short terms), so one look-up gives the run of zeros and the coefficient.
constexpr int kFastBits = 9;
struct FastAc {
    std::int16_t value = 0;    // the coefficient (RECEIVE and EXTEND already applied)
    std::uint8_t run = 0;      // zeros before it
    std::uint8_t length = 0;   // bits of code and value together; 0: not in this table
};
struct HuffmanTable {
    bool defined = false;
    std::array<std::uint16_t, 1 << kFastBits> fast{};  // (code length << 8) | symbol; 0: a longer code
    std::array<FastAc, 1 << kFastBits> fast_ac{};
    std::array<std::uint8_t, 17> count{};               // how many codes of each length
    std::array<std::int32_t, 17> maxcode{};             // largest code of each length, -1 if none
    std::array<std::int32_t, 17> valoffset{};           // symbol index = code + valoffset[length]
    std::array<std::uint8_t, 256> symbols{};
};

// Builds a table from a DHT's 16 code counts (codes of length 1..16) and n symbols. Returns "" or, for an
// impossible table, what is wrong with it. dc: a DC table, whose symbols are magnitude categories (<= 15).
std::string build_huffman(const std::uint8_t counts[16], const std::uint8_t* symbols, int n, bool dc,
                          HuffmanTable& table);

// The typical tables of T.81 Annex K.3 (id 0: luminance, 1: chrominance), which Motion-JPEG frames leave out
// of the file and decoders assume, as libjpeg does.
HuffmanTable standard_huffman(bool dc, int id);

// How the components' samples become pixels (libjpeg's rules, from the JFIF / Adobe markers, see io/jpeg.cpp).
enum class ColorSpace { gray, ycbcr, rgb, cmyk, ycck };

struct Component {
    int id = 0, h = 1, v = 1, tq = 0;  // identifier, sampling factors, quantisation table (SOF)
    int width = 0, height = 0;         // its samples: ceil(X * h / hmax) x ceil(Y * v / vmax)
    int blocks_w = 0, blocks_h = 0;    // the blocks a scan of this component alone codes: ceil(width / 8) ...
    int padded_w = 0, padded_h = 0;    // the blocks an interleaved scan codes (whole MCUs): mcus_x * h ...
    bool seen = false;                 // has been in a scan; its quantisation table was copied then
    QuantTable quant;                  // latched at its first scan, as libjpeg does
    std::vector<std::int16_t> coefs;   // buffered frames only: padded_w * padded_h blocks of 64, row-major
    // The samples after the IDCT, (padded_w * 8) wide. Only three MCU rows are kept, in a ring: the one being
    // turned into pixels and its neighbours above and below, which upsampling reads.
    std::vector<std::uint8_t> plane;
    int ring_rows = 0;  // 3 * 8 * v, or fewer when the picture has fewer

    std::size_t stride() const { return std::size_t(padded_w) * 8; }
    std::uint8_t* row(int y) { return plane.data() + std::size_t(y % ring_rows) * stride(); }
    const std::uint8_t* row(int y) const { return plane.data() + std::size_t(y % ring_rows) * stride(); }
};

struct Frame {
    bool progressive = false;
    bool buffered = false;      // coefficients kept until EOI (progressive, or one component per scan)
    int width = 0, height = 0;  // X, Y
    int hmax = 1, vmax = 1;     // the largest sampling factors
    int mcus_x = 0, mcus_y = 0; // MCUs of an interleaved scan: ceil(X / (8 hmax)) x ceil(Y / (8 vmax))
    std::vector<Component> components;
};

// A scan header (SOS, B.2.3): which components (indexes into Frame::components) with which tables, the
// spectral selection Ss..Se and the successive approximation bits Ah, Al.
struct ScanComponent {
    int index = 0, dc_table = 0, ac_table = 0;
};
struct Scan {
    std::vector<ScanComponent> components;
    int ss = 0, se = 63, ah = 0, al = 0;
    int number = 0;  // 1 for the file's first scan, for messages
};

// The tables and the restart interval in force when a scan starts.
struct Tables {
    std::array<QuantTable, 4> quant;
    std::array<HuffmanTable, 4> dc, ac;
    int restart_interval = 0;
};

// Decodes one scan whose entropy-coded data starts at data[at] (just after the SOS segment). In a buffered
// frame the blocks' coefficients are kept (progressive scans refine them); otherwise each block is
// inverse-transformed into its plane at once, and mcu_row_done(r) is called when MCU row r is complete.
// Returns the offset of the marker that follows the scan (size if none).
std::size_t decode_scan(const std::uint8_t* data, std::size_t size, std::size_t at, Frame& frame, const Scan& scan,
                        const Tables& tables, const std::string& context,
                        const std::function<void(int)>& mcu_row_done);

// Buffered frames, once every scan is read: inverse-transforms MCU row r of every component into its plane.
void transform_mcu_row(Frame& frame, int r);

// Fancy upsampling by 2 horizontally of n > 2 samples (out: 2n), with or without vertical interpolation
// (h2v2: from the nearer and the farther row; sums: n + 1 values of scratch). The plain versions are the
// references the vectorised ones (eight samples at a time) are tested against.
void upsample_h2v1(const std::uint8_t* in, int n, std::uint8_t* out);
void upsample_h2v1_scalar(const std::uint8_t* in, int n, std::uint8_t* out);
void upsample_h2v2(const std::uint8_t* nearer, const std::uint8_t* farther, int n, std::int16_t* sums,
                   std::uint8_t* out);
void upsample_h2v2_scalar(const std::uint8_t* nearer, const std::uint8_t* farther, int n, std::int16_t* sums,
                          std::uint8_t* out);

// YCbCr to RGB for n pixels (out: 3n bytes, R G B interleaved), with libjpeg's fixed-point arithmetic (see
// io/jpeg_color.cpp); ycc_to_rgb works eight pixels at a time, ycc_to_rgb_scalar is its plain reference.
void ycc_to_rgb(const std::uint8_t* y, const std::uint8_t* cb, const std::uint8_t* cr, int n, std::uint8_t* out);
void ycc_to_rgb_scalar(const std::uint8_t* y, const std::uint8_t* cb, const std::uint8_t* cr, int n,
                       std::uint8_t* out);

// Turns the planes into the picture, MCU row by MCU row, in Pillow's mode: "L" (gray), "RGB" (YCbCr or RGB)
// or "CMYK" (CMYK or YCCK, stored inverted as Pillow stores it), upsampling subsampled components
// (see io/jpeg_color.cpp). write(r) needs MCU rows r - 1, r and r + 1 in the planes' rings.
class PixelWriter {
public:
    PixelWriter(const Frame& frame, ColorSpace space);
    void write(int mcu_row);
    RawImage take() { return std::move(image_); }
    // Row y (0 .. the picture's height - 1) of component i at the picture's size: the component's own row, or
    // that row upsampled into a buffer of this writer's, valid until the next call for the same component.
    // Needs the component's rows y / 2 - 1 .. y / 2 + 1 (or y) in its plane's ring.
    const std::uint8_t* upsampled_row(int i, int y);

private:
    const Frame& frame_;
    ColorSpace space_;
    RawImage image_;
    std::vector<std::vector<std::uint8_t>> rows_;  // one upsampled row per component
    std::vector<std::int16_t> sums_;               // h2v2 upsampling's column sums
};

}  // namespace dnn::io::jpeg
