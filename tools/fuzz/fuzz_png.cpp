// tools/fuzz/fuzz_png.cpp - libFuzzer target for the PNG reader (fuzz_entry::png). Built and run by `make fuzz`.
// std::runtime_error is the reader's documented answer to a bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "tools/fuzz/fuzz_entry.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        fuzz_entry::png(data, size);
    } catch (const std::runtime_error&) {
    }
    return 0;
}
