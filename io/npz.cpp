// io/npz.cpp - the zip container of .npz files, written from PKWARE's APPNOTE (sections 4.3 and 4.4).
//
// Layout written: for each member a local file header (4.3.7) and its data, then the central directory
// (4.3.12), then the end of central directory record (4.3.16). Reading starts from the end record and trusts
// the central directory, as unzip and Python's zipfile do; the local header is only used to find the data
// (numpy's own files carry a zip64 extra field there, which is skipped, not needed).
#include "io/npz.hpp"

#include <cstring>
#include <set>
#include <stdexcept>

#include "io/atomic_write.hpp"
#include "io/crc32.hpp"
#include "io/inflate.hpp"
#include "io/npy.hpp"

namespace dnn::io {
namespace {

constexpr std::uint32_t kLocalSignature = 0x04034b50;
constexpr std::uint32_t kCentralSignature = 0x02014b50;
constexpr std::uint32_t kEndSignature = 0x06054b50;
constexpr std::uint32_t kZip64LocatorSignature = 0x07064b50;
constexpr std::size_t kLocalSize = 30, kCentralSize = 46, kEndSize = 22;
constexpr std::uint16_t kVersion = 20;        // 2.0: stored and deflated members
constexpr std::uint16_t kDosDate1980 = 0x21;  // 1980-01-01, 00:00: a fixed time keeps the output reproducible
constexpr std::uint16_t kFlagUtf8 = 0x0800;   // general purpose bit 11: the name is UTF-8

[[noreturn]] void fail_at(const std::string& source, const std::string& structure, std::size_t byte,
                          const std::string& what) {
    throw std::runtime_error(source + ": " + structure + " at byte " + std::to_string(byte) + ": " + what);
}

std::uint16_t get16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }
std::uint32_t get32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) |
           (std::uint32_t(p[3]) << 24);
}
void put16(std::vector<std::uint8_t>& out, std::uint32_t v) {
    out.push_back(static_cast<std::uint8_t>(v));
    out.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

// One member as the central directory describes it.
struct Entry {
    std::string name;
    std::size_t central_at = 0;  // offset of its central directory header
    std::uint16_t flags = 0, method = 0;
    std::uint32_t crc = 0, compressed = 0, uncompressed = 0, local_at = 0;
};

}  // namespace

// ---- writing ---------------------------------------------------------------------------------------------

std::vector<std::uint8_t> encode_npz(const ArrayDict& parameters) {
    const std::string source = "save_npz";
    std::vector<std::uint8_t> out, central;
    std::size_t count = 0;
    for (const auto& [key, matrix] : parameters) {
        const std::string name = key + ".npy";
        const std::vector<std::uint8_t> data = encode_npy(matrix);
        if (name.size() > 0xFFFF) throw std::runtime_error(source + ": key '" + key.substr(0, 40) + "...' is too long");
        if (data.size() >= 0xFFFFFFFFu || out.size() + kLocalSize + name.size() + data.size() >= 0xFFFFFFFFu)
            throw std::runtime_error(source + ": member '" + name +
                                     "' would pass 4 GiB, which needs zip64 (not supported)");
        bool ascii = true;
        for (unsigned char c : name) ascii = ascii && c < 0x80;
        const std::uint16_t flags = ascii ? 0 : kFlagUtf8;
        const std::uint32_t crc = crc32(data.data(), data.size());
        const auto size = static_cast<std::uint32_t>(data.size());
        const auto local_at = static_cast<std::uint32_t>(out.size());

        put32(out, kLocalSignature);
        put16(out, kVersion);  // version needed to extract
        put16(out, flags);
        put16(out, 0);  // method: stored
        put16(out, 0);  // time
        put16(out, kDosDate1980);
        put32(out, crc);
        put32(out, size);  // compressed size
        put32(out, size);  // uncompressed size
        put16(out, static_cast<std::uint32_t>(name.size()));
        put16(out, 0);  // extra field length
        out.insert(out.end(), name.begin(), name.end());
        out.insert(out.end(), data.begin(), data.end());

        put32(central, kCentralSignature);
        put16(central, kVersion);  // version made by (MS-DOS attributes, 2.0)
        put16(central, kVersion);  // version needed to extract
        put16(central, flags);
        put16(central, 0);
        put16(central, 0);
        put16(central, kDosDate1980);
        put32(central, crc);
        put32(central, size);
        put32(central, size);
        put16(central, static_cast<std::uint32_t>(name.size()));
        put16(central, 0);  // extra field length
        put16(central, 0);  // comment length
        put16(central, 0);  // disk number start
        put16(central, 0);  // internal attributes
        put32(central, 0);  // external attributes
        put32(central, local_at);
        central.insert(central.end(), name.begin(), name.end());
        ++count;
    }
    if (count >= 0xFFFF || out.size() + central.size() >= 0xFFFFFFFFu)
        throw std::runtime_error(source + ": the archive would need zip64 (over 65534 members or 4 GiB)");
    const auto central_at = static_cast<std::uint32_t>(out.size());
    out.insert(out.end(), central.begin(), central.end());
    put32(out, kEndSignature);
    put16(out, 0);  // this disk
    put16(out, 0);  // disk with the central directory
    put16(out, static_cast<std::uint32_t>(count));
    put16(out, static_cast<std::uint32_t>(count));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, central_at);
    put16(out, 0);  // comment length
    return out;
}

