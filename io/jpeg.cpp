// io/jpeg.cpp - the JPEG decoder's driver (see io/jpeg.hpp): reads the marker segments of T.81 annex B
// (SOF, DHT, DQT, DRI, SOS, APPn), decodes each scan as it comes, then turns the planes into pixels.
#include "io/jpeg.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

#include "io/exif.hpp"
#include "io/jpeg_format.hpp"
#include "io/jpeg_idct.hpp"

namespace dnn::io {

using namespace jpeg;

namespace {

std::string marker_name(int code) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0xFF%02X", unsigned(code) & 0xFF);
    return buf;
}

int ceil_div(int a, int b) { return (a + b - 1) / b; }

// The frame types this decoder refuses, by SOF marker code, with the feature named.
std::string unsupported_frame(int code) {
    switch (code) {
        case 0xC3: return "lossless JPEG (SOF3) is not supported";
        case 0xC5: case 0xC6: case 0xC7: return "hierarchical (differential) JPEG (" + marker_name(code) + ") is not supported";
        case 0xC9: case 0xCA: return "arithmetic coding (" + marker_name(code) + ") is not supported";
        case 0xCB: return "lossless JPEG with arithmetic coding (SOF11) is not supported";
        case 0xCD: case 0xCE: case 0xCF:
            return "hierarchical JPEG with arithmetic coding (" + marker_name(code) + ") is not supported";
        default: return "";
    }
}

constexpr int kMaxScans = 500;

// The codes of a Huffman table, in code order (T.81 annex C: codes of each length are consecutive numbers,
// and going one bit longer doubles the next code).
std::vector<JpegHuffmanCode> codes_of(const HuffmanTable& t) {
    std::vector<JpegHuffmanCode> codes;
    std::uint32_t code = 0;
    std::size_t k = 0;
    for (int length = 1; length <= 16; ++length) {
        for (int i = 0; i < t.count[length]; ++i) codes.push_back({t.symbols[k++], length, code++});
        code <<= 1;
    }
    return codes;
}

const char* color_space_name(ColorSpace space) {
    switch (space) {
        case ColorSpace::gray: return "gray";
        case ColorSpace::ycbcr: return "YCbCr";
        case ColorSpace::rgb: return "RGB";
        case ColorSpace::cmyk: return "CMYK";
        default: return "YCCK";
    }
}

class Decoder {
public:
    // steps: when given, every frame is buffered with whole planes, and each step's results are kept there.
    Decoder(const std::uint8_t* data, std::size_t size, const std::string& context, JpegSteps* steps = nullptr)
        : data_(data), size_(size), context_(context), steps_(steps) {}

