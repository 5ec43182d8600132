// io/h5/messages.cpp - decodes the header messages a dataset needs (spec Level 2A2): dataspace, datatype,
// fill value, data layout and filter pipeline.
//
// Each decoder reads the message itself (message_body: a shared message is followed first). Anything this
// reader cannot turn into numbers or fixed-length strings (variable-length, compound, references, virtual
// layouts) throws a clear "unsupported" error naming the message.
#include "io/h5/format.hpp"

#include <string>

namespace dnn::io::h5 {

// ---- dataspace (0x0001) ----------------------------------------------------------------------------------
Dataspace decode_dataspace(Cursor c) {
    Dataspace s;
    const unsigned version = c.u8();
    const unsigned rank = c.u8();
    const unsigned flags = c.u8();
    if (version == 1) {
        c.skip(5);  // reserved; rank 0 is a scalar
    } else if (version == 2) {
        const unsigned type = c.u8();  // 0 scalar, 1 simple, 2 null
        if (type > 2) c.fail("unknown dataspace type " + std::to_string(type));
        if (type == 2) s.null = true;
        if (type != 1 && rank != 0) c.fail("scalar or null dataspace with rank " + std::to_string(rank));
    } else {
        c.fail("unsupported dataspace message version " + std::to_string(version));
    }
    if (rank > 32) c.fail("dataspace rank " + std::to_string(rank) + " exceeds HDF5's limit of 32");
    for (unsigned i = 0; i < rank; ++i) s.dims.push_back(c.length());
    if (flags & 1) {
        for (unsigned i = 0; i < rank; ++i) {
            std::uint64_t m = c.length();
            const unsigned n = c.file().length_size;
            const std::uint64_t all_ones = n >= 8 ? ~std::uint64_t(0) : (std::uint64_t(1) << (8 * n)) - 1;
            s.max_dims.push_back(m == all_ones ? kUndefined : m);
        }
    } else {
        s.max_dims = s.dims;
    }
    return s;
}

// ---- datatype (0x0003) -----------------------------------------------------------------------------------
namespace {

const char* class_name(unsigned cls) {
    static const char* names[] = {"fixed-point", "floating-point", "time",      "string",
                                  "bitfield",    "opaque",         "compound",  "reference",
                                  "enumerated",  "variable-length", "array",    "complex"};
    return cls < 12 ? names[cls] : "unknown";
}

Datatype decode_type(Cursor& c, int depth) {
    if (depth > 8) c.fail("datatypes nested too deeply");
    const std::uint8_t class_version = c.u8();
    const unsigned cls = class_version & 0x0f;
    const std::uint32_t bits = std::uint32_t(c.uint(3));
    const std::uint32_t size = c.u32();
    Datatype t;
    t.size = size;
    switch (cls) {
    case 0: {  // fixed-point
        t.kind = Datatype::Kind::Integer;
        t.big_endian = bits & 1;
        t.is_signed = bits & 8;
        const unsigned offset = c.u16(), precision = c.u16();
        if (size != 1 && size != 2 && size != 4 && size != 8)
            c.fail("unsupported integer size of " + std::to_string(size) + " bytes");
        if (offset != 0 || precision != 8 * size)
            c.fail("unsupported integer with bit offset " + std::to_string(offset) + " and precision " +
                   std::to_string(precision));
        t.dtype = std::string(t.is_signed ? "int" : "uint") + std::to_string(8 * size);
        return t;
    }
    case 1: {  // floating-point: only the IEEE 754 binary16/32/64 layouts
        t.kind = Datatype::Kind::Float;
        const unsigned order = (bits & 1) | ((bits >> 5) & 2);
        if (order > 1) c.fail("unsupported floating-point byte order (VAX)");
        t.big_endian = order == 1;
        const unsigned offset = c.u16(), precision = c.u16();
        const unsigned exp_at = c.u8(), exp_size = c.u8(), mant_at = c.u8(), mant_size = c.u8();
        const std::uint32_t bias = c.u32();
        const unsigned sign_at = (bits >> 8) & 0xff;
        const bool ieee = offset == 0 && precision == 8 * size && mant_at == 0 && sign_at == 8 * size - 1 &&
                          ((size == 2 && exp_at == 10 && exp_size == 5 && mant_size == 10 && bias == 15) ||
                           (size == 4 && exp_at == 23 && exp_size == 8 && mant_size == 23 && bias == 127) ||
                           (size == 8 && exp_at == 52 && exp_size == 11 && mant_size == 52 && bias == 1023));
        if (!ieee) c.fail("unsupported floating-point layout (" + std::to_string(size) + " bytes, not IEEE)");
        t.dtype = "float" + std::to_string(8 * size);
        return t;
    }
    case 3: {  // fixed-length string
        t.kind = Datatype::Kind::String;
        t.string_pad = int(bits & 0x0f);
        if (t.string_pad > 2) c.fail("unknown string padding type " + std::to_string(t.string_pad));
        if (size == 0) c.fail("string of size 0");
        t.dtype = "|S" + std::to_string(size);
        return t;
    }
    case 8: {  // enumeration (h5py's bool is one): read as its integer base type
        Datatype base = decode_type(c, depth + 1);
        if (base.kind != Datatype::Kind::Integer) c.fail("unsupported enumeration over a non-integer type");
        return base;
    }
    case 9:
        c.fail("unsupported datatype: variable-length " +
               std::string((bits & 0x0f) == 1 ? "string" : "sequence") +
               " (only numbers and fixed-length strings can be read)");
    default:
        c.fail("unsupported datatype class " + std::to_string(cls) + " (" + class_name(cls) + ")");
    }
}

}  // namespace

Datatype decode_datatype(Cursor c) { return decode_type(c, 0); }

// ---- fill value (0x0005, old 0x0004) ---------------------------------------------------------------------
std::vector<std::uint8_t> decode_fill_value(const FileImage& f, const ObjectHeader& oh, std::size_t element) {
    std::vector<std::uint8_t> value;
    std::uint64_t size = 0;
    if (const Message* m = oh.find(msg::Fill)) {
        Cursor c = message_body(f, oh, *m, "fill value message");
        const unsigned version = c.u8();
        bool present = false;
        if (version == 1 || version == 2) {
            c.u8();  // space allocation time
            c.u8();  // fill value write time
            const unsigned defined = c.u8();
            present = version == 1 || defined != 0;
        } else if (version == 3) {
            present = (c.u8() & 0x20) != 0;
        } else {
            c.fail("unsupported fill value message version " + std::to_string(version));
        }
        if (!present) return value;
        size = c.u32();
        const std::uint8_t* p = c.take(size);
        value.assign(p, p + size);
        if (size != 0 && size != element)
            c.fail("fill value of " + std::to_string(size) + " bytes for " + std::to_string(element) +
                   "-byte elements");
        return value;
    }
    if (const Message* m = oh.find(msg::FillOld)) {
        Cursor c = message_body(f, oh, *m, "fill value (old) message");
        size = c.u32();
        const std::uint8_t* p = c.take(size);
        if (size != 0 && size != element)
            c.fail("fill value of " + std::to_string(size) + " bytes for " + std::to_string(element) +
                   "-byte elements");
        value.assign(p, p + size);
    }
    return value;
}

// ---- data layout (0x0008) --------------------------------------------------------------------------------
namespace {

// Versions 1 and 2 (spec Level 2A2, "Data Layout Message", versions 1 and 2): the dimensionality, the class,
// 5 reserved bytes, the address (none for compact storage), the dimensions as 4-byte numbers, and for compact
// storage the size and the data. The stored dimensionality is the dataspace rank + 1 for every class: the
// last "dimension" is the element size in bytes (in the files HDF5 1.4-1.6 wrote, for chunked storage too,
// with no further element size field). The contiguous size is not stored: it is the product of the dimensions.
Layout decode_layout_v1_v2(Cursor& c, Layout l, std::size_t rank) {
    const unsigned ndims = c.u8();
    const unsigned cls = c.u8();
    c.skip(5);
    if (cls > 2) c.fail("unknown layout class " + std::to_string(cls));
    if (ndims != rank + 1)
        c.fail("layout dimensionality " + std::to_string(ndims) + " does not match the dataspace rank " +
               std::to_string(rank) + " + 1");
    l.cls = Layout::Class(cls);
    if (l.cls != Layout::Class::Compact) l.address = c.address();
    std::vector<std::uint64_t> dims;
    std::uint64_t bytes = 1;
    for (unsigned i = 0; i < ndims; ++i) {
        const std::uint64_t d = c.u32();
        if (d == 0 && (l.cls == Layout::Class::Chunked || i == rank))
            c.fail(i == rank ? "element size of 0 bytes" : "chunk dimension of size 0");
        bytes = (d != 0 && bytes > kUndefined / d) ? kUndefined : bytes * d;
        dims.push_back(d);
    }
    l.chunk_element_size = dims[rank];
    if (l.cls == Layout::Class::Chunked) {
        l.chunk.assign(dims.begin(), dims.begin() + std::ptrdiff_t(rank));
        l.index = 0;  // a version 1 B-tree
    } else if (l.cls == Layout::Class::Contiguous) {
        if (bytes == kUndefined) c.fail("contiguous storage size overflows");
        l.size = bytes;
    } else {
        l.size = c.u32();
        l.address = c.pos();
        c.take(l.size);
    }
    return l;
}

}  // namespace

Layout decode_layout(Cursor c, std::size_t rank) {
    Layout l;
    l.version = c.u8();
    if (l.version == 1 || l.version == 2) return decode_layout_v1_v2(c, l, rank);
    if (l.version < 1 || l.version > 4) c.fail("unsupported data layout message version " + std::to_string(l.version));
    const unsigned cls = c.u8();
    if (cls == 0) {
        l.cls = Layout::Class::Compact;
        l.size = c.u16();
        l.address = c.pos();
        c.take(l.size);
        return l;
    }
    if (cls == 1) {
        l.cls = Layout::Class::Contiguous;
        l.address = c.address();
        l.size = c.length();
        return l;
    }
    if (cls != 2) c.fail(cls == 3 ? "unsupported virtual dataset layout" : "unknown layout class " + std::to_string(cls));
    l.cls = Layout::Class::Chunked;
    unsigned ndims = 0, width = 4;
    if (l.version == 3) {
        ndims = c.u8();
        l.address = c.address();
    } else {
        l.flags = c.u8();
        ndims = c.u8();
        width = c.u8();
        if (width < 1 || width > 8) c.fail("chunk dimension size width " + std::to_string(width) + " is not 1..8");
    }
    // The stored dimensionality counts the element size as a last, extra dimension.
    if (ndims != rank + 1)
        c.fail("chunk dimensionality " + std::to_string(ndims) + " does not match the dataspace rank " +
               std::to_string(rank) + " + 1");
    for (unsigned i = 0; i < ndims; ++i) {
        const std::uint64_t d = c.uint(width);
        if (d == 0) c.fail("chunk dimension of size 0");
        if (i < rank) l.chunk.push_back(d);
        else l.chunk_element_size = d;
    }
    if (l.version == 3) {
        l.index = 0;
        return l;
    }
    l.index = c.u8();
    switch (l.index) {
    case 1:  // single chunk
        if (l.flags & 2) {
            l.single_filtered_size = c.length();
            l.single_filter_mask = c.u32();
        }
        break;
    case 2: break;              // implicit
    case 3: c.skip(1); break;   // fixed array: page bits (repeated in its header)
    case 4: c.skip(5); break;   // extensible array: creation parameters (repeated in its header)
    case 5: c.skip(6); break;   // version 2 B-tree: node size, split and merge percentages
    default: c.fail("unknown chunk indexing type " + std::to_string(l.index));
    }
    l.address = c.address();
    return l;
}

// ---- filter pipeline (0x000b) ----------------------------------------------------------------------------
std::vector<Filter> decode_filters(Cursor c) {
    const unsigned version = c.u8();
    const unsigned n = c.u8();
    if (version == 1) c.skip(6);
    else if (version != 2) c.fail("unsupported filter pipeline message version " + std::to_string(version));
    if (n > 32) c.fail("filter pipeline of " + std::to_string(n) + " filters (at most 32)");
    std::vector<Filter> filters;
    for (unsigned i = 0; i < n; ++i) {
        Filter flt;
        flt.id = c.u16();
        const unsigned name_length = (version == 1 || flt.id >= 256) ? c.u16() : 0;
        flt.flags = c.u16();
        const unsigned nvalues = c.u16();
        if (name_length) {
            const std::uint8_t* p = c.take(name_length);  // version 1: already padded to 8
            std::size_t len = 0;
            while (len < name_length && p[len]) ++len;
            flt.name.assign(reinterpret_cast<const char*>(p), len);
        }
        for (unsigned v = 0; v < nvalues; ++v) flt.values.push_back(c.u32());
        if (version == 1 && (nvalues & 1)) c.skip(4);
        filters.push_back(std::move(flt));
    }
    return filters;
}

}  // namespace dnn::io::h5