void save_npz(const std::string& path, const ArrayDict& parameters) {
    atomic_write_file(path, encode_npz(parameters));
}

// ---- reading ---------------------------------------------------------------------------------------------

ArrayDict decode_npz(const std::vector<std::uint8_t>& bytes, const std::string& source) {
    const std::uint8_t* b = bytes.data();
    const std::size_t size = bytes.size();

    // The end record is the last 22 bytes plus a comment of up to 65535 bytes: search backwards for a
    // signature whose comment length reaches exactly the end of the file.
    if (size < kEndSize) fail_at(source, "zip end of central directory", 0, "file of " + std::to_string(size) +
                                                                                 " bytes is too short for a zip archive");
    std::size_t end_at = size;
    const std::size_t lowest = size - kEndSize > 0xFFFF ? size - kEndSize - 0xFFFF : 0;
    for (std::size_t at = size - kEndSize + 1; at-- > lowest;) {
        if (get32(b + at) == kEndSignature && at + kEndSize + get16(b + at + 20) == size) {
            end_at = at;
            break;
        }
    }
    if (end_at == size)
        fail_at(source, "zip end of central directory", size - kEndSize, "not found (not a zip archive, or truncated)");
    const std::uint8_t* e = b + end_at;
    const std::uint16_t disk = get16(e + 4), central_disk = get16(e + 6);
    const std::uint16_t on_disk = get16(e + 8), total = get16(e + 10);
    const std::uint32_t central_size = get32(e + 12), central_offset = get32(e + 16);
    if (end_at >= 20 && get32(b + end_at - 20) == kZip64LocatorSignature)
        fail_at(source, "zip64 end of central directory locator", end_at - 20, "zip64 archives are not supported");
    if (total == 0xFFFF || central_size == 0xFFFFFFFFu || central_offset == 0xFFFFFFFFu)
        fail_at(source, "zip end of central directory", end_at, "zip64 archives are not supported");
    if (disk != 0 || central_disk != 0 || on_disk != total)
        fail_at(source, "zip end of central directory", end_at, "multi-disk archives are not supported");
    if (central_offset > end_at || central_size > end_at - central_offset)
        fail_at(source, "zip end of central directory", end_at,
                "central directory (offset " + std::to_string(central_offset) + ", " + std::to_string(central_size) +
                    " bytes) lies outside the file before the end record");
    if (std::size_t(total) * kCentralSize > central_size)
        fail_at(source, "zip end of central directory", end_at,
                std::to_string(total) + " entries cannot fit in a central directory of " +
                    std::to_string(central_size) + " bytes");

    // The central directory.
    std::vector<Entry> entries;
    std::size_t at = central_offset;
    const std::size_t central_end = std::size_t(central_offset) + central_size;
    for (std::size_t i = 0; i < total; ++i) {
        const std::string where = "zip central directory entry " + std::to_string(i);
        if (central_end - at < kCentralSize) fail_at(source, where, at, "truncated");
        const std::uint8_t* c = b + at;
        if (get32(c) != kCentralSignature) fail_at(source, where, at, "bad signature");
        Entry en;
        en.central_at = at;
        en.flags = get16(c + 8);
        en.method = get16(c + 10);
        en.crc = get32(c + 16);
        en.compressed = get32(c + 20);
        en.uncompressed = get32(c + 24);
        const std::size_t name_len = get16(c + 28), extra_len = get16(c + 30), comment_len = get16(c + 32);
        en.local_at = get32(c + 42);
        if (central_end - at - kCentralSize < name_len + extra_len + comment_len)
            fail_at(source, where, at, "name, extra field and comment run past the central directory");
        en.name.assign(reinterpret_cast<const char*>(c + kCentralSize), name_len);
        const std::string member = where + " ('" + en.name + "')";
        if (en.compressed == 0xFFFFFFFFu || en.uncompressed == 0xFFFFFFFFu || en.local_at == 0xFFFFFFFFu ||
            get16(c + 34) == 0xFFFF)
            fail_at(source, member, at, "zip64 members are not supported");
        if (en.flags & 0x0001) fail_at(source, member, at, "encrypted members are not supported");
        if (en.method != 0 && en.method != 8)
            fail_at(source, member, at,
                    "compression method " + std::to_string(en.method) + " is not supported (only stored and deflated)");
        entries.push_back(std::move(en));
        at += kCentralSize + name_len + extra_len + comment_len;
    }

    ArrayDict parameters;
    std::set<std::string> seen;
    for (const Entry& en : entries) {
        if (!en.name.empty() && en.name.back() == '/') continue;  // a folder entry holds no array
        const std::string member = "zip member '" + en.name + "'";
        // The local header: only its name and extra lengths are needed to find the data.
        const std::size_t local = en.local_at;
        if (local > central_offset || central_offset - local < kLocalSize)
            fail_at(source, member + " local header", local, "outside the file's member area");
        const std::uint8_t* l = b + local;
        if (get32(l) != kLocalSignature) fail_at(source, member + " local header", local, "bad signature");
        const std::size_t name_len = get16(l + 26), extra_len = get16(l + 28);
        if (get16(l + 8) != en.method)
            fail_at(source, member + " local header", local, "compression method differs from the central directory");
        const std::size_t data_at = local + kLocalSize + name_len + extra_len;
        if (data_at > central_offset || central_offset - data_at < en.compressed)
            fail_at(source, member + " data", data_at,
                    std::to_string(en.compressed) + " bytes run past the member area (central directory at byte " +
                        std::to_string(central_offset) + ")");
        if (name_len != en.name.size() || std::memcmp(l + kLocalSize, en.name.data(), name_len) != 0)
            fail_at(source, member + " local header", local, "name differs from the central directory");

        std::vector<std::uint8_t> inflated;
        const std::uint8_t* content = b + data_at;
        std::size_t content_base = data_at;
        if (en.method == 0) {
            if (en.compressed != en.uncompressed)
                fail_at(source, member + " data", data_at, "stored member with different compressed and uncompressed sizes");
        } else {
            // DEFLATE cannot expand data more than 1032 times: a larger claimed size is damage, and is refused
            // before anything of that size is allocated.
            if (std::uint64_t(en.uncompressed) > std::uint64_t(en.compressed) * 1032 + 1024)
                fail_at(source, member + " data", data_at,
                        "uncompressed size " + std::to_string(en.uncompressed) + " cannot come from " +
                            std::to_string(en.compressed) + " compressed bytes");
            try {
                inflated = inflate_raw(content, en.compressed, en.uncompressed);
            } catch (const std::runtime_error& ex) {
                fail_at(source, member + " deflated data", data_at, ex.what());
            }
            if (inflated.size() != en.uncompressed)
                fail_at(source, member + " deflated data", data_at,
                        "inflates to " + std::to_string(inflated.size()) + " bytes, the directory says " +
                            std::to_string(en.uncompressed));
            content = inflated.data();
            content_base = 0;  // offsets inside the inflated member
        }
        const std::uint32_t crc = crc32(content, en.uncompressed);
        if (crc != en.crc)
            fail_at(source, member + " data", data_at,
                    "CRC-32 mismatch (computed " + std::to_string(crc) + ", stored " + std::to_string(en.crc) + ")");

        if (en.name.size() < 4 || en.name.compare(en.name.size() - 4, 4, ".npy") != 0)
            fail_at(source, member, en.central_at, "not a .npy member (its name does not end in .npy)");
        const std::string key = en.name.substr(0, en.name.size() - 4);
        if (!seen.insert(key).second) fail_at(source, member, en.central_at, "key '" + key + "' appears twice");
        const std::string npy_source =
            source + " " + member + (en.method == 0 ? "" : " (deflated; offsets are inside the inflated member)");
        const NpyArray array = decode_npy(content, en.uncompressed, npy_source, content_base);
        parameters[key] = npy_to_matrix(array, npy_source);
    }
    return parameters;
}

ArrayDict load_npz(const std::string& path) {
    const std::string source = "load_npz: '" + path + "'";
    const std::vector<std::uint8_t> bytes = read_file_bytes(path, source);
    return decode_npz(bytes, source);
}

}  // namespace dnn::io
