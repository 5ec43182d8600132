// io/h5/chunks.cpp - lists the stored chunks of a chunked dataset from its chunk index (spec Appendix C and
// Level 1A): the version 1 B-tree of layout version 3, and the five indexes of layout version 4 (single
// chunk, implicit, fixed array, extensible array, version 2 B-tree).
//
// The output is a list of (chunk coordinates, address, stored size, filter mask); dataset.cpp reads and
// places the chunks. Every block is checked (signature, checksum, owner) and visited once.
#include "io/h5/format.hpp"

#include <algorithm>

namespace dnn::io::h5 {

namespace {

using Visit = std::function<void(const ChunkRecord&)>;

std::uint64_t ceil_div(std::uint64_t a, std::uint64_t b) { return a / b + (a % b != 0); }

// Number of chunks along each dimension of the maximum extent (kUndefined for an unlimited dimension).
std::vector<std::uint64_t> max_chunks(const Layout& l, const Dataspace& s) {
    std::vector<std::uint64_t> n;
    for (std::size_t i = 0; i < s.dims.size(); ++i)
        n.push_back(s.max_dims[i] == kUndefined ? kUndefined : ceil_div(s.max_dims[i], l.chunk[i]));
    return n;
}

// Element coordinates of the chunk with the given linear index in a row-major grid of chunk counts.
std::vector<std::uint64_t> chunk_origin(std::uint64_t index, const std::vector<std::uint64_t>& counts,
                                        const Layout& l) {
    std::vector<std::uint64_t> origin(counts.size());
    for (std::size_t i = counts.size(); i-- > 0;) {
        const std::uint64_t n = counts[i];
        const std::uint64_t scaled = (i == 0 || n == 0) ? index : index % n;
        if (i > 0 && n != 0) index /= n;
        origin[i] = scaled * l.chunk[i];
    }
    return origin;
}

// One element of a fixed or extensible array: a chunk address, then for filtered chunks a size and a mask.
void array_element(Cursor& c, std::size_t element_size, bool filtered, ChunkRecord& r) {
    const std::uint64_t start = c.pos();
    r.address = c.address();
    if (filtered) {
        const std::size_t size_bytes = element_size - c.file().offset_size - 4;
        r.size = c.uint(unsigned(size_bytes));
        r.filter_mask = c.u32();
    }
    c.seek(start + element_size);
}

void check_element_size(Cursor& c, std::size_t element_size, bool filtered) {
    const std::size_t o = c.file().offset_size;
    const bool ok = filtered ? element_size > o + 4 && element_size <= o + 4 + 8 : element_size == o;
    if (!ok) c.fail("chunk index element size " + std::to_string(element_size) + " does not fit " +
                    (filtered ? "filtered" : "unfiltered") + " chunks");
}

// ---- version 1 B-tree (layout version 3) ----------------------------------------------------------------
void btree_v1_chunks(const FileImage& f, const Layout& l, const Visit& visit) {
    const std::size_t rank = l.chunk.size();
    const std::size_t key_size = 4 + 4 + 8 * (rank + 1);
    walk_btree_v1(f, l.address, 1, key_size, [&](std::uint64_t child, Cursor& key) {
        ChunkRecord r;
        r.size = key.u32();
        r.filter_mask = key.u32();
        for (std::size_t i = 0; i < rank; ++i) {
            r.offset.push_back(key.u64());
            if (r.offset.back() % l.chunk[i] != 0)
                key.fail("chunk offset " + std::to_string(r.offset.back()) + " is not a multiple of the chunk size");
        }
        r.address = child;
        visit(r);
    });
}

// ---- implicit index: chunks stored back to back in grid order -------------------------------------------
void implicit_chunks(const FileImage& f, const Layout& l, const Dataspace& s, std::uint64_t chunk_bytes,
                     const Visit& visit) {
    const std::vector<std::uint64_t> counts = max_chunks(l, s);
    std::uint64_t total = 1;
    for (std::uint64_t n : counts) {
        if (n == kUndefined) fail(f, "implicit chunk index", l.address, "unlimited dimension");
        if (n != 0 && total > f.size() / n) fail(f, "implicit chunk index", l.address, "too many chunks");
        total *= n;
    }
    Cursor c(f, "implicit chunk index", l.address);
    if (chunk_bytes != 0 && total > f.size() / chunk_bytes) c.fail("chunks do not fit in the file");
    c.take(total * chunk_bytes);
    for (std::uint64_t i = 0; i < total; ++i) {
        ChunkRecord r;
        r.offset = chunk_origin(i, counts, l);
        r.address = l.address + i * chunk_bytes;
        r.size = chunk_bytes;
        visit(r);
    }
}

// ---- fixed array -----------------------------------------------------------------------------------------
void fixed_array_chunks(const FileImage& f, const Layout& l, const Dataspace& s, bool filtered,
                        const Visit& visit) {
    Cursor h(f, "fixed array header", l.address);
    h.signature("FAHD");
    if (h.u8() != 0) h.fail("unsupported fixed array version");
    const unsigned client = h.u8();
    if (client != (filtered ? 1u : 0u)) h.fail("fixed array client " + std::to_string(client) + " does not match the filters");
    const std::size_t element_size = h.u8();
    const unsigned page_bits = h.u8();
    const std::uint64_t entries = h.length();
    const std::uint64_t block = h.address();
    h.checksum(l.address);
    check_element_size(h, element_size, filtered);
    if (page_bits > 32) h.fail("page bits " + std::to_string(page_bits) + " out of range");
    if (block == kUndefined) return;  // nothing written yet

    const std::vector<std::uint64_t> counts = max_chunks(l, s);
    std::uint64_t grid = 1;
    for (std::uint64_t n : counts) grid = (n == kUndefined || (n && grid > kUndefined / n)) ? kUndefined : grid * n;
    if (entries > grid || entries > f.size())
        h.fail(std::to_string(entries) + " entries for a grid of " + std::to_string(grid) + " chunks");

    Cursor d(f, "fixed array data block", block);
    d.signature("FADB");
    if (d.u8() != 0) d.fail("unsupported fixed array data block version");
    if (d.u8() != client) d.fail("data block client does not match its header");
    if (d.address() != l.address) d.fail("data block belongs to another fixed array");
    const std::uint64_t page_size = std::uint64_t(1) << page_bits;
    if (entries <= page_size) {
        const std::uint64_t at = d.pos();
        d.take(entries * element_size);  // bounds before the loop
        d.checksum(block);
        for (std::uint64_t i = 0; i < entries; ++i) {
            Cursor e(f, "fixed array element", at + i * element_size, at + (i + 1) * element_size);
            ChunkRecord r;
            array_element(e, element_size, filtered, r);
            if (r.address == kUndefined) continue;
            r.offset = chunk_origin(i, counts, l);
            visit(r);
        }
        return;
    }
    // Paged: a bitmap of initialized pages, the block's checksum, then the pages (elements + checksum each).
    const std::uint64_t pages = ceil_div(entries, page_size);
    const std::uint8_t* bitmap = d.take(ceil_div(pages, 8));
    d.checksum(block);
    std::uint64_t page_at = d.pos();
    for (std::uint64_t p = 0; p < pages; ++p) {
        const std::uint64_t n = std::min(page_size, entries - p * page_size);
        const std::uint64_t bytes = n * element_size + 4;
        if (bitmap[p / 8] & (0x80u >> (p % 8))) {
            Cursor pg(f, "fixed array data block page", page_at);
            pg.skip(n * element_size);
            pg.checksum(page_at);
            for (std::uint64_t i = 0; i < n; ++i) {
                Cursor e(f, "fixed array element", page_at + i * element_size, page_at + (i + 1) * element_size);
                ChunkRecord r;
                array_element(e, element_size, filtered, r);
                if (r.address == kUndefined) continue;
                r.offset = chunk_origin(p * page_size + i, counts, l);
                visit(r);
            }
        }
        page_at += bytes;
    }
}

// ---- extensible array (one unlimited dimension) ----------------------------------------------------------
class ExtensibleArray {
public:
    ExtensibleArray(const FileImage& f, const Layout& l, const Dataspace& s, bool filtered, const Visit& visit)
        : f_(f), l_(l), filtered_(filtered), visit_(visit) {
        // Chunk coordinates are numbered with the unlimited dimension first (the others keep their order).
        const std::vector<std::uint64_t> counts = max_chunks(l, s);
        for (std::size_t i = 0; i < counts.size(); ++i)
            if (counts[i] == kUndefined) unlimited_.push_back(i);
        if (unlimited_.size() != 1)
            fail(f, "extensible array header", l.address, "needs exactly one unlimited dimension");
        order_.push_back(unlimited_[0]);
        for (std::size_t i = 0; i < counts.size(); ++i)
            if (i != unlimited_[0]) order_.push_back(i);
        for (std::size_t i : order_) counts_.push_back(counts[i]);
        counts_[0] = 0;  // unbounded
    }

