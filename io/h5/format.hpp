// io/h5/format.hpp - internal declarations shared by the io/h5/*.cpp files of the HDF5 reader.
//
// EN: Not a public header: io/h5/h5file.hpp is the interface. Here live the in-memory file image, the
//     bounds-checked cursor every structure is read through, and the decoded forms of the header messages.
//     Names follow the HDF5 File Format Specification 3.0; section names are given where each is decoded.
// KO: 공개 헤더가 아닙니다(인터페이스는 io/h5/h5file.hpp). 메모리에 올린 파일, 모든 구조를 읽는 범위 검사
//     커서, 헤더 메시지를 해석한 형태를 선언합니다. 이름은 HDF5 파일 형식 명세 3.0을 따릅니다.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "io/h5/h5file.hpp"

namespace dnn::io::h5 {

// The "undefined address" (all bits set) after decoding.
constexpr std::uint64_t kUndefined = ~std::uint64_t(0);

// The whole file in memory plus the superblock facts that every structure needs to decode addresses.
struct FileImage {
    std::string name;                  // as the user gave it: every error message starts with it
    std::vector<std::uint8_t> bytes;
    unsigned offset_size = 8;          // "Size of Offsets" (bytes in an address)
    unsigned length_size = 8;          // "Size of Lengths"
    std::uint64_t base = 0;            // addresses in the file are relative to this absolute offset
    // The superblock's end-of-file address, as an absolute offset: HDF5 reads nothing at or past it ("addr
    // overflow"), and neither does this reader, even where the file goes on beyond it.
    std::uint64_t eoa = kUndefined;
    // The shared object header message table (spec Level 1I) that the superblock extension names, if any.
    std::uint64_t sohm_table = kUndefined;
    unsigned sohm_indexes = 0;
    std::uint64_t read_limit = H5File::kDefaultReadLimit;  // bytes of memory read() may use (H5File::set_read_limit)

    std::uint64_t size() const { return bytes.size(); }
    // Where every structure must end: the end of the file or, when it is smaller, the end-of-file address.
    std::uint64_t end() const { return std::min<std::uint64_t>(bytes.size(), eoa); }
    // "the file is 2565 bytes", or "the superblock's end-of-file address is 0x200, the file 2565 bytes".
    std::string describe_end() const;
};

// ---- small helpers shared by the decoders ---------------------------------------------------------------
// The unsigned little-endian integer in the nbytes (0..8) bytes at p, and its big-endian counterpart.
inline std::uint64_t load_le(const std::uint8_t* p, unsigned nbytes) {
    std::uint64_t v = 0;
    for (unsigned i = nbytes; i-- > 0;) v = (v << 8) | p[i];
    return v;
}
inline std::uint64_t load_be(const std::uint8_t* p, unsigned nbytes) {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < nbytes; ++i) v = (v << 8) | p[i];
    return v;
}
inline std::uint32_t load_le32(const std::uint8_t* p) { return std::uint32_t(load_le(p, 4)); }

inline bool power_of_two(std::uint64_t v) { return v != 0 && (v & (v - 1)) == 0; }
// floor(log2(v)) (0 for v <= 1); exact for powers of two.
inline unsigned log2_floor(std::uint64_t v) {
    unsigned n = 0;
    while (v > 1) {
        v >>= 1;
        ++n;
    }
    return n;
}
// Bytes needed to store the value n (at least 1), as HDF5 sizes its variable-width fields.
inline unsigned bytes_for(std::uint64_t n) { return log2_floor(n) / 8 + 1; }

std::string hex(std::uint64_t v);  // "0x3e8"

// Throws std::runtime_error("<file>: <structure> at offset 0x..: <what>").
[[noreturn]] void fail(const FileImage& f, const std::string& structure, std::uint64_t at,
                       const std::string& what);

// Jenkins' lookup3 hash ("hashlittle", initial value 0), the checksum of HDF5 metadata blocks.
std::uint32_t lookup3(const std::uint8_t* data, std::size_t size);

