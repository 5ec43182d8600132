// io/crc32.hpp - CRC-32 (the ISO-HDLC / zlib one), shared by the zip writer/reader and the PNG encoder.
//
// EN: Zip (APPNOTE 4.4.7) and PNG (ISO 15948, chunk CRCs) use the same CRC-32: reflected polynomial
//     0xEDB88320, initial value 0xFFFFFFFF, final complement. crc32("123456789") == 0xCBF43926.
// KO: Zip(APPNOTE 4.4.7)과 PNG(ISO 15948, 청크 CRC)는 같은 CRC-32를 씁니다: 반사 다항식 0xEDB88320,
//     초깃값 0xFFFFFFFF, 끝에 비트 반전. crc32("123456789") == 0xCBF43926.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dnn::io {

// EN: CRC-32 of size bytes, continuing from a previous result (0 to start), so that
//     crc32(b, nb, crc32(a, na)) == crc32 of a followed by b. Table-driven, one byte per step.
// KO: size 바이트의 CRC-32. 이전 결과(처음에는 0)에서 이어 계산하므로
//     crc32(b, nb, crc32(a, na))는 a 다음 b를 이은 것의 CRC입니다. 표를 써서 한 바이트씩 계산합니다.
std::uint32_t crc32(const void* data, std::size_t size, std::uint32_t previous = 0);

// EN: The same value computed bit by bit, straight from the definition: the reference crc32 is tested against.
// KO: 같은 값을 정의대로 한 비트씩 계산합니다. crc32를 검증하는 기준 구현입니다.
std::uint32_t crc32_bitwise(const void* data, std::size_t size, std::uint32_t previous = 0);

}  // namespace dnn::io
