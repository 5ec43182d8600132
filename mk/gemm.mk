# mk/gemm.mk - compiler flags of the GEMM's files (matrix/gemm/), included by the Makefile.
#
# The kernel, packing and road files are built -O3 for the machine they run on (-march=native, when the
# compiler accepts it) in every configuration: `make debug` (-O0 -g) still trains at nearly full speed, since
# these flags come after -O0. The entry (gemm.cpp), the plain triple loop (naive.cpp), the block sizes and the
# thread pool keep the configuration's own flags, so under `make debug` a student steps from np::dot into a
# plain loop whose i, j, k and sum gdb shows.
# `make PORTABLE=1` leaves out -march=native (a binary for any x86-64). GEMM_MARCH=... picks another target for
# these files only, e.g. `make test PORTABLE=1 GEMM_MARCH=-march=haswell` tests the AVX2 kernels.
# Only the micro-kernel file (and the peak measurement) may contract a * b + c into one fused multiply-add; everything else keeps
# -ffp-contract=off.

GEMM_MARCH ?= $(if $(filter 1,$(PORTABLE)),,$(shell $(CXX) -march=native -E -x c++ /dev/null >/dev/null 2>&1 && echo -march=native))
GEMM_OPT   := -O3 $(GEMM_MARCH)

CXXFLAGS_matrix_gemm_blocked := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_shapes  := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_large   := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_pack    := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_kernels := $(GEMM_OPT) -ffp-contract=fast
CXXFLAGS_matrix_gemm_peak    := $(GEMM_OPT) -ffp-contract=fast

# Rebuild these objects when the flags change (e.g. switching PORTABLE=1 on or off in the same build folder).
GEMM_FLAGS_STAMP := $(BUILD)/obj/matrix/gemm/flags.txt
GEMM_FLAGS_NOW   := $(CXX) $(GEMM_OPT)
$(shell mkdir -p $(BUILD)/obj/matrix/gemm && { [ "$$(cat $(GEMM_FLAGS_STAMP) 2>/dev/null)" = "$(GEMM_FLAGS_NOW)" ] || echo "$(GEMM_FLAGS_NOW)" > $(GEMM_FLAGS_STAMP); })
$(addprefix $(BUILD)/obj/matrix/gemm/,blocked.o shapes.o large.o pack.o kernels.o peak.o): $(GEMM_FLAGS_STAMP)

# `make test-aarch64`: the library with its notebook and GEMM tests, cross-built for 64-bit ARM and run under
# qemu-user (tools/aarch64/test-aarch64.sh; TEST_ARGS passes doctest options).
.PHONY: test-aarch64
test-aarch64:
	@tools/aarch64/test-aarch64.sh $(TEST_ARGS)
