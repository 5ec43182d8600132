// tutorials/10_own_image.cpp - 10. Test with your own image: from a JPEG file to the network's 12288 numbers.
//
//   build/tutorials/10_own_image [--quick] [--generated] [picture.jpg]
//
// The picture: the one named, else the course's ../shared/images/my_image.jpg when it is there (it is read from
// there, never copied), else a generated picture (tutorials/generated_picture.hpp, written to
// out/tutorial/generated_picture.jpg); --generated takes that one whatever is there. Without --quick, and with the
// course files, it also trains make demo's network (2500 iterations, about half a minute) and asks it about the
// picture.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/application.hpp"
#include "app/own_image.hpp"
#include "io/image.hpp"
#include "io/jpeg.hpp"
#include "tutorials/generated_picture.hpp"
#include "tutorials/tutorial.hpp"

using namespace dnn;
using namespace tutorial;

namespace {

constexpr const char* kCourseImage = "../shared/images/my_image.jpg";
constexpr const char* kGeneratedPath = "out/tutorial/generated_picture.jpg";
constexpr const char* kSource = "tutorials/10_own_image.cpp";

struct Options {
    bool quick = false, generated = false;
    std::string path;  // a picture named on the command line
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--quick") o.quick = true;
        else if (a == "--generated") o.generated = true;
        else o.path = a;
    }
    return o;
}

// The generated picture as a file, so that it is read like any other (and can be looked at): written under a
// temporary name and renamed, so two runs at once never see half a file.
std::string write_generated_picture() {
    std::filesystem::create_directories("out/tutorial");
    const std::string tmp = std::string(kGeneratedPath) + "." + std::to_string(std::random_device{}()) + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out.write(reinterpret_cast<const char*>(kGeneratedJpeg), sizeof kGeneratedJpeg);
    }
    std::filesystem::rename(tmp, kGeneratedPath);
    return kGeneratedPath;
}

// The picture's path: the one named, else the course's when it is there, else the generated one.
std::string choose_picture(const Options& o) {
    std::error_code ec;
    if (o.generated) return write_generated_picture();
    if (!o.path.empty()) return o.path;
    if (std::filesystem::is_regular_file(kCourseImage, ec)) return kCourseImage;
    return write_generated_picture();
}

