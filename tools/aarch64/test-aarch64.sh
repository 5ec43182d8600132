#!/usr/bin/env bash
# tools/aarch64/test-aarch64.sh - the library and its notebook and GEMM tests cross-built for 64-bit ARM
# (aarch64, as on ARM laptops) and run under qemu-user: the plain 128-bit vector kernels (NEON), the cache
# sizes read where a machine may not tell them, and every notebook value on another instruction set.
#
#   make test-aarch64          (or tools/aarch64/test-aarch64.sh [doctest options], from the repository root)
#
# Needs Debian's g++-aarch64-linux-gnu and qemu-user (installed with apt-get when run as root). The doctest
# header is the host's /usr/include/doctest (it is the same on every architecture). Builds in build/aarch64.
set -euo pipefail
CXX=${AARCH64_CXX:-aarch64-linux-gnu-g++}
QEMU=${QEMU_AARCH64:-qemu-aarch64}
OUT=build/aarch64
if ! command -v "$CXX" >/dev/null || ! command -v "$QEMU" >/dev/null || [ ! -f /usr/include/doctest/doctest.h ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "test-aarch64: installing g++-aarch64-linux-gnu, qemu-user and doctest-dev (apt-get)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null && apt-get install -y -qq g++-aarch64-linux-gnu qemu-user doctest-dev >/dev/null
    else
        echo "test-aarch64: needs $CXX, $QEMU and /usr/include/doctest (on Debian: apt-get install g++-aarch64-linux-gnu qemu-user doctest-dev)" >&2
        exit 1
    fi
fi

# The library (as the Makefile builds it, without -march=native: any aarch64 has NEON), and the tests of the
# GEMM, the threads, the numerics' properties and the Step by Step notebook.
mkdir -p "$OUT/obj" "$OUT/include"
ln -sfn /usr/include/doctest "$OUT/include/doctest"
FLAGS=(-std=c++20 -Wall -Wextra -ffp-contract=off -pthread -I. -I"$OUT/include" -O2)
GEMM_FLAGS=(-O3)  # the Makefile's per-file flags for the kernel, packing and road files
# (The programs, which have a main() of their own, are left out: the Makefile's PROGRAMS.)
SRCS=()
for src in matrix/*.cpp matrix/gemm/*.cpp nn/*.cpp nn/*/*.cpp io/*.cpp io/*/*.cpp app/*.cpp course/*.cpp; do
    grep -q '^int main(' "$src" && continue
    SRCS+=("$src")
done
SRCS+=(tests/main.cpp tests/needs.cpp tests/test_gemm.cpp tests/test_threads.cpp tests/test_properties.cpp
       tests/test_step_by_step.cpp tests/test_matrix.cpp)
# An object is rebuilt when its source, or any header, is newer (or the flags below changed).
newest_header=$(ls -t matrix/*.hpp matrix/gemm/*.hpp nn/*.hpp nn/*/*.hpp io/*.hpp io/*/*.hpp app/*.hpp course/*.hpp tests/*.hpp "$0" | head -1)
objs=()
pids=()
for src in "${SRCS[@]}"; do
    obj="$OUT/obj/${src//\//_}.o"
    objs+=("$obj")
    [ "$obj" -nt "$src" ] && [ "$obj" -nt "$newest_header" ] && continue
    extra=()
    case "$src" in
        matrix/gemm/blocked.cpp | matrix/gemm/shapes.cpp | matrix/gemm/large.cpp | matrix/gemm/pack.cpp) extra=("${GEMM_FLAGS[@]}") ;;
        matrix/gemm/kernels.cpp | matrix/gemm/peak.cpp) extra=("${GEMM_FLAGS[@]}" -ffp-contract=fast) ;;
    esac
    "$CXX" "${FLAGS[@]}" "${extra[@]}" -c "$src" -o "$obj" &
    pids+=($!)
    if [ "${#pids[@]}" -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
"$CXX" "${objs[@]}" -pthread -o "$OUT/run_tests"
echo "test-aarch64: built $OUT/run_tests ($(file -b "$OUT/run_tests" | cut -d, -f1-2)); running under $QEMU"
# Left out: the comparison of NaN signs with numpy, which runs on the host (x86 and ARM make NaNs of different
# signs; that test is about numpy's numbers on the machine it runs on, not about this build).
QEMU_LD_PREFIX=/usr/aarch64-linux-gnu "$QEMU" "$OUT/run_tests" -tce="*inf and nan have numpy's signs*" "$@"
