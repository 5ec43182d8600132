// io/h5/object_header.cpp - object headers (spec Level 2A1): the list of header messages of one object.
//
// Version 1 headers (default libver) start with a 16-byte prefix; version 2 headers ("OHDR", libver latest)
// carry a checksum per block. Either may continue in further blocks named by continuation messages; each
// block is visited once, so a continuation loop throws instead of hanging. Each message keeps its flags
// byte: require_known_messages() honours "fail if unknown", message_body() (shared_messages.cpp) "shared".
#include "io/h5/format.hpp"

namespace dnn::io::h5 {

const char* msg::message_name(std::uint16_t type) {
    static const char* names[] = {"NIL",
                                  "dataspace",
                                  "link info",
                                  "datatype",
                                  "fill value (old)",
                                  "fill value",
                                  "link",
                                  "external data files",
                                  "data layout",
                                  "bogus",
                                  "group info",
                                  "filter pipeline",
                                  "attribute",
                                  "object comment",
                                  "object modification time (old)",
                                  "shared message table",
                                  "object header continuation",
                                  "symbol table",
                                  "object modification time",
                                  "B-tree 'K' values",
                                  "driver info",
                                  "attribute info",
                                  "object reference count",
                                  "file space info",
                                  "metadata cache image"};
    return type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

const Message* unknown_fail_message(const ObjectHeader& oh) {
    for (const Message& m : oh.messages)
        if (!msg::known_message_type(m.type) && (m.flags & msg::FlagFailIfUnknown)) return &m;
    return nullptr;
}

void require_known_messages(const FileImage& f, const ObjectHeader& oh) {
    if (const Message* m = unknown_fail_message(oh))
        fail(f, "object header", oh.address,
             "message of unknown type " + std::to_string(m->type) + " at offset " + hex(m->offset) +
                 " is flagged \"fail if unknown\" (HDF5 refuses to open this object too)");
}

const Message* ObjectHeader::find(std::uint16_t type) const {
    for (const Message& m : messages)
        if (m.type == type) return &m;
    return nullptr;
}

Cursor message_cursor(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what) {
    return Cursor(f, std::string(what) + " of object header " + hex(oh.address), m.offset, m.offset + m.size);
}

namespace {

struct Block {
    std::uint64_t start, end;  // message area [start, end)
};

// Records one message; continuation messages add a block to read.
void add_message(const FileImage& f, ObjectHeader& oh, const Message& m, std::vector<Block>& pending,
                 int version, Visited& visited) {
    oh.messages.push_back(m);
    if (m.type != msg::Continuation) return;
    Cursor c = message_cursor(f, oh, m, "continuation message");
    if (m.flags & msg::FlagShared) c.fail("continuation message flagged as shared");
    const std::uint64_t at = c.address();
    const std::uint64_t len = c.length();
    const std::string what = "object header " + hex(oh.address) + " continuation block";
    if (at == kUndefined) c.fail("continuation to an undefined address");
    visited.add(f, what, at);
    Cursor block(f, what, at);
    block.take(len);  // the whole block must lie inside the file
    if (version == 1) {
        pending.push_back({at, at + len});
    } else {
        if (len < 8) block.fail("continuation block of " + std::to_string(len) + " bytes is too small");
        Cursor sig(f, what, at, at + len);
        sig.signature("OCHK");
        Cursor sum(f, what, at, at + len);
        sum.seek(at + len - 4);
        sum.checksum(at);
        pending.push_back({at + 4, at + len - 4});
    }
}

void read_v1_block(const FileImage& f, ObjectHeader& oh, Block b, std::vector<Block>& pending,
                   Visited& visited) {
    Cursor c(f, "object header " + hex(oh.address), b.start, b.end);
    while (c.remaining() >= 8) {
        Message m;
        m.type = c.u16();
        const std::uint16_t size = c.u16();
        m.flags = c.u8();
        c.skip(3);
        m.offset = c.pos();
        m.size = size;
        c.take(size);  // the message must fit in its block
        add_message(f, oh, m, pending, 1, visited);
    }
}

void read_v2_block(const FileImage& f, ObjectHeader& oh, Block b, bool creation_order,
                   std::vector<Block>& pending, Visited& visited) {
    Cursor c(f, "object header " + hex(oh.address), b.start, b.end);
    const unsigned header = creation_order ? 6 : 4;
    while (c.remaining() >= header) {  // fewer bytes left is a gap, not a message
        Message m;
        m.type = c.u8();
        const std::uint16_t size = c.u16();
        m.flags = c.u8();
        if (creation_order) c.skip(2);
        m.offset = c.pos();
        m.size = size;
        c.take(size);
        add_message(f, oh, m, pending, 2, visited);
    }
}

}  // namespace

ObjectHeader read_object_header(const FileImage& f, std::uint64_t address) {
    ObjectHeader oh;
    oh.address = address;
    const std::string what = "object header";
    Cursor c(f, what, address);
    Visited visited;
    visited.add(f, what, address);
    std::vector<Block> pending;

    if (c.remaining() >= 4 && f.bytes[address] == 'O' && f.bytes[address + 1] == 'H' &&
        f.bytes[address + 2] == 'D' && f.bytes[address + 3] == 'R') {
        c.signature("OHDR");
        const unsigned version = c.u8();
        if (version != 2) c.fail("unsupported object header version " + std::to_string(version));
        const std::uint8_t flags = c.u8();
        if (flags & 0x20) c.skip(16);  // access, modification, change and birth times
        if (flags & 0x10) c.skip(4);   // attribute storage phase change values
        const std::uint64_t size0 = c.uint(1u << (flags & 3));
        const std::uint64_t start = c.pos();
        c.take(size0);
        c.checksum(address);
        read_v2_block(f, oh, {start, start + size0}, (flags & 0x04) != 0, pending, visited);
        for (std::size_t i = 0; i < pending.size(); ++i)  // pending grows while we read
            read_v2_block(f, oh, pending[i], (flags & 0x04) != 0, pending, visited);
    } else {
        const unsigned version = c.u8();
        if (version != 1) c.fail("unsupported object header version " + std::to_string(version));
        c.skip(1);   // reserved
        c.u16();     // number of messages (we read every block fully instead)
        c.u32();     // reference count
        const std::uint64_t size0 = c.u32();
        c.skip(4);   // padding: version 1 messages are 8-byte aligned
        const std::uint64_t start = c.pos();
        c.take(size0);
        read_v1_block(f, oh, {start, start + size0}, pending, visited);
        for (std::size_t i = 0; i < pending.size(); ++i) read_v1_block(f, oh, pending[i], pending, visited);
    }
    return oh;
}

}  // namespace dnn::io::h5