std::vector<std::uint8_t> read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string fmt(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

std::string str(int v) { return std::to_string(v); }

// An 8 x 8 block of numbers, one row per line, indented.
template <typename T>
void print_block(const std::string& caption, const T& values) {
    std::cout << "  " << caption << "\n";
    for (int r = 0; r < 8; ++r) {
        std::cout << "   ";
        for (int c = 0; c < 8; ++c) std::cout << fmt("%6.0f", double(values[r * 8 + c]));
        std::cout << "\n";
    }
    std::cout << "\n";
}

// ---- what the network sees ---------------------------------------------------------------------------------

// The notebook's column by hand: number (row * 64 + column) * 3 + channel is that byte of the 64 x 64 picture / 255.
bool column_by_hand(const Matrix& x, const io::Image& small) {
    if (x.shape() != Shape{12288, 1}) return false;
    for (int row = 0; row < 64; ++row)
        for (int col = 0; col < 64; ++col)
            for (int ch = 0; ch < 3; ++ch)
                if (x((row * 64 + col) * 3 + ch, 0) != small.rgb[(std::size_t(row) * 64 + col) * 3 + ch] / 255.)
                    return false;
    return true;
}

// ---- step 1: Huffman decoding ------------------------------------------------------------------------------

// The zig-zag order of T.81 figure A.6: the k-th coefficient of a block's code is at position zigzag[k] of the
// row-major block. It walks the anti-diagonals row + column = s, up and to the right when s is even, down and to
// the left when s is odd, so low frequencies come first and the (usually zero) high ones last.
std::array<int, 64> zigzag_order() {
    std::array<int, 64> order{};
    int k = 0;
    for (int s = 0; s < 15; ++s) {
        if (s % 2 == 0)
            for (int row = std::min(s, 7); row >= std::max(0, s - 7); --row) order[k++] = row * 8 + (s - row);
        else
            for (int row = std::max(0, s - 7); row <= std::min(s, 7); ++row) order[k++] = row * 8 + (s - row);
    }
    return order;
}

// The bits of the entropy-coded data from `at`: a 0xFF data byte is followed by a stuffed 0x00 that is not data.
class Bits {
public:
    Bits(const std::vector<std::uint8_t>& file, std::size_t at) : file_(file), at_(at) {}
    int next() {
        if (left_ == 0) {
            byte_ = at_ < file_.size() ? file_[at_++] : 0;
            if (byte_ == 0xFF && at_ < file_.size() && file_[at_] == 0x00) ++at_;  // stuffing
            left_ = 8;
        }
        --left_;
        return (byte_ >> left_) & 1;
    }
    std::string take(int n, int& value) {  // n bits as text, and as a number
        std::string text;
        value = 0;
        for (int i = 0; i < n; ++i) {
            const int b = next();
            value = value * 2 + b;
            text += char('0' + b);
        }
        return text;
    }

private:
    const std::vector<std::uint8_t>& file_;
    std::size_t at_;
    int byte_ = 0, left_ = 0;
};

// Reads one Huffman code bit by bit until the bits read so far are a code of the table; returns its symbol.
int read_code(Bits& bits, const std::vector<io::JpegHuffmanCode>& codes, std::string& text) {
    std::uint32_t value = 0;
    text.clear();
    for (int length = 1; length <= 16; ++length) {
        const int b = bits.next();
        value = value * 2 + std::uint32_t(b);
        text += char('0' + b);
        for (const io::JpegHuffmanCode& c : codes)
            if (c.length == length && c.code == value) return c.symbol;
    }
    return -1;  // not a code of this table
}

// "0 zeros," "1 zero," ...: how many zero terms come before a code's term.
std::string zeros(int run) { return std::to_string(run) + (run == 1 ? " zero," : " zeros,"); }

// A value of magnitude category s sent as s bits: 0xxx.. is negative (T.81 F.2.2.1, EXTEND).
int extend(int v, int s) { return s == 0 ? 0 : v < (1 << (s - 1)) ? v - (1 << s) + 1 : v; }

// The first block of the scan, decoded by hand from the bits, printing each code; false if a code is not found.
bool walk_first_block(Bits& bits, const io::JpegComponentSteps& Y, std::array<int, 64>& block) {
    const std::array<int, 64> zz = zigzag_order();
    std::string text;
    int value = 0;
    const int s = read_code(bits, Y.dc_codes, text);
    if (s < 0) return false;
    const std::string extra = bits.take(s, value);
    block[0] = extend(value, s);  // the first block: the previous DC is 0
    std::printf("  %-17s DC: category %d, then %-11s -> difference %+d, so DC = %d\n", text.c_str(), s,
                (extra.empty() ? "no bits" : extra).c_str(), block[0], block[0]);
    for (int k = 1; k < 64;) {
        const int rs = read_code(bits, Y.ac_codes, text);
        if (rs < 0) return false;
        const int run = rs >> 4, size = rs & 15;
        if (size == 0 && run != 15) {
            std::printf("  %-17s EOB: the remaining %d terms are 0\n", text.c_str(), 64 - k);
            break;
        }
        if (size == 0) {
            std::printf("  %-17s ZRL: 16 zeros\n", text.c_str());
            k += 16;
            continue;
        }
        k += run;
        if (k > 63) return false;
        const std::string bits_text = bits.take(size, value);
        block[zz[k]] = extend(value, size);
        std::printf("  %-17s AC: %-8s size %d, then %-11s -> term %d (row %d, column %d) = %d\n", text.c_str(),
                    zeros(run).c_str(), size, bits_text.c_str(), k, zz[k] / 8, zz[k] % 8, block[zz[k]]);
        ++k;
    }
    std::cout << "\n";
    return true;
}

// The block of a component with the most nonzero coefficients (the most detail), among the picture's own blocks.
int most_detailed_block(const io::JpegComponentSteps& c, int& nonzero) {
    int best = 0;
    nonzero = -1;
    for (int by = 0; by * 8 < c.height; ++by)
        for (int bx = 0; bx * 8 < c.width; ++bx) {
            const int b = by * c.blocks_w + bx;
            const auto first = c.coefficients.begin() + std::ptrdiff_t(b) * 64;
            const int n = int(std::count_if(first, first + 64, [](std::int16_t v) { return v != 0; }));
            if (n > nonzero) {
                nonzero = n;
                best = b;
            }
        }
    return best;
}

// The Huffman code of `symbol` in a table, as text ("" if the table has none).
std::string code_of(const std::vector<io::JpegHuffmanCode>& codes, int symbol) {
    for (const io::JpegHuffmanCode& c : codes)
        if (c.symbol == symbol) {
            std::string text;
            for (int i = c.length - 1; i >= 0; --i) text += char('0' + ((c.code >> i) & 1));
            return text;
        }
    return "";
}

// A block's 63 AC terms written as the encoder writes them, with the file's AC table: in zig-zag order, each
// nonzero term as the code of (zeros before it, its size) then its size bits (a negative v is sent as
// v - 1 in size bits), ZRL for 16 zeros, EOB after the last nonzero term. Prints the first lines.
std::string encode_ac(const std::int16_t* block, const std::vector<io::JpegHuffmanCode>& ac_codes) {
    const std::array<int, 64> zz = zigzag_order();
    int last = 0;
    for (int k = 1; k < 64; ++k)
        if (block[zz[k]] != 0) last = k;
    std::string bits;
    int run = 0, lines = 0;
    for (int k = 1; k <= last; ++k) {
        const int v = block[zz[k]];
        if (v == 0) {
            ++run;
            continue;
        }
        for (; run >= 16; run -= 16) {
            bits += code_of(ac_codes, 0xF0);
            if (lines++ < 8) std::printf("  %-17s ZRL: 16 zeros\n", code_of(ac_codes, 0xF0).c_str());
        }
        int size = 0;
        for (int a = std::abs(v); a; a >>= 1) ++size;
        const int sent = v < 0 ? v + (1 << size) - 1 : v;
        std::string extra;
        for (int i = size - 1; i >= 0; --i) extra += char('0' + ((sent >> i) & 1));
        const std::string code = code_of(ac_codes, run << 4 | size);
        bits += code + extra;
        if (lines++ < 8)
            std::printf("  %-17s AC: %-8s size %d, then %-11s -> term %d (row %d, column %d) = %d\n", code.c_str(),
                        zeros(run).c_str(), size, extra.c_str(), k, zz[k] / 8, zz[k] % 8, v);
        run = 0;
    }
    if (lines > 8) std::printf("  ... %d more codes\n", lines - 8);
    if (last < 63) {
        bits += code_of(ac_codes, 0x00);
        std::printf("  %-17s EOB\n", code_of(ac_codes, 0x00).c_str());
    }
    std::cout << "\n";
    return bits;
}

// The scan's bits from `at` to the end of the file, as text, the stuffed 0x00 after each 0xFF left out.
std::string scan_bits(const std::vector<std::uint8_t>& file, std::size_t at) {
    std::string bits;
    for (std::size_t i = at; i < file.size(); ++i) {
        for (int b = 7; b >= 0; --b) bits += char('0' + ((file[i] >> b) & 1));
        if (file[i] == 0xFF && i + 1 < file.size() && file[i + 1] == 0x00) ++i;
    }
    return bits;
}

// ---- step 3: the inverse DCT -------------------------------------------------------------------------------

// The inverse DCT of T.81 A.3.3 in double precision, rounded to the nearest integer and clamped to 0..255.
int idct_formula(const std::array<int, 64>& F, int x, int y) {
    double f = 0;
    for (int v = 0; v < 8; ++v)
        for (int u = 0; u < 8; ++u)
            f += (u ? 1 : M_SQRT1_2) * (v ? 1 : M_SQRT1_2) * F[v * 8 + u] * std::cos((2 * x + 1) * u * M_PI / 16) *
                 std::cos((2 * y + 1) * v * M_PI / 16);
    return std::clamp(int(std::lround(f / 4 + 128)), 0, 255);
}

// Every block of every component through io::jpeg_idct_block, against the decoder's samples; counts the blocks.
bool every_block_idct(const io::JpegSteps& steps, long& blocks) {
    blocks = 0;
    for (const io::JpegComponentSteps& c : steps.components)
        for (int by = 0; by < c.blocks_h; ++by)
            for (int bx = 0; bx < c.blocks_w; ++bx, ++blocks) {
                const std::int16_t* block = c.coefficients.data() + (std::size_t(by) * c.blocks_w + bx) * 64;
                const std::array<std::uint8_t, 64> s = io::jpeg_idct_block(block, c.quant);
                for (int r = 0; r < 8; ++r)
                    for (int col = 0; col < 8; ++col)
                        if (s[r * 8 + col] != c.samples[(std::size_t(by) * 8 + r) * c.blocks_w * 8 + bx * 8 + col])
                            return false;
            }
    return true;
}

// ---- step 4: upsampling ------------------------------------------------------------------------------------

// A 4:2:0 chroma plane brought to width x height by hand, as libjpeg's "fancy" upsampling does: for output pixel
// (x, y), the nearer sample row is y / 2 and the farther one the row above (y even) or below (y odd); each column
// sums c = 3 * nearer + farther; then out = (3 * c[nearer column] + c[farther column] + 8 or 7) >> 4, the farther
// column being the one to the left (x even, + 8) or to the right (x odd, + 7). At the edges the farther row or
// column is the edge one itself.
std::vector<std::uint8_t> upsample_by_hand(const io::JpegComponentSteps& C, int width, int height) {
    const std::size_t stride = std::size_t(C.blocks_w) * 8;
    auto sample = [&](int col, int row) {
        return int(C.samples[std::size_t(std::clamp(row, 0, C.height - 1)) * stride + std::clamp(col, 0, C.width - 1)]);
    };
    std::vector<std::uint8_t> out(std::size_t(width) * height);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const int row = y / 2, farther_row = y % 2 == 0 ? row - 1 : row + 1;
            const int col = x / 2, farther_col = x % 2 == 0 ? col - 1 : col + 1;
            const int c_near = 3 * sample(col, row) + sample(col, farther_row);
            const int c_far = 3 * sample(farther_col, row) + sample(farther_col, farther_row);
            out[std::size_t(y) * width + x] = std::uint8_t((3 * c_near + c_far + (x % 2 == 0 ? 8 : 7)) >> 4);
        }
    return out;
}

