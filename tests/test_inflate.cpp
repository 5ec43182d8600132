// tests/test_inflate.cpp - io/inflate: known zlib vectors (made once with Python's zlib and pasted here),
// hand-built streams for the 32 KiB maximum distance, Adler-32 against a naive reference, and corrupt
// streams that must throw.
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/inflate.hpp"

using dnn::io::adler32;
using dnn::io::inflate_raw;
using dnn::io::inflate_zlib;

namespace {

using Bytes = std::vector<std::uint8_t>;

// zlib.compress(b"hello, stored block", 0): one stored block.
const Bytes kStored = {0x78, 0x01, 0x01, 0x13, 0x00, 0xec, 0xff, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0x2c, 0x20, 0x73,
                       0x74, 0x6f, 0x72, 0x65, 0x64, 0x20, 0x62, 0x6c, 0x6f, 0x63, 0x6b, 0x46, 0xce, 0x07, 0x1d};

// zlib.compress(b"abcabcabcabcabcabc hello hello hello", 9): one fixed-Huffman block.
const Bytes kFixed = {0x78, 0xda, 0x4b, 0x4c, 0x4a, 0x4e, 0x44, 0x45, 0x0a, 0x19, 0xa9,
                      0x39, 0x39, 0xf9, 0xc8, 0x24, 0x00, 0xf9, 0xf3, 0x0d, 0x81};

// zlib.compress(dynamic_text(), 9): one dynamic-Huffman block (1328 bytes -> 186).
const Bytes kDynamic = {
    0x78, 0xda, 0x95, 0xd4, 0x5b, 0x16, 0x82, 0x20, 0x14, 0x85, 0xe1, 0x77, 0x47, 0x71, 0x86, 0x20, 0x07, 0x04,
    0x69, 0x36, 0x5d, 0xac, 0x2c, 0x93, 0xd2, 0xec, 0x36, 0xfa, 0x56, 0xb1, 0x19, 0xc0, 0x7e, 0x76, 0x7d, 0x8b,
    0x03, 0xfc, 0x38, 0xf4, 0x63, 0x27, 0xf5, 0x4a, 0xee, 0xc7, 0x4e, 0x6e, 0x4b, 0xbf, 0x3d, 0xcb, 0x66, 0x4a,
    0xcf, 0x51, 0xf6, 0xe9, 0x25, 0xa7, 0xe5, 0x72, 0x9d, 0x25, 0x3d, 0xba, 0xe9, 0xff, 0x79, 0x58, 0x7f, 0xde,
    0xb2, 0x4b, 0x07, 0xa9, 0xab, 0xe1, 0xa7, 0x0c, 0xa7, 0x4c, 0x56, 0xca, 0x29, 0x97, 0x95, 0xe5, 0x54, 0xcc,
    0xca, 0x91, 0x13, 0xfa, 0xcc, 0x1a, 0x8e, 0x69, 0x93, 0x99, 0xe7, 0x98, 0xc5, 0x6a, 0x81, 0x3c, 0x10, 0xec,
    0xad, 0xe5, 0x98, 0xc7, 0x41, 0x46, 0x8e, 0xb5, 0xb8, 0x35, 0x43, 0x26, 0x62, 0xc1, 0xc8, 0x46, 0x14, 0x53,
    0x1a, 0xb6, 0x92, 0x00, 0x47, 0x76, 0x12, 0x14, 0x8e, 0x2c, 0xa5, 0x30, 0xb2, 0x14, 0x5b, 0x4e, 0x93, 0x4c,
    0xc5, 0x97, 0xf5, 0xc8, 0x56, 0x22, 0xca, 0x34, 0x64, 0x2c, 0xb6, 0x5c, 0x1f, 0x59, 0x4b, 0xc0, 0x9f, 0x41,
    0xc9, 0x5a, 0x0c, 0xf6, 0xa7, 0x64, 0x2e, 0x0d, 0xe6, 0x54, 0x32, 0x97, 0x88, 0xa7, 0xa7, 0x64, 0x2e, 0xce,
    0x55, 0x5f, 0x79, 0xf2, 0xc6, 0xa7};

// b"".join(b"line %d: the quick brown fox jumps over the lazy dog %d\n" % (i, i*i % 97) for i in range(24))
std::string dynamic_text() {
    std::string s;
    char line[96];
    for (int i = 0; i < 24; ++i) {
        std::snprintf(line, sizeof line, "line %d: the quick brown fox jumps over the lazy dog %d\n", i, i * i % 97);
        s += line;
    }
    return s;
}

std::string as_string(const Bytes& b) { return std::string(b.begin(), b.end()); }

// The Adler-32 definition, one byte and one modulo at a time (the reference for adler32's blocked sums).
std::uint32_t adler32_naive(const Bytes& data) {
    std::uint32_t a = 1, b = 0;
    for (std::uint8_t x : data) {
        a = (a + x) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

// Writes DEFLATE bits: fields least-significant bit first, Huffman codes most-significant bit first.
struct BitWriter {
    Bytes out;
    unsigned count = 0;
    void bit(unsigned b) {
        if (count % 8 == 0) out.push_back(0);
        out.back() |= std::uint8_t((b & 1) << (count % 8));
        ++count;
    }
    void bits(std::uint32_t v, unsigned n) {
        for (unsigned i = 0; i < n; ++i) bit(v >> i);
    }
    void code(std::uint32_t c, unsigned n) {
        for (unsigned i = n; i-- > 0;) bit(c >> i);
    }
    void align() { count = unsigned(out.size()) * 8; }
    void byte(std::uint8_t b) {
        align();
        out.push_back(b);
        count += 8;
    }
    // A symbol of the fixed literal/length code (RFC 1951 3.2.6).
    void fixed_symbol(unsigned s) {
        if (s < 144) code(0x30 + s, 8);
        else if (s < 256) code(0x190 + s - 144, 9);
        else if (s < 280) code(s - 256, 7);
        else code(0xc0 + s - 280, 8);
    }
};

Bytes zlib_wrap(const Bytes& deflate, const Bytes& plain) {
    Bytes z;
    z.reserve(deflate.size() + 6);
    z.push_back(0x78);  // deflate, 32 KiB window, no dictionary
    z.push_back(0x01);
    for (std::uint8_t b : deflate) z.push_back(b);
    const std::uint32_t a = adler32(plain.data(), plain.size());
    for (int shift = 24; shift >= 0; shift -= 8) z.push_back(std::uint8_t(a >> shift));
    return z;
}

Bytes lcg_bytes(std::size_t n) {  // deterministic, incompressible-looking bytes
    Bytes b(n);
    std::uint32_t x = 12345;
    for (auto& v : b) {
        x = x * 1103515245u + 12345u;
        v = std::uint8_t(x >> 16);
    }
    return b;
}

// A stored block of `prefix` bytes, then a fixed block of four (length 258, distance 32768) copies and 'Z'.
Bytes far_stream(std::size_t prefix, Bytes* plain) {
    const Bytes head = lcg_bytes(prefix);
    BitWriter w;
    w.bits(0, 1);  // not final
    w.bits(0, 2);  // stored
    w.align();
    w.byte(std::uint8_t(prefix & 0xff));
    w.byte(std::uint8_t(prefix >> 8));
    w.byte(std::uint8_t(~prefix & 0xff));
    w.byte(std::uint8_t((~prefix >> 8) & 0xff));
    for (std::uint8_t b : head) w.byte(b);
    w.bits(1, 1);  // final
    w.bits(1, 2);  // fixed Huffman
    for (int k = 0; k < 4; ++k) {
        w.fixed_symbol(285);     // length 258
        w.code(29, 5);           // distance code 29: 24577 + 13 extra bits
        w.bits(32768 - 24577, 13);
    }
    w.fixed_symbol('Z');
    w.fixed_symbol(256);
    if (plain) {  // the expected output (only meaningful when prefix >= 32768)
        *plain = head;
        for (std::size_t k = 0; k < 4 * 258; ++k) plain->push_back((*plain)[plain->size() - 32768]);
        plain->push_back('Z');
    }
    return w.out;
}

std::string inflate_error(const Bytes& z, std::size_t limit = 1 << 20) {
    try {
        inflate_zlib(z.data(), z.size(), limit);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("inflate: stored, fixed and dynamic blocks from Python's zlib") {
    CHECK(as_string(inflate_zlib(kStored.data(), kStored.size(), 100)) == "hello, stored block");
    CHECK(as_string(inflate_zlib(kFixed.data(), kFixed.size(), 100)) == "abcabcabcabcabcabc hello hello hello");
    const std::string text = dynamic_text();
    REQUIRE(text.size() == 1328);
    CHECK(as_string(inflate_zlib(kDynamic.data(), kDynamic.size(), 4096)) == text);
    // The exact size is allowed as the limit; one byte less is not.
    CHECK(inflate_zlib(kDynamic.data(), kDynamic.size(), text.size()).size() == text.size());
    CHECK(inflate_error(kDynamic, text.size() - 1).find("output exceeds the expected 1327 bytes") != std::string::npos);
}

TEST_CASE("inflate: inflate_raw reads the same blocks without the zlib wrapper") {
    std::size_t used = 0;
    const Bytes out = inflate_raw(kFixed.data() + 2, kFixed.size() - 2, 100, &used);
    CHECK(as_string(out) == "abcabcabcabcabcabc hello hello hello");
    CHECK(used == kFixed.size() - 2 - 4);  // everything but the header and the Adler-32
}

TEST_CASE("inflate: back-references at the 32 KiB maximum distance") {
    Bytes plain;
    const Bytes z = zlib_wrap(far_stream(32768, &plain), plain);
    const Bytes out = inflate_zlib(z.data(), z.size(), plain.size());
    REQUIRE(out.size() == 32768 + 4 * 258 + 1);
    CHECK(out == plain);
    CHECK(out[32768] == out[0]);
    CHECK(out[32768 + 1031] == out[1031]);
    CHECK(out.back() == 'Z');

    // One byte fewer before the copy: distance 32768 reaches before the start of the output.
    const Bytes bad = zlib_wrap(far_stream(32767, nullptr), Bytes{});
    const std::string e = inflate_error(bad);
    CHECK(e.find("distance 32768 too far back (only 32767 bytes written)") != std::string::npos);
}

TEST_CASE("inflate: Adler-32 matches known values and the naive definition") {
    const Bytes wiki = {'W', 'i', 'k', 'i', 'p', 'e', 'd', 'i', 'a'};
    CHECK(adler32(wiki.data(), wiki.size()) == 0x11e60398u);  // the classic example
    CHECK(adler32(nullptr, 0) == 1u);
    // Long inputs of 0xff exercise the deferred modulo (5552-byte blocks) at its worst case.
    for (std::size_t n : {5551u, 5552u, 5553u, 100000u}) {
        const Bytes ones(n, 0xff);
        CHECK(adler32(ones.data(), ones.size()) == adler32_naive(ones));
    }
    const Bytes noise = lcg_bytes(70001);
    CHECK(adler32(noise.data(), noise.size()) == adler32_naive(noise));
    // Continuing from a previous value equals one pass over the concatenation.
    const std::uint32_t half = adler32(noise.data(), 30000);
    CHECK(adler32(noise.data() + 30000, noise.size() - 30000, half) == adler32_naive(noise));
}

TEST_CASE("inflate: corrupt streams throw std::runtime_error") {
    auto throws_with = [](const Bytes& z, const std::string& what) {
        const std::string e = inflate_error(z);
        INFO("message: " << e);
        CHECK(e.rfind("inflate: ", 0) == 0);
        CHECK(e.find(what) != std::string::npos);
    };
    Bytes z = kFixed;
    z[0] = 0x79;  // compression method 9
    throws_with(z, "not deflate");
    z = kFixed;
    z[1] ^= 1;  // header check bits
    throws_with(z, "check bits");
    z = {0x78, 0xbb};  // FDICT set (and the check bits adjusted: 0x78bb % 31 == 0)
    throws_with(z, "preset dictionary");
    z = {0x88, 0x1c};  // window size field 8
    throws_with(z, "window size");
    z = kDynamic;
    z.back() ^= 0x40;
    throws_with(z, "Adler-32 checksum mismatch");

    // Every truncation of a valid stream throws (data, end-of-block or checksum missing).
    for (std::size_t n = 0; n < kDynamic.size(); ++n) {
        const Bytes cut(kDynamic.begin(), kDynamic.begin() + std::ptrdiff_t(n));
        CHECK_THROWS_AS(inflate_zlib(cut.data(), cut.size(), 4096), std::runtime_error);
    }

    // Block type 3 is reserved.
    throws_with(Bytes{0x78, 0x01, 0x07}, "invalid block type 3");
    // Stored block whose LEN and NLEN disagree.
    throws_with(Bytes{0x78, 0x01, 0x01, 0x05, 0x00, 0x00, 0x00, 'a', 'b', 'c', 'd', 'e'}, "does not match its complement");

    // The start of a final dynamic block: BFINAL, BTYPE 2, then HLIT - 257, HDIST - 1 and HCLEN - 4.
    auto dynamic_header = [](BitWriter& b, unsigned hlit, unsigned hdist, unsigned hclen) {
        b.bits(1, 1);
        b.bits(2, 2);
        b.bits(hlit, 5);
        b.bits(hdist, 5);
        b.bits(hclen, 4);
    };
    // Dynamic block whose code-length code is over-subscribed: four code lengths, all of length 1.
    BitWriter w;
    dynamic_header(w, 0, 0, 0);
    for (int i = 0; i < 4; ++i) w.bits(1, 3);
    throws_with(zlib_wrap(w.out, {}), "over-subscribed");
    // ... and one that is incomplete: a single code-length code of length 2.
    BitWriter v;
    dynamic_header(v, 0, 0, 0);
    v.bits(2, 3);
    for (int i = 0; i < 3; ++i) v.bits(0, 3);
    throws_with(zlib_wrap(v.out, {}), "incomplete code");
    // Too many literal/length codes (HLIT = 30 -> 287).
    BitWriter t;
    dynamic_header(t, 30, 0, 0);
    throws_with(zlib_wrap(t.out, {}), "too many length or distance codes");

    // A copy before any output: distance 1 at the very start of a fixed block.
    BitWriter d;
    d.bits(1, 1);
    d.bits(1, 2);
    d.fixed_symbol(257);  // length 3
    d.code(0, 5);         // distance 1
    d.fixed_symbol(256);
    throws_with(zlib_wrap(d.out, {}), "distance 1 too far back");
    // Distance code 30 does not exist.
    BitWriter e;
    e.bits(1, 1);
    e.bits(1, 2);
    e.fixed_symbol('a');
    e.fixed_symbol(257);
    e.code(30, 5);
    throws_with(zlib_wrap(e.out, {}), "invalid distance code 30");
    // Length symbol 286 does not exist.
    BitWriter l;
    l.bits(1, 1);
    l.bits(1, 2);
    l.fixed_symbol('a');
    l.fixed_symbol(286);
    throws_with(zlib_wrap(l.out, {}), "invalid length code 286");
}
