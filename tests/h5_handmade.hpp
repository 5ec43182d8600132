// tests/h5_handmade.hpp - small HDF5 files built byte by byte from the file-format specification, with no
// HDF5 library involved: the reader's tests damage them, and the HDF5 fuzzer starts from them (tools/fuzz/make_seeds.cpp)
// whether or not h5py is on the machine.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "io/h5/format.hpp"

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
    void text(const char* s, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) b.push_back(std::uint8_t(s[i]));  // (g++ 12 false-warns on insert)
    }
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


// ---- layouts of HDF5 before 1.6.3, committed datatypes of before 1.8, message flags -------------------------
struct V1Message {
    unsigned type = 0, flags = 0;
    Bytes body;
};

// Appends a version 1 object header holding the messages (each body padded to 8 bytes); returns the offset of
// each message's body.
inline std::vector<std::size_t> object_header_v1(Builder& w, const std::vector<V1Message>& messages) {
    std::size_t size = 0;
    for (const V1Message& m : messages) size += 8 + (m.body.size() + 7) / 8 * 8;
    w.u8(1);
    w.u8(0);
    w.u16(unsigned(messages.size()));
    w.u32(1);  // reference count
    w.u32(size);
    w.u32(0);  // padding to 8
    std::vector<std::size_t> bodies;
    for (const V1Message& m : messages) {
        const std::size_t padded = (m.body.size() + 7) / 8 * 8;
        w.u16(m.type);
        w.u16(unsigned(padded));
        w.u8(m.flags);
        w.zeros(3);
        bodies.push_back(w.pos());
        w.b.insert(w.b.end(), m.body.begin(), m.body.end());
        w.zeros(padded - m.body.size());
    }
    return bodies;
}

