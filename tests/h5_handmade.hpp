// tests/h5_handmade.hpp - small HDF5 files built byte by byte from the file-format specification, with no
// HDF5 library involved: the reader's tests damage them, and the HDF5 fuzzer starts from them (tools/fuzz/make_seeds.cpp)
// whether or not h5py is on the machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "io/h5_format.hpp"

namespace h5_handmade {

using Bytes = std::vector<std::uint8_t>;
inline constexpr std::uint64_t kUndef = ~std::uint64_t(0);

struct Builder {
    Bytes b;
    std::size_t pos() const { return b.size(); }
    void u8(unsigned v) { b.push_back(std::uint8_t(v)); }
    void u16(unsigned v) { put(v, 2); }
    void u32(std::uint64_t v) { put(v, 4); }
    void u64(std::uint64_t v) { put(v, 8); }
    void put(std::uint64_t v, int n) {
        for (int i = 0; i < n; ++i) b.push_back(std::uint8_t(v >> (8 * i)));
    }
    void text(const char* s, std::size_t n) { b.insert(b.end(), s, s + n); }
    void zeros(std::size_t n) { b.insert(b.end(), n, 0); }
    void align(std::size_t m) { zeros((m - pos() % m) % m); }
    void patch(std::size_t at, std::uint64_t v, int n = 8) {
        for (int i = 0; i < n; ++i) b[at + std::size_t(i)] = std::uint8_t(v >> (8 * i));
    }
};

inline const std::vector<std::int32_t> kHandValues = {1, -2, 3, -4, 5, -2147483647 - 1};

// Superblock version 0 or 1, an old-style root group (symbol table message, local heap, one-leaf v1 B-tree,
// one symbol table node) and one contiguous (2, 3) int32 dataset "data" with kHandValues.
inline Bytes build_old_style(unsigned superblock_version) {
    Builder w;
    w.text("\x89HDF\r\n\x1a\n", 8);
    w.u8(superblock_version);
    w.u8(0);  // free-space version
    w.u8(0);  // root group symbol table entry version
    w.u8(0);
    w.u8(0);  // shared header message format version
    w.u8(8);  // size of offsets
    w.u8(8);  // size of lengths
    w.u8(0);
    w.u16(4);   // group leaf node K
    w.u16(16);  // group internal node K
    w.u32(0);   // file consistency flags
    if (superblock_version == 1) {
        w.u16(32);  // indexed storage internal node K
        w.u16(0);
    }
    w.u64(0);       // base address
    w.u64(kUndef);  // free-space info
    const std::size_t eof_at = w.pos();
    w.u64(0);
    w.u64(kUndef);  // driver info
    w.u64(0);       // root entry: link name offset
    const std::size_t root_at = w.pos();
    w.u64(0);
    w.u32(1);  // cache type 1: scratch pad holds the B-tree and heap addresses
    w.u32(0);
    const std::size_t scratch_at = w.pos();
    w.zeros(16);
    w.align(8);

    const std::size_t root = w.pos();  // version 1 object header with one symbol table message
    w.u8(1);
    w.u8(0);
    w.u16(1);
    w.u32(1);
    w.u32(8 + 16);
    w.u32(0);
    w.u16(0x11);
    w.u16(16);
    w.u8(0);
    w.zeros(3);
    const std::size_t st_at = w.pos();
    w.zeros(16);

    const std::size_t heap = w.pos();
    w.text("HEAP", 4);
    w.u8(0);
    w.zeros(3);
    w.u64(16);      // data segment size
    w.u64(kUndef);  // free list: none
    const std::size_t heap_data_at = w.pos();
    w.u64(0);
    const std::size_t heap_data = w.pos();
    w.zeros(8);  // offset 0: the empty name
    w.text("data\0\0\0\0", 8);

    const std::size_t btree = w.pos();
    w.text("TREE", 4);
    w.u8(0);  // group node
    w.u8(0);  // leaf
    w.u16(1);
    w.u64(kUndef);
    w.u64(kUndef);
    w.u64(0);  // key 0
    const std::size_t snod_at = w.pos();
    w.u64(0);
    w.u64(8);  // key 1: the last name in the child

    const std::size_t snod = w.pos();
    w.text("SNOD", 4);
    w.u8(1);
    w.u8(0);
    w.u16(1);
    w.u64(8);  // name "data"
    const std::size_t dset_at = w.pos();
    w.u64(0);
    w.u32(0);
    w.u32(0);
    w.zeros(16);

    const std::size_t dset = w.pos();
    w.u8(1);
    w.u8(0);
    w.u16(3);
    w.u32(1);
    w.u32(32 + 24 + 32);
    w.u32(0);
    w.u16(0x01);  // dataspace, version 1, rank 2, no max dims
    w.u16(24);
    w.u8(0);
    w.zeros(3);
    w.u8(1);
    w.u8(2);
    w.u8(0);
    w.u8(0);
    w.u32(0);
    w.u64(2);
    w.u64(3);
    w.u16(0x03);  // datatype: fixed-point, version 1, little-endian, signed, 4 bytes
    w.u16(16);
    w.u8(1);
    w.zeros(3);
    w.u8(0x10);
    w.u8(0x08);
    w.u8(0);
    w.u8(0);
    w.u32(4);
    w.u16(0);
    w.u16(32);
    w.zeros(4);
    w.u16(0x08);  // layout version 3, contiguous
    w.u16(24);
    w.u8(0);
    w.zeros(3);
    w.u8(3);
    w.u8(1);
    const std::size_t data_at = w.pos();
    w.u64(0);
    w.u64(24);
    w.zeros(6);

    const std::size_t data = w.pos();
    for (std::int32_t v : kHandValues) w.u32(std::uint32_t(v));

    w.patch(eof_at, w.pos());
    w.patch(root_at, root);
    w.patch(scratch_at, btree);
    w.patch(scratch_at + 8, heap);
    w.patch(st_at, btree);
    w.patch(st_at + 8, heap);
    w.patch(heap_data_at, heap_data);
    w.patch(snod_at, snod);
    w.patch(dset_at, dset);
    w.patch(data_at, data);
    return w.b;
}

// Superblock version 2, a version 2 ("OHDR") root group with a link info and a link message, and a scalar
// big-endian float64 dataset "value" = -1234.5 in compact storage. Checksums are Jenkins lookup3.
// With link_up, the root group also holds a hard link "up" to itself: a cycle through hard links.
inline Bytes build_new_style(bool link_up = false) {
    Builder w;
    w.text("\x89HDF\r\n\x1a\n", 8);
    w.u8(2);
    w.u8(8);
    w.u8(8);
    w.u8(0);
    w.u64(0);       // base address
    w.u64(kUndef);  // superblock extension
    const std::size_t eof_at = w.pos();
    w.u64(0);
    const std::size_t root_at = w.pos();
    w.u64(0);
    const std::size_t sb_sum = w.pos();
    w.u32(0);

    const std::size_t root = w.pos();
    w.text("OHDR", 4);
    w.u8(2);
    w.u8(0);  // flags: 1-byte chunk size, nothing optional
    const std::size_t size_at = w.pos();
    w.u8(0);
    const std::size_t messages = w.pos();
    w.u8(0x02);  // link info: version 0, no creation order, compact storage
    w.u16(18);
    w.u8(0);
    w.u8(0);
    w.u8(0);
    w.u64(kUndef);
    w.u64(kUndef);
    w.u8(0x06);  // link message: hard link "value"
    w.u16(1 + 1 + 1 + 5 + 8);
    w.u8(0);
    w.u8(1);
    w.u8(0);
    w.u8(5);
    w.text("value", 5);
    const std::size_t link_at = w.pos();
    w.u64(0);
    if (link_up) {
        w.u8(0x06);  // link message: hard link "up" to the root group itself
        w.u16(1 + 1 + 1 + 2 + 8);
        w.u8(0);
        w.u8(1);
        w.u8(0);
        w.u8(2);
        w.text("up", 2);
        w.u64(root);
    }
    w.patch(size_at, w.pos() - messages, 1);
    const std::size_t root_sum = w.pos();
    w.u32(0);

    const std::size_t dset = w.pos();
    w.text("OHDR", 4);
    w.u8(2);
    w.u8(0);
    const std::size_t dsize_at = w.pos();
    w.u8(0);
    const std::size_t dmessages = w.pos();
    w.u8(0x01);  // dataspace version 2, scalar
    w.u16(4);
    w.u8(0);
    w.u8(2);
    w.u8(0);
    w.u8(0);
    w.u8(0);
    w.u8(0x03);  // datatype: floating-point version 1, big-endian IEEE double
    w.u16(20);
    w.u8(1);
    w.u8(0x11);
    w.u8(0x21);  // big-endian, implied leading mantissa bit
    w.u8(63);    // sign bit position
    w.u8(0);
    w.u32(8);
    w.u16(0);
    w.u16(64);
    w.u8(52);
    w.u8(11);
    w.u8(0);
    w.u8(52);
    w.u32(1023);
    w.u8(0x08);  // layout version 3, compact, 8 bytes
    w.u16(12);
    w.u8(1);
    w.u8(3);
    w.u8(0);
    w.u16(8);
    double v = -1234.5;
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    for (int i = 7; i >= 0; --i) w.u8(unsigned(bits >> (8 * i)) & 0xff);
    w.patch(dsize_at, w.pos() - dmessages, 1);
    const std::size_t dset_sum = w.pos();
    w.u32(0);

    w.patch(eof_at, w.pos());
    w.patch(root_at, root);
    w.patch(link_at, dset);
    using dnn::io::h5::lookup3;
    w.patch(sb_sum, lookup3(w.b.data(), sb_sum), 4);
    w.patch(root_sum, lookup3(w.b.data() + root, root_sum - root), 4);
    w.patch(dset_sum, lookup3(w.b.data() + dset, dset_sum - dset), 4);
    return w.b;
}

}  // namespace h5_handmade
