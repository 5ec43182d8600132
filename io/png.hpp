// io/png.hpp - a PNG encoder with no dependencies: 8-bit RGB, zlib stored (uncompressed) blocks.
//
// EN: The file is the PNG signature, an IHDR chunk (colour type 2, bit depth 8, no interlace), IDAT chunks
//     holding one zlib stream (header 0x78 0x01, stored DEFLATE blocks of at most 65535 bytes, big-endian
//     Adler-32) of the scanlines, each led by filter byte 0, and IEND. Each chunk ends with the CRC-32 of its
//     type and data. Nothing is compressed: the mislabeled-images grid is a few hundred kilobytes.
// KO: 파일은 PNG 서명, IHDR 청크(색 형식 2, 비트 깊이 8, 인터레이스 없음), 스캔라인들(각각 필터 바이트 0으로
//     시작)을 담은 zlib 스트림 하나(헤더 0x78 0x01, 최대 65535바이트의 저장 DEFLATE 블록, 빅엔디언
//     Adler-32)을 나눠 담은 IDAT 청크들, IEND로 이루어집니다. 청크마다 형식과 데이터의 CRC-32가 붙습니다.
//     압축은 하지 않습니다: 잘못 분류된 이미지 격자는 수백 KB입니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace dnn::io {

// EN: The PNG bytes of a width x height image. rgb: width * height * 3 bytes, row by row from the top,
//     R, G, B per pixel (a numpy uint8 array of shape (height, width, 3) in C order). Throws
//     std::invalid_argument if a side is 0 or over 2^31 - 1, or rgb has the wrong size.
// KO: width x height 이미지의 PNG 바이트. rgb: width * height * 3 바이트, 위에서부터 한 행씩, 픽셀마다
//     R, G, B (C 순서의 (height, width, 3) uint8 numpy 배열). 한 변이 0이거나 2^31 - 1을 넘거나 rgb 크기가
//     틀리면 std::invalid_argument를 던집니다.
std::vector<std::uint8_t> encode_png(std::size_t width, std::size_t height, const std::vector<std::uint8_t>& rgb);

// EN: Writes encode_png's bytes to path through a temporary file and a rename (io/atomic_write.hpp).
// KO: encode_png의 바이트를 임시 파일과 이름 바꾸기로 path에 씁니다(io/atomic_write.hpp).
void save_png(const std::string& path, std::size_t width, std::size_t height, const std::vector<std::uint8_t>& rgb);

}  // namespace dnn::io
