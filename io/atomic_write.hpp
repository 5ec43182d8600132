// io/atomic_write.hpp - write a whole file so that readers see either the old file or the complete new one.
//
// EN: The bytes go to a new temporary file in the same folder (".<name>.tmp-XXXXXXXX", created exclusively),
//     are flushed to disk, and the temporary file is then renamed over the target. If anything fails the
//     temporary file is removed, the target is left as it was, and std::runtime_error names the function,
//     the path and the system's reason. A user's file is never left half-written.
// KO: 바이트를 같은 폴더의 새 임시 파일(".<이름>.tmp-XXXXXXXX", 배타적으로 생성)에 쓰고 디스크로 내린
//     다음, 임시 파일의 이름을 대상 이름으로 바꿉니다. 도중에 실패하면 임시 파일을 지우고 대상 파일은
//     그대로 두며, 함수·경로·시스템이 밝힌 이유를 담은 std::runtime_error를 던집니다. 사용자의 파일이
//     반쯤 쓰인 채로 남는 일은 없습니다.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dnn::io {

// EN: Replaces (or creates) path with exactly size bytes from data. The folder must exist.
// KO: path를 data의 size 바이트로 바꿉니다(없으면 만듭니다). 폴더는 있어야 합니다.
void atomic_write_file(const std::string& path, const void* data, std::size_t size);

inline void atomic_write_file(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    atomic_write_file(path, bytes.data(), bytes.size());
}
inline void atomic_write_file(const std::string& path, std::string_view text) {
    atomic_write_file(path, text.data(), text.size());
}

}  // namespace dnn::io
