// tools/fuzz/fuzz_entry.hpp - what each fuzz target does with one input, shared by the libFuzzer targets
// (tools/fuzz/fuzz_*.cpp) and the regression test (tests/test_fuzz_regressions.cpp), so a kept input is replayed
// through exactly the code that found it.
//
// EN: Each function feeds size bytes to one reader's in-memory API. A damaged input may throw
//     std::runtime_error (the readers' documented error); anything else (another exception type, a crash,
//     a sanitizer report, a hang, an allocation far beyond the input's size) is a finding.
// KO: 각 함수는 size 바이트를 리더 하나의 메모리 API에 넣습니다. 손상된 입력은 std::runtime_error를
//     던져도 됩니다(문서화된 오류). 그 밖의 것(다른 예외 종류, 크래시, 새니타이저 보고, 멈춤, 입력 크기를
//     훨씬 넘는 할당)은 모두 발견된 버그입니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/h5/h5file.hpp"
#include "io/image.hpp"
#include "io/inflate.hpp"
#include "io/jpeg.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "io/png_read.hpp"

namespace fuzz_entry {

// HDF5: open, list the datasets, read each one. A dataset that fails to read does not stop the others, so
// one damaged dataset does not hide the code paths of the rest. A few bytes can describe gigabytes of fill
// values, which the reader would read up to its default limit of 4 GiB: here the limit is 16 MiB, far below
// the fuzzer's memory limit and far above any seed.
inline void h5(const std::uint8_t* data, std::size_t size) {
    auto file = dnn::io::H5File::from_bytes("fuzz.h5", std::vector<std::uint8_t>(data, data + size));
    file.set_read_limit(std::uint64_t(16) << 20);
    for (const std::string& name : file.datasets()) {
        try {
            (void)file.read(name);
        } catch (const std::runtime_error&) {
        }
    }
}

// inflate: the first byte chooses the wrapper (even: zlib, odd: raw DEFLATE); the rest is the stream.
// max_output 1 MiB: far above any seed's output, far below the allocation limit the fuzzer runs with.
inline void inflate(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return;
    constexpr std::size_t kMaxOutput = std::size_t{1} << 20;
    if (data[0] % 2 == 0) {
        (void)dnn::io::inflate_zlib(data + 1, size - 1, kMaxOutput);
    } else {
        std::size_t consumed = 0;
        (void)dnn::io::inflate_raw(data + 1, size - 1, kMaxOutput, &consumed);
        if (consumed > size - 1) throw std::logic_error("inflate_raw: consumed more bytes than it was given");
    }
}

// .npy: decode, then make a Matrix of it when the rank allows (load_npy's path).
inline void npy(const std::uint8_t* data, std::size_t size) {
    const dnn::io::NpyArray array = dnn::io::decode_npy(data, size, "fuzz.npy");
    if (array.data.size() != array.size()) throw std::logic_error("decode_npy: data size differs from shape");
    if (array.shape.size() <= 2) (void)dnn::io::npy_to_matrix(array, "fuzz.npy");
}

// .npz: decode the whole archive (every member through decode_npy and, when deflated, inflate_raw).
inline void npz(const std::uint8_t* data, std::size_t size) {
    (void)dnn::io::decode_npz(std::vector<std::uint8_t>(data, data + size), "fuzz.npz");
}

// The image reader's checks of what it returns: width * height * 3 bytes of RGB; then a small resize of
// pictures of at most a million pixels, so resize() meets every size the decoders produce.
inline void check_image(const dnn::io::ImageFile& f) {
    const dnn::io::Image& img = f.image;
    if (img.width < 1 || img.height < 1 || img.rgb.size() != std::size_t(img.width) * std::size_t(img.height) * 3)
        throw std::logic_error("decode_image: the picture's bytes differ from width * height * 3");
    if (f.orientation < 1 || f.orientation > 8) throw std::logic_error("decode_image: orientation out of 1..8");
    if (std::size_t(img.width) * std::size_t(img.height) <= 1000000)
        (void)dnn::io::resize(img, 7, 5, img.width % 2 ? dnn::io::Resample::bicubic : dnn::io::Resample::bilinear);
}

// JPEG: decode_image on inputs that start like a JPEG (the others would only test the format dispatch).
inline void jpeg(const std::uint8_t* data, std::size_t size) {
    if (!dnn::io::is_jpeg(data, size)) return;
    check_image(dnn::io::decode_image(data, size, "fuzz.jpg"));
}

// PNG: decode_image on inputs that start like a PNG, or like one whose signature was damaged.
inline void png(const std::uint8_t* data, std::size_t size) {
    if (!dnn::io::is_png(data, size) && !dnn::io::looks_like_damaged_png(data, size)) return;
    check_image(dnn::io::decode_image(data, size, "fuzz.png"));
}

}  // namespace fuzz_entry