    void run() {
        const FileImage& f = f_;
        Cursor h(f, "extensible array header", l_.address);
        h.signature("EAHD");
        if (h.u8() != 0) h.fail("unsupported extensible array version");
        client_ = h.u8();
        if (client_ != (filtered_ ? 1u : 0u)) h.fail("extensible array client does not match the filters");
        element_size_ = h.u8();
        const unsigned max_bits = h.u8();
        const unsigned index_elements = h.u8();
        const unsigned block_min_elements = h.u8();
        const unsigned min_pointers = h.u8();
        page_bits_ = h.u8();
        for (int i = 0; i < 6; ++i) h.length();  // statistics
        const std::uint64_t index_block = h.address();
        h.checksum(l_.address);
        check_element_size(h, element_size_, filtered_);
        if (max_bits == 0 || max_bits > 64 || !power_of_two(block_min_elements) || !power_of_two(min_pointers) ||
            page_bits_ > 32 ||
            log2_floor(block_min_elements) > max_bits)
            h.fail("implausible extensible array parameters");
        block_offset_bytes_ = (max_bits + 7) / 8;
        if (index_block == kUndefined) return;

        // Super block s holds 2^floor(s/2) data blocks of 2^ceil(s/2) * block_min_elements elements.
        const unsigned super_blocks = 1 + max_bits - log2_floor(block_min_elements);
        // Block offsets count from the first element after those held in the index block.
        index_elements_ = index_elements;
        std::uint64_t next = 0;
        for (unsigned s = 0; s < super_blocks; ++s) {
            Super sb;
            sb.blocks = std::uint64_t(1) << (s / 2);
            sb.elements = (std::uint64_t(1) << ((s + 1) / 2)) * block_min_elements;
            sb.first = next;
            next += sb.blocks * sb.elements;
            supers_.push_back(sb);
            if (s > 62) break;
        }
        const unsigned index_supers = 2 * log2_floor(min_pointers);
        const std::uint64_t index_block_pointers = 2 * (std::uint64_t(min_pointers) - 1);

        const std::string what = "extensible array index block";
        visited_.add(f, what, index_block);
        Cursor c(f, what, index_block);
        c.signature("EAIB");
        if (c.u8() != 0) c.fail("unsupported index block version");
        if (c.u8() != client_) c.fail("index block client does not match its header");
        if (c.address() != l_.address) c.fail("index block belongs to another extensible array");
        const std::uint64_t elements_at = c.pos();
        c.skip(std::uint64_t(index_elements) * element_size_);
        std::vector<std::uint64_t> blocks, secondaries;
        for (std::uint64_t i = 0; i < index_block_pointers; ++i) blocks.push_back(c.address());
        for (std::size_t s = index_supers; s < supers_.size(); ++s) secondaries.push_back(c.address());
        c.checksum(index_block);

        for (unsigned i = 0; i < index_elements; ++i) element(elements_at + i * element_size_, i);
        // Data blocks of the first super blocks hang directly off the index block.
        std::size_t b = 0;
        for (unsigned s = 0; s < index_supers && s < supers_.size(); ++s)
            for (std::uint64_t k = 0; k < supers_[s].blocks && b < blocks.size(); ++k, ++b)
                if (blocks[b] != kUndefined)
                    data_block(blocks[b], supers_[s].first + k * supers_[s].elements, supers_[s].elements, nullptr, 0);
        for (std::size_t i = 0; i < secondaries.size(); ++i)
            if (secondaries[i] != kUndefined) secondary_block(secondaries[i], index_supers + i);
    }

private:
    struct Super {
        std::uint64_t blocks = 0, elements = 0, first = 0;
    };