// ---- resizing ----------------------------------------------------------------------------------------------

// NEAREST by hand: output pixel (x, y) is input pixel (trunc((x + 0.5) * scale_x), trunc((y + 0.5) * scale_y)).
bool nearest_by_hand(const io::Image& in, const io::Image& out) {
    const double sx = double(in.width) / out.width, sy = double(in.height) / out.height;
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const int src_x = int((x + 0.5) * sx), src_y = int((y + 0.5) * sy);
            for (int c = 0; c < 3; ++c)
                if (out.rgb[(std::size_t(y) * out.width + x) * 3 + c] !=
                    in.rgb[(std::size_t(src_y) * in.width + src_x) * 3 + c])
                    return false;
        }
    return true;
}

// Pillow's bicubic filter (a = -0.5), a function of the distance x.
double bicubic(double x) {
    const double a = -0.5;
    x = std::fabs(x);
    if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
    if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
    return 0;
}

// The weights of output index i of a resize from in_size to out_size: the filter widened by the scale when
// shrinking, centred on (i + 0.5) * scale, normalised to sum 1; the taps are [first, first + weights.size()).
std::vector<double> bicubic_weights(int in_size, int out_size, int i, int& first) {
    const double scale = double(in_size) / out_size, filterscale = std::max(scale, 1.0);
    const double support = 2 * filterscale, center = (i + 0.5) * scale;
    first = std::max(int(center - support + 0.5), 0);
    const int last = std::min(int(center + support + 0.5), in_size);
    std::vector<double> w;
    double sum = 0;
    for (int k = first; k < last; ++k) {
        w.push_back(bicubic((k - center + 0.5) / filterscale));
        sum += w.back();
    }
    for (double& v : w) v /= sum;
    return w;
}

// BICUBIC to 64 x 64 in double precision: rows first, then columns, rounded once at the end.
std::vector<int> bicubic_by_formula(const io::Image& in) {
    std::vector<std::vector<double>> wx(64), wy(64);
    std::vector<int> fx(64), fy(64);
    for (int i = 0; i < 64; ++i) {
        wx[i] = bicubic_weights(in.width, 64, i, fx[i]);
        wy[i] = bicubic_weights(in.height, 64, i, fy[i]);
    }
    std::vector<double> rows(std::size_t(in.height) * 64 * 3);  // each input row resized to 64 wide
    for (int r = 0; r < in.height; ++r)
        for (int i = 0; i < 64; ++i)
            for (int c = 0; c < 3; ++c) {
                double v = 0;
                for (std::size_t k = 0; k < wx[i].size(); ++k)
                    v += wx[i][k] * in.rgb[(std::size_t(r) * in.width + fx[i] + k) * 3 + c];
                rows[(std::size_t(r) * 64 + i) * 3 + c] = v;
            }
    std::vector<int> out(64 * 64 * 3);
    for (int j = 0; j < 64; ++j)
        for (int i = 0; i < 64; ++i)
            for (int c = 0; c < 3; ++c) {
                double v = 0;
                for (std::size_t k = 0; k < wy[j].size(); ++k) v += wy[j][k] * rows[((fy[j] + k) * 64 + i) * 3 + c];
                out[(std::size_t(j) * 64 + i) * 3 + c] = std::clamp(int(std::lround(v)), 0, 255);
            }
    return out;
}

long bytes_differing(const io::Image& a, const io::Image& b) {
    long n = 0;
    for (std::size_t k = 0; k < a.rgb.size() && k < b.rgb.size(); ++k) n += a.rgb[k] != b.rgb[k];
    return n;
}

// ---- the JPEG steps, on the picture's bytes --------------------------------------------------------------------

