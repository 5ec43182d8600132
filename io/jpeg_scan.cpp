// io/jpeg_scan.cpp - decoding a scan's entropy-coded data (T.81 annex F for sequential, annex G for
// progressive Huffman coding), with restart intervals (B.2.5, F.1.2.3).
//
// The bits of entropy-coded data are read most-significant first. A 0xFF byte is followed by a stuffed 0x00
// that is not data (B.1.1.5); any other byte after 0xFF is a marker, which ends the data. Past a marker (or
// the end of the file) the reader supplies zero bits, as libjpeg does, so that decoding a code never needs a
// special case; a block that actually consumed such bits is an error (the data was cut short).
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "io/jpeg_format.hpp"
#include "io/jpeg_idct.hpp"

namespace dnn::io::jpeg {
namespace {

std::string marker_name(std::uint8_t code) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0xFF%02X", unsigned(code) & 0xFF);
    return buf;
}

// The next marker at or after `at`: skips bytes that are not one (libjpeg skips such extraneous bytes too),
// stuffed 0xFF 0x00 pairs and 0xFF fill bytes. Returns the offset of the marker's last 0xFF, or size.
std::size_t find_marker(const std::uint8_t* data, std::size_t size, std::size_t at) {
    while (at + 1 < size) {
        if (data[at] == 0xFF && data[at + 1] != 0x00 && data[at + 1] != 0xFF) return at;
        ++at;
    }
    return size;
}

// Whether some code of the table longer than n bits starts with these n bits (canonical codes of each length
// are the consecutive numbers up to maxcode).
bool could_begin_code(const HuffmanTable& t, int prefix, int n) {
    for (int length = n + 1; length <= 16; ++length) {
        if (t.count[length] == 0) continue;
        const std::int32_t lo = std::int32_t(prefix) << (length - n), hi = lo + (std::int32_t(1) << (length - n)) - 1;
        const std::int32_t first = t.maxcode[length] - t.count[length] + 1;
        if (hi >= first && lo <= t.maxcode[length]) return true;
    }
    return false;
}

class BitReader {
public:
    BitReader(const std::uint8_t* data, std::size_t size, std::size_t at, const std::string& context)
        : data_(data), size_(size), pos_(at), context_(context) {}

    // Makes at least n bits (n <= 57) available to peek, symbol and extend.
    void need(int n) {
        if (bits_ < n) refill();
    }
    int peek(int n) const { return static_cast<int>(buffer_ >> (64 - n)); }
    void consume(int n) {
        buffer_ <<= n;
        bits_ -= n;
    }

    // One Huffman-coded symbol; 16 bits must be available.
    int symbol(const HuffmanTable& t) {
        const std::uint16_t e = t.fast[peek(kFastBits)];
        if (e) {
            consume(e >> 8);
            return e & 0xFF;
        }
        const std::int32_t code16 = peek(16);
        for (int length = kFastBits + 1; length <= 16; ++length) {
            const std::int32_t code = code16 >> (16 - length);
            if (code <= t.maxcode[length]) {
                consume(length);
                return t.symbols[code + t.valoffset[length]];
            }
        }
        // No code matches. If the data ran out first, say so: the real bits left may begin a longer code.
        const int real = std::max(bits_ - fake_, 0);
        if (real < 16 && could_begin_code(t, real == 0 ? 0 : peek(real), real)) cut_short();
        fail("Huffman code not in the DHT table");
    }