inline Bytes le_bytes(std::initializer_list<std::pair<std::uint64_t, int>> fields) {
    Bytes out;
    for (const auto& [v, n] : fields)
        for (int i = 0; i < n; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
    return out;
}

// Dataspace message version 1 of the given dimensions (no maximum dimensions).
inline V1Message dataspace_v1(const std::vector<std::uint64_t>& dims) {
    V1Message m{0x0001, 0, le_bytes({{1, 1}, {dims.size(), 1}, {0, 1}, {0, 1}, {0, 4}})};
    for (std::uint64_t d : dims)
        for (int i = 0; i < 8; ++i) m.body.push_back(std::uint8_t(d >> (8 * i)));
    return m;
}

// Datatype message: a signed integer of `size` bytes, little- or big-endian.
inline V1Message int_type(unsigned size, bool big_endian) {
    return {0x0003, 0, le_bytes({{0x10, 1}, {0x08u | (big_endian ? 1u : 0u), 1}, {0, 2}, {size, 4}, {0, 2}, {8 * size, 2}})};
}

// What build_old_layouts() holds, beside the values each dataset must read as.
struct OldLayouts {
    Bytes file;
    std::size_t shared_type_body = 0;  // the shared datatype message of "e_committed_v1" (version 1)
    std::uint64_t committed_type = 0;  // the object header of the committed datatype "t_type"
    std::uint64_t name_offset = 0;     // the link name offset in that message's symbol table entry
};

// Superblock version 0 and an old-style root group holding what files of HDF5 1.4-1.6 hold:
//   a_contiguous_v1      int32 (2, 3) = kHandValues, layout version 1, contiguous
//   b_unwritten_v2       int32 (4,), layout version 2, contiguous, never written: the old fill value 0x11223344
//   c_compact_v1         int32 (3,) = {7, -8, 9}, layout version 1, compact
//   d_chunked_v1         int16 (5,) = {10, 11, -1, -1, 14}: layout version 1, chunks of 2 in a v1 B-tree,
//                        the chunk at 2 never written (old fill value -1), the last one a partial edge chunk
//   e_committed_v1       big-endian int16 (3,) = {300, -2, 7}, its datatype a version 1 shared message naming
//                        the committed datatype t_type (after the link name offset of a symbol table entry)
//   f_unknown_fail       int32 (2,) = {1, 2} with a message of unknown type 0x123 flagged "fail if unknown":
//                        HDF5 refuses to open it
//   g_unknown_harmless   int32 (2,) = {3, 4} with a message of unknown type 0x124 flagged "fail if unknown and
//                        writing" and "mark if unknown": it reads
//   t_type               the committed datatype (big-endian int16)
inline OldLayouts build_old_layouts() {
    Builder w;
    w.text("\x89HDF\r\n\x1a\n", 8);
    w.u8(0);
    w.zeros(4);  // free-space, root group entry, reserved, shared header versions
    w.u8(8);
    w.u8(8);
    w.u8(0);
    w.u16(4);   // group leaf node K: a symbol table node holds up to 8 entries
    w.u16(16);  // group internal node K
    w.u32(0);
    w.u64(0);       // base address
    w.u64(kUndef);  // free-space info
    const std::size_t eof_at = w.pos();
    w.u64(0);
    w.u64(kUndef);  // driver info
    w.u64(0);       // root entry: link name offset
    const std::size_t root_at = w.pos();
    w.u64(0);
    w.u32(1);  // cache type 1: the scratch pad holds the B-tree and heap addresses
    w.u32(0);
    const std::size_t scratch_at = w.pos();
    w.zeros(16);

    const std::size_t root = w.pos();
    const std::size_t st = object_header_v1(w, {{0x0011, 0, Bytes(16, 0)}})[0];

    // The local heap: "" at 0, then the names (sorted, as HDF5 keeps them), each NUL-padded to 8 bytes.
    const std::vector<std::string> names = {"a_contiguous_v1", "b_unwritten_v2", "c_compact_v1",
                                            "d_chunked_v1",    "e_committed_v1", "f_unknown_fail",
                                            "g_unknown_harmless", "t_type"};
    Bytes heap_data(8, 0);
    std::vector<std::uint64_t> name_at;
    for (const std::string& n : names) {
        name_at.push_back(heap_data.size());
        heap_data.insert(heap_data.end(), n.begin(), n.end());
        heap_data.resize((heap_data.size() + 1 + 7) / 8 * 8, 0);
    }
    const std::size_t heap = w.pos();
    w.text("HEAP", 4);
    w.u8(0);
    w.zeros(3);
    w.u64(heap_data.size());
    w.u64(1);  // no free block (HDF5 writes 1 there, "H5HL_FREE_NULL")
    const std::size_t heap_data_at = w.pos();
    w.u64(0);
    const std::size_t heap_data_start = w.pos();
    w.b.insert(w.b.end(), heap_data.begin(), heap_data.end());

    const std::size_t btree = w.pos();  // one leaf: one symbol table node
    w.text("TREE", 4);
    w.u8(0);
    w.u8(0);
    w.u16(1);
    w.u64(kUndef);
    w.u64(kUndef);
    w.u64(0);
    const std::size_t snod_ptr = w.pos();
    w.u64(0);
    w.u64(name_at.back());
    w.zeros(btree + 24 + (2 * 16 + 1) * 8 + 2 * 16 * 8 - w.pos());  // HDF5 reads whole nodes (group K = 16)

    const std::size_t snod = w.pos();
    w.text("SNOD", 4);
    w.u8(1);
    w.u8(0);
    w.u16(unsigned(names.size()));
    std::vector<std::size_t> entry_at;
    for (std::size_t i = 0; i < names.size(); ++i) {
        w.u64(name_at[i]);
        entry_at.push_back(w.pos());
        w.u64(0);
        w.u32(0);
        w.u32(0);
        w.zeros(16);
    }
    std::vector<std::size_t> object(names.size());

    // a: layout version 1, contiguous, dimensions 2, 3 and the element size 4.
    object[0] = w.pos();
    const auto a = object_header_v1(w, {dataspace_v1({2, 3}), int_type(4, false),
                                        {0x0008, 0, le_bytes({{1, 1}, {3, 1}, {1, 1}, {0, 5}, {0, 8}, {2, 4}, {3, 4}, {4, 4}})}});
    // b: layout version 2, contiguous, never allocated; the old fill value message (0x0004).
    object[1] = w.pos();
    object_header_v1(w, {dataspace_v1({4}), int_type(4, false), {0x0004, 0, le_bytes({{4, 4}, {0x11223344, 4}})},
                         {0x0008, 0, le_bytes({{2, 1}, {2, 1}, {1, 1}, {0, 5}, {kUndef, 8}, {4, 4}, {4, 4}})}});
    // c: layout version 1, compact: no address, the dimensions, the size, the data.
    object[2] = w.pos();
    object_header_v1(w, {dataspace_v1({3}), int_type(4, false),
                         {0x0008, 0, le_bytes({{1, 1}, {2, 1}, {0, 1}, {0, 5}, {3, 4}, {4, 4}, {12, 4},
                                               {7, 4}, {std::uint32_t(-8), 4}, {9, 4}})}});
    // d: layout version 1, chunked: the B-tree address, the chunk dimension 2 and the element size 2.
    object[3] = w.pos();
    const auto d = object_header_v1(w, {dataspace_v1({5}), int_type(2, false), {0x0004, 0, le_bytes({{2, 4}, {0xffff, 2}})},
                                        {0x0008, 0, le_bytes({{1, 1}, {2, 1}, {2, 1}, {0, 5}, {0, 8}, {2, 4}, {2, 4}})}});
    // e: the datatype is a version 1 shared message: version, type, 6 reserved bytes, then a symbol table
    // entry of the committed datatype (link name offset, object header address, cache type, reserved, scratch).
    object[4] = w.pos();
    Bytes shared = le_bytes({{1, 1}, {0, 1}, {0, 6}, {name_at[7], 8}, {0, 8}, {0, 4}, {0, 4}});
    shared.resize(shared.size() + 16, 0);
    const auto e = object_header_v1(w, {dataspace_v1({3}), {0x0003, 0x02, shared},
                                        {0x0008, 0, le_bytes({{3, 1}, {1, 1}, {0, 8}, {6, 8}})}});
    // f, g: an unknown message type with and without "fail if unknown".
    object[5] = w.pos();
    const auto f = object_header_v1(w, {dataspace_v1({2}), int_type(4, false), {0x0123, 0x80, Bytes(8, 0xab)},
                                        {0x0008, 0, le_bytes({{3, 1}, {1, 1}, {0, 8}, {8, 8}})}});
    object[6] = w.pos();
    const auto g = object_header_v1(w, {dataspace_v1({2}), int_type(4, false), {0x0124, 0x18, Bytes(8, 0xcd)},
                                        {0x0008, 0, le_bytes({{3, 1}, {1, 1}, {0, 8}, {8, 8}})}});
    // t: the committed datatype.
    object[7] = w.pos();
    object_header_v1(w, {int_type(2, true)});

    // The data.
    const std::size_t a_data = w.pos();
    for (std::int32_t v : kHandValues) w.u32(std::uint32_t(v));
    const std::size_t e_data = w.pos();
    for (std::int16_t v : {300, -2, 7}) {
        w.u8(unsigned(std::uint16_t(v) >> 8));
        w.u8(unsigned(std::uint16_t(v) & 0xff));
    }
    w.align(8);
    const std::size_t f_data = w.pos();
    w.u32(1);
    w.u32(2);
    const std::size_t g_data = w.pos();
    w.u32(3);
    w.u32(4);
    const std::size_t chunk0 = w.pos();
    w.u16(10);
    w.u16(11);
    const std::size_t chunk4 = w.pos();
    w.u16(14);
    w.u16(0x7777);  // beyond the dataset's extent
    // The chunk B-tree (node type 1): keys of chunk size, filter mask and offsets (rank + 1 of them).
    const std::size_t chunks = w.pos();
    w.text("TREE", 4);
    w.u8(1);
    w.u8(0);
    w.u16(2);
    w.u64(kUndef);
    w.u64(kUndef);
    w.u32(4), w.u32(0), w.u64(0), w.u64(0);
    w.u64(chunk0);
    w.u32(4), w.u32(0), w.u64(4), w.u64(0);
    w.u64(chunk4);
    w.u32(0), w.u32(0), w.u64(6), w.u64(0);
    w.zeros(chunks + 24 + (2 * 32 + 1) * 24 + 2 * 32 * 8 - w.pos());  // a whole node (indexed storage K = 32)

    w.patch(eof_at, w.pos());
    w.patch(root_at, root);
    w.patch(scratch_at, btree);
    w.patch(scratch_at + 8, heap);
    w.patch(st, btree);
    w.patch(st + 8, heap);
    w.patch(heap_data_at, heap_data_start);
    w.patch(snod_ptr, snod);
    for (std::size_t i = 0; i < names.size(); ++i) w.patch(entry_at[i], object[i]);
    w.patch(a[2] + 8, a_data);
    w.patch(d[3] + 8, chunks);
    w.patch(e[1] + 16, object[7]);
    w.patch(e[2] + 2, e_data);
    w.patch(f[3] + 2, f_data);
    w.patch(g[3] + 2, g_data);
    OldLayouts out;
    out.file = w.b;
    out.shared_type_body = e[1];
    out.committed_type = object[7];
    out.name_offset = name_at[7];
    return out;
}

}  // namespace h5_handmade
