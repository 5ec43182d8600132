#!/usr/bin/env bash
# tools/bench/run.sh - builds and runs the benchmarks (called by `make bench`; see tools/mk/bench.mk).
#
#   tools/bench/run.sh CXX "CXXFLAGS" "LDFLAGS" LIBRARY OUTDIR       (BENCH_BUILD_ONLY=1: build, do not run)
#
# 1. GEMM GFLOP/s beside OpenBLAS's cblas_dgemm (tools/bench/gemm_bench.cpp). OpenBLAS is linked into that program
#    only; as root with apt-get it is installed when missing (libopenblas-dev), otherwise the comparison is
#    skipped with a message.
# 2. One training iteration in ms beside numpy's (tools/bench/train_bench.cpp, tools/bench/train_numpy.py); numpy's part
#    is skipped with a message when no python3 with numpy is found.
# 3. Reading a 4000x3000 baseline 4:2:0 JPEG and resizing it to 64x64 beside Pillow (tools/bench/image_bench.cpp,
#    tools/bench/image_pillow.py). The JPEG is made here, in OUTDIR, by Pillow (or by cjpeg from a synthetic picture
#    when Pillow is missing: then without the comparison).
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset for these runs only, so OpenBLAS and numpy run as they
# would by default on this machine. BENCH_OPENBLAS_CORETYPE=SkylakeX (say) sets OPENBLAS_CORETYPE for the
# GEMM comparison and numpy instead: OpenBLAS 0.3.21 does not recognise every recent CPU and then falls back
# to a generic kernel (the first line printed names the kernel it uses).
set -u
CXX=$1 CXXFLAGS=$2 LDFLAGS=$3 LIB=$4 OUT=$5
mkdir -p "$OUT"
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE
if [ -n "${BENCH_OPENBLAS_CORETYPE:-}" ]; then export OPENBLAS_CORETYPE=$BENCH_OPENBLAS_CORETYPE; fi

have_openblas() {
    echo 'extern "C" void openblas_set_num_threads(int); int main() { openblas_set_num_threads(1); }' |
        "$CXX" -x c++ - -lopenblas -o /dev/null >/dev/null 2>&1
}
if ! have_openblas && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "OpenBLAS is missing: installing Debian's libopenblas-dev (apt-get update; apt-get install -y libopenblas-dev)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq libopenblas-dev >/dev/null || true
fi

# shellcheck disable=SC2086  # the flags are lists of words
if have_openblas; then
    $CXX $CXXFLAGS -DDNN_BENCH_OPENBLAS tools/bench/gemm_bench.cpp "$LIB" $LDFLAGS -lopenblas -o "$OUT/gemm_bench" || exit 1
elif [ "${CI:-}" = true ]; then
    echo "bench: OpenBLAS (libopenblas-dev) is missing; under CI the comparison must be built" >&2
    exit 1
else
    echo "note: OpenBLAS (libopenblas-dev) not found and not installable here: the GEMM figures are printed without it"
    $CXX $CXXFLAGS tools/bench/gemm_bench.cpp "$LIB" $LDFLAGS -o "$OUT/gemm_bench" || exit 1
fi
# shellcheck disable=SC2086
$CXX $CXXFLAGS tools/bench/train_bench.cpp "$LIB" $LDFLAGS -o "$OUT/train_bench" || exit 1
# shellcheck disable=SC2086
$CXX $CXXFLAGS tools/bench/image_bench.cpp "$LIB" $LDFLAGS -o "$OUT/image_bench" || exit 1

if [ "${BENCH_BUILD_ONLY:-}" = 1 ]; then
    echo "benchmarks built in $OUT (not run)"
    exit 0
fi

echo
"$OUT/gemm_bench" ${GEMM_BENCH_ONLY:-} || exit 1
echo

# numpy: the Debian python3 has it on this machine kind; a python3 in PATH may not.
PY=
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy' >/dev/null 2>&1; then PY=$p; break; fi
done
numpy_ms=
if [ -n "$PY" ]; then
    line=$("$PY" tools/bench/train_numpy.py) || exit 1
    echo "$line"
    numpy_ms=$(echo "$line" | sed -nE 's/.*: +([0-9.]+) ms.*/\1/p')
else
    echo "numpy comparison skipped: no python3 with numpy found (on Debian: apt-get install python3-numpy)"
fi
"$OUT/train_bench" 30 ${numpy_ms:+--numpy-ms "$numpy_ms"} || exit 1
echo

# Reading and resizing a big JPEG beside Pillow.
img="$OUT/bench_4000x3000.jpg"
PIL_PY=
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import numpy, PIL' >/dev/null 2>&1; then PIL_PY=$p; break; fi
done
if [ -n "$PIL_PY" ]; then
    "$PIL_PY" tools/bench/image_pillow.py make "$img" || exit 1
    line=$("$PIL_PY" tools/bench/image_pillow.py time "$img" 7) || exit 1
    echo "$line"
    first=$(echo "$line" | sed -nE 's/.*first ([0-9.]+) ms.*/\1/p')
    med=$(echo "$line" | sed -nE 's/.*median ([0-9.]+) ms.*/\1/p')
    "$OUT/image_bench" "$img" 7 --pillow-first "$first" --pillow-median "$med" || exit 1
elif command -v cjpeg >/dev/null 2>&1; then
    echo "Pillow comparison skipped: no python3 with numpy and PIL found (Debian: apt-get install python3-pil)"
    "$OUT/image_bench" --write-ppm "$OUT/bench_4000x3000.ppm" 4000 3000 || exit 1
    cjpeg -quality 90 -sample 2x2 -outfile "$img" "$OUT/bench_4000x3000.ppm" || exit 1
    rm -f "$OUT/bench_4000x3000.ppm"
    "$OUT/image_bench" "$img" 7 || exit 1
else
    echo "image benchmark skipped: neither Pillow (python3-pil) nor cjpeg (libjpeg-turbo-progs) is installed to make its JPEG"
fi
rm -f "$img"
