// matrix/gemm/tuning.cpp - the block sizes: this machine's defaults, and set / reset / get_block_sizes.
#include "matrix/gemm/tuning.hpp"

#include <atomic>
#include <stdexcept>
#include <string>

namespace dnn::gemm {

namespace detail {

namespace {

// 0 until first asked for: then the defaults.
std::atomic<std::size_t> g_mc{0}, g_kc{0}, g_nc{0};

}  // namespace

const Caches& machine_caches() {
    static const Caches caches{};
    return caches;
}

// Block sizes in numbers of rows / columns: the MR x KC A micro-panel (20 KiB) stays in L1 while the KC x NC
// B block (960 KiB) streams past it from L2; MC only bounds the A block's memory. Chosen by timing 1024^3 and
// 2048^3 products on a Sapphire Rapids core (48 KiB L1d, 2 MiB L2).
BlockSizes default_block_sizes() { return {2048, 320, 384}; }

BlockSizes block_sizes() {
    if (g_kc.load() == 0) reset_block_sizes();
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