    void element(std::uint64_t at, std::uint64_t index) {
        Cursor e(f_, "extensible array element", at, at + element_size_);
        ChunkRecord r;
        array_element(e, element_size_, filtered_, r);
        if (r.address == kUndefined) return;
        // Undo the reordering: position 0 is the unlimited dimension.
        const std::vector<std::uint64_t> swizzled = chunk_origin_scaled(index);
        r.offset.assign(order_.size(), 0);
        for (std::size_t k = 0; k < order_.size(); ++k) r.offset[order_[k]] = swizzled[k] * l_.chunk[order_[k]];
        visit_(r);
    }

    std::vector<std::uint64_t> chunk_origin_scaled(std::uint64_t index) const {
        std::vector<std::uint64_t> scaled(counts_.size());
        for (std::size_t i = counts_.size(); i-- > 1;) {
            scaled[i] = counts_[i] ? index % counts_[i] : 0;
            if (counts_[i]) index /= counts_[i];
        }
        scaled[0] = index;
        return scaled;
    }

    void secondary_block(std::uint64_t address, std::size_t super) {
        const FileImage& f = f_;
        const std::string what = "extensible array secondary block";
        visited_.add(f, what, address);
        const Super& sb = supers_[super];
        Cursor c(f, what, address);
        c.signature("EASB");
        if (c.u8() != 0) c.fail("unsupported secondary block version");
        if (c.u8() != client_) c.fail("secondary block client does not match its header");
        if (c.address() != l_.address) c.fail("secondary block belongs to another extensible array");
        c.uint(block_offset_bytes_);  // block offset: HDF5 1.10 writes values that do not follow the spec's
                                      // numbering, so it is not checked (the spec calls it informational)
        const std::uint64_t page_elements = std::uint64_t(1) << page_bits_;
        const std::uint64_t pages = sb.elements > page_elements ? sb.elements / page_elements : 0;
        // HDF5 reserves ceil(pages / 8) bytes per data block but numbers the bits consecutively
        // (bit = block * pages + page).
        const std::uint8_t* bitmap = pages ? c.take(sb.blocks * ((pages + 7) / 8)) : nullptr;
        std::vector<std::uint64_t> blocks;
        for (std::uint64_t k = 0; k < sb.blocks; ++k) blocks.push_back(c.address());
        c.checksum(address);
        for (std::uint64_t k = 0; k < sb.blocks; ++k)
            if (blocks[k] != kUndefined)
                data_block(blocks[k], sb.first + k * sb.elements, sb.elements, bitmap, k * pages);
    }

