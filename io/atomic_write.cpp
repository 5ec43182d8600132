// io/atomic_write.cpp - temporary file in the target's folder, flush, fsync, rename.
//
// Same folder, because rename() is only atomic within one file system. fsync before rename, because
// otherwise a crash can leave the new name pointing at a file whose data never reached the disk.
#include "io/atomic_write.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>  // fsync, fileno
#endif

namespace dnn::io {
namespace {

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
    std::string message = "atomic_write_file: " + what + " '" + path + "'";
    if (err != 0) message += ": " + std::generic_category().message(err);
    throw std::runtime_error(message);
}

// A name that no other writer (thread or process) picks at the same moment: a per-process random seed,
// the time and a counter. Collisions are still handled: the file is created with "x" (exclusive).
std::string temporary_name(const std::filesystem::path& target) {
    static std::atomic<std::uint64_t> counter{0};
    static const std::uint64_t seed = [] {
        std::uint64_t s = static_cast<std::uint64_t>(
            std::chrono::high_resolution_clock::now().time_since_epoch().count());
        try {
            s ^= std::uint64_t(std::random_device{}()) << 32;
        } catch (...) {  // no entropy source: time and counter are enough with the exclusive create
        }
        return s;
    }();
    std::uint64_t x = seed + 0x9E3779B97F4A7C15ull * ++counter;
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(x));
    const std::filesystem::path name = "." + target.filename().string() + ".tmp-" + std::string(hex, 8);
    return (target.parent_path() / name).string();
}

}  // namespace

void atomic_write_file(const std::string& path, const void* data, std::size_t size) {
    const std::filesystem::path target(path);
    if (path.empty() || target.filename().empty()) fail("the path names no file:", path, 0);

    std::string temp;
    std::FILE* f = nullptr;
    for (int attempt = 0; attempt < 16 && f == nullptr; ++attempt) {
        temp = temporary_name(target);
        errno = 0;
        f = std::fopen(temp.c_str(), "wbx");
        if (f == nullptr && errno != EEXIST) break;
    }
    if (f == nullptr) fail("cannot create a temporary file next to", path, errno);

    auto abandon = [&](const std::string& what, int err) {
        if (f != nullptr) std::fclose(f);
        std::remove(temp.c_str());
        fail(what, path, err);
    };
    errno = 0;
    if (size > 0 && std::fwrite(data, 1, size, f) != size) abandon("cannot write", errno);
    if (std::fflush(f) != 0) abandon("cannot write", errno);
#if defined(__unix__) || defined(__APPLE__)
    if (::fsync(::fileno(f)) != 0) abandon("cannot flush to disk", errno);
#endif
    const int closed = std::fclose(f);
    f = nullptr;
    if (closed != 0) abandon("cannot close", errno);
    errno = 0;
    if (std::rename(temp.c_str(), path.c_str()) != 0) abandon("cannot rename the temporary file onto", errno);
}

}  // namespace dnn::io