    RawImage run() {
        if (size_ < 2 || data_[0] != 0xFF || data_[1] != 0xD8) fail(0, "not a JPEG file (no SOI marker 0xFFD8)");
        std::size_t at = 2;
        for (;;) {
            const std::size_t m = find_marker(at);
            const int code = data_[m + 1];
            at = m + 2;
            if (code == 0xD9) break;                                  // EOI
            if ((code >= 0xD0 && code <= 0xD7) || code == 0x01) continue;  // RSTn, TEM: no segment
            if (code == 0xD8) fail(m, "a second SOI marker");

            if (size_ - at < 2) fail(m, "file ends inside marker segment " + marker_name(code));
            const std::size_t length = be16(at);
            if (length < 2) fail(at, "marker segment " + marker_name(code) + " has length " + std::to_string(length));
            if (length > size_ - at)
                fail(m, "marker segment " + marker_name(code) + " of " + std::to_string(length) +
                            " bytes runs past the end of the file");
            const std::size_t body = at + 2, n = length - 2, next = at + length;

            if (code == 0xC0 || code == 0xC1 || code == 0xC2) {
                read_frame(m, body, n, code == 0xC2, next);
            } else if (!unsupported_frame(code).empty()) {
                fail(m, unsupported_frame(code));
            } else if (code == 0xCC) {
                fail(m, "arithmetic coding (DAC marker 0xFFCC) is not supported");
            } else if (code == 0xC8) {
                fail(m, "reserved JPEG extension frame (0xFFC8) is not supported");
            } else if (code == 0xDE || code == 0xDF) {
                fail(m, "hierarchical JPEG (" + std::string(code == 0xDE ? "DHP" : "EXP") + " marker) is not supported");
            } else if (code == 0xDC) {
                fail(m, "a DNL marker (the number of lines given after the scan) is not supported");
            } else if (code == 0xC4) {
                read_huffman(body, n);
            } else if (code == 0xDB) {
                read_quant(body, n);
            } else if (code == 0xDD) {
                if (n != 2) fail(m, "DRI segment of " + std::to_string(n) + " bytes (2 expected)");
                tables_.restart_interval = be16(body);
            } else if (code == 0xDA) {
                at = read_scan(m, body, n, next);
                continue;
            } else if (code >= 0xE0 && code <= 0xEF) {
                read_app(code, body, n);
            } else if (code != 0xFE && !(code >= 0xF0 && code <= 0xFD)) {  // COM and JPGn are skipped
                fail(m, "unknown marker " + marker_name(code));
            }
            at = next;
        }
        const std::size_t eoi = at - 2;
        if (!have_frame_) fail(eoi, "EOI marker before any frame (SOF) marker");
        if (scans_ == 0) fail(eoi, "EOI marker before any scan (SOS)");
        for (const Component& c : frame_.components)
            if (!c.seen) fail(eoi, "component " + std::to_string(c.id) + " never appears in a scan");

        if (steps_) {
            keep_steps();
        } else if (frame_.buffered) {  // every scan is in: inverse-transform and write, one MCU row behind
            for (int r = 0; r < frame_.mcus_y; ++r) {
                transform_mcu_row(frame_, r);
                if (r > 0) writer_->write(r - 1);
            }
            writer_->write(frame_.mcus_y - 1);
        }
        RawImage img = writer_->take();
        img.orientation = orientation_;
        return img;
    }

private:
    [[noreturn]] void fail(std::size_t at, const std::string& what) const { fail_at(context_, at, what); }

    // inspect_jpeg: every scan is in and the planes are whole. Keeps the coefficients, the samples and the
    // upsampled planes, then writes the pixels.
    void keep_steps() {
        JpegSteps& s = *steps_;
        s.width = frame_.width;
        s.height = frame_.height;
        s.progressive = frame_.progressive;
        s.color_space = color_space_name(space_);
        s.components.resize(frame_.components.size());
        for (int r = 0; r < frame_.mcus_y; ++r) transform_mcu_row(frame_, r);
        for (std::size_t i = 0; i < frame_.components.size(); ++i) {
            const Component& c = frame_.components[i];
            JpegComponentSteps& k = s.components[i];
            k.id = c.id;
            k.h = c.h;
            k.v = c.v;
            k.width = c.width;
            k.height = c.height;
            k.blocks_w = c.padded_w;
            k.blocks_h = c.padded_h;
            k.quant = c.quant.q;
            k.coefficients = c.coefs;
            k.samples = c.plane;
            k.upsampled.resize(std::size_t(frame_.width) * frame_.height);
            for (int y = 0; y < frame_.height; ++y) {
                const std::uint8_t* row = writer_->upsampled_row(static_cast<int>(i), y);
                std::copy(row, row + frame_.width, k.upsampled.begin() + std::ptrdiff_t(y) * frame_.width);
            }
        }
        for (int r = 0; r < frame_.mcus_y; ++r) writer_->write(r);
    }

    std::size_t be16(std::size_t at) const { return (std::size_t(data_[at]) << 8) | data_[at + 1]; }

    // The next marker at or after `at` (skipping fill bytes 0xFF, and any other bytes as libjpeg does, with a
    // warning); returns the offset of its last 0xFF. The file must not end first: EOI is required.
    std::size_t find_marker(std::size_t at) const {
        while (at + 1 < size_) {
            if (data_[at] == 0xFF && data_[at + 1] != 0xFF && data_[at + 1] != 0x00) return at;
            ++at;
        }
        fail(size_, scans_ ? "file ends before the EOI marker (truncated)" : "file ends before the first scan");
    }

