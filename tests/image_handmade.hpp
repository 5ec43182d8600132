// tests/image_handmade.hpp - JPEG and PNG files built byte by byte, for the image reader's tests and the
// fuzzers' seeds (fuzz/make_seeds.cpp). Independent of the reader: the JPEG writer follows ITU T.81 annex
// B (markers), F.1.2 (Huffman coding of sequential DCT data) and G.1.2 (progressive spectral selection and
// DC successive approximation) with a plain floating-point forward DCT; the PNG writer follows the PNG
// specification's chunks, filters and Adam7 passes, with zlib stored blocks.
//
// The writers are simple on purpose (no optimisation, stored DEFLATE blocks): what they must get right is
// only the format, which the reader's tests then check against hand-computed values and against Pillow.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "io/crc32.hpp"
#include "io/inflate.hpp"

namespace image_handmade {

using Bytes = std::vector<std::uint8_t>;

inline void put16(Bytes& b, unsigned v) {
    b.push_back(std::uint8_t(v >> 8));
    b.push_back(std::uint8_t(v));
}
inline void put32(Bytes& b, std::uint32_t v) {
    put16(b, v >> 16);
    put16(b, v & 0xFFFF);
}

// ---- JPEG ------------------------------------------------------------------------------------------------

// Zig-zag order (T.81 figure A.6): natural (row-major) index of the k-th coefficient.
constexpr int kZigzag[64] = {0,  1,  8,  16, 9,  2,  3,  10, 17, 24, 32, 25, 18, 11, 4,  5,  12, 19, 26, 33, 40, 48,
                             41, 34, 27, 20, 13, 6,  7,  14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23,
                             30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};

// A Huffman table as DHT lists it: how many codes of each length 1..16, then the symbols in code order.
struct HuffmanSpec {
    std::array<std::uint8_t, 16> counts{};
    std::vector<std::uint8_t> symbols;
};

// T.81 tables K.3 to K.6 (the "typical" tables; Motion-JPEG frames assume them).
inline HuffmanSpec standard_dc(int id) {
    if (id == 0) return {{0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}};
    return {{0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}};
}
inline HuffmanSpec standard_ac(int id) {
    // Table K.5 (luminance) and K.6 (chrominance): after the listed leading symbols, every (run, size) with
    // size 1..10 in order of run, except those already listed.
    const std::vector<std::uint8_t> luma_head = {
        0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22,
        0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33,
        0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x34};
    const std::vector<std::uint8_t> chroma_head = {
        0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21, 0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71, 0x13,
        0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91, 0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0, 0x15, 0x62,
        0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34, 0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26, 0x27, 0x28, 0x29,
        0x2a, 0x35};
    HuffmanSpec spec;
    spec.counts = id == 0 ? std::array<std::uint8_t, 16>{0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d}
                          : std::array<std::uint8_t, 16>{0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77};
    spec.symbols = id == 0 ? luma_head : chroma_head;
    std::vector<bool> used(256, false);
    for (std::uint8_t s : spec.symbols) used[s] = true;
    for (int run = 0; run < 16; ++run)
        for (int size = 1; size <= 10; ++size)
            if (!used[run * 16 + size]) spec.symbols.push_back(std::uint8_t(run * 16 + size));
    return spec;
}

// A table holding every byte value as a symbol (255 codes of 8 bits, 1 of 9): lets a progressive scan use
// any end-of-band run, which the typical tables cannot code.
inline HuffmanSpec every_symbol() {
    HuffmanSpec spec;
    spec.counts[7] = 255;
    spec.counts[8] = 1;
    for (int s = 0; s < 256; ++s) spec.symbols.push_back(std::uint8_t(s));
    return spec;
}

// Writes entropy-coded bits most-significant first, with 0xFF 0x00 stuffing (B.1.1.5).
class BitWriter {
public:
    explicit BitWriter(Bytes& out) : out_(out) {}
    void bits(std::uint32_t value, int n) {
        for (int i = n - 1; i >= 0; --i) {
            acc_ = (acc_ << 1) | ((value >> i) & 1);
            if (++count_ == 8) emit();
        }
    }
    void flush() {  // pads the last byte with 1 bits (F.1.2.3)
        while (count_ != 0) bits(1, 1);
    }

private:
    void emit() {
        out_.push_back(std::uint8_t(acc_));
        if (acc_ == 0xFF) out_.push_back(0x00);
        acc_ = 0;
        count_ = 0;
    }
    Bytes& out_;
    std::uint32_t acc_ = 0;
    int count_ = 0;
};

struct HuffmanCodes {
    std::map<int, std::pair<std::uint32_t, int>> code;  // symbol -> (code, length)
    explicit HuffmanCodes(const HuffmanSpec& spec) {
        std::uint32_t c = 0;
        std::size_t k = 0;
        for (int length = 1; length <= 16; ++length) {
            for (int i = 0; i < spec.counts[length - 1]; ++i) code[spec.symbols[k++]] = {c++, length};
            c <<= 1;
        }
    }
    void put(BitWriter& w, int symbol) const {
        const auto& [c, length] = code.at(symbol);
        w.bits(c, length);
    }
};

// Magnitude category (F.1.2.1.1) and the bits that follow it: v, or v - 1 in s bits when negative.
inline int category(int v) {
    int s = 0;
    for (int a = v < 0 ? -v : v; a; a >>= 1) ++s;
    return s;
}
inline void put_value(BitWriter& w, int v, int s) {
    if (s) w.bits(std::uint32_t(v < 0 ? v + (1 << s) - 1 : v), s);
}

using Block = std::array<std::int16_t, 64>;  // quantised coefficients, row-major

struct JpegComponent {
    int id = 1, h = 1, v = 1, tq = 0;
    int dc_table = 0, ac_table = 0;
    // Either samples (ceil(width * h / hmax) x ceil(height * v / vmax), row-major), which the writer pads to
    // whole MCUs by repeating the edges and transforms, or blocks given directly (padded_w x padded_h blocks).
    std::vector<std::uint8_t> samples;
    std::vector<Block> blocks;
};

struct JpegSpec {
    int width = 8, height = 8;
    std::vector<JpegComponent> components;
    std::vector<std::array<std::uint16_t, 64>> quant = {std::array<std::uint16_t, 64>{}};  // row-major; 0 -> 1
    bool jfif = true;
    int adobe_transform = -1;   // -1: no Adobe APP14 segment
    int restart_interval = 0;   // in MCUs (blocks for a scan of one component)
    bool write_dht = true;      // false: Motion-JPEG style, the decoder must assume the typical tables
    bool interleaved = true;    // one scan of all components, or one scan per component (sequential)
    bool progressive = false;   // SOF2: a DC scan, then AC bands per component (spectral selection)
    int dc_al = 0;              // progressive: DC first scan with Al = dc_al, then dc_al refinement scans
    std::vector<std::pair<int, int>> ac_bands = {{1, 63}};  // progressive AC scans (Ss, Se) for each component
    bool every_symbol_ac = false;  // progressive: code AC bands with every_symbol() and real EOB runs
    Bytes exif;                 // APP1 payload after "Exif\0\0" (a TIFF structure); empty: none
    int precision = 8;          // SOF field, for tests of refusals
    int sof_marker = -1;        // -1: 0xC0 (0xC2 when progressive)
};

inline int ceil_div(int a, int b) { return (a + b - 1) / b; }

// The blocks of each component, from its samples (forward DCT in double, quantised by rounding) or as given.
inline std::vector<std::vector<Block>> jpeg_blocks(const JpegSpec& spec, int& mcus_x, int& mcus_y) {
    int hmax = 1, vmax = 1;
    for (const auto& c : spec.components) {
        hmax = std::max(hmax, c.h);
        vmax = std::max(vmax, c.v);
    }
    mcus_x = ceil_div(spec.width, 8 * hmax);
    mcus_y = ceil_div(spec.height, 8 * vmax);
    std::vector<std::vector<Block>> all;
    for (const auto& c : spec.components) {
        const int bw = mcus_x * c.h, bh = mcus_y * c.v;
        if (!c.blocks.empty()) {
            all.push_back(c.blocks);
            continue;
        }
        const int cw = ceil_div(spec.width * c.h, hmax), ch = ceil_div(spec.height * c.v, vmax);
        const auto& q = spec.quant.at(c.tq);
        std::vector<Block> blocks(std::size_t(bw) * bh);
        for (int by = 0; by < bh; ++by)
            for (int bx = 0; bx < bw; ++bx) {
                double s[8][8];
                for (int y = 0; y < 8; ++y)
                    for (int x = 0; x < 8; ++x) {
                        const int sx = std::min(bx * 8 + x, cw - 1), sy = std::min(by * 8 + y, ch - 1);
                        s[y][x] = c.samples[std::size_t(sy) * cw + sx] - 128.0;
                    }
                Block& b = blocks[std::size_t(by) * bw + bx];
                for (int v = 0; v < 8; ++v)
                    for (int u = 0; u < 8; ++u) {
                        double sum = 0;
                        for (int y = 0; y < 8; ++y)
                            for (int x = 0; x < 8; ++x)
                                sum += s[y][x] * std::cos((2 * x + 1) * u * M_PI / 16) *
                                       std::cos((2 * y + 1) * v * M_PI / 16);
                        const double cu = u ? 1 : M_SQRT1_2, cv = v ? 1 : M_SQRT1_2;
                        const double f = 0.25 * cu * cv * sum;
                        const int qv = q[v * 8 + u] ? q[v * 8 + u] : 1;
                        b[v * 8 + u] = std::int16_t(std::lround(f / qv));
                    }
            }
        all.push_back(std::move(blocks));
    }
    return all;
}

inline void segment(Bytes& out, int marker, const Bytes& body) {
    out.push_back(0xFF);
    out.push_back(std::uint8_t(marker));
    put16(out, unsigned(body.size() + 2));
    out.insert(out.end(), body.begin(), body.end());
}

inline Bytes dht_body(int cls, int id, const HuffmanSpec& spec) {
    Bytes b = {std::uint8_t(cls << 4 | id)};
    b.insert(b.end(), spec.counts.begin(), spec.counts.end());
    b.insert(b.end(), spec.symbols.begin(), spec.symbols.end());
    return b;
}

inline Bytes encode_jpeg(const JpegSpec& spec) {
    int mcus_x = 0, mcus_y = 0;
    const std::vector<std::vector<Block>> blocks = jpeg_blocks(spec, mcus_x, mcus_y);
    int hmax = 1, vmax = 1;
    for (const auto& c : spec.components) {
        hmax = std::max(hmax, c.h);
        vmax = std::max(vmax, c.v);
    }
    Bytes out = {0xFF, 0xD8};
    if (spec.jfif) segment(out, 0xE0, {'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
    if (!spec.exif.empty()) {
        Bytes b = {'E', 'x', 'i', 'f', 0, 0};
        b.insert(b.end(), spec.exif.begin(), spec.exif.end());
        segment(out, 0xE1, b);
    }
    if (spec.adobe_transform >= 0)
        segment(out, 0xEE, {'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, std::uint8_t(spec.adobe_transform)});
    for (std::size_t t = 0; t < spec.quant.size(); ++t) {
        Bytes b = {std::uint8_t(t)};
        for (int k = 0; k < 64; ++k) {
            const int q = spec.quant[t][kZigzag[k]];
            b.push_back(std::uint8_t(q ? q : 1));
        }
        segment(out, 0xDB, b);
    }
    Bytes sof = {std::uint8_t(spec.precision)};
    put16(sof, unsigned(spec.height));
    put16(sof, unsigned(spec.width));
    sof.push_back(std::uint8_t(spec.components.size()));
    for (const auto& c : spec.components) {
        sof.push_back(std::uint8_t(c.id));
        sof.push_back(std::uint8_t(c.h << 4 | c.v));
        sof.push_back(std::uint8_t(c.tq));
    }
    segment(out, spec.sof_marker >= 0 ? spec.sof_marker : spec.progressive ? 0xC2 : 0xC0, sof);
    const bool flat_ac = spec.progressive && spec.every_symbol_ac;
    if (spec.write_dht) {
        for (int id = 0; id < 2; ++id) segment(out, 0xC4, dht_body(0, id, standard_dc(id)));
        for (int id = 0; id < 2; ++id) segment(out, 0xC4, dht_body(1, id, flat_ac ? every_symbol() : standard_ac(id)));
    }
    if (spec.restart_interval) {
        Bytes b;
        put16(b, unsigned(spec.restart_interval));
        segment(out, 0xDD, b);
    }

    const HuffmanCodes dc_codes[2] = {HuffmanCodes(standard_dc(0)), HuffmanCodes(standard_dc(1))};
    const HuffmanCodes ac_codes[2] = {HuffmanCodes(flat_ac ? every_symbol() : standard_ac(0)),
                                      HuffmanCodes(flat_ac ? every_symbol() : standard_ac(1))};

    // One scan over the given components (indexes), coding each block with `code`, restarts included.
    auto scan = [&](const std::vector<int>& comps, int ss, int se, int ah, int al, auto code) {
        Bytes sos = {std::uint8_t(comps.size())};
        for (int i : comps) {
            const auto& c = spec.components[i];
            sos.push_back(std::uint8_t(c.id));
            sos.push_back(std::uint8_t(c.dc_table << 4 | c.ac_table));
        }
        sos.push_back(std::uint8_t(ss));
        sos.push_back(std::uint8_t(se));
        sos.push_back(std::uint8_t(ah << 4 | al));
        segment(out, 0xDA, sos);
        BitWriter w(out);
        std::vector<int> pred(spec.components.size(), 0);
        int eobrun = 0;
        auto flush_eobrun = [&](int ac_table) {
            if (eobrun == 0) return;
            const int r = category(eobrun) - 1;  // EOBr codes 2^r + r extra bits
            ac_codes[ac_table].put(w, r << 4);
            if (r) w.bits(std::uint32_t(eobrun - (1 << r)), r);
            eobrun = 0;
        };
        const bool one = comps.size() == 1;
        const auto& c0 = spec.components[comps[0]];
        const int units_x = one ? ceil_div(ceil_div(spec.width * c0.h, hmax), 8) : mcus_x;
        const int units_y = one ? ceil_div(ceil_div(spec.height * c0.v, vmax), 8) : mcus_y;
        int restart = 0;
        for (int u = 0; u < units_x * units_y; ++u) {
            if (spec.restart_interval && u > 0 && u % spec.restart_interval == 0) {
                flush_eobrun(spec.components[comps[0]].ac_table);
                w.flush();
                out.push_back(0xFF);
                out.push_back(std::uint8_t(0xD0 + restart));
                restart = (restart + 1) & 7;
                std::fill(pred.begin(), pred.end(), 0);
            }
            const int ux = u % units_x, uy = u / units_x;
            for (int i : comps) {
                const auto& c = spec.components[i];
                const int bw = mcus_x * c.h;
                const int nv = one ? 1 : c.v, nh = one ? 1 : c.h;
                for (int v = 0; v < nv; ++v)
                    for (int h = 0; h < nh; ++h) {
                        const int bx = one ? ux : ux * c.h + h, by = one ? uy : uy * c.v + v;
                        code(w, c, blocks[i][std::size_t(by) * bw + bx], pred[i], eobrun, flush_eobrun);
                    }
            }
        }
        flush_eobrun(spec.components[comps[0]].ac_table);
        w.flush();
    };

    auto sequential = [&](BitWriter& w, const JpegComponent& c, const Block& b, int& pred, int&, auto&) {
        const int diff = b[0] - pred;
        pred = b[0];
        const int s = category(diff);
        dc_codes[c.dc_table].put(w, s);
        put_value(w, diff, s);
        int run = 0;
        for (int k = 1; k < 64; ++k) {
            const int v = b[kZigzag[k]];
            if (v == 0) {
                ++run;
                continue;
            }
            for (; run >= 16; run -= 16) ac_codes[c.ac_table].put(w, 0xF0);
            const int sz = category(v);
            ac_codes[c.ac_table].put(w, run << 4 | sz);
            put_value(w, v, sz);
            run = 0;
        }
        if (run) ac_codes[c.ac_table].put(w, 0x00);
    };

    std::vector<int> all;
    for (std::size_t i = 0; i < spec.components.size(); ++i) all.push_back(int(i));
    if (!spec.progressive) {
        if (spec.interleaved) scan(all, 0, 63, 0, 0, sequential);
        else
            for (int i : all) scan({i}, 0, 63, 0, 0, sequential);
    } else {
        const int al = spec.dc_al;
        scan(all, 0, 0, 0, al, [&](BitWriter& w, const JpegComponent& c, const Block& b, int& pred, int&, auto&) {
            const int v = b[0] >> al;  // arithmetic shift (G.1.1.1.1)
            const int s = category(v - pred);
            dc_codes[c.dc_table].put(w, s);
            put_value(w, v - pred, s);
            pred = v;
        });
        for (int bit = al - 1; bit >= 0; --bit)
            scan(all, 0, 0, bit + 1, bit, [&](BitWriter& w, const JpegComponent&, const Block& b, int&, int&, auto&) {
                w.bits(std::uint32_t(b[0] >> bit) & 1, 1);
            });
        for (int i : all)
            for (const auto& [ss, se] : spec.ac_bands)
                scan({i}, ss, se, 0, 0,
                     [&, ss = ss, se = se](BitWriter& w, const JpegComponent& c, const Block& b, int&, int& eobrun,
                                           auto& flush_eobrun) {
                         int last = 0;  // the last nonzero term of the band
                         for (int k = ss; k <= se; ++k)
                             if (b[kZigzag[k]]) last = k;
                         if (last == 0) {  // nothing in this band: part of an end-of-band run
                             if (!spec.every_symbol_ac) ac_codes[c.ac_table].put(w, 0x00);
                             else if (++eobrun == 0x7FFF) flush_eobrun(c.ac_table);
                             return;
                         }
                         flush_eobrun(c.ac_table);
                         int run = 0;
                         for (int k = ss; k <= last; ++k) {
                             const int v = b[kZigzag[k]];
                             if (v == 0) {
                                 ++run;
                                 continue;
                             }
                             for (; run >= 16; run -= 16) ac_codes[c.ac_table].put(w, 0xF0);
                             const int sz = category(v);
                             ac_codes[c.ac_table].put(w, run << 4 | sz);
                             put_value(w, v, sz);
                             run = 0;
                         }
                         if (last < se) {
                             if (!spec.every_symbol_ac) ac_codes[c.ac_table].put(w, 0x00);
                             else ++eobrun;
                         }
                     });
    }
    out.push_back(0xFF);
    out.push_back(0xD9);
    return out;
}

// A component of samples(x, y) for a width x height picture subsampled h, v out of hmax, vmax.
inline JpegComponent component(int id, int h, int v, int tq, int width, int height, int hmax, int vmax,
                               const std::function<int(int, int)>& samples) {
    JpegComponent c;
    c.id = id;
    c.h = h;
    c.v = v;
    c.tq = tq;
    c.dc_table = c.ac_table = tq == 0 ? 0 : 1;
    const int cw = ceil_div(width * h, hmax), ch = ceil_div(height * v, vmax);
    c.samples.resize(std::size_t(cw) * ch);
    for (int y = 0; y < ch; ++y)
        for (int x = 0; x < cw; ++x) c.samples[std::size_t(y) * cw + x] = std::uint8_t(samples(x, y));
    return c;
}

// A quantisation table of one value everywhere but the DC term.
inline std::array<std::uint16_t, 64> flat_quant(int dc, int ac) {
    std::array<std::uint16_t, 64> q;
    q.fill(std::uint16_t(ac));
    q[0] = std::uint16_t(dc);
    return q;
}

// ---- PNG -------------------------------------------------------------------------------------------------

struct PngSpec {
    int width = 1, height = 1, colour_type = 0, bit_depth = 8;
    bool interlace = false;
    std::vector<std::uint16_t> samples;  // width * height * channels, each 0 .. 2^depth - 1
    Bytes palette;                       // PLTE bytes (colour type 3)
    Bytes trns;                          // tRNS bytes; empty: none
    int filter = -1;                     // 0..4 for every row; -1: row r uses filter r % 5
    std::size_t idat_size = 0;           // split the zlib stream into IDAT chunks of this many bytes (0: one)
    Bytes exif;                          // eXIf chunk data; empty: none
};

inline int png_channels(int colour_type) {
    return colour_type == 2 ? 3 : colour_type == 4 ? 2 : colour_type == 6 ? 4 : 1;
}

inline void chunk(Bytes& out, const char* type, const Bytes& data) {
    put32(out, std::uint32_t(data.size()));
    Bytes t(type, type + 4);
    t.insert(t.end(), data.begin(), data.end());
    out.insert(out.end(), t.begin(), t.end());
    put32(out, dnn::io::crc32(t.data(), t.size()));
}

// A zlib stream of stored blocks (RFC 1950 / 1951 BTYPE 00).
inline Bytes zlib_stored(const Bytes& data) {
    Bytes z = {0x78, 0x01};
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(65535, data.size() - at);
        z.push_back(at + n == data.size() ? 1 : 0);
        z.push_back(std::uint8_t(n));
        z.push_back(std::uint8_t(n >> 8));
        z.push_back(std::uint8_t(~n));
        z.push_back(std::uint8_t(~n >> 8));
        z.insert(z.end(), data.begin() + std::ptrdiff_t(at), data.begin() + std::ptrdiff_t(at + n));
        at += n;
    } while (at < data.size());
    put32(z, dnn::io::adler32(data.data(), data.size()));
    return z;
}

inline int paeth_predictor(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// The filtered scanlines of the picture (or of each Adam7 pass), as they go into the zlib stream.
inline Bytes png_scanlines(const PngSpec& s) {
    const int ch = png_channels(s.colour_type), bpp_bits = ch * s.bit_depth;
    const int bpp = std::max(1, bpp_bits / 8);
    struct Pass { int x0, y0, dx, dy; };
    const std::vector<Pass> passes = s.interlace
        ? std::vector<Pass>{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
        : std::vector<Pass>{{0, 0, 1, 1}};
    Bytes out;
    int row_number = 0;
    for (const Pass& p : passes) {
        const int cols = s.width > p.x0 ? (s.width - p.x0 + p.dx - 1) / p.dx : 0;
        const int rows = s.height > p.y0 ? (s.height - p.y0 + p.dy - 1) / p.dy : 0;
        if (!cols || !rows) continue;
        const std::size_t n = (std::size_t(cols) * bpp_bits + 7) / 8;
        Bytes prev(n, 0);
        for (int r = 0; r < rows; ++r) {
            Bytes raw(n, 0);
            for (int i = 0; i < cols; ++i)
                for (int c = 0; c < ch; ++c) {
                    const std::size_t px = std::size_t(p.y0 + r * p.dy) * s.width + p.x0 + i * p.dx;
                    const unsigned v = s.samples[px * ch + c];
                    if (s.bit_depth == 16) {
                        raw[(std::size_t(i) * ch + c) * 2] = std::uint8_t(v >> 8);
                        raw[(std::size_t(i) * ch + c) * 2 + 1] = std::uint8_t(v);
                    } else if (s.bit_depth == 8) {
                        raw[std::size_t(i) * ch + c] = std::uint8_t(v);
                    } else {
                        const std::size_t bit = std::size_t(i) * s.bit_depth;
                        raw[bit / 8] |= std::uint8_t(v << (8 - s.bit_depth - bit % 8));
                    }
                }
            const int type = s.filter >= 0 ? s.filter : row_number++ % 5;
            out.push_back(std::uint8_t(type));
            for (std::size_t i = 0; i < n; ++i) {
                const int a = i >= std::size_t(bpp) ? raw[i - bpp] : 0, b = prev[i];
                const int c = i >= std::size_t(bpp) ? prev[i - bpp] : 0;
                const int pred = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth_predictor(a, b, c) : 0;
                out.push_back(std::uint8_t(raw[i] - pred));
            }
            prev = raw;
        }
    }
    return out;
}

inline Bytes encode_png(const PngSpec& s) {
    Bytes out = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    Bytes ihdr;
    put32(ihdr, std::uint32_t(s.width));
    put32(ihdr, std::uint32_t(s.height));
    ihdr.insert(ihdr.end(), {std::uint8_t(s.bit_depth), std::uint8_t(s.colour_type), 0, 0, std::uint8_t(s.interlace)});
    chunk(out, "IHDR", ihdr);
    if (!s.palette.empty()) chunk(out, "PLTE", s.palette);
    if (!s.trns.empty()) chunk(out, "tRNS", s.trns);
    if (!s.exif.empty()) chunk(out, "eXIf", s.exif);
    const Bytes z = zlib_stored(png_scanlines(s));
    const std::size_t step = s.idat_size ? s.idat_size : z.size();
    for (std::size_t at = 0; at < z.size(); at += step)
        chunk(out, "IDAT", Bytes(z.begin() + std::ptrdiff_t(at), z.begin() + std::ptrdiff_t(std::min(z.size(), at + step))));
    chunk(out, "IEND", {});
    return out;
}

// A TIFF structure (as EXIF holds it) whose IFD0 has one entry, Orientation = value.
inline Bytes exif_orientation_tiff(int value, bool little_endian = true) {
    Bytes t;
    auto u16 = [&](unsigned v) {
        if (little_endian) t.insert(t.end(), {std::uint8_t(v), std::uint8_t(v >> 8)});
        else t.insert(t.end(), {std::uint8_t(v >> 8), std::uint8_t(v)});
    };
    auto u32 = [&](std::uint32_t v) {
        if (little_endian) { u16(v & 0xFFFF); u16(v >> 16); } else { u16(v >> 16); u16(v & 0xFFFF); }
    };
    if (little_endian) t.insert(t.end(), {'I', 'I', 42, 0});
    else t.insert(t.end(), {'M', 'M', 0, 42});
    u32(8);          // IFD0 right after the header
    u16(1);          // one entry
    u16(0x0112);     // Orientation
    u16(3);          // SHORT
    u32(1);          // count
    u16(unsigned(value));
    u16(0);          // rest of the value field
    u32(0);          // no next IFD
    return t;
}

}  // namespace image_handmade
