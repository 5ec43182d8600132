// io/h5/h5file.hpp - a from-scratch, read-only HDF5 reader: list a file's datasets and read one into doubles.
//
// EN: What h5py's File(path, 'r')[name][()] does for numeric and fixed-length string datasets, with only
//     the standard library. It reads files written by h5py/HDF5 with default settings and with
//     libver="latest": superblock versions 0-3, old-style (symbol table) and new-style (compact or dense)
//     groups, contiguous/compact/chunked layouts with every chunk index HDF5 writes, and the gzip, shuffle
//     and fletcher32 filters (gzip through io/inflate.hpp).
//     A missing file, a missing dataset, a damaged file or an unsupported feature throws std::runtime_error
//     whose message names the file, the structure and the byte offset where reading failed.
// KO: h5py의 File(path, 'r')[name][()]가 숫자/고정 길이 문자열 데이터셋에 하는 일을 표준 라이브러리만으로
//     합니다. h5py/HDF5가 기본 설정과 libver="latest"로 쓴 파일을 읽습니다: 슈퍼블록 0-3판, 옛(심볼
//     테이블)/새(compact, dense) 그룹, contiguous/compact/chunked 레이아웃과 HDF5의 모든 청크 색인,
//     gzip·shuffle·fletcher32 필터(gzip은 io/inflate.hpp). 파일이 없거나, 데이터셋이 없거나, 파일이
//     손상되었거나, 지원하지 않는 기능이면 파일·구조·바이트 위치를 밝힌 std::runtime_error를 던집니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace dnn::io {

namespace h5 {
struct FileImage;
}

// EN: One dataset's values. shape is numpy's shape (empty for a scalar); data holds the values in C order
//     converted to double (integers up to 2^53 exactly); dtype is numpy's name ("uint8", "int64",
//     "float32", "|S7"; byte order is not part of it). For fixed-length strings, data is empty and strings
//     holds one entry per element with the padding removed: NULLTERM ends at the first NUL, NULLPAD drops
//     trailing NULs (as numpy does), SPACEPAD drops trailing spaces (and NULs).
// KO: 데이터셋 하나의 값. shape는 numpy의 shape(스칼라는 빈 벡터), data는 C 순서의 값을 double로 바꾼 것
//     (2^53까지의 정수는 정확), dtype은 numpy 이름("uint8", "int64", "float32", "|S7"; 바이트 순서는
//     들어가지 않음). 고정 길이 문자열이면 data는 비고 strings에 원소마다 패딩을 뗀 문자열이 들어갑니다.
struct Array {
    std::vector<std::size_t> shape;
    std::vector<double> data;
    std::string dtype;
    std::vector<std::string> strings;

    std::size_t size() const;  // number of elements: the product of shape (1 for a scalar)
};

class H5File {
public:
    // EN: Reads the whole file into memory and validates the superblock.
    // KO: 파일 전체를 메모리로 읽고 슈퍼블록을 검사합니다.
    explicit H5File(const std::string& path);

    // EN: The same from bytes already in memory; name is used in error messages.
    // KO: 이미 메모리에 있는 바이트로 엽니다. name은 오류 메시지에 쓰입니다.
    static H5File from_bytes(const std::string& name, std::vector<std::uint8_t> bytes);

    H5File(H5File&&) noexcept;
    H5File& operator=(H5File&&) noexcept;
    ~H5File();

    // EN: Every dataset reachable through hard links, as a path without the leading '/', sorted
    //     ("train_set_x", "group/sub/x"). A group reached twice (a link back up) is listed once.
    // KO: 하드 링크로 닿는 모든 데이터셋의 경로(앞의 '/' 없이, 정렬). 두 번 닿는 그룹은 한 번만 봅니다.
    std::vector<std::string> datasets() const;

    // EN: Reads the dataset at path ("x", "/x" or "group/sub/x"). Throws if it is absent or not a dataset.
    // KO: path의 데이터셋을 읽습니다. 없거나 데이터셋이 아니면 던집니다.
    Array read(const std::string& name) const;

    const std::string& path() const;

private:
    H5File() = default;
    void open();
    std::unique_ptr<h5::FileImage> file_;
    std::uint64_t root_ = 0;  // absolute offset of the root group's object header
};

}  // namespace dnn::io
