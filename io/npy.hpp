// io/npy.hpp - numpy's .npy files: save a Matrix as np.save does, load what np.save writes.
//
// EN: The .npy format (numpy.lib.format): the magic "\x93NUMPY", a version byte pair, the header length
//     (2 bytes little-endian in version 1.0, 4 bytes in 2.0 and 3.0), a Python dict literal
//     {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), } padded with spaces and a final '\n' so
//     the data starts at a multiple of 64 bytes, then the raw elements.
//     Reading accepts versions 1.0, 2.0 and 3.0 (UTF-8 header), C or Fortran order, any rank, and the
//     dtypes float16/32/64, signed and unsigned integers of 1, 2, 4 and 8 bytes, and bool, in either byte
//     order. Values become doubles (integers beyond 2^53 are rounded to the nearest double).
//     A damaged file (bad magic, a header that is not such a dict, an unsupported dtype, a shape that needs
//     more bytes than the file has, or data of the wrong length) throws std::runtime_error naming the file,
//     the structure and the byte offset. Nothing larger than the file could describe is allocated.
// KO: .npy 형식(numpy.lib.format): 매직 "\x93NUMPY", 버전 두 바이트, 헤더 길이(1.0판은 2바이트, 2.0과
//     3.0판은 4바이트, 리틀엔디언), 파이썬 dict 리터럴 {'descr': '<f8', 'fortran_order': False,
//     'shape': (2, 3), }(데이터가 64바이트 배수에서 시작하도록 공백과 마지막 '\n'으로 채움), 그 뒤 원소들.
//     읽기는 1.0/2.0/3.0판(3.0은 UTF-8 헤더), C/Fortran 순서, 모든 차원 수, float16/32/64, 1/2/4/8바이트
//     부호 있는/없는 정수, bool을 두 바이트 순서 모두 받습니다. 값은 double이 됩니다(2^53을 넘는 정수는
//     가장 가까운 double로 반올림). 손상된 파일(매직이 틀림, 헤더가 그런 dict가 아님, 지원하지 않는 dtype,
//     파일보다 큰 shape, 길이가 틀린 데이터)은 파일·구조·바이트 위치를 밝힌 std::runtime_error를 던집니다.
//     파일이 나타낼 수 있는 것보다 큰 메모리는 잡지 않습니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "matrix/matrix.hpp"

namespace dnn::io {

// EN: An array of any rank read from a .npy file. shape is numpy's shape (empty for a 0-d array); data holds
//     the size() values in C order; dtype is numpy's name without byte order ("float64", "float32",
//     "float16", "int8" ... "int64", "uint8" ... "uint64", "bool").
// KO: .npy 파일에서 읽은 임의 차원의 배열. shape는 numpy의 shape(0차원이면 빈 벡터), data는 size()개의
//     값(C 순서), dtype은 바이트 순서를 뺀 numpy 이름("float64", "float32", "int8", "uint64", "bool" 등).
struct NpyArray {
    std::vector<std::size_t> shape;
    std::vector<double> data;
    std::string dtype;

    std::size_t size() const;  // product of shape (1 for a 0-d array)
};

// EN: Writes m, shape (rows, cols), as np.save(path, m) does for a float64 array: '<f8', C order,
//     version 1.0, byte for byte the same file. Written through a temporary file and a rename.
// KO: m(shape (rows, cols))을 np.save(path, m)이 float64 배열에 하듯 씁니다: '<f8', C 순서, 1.0판, 바이트까지
//     같은 파일. 임시 파일에 쓴 뒤 이름을 바꿉니다.
void save_npy(const std::string& path, const Matrix& m);

// EN: Reads a 0-d, 1-D or 2-D array as a Matrix: shape (r, c) -> (r, c); (n,) -> (1, n), a row, as
//     np.atleast_2d does; () -> (1, 1). Other ranks throw (use load_npy_array).
// KO: 0/1/2차원 배열을 Matrix로 읽습니다: (r, c) -> (r, c), (n,) -> (1, n)(np.atleast_2d처럼 한 행),
//     () -> (1, 1). 다른 차원 수는 던집니다(load_npy_array를 쓰세요).
Matrix load_npy(const std::string& path);

// EN: Reads an array of any rank, values as doubles in C order.
// KO: 임의 차원의 배열을 읽습니다. 값은 C 순서의 double입니다.
NpyArray load_npy_array(const std::string& path);

// ---- the same in memory (used by the .npz functions) -------------------------------------------------------

// EN: The bytes save_npy writes for m.
// KO: save_npy가 m에 대해 쓰는 바이트.
std::vector<std::uint8_t> encode_npy(const Matrix& m);

// EN: Parses size bytes of .npy content. source starts every error message (e.g. "load_npy: 'x.npy'"), and
//     base_offset is added to the byte offsets it reports (the content's position inside a larger file).
// KO: size 바이트의 .npy 내용을 해석합니다. source는 오류 메시지의 앞머리(예: "load_npy: 'x.npy'")이고,
//     base_offset은 보고하는 바이트 위치에 더해집니다(더 큰 파일 안에서 내용이 시작하는 위치).
NpyArray decode_npy(const std::uint8_t* bytes, std::size_t size, const std::string& source,
                    std::size_t base_offset = 0);

// EN: A whole regular file's bytes (for load_npy and load_npz). A missing file, a folder or a read error
//     throws std::runtime_error starting with source.
// KO: 일반 파일 하나의 전체 바이트(load_npy와 load_npz용). 파일이 없거나 폴더이거나 읽다 실패하면 source로
//     시작하는 std::runtime_error를 던집니다.
std::vector<std::uint8_t> read_file_bytes(const std::string& path, const std::string& source);

// EN: The Matrix load_npy makes of an array (rank 0, 1 or 2, see load_npy); source starts error messages.
// KO: load_npy가 배열로 만드는 Matrix(0/1/2차원, load_npy 참고). source는 오류 메시지의 앞머리입니다.
Matrix npy_to_matrix(const NpyArray& array, const std::string& source);

}  // namespace dnn::io
