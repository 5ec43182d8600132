// io/h5/h5file.hpp - a from-scratch, read-only HDF5 reader: list a file's datasets and read one into doubles.
//
// EN: What h5py's File(path, 'r')[name][()] does for numeric and fixed-length string datasets, with only
//     the standard library. It reads files written by h5py/HDF5 with default settings and with
//     libver="latest": superblock versions 0-3, old-style (symbol table) and new-style (compact or dense)
//     groups, contiguous/compact/chunked layouts of every version (those of HDF5 before 1.6.3 too) with every
//     chunk index HDF5 writes, shared header messages (committed datatypes and the file-wide shared-message
//     heap), and the gzip, shuffle and fletcher32 filters (gzip through io/inflate.hpp).
//     A missing file, a missing dataset, a damaged file or an unsupported feature throws std::runtime_error
//     whose message names the file, the structure and the byte offset where reading failed. As HDF5 does,
//     it reads nothing past the end-of-file address in the superblock, and refuses an object that holds a
//     message it does not know flagged "fail if unknown".
// KO: h5py의 File(path, 'r')[name][()]가 숫자/고정 길이 문자열 데이터셋에 하는 일을 표준 라이브러리만으로
//     합니다. h5py/HDF5가 기본 설정과 libver="latest"로 쓴 파일을 읽습니다: 슈퍼블록 0-3판, 옛(심볼
//     테이블)/새(compact, dense) 그룹, contiguous/compact/chunked 레이아웃과 HDF5의 모든 청크 색인,
//     gzip·shuffle·fletcher32 필터(gzip은 io/inflate.hpp)를 읽습니다. 레이아웃은 모든 판(1.6.3 이전 HDF5가
//     쓴 것 포함)을, 공유 헤더 메시지는 커밋된 데이터형과 파일 전체의 공유 메시지 힙 모두를 따라갑니다.
//     파일이 없거나, 데이터셋이 없거나, 파일이 손상되었거나, 지원하지 않는 기능이면 파일·구조·바이트
//     위치를 밝힌 std::runtime_error를 던집니다. HDF5처럼 슈퍼블록의 파일 끝 주소 너머는 읽지 않고,
//     "모르면 실패" 플래그가 붙은 모르는 메시지가 있는 객체는 거부합니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
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

// EN: What a dataset is, without reading its values (H5File::info): the shape and dtype read() would give,
//     the number of elements, and the bytes of memory read() would need for them (the raw values plus a
//     double, or a string, each). A null dataspace has shape {0} and no elements, as in read().
// KO: 값을 읽지 않고 알 수 있는 데이터셋 정보(H5File::info): read()가 줄 shape와 dtype, 원소 수, 그리고
//     read()에 필요한 메모리 바이트 수(원래 값과 원소마다 double 또는 문자열 하나). null 데이터 공간은
//     read()와 같이 shape {0}, 원소 0개입니다.
struct DatasetInfo {
    std::vector<std::size_t> shape;
    std::string dtype;
    std::uint64_t elements = 0;
    std::uint64_t memory_bytes = 0;  // saturates at 2^64 - 1
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

    // EN: Reads the dataset at path ("x", "/x" or "group/sub/x"). Throws if it is absent or not a dataset,
    //     or if it needs more memory than read_limit() (see info()); nothing is allocated before that check.
    // KO: path의 데이터셋을 읽습니다. 없거나 데이터셋이 아니거나, read_limit()보다 많은 메모리가 필요하면
    //     (info() 참고) 던집니다. 그 검사 전에는 아무것도 할당하지 않습니다.
    Array read(const std::string& name) const;

    // EN: The shape, dtype, element count and memory need of the dataset at path, without reading its values
    //     (a dataset too big for read() can be described). Throws as read() does for an absent dataset or an
    //     unsupported datatype.
    // KO: path 데이터셋의 shape, dtype, 원소 수, 필요한 메모리를 값은 읽지 않고 알려 줍니다(read()로 읽기에
    //     너무 큰 데이터셋도 알 수 있습니다). 데이터셋이 없거나 지원하지 않는 데이터형이면 read()처럼 던집니다.
    DatasetInfo info(const std::string& name) const;

    // EN: The most memory, in bytes, that read() may use for one dataset (DatasetInfo::memory_bytes); 4 GiB
    //     unless set. A file can describe a dataset of any size through its fill value, so the size of the
    //     file is no bound: this limit is.
    // KO: read()가 데이터셋 하나에 쓸 수 있는 최대 메모리(바이트, DatasetInfo::memory_bytes). 기본값 4 GiB.
    //     파일은 채움 값으로 얼마든지 큰 데이터셋을 나타낼 수 있으므로, 파일 크기가 아니라 이 한도가 기준입니다.
    static constexpr std::uint64_t kDefaultReadLimit = std::uint64_t(4) << 30;
    void set_read_limit(std::uint64_t bytes);
    std::uint64_t read_limit() const;

    const std::string& path() const;

private:
    H5File() = default;
    void open();
    void read_superblock_extension(std::uint64_t address);
    std::pair<std::uint64_t, std::string> find_dataset(const std::string& name) const;
    std::unique_ptr<h5::FileImage> file_;
    std::uint64_t root_ = 0;  // absolute offset of the root group's object header
};

}  // namespace dnn::io