    // RECEIVE and EXTEND (F.2.2.1): s bits (1..15) holding a value of magnitude category s; s bits must be
    // available.
    int extend(int s) {
        const int v = peek(s);
        consume(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    // The same with the buffer checked first (for the progressive procedures, which are not speed-critical).
    int decode(const HuffmanTable& t) {
        need(16);
        return symbol(t);
    }
    int bits(int n) {  // n <= 16 bits as an unsigned number
        need(n);
        const int v = peek(n);
        consume(n);
        return v;
    }
    int receive_extend(int s) {
        need(s);
        return extend(s);
    }

    // True once a block used bits that are not in the data.
    bool overrun() const { return bits_ < fake_; }

    // The file offset of the byte holding the next unread bit (approximate where 0xFF 0x00 pairs are buffered).
    std::size_t offset() const {
        const std::size_t real = std::size_t(std::max(bits_ - fake_, 0));
        return pos_ - std::min(pos_, (real + 7) / 8);
    }

    [[noreturn]] void fail(const std::string& what) const { fail_at(context_, offset(), what); }

    // Says why the data ran out: a marker came, or the file ended.
    [[noreturn]] void cut_short() const {
        if (pos_ + 1 < size_)
            fail_at(context_, pos_, "entropy-coded data ends at marker " + marker_name(data_[pos_ + 1]) +
                                        " before the scan's last block");
        fail_at(context_, size_, "file ends inside entropy-coded data");
    }

    // Drops the buffered bits (the rest of the last byte is padding) and returns the offset of the marker
    // that follows (size when the file ends first).
    std::size_t next_marker() {
        buffer_ = 0;
        bits_ = fake_ = 0;
        stopped_ = false;
        return find_marker(data_, size_, pos_);
    }

    // Reads the RSTn marker that must end a restart interval (n = expected), and starts afresh after it.
    void restart(int expected) {
        const std::size_t m = next_marker();
        if (m >= size_)
            fail_at(context_, size_, "file ends where marker RST" + std::to_string(expected) + " should be");
        if (data_[m + 1] != 0xD0 + expected)
            fail_at(context_, m, "expected marker RST" + std::to_string(expected) + " (" +
                                     marker_name(std::uint8_t(0xD0 + expected)) + "), found " +
                                     marker_name(data_[m + 1]));
        pos_ = m + 2;
    }

private:
    // Fills the buffer to at least 57 bits: data bytes while there are some, then zero bits.
    void refill() {
        // Fast path: the next 8 bytes hold no 0xFF, so as many as fit are data.
        if (!stopped_ && size_ - pos_ >= 8) {
            std::uint64_t w = 0;
            for (int i = 0; i < 8; ++i) w = (w << 8) | data_[pos_ + i];
            const std::uint64_t inverted = ~w;  // a 0xFF byte of w is a zero byte here
            const bool has_ff = ((inverted - 0x0101010101010101u) & ~inverted & 0x8080808080808080u) != 0;
            if (!has_ff) {
                const int take = (64 - bits_) / 8;  // whole bytes that fit: 1 to 8
                buffer_ |= take == 8 ? w : (w >> (64 - 8 * take)) << (64 - 8 * take - bits_);
                bits_ += 8 * take;
                pos_ += take;
                return;
            }
        }
        while (bits_ <= 56) {
            if (!stopped_ && pos_ < size_) {
                const std::uint8_t b = data_[pos_];
                if (b != 0xFF) {
                    buffer_ |= std::uint64_t(b) << (56 - bits_);
                    bits_ += 8;
                    ++pos_;
                    continue;
                }
                if (pos_ + 1 < size_ && data_[pos_ + 1] == 0x00) {  // a stuffed 0xFF data byte
                    buffer_ |= std::uint64_t(0xFF) << (56 - bits_);
                    bits_ += 8;
                    pos_ += 2;
                    continue;
                }
            }
            stopped_ = true;  // a marker at pos_, or the end of the file: zeros from now on
            bits_ += 8;
            fake_ += 8;
        }
    }

    const std::uint8_t* data_;
    std::size_t size_, pos_;
    const std::string& context_;
    std::uint64_t buffer_ = 0;  // the next bits_ bits, most significant first
    int bits_ = 0;
    int fake_ = 0;              // how many of the last buffered bits are zeros past the data
    bool stopped_ = false;
};

// ---- the decoding procedures, one block at a time ------------------------------------------------------

// Sequential (baseline and extended) Huffman: DC difference, then run/size-coded AC terms (F.2.2).
void decode_sequential(BitReader& in, const HuffmanTable& dc, const HuffmanTable& ac, int& pred,
                       std::int16_t* block) {
    in.need(32);  // a code (<= 16 bits) and its value (<= 15 bits)
    const int s = in.symbol(dc);
    if (s) pred = std::int16_t(pred + in.extend(s));  // kept to 16 bits, as libjpeg stores it
    block[0] = std::int16_t(pred);
    for (int k = 1; k < 64;) {
        in.need(32);
        const FastAc& f = ac.fast_ac[in.peek(kFastBits)];
        if (f.length) {  // a short code and its value in one look-up
            in.consume(f.length);
            k += f.run;
            if (k > 63) in.fail("AC coefficients run past the end of the block");
            block[kNatural[k]] = f.value;
            ++k;
            continue;
        }
        const int rs = in.symbol(ac), r = rs >> 4, size = rs & 15;
        if (size == 0) {
            if (r != 15) break;  // EOB: the rest are zero
            k += 16;             // ZRL: sixteen zeros
            continue;
        }
        k += r;
        if (k > 63) in.fail("AC coefficients run past the end of the block");
        block[kNatural[k]] = std::int16_t(in.extend(size));
        ++k;
    }
}

// Progressive, DC first scan (G.1.2.1): the DC difference, scaled by 2^Al.
void decode_dc_first(BitReader& in, const HuffmanTable& dc, int al, int& pred, std::int16_t* block) {
    const int s = in.decode(dc);
    if (s) pred = std::int16_t(pred + in.receive_extend(s));
    block[0] = std::int16_t(static_cast<std::uint32_t>(pred) << al);
}

// Progressive, DC refinement (G.1.2.1): one more bit of the DC value.
void decode_dc_refine(BitReader& in, int al, std::int16_t* block) {
    if (in.bits(1)) block[0] = std::int16_t(block[0] | (1 << al));
}

// Progressive, AC first scan (G.1.2.2): terms Ss..Se, scaled by 2^Al, with runs of all-zero blocks (EOBRUN).
void decode_ac_first(BitReader& in, const HuffmanTable& ac, int ss, int se, int al, int& eobrun,
                     std::int16_t* block) {
    if (eobrun > 0) {
        --eobrun;
        return;
    }
    for (int k = ss; k <= se;) {
        const int rs = in.decode(ac), r = rs >> 4, size = rs & 15;
        if (size == 0) {
            if (r == 15) {
                k += 16;
                continue;
            }
            eobrun = (1 << r) - 1;  // this block ends here, and so do the next (2^r - 1 + extra bits) blocks
            if (r) eobrun += in.bits(r);
            break;
        }
        k += r;
        if (k > se) in.fail("AC coefficients run past the end of the spectral band");
        block[kNatural[k]] = std::int16_t(static_cast<std::uint32_t>(in.receive_extend(size)) << al);
        ++k;
    }
}

// Progressive, AC refinement (G.1.2.3): one more bit for each term already nonzero, and newly nonzero terms
// of magnitude 1 (scaled by 2^Al), placed by counting the terms that are still zero.
void decode_ac_refine(BitReader& in, const HuffmanTable& ac, int ss, int se, int al, int& eobrun,
                      std::int16_t* block) {
    const int p1 = 1 << al, m1 = -p1;
    // Adds the correction bit to a term already known to be nonzero (its sign decides the direction).
    auto refine = [&](std::int16_t& coef) {
        if (in.bits(1) && (coef & p1) == 0) coef = std::int16_t(coef + (coef >= 0 ? p1 : m1));
    };
    int k = ss;
    if (eobrun == 0) {
        for (; k <= se; ++k) {
            const int rs = in.decode(ac);
            int r = rs >> 4;
            const int size = rs & 15;
            int value = 0;
            if (size) {
                if (size != 1) in.fail("AC refinement term of size " + std::to_string(size) + " (must be 1)");
                value = in.bits(1) ? p1 : m1;
            } else if (r != 15) {
                eobrun = 1 << r;  // counts this block too
                if (r) eobrun += in.bits(r);
                break;
            }
            // Skip r zero terms (refining the nonzero ones met on the way), then place the new term.
            for (; k <= se; ++k) {
                std::int16_t& coef = block[kNatural[k]];
                if (coef != 0) {
                    refine(coef);
                } else {
                    if (r == 0) break;
                    --r;
                }
            }
            if (value) {
                if (k > se) in.fail("AC refinement term past the end of the spectral band");
                block[kNatural[k]] = std::int16_t(value);
            }
        }
    }
    if (eobrun > 0) {
        // The rest of this block is in an end-of-band run: only the correction bits of nonzero terms.
        for (; k <= se; ++k) {
            std::int16_t& coef = block[kNatural[k]];
            if (coef != 0) refine(coef);
        }
        --eobrun;
    }
}

const HuffmanTable& table_for(const Tables& tables, bool dc, int id, HuffmanTable& standard, BitReader& in) {
    const HuffmanTable& t = dc ? tables.dc[id] : tables.ac[id];
    if (t.defined) return t;
    if (id > 1)
        in.fail(std::string(dc ? "DC" : "AC") + " Huffman table " + std::to_string(id) + " is used but not defined");
    standard = standard_huffman(dc, id);  // Motion-JPEG: no DHT, the tables of annex K.3
    return standard;
}

}  // namespace

std::size_t decode_scan(const std::uint8_t* data, std::size_t size, std::size_t at, Frame& frame, const Scan& scan,
                        const Tables& tables, const std::string& context,
                        const std::function<void(int)>& mcu_row_done) {
    BitReader in(data, size, at, context);
    const int n = static_cast<int>(scan.components.size());

    enum class Kind { sequential, dc_first, dc_refine, ac_first, ac_refine };
    Kind kind = Kind::sequential;
    if (frame.progressive) {
        if (scan.ss == 0) kind = scan.ah == 0 ? Kind::dc_first : Kind::dc_refine;
        else kind = scan.ah == 0 ? Kind::ac_first : Kind::ac_refine;
    }

    // The tables each component of the scan uses (only those its kind of scan reads).
    HuffmanTable standard_dc[4], standard_ac[4];
    const HuffmanTable* dc[4] = {};
    const HuffmanTable* ac[4] = {};
    for (int i = 0; i < n; ++i) {
        const ScanComponent& sc = scan.components[i];
        if (kind == Kind::sequential || kind == Kind::dc_first)
            dc[i] = &table_for(tables, true, sc.dc_table, standard_dc[i], in);
        if (kind == Kind::sequential || kind == Kind::ac_first || kind == Kind::ac_refine)
            ac[i] = &table_for(tables, false, sc.ac_table, standard_ac[i], in);
    }

    // A scan of one component codes its blocks one by one, row by row, covering only the component's own
    // size; a scan of several codes MCUs (each component's h x v blocks in turn), covering whole MCUs.
    const bool interleaved = n > 1;
    const Component& first = frame.components[scan.components[0].index];
    const long units = interleaved ? long(frame.mcus_x) * frame.mcus_y : long(first.blocks_w) * first.blocks_h;
    const int units_per_row = interleaved ? frame.mcus_x : first.blocks_w;

    int pred[4] = {0, 0, 0, 0};
    int eobrun = 0;
    int next_restart = 0;
    long left_in_interval = tables.restart_interval;
    alignas(32) std::int16_t block[64];

    // Decodes block (bx, by) of scan component i.
    auto decode_block = [&](int i, int bx, int by) {
        Component& c = frame.components[scan.components[i].index];
        if (!frame.buffered) {
            std::memset(block, 0, sizeof block);
            decode_sequential(in, *dc[i], *ac[i], pred[i], block);
            idct_islow(block, c.quant.q.data(), c.row(by * 8) + std::size_t(bx) * 8, c.stride());
            return;
        }
        std::int16_t* coefs = c.coefs.data() + (std::size_t(by) * c.padded_w + bx) * 64;
        switch (kind) {
            case Kind::sequential: decode_sequential(in, *dc[i], *ac[i], pred[i], coefs); break;
            case Kind::dc_first: decode_dc_first(in, *dc[i], scan.al, pred[i], coefs); break;
            case Kind::dc_refine: decode_dc_refine(in, scan.al, coefs); break;
            case Kind::ac_first: decode_ac_first(in, *ac[i], scan.ss, scan.se, scan.al, eobrun, coefs); break;
            default: decode_ac_refine(in, *ac[i], scan.ss, scan.se, scan.al, eobrun, coefs); break;
        }
    };

    for (long unit = 0; unit < units; ++unit) {
        if (tables.restart_interval) {
            if (left_in_interval == 0) {
                in.restart(next_restart);
                next_restart = (next_restart + 1) & 7;
                left_in_interval = tables.restart_interval;
                std::fill(pred, pred + 4, 0);
                eobrun = 0;
            }
            --left_in_interval;
        }
        const int ux = static_cast<int>(unit % units_per_row), uy = static_cast<int>(unit / units_per_row);
        if (!interleaved) {
            decode_block(0, ux, uy);
        } else {
            for (int i = 0; i < n; ++i) {
                const Component& c = frame.components[scan.components[i].index];
                for (int v = 0; v < c.v; ++v)
                    for (int h = 0; h < c.h; ++h) decode_block(i, ux * c.h + h, uy * c.v + v);
            }
        }
        if (in.overrun()) in.cut_short();
        if (ux == units_per_row - 1 && mcu_row_done) mcu_row_done(uy);
    }
    return in.next_marker();
}

void transform_mcu_row(Frame& frame, int r) {
    for (Component& c : frame.components)
        for (int by = r * c.v; by < (r + 1) * c.v; ++by)
            for (int bx = 0; bx < c.padded_w; ++bx)
                idct_islow(c.coefs.data() + (std::size_t(by) * c.padded_w + bx) * 64, c.quant.q.data(),
                           c.row(by * 8) + std::size_t(bx) * 8, c.stride());
}

}  // namespace dnn::io::jpeg
