// io/inflate.cpp - DEFLATE (RFC 1951) and zlib (RFC 1950) decompression, written from the RFCs.
//
// The decoder is the plain canonical-Huffman one the RFC describes: codes of each length are consecutive
// integers, so a code is decoded one bit at a time by counting how many codes are shorter. It is simple to
// step through and fast enough for HDF5 chunks (tens of MB/s).
#include "io/inflate.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace dnn::io {
namespace {

[[noreturn]] void fail(const std::string& what, std::size_t byte) {
    throw std::runtime_error("inflate: " + what + " at byte " + std::to_string(byte));
}

// Reads bits least-significant first, loading input one byte at a time only when needed, so that between
// calls fewer than 8 bits are buffered and a stored block can start at `pos` after dropping them.
class BitReader {
public:
    BitReader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint32_t bits(unsigned n) {  // n <= 24
        while (count_ < n) {
            if (pos_ >= size_) fail("unexpected end of compressed data", pos_);
            buffer_ |= std::uint32_t(data_[pos_++]) << count_;
            count_ += 8;
        }
        const std::uint32_t v = buffer_ & ((std::uint32_t(1) << n) - 1);
        buffer_ >>= n;
        count_ -= n;
        return v;
    }
    void align_to_byte() { buffer_ = 0; count_ = 0; }  // drops the < 8 buffered bits
    std::size_t pos() const { return pos_; }          // next unread byte
    void advance(std::size_t n) { pos_ += n; }
    std::size_t remaining() const { return size_ - pos_; }
    const std::uint8_t* here() const { return data_ + pos_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t pos_ = 0;
    std::uint32_t buffer_ = 0;
    unsigned count_ = 0;
};

constexpr unsigned kMaxBits = 15;

// A canonical Huffman code: count[len] codes of each length, symbols listed in code order.
struct Huffman {
    std::array<std::uint16_t, kMaxBits + 1> count{};
    std::array<std::uint16_t, 288> symbol{};
};

enum class CodeKind { CodeLengths, LiteralLength, Distance };

// Builds the code from per-symbol code lengths (0 = unused). Over-subscribed sets are invalid; an
// incomplete set is accepted only where zlib accepts it (a single literal/length or distance code of
// length 1), and an empty distance set is accepted (a block of literals only).
Huffman build(const std::uint8_t* lengths, unsigned n, CodeKind kind, std::size_t at) {
    Huffman h;
    for (unsigned s = 0; s < n; ++s) h.count[lengths[s]]++;
    h.count[0] = 0;
    int left = 1;
    unsigned max_len = 0;
    for (unsigned len = 1; len <= kMaxBits; ++len) {
        left <<= 1;
        left -= h.count[len];
        if (left < 0) fail("invalid code lengths (over-subscribed)", at);
        if (h.count[len]) max_len = len;
    }
    if (left > 0) {
        const bool empty = max_len == 0;
        const bool single = max_len == 1 && kind != CodeKind::CodeLengths;
        if (!(single || (empty && kind == CodeKind::Distance)))
            fail("invalid code lengths (incomplete code)", at);
    }
    std::array<std::uint16_t, kMaxBits + 2> offset{};
    for (unsigned len = 1; len <= kMaxBits; ++len) offset[len + 1] = offset[len] + h.count[len];
    for (unsigned s = 0; s < n; ++s)
        if (lengths[s]) h.symbol[offset[lengths[s]]++] = std::uint16_t(s);
    return h;
}

// Decodes one symbol: at each length, codes [first, first + count) are the codes of that length.
unsigned decode(BitReader& in, const Huffman& h) {
    int code = 0, first = 0, index = 0;
    for (unsigned len = 1; len <= kMaxBits; ++len) {
        code |= int(in.bits(1));
        const int count = h.count[len];
        if (code - first < count) return h.symbol[std::size_t(index + code - first)];
        index += count;
        first = (first + count) << 1;
        code <<= 1;
    }
    fail("invalid Huffman code", in.pos());
}

constexpr std::array<std::uint16_t, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,
                                                       15, 17, 19, 23, 27, 31, 35, 43, 51,  59,
                                                       67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<std::uint8_t, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                       2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<std::uint16_t, 30> kDistBase = {1,    2,    3,    4,    5,    7,     9,     13,
                                                     17,   25,   33,   49,   65,   97,    129,   193,
                                                     257,  385,  513,  769,  1025, 1537,  2049,  3073,
                                                     4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<std::uint8_t, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                     6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

class Output {
public:
    explicit Output(std::size_t limit) : limit_(limit) {}
    void need(std::size_t n, const BitReader& in) {
        if (n > limit_ - out_.size())
            fail("output exceeds the expected " + std::to_string(limit_) + " bytes", in.pos());
    }
    void literal(std::uint8_t b, const BitReader& in) { need(1, in); out_.push_back(b); }
    void copy(std::size_t distance, std::size_t length, const BitReader& in) {
        if (distance > out_.size())
            fail("distance " + std::to_string(distance) + " too far back (only " +
                     std::to_string(out_.size()) + " bytes written)", in.pos());
        need(length, in);
        std::size_t from = out_.size() - distance;  // byte by byte: the source may overlap the copy
        for (std::size_t i = 0; i < length; ++i) out_.push_back(out_[from + i]);
    }
    void append(const std::uint8_t* p, std::size_t n, const BitReader& in) {
        need(n, in);
        out_.insert(out_.end(), p, p + n);
    }
    std::vector<std::uint8_t>& bytes() { return out_; }

private:
    std::size_t limit_;
    std::vector<std::uint8_t> out_;
};

void stored_block(BitReader& in, Output& out) {
    in.align_to_byte();
    if (in.remaining() < 4) fail("truncated stored block header", in.pos());
    const std::uint8_t* p = in.here();
    const unsigned len = p[0] | (unsigned(p[1]) << 8);
    const unsigned nlen = p[2] | (unsigned(p[3]) << 8);
    if ((len ^ 0xffffu) != nlen) fail("stored block length does not match its complement", in.pos());
    in.advance(4);
    if (in.remaining() < len) fail("truncated stored block of " + std::to_string(len) + " bytes", in.pos());
    out.append(in.here(), len, in);
    in.advance(len);
}

void huffman_block(BitReader& in, Output& out, const Huffman& lit, const Huffman& dist) {
    for (;;) {
        const unsigned sym = decode(in, lit);
        if (sym < 256) {
            out.literal(std::uint8_t(sym), in);
        } else if (sym == 256) {
            return;
        } else {
            const unsigned li = sym - 257;
            if (li >= kLengthBase.size()) fail("invalid length code " + std::to_string(sym), in.pos());
            const std::size_t length = kLengthBase[li] + in.bits(kLengthExtra[li]);
            const unsigned di = decode(in, dist);
            if (di >= kDistBase.size()) fail("invalid distance code " + std::to_string(di), in.pos());
            const std::size_t distance = kDistBase[di] + in.bits(kDistExtra[di]);
            out.copy(distance, length, in);
        }
    }
}

void fixed_block(BitReader& in, Output& out) {
    static const auto tables = [] {
        std::array<std::uint8_t, 288> l{};
        for (unsigned s = 0; s < 288; ++s) l[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        std::array<std::uint8_t, 32> d{};
        d.fill(5);
        return std::pair{build(l.data(), 288, CodeKind::LiteralLength, 0),
                         build(d.data(), 32, CodeKind::Distance, 0)};
    }();
    huffman_block(in, out, tables.first, tables.second);
}

void dynamic_block(BitReader& in, Output& out) {
    const std::size_t at = in.pos();
    const unsigned nlen = in.bits(5) + 257, ndist = in.bits(5) + 1, ncode = in.bits(4) + 4;
    if (nlen > 286 || ndist > 30) fail("too many length or distance codes", at);
    static constexpr std::array<std::uint8_t, 19> order = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                           11, 4,  12, 3, 13, 2, 14, 1, 15};
    std::array<std::uint8_t, 19> cl{};
    for (unsigned i = 0; i < ncode; ++i) cl[order[i]] = std::uint8_t(in.bits(3));
    const Huffman clcode = build(cl.data(), 19, CodeKind::CodeLengths, at);

    std::array<std::uint8_t, 286 + 30> lengths{};
    unsigned n = 0;
    while (n < nlen + ndist) {
        const unsigned sym = decode(in, clcode);
        if (sym < 16) {
            lengths[n++] = std::uint8_t(sym);
            continue;
        }
        std::uint8_t value = 0;
        unsigned repeat;
        if (sym == 16) {
            if (n == 0) fail("code length repeat with no previous length", in.pos());
            value = lengths[n - 1];
            repeat = 3 + in.bits(2);
        } else if (sym == 17) {
            repeat = 3 + in.bits(3);
        } else {
            repeat = 11 + in.bits(7);
        }
        if (n + repeat > nlen + ndist) fail("code length repeat past the end of the lengths", in.pos());
        while (repeat--) lengths[n++] = value;
    }
    if (lengths[256] == 0) fail("no end-of-block code", in.pos());
    const Huffman lit = build(lengths.data(), nlen, CodeKind::LiteralLength, in.pos());
    const Huffman dist = build(lengths.data() + nlen, ndist, CodeKind::Distance, in.pos());
    huffman_block(in, out, lit, dist);
}

std::vector<std::uint8_t> inflate_blocks(BitReader& in, std::size_t max_output) {
    Output out(max_output);
    for (;;) {
        const std::size_t at = in.pos();
        const unsigned final_block = in.bits(1);
        const unsigned type = in.bits(2);
        if (type == 0) stored_block(in, out);
        else if (type == 1) fixed_block(in, out);
        else if (type == 2) dynamic_block(in, out);
        else fail("invalid block type 3", at);
        if (final_block) break;
    }
    return std::move(out.bytes());
}

}  // namespace

std::uint32_t adler32(const std::uint8_t* data, std::size_t size, std::uint32_t previous) {
    constexpr std::uint32_t mod = 65521;
    std::uint32_t a = previous & 0xffff, b = previous >> 16;
    while (size > 0) {
        // 5552 bytes is the most that can be summed before b could overflow 32 bits (RFC 1950 / zlib).
        const std::size_t n = size < 5552 ? size : 5552;
        for (std::size_t i = 0; i < n; ++i) {
            a += data[i];
            b += a;
        }
        a %= mod;
        b %= mod;
        data += n;
        size -= n;
    }
    return (b << 16) | a;
}

std::vector<std::uint8_t> inflate_raw(const std::uint8_t* data, std::size_t size, std::size_t max_output,
                                      std::size_t* consumed) {
    BitReader in(data, size);
    std::vector<std::uint8_t> out = inflate_blocks(in, max_output);
    if (consumed) *consumed = in.pos();
    return out;
}

std::vector<std::uint8_t> inflate_zlib(const std::uint8_t* data, std::size_t size, std::size_t max_output) {
    if (size < 2) fail("truncated zlib header", 0);
    const unsigned cmf = data[0], flg = data[1];
    if ((cmf & 0x0f) != 8) fail("zlib header: compression method " + std::to_string(cmf & 0x0f) +
                                    " is not deflate (8)", 0);
    if ((cmf >> 4) > 7) fail("zlib header: window size field " + std::to_string(cmf >> 4) + " > 7", 0);
    if ((cmf * 256 + flg) % 31 != 0) fail("zlib header check bits are wrong", 1);
    if (flg & 0x20) fail("zlib header: a preset dictionary is not supported", 1);

    BitReader in(data + 2, size - 2);
    std::vector<std::uint8_t> out = inflate_blocks(in, max_output);
    const std::size_t end = 2 + in.pos();  // the Adler-32 starts at the next byte boundary
    if (size - end < 4) fail("truncated zlib stream: missing Adler-32 checksum", end);
    const std::uint32_t stored = (std::uint32_t(data[end]) << 24) | (std::uint32_t(data[end + 1]) << 16) |
                                 (std::uint32_t(data[end + 2]) << 8) | std::uint32_t(data[end + 3]);
    const std::uint32_t actual = adler32(out.data(), out.size());
    if (stored != actual) fail("Adler-32 checksum mismatch", end);
    return out;
}

}  // namespace dnn::io
