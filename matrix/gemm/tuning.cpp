// matrix/gemm/tuning.cpp - the block sizes: this machine's defaults, and set / reset / get_block_sizes.
#include "matrix/gemm/tuning.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <stdexcept>
#include <string>

#include "matrix/gemm/kernels.hpp"

namespace dnn::gemm {

namespace detail {

namespace {

// 0 until first asked for: then the defaults.
std::atomic<std::size_t> g_mc{0}, g_kc{0}, g_nc{0};

// "48K" / "1024K" / "32M" as written in /sys/devices/system/cpu/cpu0/cache/index*/size.
std::size_t parse_size(const std::string& text) {
    std::size_t pos = 0;
    const unsigned long long n = std::stoull(text, &pos);
    const char unit = pos < text.size() ? text[pos] : ' ';
    return std::size_t(n) << (unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : 0);
}

// The data (or unified) cache of the given level from Linux's /sys, 0 when not there.
std::size_t sys_cache_size(int level) {
    for (int index = 0; index < 8; ++index) {
        const std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
        std::ifstream level_file(dir + "level"), type_file(dir + "type"), size_file(dir + "size");
        int l = 0;
        std::string type, size;
        if (!(level_file >> l) || !(type_file >> type) || !(size_file >> size)) continue;
        if (l == level && type != "Instruction") {
            try {
                return parse_size(size);
            } catch (const std::exception&) {
                return 0;
            }
        }
    }
    return 0;
}

Caches read_caches() {
    Caches c;
#if defined(_SC_LEVEL1_DCACHE_SIZE) && defined(_SC_LEVEL2_CACHE_SIZE)
    // glibc answers from cpuid on x86 (and from the kernel's tables elsewhere, where it can).
    const long l1 = sysconf(_SC_LEVEL1_DCACHE_SIZE), l2 = sysconf(_SC_LEVEL2_CACHE_SIZE);
    if (l1 > 0 && l2 > 0) {
        c.l1d = std::size_t(l1);
        c.l2 = std::size_t(l2);
        c.source = "sysconf";
        return c;
    }
#endif
    c.l1d = sys_cache_size(1);
    c.l2 = sys_cache_size(2);
    if (c.l1d > 0 && c.l2 > 0) {
        c.source = "/sys/devices/system/cpu";
        return c;
    }
    // Neither says (e.g. under an emulator): the smallest caches of today's cores.
    c.l1d = std::size_t{32} << 10;
    c.l2 = std::size_t{512} << 10;
    c.source = "nowhere: 32 KiB and 512 KiB assumed";
    return c;
}

}  // namespace

const Caches& machine_caches() {
    static const Caches caches = read_caches();
    return caches;
}

// Block sizes for the five loops of blocked.cpp (in numbers of rows / columns, for the main kernel's tile):
//   KC: the MR x KC A micro-panel stays in L1 while B panels stream past it, with room for them:
//       kL1Share of L1d.
//   NC: the KC x NC B block stays in L2 for all the A micro-panels of a row block: kL2Share of L2.
//   MC: no cache holds the A block in this loop order (its micro-panels are read once per B block), so MC
//       only bounds the packed A's memory: kMaxMC rows, 8 MiB at KC = 512.
// The shares were timed on a Zen 5 core (48 KiB L1d, 1 MiB L2): see tuning.hpp.
BlockSizes default_block_sizes() {
    const Caches& c = machine_caches();
    const MicroKernel& k = main_kernel();
    std::size_t kc = std::size_t(double(c.l1d) * kL1Share) / (k.mr * sizeof(double));
    kc = std::clamp<std::size_t>(kc / 8 * 8, 64, 1024);
    std::size_t nc = std::size_t(double(c.l2) * kL2Share) / (kc * sizeof(double));
    nc = std::max(k.nr, nc / k.nr * k.nr);
    return {kMaxMC, kc, nc};
}

namespace {

// The defaults, unless set_block_sizes came first. Called once (see block_sizes).
bool set_defaults_on_first_use() {
    if (g_kc.load() == 0) reset_block_sizes();
    return true;
}

}  // namespace

BlockSizes block_sizes() {
    // The first use sets the defaults as a function-local static, which C++ initialises once while any other
    // thread waits. Checking g_kc instead let a second thread read mc and kc already stored and nc still 0 when
    // both threads' first product began together (W1 · X on two threads, first in a process): its column
    // loop then never advanced (found by CI's ThreadSanitizer run, which hung).
    static const bool defaults_set = set_defaults_on_first_use();
    (void)defaults_set;
    return {g_mc.load(), g_kc.load(), g_nc.load()};
}

}  // namespace detail

void set_block_sizes(const BlockSizes& sizes) {
    if (sizes.mc == 0 || sizes.kc == 0 || sizes.nc == 0)
        throw std::invalid_argument("dnn::gemm::set_block_sizes: every block size must be at least 1, got {mc=" +
                                    std::to_string(sizes.mc) + ", kc=" + std::to_string(sizes.kc) +
                                    ", nc=" + std::to_string(sizes.nc) + "}");
    detail::g_mc.store(sizes.mc);
    detail::g_kc.store(sizes.kc);
    detail::g_nc.store(sizes.nc);
}

void reset_block_sizes() { set_block_sizes(detail::default_block_sizes()); }

BlockSizes get_block_sizes() { return detail::block_sizes(); }

}  // namespace dnn::gemm
