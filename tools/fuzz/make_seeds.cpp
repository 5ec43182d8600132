// tools/fuzz/make_seeds.cpp - writes the seed corpora the library can make by itself into OUTDIR/<target>/
// (make fuzz passes build/fuzz/corpus): npy, npz and zlib streams from the library's own writers, and the HDF5,
// JPEG and PNG files the readers' tests build byte by byte (tests/h5_handmade.hpp: superblocks 0-2, layouts of
// versions 1-3, shared datatypes, message flags; tests/image_handmade.hpp), so every target has seeds on any
// machine. tools/fuzz/make_seeds.py adds numpy's, zlib's, h5py's and Pillow's files (and PngSuite) when
// /usr/bin/python3 has them. Usage: make_seeds OUTDIR
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>  // std::memcpy, used by tests/h5_handmade.hpp
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/inflate.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "tests/h5_handmade.hpp"
#include "tests/image_handmade.hpp"

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

// jpeg and png: small files of every kind the readers' tests build (a few hundred bytes each).
void write_image_seeds(const std::filesystem::path& dir) {
    namespace hm = image_handmade;
    auto waves = [](int w, int h, int comps, int hs, int vs, unsigned seed) {
        std::vector<hm::JpegComponent> c;
        for (int i = 0; i < comps; ++i)
            c.push_back(hm::component(i + 1, i == 0 ? hs : 1, i == 0 ? vs : 1, i == 0 ? 0 : 1, w, h, hs, vs,
                                      [&](int x, int y) { return int(128 + 90 * std::sin((x + seed + i) / 2.0) * std::cos(y / 3.0)); }));
        return c;
    };
    struct Jpeg {
        const char* name;
        int w, h, comps, hs, vs;
        void (*change)(hm::JpegSpec&);
    };
    const Jpeg jpegs[] = {
        {"gray_8x8", 8, 8, 1, 1, 1, [](hm::JpegSpec&) {}},
        {"color_420_17x9", 17, 9, 3, 2, 2, [](hm::JpegSpec&) {}},
        {"color_422_restart", 20, 8, 3, 2, 1, [](hm::JpegSpec& s) { s.restart_interval = 1; }},
        {"color_440_scan_per_component", 8, 16, 3, 1, 2, [](hm::JpegSpec& s) { s.interleaved = false; }},
        {"progressive_eob_runs", 24, 16, 3, 2, 2, [](hm::JpegSpec& s) {
             s.progressive = true;
             s.every_symbol_ac = true;
             s.dc_al = 1;
             s.restart_interval = 2;
             s.ac_bands = {{1, 5}, {6, 63}};
         }},
        {"progressive_spectral", 16, 16, 1, 1, 1, [](hm::JpegSpec& s) { s.progressive = true; s.ac_bands = {{1, 9}, {10, 63}}; }},
        {"mjpeg_no_dht", 16, 8, 3, 2, 1, [](hm::JpegSpec& s) { s.write_dht = false; }},
        {"cmyk_adobe", 8, 8, 4, 1, 1, [](hm::JpegSpec& s) { s.jfif = false; s.adobe_transform = 0; }},
        {"ycck_adobe", 16, 16, 4, 2, 2, [](hm::JpegSpec& s) { s.jfif = false; s.adobe_transform = 2; }},
        {"rgb_adobe", 8, 8, 3, 1, 1, [](hm::JpegSpec& s) { s.jfif = false; s.adobe_transform = 0; }},
        {"exif_orientation_6", 9, 5, 3, 1, 1, [](hm::JpegSpec& s) { s.exif = hm::exif_orientation_tiff(6); }},
    };
    unsigned seed = 0;
    for (const Jpeg& j : jpegs) {
        hm::JpegSpec spec;
        spec.width = j.w;
        spec.height = j.h;
        spec.quant = {hm::flat_quant(8, 16), hm::flat_quant(8, 20)};
        spec.components = waves(j.w, j.h, j.comps, j.hs, j.vs, seed++);
        j.change(spec);
        write(dir / "jpeg" / (std::string(j.name) + ".jpg"), hm::encode_jpeg(spec));
    }

    const int kinds[][2] = {{0, 1}, {0, 2}, {0, 4}, {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 1},
                            {3, 2}, {3, 4}, {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16}};
    for (const auto& k : kinds) {
        for (bool interlace : {false, true}) {
            hm::PngSpec s;
            s.width = 5;
            s.height = 3;
            s.colour_type = k[0];
            s.bit_depth = k[1];
            s.interlace = interlace;
            s.samples.resize(std::size_t(s.width) * s.height * hm::png_channels(k[0]));
            for (std::size_t i = 0; i < s.samples.size(); ++i)
                s.samples[i] = std::uint16_t((i * 2654435761u >> 7) & ((1u << k[1]) - 1));
            if (k[0] == 3) {
                for (int i = 0; i < 3 * (1 << std::min(k[1], 4)); ++i) s.palette.push_back(std::uint8_t(i * 37));
                s.trns = {0, 255};
            }
            if (interlace) s.idat_size = 9;  // several IDAT chunks
            if (k[0] == 2 && k[1] == 8) s.exif = hm::exif_orientation_tiff(8, false);
            write(dir / "png" / ("type" + std::to_string(k[0]) + "_depth" + std::to_string(k[1]) +
                                 (interlace ? "_adam7" : "") + ".png"),
                  hm::encode_png(s));
        }
    }
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

    write_image_seeds(dir);
    return 0;
}