void step1_huffman(const std::vector<std::uint8_t>& bytes, const io::JpegSteps& steps) {
    section("Step 1: Huffman decoding", "1단계: 허프만 디코딩");
    explain("The scan is one long string of bits. Each block starts with a code for its DC term (the block's "
            "average): the code says how many bits follow (the category), and those bits give the difference from "
            "the previous block's DC. Then come codes for the 63 AC terms in zig-zag order, low frequencies first: "
            "each says how many zeros come first (run) and how many bits the value takes (size); EOB ends the "
            "block when only zeros are left. The codes are the file's own (its DHT segments): frequent symbols get "
            "short codes.",
            "스캔은 하나의 긴 비트열입니다. 블록마다 먼저 DC 항(블록의 평균)의 부호가 옵니다. 이 부호는 뒤에 몇 "
            "비트가 따라오는지(범주)를 알려 주고, 그 비트들이 앞 블록의 DC와의 차이입니다. 이어서 AC 항 63개의 "
            "부호가 지그재그 순서로, 낮은 주파수부터 옵니다. 부호마다 앞에 0이 몇 개 있는지(run)와 값이 몇 "
            "비트인지(size)를 알려 주고, 남은 항이 모두 0이면 EOB 부호로 블록이 끝납니다. 부호표는 파일 안(DHT "
            "세그먼트)에 들어 있고, 자주 나오는 심볼일수록 짧은 부호를 받습니다.");
    if (steps.progressive) {
        explain("This file is progressive: it sends every block's coefficients in several passes (first the DC "
                "terms of all blocks, then the low frequencies, ...), so its first bits are not one whole block. "
                "The walk through the bits needs a baseline file; the coefficients are the same either way.",
                "이 파일은 프로그레시브 방식이라 모든 블록의 계수를 여러 번에 나눠 보냅니다(먼저 모든 블록의 DC, "
                "그다음 낮은 주파수, ...). 그래서 처음 나오는 비트들이 블록 하나가 아닙니다. 비트를 하나씩 따라가 "
                "보는 것은 베이스라인 파일에서만 할 수 있습니다. 계수 자체는 어느 방식이든 같습니다.");
        return;
    }
    const io::JpegComponentSteps& Y = steps.components[0];
    std::cout << "  The first block's bits, from byte " << steps.scan_data << " of the file:\n\n";
    code();
    Bits bits(bytes, steps.scan_data);  // the scan's first bit
    std::array<int, 64> block{};  // not shown: filled by the walk below
    code();
    const bool read = walk_first_block(bits, Y, block);
    bool same_block = read;  // not shown: compared below
    for (int n = 0; n < 64 && same_block; ++n) same_block = block[n] == Y.coefficients[n];
    check_that("these bits, read by hand with the file's own codes, give the decoder's 64 coefficients of the "
               "first block (inspect_jpeg's)",
               "파일의 부호표로 이 비트들을 직접 읽으면 디코더(inspect_jpeg)가 얻은 첫 블록의 계수 64개와 같습니다",
               same_block);

    int nonzero = 0;  // not shown: how many of its terms are not zero
    const int best = most_detailed_block(Y, nonzero);  // not shown: the block steps 2 and 3 show
    const int bx = best % Y.blocks_w, by = best / Y.blocks_w;  // not shown: for the text
    explain("The first block is the picture's top-left corner, often plain. The other way round now: the "
            "brightness block with the most detail (at pixels (" + str(bx * 8) + ", " + str(by * 8) + "); steps 2 "
            "and 3 show it whole), its AC terms written as the encoder writes them, with the file's table:",
            "첫 블록은 이미지의 왼쪽 위 모서리라서 밋밋한 경우가 많습니다. 이번에는 거꾸로 해 봅니다. 밝기 블록 중 "
            "세부가 가장 많은 블록(픽셀 (" + str(bx * 8) + ", " + str(by * 8) + "). 2, 3단계에서 전체를 봅니다)의 "
            "AC 항을 인코더처럼 파일의 부호표로 써 보면 다음과 같습니다:");
    code();
    const std::string ac = encode_ac(Y.coefficients.data() + std::size_t(best) * 64, Y.ac_codes);
    code();
    const std::size_t found = scan_bits(bytes, steps.scan_data).find(ac);
    check_that("these " + std::to_string(ac.size()) + " bits, written by hand from the decoder's coefficients, are in "
                   "the file's scan" + (found == std::string::npos ? "" : " (from its bit " + std::to_string(found) + ")"),
               "디코더의 계수로 직접 쓴 이 " + std::to_string(ac.size()) + "비트가 파일의 스캔 안에 그대로 있습니다" +
                   (found == std::string::npos ? "" : "(스캔의 " + std::to_string(found) + "번째 비트부터)"),
               found != std::string::npos);
}

void steps2_3_dequantise_idct(const io::JpegSteps& steps) {
    const io::JpegComponentSteps& Y = steps.components[0];
    int nonzero = 0;
    const int best = most_detailed_block(Y, nonzero);
    const int bx = best % Y.blocks_w, by = best / Y.blocks_w;
    const std::int16_t* coefficients = Y.coefficients.data() + std::size_t(best) * 64;

    section("Step 2: dequantisation", "2단계: 역양자화");
    explain("The encoder divided each frequency by its entry of the quantisation table and rounded; the decoder "
            "multiplies back. What was rounded away is lost for good: the larger the entry (the higher the "
            "frequency, or the lower the quality), the coarser the steps. Here is the brightness block with the "
            "most detail, at pixels (" + str(bx * 8) + ", " + str(by * 8) + "): " + str(nonzero) +
                " of its 64 terms are not zero.",
            "인코더는 주파수마다 양자화 테이블의 값으로 나누고 반올림했습니다. 디코더는 다시 곱합니다. 반올림으로 "
            "버려진 부분은 되찾을 수 없습니다. 테이블 값이 클수록(주파수가 높을수록, 품질이 낮을수록) 되살아나는 "
            "값의 간격이 넓어져 거칠어집니다. 아래는 밝기 블록 중 세부가 가장 많은 블록으로, 픽셀 (" + str(bx * 8) + ", " +
                str(by * 8) + ")에 있으며 64개 항 중 " + str(nonzero) + "개가 0이 아닙니다.");
    print_block("quantised coefficients (top left is DC; to the right, higher horizontal frequencies; down, higher "
                "vertical ones)",
                coefficients);
    print_block("quantisation table", Y.quant);
    std::array<int, 64> dequantised{};  // not shown: filled by the next line
    code();
    for (int n = 0; n < 64; ++n) dequantised[n] = coefficients[n] * Y.quant[n];
    print_block("dequantised", dequantised);

    section("Step 3: the inverse DCT", "3단계: 역 DCT");
    explain("Each of the 64 frequencies is a cosine pattern over the 8 x 8 block, and the samples are their sum: "
            "f(x, y) = 1/4 sum_u sum_v C(u) C(v) F(v, u) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16) + 128, "
            "with C(0) = 1 / sqrt(2), else 1. Decoders compute it with integers (libjpeg's \"islow\", which Pillow "
            "uses), and so does the library, to get Pillow's bytes exactly.",
            "64개의 주파수는 각각 8 x 8 블록 위의 코사인 무늬이고, 샘플은 그 무늬들의 합입니다: "
            "f(x, y) = 1/4 sum_u sum_v C(u) C(v) F(v, u) cos((2x + 1) u pi / 16) cos((2y + 1) v pi / 16) + 128. "
            "여기서 C(0) = 1 / sqrt(2)이고 나머지는 1입니다. 디코더는 이 계산을 정수로 하고(Pillow가 쓰는 libjpeg의 "
            "\"islow\"), 이 라이브러리도 Pillow와 바이트까지 같도록 똑같이 계산합니다.");
    code();
    const std::array<std::uint8_t, 64> samples = io::jpeg_idct_block(coefficients, Y.quant);
    print_block("samples: the brightness Y of these 64 pixels", samples);
    explain("The formula in double precision, rounded (a function of this tutorial):",
            "같은 식을 double 정밀도로 계산해 반올림하는 함수(이 튜토리얼의 함수):");
    listing(kSource, "int idct_formula(const std::array<int, 64>& F, int x, int y) {", "}");
    int equal = 0, worst = 0;  // not shown: counted below
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            const int d = std::abs(idct_formula(dequantised, x, y) - samples[y * 8 + x]);
            equal += d == 0;
            worst = std::max(worst, d);
        }
    check_that("the formula in double precision, rounded, is within 1 of the integer IDCT at each of the 64 samples (" +
                   str(equal) + " of 64 exactly equal: the integer IDCT rounds its cosines to 13 bits)",
               "double 정밀도로 계산해 반올림한 식의 결과가 64개 샘플 모두에서 정수 IDCT와 1 이내로 같습니다(64개 중 " +
                   str(equal) + "개는 정확히 같음. 정수 IDCT는 코사인 값을 13비트로 반올림해 씁니다)",
               worst <= 1);
    long blocks = 0;  // not shown: counted by every_block_idct
    code();
    const bool all_blocks = every_block_idct(steps, blocks);
    check_that("io::jpeg_idct_block gives the decoder's samples for every one of the " + std::to_string(blocks) +
                   " blocks of Y, Cb and Cr",
               "io::jpeg_idct_block의 결과가 Y, Cb, Cr의 블록 " + std::to_string(blocks) +
                   "개 모두에서 디코더의 샘플과 같습니다",
               all_blocks);
}