    void read_frame(std::size_t m, std::size_t body, std::size_t n, bool progressive, std::size_t next) {
        if (have_frame_) fail(m, "a second frame (SOF) marker");
        if (n < 6) fail(m, "SOF segment of " + std::to_string(n) + " bytes (at least 6)");
        const int precision = data_[body];
        const int height = static_cast<int>(be16(body + 1)), width = static_cast<int>(be16(body + 3));
        const int nc = data_[body + 5];
        if (precision == 12) fail(body, "12-bit samples are not supported (8-bit only)");
        if (precision != 8) fail(body, "sample precision " + std::to_string(precision) + " bits (8-bit only)");
        if (height == 0) fail(body + 1, "height 0: a height given later by a DNL marker is not supported");
        if (width == 0) fail(body + 3, "width 0");
        if (nc != 1 && nc != 3 && nc != 4)
            fail(body + 5, std::to_string(nc) + " components (1, 3 or 4 are supported)");
        if (n != 6 + 3 * std::size_t(nc))
            fail(m, "SOF segment of " + std::to_string(n) + " bytes for " + std::to_string(nc) + " components (" +
                        std::to_string(6 + 3 * nc) + " expected)");

        frame_.progressive = progressive;
        frame_.width = width;
        frame_.height = height;
        for (int i = 0; i < nc; ++i) {
            const std::size_t p = body + 6 + 3 * std::size_t(i);
            Component c;
            c.id = data_[p];
            c.h = data_[p + 1] >> 4;
            c.v = data_[p + 1] & 15;
            c.tq = data_[p + 2];
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4)
                fail(p + 1, "component " + std::to_string(c.id) + " has sampling factors " + std::to_string(c.h) +
                                "x" + std::to_string(c.v) + " (1 to 4 allowed)");
            if (c.h > 2 || c.v > 2)
                fail(p + 1, "component " + std::to_string(c.id) + " has sampling factors " + std::to_string(c.h) +
                                "x" + std::to_string(c.v) + ": only 1 or 2 in each direction are supported");
            if (c.tq > 3) fail(p + 2, "quantisation table " + std::to_string(c.tq) + " (0 to 3 allowed)");
            for (const Component& other : frame_.components)
                if (other.id == c.id) fail(p, "component id " + std::to_string(c.id) + " appears twice");
            if (nc == 1) c.h = c.v = 1;  // one component is never subsampled: its factors do not matter
            frame_.hmax = std::max(frame_.hmax, c.h);
            frame_.vmax = std::max(frame_.vmax, c.v);
            frame_.components.push_back(c);
        }
        check_pixel_limit(context_, m, std::uint64_t(width), std::uint64_t(height));

        frame_.mcus_x = ceil_div(width, 8 * frame_.hmax);
        frame_.mcus_y = ceil_div(height, 8 * frame_.vmax);
        std::uint64_t blocks = 0;
        for (Component& c : frame_.components) {
            c.width = ceil_div(width * c.h, frame_.hmax);
            c.height = ceil_div(height * c.v, frame_.vmax);
            c.blocks_w = ceil_div(c.width, 8);
            c.blocks_h = ceil_div(c.height, 8);
            c.padded_w = frame_.mcus_x * c.h;
            c.padded_h = frame_.mcus_y * c.v;
            blocks += std::uint64_t(c.blocks_w) * c.blocks_h;
        }
        // Every block takes at least one bit of the file's remaining bytes (its DC code, in the first scan that
        // covers it): a header whose sizes need more cannot be real, and nothing is allocated for it.
        if (blocks > 8 * std::uint64_t(size_ - next))
            fail(m, "SOF's " + std::to_string(width) + " x " + std::to_string(height) + " picture has " +
                        std::to_string(blocks) + " blocks, more than the " + std::to_string(size_ - next) +
                        " bytes after it can code");
        have_frame_ = true;
    }