// Reads one structure of the file: little-endian fields, each checked against the structure's end (the end
// of the file unless a smaller end is given, e.g. the end of a header message). Any failure throws a
// message naming the file, the structure, its start and the offset where reading failed.
class Cursor {
public:
    Cursor(const FileImage& file, std::string structure, std::uint64_t start,
           std::uint64_t end = kUndefined);

    std::uint64_t pos() const { return pos_; }
    std::uint64_t start() const { return start_; }
    std::uint64_t end() const { return end_; }
    std::uint64_t remaining() const { return end_ - pos_; }
    const FileImage& file() const { return *file_; }
    const std::string& structure() const { return structure_; }

    void seek(std::uint64_t absolute);
    void skip(std::uint64_t n) { take(n); }
    std::uint8_t u8() { return std::uint8_t(uint(1)); }
    std::uint16_t u16() { return std::uint16_t(uint(2)); }
    std::uint32_t u32() { return std::uint32_t(uint(4)); }
    std::uint64_t u64() { return uint(8); }
    std::uint64_t uint(unsigned nbytes);     // little-endian, 0 <= nbytes <= 8
    std::uint64_t address();                 // "O"-sized address: absolute offset (base added) or kUndefined
    std::uint64_t length() { return uint(file_->length_size); }  // "L"-sized length
    const std::uint8_t* take(std::uint64_t n);  // pointer to the next n bytes, which must lie within bounds

    // Checks the 4-byte signature (e.g. "OHDR") at the current position.
    void signature(const char* sig);
    // Checks the stored lookup3 checksum (the next 4 bytes) of the bytes [from, pos).
    void checksum(std::uint64_t from);

    [[noreturn]] void fail(const std::string& what) const;  // "... : what at offset 0x<pos>"

private:
    const FileImage* file_;
    std::string structure_;
    std::uint64_t start_, end_, pos_;
};

// Guards against cycles and absurd fan-out: remembers each structure address visited.
class Visited {
public:
    // Throws (naming the structure) if address was seen before or if more than limit were visited.
    void add(const FileImage& f, const std::string& structure, std::uint64_t address);
    std::size_t count() const { return seen_.size(); }

private:
    std::set<std::uint64_t> seen_;
};

// ---- object headers (Level 2A) -------------------------------------------------------------------------
struct Message {
    std::uint16_t type = 0;
    std::uint8_t flags = 0;
    std::uint64_t offset = 0;  // absolute offset of the message data
    std::uint64_t size = 0;    // bytes of message data
};

struct ObjectHeader {
    std::uint64_t address = 0;
    std::vector<Message> messages;
    const Message* find(std::uint16_t type) const;  // first message of that type, or nullptr
    bool has(std::uint16_t type) const { return find(type) != nullptr; }
};

namespace msg {  // header message types used here
constexpr std::uint16_t Nil = 0x0000, Dataspace = 0x0001, LinkInfo = 0x0002, Datatype = 0x0003,
                        FillOld = 0x0004, Fill = 0x0005, Link = 0x0006, ExternalFiles = 0x0007,
                        Layout = 0x0008, Bogus = 0x0009, GroupInfo = 0x000a, FilterPipeline = 0x000b,
                        Attribute = 0x000c, SharedMessageTable = 0x000f, Continuation = 0x0010,
                        SymbolTable = 0x0011, FileSpaceInfo = 0x0017, CacheImage = 0x0018;
// The flags byte of each message (spec Level 2A1, "Header Message Flags").
constexpr std::uint8_t FlagConstant = 0x01, FlagShared = 0x02, FlagDoNotShare = 0x04,
                       FlagFailIfUnknownAndWriting = 0x08, FlagMarkIfUnknown = 0x10, FlagWasUnknown = 0x20,
                       FlagShareable = 0x40, FlagFailIfUnknown = 0x80;
// Whether HDF5 knows this message type (0x0000-0x0018; 0x0009, the "bogus" message, exists only to test
// what a reader does with a type it does not know).
inline bool known_message_type(std::uint16_t type) { return type <= 0x0018 && type != Bogus; }
const char* message_name(std::uint16_t type);  // "dataspace", "fill value", ... ("unknown" past 0x0018)
}  // namespace msg