    // bitmap: the secondary block's page-initialized bits (nullptr = every page is initialized);
    // first_page: the index of this block's first page in that bitmap.
    void data_block(std::uint64_t address, std::uint64_t first, std::uint64_t count, const std::uint8_t* bitmap,
                    std::uint64_t first_page) {
        const FileImage& f = f_;
        const std::string what = "extensible array data block";
        visited_.add(f, what, address);
        Cursor c(f, what, address);
        c.signature("EADB");
        if (c.u8() != 0) c.fail("unsupported data block version");
        if (c.u8() != client_) c.fail("data block client does not match its header");
        if (c.address() != l_.address) c.fail("data block belongs to another extensible array");
        c.uint(block_offset_bytes_);  // block offset (not checked, see secondary_block)
        const std::uint64_t page_elements = std::uint64_t(1) << page_bits_;
        if (count <= page_elements) {
            const std::uint64_t at = c.pos();
            c.skip(count * element_size_);
            c.checksum(address);
            for (std::uint64_t i = 0; i < count; ++i) element(at + i * element_size_, index_elements_ + first + i);
            return;
        }
        c.checksum(address);
        std::uint64_t page_at = c.pos();
        const std::uint64_t pages = count / page_elements;
        for (std::uint64_t p = 0; p < pages; ++p, page_at += page_elements * element_size_ + 4) {
            const std::uint64_t bit = first_page + p;
            if (bitmap && !(bitmap[bit / 8] & (0x80u >> (bit % 8)))) continue;
            Cursor pg(f, "extensible array data block page", page_at);
            pg.skip(page_elements * element_size_);
            pg.checksum(page_at);
            for (std::uint64_t i = 0; i < page_elements; ++i)
                element(page_at + i * element_size_, index_elements_ + first + p * page_elements + i);
        }
    }

