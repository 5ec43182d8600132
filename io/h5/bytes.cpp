// io/h5/bytes.cpp - bounds-checked reading of HDF5 structures: the cursor, error messages, checksums.
//
// Every size or offset read from the file goes through Cursor, which refuses to step outside the structure
// (or the file), so a damaged file throws with the file name, structure and offset instead of reading
// past the buffer.
#include "io/h5/format.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace dnn::io::h5 {

std::string hex(std::uint64_t v) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string FileImage::describe_end() const {
    const std::string bytes_text = std::to_string(size()) + " bytes";
    if (eoa >= size()) return "the file is " + bytes_text;
    return "the superblock's end-of-file address is " + hex(eoa) + ", the file " + bytes_text;
}

void fail(const FileImage& f, const std::string& structure, std::uint64_t at, const std::string& what) {
    throw std::runtime_error(f.name + ": " + structure + " at offset " + hex(at) + ": " + what);
}

// ---- Jenkins lookup3 (hashlittle), as the HDF5 specification prescribes for metadata checksums ----------
namespace {
inline std::uint32_t rot(std::uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
}  // namespace

std::uint32_t lookup3(const std::uint8_t* k, std::size_t length) {
    std::uint32_t a, b, c;
    a = b = c = 0xdeadbeefu + static_cast<std::uint32_t>(length);  // + initial value 0
    while (length > 12) {
        a += load_le32(k);
        b += load_le32(k + 4);
        c += load_le32(k + 8);
        // mix(a, b, c)
        a -= c; a ^= rot(c, 4);  c += b;
        b -= a; b ^= rot(a, 6);  a += c;
        c -= b; c ^= rot(b, 8);  b += a;
        a -= c; a ^= rot(c, 16); c += b;
        b -= a; b ^= rot(a, 19); a += c;
        c -= b; c ^= rot(b, 4);  b += a;
        length -= 12;
        k += 12;
    }
    if (length == 0) return c;
    // The last 1..12 bytes, zero-padded to three words.
    std::uint8_t tail[12] = {};
    std::memcpy(tail, k, length);
    a += load_le32(tail);
    b += load_le32(tail + 4);
    c += load_le32(tail + 8);
    // final(a, b, c)
    c ^= b; c -= rot(b, 14);
    a ^= c; a -= rot(c, 11);
    b ^= a; b -= rot(a, 25);
    c ^= b; c -= rot(b, 16);
    a ^= c; a -= rot(c, 4);
    b ^= a; b -= rot(a, 14);
    c ^= b; c -= rot(b, 24);
    return c;
}

// ---- Cursor ----------------------------------------------------------------------------------------------
Cursor::Cursor(const FileImage& file, std::string structure, std::uint64_t start, std::uint64_t end)
    : file_(&file), structure_(std::move(structure)), start_(start), end_(std::min(end, file.end())),
      pos_(start) {
    if (start == kUndefined) h5::fail(file, structure_, start, "undefined address");
    if (start >= file.end()) h5::fail(file, structure_, start, "starts beyond the end of the file (" + file.describe_end() + ")");
    if (end_ < start_) end_ = start_;
}

void Cursor::fail(const std::string& what) const {
    h5::fail(*file_, structure_, start_, what + " at offset " + hex(pos_));
}

void Cursor::seek(std::uint64_t absolute) {
    if (absolute < start_ || absolute > end_) {
        pos_ = std::min(absolute, end_);
        fail("seek to " + hex(absolute) + " outside the structure (ends at " + hex(end_) + ")");
    }
    pos_ = absolute;
}

const std::uint8_t* Cursor::take(std::uint64_t n) {
    if (n > end_ - pos_) {
        const std::string limit =
            end_ == file_->end() ? file_->describe_end() : "structure ends at " + hex(end_) + ", " + file_->describe_end();
        fail("truncated: " + std::to_string(n) + " bytes needed (" + limit + ")");
    }
    const std::uint8_t* p = file_->bytes.data() + pos_;
    pos_ += n;
    return p;
}

std::uint64_t Cursor::uint(unsigned nbytes) {
    if (nbytes > 8) fail("field of " + std::to_string(nbytes) + " bytes is too wide");
    return load_le(take(nbytes), nbytes);
}

std::uint64_t Cursor::address() {
    const unsigned n = file_->offset_size;
    const std::uint64_t v = uint(n);
    const std::uint64_t all_ones = n >= 8 ? ~std::uint64_t(0) : (std::uint64_t(1) << (8 * n)) - 1;
    if (v == all_ones) return kUndefined;
    if (v > kUndefined - 1 - file_->base) {
        pos_ -= n;
        fail("address " + hex(v) + " overflows");
    }
    return file_->base + v;
}

void Cursor::signature(const char* sig) {
    const std::uint8_t* p = take(4);
    if (std::memcmp(p, sig, 4) != 0) {
        pos_ -= 4;
        std::string got;
        for (int i = 0; i < 4; ++i) got += (p[i] >= 32 && p[i] < 127) ? char(p[i]) : '?';
        fail(std::string("bad signature \"") + got + "\" (expected \"" + sig + "\")");
    }
}

void Cursor::checksum(std::uint64_t from) {
    if (from < start_ || from > pos_) fail("checksum range starts outside the structure");
    const std::uint32_t actual = lookup3(file_->bytes.data() + from, pos_ - from);
    const std::uint64_t at = pos_;
    const std::uint32_t stored = u32();
    if (stored != actual) {
        pos_ = at;
        fail("checksum mismatch (stored " + hex(stored) + ", computed " + hex(actual) + ")");
    }
}

// ---- Visited ---------------------------------------------------------------------------------------------
void Visited::add(const FileImage& f, const std::string& structure, std::uint64_t address) {
    // Each structure occupies at least a few bytes, so no honest file has more than size/4 of them.
    if (seen_.size() > f.size() / 4 + 16) fail(f, structure, address, "too many structures visited");
    if (!seen_.insert(address).second)
        fail(f, structure, address, "reached a second time (a cycle or a shared node in a damaged file)");
}

}  // namespace dnn::io::h5
