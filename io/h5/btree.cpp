// io/h5/btree.cpp - walks version 1 B-trees ("TREE": old-style group members and default-libver chunk
// indexes) and version 2 B-trees ("BTHD": dense link names and chunk indexes with several unlimited
// dimensions), spec Level 1A.
//
// Both walkers check every node's signature, type and level (levels must fall by one per step), and visit
// each node once, so loops in a damaged file throw instead of recursing forever.
#include "io/h5/format.hpp"

#include <algorithm>

namespace dnn::io::h5 {

// ---- version 1 -------------------------------------------------------------------------------------------
void walk_btree_v1(const FileImage& f, std::uint64_t root, int node_type, std::size_t key_size,
                   const std::function<void(std::uint64_t child, Cursor& key)>& visit) {
    Visited visited;
    struct Pending {
        std::uint64_t address;
        int level;  // expected level, -1 for the root
    };
    std::vector<Pending> stack{{root, -1}};
    while (!stack.empty()) {
        const Pending node = stack.back();
        stack.pop_back();
        const std::string what = "v1 B-tree node";
        visited.add(f, what, node.address);
        Cursor c(f, what, node.address);
        c.signature("TREE");
        const unsigned type = c.u8();
        if (int(type) != node_type)
            c.fail("node type " + std::to_string(type) + " where type " + std::to_string(node_type) +
                   " was expected");
        const unsigned level = c.u8();
        if (node.level >= 0 && int(level) != node.level)
            c.fail("node level " + std::to_string(level) + " where level " + std::to_string(node.level) +
                   " was expected");
        const unsigned entries = c.u16();
        c.address();  // left sibling
        c.address();  // right sibling
        // Keys and children alternate: key 0, child 0, key 1, ..., child n-1, key n.
        std::vector<Pending> children;
        for (unsigned i = 0; i < entries; ++i) {
            const std::uint64_t key_at = c.pos();
            c.skip(key_size);
            const std::uint64_t child = c.address();
            if (child == kUndefined) c.fail("undefined child address");
            if (level == 0) {
                Cursor key(f, what + " key", key_at, key_at + key_size);
                visit(child, key);
            } else {
                children.push_back({child, int(level) - 1});
            }
        }
        c.skip(key_size);
        stack.insert(stack.end(), children.rbegin(), children.rend());  // left to right
    }
}

// ---- version 2 -------------------------------------------------------------------------------------------
namespace {

struct TreeShape {
    std::uint64_t node_size = 0;
    std::size_t record_size = 0;
    unsigned count_bytes = 0;                 // the "number of records in child node" field
    std::vector<std::uint64_t> max_records;   // per depth: most records a node at that depth holds
    std::vector<unsigned> total_bytes;        // per depth: size of "total records in child" for its parent
};

class V2Walker {
public:
    V2Walker(const FileImage& f, int type, const TreeShape& shape,
             const std::function<void(Cursor& record)>& visit)
        : f_(f), type_(type), shape_(shape), visit_(visit) {}

    void node(std::uint64_t address, std::uint64_t records, unsigned depth) {
        const bool leaf = depth == 0;
        const std::string what = leaf ? "v2 B-tree leaf node" : "v2 B-tree internal node";
        visited_.add(f_, what, address);
        Cursor c(f_, what, address, address + shape_.node_size);
        c.signature(leaf ? "BTLF" : "BTIN");
        const unsigned version = c.u8();
        if (version != 0) c.fail("unsupported v2 B-tree node version " + std::to_string(version));
        const unsigned type = c.u8();
        if (int(type) != type_) c.fail("record type " + std::to_string(type) + " in a tree of type " + std::to_string(type_));
        if (records > shape_.max_records[depth])
            c.fail(std::to_string(records) + " records in a node that holds at most " +
                   std::to_string(shape_.max_records[depth]));
        const std::uint64_t records_at = c.pos();
        c.skip(records * shape_.record_size);
        struct Child {
            std::uint64_t address, records;
        };
        std::vector<Child> children;
        if (!leaf) {
            for (std::uint64_t i = 0; i <= records; ++i) {
                Child ch;
                ch.address = c.address();
                ch.records = c.uint(shape_.count_bytes);
                if (depth > 1) c.uint(shape_.total_bytes[depth - 1]);
                if (ch.address == kUndefined) c.fail("undefined child node address");
                children.push_back(ch);
            }
        }
        c.checksum(address);
        // In key order: child 0, record 0, child 1, ..., record n-1, child n.
        for (std::uint64_t i = 0; i <= records; ++i) {
            if (!leaf) node(children[i].address, children[i].records, depth - 1);
            if (i == records) break;
            const std::uint64_t at = records_at + i * shape_.record_size;
            Cursor r(f_, what + " " + hex(address) + " record", at, at + shape_.record_size);
            visit_(r);
        }
    }

private:
    const FileImage& f_;
    int type_;
    const TreeShape& shape_;
    const std::function<void(Cursor& record)>& visit_;
    Visited visited_;
};

}  // namespace

std::size_t walk_btree_v2(const FileImage& f, std::uint64_t header, int type,
                          const std::function<void(Cursor& record)>& visit) {
    Cursor h(f, "v2 B-tree header", header);
    h.signature("BTHD");
    const unsigned version = h.u8();
    if (version != 0) h.fail("unsupported v2 B-tree version " + std::to_string(version));
    const unsigned t = h.u8();
    if (int(t) != type) h.fail("B-tree of type " + std::to_string(t) + " where type " + std::to_string(type) + " was expected");
    TreeShape shape;
    shape.node_size = h.u32();
    shape.record_size = h.u16();
    const unsigned depth = h.u16();
    h.u8();  // split percent
    h.u8();  // merge percent
    const std::uint64_t root = h.address();
    const std::uint64_t root_records = h.u16();
    h.length();  // total records
    h.checksum(header);

    constexpr std::uint64_t prefix = 10;  // signature, version, type, checksum
    if (shape.record_size == 0 || shape.node_size < prefix + shape.record_size || shape.node_size > f.size())
        h.fail("implausible node size " + std::to_string(shape.node_size) + " / record size " +
               std::to_string(shape.record_size));
    if (depth > 16) h.fail("implausible tree depth " + std::to_string(depth));
    // Field widths follow from the node size (spec: version 2 B-tree internal node).
    shape.max_records.push_back((shape.node_size - prefix) / shape.record_size);
    shape.count_bytes = bytes_for(shape.max_records[0]);
    std::vector<std::uint64_t> cumulative{shape.max_records[0]};
    shape.total_bytes.push_back(0);
    for (unsigned d = 1; d <= depth; ++d) {
        const std::uint64_t pointer = f.offset_size + shape.count_bytes + (d > 1 ? shape.total_bytes[d - 1] : 0);
        if (shape.node_size < prefix + pointer) h.fail("node size too small for an internal node");
        const std::uint64_t n = (shape.node_size - prefix - pointer) / (shape.record_size + pointer);
        shape.max_records.push_back(n);
        const std::uint64_t cap = std::uint64_t(1) << 62;
        const std::uint64_t prev = cumulative.back();
        cumulative.push_back(prev > cap / (n + 2) ? cap : (n + 1) * prev + n);
        shape.total_bytes.push_back(bytes_for(cumulative.back()));
    }
    if (root == kUndefined || root_records == 0) {
        if (depth == 0 || root == kUndefined) return shape.record_size;  // an empty tree
    }
    V2Walker walker(f, type, shape, visit);
    walker.node(root, root_records, depth);
    return shape.record_size;
}

}  // namespace dnn::io::h5
