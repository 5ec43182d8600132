// io/h5/groups.cpp - the members (links) of a group, in each of the three ways HDF5 stores them:
//   * old-style: a symbol table message -> v1 B-tree of symbol table nodes ("SNOD") + local heap of names;
//   * new-style compact: link messages in the group's own object header;
//   * new-style dense: a link info message -> fractal heap of link messages + v2 B-tree name index.
#include "io/h5/format.hpp"

namespace dnn::io::h5 {

bool is_dataset(const ObjectHeader& oh) { return oh.has(msg::Layout); }

bool is_group(const ObjectHeader& oh) {
    return oh.has(msg::SymbolTable) || oh.has(msg::LinkInfo) || oh.has(msg::Link) || oh.has(msg::GroupInfo);
}

namespace {

void check_name(const Cursor& c, const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos || name == "." )
        c.fail("invalid link name \"" + name + "\"");
}

// ---- old-style groups (spec Level 1B, 1C, 1D) ------------------------------------------------------------
struct LocalHeap {
    std::uint64_t data = 0, size = 0;  // absolute start and length of the data segment
};

LocalHeap read_local_heap(const FileImage& f, std::uint64_t address) {
    Cursor c(f, "local heap", address);
    c.signature("HEAP");
    const unsigned version = c.u8();
    if (version != 0) c.fail("unsupported local heap version " + std::to_string(version));
    c.skip(3);
    LocalHeap h;
    h.size = c.length();
    c.length();  // offset to the head of the free list
    h.data = c.address();
    Cursor data(f, "local heap " + hex(address) + " data segment", h.data);
    data.take(h.size);  // the whole segment must be inside the file
    return h;
}

std::string heap_name(const FileImage& f, const LocalHeap& h, std::uint64_t offset, const Cursor& entry) {
    if (offset >= h.size) entry.fail("link name offset " + std::to_string(offset) + " beyond the local heap's " +
                                     std::to_string(h.size) + " bytes");
    const std::uint8_t* p = f.bytes.data() + h.data + offset;
    const std::uint64_t room = h.size - offset;
    std::uint64_t n = 0;
    while (n < room && p[n]) ++n;
    if (n == room) entry.fail("link name at heap offset " + std::to_string(offset) + " is not NUL-terminated");
    return std::string(reinterpret_cast<const char*>(p), n);
}

void symbol_table_links(const FileImage& f, const ObjectHeader& oh, const Message& m, std::vector<Link>& out) {
    Cursor c = message_body(f, oh, m, "symbol table message");
    const std::uint64_t btree = c.address();
    const std::uint64_t heap_at = c.address();
    const LocalHeap heap = read_local_heap(f, heap_at);
    Visited nodes;
    walk_btree_v1(f, btree, 0, f.length_size, [&](std::uint64_t snod, Cursor&) {
        const std::string what = "symbol table node";
        nodes.add(f, what, snod);
        Cursor s(f, what, snod);
        s.signature("SNOD");
        const unsigned version = s.u8();
        if (version != 1) s.fail("unsupported symbol table node version " + std::to_string(version));
        s.skip(1);
        const unsigned count = s.u16();
        for (unsigned i = 0; i < count; ++i) {
            const std::uint64_t name_offset = s.uint(f.offset_size);
            Link link;
            link.address = s.address();
            const std::uint32_t cache_type = s.u32();
            s.skip(4 + 16);  // reserved, scratch pad
            link.name = heap_name(f, heap, name_offset, s);
            check_name(s, link.name);
            link.hard = cache_type != 2;  // 2: a symbolic (soft) link
            if (link.hard && link.address == kUndefined) s.fail("link \"" + link.name + "\" has an undefined address");
            out.push_back(std::move(link));
        }
    });
}

// ---- new-style groups (link messages) --------------------------------------------------------------------
Link decode_link(Cursor c) {
    const unsigned version = c.u8();
    if (version != 1) c.fail("unsupported link message version " + std::to_string(version));
    const std::uint8_t flags = c.u8();
    const unsigned type = (flags & 0x08) ? c.u8() : 0;
    if (flags & 0x04) c.skip(8);  // creation order
    if (flags & 0x10) c.u8();     // character set of the name
    const std::uint64_t length = c.uint(1u << (flags & 3));
    const std::uint8_t* p = c.take(length);
    Link link;
    link.name.assign(reinterpret_cast<const char*>(p), length);
    check_name(c, link.name);
    if (type == 0) {
        link.address = c.address();
        if (link.address == kUndefined) c.fail("hard link \"" + link.name + "\" has an undefined address");
    } else {
        link.hard = false;  // soft (1), external (64) or user-defined links point to no object here
    }
    return link;
}

void dense_links(const FileImage& f, const ObjectHeader& oh, const Message& m, std::vector<Link>& out) {
    Cursor c = message_body(f, oh, m, "link info message");
    const unsigned version = c.u8();
    if (version != 0) c.fail("unsupported link info message version " + std::to_string(version));
    const std::uint8_t flags = c.u8();
    if (flags & 1) c.skip(8);  // maximum creation index
    const std::uint64_t heap_at = c.address();
    const std::uint64_t names = c.address();
    if (heap_at == kUndefined) return;  // compact storage: the links are messages in the header
    if (names == kUndefined) c.fail("dense link storage without a name index");
    const FractalHeap heap(f, heap_at);
    // Name index records (type 5): 4-byte name hash, then the heap ID of the link message.
    walk_btree_v2(f, names, 5, [&](Cursor& record) {
        record.skip(4);
        const std::uint64_t id_at = record.pos();
        record.take(heap.id_length());
        const auto [at, length] = heap.locate(id_at);
        out.push_back(decode_link(Cursor(f, "link message in fractal heap " + hex(heap_at), at, at + length)));
    });
}

}  // namespace

std::vector<Link> group_links(const FileImage& f, const ObjectHeader& group) {
    require_known_messages(f, group);
    std::vector<Link> links;
    if (const Message* m = group.find(msg::SymbolTable)) {
        symbol_table_links(f, group, *m, links);
        return links;
    }
    if (const Message* m = group.find(msg::LinkInfo)) dense_links(f, group, *m, links);
    for (const Message& m : group.messages)
        if (m.type == msg::Link) links.push_back(decode_link(message_body(f, group, m, "link message")));
    return links;
}

}  // namespace dnn::io::h5