    const FileImage& f_;
    const Layout& l_;
    bool filtered_;
    const Visit& visit_;
    std::vector<std::size_t> unlimited_, order_;
    std::vector<std::uint64_t> counts_;
    std::vector<Super> supers_;
    unsigned client_ = 0, page_bits_ = 0, block_offset_bytes_ = 0, index_elements_ = 0;
    std::size_t element_size_ = 0;
    Visited visited_;
};

// ---- version 2 B-tree (several unlimited dimensions) -----------------------------------------------------
void btree_v2_chunks(const FileImage& f, const Layout& l, bool filtered, const Visit& visit) {
    const std::size_t rank = l.chunk.size();
    walk_btree_v2(f, l.address, filtered ? 11 : 10, [&](Cursor& rec) {
        ChunkRecord r;
        r.address = rec.address();
        if (filtered) {
            const std::uint64_t fixed = f.offset_size + 4 + 8 * rank;
            const std::uint64_t total = rec.end() - rec.start();
            if (total <= fixed || total - fixed > 8) rec.fail("record size " + std::to_string(total) + " does not fit a filtered chunk");
            r.size = rec.uint(unsigned(total - fixed));
            r.filter_mask = rec.u32();
        }
        for (std::size_t i = 0; i < rank; ++i) {
            const std::uint64_t scaled = rec.u64();
            if (scaled > kUndefined / l.chunk[i]) rec.fail("chunk coordinate overflows");
            r.offset.push_back(scaled * l.chunk[i]);
        }
        if (r.address == kUndefined) rec.fail("chunk record with an undefined address");
        visit(r);
    });
}

}  // namespace

void for_each_chunk(const FileImage& f, const Layout& l, const Dataspace& s, std::uint64_t chunk_bytes,
                    bool filtered, const Visit& visit) {
    if (l.address == kUndefined) return;  // storage never allocated: every element is the fill value
    // Unfiltered chunks are stored whole, so their size is known.
    auto fixed_size = [&](const ChunkRecord& r) {
        ChunkRecord copy = r;
        if (!filtered) copy.size = chunk_bytes;
        visit(copy);
    };
    switch (l.index) {
    case 0: btree_v1_chunks(f, l, visit); break;
    case 1: {
        ChunkRecord r;
        r.offset.assign(l.chunk.size(), 0);
        r.address = l.address;
        r.size = filtered ? l.single_filtered_size : chunk_bytes;
        r.filter_mask = l.single_filter_mask;
        visit(r);
        break;
    }
    case 2: implicit_chunks(f, l, s, chunk_bytes, visit); break;
    case 3: fixed_array_chunks(f, l, s, filtered, fixed_size); break;
    case 4: ExtensibleArray(f, l, s, filtered, fixed_size).run(); break;
    case 5: btree_v2_chunks(f, l, filtered, fixed_size); break;
    default: fail(f, "chunk index", l.address, "unknown chunk indexing type " + std::to_string(l.index));
    }
}

}  // namespace dnn::io::h5
