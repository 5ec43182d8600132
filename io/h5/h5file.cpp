// io/h5/h5file.cpp - H5File: loads the file, decodes the superblock (spec Level 0A), walks groups from the
// root to list or find datasets. The structures themselves are decoded in io/h5/*.cpp.
#include "io/h5/h5file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <set>
#include <stdexcept>

#include "io/h5/format.hpp"

namespace dnn::io {

using namespace h5;

std::size_t Array::size() const {
    std::size_t n = 1;
    for (std::size_t d : shape) n *= d;
    return n;
}

H5File::H5File(const std::string& path) : file_(std::make_unique<FileImage>()) {
    file_->name = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open HDF5 file (" + std::strerror(errno) + ")");
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0) throw std::runtime_error(path + ": cannot determine the file size");
    in.seekg(0, std::ios::beg);
    file_->bytes.resize(std::size_t(size));
    if (size > 0 && !in.read(reinterpret_cast<char*>(file_->bytes.data()), size))
        throw std::runtime_error(path + ": read error");
    open();
}

H5File H5File::from_bytes(const std::string& name, std::vector<std::uint8_t> bytes) {
    H5File h;
    h.file_ = std::make_unique<FileImage>();
    h.file_->name = name;
    h.file_->bytes = std::move(bytes);
    h.open();
    return h;
}

H5File::H5File(H5File&&) noexcept = default;
H5File& H5File::operator=(H5File&&) noexcept = default;
H5File::~H5File() = default;

const std::string& H5File::path() const { return file_->name; }