void step4_upsampling(const io::JpegSteps& steps) {
    section("Step 4: upsampling", "4단계: 업샘플링");
    if (steps.components.size() < 3 || steps.color_space != "YCbCr") {
        explain("This picture is " + steps.color_space + ": there are no colour differences to bring to full size.",
                "이 이미지는 " + steps.color_space + "라서 크기를 늘릴 색차 성분이 없습니다.");
        return;
    }
    const io::JpegComponentSteps& Cb = steps.components[1];
    const io::JpegComponentSteps& Cr = steps.components[2];
    const int hmax = steps.components[0].h, vmax = steps.components[0].v;
    if (!(Cb.h * 2 == hmax && Cb.v * 2 == vmax && Cr.h == Cb.h && Cr.v == Cb.v && Cb.width > 2)) {
        explain("This picture's colour is sampled " + str(Cb.h) + "x" + str(Cb.v) + " against " + str(hmax) + "x" +
                    str(vmax) + ", not 4:2:0: the walk below is for 4:2:0 pictures, what cameras write.",
                "이 이미지의 색은 " + str(hmax) + "x" + str(vmax) + "에 대해 " + str(Cb.h) + "x" + str(Cb.v) +
                    "로 샘플링되어 4:2:0이 아닙니다. 아래 과정은 카메라가 주로 쓰는 4:2:0 이미지용입니다.");
        return;
    }
    explain("Cb and Cr have one sample for each 2 x 2 pixels. The decoder does not just repeat it: each pixel takes "
            "3/4 of the nearer sample and 1/4 of the farther one, down and across (\"fancy upsampling\"). First each "
            "column's sum c = 3 * nearer row + farther row, then out = (3 * c[nearer column] + c[farther column] + 8) "
            ">> 4 (+ 7 for odd columns: libjpeg's rounding). By hand, for the whole picture:",
            "Cb와 Cr은 2 x 2 픽셀마다 샘플이 하나뿐입니다. 디코더는 이 샘플을 그냥 반복하지 않고, 세로와 가로로 "
            "가까운 샘플의 3/4과 먼 샘플의 1/4을 섞습니다(\"fancy upsampling\"). 먼저 열마다 c = 3 * 가까운 행 + "
            "먼 행을 구하고, out = (3 * c[가까운 열] + c[먼 열] + 8) >> 4로 계산합니다(홀수 열은 + 7: libjpeg의 "
            "반올림 방식). 이미지 전체를 직접 계산하는 함수:");
    listing(kSource, "std::vector<std::uint8_t> upsample_by_hand(const io::JpegComponentSteps& C, int width, int height) {",
            "}");
    const int cx = std::clamp(Cb.width / 2, 1, Cb.width - 2), cy = std::clamp(Cb.height / 2, 1, Cb.height - 2);
    const std::size_t stride = std::size_t(Cb.blocks_w) * 8;
    std::cout << "  Cb at half size, columns " << cx - 1 << ".." << cx + 1 << ", rows " << cy - 1 << ".." << cy + 1
              << "        upsampled: pixels x = " << 2 * cx - 2 << ".." << 2 * cx + 3 << ", y = " << 2 * cy - 2 << ".."
              << 2 * cy + 3 << "\n";
    for (int r = 0; r < 6; ++r) {
        std::cout << "   ";
        for (int c = -1; c <= 1; ++c)
            std::cout << (r % 2 == 0 ? fmt("%5.0f", Cb.samples[std::size_t(cy - 1 + r / 2) * stride + cx + c]) : "     ");
        std::cout << "          ";
        for (int c = 0; c < 6; ++c)
            std::cout << fmt("%5.0f", Cb.upsampled[std::size_t(2 * cy - 2 + r) * steps.width + 2 * cx - 2 + c]);
        std::cout << "\n";
    }
    std::cout << "\n";
    code();
    const std::vector<std::uint8_t> cb = upsample_by_hand(Cb, steps.width, steps.height);
    code();
    const std::vector<std::uint8_t> cr = upsample_by_hand(Cr, steps.width, steps.height);
    check_that("by hand, Cb and Cr at full size are the decoder's, at every one of the " +
                   std::to_string(cb.size()) + " pixels",
               "직접 계산한 Cb와 Cr이 픽셀 " + std::to_string(cb.size()) + "개 모두에서 디코더의 값과 같습니다",
               cb == Cb.upsampled && cr == Cr.upsampled);
}

void step5_colour(const io::JpegSteps& steps, const io::ImageFile& file) {
    section("Step 5: colour", "5단계: 색 변환");
    if (steps.color_space != "YCbCr") {
        explain("This picture is " + steps.color_space + ": read_image converts it as Pillow's .convert(\"RGB\") does.",
                "이 이미지는 " + steps.color_space + "입니다. read_image가 Pillow의 .convert(\"RGB\")처럼 변환합니다.");
    } else {
        explain("Last, each pixel's Y, Cb, Cr become R, G, B (JFIF's formulas): R = Y + 1.402 (Cr - 128), "
                "G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128), B = Y + 1.772 (Cb - 128), computed in 16-bit "
                "fixed point and clamped to 0..255.",
                "마지막으로 픽셀마다 Y, Cb, Cr을 R, G, B로 바꿉니다(JFIF의 식): R = Y + 1.402 (Cr - 128), "
                "G = Y - 0.344136 (Cb - 128) - 0.714136 (Cr - 128), B = Y + 1.772 (Cb - 128). 16비트 고정소수점으로 "
                "계산한 뒤 0..255 범위로 자릅니다.");
        const int px = steps.width / 2, py = steps.height / 2;  // not shown: the pixel in the middle
        const std::size_t at = std::size_t(py) * steps.width + px;
        const int y = steps.components[0].upsampled[at], cb = steps.components[1].upsampled[at],
                  cr = steps.components[2].upsampled[at];
        code();
        const std::array<std::uint8_t, 3> rgb = io::jpeg_ycc_to_rgb(y, cb, cr);
        std::cout << "  the pixel in the middle, (" << px << ", " << py << "): Y = " << y << ", Cb = " << cb
                  << ", Cr = " << cr << "  ->  R = " << fmt("%.2f", y + 1.402 * (cr - 128))
                  << ", G = " << fmt("%.2f", y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128))
                  << ", B = " << fmt("%.2f", y + 1.772 * (cb - 128)) << "  ->  " << int(rgb[0]) << " " << int(rgb[1])
                  << " " << int(rgb[2]) << "\n\n";
        long differ = 0;  // not shown: counted below
        for (std::size_t p = 0; p < std::size_t(steps.width) * steps.height; ++p) {
            const auto c = io::jpeg_ycc_to_rgb(steps.components[0].upsampled[p], steps.components[1].upsampled[p],
                                               steps.components[2].upsampled[p]);
            for (int k = 0; k < 3; ++k) differ += c[k] != file.image.rgb[p * 3 + k];
        }
        check_that("io::jpeg_ycc_to_rgb of the upsampled planes gives every one of open_image's " +
                       std::to_string(file.image.rgb.size()) + " bytes",
                   "업샘플링한 평면에 io::jpeg_ycc_to_rgb를 적용하면 open_image의 " +
                       std::to_string(file.image.rgb.size()) + "바이트가 모두 그대로 나옵니다",
                   differ == 0);
    }
    check_that("inspect_jpeg's pixels, the five steps' result, are open_image's, byte for byte",
               "다섯 단계의 결과인 inspect_jpeg의 픽셀이 open_image의 픽셀과 바이트까지 같습니다",
               steps.pixels.width == file.image.width && steps.pixels.height == file.image.height &&
                   (steps.pixels.mode != "RGB" || steps.pixels.samples == file.image.rgb));
}

