// matrix/gemm/peak.hpp - the multiply-add peak of one core, measured (for the benchmark and tutorial 9).
//
// EN: A short loop of independent fused multiply-adds on this build's vectors (the instructions the GEMM's
//     kernels use), timed on the calling thread: no GEMM can go faster on one core. About 0.1 s.
// KO: 이 빌드의 벡터로 서로 독립인 FMA를 잠깐 반복해 호출한 스레드에서 잽니다(GEMM 커널이 쓰는 명령과 같음).
//     한 코어에서 어떤 GEMM도 이보다 빠를 수 없습니다. 약 0.1초 걸립니다.
#pragma once

namespace dnn::gemm::detail {

struct Peak {
    double gflops = 0;        // double-precision GFLOP/s of one core (a multiply-add counts as 2)
    const char* isa = "";     // the vectors used, e.g. "avx512"
    unsigned vector_bits = 0;
};
Peak measure_fma_peak();

// Runs the same chains for `steps` steps (untimed) and returns how many flops that was: for counting cycles
// around it (tools/bench/gemm_cycles.cpp).
double run_fma_chains(long steps);

}  // namespace dnn::gemm::detail
