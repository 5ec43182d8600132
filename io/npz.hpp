// io/npz.hpp - a dict of arrays (the notebooks' parameters or grads) as a numpy .npz file (a zip of .npy members) and back.
//
// EN: save_npz writes one member "<key>.npy" per entry, stored uncompressed with its CRC-32, so that
//     np.load("parameters.npz")["W1"] gives the same array. load_npz reads what np.savez writes (stored
//     members) and, through io/inflate.hpp, what np.savez_compressed writes (deflated members).
//     Zip64 archives (members or archives over 4 GiB), encrypted members, other compression methods and
//     multi-disk archives are refused. A damaged archive (no end record, offsets outside the file, a local
//     header that does not match the central directory, a CRC mismatch, a damaged .npy member) throws
//     std::runtime_error naming the file, the structure (and member) and the byte offset.
// KO: save_npz는 항목마다 "<키>.npy" 멤버 하나를 CRC-32와 함께 압축 없이 저장하므로
//     np.load("parameters.npz")["W1"]가 같은 배열을 줍니다. load_npz는 np.savez가 쓰는 파일(저장 방식
//     멤버)과, io/inflate.hpp를 통해 np.savez_compressed가 쓰는 파일(deflate 멤버)을 읽습니다.
//     Zip64(4 GiB를 넘는 멤버나 아카이브), 암호화된 멤버, 다른 압축 방식, 여러 디스크 아카이브는 거부합니다.
//     손상된 아카이브(끝 레코드 없음, 파일 밖 오프셋, 중앙 디렉터리와 다른 로컬 헤더, CRC 불일치, 손상된
//     .npy 멤버)는 파일·구조(와 멤버)·바이트 위치를 밝힌 std::runtime_error를 던집니다.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "matrix/array_dict.hpp"

namespace dnn::io {

// EN: Writes every (key, matrix) of parameters as the member "<key>.npy" (encode_npy: '<f8', shape
//     (rows, cols)), in the map's order. Written through a temporary file and a rename.
// KO: parameters의 (키, 행렬)마다 멤버 "<키>.npy"(encode_npy: '<f8', shape (rows, cols))를 맵 순서대로
//     씁니다. 임시 파일에 쓴 뒤 이름을 바꿉니다.
void save_npz(const std::string& path, const ArrayDict& parameters);

// EN: Reads every member "<key>.npy" into parameters[key], as load_npy would (a 1-D member (n,) becomes
//     (1, n)). A member whose name does not end in ".npy", or two members with the same key, throw.
// KO: 멤버 "<키>.npy"마다 load_npy처럼 parameters[키]로 읽습니다(1차원 (n,)은 (1, n)). 이름이 ".npy"로
//     끝나지 않는 멤버나 같은 키의 멤버가 둘이면 던집니다.
ArrayDict load_npz(const std::string& path);

// EN: The bytes save_npz writes, and the reader on bytes in memory (source starts error messages).
// KO: save_npz가 쓰는 바이트와, 메모리의 바이트를 읽는 함수(source는 오류 메시지의 앞머리).
std::vector<std::uint8_t> encode_npz(const ArrayDict& parameters);
ArrayDict decode_npz(const std::vector<std::uint8_t>& bytes, const std::string& source);

}  // namespace dnn::io
