# tools/mk/bench.mk - `make bench`: builds and runs the benchmark programs in bench/ (see tools/bench/run.sh).
#
# Speed is shown here, never in a test. Only these programs may link OpenBLAS (for the comparison).
# `make bench GEMM_BENCH_ONLY=square` runs only the GEMM shapes whose name contains "square".
# `make bench BENCH_OPENBLAS_CORETYPE=SkylakeX` compares with that OpenBLAS kernel instead of the detected one.
# `make bench-build` only compiles them (a quick check for CI; nothing is timed).

.PHONY: bench bench-build
bench-build: $(LIB)
	@BENCH_BUILD_ONLY=1 tools/bench/run.sh "$(CXX)" "$(CXXFLAGS_ALL)" "$(LDFLAGS_ALL)" "$(LIB)" "$(BUILD)/bench"
bench: $(LIB)
	@GEMM_BENCH_ONLY="$(GEMM_BENCH_ONLY)" BENCH_OPENBLAS_CORETYPE="$(BENCH_OPENBLAS_CORETYPE)" tools/bench/run.sh "$(CXX)" "$(CXXFLAGS_ALL)" "$(LDFLAGS_ALL)" "$(LIB)" "$(BUILD)/bench"

# `make cycles-bench`: builds build/bench/gemm_cycles (user-mode cycles per product on one thread, as a fraction of
# the FMA peak in flops per cycle; for tuning while the machine is busy) and runs it. CYCLES_ONLY=1024 runs one shape.
.PHONY: cycles-bench
cycles-bench: $(LIB)
	@mkdir -p $(BUILD)/bench
	$(CXX) $(CXXFLAGS_ALL) tools/bench/gemm_cycles.cpp $(LIB) $(LDFLAGS_ALL) -o $(BUILD)/bench/gemm_cycles
	$(BUILD)/bench/gemm_cycles $(CYCLES_ONLY)