    // At the first scan: a sequential frame whose first scan holds every component is decoded as it streams
    // in, MCU row by MCU row; otherwise (progressive, or a scan per component) the coefficients are kept until
    // EOI, as libjpeg does. Either way the planes hold three MCU rows and the picture is written row by row.
    void start_output(bool streamed) {
        frame_.buffered = !streamed;
        for (Component& c : frame_.components) {
            c.ring_rows = steps_ ? c.padded_h * 8 : std::min(3 * 8 * c.v, c.padded_h * 8);  // inspect: whole
            c.plane.assign(c.stride() * c.ring_rows, 0);
            if (frame_.buffered) c.coefs.assign(std::size_t(c.padded_w) * c.padded_h * 64, 0);
        }
        writer_ = std::make_unique<PixelWriter>(frame_, space_);
    }

    void read_huffman(std::size_t body, std::size_t n) {
        std::size_t p = body;
        const std::size_t end = body + n;
        while (p < end) {
            const int tc = data_[p] >> 4, th = data_[p] & 15;
            if (tc > 1 || th > 3)
                fail(p, "DHT table class " + std::to_string(tc) + " id " + std::to_string(th) +
                            " (class 0 or 1, id 0 to 3)");
            if (end - p < 17) fail(p, "DHT segment ends inside a table's code counts");
            const std::uint8_t* counts = data_ + p + 1;
            int total = 0;
            for (int i = 0; i < 16; ++i) total += counts[i];
            if (total > 256) fail(p, "DHT table with " + std::to_string(total) + " codes (at most 256)");
            if (end - p - 17 < std::size_t(total)) fail(p, "DHT segment ends inside a table's symbols");
            HuffmanTable& t = tc == 0 ? tables_.dc[th] : tables_.ac[th];
            const std::string error = build_huffman(counts, data_ + p + 17, total, tc == 0, t);
            if (!error.empty()) fail(p, "DHT table: " + error);
            p += 17 + std::size_t(total);
        }
    }

    void read_quant(std::size_t body, std::size_t n) {
        std::size_t p = body;
        const std::size_t end = body + n;
        while (p < end) {
            const int pq = data_[p] >> 4, tq = data_[p] & 15;
            if (pq > 1 || tq > 3)
                fail(p, "DQT precision " + std::to_string(pq) + " id " + std::to_string(tq) +
                            " (precision 0 or 1, id 0 to 3)");
            const std::size_t bytes = pq ? 128 : 64;
            if (end - p - 1 < bytes) fail(p, "DQT segment ends inside a table");
            QuantTable& t = tables_.quant[tq];
            for (int k = 0; k < 64; ++k)
                t.q[kNatural[k]] = std::uint16_t(pq ? be16(p + 1 + 2 * std::size_t(k)) : data_[p + 1 + k]);
            t.defined = true;
            p += 1 + bytes;
        }
    }

    void read_app(int code, std::size_t body, std::size_t n) {
        const std::uint8_t* d = data_ + body;
        if (code == 0xE0 && n >= 14 && std::memcmp(d, "JFIF\0", 5) == 0) jfif_ = true;
        if (code == 0xEE && n >= 12 && std::memcmp(d, "Adobe", 5) == 0) adobe_transform_ = d[11];
        // Pillow keeps the first Exif segment that comes before the first scan.
        if (code == 0xE1 && n >= 6 && std::memcmp(d, "Exif\0\0", 6) == 0 && !have_exif_ && scans_ == 0) {
            have_exif_ = true;
            orientation_ = exif_orientation(d, n);
        }
    }

    // libjpeg's choice of colour space (jdapimin.c), made when the first scan starts: 3 components are YCbCr
    // when a JFIF marker is present, else as an Adobe marker's transform says (0: RGB), else by the component
    // ids ('R', 'G', 'B': RGB); 4 components are CMYK unless an Adobe marker's transform is not 0 (YCCK).
    ColorSpace choose_color_space() const {
        const std::size_t nc = frame_.components.size();
        if (nc == 1) return ColorSpace::gray;
        if (nc == 4) return adobe_transform_ < 0 || adobe_transform_ == 0 ? ColorSpace::cmyk : ColorSpace::ycck;
        if (jfif_) return ColorSpace::ycbcr;
        if (adobe_transform_ >= 0) return adobe_transform_ == 0 ? ColorSpace::rgb : ColorSpace::ycbcr;
        const Component* c = frame_.components.data();
        if (c[0].id == 'R' && c[1].id == 'G' && c[2].id == 'B') return ColorSpace::rgb;
        return ColorSpace::ycbcr;
    }

