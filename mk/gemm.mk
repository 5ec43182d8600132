# mk/gemm.mk - compiler flags of the GEMM files (matrix/gemm*.cpp), included by the Makefile.
#
# The GEMM is built -O3 for the machine it runs on (-march=native, when the compiler accepts it) whatever the
# configuration: `make debug` (-O0) still trains at full speed, since these flags come after -O0.
# `make PORTABLE=1` leaves out -march=native (a binary for any x86-64). Only the micro-kernel file may
# contract a * b + c into one fused multiply-add; everything else keeps -ffp-contract=off.

GEMM_MARCH := $(if $(filter 1,$(PORTABLE)),,$(shell $(CXX) -march=native -E -x c++ /dev/null >/dev/null 2>&1 && echo -march=native))
GEMM_OPT   := -O3 $(GEMM_MARCH)

CXXFLAGS_matrix_gemm        := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_pack   := $(GEMM_OPT)
CXXFLAGS_matrix_gemm_kernel := $(GEMM_OPT) -ffp-contract=fast

# Rebuild these objects when the flags change (e.g. switching PORTABLE=1 on or off in the same build folder).
GEMM_FLAGS_STAMP := $(BUILD)/obj/matrix/gemm-flags.txt
GEMM_FLAGS_NOW   := $(CXX) $(GEMM_OPT)
$(shell mkdir -p $(BUILD)/obj/matrix && { [ "$$(cat $(GEMM_FLAGS_STAMP) 2>/dev/null)" = "$(GEMM_FLAGS_NOW)" ] || echo "$(GEMM_FLAGS_NOW)" > $(GEMM_FLAGS_STAMP); })
$(BUILD)/obj/matrix/gemm.o $(BUILD)/obj/matrix/gemm_pack.o $(BUILD)/obj/matrix/gemm_kernel.o: $(GEMM_FLAGS_STAMP)