// ---- the network's answer ----------------------------------------------------------------------------------

void ask_the_network(const io::ImageFile& file, bool course_picture, bool quick) {
    section("Asking the network", "신경망에게 묻기");
    std::string dir;
    try {
        dir = app::find_course_data();  // $DNN_DATA, then datasets/
    } catch (const std::exception& e) {  // DNN_DATA names a folder without the files
        std::cout << "  " << e.what() << "\n\n";
    }
    if (quick || dir.empty()) {
        explain(std::string(quick ? "This is a shortened run (--quick): no training here. "
                                  : "The course files were not found ($DNN_DATA or datasets/): no training here. ") +
                    "The full run trains make demo's network (the L-layer model, 2500 iterations, about half a minute) "
                    "and runs the cell's last lines; on the course's picture they print Accuracy: 1.0, "
                    "y = 1.0, your L-layer model predicts a \"cat\" picture., with p = 0.97370664 (bicubic).",
                std::string(quick ? "이번 실행은 짧게 줄인 실행(--quick)이라 여기서는 학습하지 않습니다. "
                                  : "강의 파일을 찾지 못해($DNN_DATA, datasets/) 여기서는 학습하지 않습니다. ") +
                    "전체 실행은 make demo의 신경망(L층 모델, 2500번 반복, 30초 정도)을 학습한 뒤 셀의 마지막 줄들을 "
                    "실행합니다. 강의 이미지에서는 \"Accuracy: 1.0\"과 \"y = 1.0, your L-layer model predicts a "
                    "\"cat\" picture.\"가 출력되고, p = 0.97370664(bicubic)입니다.");
        return;
    }
    explain("Training make demo's network (the L-layer model, 2500 iterations, about half a minute), then the cell's "
            "last lines for this picture, with my_label_y = [1].",
            "make demo의 신경망(L층 모델, 2500번 반복, 30초 정도)을 학습한 뒤, 이 이미지에 대해 my_label_y = [1]로 셀의 "
            "마지막 줄들을 실행합니다.");
    code();
    auto [train_x_orig, train_y, test_x_orig, test_y, classes] = app::load_data(dir);
    code();
    const Matrix train_x = app::reshape(train_x_orig, 209, -1).T() / 255.;
    std::ostringstream costs;  // not shown: the "Cost after iteration" lines, not printed here
    code();
    const Parameters parameters =
        app::L_layer_model(train_x, train_y, {12288, 20, 7, 5, 1}, 0.0075, 2500, true, {&costs, false}).parameters;
    std::ostringstream printed;  // not shown: collects the cell's two lines, printed below
    code();
    const app::OwnImagePrediction r =
        app::predict_own_image(app::image_to_x(file.image, 64, io::Resample::bicubic), 1, parameters, classes, printed);
    const std::string p = fmt("%.8f", r.probability);  // not shown: the probability as make predict prints it
    std::cout << printed.str() << "p = " << p << " (bicubic)\n\n";
    if (course_picture) {
        const std::string notebook = "Accuracy: 1.0\ny = 1.0, your L-layer model predicts a \"cat\" picture.\n";
        check_that("Accuracy: 1.0 and y = 1.0, your L-layer model predicts a \"cat\" picture., with p = 0.97370664 "
                   "(bicubic), as the notebook's cell with Pillow",
                   "\"Accuracy: 1.0\"과 \"y = 1.0, your L-layer model predicts a \"cat\" picture.\"가 출력되고 "
                   "p = 0.97370664(bicubic)로, Pillow를 쓰는 노트북의 셀과 같습니다",
                   printed.str() == notebook && p == "0.97370664");
    } else {
        explain("There is no notebook value for this picture: the line above is what the network says about it.",
                "이 이미지에는 비교할 노트북의 값이 없습니다. 위의 줄이 이 이미지에 대한 신경망의 답입니다.");
    }
}

}  // namespace