// Reads the header (version 1 or 2) at absolute offset address, following continuation blocks.
ObjectHeader read_object_header(const FileImage& f, std::uint64_t address);

// The first message of a type HDF5 does not know flagged "fail if unknown", or nullptr.
const Message* unknown_fail_message(const ObjectHeader& oh);
// Throws if the header holds a message of a type HDF5 does not know that is flagged "fail if unknown": HDF5
// refuses to open such an object, and so does this reader (what the message would have said is not known).
// The other flags need nothing from a reader: bit 3 asks to fail only when the file is open for writing.
void require_known_messages(const FileImage& f, const ObjectHeader& oh);

// A cursor over one message's data as it is stored in the header, named e.g. "datatype message of object
// header 0x3e8". For a shared message (flag bit 1) that is only where the message is: see message_body.
Cursor message_cursor(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what);

// A cursor over the message itself, wherever it is (spec Level 2A2, "Shared Message"): in the header, or,
// for a shared message, in the header of another object (a committed datatype, versions 1-3) or in the file's
// shared-message heap (version 3, through the shared object header message table, Level 1I). A shared
// message that cannot be followed throws, naming where it points: it is never taken for a missing one.
Cursor message_body(const FileImage& f, const ObjectHeader& oh, const Message& m, const char* what);

// ---- decoded messages (Level 2A2) ----------------------------------------------------------------------
struct Dataspace {
    std::vector<std::uint64_t> dims;
    std::vector<std::uint64_t> max_dims;  // kUndefined = unlimited; equal to dims when not stored
    bool null = false;                    // a null dataspace holds no elements
};

struct Datatype {
    enum class Kind { Integer, Float, String };
    Kind kind = Kind::Integer;
    std::size_t size = 0;      // bytes per element
    bool big_endian = false;
    bool is_signed = false;    // integers
    int string_pad = 0;        // strings: 0 null-terminated, 1 null-padded, 2 space-padded
    std::string dtype;         // numpy-style name: "uint8", "int64", "float32", "|S7"
};

struct Layout {
    enum class Class { Compact = 0, Contiguous = 1, Chunked = 2 };
    Class cls = Class::Contiguous;
    int version = 0;
    std::uint64_t address = kUndefined;  // contiguous data / compact data (absolute) / chunk index
    std::uint64_t size = 0;              // contiguous or compact data bytes
    std::vector<std::uint64_t> chunk;    // chunk dimensions in elements (one per dataset dimension)
    // The element size in bytes the layout records: chunked layouts, and every class in versions 1 and 2
    // (there, the last of the stored dimensions); 0 where none is recorded.
    std::uint64_t chunk_element_size = 0;
    // Chunk index: 0 = version 1 B-tree (layout versions 1-3), else the version 4 "Chunk Indexing Type":
    // 1 single chunk, 2 implicit, 3 fixed array, 4 extensible array, 5 version 2 B-tree.
    int index = 0;
    std::uint8_t flags = 0;              // v4: bit 0 = partial edge chunks are not filtered
    std::uint64_t single_filtered_size = 0;
    std::uint32_t single_filter_mask = 0;
};

struct Filter {
    std::uint16_t id = 0;
    std::uint16_t flags = 0;  // bit 0: optional
    std::string name;
    std::vector<std::uint32_t> values;
};

