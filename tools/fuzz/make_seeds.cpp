// tools/fuzz/make_seeds.cpp - writes the seed corpora the library can make by itself into OUTDIR/<target>/
// (make fuzz passes build/fuzz/corpus): npy, npz and zlib streams from the library's own writers, and the HDF5
// files the reader's tests build byte by byte (tests/h5_handmade.hpp: superblocks 0-2, layouts of versions 1-3,
// shared datatypes, message flags), so every target has seeds on any machine.
// tools/fuzz/make_seeds.py adds numpy's, zlib's and h5py's files when /usr/bin/python3 has them. Usage: make_seeds OUTDIR
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/inflate.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "tests/h5_handmade.hpp"

namespace {

using Bytes = std::vector<std::uint8_t>;

void write(const std::filesystem::path& path, const Bytes& bytes) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

// A zlib stream of one stored block (RFC 1950 header 78 01, RFC 1951 BTYPE 00, LEN/NLEN, Adler-32).
Bytes zlib_stored(const std::string& text) {
    Bytes out = {0x78, 0x01, 0x01};
    const auto n = static_cast<std::uint16_t>(text.size());
    out.insert(out.end(), {std::uint8_t(n & 0xff), std::uint8_t(n >> 8), std::uint8_t(~n & 0xff),
                           std::uint8_t((~n >> 8) & 0xff)});
    out.insert(out.end(), text.begin(), text.end());
    const std::uint32_t a = dnn::io::adler32(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(a >> shift));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTDIR\n", argv[0]);
        return 2;
    }
    const std::filesystem::path dir = argv[1];

    // npy: a matrix, a row, a 1x1 (what save_npy writes).
    write(dir / "npy/matrix_2x3.npy", dnn::io::encode_npy(dnn::Matrix{{1, 2, 3}, {4, 5, 6}}));
    write(dir / "npy/row_1x4.npy", dnn::io::encode_npy(dnn::Matrix{{0.5, -1, 1e300, -0.0}}));
    write(dir / "npy/one.npy", dnn::io::encode_npy(dnn::Matrix{{3.25}}));

    // npz: two members, and an empty archive.
    dnn::ArrayDict params;  // what nn calls Parameters
    params["W1"] = dnn::Matrix{{1, 2}, {3, 4}};
    params["b1"] = dnn::Matrix{{0.5}, {-0.5}};
    write(dir / "npz/params.npz", dnn::io::encode_npz(params));
    write(dir / "npz/empty.npz", dnn::io::encode_npz(dnn::ArrayDict{}));

    // inflate: the first byte picks zlib (0) or raw DEFLATE (1), see tools/fuzz/fuzz_entry.hpp.
    Bytes z = zlib_stored("hello, stored block");
    Bytes zlib = {0};
    zlib.insert(zlib.end(), z.begin(), z.end());
    write(dir / "inflate/zlib_stored", zlib);
    Bytes raw = {1};
    raw.insert(raw.end(), z.begin() + 2, z.end() - 4);
    write(dir / "inflate/raw_stored", raw);

    // h5: superblocks 0 and 1 with an old-style group and a contiguous dataset; superblock 2 with a new-style
    // group, a compact dataset and checksums, with and without a hard link back to the root.
    write(dir / "h5/hand_superblock0.h5", h5_handmade::build_old_style(0));
    write(dir / "h5/hand_superblock1.h5", h5_handmade::build_old_style(1));
    write(dir / "h5/hand_superblock2.h5", h5_handmade::build_new_style(false));
    write(dir / "h5/hand_superblock2_link_up.h5", h5_handmade::build_new_style(true));
    // Layouts of versions 1 and 2 (contiguous, compact, chunked with a v1 B-tree), the old fill value message,
    // a version 1 shared datatype and unknown messages with and without "fail if unknown".
    write(dir / "h5/hand_old_layouts.h5", h5_handmade::build_old_layouts().file);
    return 0;
}