int main(int argc, char** argv) {
    const Options options = parse_options(argc, argv);  // not shown: the tutorial's own options
    title("10. Test with your own image: from a JPEG file to the network's 12288 numbers",
          "10. 내 이미지로 테스트하기: JPEG 파일에서 신경망이 읽는 숫자 12288개까지");
    const std::string path = choose_picture(options);  // not shown: the course's picture, yours, or the generated one
    const bool course_picture = path == kCourseImage;  // not shown: the notebook's values are for that one only
    explain("The Application notebook ends with a cell every student tries: put a photo of your cat in images/, and "
            "the trained network says whether it sees a cat. This tutorial follows that photo from the bytes of the "
            "file to the 12288 numbers the network reads, one step at a time. The picture used here: " + path + ".",
            "응용 노트북의 마지막 셀은 누구나 한 번씩 해 봅니다. 고양이 사진을 images/에 넣으면 학습된 신경망이 "
            "고양이인지 알려 줍니다. 이 튜토리얼은 그 사진이 파일의 바이트에서 신경망이 읽는 숫자 12288개가 될 "
            "때까지를 한 단계씩 따라갑니다. 여기서 쓰는 이미지: " + path + ".");
    if (course_picture)
        explain("This is the course's own picture, my_image.jpg, read where it is (it is never copied into the "
                "project). Give a path to see the steps on your own JPEG: build/tutorials/10_own_image my_cat.jpg",
                "강의에서 제공하는 이미지 my_image.jpg를 원래 위치에서 읽습니다(프로젝트 안으로 복사하지 않습니다). "
                "경로를 주면 내 JPEG으로도 볼 수 있습니다: build/tutorials/10_own_image my_cat.jpg");
    if (path == kGeneratedPath)
        explain("This is the generated picture: a 96 x 72 landscape drawn by a formula for this tutorial and saved "
                "as a JPEG the way a camera saves one (baseline, 4:2:0), written to " + path + " so you can look at it. "
                "(Without --generated the tutorial takes the course's ../shared/images/my_image.jpg when it is there.) "
                "Give a path to see the steps on your own JPEG: build/tutorials/10_own_image my_cat.jpg",
                "이 이미지는 이 튜토리얼을 위해 수식으로 그린 96 x 72 풍경을 카메라처럼(베이스라인, 4:2:0) JPEG으로 "
                "저장한 것입니다. 직접 볼 수 있도록 " + path + "에 써 두었습니다(--generated를 주지 않으면 강의 "
                "이미지 ../shared/images/my_image.jpg가 있을 때 그것을 씁니다). 경로를 주면 내 JPEG으로도 볼 수 "
                "있습니다: build/tutorials/10_own_image my_cat.jpg");

    section("What the network sees", "신경망이 보는 것");
    explain("The network was trained on 64 x 64 RGB pictures, each flattened to one column of 64 * 64 * 3 = 12288 "
            "numbers between 0 and 1. It can read nothing else: your photo must become exactly such a column, made "
            "the same way. The notebook's cell does it in three steps: Image.open(fname).resize((64, 64)), then "
            "/ 255., then reshape((1, 64 * 64 * 3)).T.",
            "신경망은 64 x 64 RGB 이미지를 0과 1 사이의 숫자 64 * 64 * 3 = 12288개짜리 열 하나로 편 것으로 "
            "학습했습니다. 그 밖의 것은 읽을 수 없으므로, 내 사진도 똑같은 방법으로 정확히 그런 열이 되어야 합니다. "
            "노트북의 셀은 이것을 세 단계로 합니다: Image.open(fname).resize((64, 64)), / 255., "
            "reshape((1, 64 * 64 * 3)).T.");
    code();
    const io::ImageFile file = io::open_image(path);  // Image.open(fname).convert("RGB")
    std::cout << "  " << file.image.width << " x " << file.image.height << " pixels, " << file.format << ", mode "
              << file.mode << ": " << file.image.rgb.size() << " bytes of R, G, B\n\n";
    code();
    const Matrix x = app::image_to_x(file.image, 64, io::Resample::bicubic);  // resize, / 255., reshape
    std::cout << "  x.shape() = " << x.shape() << ", x[:6, 0] = "
              << to_string(Matrix{{x(0, 0), x(1, 0), x(2, 0), x(3, 0), x(4, 0), x(5, 0)}}) << "\n\n";
    explain("Row by row, pixel by pixel, R G B: number (row * 64 + column) * 3 + channel of the column is that "
            "pixel's channel divided by 255. load_data's training pictures were flattened in this very order; a "
            "column in another order (all the R values first, say) would be a different picture to the network.",
            "행마다, 픽셀마다 R G B 순서로 펴므로, 열의 (row * 64 + column) * 3 + channel번째 숫자는 그 픽셀의 그 "
            "채널 값을 255로 나눈 것입니다. load_data의 학습 이미지도 정확히 이 순서로 폈습니다. 다른 순서로(예를 "
            "들어 R 값을 모두 먼저) 편 열은 신경망에게 전혀 다른 이미지입니다.");
    code();
    const io::Image small = io::resize(file.image, 64, 64, io::Resample::bicubic);
    std::cout << "  pixel (row 0, column 0) of the 64 x 64 picture: R G B = " << int(small.rgb[0]) << " "
              << int(small.rgb[1]) << " " << int(small.rgb[2]) << ", and " << int(small.rgb[0]) << " / 255 = "
              << fmt("%.8f", small.rgb[0] / 255.) << "\n\n";
    listing(kSource, "bool column_by_hand(const Matrix& x, const io::Image& small) {", "}");
    check_that("x is (12288, 1) and x[(row * 64 + column) * 3 + channel] = pixel(row, column)[channel] / 255. for "
               "all 12288 numbers",
               "x는 (12288, 1)이고, 숫자 12288개 모두 x[(row * 64 + column) * 3 + channel] = "
               "pixel(row, column)[channel] / 255.입니다",
               column_by_hand(x, small));

    section("How a JPEG becomes pixels", "JPEG이 픽셀이 되는 과정");
    explain("A camera does not store pixels. It turns R G B into a brightness Y and two colour differences Cb, Cr; "
            "keeps the colour at half the width and height (4:2:0: the eye sees detail in brightness, not in "
            "colour); cuts each plane into 8 x 8 blocks; turns each block into 64 frequencies (the DCT); divides "
            "them by a quantisation table and rounds (this is where the file gets small, and where detail is lost); "
            "and writes the rounded numbers with a Huffman code. A decoder undoes it in reverse: Huffman -> "
            "coefficients -> dequantise -> inverse DCT -> upsample -> colour.",
            "카메라는 픽셀을 그대로 저장하지 않습니다. R G B를 밝기 Y와 두 색차 Cb, Cr로 바꾸고, 색은 너비와 높이를 "
            "절반으로 줄여 저장합니다(4:2:0. 눈은 밝기의 세부는 잘 보지만 색의 세부는 잘 보지 못합니다). 각 평면을 "
            "8 x 8 블록으로 나누고, 블록마다 주파수 64개로 바꾸고(DCT), 양자화 테이블로 나눠 반올림한 뒤(여기서 "
            "파일이 작아지고, 세부가 사라집니다), 반올림한 숫자를 허프만 부호로 씁니다. 디코더는 이 과정을 거꾸로 "
            "합니다: 허프만 -> 계수 -> 역양자화 -> 역 DCT -> 업샘플링 -> 색 변환.");
    if (file.format != "JPEG") {
        explain("This picture is a " + file.format + " file, not a JPEG, so there are no JPEG steps to show: give a "
                "JPEG's path to see them.",
                "이 이미지는 JPEG이 아니라 " + file.format + " 파일이라 보여 줄 JPEG 단계가 없습니다. JPEG 파일의 "
                "경로를 주면 볼 수 있습니다.");
    } else {
        code();
        const std::vector<std::uint8_t> bytes = read_bytes(path);
        code();
        const io::JpegSteps steps = io::inspect_jpeg(bytes.data(), bytes.size(), path);  // keeps every step
        std::cout << "  " << steps.width << " x " << steps.height << ", "
                  << (steps.progressive ? "progressive" : "baseline") << ", colour space " << steps.color_space
                  << ", components:\n";
        const char* names[] = {"Y ", "Cb", "Cr", "K "};  // not shown: for the lines below
        for (std::size_t i = 0; i < steps.components.size(); ++i) {  // not shown: printing
            const io::JpegComponentSteps& c = steps.components[i];
            std::cout << "    " << (steps.color_space == "YCbCr" ? names[i] : "#" + std::to_string(i)) << "  sampled "
                      << c.h << "x" << c.v << ": " << c.width << " x " << c.height << " samples in " << c.blocks_w
                      << " x " << c.blocks_h << " blocks\n";
        }
        std::cout << "\n";
        step1_huffman(bytes, steps);  // not shown: each step below shows its own statements
        steps2_3_dequantise_idct(steps);  // not shown: the same
        step4_upsampling(steps);  // not shown: the same
        step5_colour(steps, file);  // not shown: the same
    }

    section("Resizing to 64 x 64", "64 x 64로 크기 조절");
    const double sx = double(file.image.width) / 64, sy = double(file.image.height) / 64;  // not shown: for the text
    explain("Shrinking " + str(file.image.width) + " x " + str(file.image.height) + " to 64 x 64 makes each output "
            "pixel stand for " + fmt("%.2f", sx) + " x " + fmt("%.2f", sy) + " input pixels. NEAREST takes one of "
            "them, the one at (x + 0.5) * scale. BILINEAR and BICUBIC (Image.resize's default since Pillow 7, the "
            "2021 notebook's) take a weighted average over a window widened by the scale, so every input pixel "
            "counts: rows first, then columns, with the weights in 22-bit fixed point, as Pillow computes them.",
            str(file.image.width) + " x " + str(file.image.height) + " 이미지를 64 x 64로 줄이면 출력 픽셀 하나가 입력 픽셀 " +
                fmt("%.2f", sx) + " x " + fmt("%.2f", sy) + "개를 대표합니다. NEAREST는 그중 (x + 0.5) * scale "
                "위치의 픽셀 하나만 고릅니다. BILINEAR와 BICUBIC(Pillow 7부터 Image.resize의 기본값, 2021년 "
                "노트북이 쓰는 필터)은 배율만큼 넓힌 창 안에서 가중 평균을 내므로 입력 픽셀이 모두 반영됩니다. "
                "Pillow처럼 행 방향 먼저, 그다음 열 방향으로 계산하고, 가중치는 22비트 고정소수점으로 씁니다.");
    code();
    const io::Image nearest = io::resize(file.image, 64, 64, io::Resample::nearest);
    listing(kSource, "bool nearest_by_hand(const io::Image& in, const io::Image& out) {", "}");
    check_that("NEAREST: output pixel (x, y) is input pixel (trunc((x + 0.5) * " + fmt("%g", sx) +
                   "), trunc((y + 0.5) * " + fmt("%g", sy) + ")), for all 64 x 64",
               "NEAREST: 출력 픽셀 (x, y)는 64 x 64개 모두 입력 픽셀 (trunc((x + 0.5) * " + fmt("%g", sx) +
                   "), trunc((y + 0.5) * " + fmt("%g", sy) + "))입니다",
               nearest_by_hand(file.image, nearest));
    int first = 0;  // not shown: the first input column of output column 32
    const std::vector<double> w32 = bicubic_weights(file.image.width, 64, 32, first);  // not shown: for the line below
    std::cout << "  BICUBIC: output column 32 averages " << w32.size() << " input columns, " << first << " to "
              << first + int(w32.size()) - 1 << ", with weights " << fmt("%.4f", w32.front()) << " "
              << fmt("%.4f", w32[1]) << " ... " << fmt("%.4f", w32[w32.size() / 2]) << " ... "
              << fmt("%.4f", w32.back()) << "\n  (they sum to 1; the outer ones are slightly negative: bicubic "
              << "sharpens a little)\n\n";
    code();
    const std::vector<int> formula = bicubic_by_formula(file.image);
    int equal = 0, worst = 0;  // not shown: counted below
    for (std::size_t k = 0; k < formula.size(); ++k) {  // not shown: the comparison
        const int d = std::abs(formula[k] - int(small.rgb[k]));
        equal += d == 0;
        worst = std::max(worst, d);
    }
    check_that("BICUBIC from the formula in double precision, rounded once, is within 1 of each of io::resize's "
               "12288 bytes (" + str(equal) + " equal: Pillow rounds its weights to 22 bits and rounds between the "
               "two passes)",
               "double 정밀도로 식을 계산해 마지막에 한 번 반올림한 BICUBIC 결과가 io::resize의 12288바이트 모두와 "
               "1 이내로 같습니다(" + str(equal) + "개는 완전히 같음. Pillow는 가중치를 22비트로 반올림하고, 두 방향 "
               "사이에서도 반올림합니다)",
               worst <= 1);
    code();
    const io::Image bilinear = io::resize(file.image, 64, 64, io::Resample::bilinear);
    explain("The three filters see slightly different pictures: of the 12288 bytes, BILINEAR changes " +
                std::to_string(bytes_differing(bilinear, small)) + " and NEAREST " +
                std::to_string(bytes_differing(nearest, small)) + " against BICUBIC. The network's answer moves a "
                "little with them (make predict PREDICT_ARGS='--resample bilinear' shows it).",
            "세 필터는 조금씩 다른 이미지를 봅니다. 12288바이트 중 BICUBIC과 비교해 BILINEAR는 " +
                std::to_string(bytes_differing(bilinear, small)) + "개, NEAREST는 " +
                std::to_string(bytes_differing(nearest, small)) + "개가 다릅니다. 그래서 신경망의 답도 조금씩 "
                "달라집니다(make predict PREDICT_ARGS='--resample bilinear'로 확인할 수 있습니다).");

    ask_the_network(file, course_picture, options.quick);  // not shown: its own statements are shown

    section("Your turn", "직접 해 보기");
    explain("make predict IMAGE=path/to/photo.jpg runs the notebook's cell on your photo (JPEG or PNG; several paths "
            "at once are fine) and writes out/my_image.png: your picture beside the 64 x 64 the network saw. Phone "
            "photos often carry an EXIF orientation (the pixels are stored on their side and viewers turn them): "
            "Image.open ignores it, and so does make predict, which says so; PREDICT_ARGS=--exif-rotate turns the "
            "picture upright first. LABEL=0 says your picture is not a cat.",
            "make predict IMAGE=사진/경로.jpg는 내 사진(JPEG 또는 PNG, 여러 장도 됩니다)으로 노트북의 셀을 실행하고, "
            "out/my_image.png에 내 이미지와 신경망이 본 64 x 64 이미지를 나란히 저장합니다. 휴대폰 사진에는 EXIF "
            "방향 정보가 들어 있는 경우가 많습니다(픽셀은 옆으로 누운 채 저장되고, 뷰어가 돌려서 보여 줍니다). "
            "Image.open은 이것을 무시하고, make predict도 무시하되 그렇다고 알려 줍니다. PREDICT_ARGS=--exif-rotate를 "
            "주면 먼저 똑바로 돌립니다. 고양이가 아닌 이미지라면 LABEL=0을 주세요.");
    return finish();
}