    // inspect_jpeg: the codes of the Huffman tables a component's first scan reads (the typical tables of
    // annex K.3 for ids 0 and 1 when the file defines none, as decode_scan assumes).
    void keep_codes(const ScanComponent& sc, const Scan& scan) {
        if (steps_->components.size() != frame_.components.size()) steps_->components.resize(frame_.components.size());
        JpegComponentSteps& k = steps_->components[sc.index];
        auto table = [&](bool dc, int id) {
            const HuffmanTable& t = dc ? tables_.dc[id] : tables_.ac[id];
            if (t.defined) return codes_of(t);
            return id <= 1 ? codes_of(standard_huffman(dc, id)) : std::vector<JpegHuffmanCode>{};
        };
        const bool reads_dc = !frame_.progressive || (scan.ss == 0 && scan.ah == 0);
        const bool reads_ac = !frame_.progressive || scan.ss > 0;
        if (reads_dc) k.dc_codes = table(true, sc.dc_table);
        if (reads_ac) k.ac_codes = table(false, sc.ac_table);
    }

    std::size_t read_scan(std::size_t m, std::size_t body, std::size_t n, std::size_t next) {
        if (!have_frame_) fail(m, "a scan (SOS) before the frame header (SOF)");
        const int ns = n >= 1 ? data_[body] : 0;
        if (ns < 1 || ns > 4) fail(body, "a scan of " + std::to_string(ns) + " components (1 to 4 allowed)");
        if (n != 4 + 2 * std::size_t(ns))
            fail(m, "SOS segment of " + std::to_string(n) + " bytes for " + std::to_string(ns) + " components (" +
                        std::to_string(4 + 2 * ns) + " expected)");
        Scan scan;
        scan.number = scans_ + 1;
        int blocks_in_mcu = 0;
        for (int i = 0; i < ns; ++i) {
            const std::size_t p = body + 1 + 2 * std::size_t(i);
            const int id = data_[p];
            int index = -1;
            for (std::size_t k = 0; k < frame_.components.size(); ++k)
                if (frame_.components[k].id == id) index = static_cast<int>(k);
            if (index < 0) fail(p, "scan component " + std::to_string(id) + " is not in the frame");
            for (const ScanComponent& sc : scan.components)
                if (sc.index == index) fail(p, "component " + std::to_string(id) + " appears twice in a scan");
            ScanComponent sc;
            sc.index = index;
            sc.dc_table = data_[p + 1] >> 4;
            sc.ac_table = data_[p + 1] & 15;
            if (sc.dc_table > 3 || sc.ac_table > 3)
                fail(p + 1, "scan Huffman table ids " + std::to_string(sc.dc_table) + " and " +
                                std::to_string(sc.ac_table) + " (0 to 3 allowed)");
            scan.components.push_back(sc);
            blocks_in_mcu += frame_.components[index].h * frame_.components[index].v;
        }
        const std::size_t p = body + 1 + 2 * std::size_t(ns);
        scan.ss = data_[p];
        scan.se = data_[p + 1];
        scan.ah = data_[p + 2] >> 4;
        scan.al = data_[p + 2] & 15;
        if (ns > 1 && blocks_in_mcu > 10)
            fail(m, "an MCU of " + std::to_string(blocks_in_mcu) + " blocks (at most 10 allowed)");
        if (frame_.progressive) {
            // libjpeg's checks (jdphuff.c): a DC scan covers only coefficient 0; an AC scan one component and
            // a band within 1..63; a refinement adds exactly one bit; at most 13 bits of scaling.
            bool bad = scan.ss == 0 ? scan.se != 0 : scan.ss > scan.se || scan.se > 63 || ns != 1;
            if (scan.ah != 0 && scan.al != scan.ah - 1) bad = true;
            if (scan.al > 13) bad = true;
            if (bad)
                fail(p, "invalid progressive scan parameters Ss=" + std::to_string(scan.ss) + " Se=" +
                            std::to_string(scan.se) + " Ah=" + std::to_string(scan.ah) + " Al=" + std::to_string(scan.al));
        }
        // A sequential scan's Ss, Se, Ah and Al are ignored, as libjpeg does (with a warning).

        for (const ScanComponent& sc : scan.components) {
            Component& c = frame_.components[sc.index];
            if (c.seen) continue;
            if (!tables_.quant[c.tq].defined)
                fail(m, "quantisation table " + std::to_string(c.tq) + " of component " + std::to_string(c.id) +
                            " is not defined");
            c.quant = tables_.quant[c.tq];  // libjpeg keeps the table in force at the component's first scan
            c.seen = true;
            if (steps_) keep_codes(sc, scan);
        }
        // Each scan visits every block, even one coded in a few bits (end-of-band runs): without a bound, a
        // small hostile file of many scans would keep the decoder busy for minutes. Real progressive files
        // have about 10 scans (libjpeg's default script: 10; jpegtran -progressive: at most 10 per component).
        if (scans_ == kMaxScans)
            fail(m, "more than " + std::to_string(kMaxScans) + " scans (real progressive files have about 10)");
        if (scans_ == 0) {
            space_ = choose_color_space();
            streamed_ = !frame_.progressive && std::size_t(ns) == frame_.components.size();
            start_output(streamed_ && !steps_);
            if (steps_) steps_->scan_data = next;
        } else if (streamed_) {
            fail(m, "a second scan after one that held every component of a sequential frame");
        }
        ++scans_;
        if (frame_.buffered) return decode_scan(data_, size_, next, frame_, scan, tables_, context_, {});
        const std::size_t end = decode_scan(data_, size_, next, frame_, scan, tables_, context_, [this](int r) {
            if (r > 0) writer_->write(r - 1);
        });
        writer_->write(frame_.mcus_y - 1);
        return end;
    }

