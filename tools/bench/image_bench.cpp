// tools/bench/image_bench.cpp - reading a big JPEG and resizing it to 64x64, as the notebook's "your own image" cell
// does, beside Pillow measured in the same run (tools/bench/image_pillow.py, called by tools/bench/run.sh).
//
//   image_bench PATH [RUNS] [--pillow-first MS --pillow-median MS]
//       times read_image(PATH) + resize(64, 64, BICUBIC) RUNS times (7 by default) and prints the first run,
//       the median, and the ratios to Pillow's figures when given
//   image_bench --write-ppm PATH WIDTH HEIGHT
//       writes a synthetic picture as a PPM (for cjpeg, when Pillow is missing)
//
// The first run pays for fresh memory pages (a 4000 x 3000 picture is 36 MB); later runs of Pillow reuse
// memory its allocator kept, ours get fresh pages each time (the buffer is above glibc's mmap threshold), so
// both figures are printed.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "io/image.hpp"
#include "io/resize.hpp"

namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int write_ppm(const char* path, int w, int h) {
    std::ofstream out(path, std::ios::binary);
    out << "P6\n" << w << " " << h << "\n255\n";
    unsigned x = 12345;
    std::vector<unsigned char> row(std::size_t(w) * 3);
    for (int y = 0; y < h; ++y) {
        for (int i = 0; i < w; ++i) {
            x = x * 1103515245u + 12345u;
            const int noise = int((x >> 16) % 25) - 12;
            const double r = 128 + 100 * std::sin(i / 97.0) * std::cos(y / 53.0);
            const double g = 128 + 90 * std::sin((i + y) / 31.0);
            const double b = 127.5 * (double(i) / w + double(y) / h);
            const double v[3] = {r, g, b};
            for (int c = 0; c < 3; ++c) row[3 * i + c] = (unsigned char)std::clamp(int(v[c]) + noise, 0, 255);
        }
        out.write(reinterpret_cast<const char*>(row.data()), std::streamsize(row.size()));
    }
    return out ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 5 && std::strcmp(argv[1], "--write-ppm") == 0) return write_ppm(argv[2], std::atoi(argv[3]), std::atoi(argv[4]));
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s PATH [RUNS] [--pillow-first MS --pillow-median MS]\n", argv[0]);
        return 2;
    }
    const std::string path = argv[1];
    int runs = 7;
    double pillow_first = 0, pillow_median = 0;
    for (int i = 2; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pillow-first") == 0 && i + 1 < argc) pillow_first = std::atof(argv[++i]);
        else if (std::strcmp(argv[i], "--pillow-median") == 0 && i + 1 < argc) pillow_median = std::atof(argv[++i]);
        else runs = std::max(1, std::atoi(argv[i]));
    }

    std::vector<double> total, decode, resize;
    dnn::io::Image picture;
    try {
        for (int r = 0; r < runs; ++r) {
            // The last run's picture is let go before this one is read, as Pillow's `im = Image.open(...)` does.
            // Freed after the decode instead, its 36 MB unmapping made this VM's first pass over the new picture
            // 45 ms slower (5 us a page, in the hypervisor): resize took 66 ms instead of 22.
            picture = dnn::io::Image{};
            const auto t0 = std::chrono::steady_clock::now();
            picture = dnn::io::read_image(path);
            const double d = ms_since(t0);
            const auto t1 = std::chrono::steady_clock::now();
            const dnn::io::Image small = dnn::io::resize(picture, 64, 64);
            const double z = ms_since(t1);
            if (small.rgb.size() != 64 * 64 * 3) return 1;
            total.push_back(d + z);
            decode.push_back(d);
            resize.push_back(z);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "image_bench: %s\n", e.what());
        return 1;
    }
    std::printf("ours:   first %.1f ms, median %.1f ms (decode %.1f ms + resize %.1f ms), %d x %d picture\n", total[0],
                median(total), median(decode), median(resize), picture.width, picture.height);

    // The same resize through the plain (scalar) passes, to show what the vectorised ones save.
    namespace rs = dnn::io::resampling;
    std::vector<double> plain;
    for (int r = 0; r < std::min(runs, 3); ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const rs::Weights wx = rs::compute_weights(picture.width, 64, dnn::io::Resample::bicubic);
        rs::Weights wy = rs::compute_weights(picture.height, 64, dnn::io::Resample::bicubic);
        const int first = wy.first.front(), rows = wy.first.back() + wy.count.back() - first;
        for (int& f : wy.first) f -= first;
        std::vector<std::uint8_t> tmp(std::size_t(64) * rows * 3), out(64 * 64 * 3);
        rs::horizontal_pass_scalar(picture.rgb.data() + std::size_t(first) * picture.width * 3, picture.width, rows, wx,
                                   tmp.data());
        rs::vertical_pass_scalar(tmp.data(), 64, wy, out.data());
        plain.push_back(ms_since(t0));
    }
    std::printf("        resize with the plain (scalar) passes instead: median %.1f ms\n", median(plain));

    if (pillow_median > 0) {
        std::printf("ratio (ours / Pillow): first run %.2fx, median %.2fx\n", pillow_first > 0 ? total[0] / pillow_first : 0.0,
                    median(total) / pillow_median);
    } else {
        std::printf("(no Pillow figures: the ratio is not printed)\n");
    }
    return 0;
}
