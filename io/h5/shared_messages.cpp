// io/h5/shared_messages.cpp - shared object header messages (spec Level 2A2, "Shared Message", and Level 1I,
// "Shared Object Header Message Table").
//
// A header message flagged shared (flag bit 1) does not hold the message: it says where the message is.
//   * in the header of another object: a committed (named) datatype, whose address versions 1 to 3 store;
//   * in the file's shared-message heap (version 3, type 1): HDF5 files written with shared object header
//     messages (H5Pset_shared_mesg_nindexes) keep one copy of a dataspace, datatype, fill value, filter
//     pipeline or attribute there for all the objects that use it. The superblock extension names the table
//     of indexes; each index lists the message types it holds and its fractal heap; the 8-byte heap ID in
//     the message finds the copy in that heap.
// Taking the pointer for the message would read wrong values (a fill value "absent", a dataspace of version
// 3), so anything that cannot be followed throws.
#include <vector>

#include "io/h5/format.hpp"

namespace dnn::io::h5 {

namespace {

// One index of the table: which message types it holds (bit 1 << type, as HDF5 writes them: 0x0002
// dataspace, 0x0008 datatype, 0x0020 fill value, 0x0800 filter pipeline, 0x1000 attribute) and its heap.
struct SharedIndex {
    unsigned index_type = 0;  // 0: a list ("SMLI"), 1: a version 2 B-tree of records
    std::uint32_t types = 0;
    std::uint64_t index = kUndefined, heap = kUndefined;
};

std::vector<SharedIndex> read_table(const FileImage& f) {
    Cursor c(f, "shared object header message table", f.sohm_table);
    c.signature("SMTB");
    std::vector<SharedIndex> out;
    for (unsigned i = 0; i < f.sohm_indexes; ++i) {
        const unsigned version = c.u8();
        if (version != 0) c.fail("unsupported shared message index version " + std::to_string(version));
        SharedIndex x;
        x.index_type = c.u8();
        if (x.index_type > 1) c.fail("unknown shared message index type " + std::to_string(x.index_type));
        x.types = c.u16();
        c.u32();  // minimum message size
        c.u16();  // list cutoff
        c.u16();  // B-tree cutoff
        c.u16();  // number of messages
        x.index = c.address();
        x.heap = c.address();
        out.push_back(x);
    }
    c.checksum(f.sohm_table);
    return out;
}

std::string message_title(const Message& m) { return std::string(msg::message_name(m.type)) + " message"; }

Cursor body(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what, int depth);

// The message of the same type in the object header at `address` (a committed datatype).
Cursor in_other_header(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what, Cursor& c,
                       std::uint64_t address, int depth) {
    if (address == kUndefined) c.fail("shared " + message_title(m) + " pointing to an undefined address");
    const ObjectHeader other = read_object_header(f, address);
    require_known_messages(f, other);
    const Message* target = other.find(m.type);
    if (!target)
        fail(f, "object header", address,
             "has no " + message_title(m) + " (the shared one of object header " + hex(oh.address) + " points here)");
    const Cursor inner = body(f, other, *target, what, depth + 1);
    return Cursor(f, std::string(what) + " of object header " + hex(oh.address) + " (shared, in object header " +
                         hex(address) + ")",
                  inner.start(), inner.end());
}

// The message in the shared-message heap, found by the 8-byte heap ID at the cursor.
Cursor in_shared_heap(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what, Cursor& c) {
    const std::uint64_t id_at = c.pos();
    c.take(8);
    if (f.sohm_table == kUndefined || f.sohm_indexes == 0)
        c.fail("shared " + message_title(m) +
               " in the shared-message heap, but the superblock names no shared object header message table");
    for (const SharedIndex& x : read_table(f)) {
        // The old fill value message is shared as the fill value message is (HDF5 writes both).
        const unsigned type = m.type == msg::FillOld ? msg::Fill : m.type;
        if (type >= 32 || !(x.types & (std::uint32_t(1) << type))) continue;
        if (x.heap == kUndefined)
            fail(f, "shared object header message table", f.sohm_table,
                 "the index of " + message_title(m) + "s has no heap");
        const FractalHeap heap(f, x.heap);
        if (heap.id_length() != 8)
            fail(f, "fractal heap header", x.heap,
                 "heap IDs of " + std::to_string(heap.id_length()) + " bytes in a shared-message heap (8 expected)");
        const auto [at, length] = heap.locate(id_at);
        return Cursor(f,
                      std::string(what) + " of object header " + hex(oh.address) + " (shared, in the heap at " +
                          hex(x.heap) + ")",
                      at, at + length);
    }
    c.fail("shared " + message_title(m) + " in the shared-message heap, but no index of the table at " +
           hex(f.sohm_table) + " holds " + msg::message_name(m.type) + " messages");
}

Cursor body(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what, int depth) {
    Cursor c = message_cursor(f, oh, m, what);
    if (!(m.flags & msg::FlagShared)) return c;
    if (depth > 8) c.fail("shared messages nested more than 8 deep");
    const unsigned version = c.u8();
    const unsigned type = c.u8();
    switch (version) {
    case 1: {
        // Version 1 (files from HDF5 before 1.8): 6 reserved bytes, then a whole symbol table entry (Level 1C) of the
        // committed datatype: its link name offset, then its object header address.
        c.skip(6);
        c.uint(f.offset_size);  // link name offset
        const std::uint64_t address = c.address();
        return in_other_header(f, oh, m, what, c, address, depth);
    }
    case 2: {
        const std::uint64_t address = c.address();
        return in_other_header(f, oh, m, what, c, address, depth);
    }
    case 3:
        if (type == 1) return in_shared_heap(f, oh, m, what, c);
        if (type == 2) {
            const std::uint64_t address = c.address();
            return in_other_header(f, oh, m, what, c, address, depth);
        }
        c.fail("shared " + message_title(m) + " of type " + std::to_string(type) +
               " (neither in the shared-message heap, 1, nor in another object header, 2)");
    default:
        c.fail("unsupported shared message version " + std::to_string(version) + " (" + message_title(m) + ")");
    }
}

}  // namespace

Cursor message_body(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what) {
    return body(f, oh, m, what, 0);
}

}  // namespace dnn::io::h5