    const std::uint8_t* data_;
    std::size_t size_;
    const std::string& context_;
    Tables tables_;
    Frame frame_;
    JpegSteps* steps_;
    bool have_frame_ = false, jfif_ = false, have_exif_ = false;
    bool streamed_ = false;  // a sequential frame whose first scan holds every component (decoded as it comes)
    int adobe_transform_ = -1;  // -1: no Adobe marker
    int scans_ = 0, orientation_ = 1;
    ColorSpace space_ = ColorSpace::gray;
    std::unique_ptr<PixelWriter> writer_;
};

}  // namespace

bool is_jpeg(const std::uint8_t* data, std::size_t size) {
    return size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}

RawImage decode_jpeg(const std::uint8_t* data, std::size_t size, const std::string& context) {
    return Decoder(data, size, context).run();
}

JpegSteps inspect_jpeg(const std::uint8_t* data, std::size_t size, const std::string& context) {
    JpegSteps steps;
    steps.pixels = Decoder(data, size, context, &steps).run();
    return steps;
}

std::array<std::uint8_t, 64> jpeg_idct_block(const std::int16_t* coefficients,
                                             const std::array<std::uint16_t, 64>& quant) {
    std::array<std::uint8_t, 64> out{};
    idct_islow(coefficients, quant.data(), out.data(), 8);
    return out;
}

std::array<std::uint8_t, 3> jpeg_ycc_to_rgb(int y, int cb, int cr) {
    auto byte = [](int v) { return static_cast<std::uint8_t>(v < 0 ? 0 : v > 255 ? 255 : v); };
    const std::uint8_t Y = byte(y), Cb = byte(cb), Cr = byte(cr);
    std::array<std::uint8_t, 3> rgb{};
    ycc_to_rgb_scalar(&Y, &Cb, &Cr, 1, rgb.data());
    return rgb;
}

}  // namespace dnn::io
