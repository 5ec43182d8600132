// io/h5/dataset.cpp - reads one dataset: its raw bytes from compact, contiguous or chunked storage (undoing
// the gzip, shuffle and fletcher32 filters), then converts them to doubles or strings.
//
// Sizes are checked before anything is allocated: the memory a read needs (the raw values and a double or a
// string each) may not exceed the file's read limit (H5File::set_read_limit). The file's size bounds nothing
// else: a small file describes a huge dataset through its fill value. Chunks, though, are data in the file:
// they decode to at most 1100 x the file size + 4 MiB bytes (deflate expands at most ~1032x).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <stdexcept>

#include "io/h5/format.hpp"
#include "io/inflate.hpp"

namespace dnn::io::h5 {

namespace {

std::string coords(const std::vector<std::uint64_t>& v) {
    std::string s = "(";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s + (v.size() == 1 ? ",)" : ")");
}

const char* filter_name(unsigned id) {
    switch (id) {
    case 1: return "deflate";
    case 2: return "shuffle";
    case 3: return "fletcher32";
    case 4: return "szip";
    case 5: return "nbit";
    case 6: return "scaleoffset";
    case 307: return "bzip2";
    case 32000: return "lzf";
    case 32001: return "blosc";
    case 32004: return "lz4";
    case 32008: return "bitshuffle";
    case 32015: return "zstd";
    default: return "unknown";
    }
}

// Shuffle stored byte 0 of every element, then byte 1 of every element, ...; this puts them back.
void unshuffle(std::vector<std::uint8_t>& buf, std::size_t element) {
    const std::size_t n = element == 0 ? 0 : buf.size() / element;
    if (element <= 1 || n == 0) return;  // HDF5 leaves such buffers as they are
    std::vector<std::uint8_t> out(buf.size());
    for (std::size_t b = 0; b < element; ++b)
        for (std::size_t e = 0; e < n; ++e) out[e * element + b] = buf[b * n + e];
    std::copy(buf.begin() + std::ptrdiff_t(n * element), buf.end(), out.begin() + std::ptrdiff_t(n * element));
    buf.swap(out);
}

// Fletcher-32 over big-endian 16-bit words, as HDF5 computes it (an odd last byte is the high byte).
std::uint32_t fletcher32(const std::uint8_t* p, std::size_t n) {
    std::uint32_t sum1 = 0, sum2 = 0;
    std::size_t words = n / 2;
    while (words) {
        std::size_t block = std::min<std::size_t>(words, 360);  // sums stay below 2^32
        words -= block;
        while (block--) {
            sum1 += (std::uint32_t(p[0]) << 8) | p[1];
            sum2 += sum1;
            p += 2;
        }
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    if (n & 1) {
        sum1 += std::uint32_t(*p) << 8;
        sum2 += sum1;
        sum1 = (sum1 & 0xffff) + (sum1 >> 16);
        sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    }
    sum1 = (sum1 & 0xffff) + (sum1 >> 16);
    sum2 = (sum2 & 0xffff) + (sum2 >> 16);
    return (sum2 << 16) | sum1;
}

std::string unsupported_filter(const Filter& flt) {
    return "unsupported filter " + std::to_string(flt.id) + " (" + (flt.name.empty() ? filter_name(flt.id) : flt.name) +
           "); only deflate (gzip), shuffle and fletcher32 can be read";
}

bool known_filter(const Filter& flt) { return flt.id >= 1 && flt.id <= 3; }

struct Context {
    const FileImage& f;
    const std::string& path;
};

// Undoes the filters (last applied first) of one stored chunk at `at`; the result must be `expected` bytes.
std::vector<std::uint8_t> unfilter(const Context& cx, const std::vector<Filter>& filters, std::uint64_t at,
                                   const std::uint8_t* p, std::uint64_t size, std::uint32_t mask,
                                   std::uint64_t expected, std::size_t element) {
    const std::string what = "chunk of dataset '" + cx.path + "'";
    std::vector<std::uint8_t> buf(p, p + size);
    for (std::size_t i = filters.size(); i-- > 0;) {
        if (i < 32 && (mask >> i) & 1) continue;  // this filter was skipped for this chunk
        const Filter& flt = filters[i];
        switch (flt.id) {
        case 1:
            try {
                buf = inflate_zlib(buf.data(), buf.size(), expected + 4);
            } catch (const std::runtime_error& e) {
                fail(cx.f, what, at, e.what());
            }
            break;
        case 2:
            unshuffle(buf, flt.values.empty() ? element : flt.values[0]);
            break;
        case 3: {
            if (buf.size() < 4) fail(cx.f, what, at, "fletcher32 chunk shorter than its checksum");
            const std::size_t n = buf.size() - 4;
            const std::uint32_t stored = load_le32(buf.data() + n);
            const std::uint32_t sum = fletcher32(buf.data(), n);
            // Files from HDF5 before 1.6.3 stored the two halves byte-swapped; accept both.
            const std::uint32_t swapped = ((sum & 0x00ff00ffu) << 8) | ((sum & 0xff00ff00u) >> 8);
            if (stored != sum && stored != swapped)
                fail(cx.f, what, at, "fletcher32 checksum mismatch (stored " + hex(stored) + ", computed " + hex(sum) + ")");
            buf.resize(n);
            break;
        }
        default:
            fail(cx.f, what, at, unsupported_filter(flt));
        }
    }
    if (buf.size() != expected)
        fail(cx.f, what, at, "decoded to " + std::to_string(buf.size()) + " bytes, expected " + std::to_string(expected));
    return buf;
}

// Copies the part of a chunk (origin: its first element) that lies inside the dataset into raw.
void place_chunk(const std::uint8_t* chunk, const std::vector<std::uint64_t>& origin,
                 const std::vector<std::uint64_t>& dims, const std::vector<std::uint64_t>& cdims,
                 std::size_t element, std::uint8_t* raw) {
    const std::size_t rank = dims.size();
    std::vector<std::uint64_t> extent(rank), chunk_stride(rank), data_stride(rank);
    for (std::size_t i = 0; i < rank; ++i) {
        extent[i] = std::min(cdims[i], dims[i] - origin[i]);
        if (extent[i] == 0) return;
    }
    chunk_stride[rank - 1] = data_stride[rank - 1] = element;
    for (std::size_t i = rank - 1; i-- > 0;) {
        chunk_stride[i] = chunk_stride[i + 1] * cdims[i + 1];
        data_stride[i] = data_stride[i + 1] * dims[i + 1];
    }
    const std::size_t row = extent[rank - 1] * element;
    std::vector<std::uint64_t> idx(rank, 0);  // odometer over every dimension but the last
    for (;;) {
        std::uint64_t src = 0, dst = 0;
        for (std::size_t i = 0; i < rank; ++i) {
            src += idx[i] * chunk_stride[i];
            dst += (origin[i] + idx[i]) * data_stride[i];
        }
        std::memcpy(raw + dst, chunk + src, row);
        std::size_t d = rank - 1;
        for (;;) {
            if (d == 0) return;
            --d;
            if (++idx[d] < extent[d]) break;
            idx[d] = 0;
        }
    }
}

double half_to_double(std::uint16_t h) {
    const int exponent = (h >> 10) & 0x1f;
    const int mantissa = h & 0x3ff;
    double v;
    if (exponent == 0) v = std::ldexp(mantissa, -24);                       // subnormal
    else if (exponent == 31) v = mantissa ? NAN : INFINITY;
    else v = std::ldexp(mantissa + 1024, exponent - 25);
    return (h & 0x8000) ? -v : v;
}

void convert(const Datatype& t, const std::vector<std::uint8_t>& raw, std::uint64_t n, Array& out) {
    const std::size_t size = t.size;
    if (t.kind == Datatype::Kind::String) {
        out.strings.reserve(n);
        for (std::uint64_t i = 0; i < n; ++i) {
            const char* s = reinterpret_cast<const char*>(raw.data() + i * size);
            std::size_t len = size;
            if (t.string_pad == 0) {  // NULL-terminated: the string ends at the first NUL
                len = std::size_t(std::find(s, s + size, '\0') - s);
            } else {  // NULL-padded (as numpy's bytes_) or space-padded: drop the trailing padding
                while (len > 0 && (s[len - 1] == '\0' || (t.string_pad == 2 && s[len - 1] == ' '))) --len;
            }
            out.strings.emplace_back(s, len);
        }
        return;
    }
    out.data.resize(n);
    double* dst = out.data.data();
    if (t.kind == Datatype::Kind::Integer && size == 1) {  // the course images: a plain widening loop
        for (std::uint64_t i = 0; i < n; ++i)
            dst[i] = t.is_signed ? double(std::int8_t(raw[i])) : double(raw[i]);
        return;
    }
    for (std::uint64_t i = 0; i < n; ++i) {
        const std::uint8_t* p = raw.data() + i * size;
        std::uint64_t bits = t.big_endian ? load_be(p, unsigned(size)) : load_le(p, unsigned(size));
        if (t.kind == Datatype::Kind::Integer) {
            if (t.is_signed && size < 8 && (bits >> (8 * size - 1)) & 1) bits |= ~std::uint64_t(0) << (8 * size);
            dst[i] = t.is_signed ? double(std::int64_t(bits)) : double(bits);
        } else if (size == 8) {
            double v;
            std::memcpy(&v, &bits, 8);
            dst[i] = v;
        } else if (size == 4) {
            const std::uint32_t b32 = std::uint32_t(bits);
            float v;
            std::memcpy(&v, &b32, 4);
            dst[i] = v;
        } else {
            dst[i] = half_to_double(std::uint16_t(bits));
        }
    }
}

}  // namespace

namespace {

struct Described {
    Dataspace space;
    Datatype type;
    DatasetInfo info;
};

std::uint64_t saturating_mul(std::uint64_t a, std::uint64_t b) { return (b != 0 && a > kUndefined / b) ? kUndefined : a * b; }
std::uint64_t saturating_add(std::uint64_t a, std::uint64_t b) { return a > kUndefined - b ? kUndefined : a + b; }

Described describe(const FileImage& f, const ObjectHeader& oh, const std::string& path) {
    const std::string where = "object header of dataset '" + path + "'";
    require_known_messages(f, oh);
    const Message* space_msg = oh.find(msg::Dataspace);
    const Message* type_msg = oh.find(msg::Datatype);
    if (!space_msg || !type_msg || !oh.has(msg::Layout))
        fail(f, where, oh.address, "missing dataspace, datatype or layout message");
    Described d;
    d.space = decode_dataspace(message_body(f, oh, *space_msg, "dataspace message"));
    d.type = decode_datatype(message_body(f, oh, *type_msg, "datatype message"));
    DatasetInfo& info = d.info;
    info.dtype = d.type.dtype;
    std::uint64_t n = d.space.null ? 0 : 1;
    for (std::uint64_t dim : d.space.dims) {
        if (dim != 0 && n > kUndefined / dim) fail(f, where, oh.address, "element count overflows");
        n *= dim;
        info.shape.push_back(std::size_t(dim));
    }
    if (d.space.null) info.shape = {0};
    info.elements = n;
    // The raw values, then a double (or a std::string and its characters) for each.
    const std::uint64_t per_element =
        d.type.kind == Datatype::Kind::String ? d.type.size + sizeof(std::string) : sizeof(double);
    info.memory_bytes = saturating_add(saturating_mul(n, d.type.size), saturating_mul(n, per_element));
    return d;
}

}  // namespace

DatasetInfo dataset_info(const FileImage& f, const ObjectHeader& oh, const std::string& path) {
    return describe(f, oh, path).info;
}

Array read_dataset(const FileImage& f, const ObjectHeader& oh, const std::string& path) {
    const std::string where = "object header of dataset '" + path + "'";
    const Described d = describe(f, oh, path);
    const Dataspace& space = d.space;
    const Datatype& type = d.type;
    const std::uint64_t n = d.info.elements;
    if (d.info.memory_bytes > f.read_limit || d.info.memory_bytes == kUndefined)
        fail(f, where, oh.address,
             "dataset of " + std::to_string(n) + " elements (" + type.dtype + ") needs " +
                 (d.info.memory_bytes == kUndefined ? std::string("more than 2^64") : std::to_string(d.info.memory_bytes)) +
                 " bytes in memory to read, over the read limit of " + std::to_string(f.read_limit) +
                 " bytes (H5File::set_read_limit; H5File::info gives its shape and dtype without reading it)");
    if (oh.has(msg::ExternalFiles)) fail(f, where, oh.address, "unsupported: data stored in external files");
    const Layout layout = decode_layout(message_body(f, oh, *oh.find(msg::Layout), "data layout message"), space.dims.size());
    if (layout.version < 3 && layout.chunk_element_size != type.size)
        fail(f, where, oh.address, "element size " + std::to_string(layout.chunk_element_size) +
                                       " in the data layout message differs from the datatype size " +
                                       std::to_string(type.size));
    std::vector<Filter> filters;
    if (const Message* m = oh.find(msg::FilterPipeline)) {
        const Cursor c = message_body(f, oh, *m, "filter pipeline message");
        filters = decode_filters(c);
        // A mandatory filter we cannot undo is reported at once; an optional one (which HDF5 may have
        // skipped chunk by chunk) only if a chunk actually needs it.
        for (const Filter& flt : filters)
            if (!known_filter(flt) && !(flt.flags & 1))
                fail(f, c.structure(), c.start(), unsupported_filter(flt) + " (dataset '" + path + "')");
    }

    Array out;
    out.dtype = type.dtype;
    out.shape = d.info.shape;
    const std::uint64_t total = n * type.size;  // within the read limit, so no overflow
    // Chunks decode to at most what a file of this size can hold: unfiltered chunks lie in the file, and
    // deflate expands at most ~1032 times. A damaged index naming one block many times stops here.
    const std::uint64_t decode_limit = 1100 * f.size() + (std::uint64_t(4) << 20);

    // Start from the fill value: it stands for everything never written.
    std::vector<std::uint8_t> raw(total);
    const std::vector<std::uint8_t> fill = decode_fill_value(f, oh, type.size);
    if (!fill.empty() && std::any_of(fill.begin(), fill.end(), [](std::uint8_t b) { return b != 0; }))
        for (std::uint64_t i = 0; i < n; ++i) std::memcpy(raw.data() + i * type.size, fill.data(), type.size);

    const Context cx{f, path};
    if (layout.cls == Layout::Class::Compact) {
        if (layout.size < total)
            fail(f, where, oh.address, "compact data of " + std::to_string(layout.size) + " bytes for " +
                                           std::to_string(total) + " bytes of elements");
        std::memcpy(raw.data(), f.bytes.data() + layout.address, total);
    } else if (layout.cls == Layout::Class::Contiguous) {
        if (layout.address != kUndefined && total > 0) {
            if (layout.size < total)
                fail(f, where, oh.address, "contiguous storage of " + std::to_string(layout.size) + " bytes for " +
                                               std::to_string(total) + " bytes of elements");
            // The whole storage the layout claims must lie before the end-of-file address (HDF5 checks the same).
            Cursor c(f, "contiguous data of dataset '" + path + "'", layout.address);
            const std::uint8_t* p = c.take(layout.size);
            std::memcpy(raw.data(), p, total);
        }
    } else {
        if (layout.chunk_element_size != type.size)
            fail(f, where, oh.address, "chunk element size " + std::to_string(layout.chunk_element_size) +
                                           " differs from the datatype size " + std::to_string(type.size));
        std::uint64_t chunk_bytes = type.size;
        for (std::uint64_t d : layout.chunk) {
            if (d > (std::uint64_t(1) << 32) / chunk_bytes)
                fail(f, where, oh.address, "chunk larger than HDF5's 4 GiB limit");
            chunk_bytes *= d;
        }
        const bool filtered = !filters.empty();
        // A damaged index could name one chunk (or one compressed block) many times over: each chunk
        // position is accepted once, and the bytes decoded are held to the same bound as the dataset.
        std::set<std::vector<std::uint64_t>> seen;
        std::uint64_t decoded = 0;
        if (n > 0)
            for_each_chunk(f, layout, space, chunk_bytes, filtered, [&](const ChunkRecord& r) {
                for (std::size_t i = 0; i < r.offset.size(); ++i)
                    if (r.offset[i] >= space.dims[i]) return;  // beyond the current extent (dataset shrunk)
                const std::string what = "chunk " + coords(r.offset) + " of dataset '" + path + "'";
                if (!seen.insert(r.offset).second) fail(f, what, r.address, "chunk listed twice in the chunk index");
                decoded += chunk_bytes;
                if (decoded > decode_limit)
                    fail(f, what, r.address, "chunks decode to more bytes than a " + std::to_string(f.size()) +
                                                 "-byte file can hold");
                if (!filtered && r.size != chunk_bytes)
                    fail(f, what, r.address, "stored size " + std::to_string(r.size) + " differs from the chunk size " +
                                                 std::to_string(chunk_bytes));
                Cursor c(f, what, r.address);
                const std::uint8_t* p = c.take(r.size);
                bool partial = false;
                for (std::size_t i = 0; i < r.offset.size(); ++i)
                    partial |= r.offset[i] + layout.chunk[i] > space.dims[i];
                if (!filtered || ((layout.flags & 1) && partial)) {
                    if (r.size != chunk_bytes)
                        fail(f, what, r.address, "unfiltered chunk of " + std::to_string(r.size) + " bytes, expected " +
                                                     std::to_string(chunk_bytes));
                    place_chunk(p, r.offset, space.dims, layout.chunk, type.size, raw.data());
                } else {
                    const std::vector<std::uint8_t> chunk =
                        unfilter(cx, filters, r.address, p, r.size, r.filter_mask, chunk_bytes, type.size);
                    place_chunk(chunk.data(), r.offset, space.dims, layout.chunk, type.size, raw.data());
                }
            });
    }
    convert(type, raw, n, out);
    return out;
}

}  // namespace dnn::io::h5
