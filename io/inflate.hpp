// io/inflate.hpp - DEFLATE decompression (RFC 1951) and the zlib wrapper around it (RFC 1950).
//
// EN: HDF5's "gzip" filter stores each chunk as a zlib stream. These functions undo it with nothing but the
//     standard library. Every length and distance is checked: a corrupt or hostile stream throws
//     std::runtime_error("inflate: ... at byte N"), never reads outside the input and never writes more than
//     max_output bytes.
// KO: HDF5의 "gzip" 필터는 각 청크를 zlib 스트림으로 저장합니다. 이 함수들은 표준 라이브러리만으로 그것을
//     풉니다. 모든 길이와 거리를 검사하므로, 손상되었거나 악의적인 스트림은 입력 밖을 읽거나 max_output
//     바이트보다 많이 쓰는 대신 std::runtime_error("inflate: ... at byte N")를 던집니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dnn::io {

// EN: Decompresses a zlib stream: 2-byte header (deflate, no preset dictionary), DEFLATE blocks, then the
//     big-endian Adler-32 of the output, which is checked. Bytes after the checksum are ignored.
//     data: size bytes. Returns at most max_output bytes; a longer output throws.
// KO: zlib 스트림을 풉니다: 2바이트 헤더(deflate, 사전 없음), DEFLATE 블록들, 그리고 출력의 Adler-32
//     (빅엔디언)를 검사합니다. 체크섬 뒤의 바이트는 무시합니다. 출력이 max_output 바이트를 넘으면 던집니다.
std::vector<std::uint8_t> inflate_zlib(const std::uint8_t* data, std::size_t size, std::size_t max_output);

// EN: Decompresses raw DEFLATE blocks (no header, no checksum) up to and including the final block.
//     If consumed is not null it receives the number of input bytes used (the last partial byte counts).
// KO: 헤더와 체크섬이 없는 순수 DEFLATE 블록을 마지막 블록까지 풉니다. consumed가 null이 아니면 사용한
//     입력 바이트 수(마지막 일부 바이트 포함)를 돌려줍니다.
std::vector<std::uint8_t> inflate_raw(const std::uint8_t* data, std::size_t size, std::size_t max_output,
                                      std::size_t* consumed = nullptr);

// EN: Adler-32 (RFC 1950 section 8.2) of size bytes, continuing from a previous value (1 to start).
// KO: size 바이트의 Adler-32 (RFC 1950 8.2절). 이전 값에서 이어 계산합니다(처음에는 1).
std::uint32_t adler32(const std::uint8_t* data, std::size_t size, std::uint32_t previous = 1);

}  // namespace dnn::io