// The superblock sits at offset 0 or, after a user block, at 512, 1024, 2048, ...
void H5File::open() {
    FileImage& f = *file_;
    static const std::uint8_t signature[8] = {0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    std::uint64_t at = 0;
    for (;;) {
        if (at + 8 > f.size())
            throw std::runtime_error(f.name + ": not an HDF5 file (no HDF5 signature found; file is " +
                                     std::to_string(f.size()) + " bytes)");
        if (std::memcmp(f.bytes.data() + at, signature, 8) == 0) break;
        at = at == 0 ? 512 : at * 2;
    }
    Cursor c(f, "superblock", at);
    c.skip(8);
    const unsigned version = c.u8();
    std::uint64_t eof = 0;
    if (version == 0 || version == 1) {
        c.skip(4);  // free-space, root group symbol table and shared header versions, reserved
        f.offset_size = c.u8();
        f.length_size = c.u8();
        c.skip(1);
        c.u16();  // group leaf node K
        c.u16();  // group internal node K
        c.u32();  // file consistency flags
        if (version == 1) c.skip(4);  // indexed storage internal node K, reserved
    } else if (version == 2 || version == 3) {
        f.offset_size = c.u8();
        f.length_size = c.u8();
        c.u8();  // file consistency flags
    } else {
        c.fail("unsupported superblock version " + std::to_string(version));
    }
    for (unsigned s : {f.offset_size, f.length_size})
        if (s != 2 && s != 4 && s != 8) c.fail("unsupported size of offsets/lengths " + std::to_string(s));
    f.base = 0;
    const std::uint64_t base = c.address();  // read with base 0
    if (base == kUndefined || base > f.size()) c.fail("base address " + hex(base) + " outside the file");
    f.base = base;
    std::uint64_t extension = kUndefined;
    if (version < 2) {
        c.address();  // free-space info
        eof = c.address();
        c.address();  // driver info
        // Root group symbol table entry: link name offset, object header address, cache, scratch pad.
        c.uint(f.offset_size);
        root_ = c.address();
        c.skip(4 + 4 + 16);
    } else {
        extension = c.address();
        eof = c.address();
        root_ = c.address();
        c.checksum(at);
    }
    // The end-of-file address is stored as an absolute offset (HDF5 adds the base address when writing it).
    if (eof != kUndefined) eof -= f.base;
    if (eof == kUndefined || eof > f.size())
        c.fail("file is truncated: the superblock says it ends at " + hex(eof) + " but it has " +
               std::to_string(f.size()) + " bytes");
    // HDF5 reads nothing at or past the end-of-file address, even when the file is longer ("addr overflow").
    f.eoa = eof;
    if (root_ == kUndefined) c.fail("undefined root group address");
    if (extension != kUndefined) read_superblock_extension(extension);
    read_object_header(f, root_);  // the root group must at least have a readable header
}

// The superblock extension (spec Level 0C) is an object header of file-wide messages. This reader needs the
// shared object header message table; it refuses a metadata cache image and, as HDF5 does, a message it does
// not know flagged "fail if unknown" or a file space info message that does not fit in its own size (HDF5
// decodes it when it opens a file, and stops at the first field that runs past the message).
void H5File::read_superblock_extension(std::uint64_t address) {
    FileImage& f = *file_;
    const ObjectHeader ext = read_object_header(f, address);
    require_known_messages(f, ext);
    for (const Message& m : ext.messages) {
        if (m.type == msg::SharedMessageTable) {
            Cursor c = message_cursor(f, ext, m, "shared message table message");
            const unsigned version = c.u8();
            if (version != 0) c.fail("unsupported shared message table message version " + std::to_string(version));
            f.sohm_table = c.address();
            f.sohm_indexes = c.u8();
        } else if (m.type == msg::FileSpaceInfo) {
            // Strategy (1 = paged), persist, threshold, page size, page end threshold, the end-of-file address
            // before the free-space managers were allocated, and when persisting their 12 addresses. The files
            // HDF5 1.10 wrote as version 0 have the same fields (h5py reads them so).
            Cursor c = message_cursor(f, ext, m, "file space info message");
            const unsigned version = c.u8();
            if (version > 1) c.fail("unsupported file space info message version " + std::to_string(version));
            const unsigned strategy = c.u8();
            const unsigned persist = c.u8();
            c.length();  // free-space section threshold
            const std::uint64_t page = c.length();
            c.u16();      // page end metadata threshold
            c.address();  // end-of-file address before the free-space managers
            if (persist)
                for (int i = 0; i < 12; ++i) c.address();
            // A file HDF5 writes in pages (paged aggregation) ends at a page boundary; HDF5 reads its metadata
            // a page at a time, and refuses a file cut inside a page.
            if (strategy == 1 && page != 0 && (f.eoa - f.base) % page != 0)
                fail(f, c.structure(), c.start(), "the file space is paged (pages of " + std::to_string(page) + " bytes), but the end-of-file "
                       "address " + hex(f.eoa) + " is not at a page boundary: the file was cut or damaged");
        } else if (m.type == msg::CacheImage) {
            // HDF5 1.10's cache image: metadata written in one block at close, to be loaded from there when
            // the file is opened; the objects' own addresses may hold nothing valid until then.
            Cursor c = message_cursor(f, ext, m, "metadata cache image message");
            c.u8();  // version
            const std::uint64_t image = c.address();
            const std::uint64_t length = c.length();
            fail(f, c.structure(), c.start(), "unsupported: the file holds a metadata cache image (" + std::to_string(length) + " bytes at " +
                   hex(image) + "), where HDF5 keeps metadata this reader would look for in its own place; the "
                   "h5clear tool can remove the image");
        }
    }
}

std::vector<std::string> H5File::datasets() const {
    const FileImage& f = *file_;
    std::vector<std::string> out;
    std::set<std::uint64_t> groups;  // each group is listed once, so links back up cannot loop
    std::function<void(std::uint64_t, const std::string&, int)> walk = [&](std::uint64_t address,
                                                                          const std::string& prefix, int depth) {
        if (depth > 64) fail(f, "group", address, "groups nested more than 64 deep");
        if (!groups.insert(address).second) return;
        const ObjectHeader oh = read_object_header(f, address);
        for (const Link& link : group_links(f, oh)) {
            if (!link.hard) continue;
            const ObjectHeader child = read_object_header(f, link.address);
            const std::string path = prefix + link.name;
            if (is_dataset(child)) out.push_back(path);  // listed even if read() will refuse it
            else if (is_group(child) && !unknown_fail_message(child)) walk(link.address, path + "/", depth + 1);
        }
    };
    walk(root_, "", 0);
    std::sort(out.begin(), out.end());
    return out;
}

// Resolves name ("x", "/x", "group/sub/x") to the object header of a dataset and its path without the
// leading '/'; throws naming what is missing.
std::pair<std::uint64_t, std::string> H5File::find_dataset(const std::string& name) const {
    const FileImage& f = *file_;
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= name.size()) {
        const std::size_t j = std::min(name.find('/', i), name.size());
        if (j > i) parts.push_back(name.substr(i, j - i));
        i = j + 1;
    }
    auto absent = [&](const std::string& why) -> std::runtime_error {
        std::string list;
        try {
            const std::vector<std::string> all = datasets();
            for (std::size_t k = 0; k < all.size() && k < 20; ++k) list += (k ? ", " : "") + all[k];
            if (all.size() > 20) list += ", ... (" + std::to_string(all.size()) + " in all)";
        } catch (const std::runtime_error&) {
            list = "(the file could not be listed)";
        }
        return std::runtime_error(f.name + ": no dataset '" + name + "'" + why + "; datasets: " + list);
    };
    if (parts.empty()) throw absent(" (empty name)");
    std::uint64_t address = root_;
    std::string path;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const ObjectHeader oh = read_object_header(f, address);
        if (!is_group(oh)) throw absent(" ('" + path + "' is not a group)");
        const std::vector<Link> links = group_links(f, oh);
        auto it = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.name == parts[k]; });
        path += (k ? "/" : "") + parts[k];
        if (it == links.end()) throw absent("");
        if (!it->hard) throw absent(" ('" + path + "' is a soft or external link, which this reader does not follow)");
        address = it->address;
    }
    const ObjectHeader oh = read_object_header(f, address);
    if (!is_dataset(oh)) throw absent(" ('" + path + "' is a group, not a dataset)");
    return {address, path};
}

Array H5File::read(const std::string& name) const {
    const auto [address, path] = find_dataset(name);
    return read_dataset(*file_, read_object_header(*file_, address), path);
}

DatasetInfo H5File::info(const std::string& name) const {
    const auto [address, path] = find_dataset(name);
    return dataset_info(*file_, read_object_header(*file_, address), path);
}

void H5File::set_read_limit(std::uint64_t bytes) { file_->read_limit = bytes; }
std::uint64_t H5File::read_limit() const { return file_->read_limit; }

}  // namespace dnn::io