// Each decoder takes a cursor over the message itself (message_body).
Dataspace decode_dataspace(Cursor c);
Datatype decode_datatype(Cursor c);
// The fill value bytes (element-sized), or empty when the fill value is undefined / default (zeros).
std::vector<std::uint8_t> decode_fill_value(const FileImage& f, const ObjectHeader& oh, std::size_t element);
// Versions 1 and 2 (HDF5 before 1.6.3) store no contiguous size: it is the product of the dimensions.
Layout decode_layout(Cursor c, std::size_t rank);
std::vector<Filter> decode_filters(Cursor c);

// ---- groups (Level 1B-1D, links in Level 2A2) -----------------------------------------------------------
struct Link {
    std::string name;
    bool hard = true;                 // soft and external links have no address here
    std::uint64_t address = kUndefined;  // object header (absolute)
};

bool is_group(const ObjectHeader& oh);
bool is_dataset(const ObjectHeader& oh);
// The links of a group, whichever way it stores them (symbol table, compact link messages, dense storage).
std::vector<Link> group_links(const FileImage& f, const ObjectHeader& group);

// ---- B-trees (Level 1A) --------------------------------------------------------------------------------
// Version 1: calls visit(child address, cursor positioned at the key before the child) for every child of
// every leaf node. key_size is the size of one key.
void walk_btree_v1(const FileImage& f, std::uint64_t root, int node_type, std::size_t key_size,
                   const std::function<void(std::uint64_t child, Cursor& key)>& visit);
// Version 2: calls visit(cursor over one record) for every record, after checking the tree's type.
// Returns the record size.
std::size_t walk_btree_v2(const FileImage& f, std::uint64_t header, int type,
                          const std::function<void(Cursor& record)>& visit);

// ---- fractal heap (Level 1G) ---------------------------------------------------------------------------
class FractalHeap {
public:
    FractalHeap(const FileImage& f, std::uint64_t header);
    std::size_t id_length() const { return id_length_; }
    // The absolute offset and length of the object named by the heap ID found at absolute offset id_at.
    std::pair<std::uint64_t, std::uint64_t> locate(std::uint64_t id_at) const;

private:
    std::pair<std::uint64_t, std::uint64_t> find_managed(std::uint64_t block, std::uint64_t block_offset,
                                                        unsigned rows, std::uint64_t block_size,
                                                        std::uint64_t offset, std::uint64_t length,
                                                        int depth) const;
    const FileImage* f_;
    std::uint64_t header_;
    std::size_t id_length_ = 0;
    unsigned offset_bytes_ = 0, length_bytes_ = 0, block_offset_bytes_ = 0;
    unsigned table_width_ = 0, max_direct_rows_ = 0, root_rows_ = 0;
    std::uint64_t start_block_ = 0, max_direct_block_ = 0, root_ = kUndefined;
    bool checksummed_direct_blocks_ = false;
};

// ---- chunked storage (Appendix C) ----------------------------------------------------------------------
struct ChunkRecord {
    std::vector<std::uint64_t> offset;  // element coordinates of the chunk's first element
    std::uint64_t address = kUndefined; // absolute
    std::uint64_t size = 0;             // bytes stored (after filters)
    std::uint32_t filter_mask = 0;      // bit i set: filter i was skipped for this chunk
};

// Calls visit for every allocated chunk of a chunked dataset. chunk_bytes is the unfiltered chunk size.
void for_each_chunk(const FileImage& f, const Layout& layout, const Dataspace& space,
                    std::uint64_t chunk_bytes, bool filtered,
                    const std::function<void(const ChunkRecord&)>& visit);

// ---- datasets ------------------------------------------------------------------------------------------
// What a dataset is (its dataspace and datatype), from its object header oh; path names it in messages.
DatasetInfo dataset_info(const FileImage& f, const ObjectHeader& oh, const std::string& path);
// Reads a whole dataset into doubles or strings, refusing one that needs more than f.read_limit bytes.
Array read_dataset(const FileImage& f, const ObjectHeader& oh, const std::string& path);

}  // namespace dnn::io::h5
