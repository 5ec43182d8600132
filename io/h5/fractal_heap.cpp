// io/h5/fractal_heap.cpp - finds objects in a fractal heap (spec Level 1G), where dense groups keep their
// link messages.
//
// A heap ID names an offset in the heap's linear address space. That space is laid out by a "doubling
// table": rows of `width` blocks, rows 0 and 1 of the starting block size, each later row twice the one
// before. Small rows are direct blocks (holding objects); rows too big for a direct block are indirect
// blocks with a doubling table of their own. Lookup walks down from the root, checking each block.
#include "io/h5/format.hpp"

namespace dnn::io::h5 {

FractalHeap::FractalHeap(const FileImage& f, std::uint64_t header) : f_(&f), header_(header) {
    Cursor c(f, "fractal heap header", header);
    c.signature("FRHP");
    const unsigned version = c.u8();
    if (version != 0) c.fail("unsupported fractal heap version " + std::to_string(version));
    id_length_ = c.u16();
    const unsigned filter_length = c.u16();
    const std::uint8_t flags = c.u8();
    checksummed_direct_blocks_ = (flags & 2) != 0;
    const std::uint64_t max_managed = c.u32();
    c.length();   // next huge object ID
    c.address();  // v2 B-tree of huge objects
    c.length();   // free space in managed blocks
    c.address();  // free-space manager
    c.length();   // managed space
    c.length();   // allocated managed space
    c.length();   // direct block allocation iterator
    c.length();   // number of managed objects
    c.length();   // size of huge objects
    c.length();   // number of huge objects
    c.length();   // size of tiny objects
    c.length();   // number of tiny objects
    table_width_ = c.u16();
    start_block_ = c.length();
    max_direct_block_ = c.length();
    const unsigned max_heap_bits = c.u16();
    c.u16();  // starting number of rows in the root indirect block
    root_ = c.address();
    root_rows_ = c.u16();
    if (filter_length != 0) c.fail("unsupported: fractal heap with I/O filters");
    c.checksum(header);

    if (!power_of_two(table_width_) || !power_of_two(start_block_) || !power_of_two(max_direct_block_) ||
        max_direct_block_ < start_block_ || max_heap_bits == 0 || max_heap_bits > 64 ||
        max_direct_block_ > (std::uint64_t(1) << 40) || root_rows_ > 64)
        c.fail("implausible doubling table (width " + std::to_string(table_width_) + ", start block " +
               std::to_string(start_block_) + ", max direct block " + std::to_string(max_direct_block_) +
               ", max heap bits " + std::to_string(max_heap_bits) + ")");
    max_direct_rows_ = log2_floor(max_direct_block_) - log2_floor(start_block_) + 2;
    block_offset_bytes_ = (max_heap_bits + 7) / 8;
    offset_bytes_ = block_offset_bytes_;
    const unsigned direct_bytes = (log2_floor(max_direct_block_) + 7) / 8;
    length_bytes_ = std::min(direct_bytes, bytes_for(max_managed));
    if (id_length_ < 1 + offset_bytes_ + length_bytes_ && id_length_ > 18)
        c.fail("heap ID length " + std::to_string(id_length_) + " too small");
}

std::pair<std::uint64_t, std::uint64_t> FractalHeap::locate(std::uint64_t id_at) const {
    Cursor id(*f_, "fractal heap ID", id_at, id_at + id_length_);
    const std::uint8_t first = id.u8();
    if ((first >> 6) != 0) id.fail("unsupported heap ID version " + std::to_string(first >> 6));
    const unsigned type = (first >> 4) & 3;
    if (type == 2) {  // tiny: the object is stored inside the ID itself
        std::uint64_t length = (first & 0x0f) + 1u;
        if (id_length_ > 18) length = (((first & 0x0f) << 8) | id.u8()) + 1u;
        const std::uint64_t at = id.pos();
        id.take(length);
        return {at, length};
    }
    if (type == 1) id.fail("unsupported: \"huge\" fractal heap object");
    if (type != 0) id.fail("unknown heap ID type " + std::to_string(type));
    const std::uint64_t offset = id.uint(offset_bytes_);
    const std::uint64_t length = id.uint(length_bytes_);
    if (root_ == kUndefined) id.fail("heap ID in an empty heap");
    return find_managed(root_, 0, root_rows_, start_block_, offset, length, 0);
}

std::pair<std::uint64_t, std::uint64_t> FractalHeap::find_managed(std::uint64_t block, std::uint64_t block_offset,
                                                                  unsigned rows, std::uint64_t block_size,
                                                                  std::uint64_t offset, std::uint64_t length,
                                                                  int depth) const {
    const FileImage& f = *f_;
    if (depth > 64) fail(f, "fractal heap", header_, "indirect blocks nested too deeply");
    const std::uint64_t width = table_width_, start = start_block_;
    auto row_block_size = [&](unsigned r) { return r <= 1 ? start : start << (r - 1); };
    auto row_start = [&](unsigned r) { return r == 0 ? 0 : (width * start) << (r - 1); };

    if (rows == 0) {  // a direct block
        Cursor c(f, "fractal heap direct block", block);
        c.signature("FHDB");
        const unsigned version = c.u8();
        if (version != 0) c.fail("unsupported direct block version " + std::to_string(version));
        if (c.address() != header_) c.fail("direct block belongs to another heap");
        const std::uint64_t stored_offset = c.uint(block_offset_bytes_);
        if (stored_offset != block_offset)
            c.fail("direct block offset " + std::to_string(stored_offset) + " where " +
                   std::to_string(block_offset) + " was expected");
        if (checksummed_direct_blocks_) c.skip(4);
        const std::uint64_t header_size = c.pos() - block;
        // Object offsets count from the block's start in heap space, header included.
        const std::uint64_t within = offset - block_offset;
        if (within < header_size) c.fail("heap object offset " + std::to_string(offset) + " inside the block header");
        if (within > block_size || length > block_size - within)
            c.fail("heap object of " + std::to_string(length) + " bytes at offset " + std::to_string(offset) +
                   " runs past the end of its " + std::to_string(block_size) + "-byte block");
        c.seek(block);
        c.skip(within);
        const std::uint64_t at = c.pos();
        c.take(length);
        return {at, length};
    }

    Cursor c(f, "fractal heap indirect block", block);
    c.signature("FHIB");
    const unsigned version = c.u8();
    if (version != 0) c.fail("unsupported indirect block version " + std::to_string(version));
    if (c.address() != header_) c.fail("indirect block belongs to another heap");
    const std::uint64_t stored_offset = c.uint(block_offset_bytes_);
    if (stored_offset != block_offset)
        c.fail("indirect block offset " + std::to_string(stored_offset) + " where " + std::to_string(block_offset) +
               " was expected");
    const unsigned direct_rows = std::min(rows, max_direct_rows_);
    const std::uint64_t entries_at = c.pos();
    // Check the whole block (and its checksum) before trusting any entry.
    c.skip(std::uint64_t(rows) * width * f.offset_size);
    const std::uint64_t entries_end = c.pos();
    c.checksum(block);

    if (offset < block_offset) c.fail("heap offset " + std::to_string(offset) + " before the block");
    const std::uint64_t rel = offset - block_offset;
    unsigned row = 0;
    if (rel >= width * start) {
        std::uint64_t q = rel / (width * start);
        row = 1;
        while (q > 1) {
            q >>= 1;
            ++row;
        }
    }
    if (row >= rows) c.fail("heap offset " + std::to_string(offset) + " beyond the block's " + std::to_string(rows) + " rows");
    const std::uint64_t size = row_block_size(row);
    const std::uint64_t column = (rel - row_start(row)) / size;
    const std::uint64_t child_offset = block_offset + row_start(row) + column * size;
    std::uint64_t entry_at;
    if (row < direct_rows) entry_at = entries_at + (row * width + column) * f.offset_size;
    else entry_at = entries_at + (direct_rows * width + (row - direct_rows) * width + column) * f.offset_size;
    if (entry_at + f.offset_size > entries_end) c.fail("heap offset " + std::to_string(offset) + " outside the block's entries");
    c.seek(entry_at);
    const std::uint64_t child = c.address();
    if (child == kUndefined) c.fail("heap offset " + std::to_string(offset) + " in an unallocated block");
    if (row < direct_rows) return find_managed(child, child_offset, 0, size, offset, length, depth + 1);
    // A child indirect block spanning `size` bytes of heap space has this many rows.
    const unsigned child_rows = log2_floor(size) - log2_floor(start * width) + 1;
    if (child_rows >= rows) c.fail("child indirect block is not smaller than its parent");
    return find_managed(child, child_offset, child_rows, size, offset, length, depth + 1);
}

}  // namespace dnn::io::h5
