# tools/mk/fuzz.mk - libFuzzer targets for the file readers (fuzz/): make fuzz builds them with clang++ and
# -fsanitize=fuzzer,address,undefined against the library sources compiled with the same sanitizers (in
# build/fuzz/obj, never build/libdnn.a, which g++ builds), writes the seed corpora into build/fuzz/corpus/,
# then runs each target for FUZZ_SECONDS (tools/fuzz/run_fuzz.sh prints executions per second and total runs).
#
#   make fuzz                       every target for 60 s
#   make fuzz FUZZ_SECONDS=10 FUZZ_TARGETS="npy npz"
#   make fuzz-build                 only build the targets (build/fuzz/fuzz_<target>)

FUZZ_CXX       ?= clang++
FUZZ_SECONDS   ?= 60
FUZZ_TARGETS   ?= h5 inflate npy npz jpeg png
FUZZ_BUILD     := build/fuzz
FUZZ_SANITIZE  := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CXXFLAGS  := -std=c++20 -I. -O1 -g -fno-omit-frame-pointer -ffp-contract=off -pthread -Wall -Wextra -MMD -MP

# What the readers need: io/ (with io/h5/) and matrix/ (npy makes Matrix, npz an ArrayDict; np needs the GEMM).
FUZZ_LIB_SRCS  := $(sort $(wildcard io/*.cpp io/h5/*.cpp matrix/*.cpp matrix/gemm/*.cpp))
FUZZ_LIB_OBJS  := $(FUZZ_LIB_SRCS:%.cpp=$(FUZZ_BUILD)/obj/%.o)
FUZZ_BINS      := $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

# Library objects get the coverage instrumentation (fuzzer-no-link) but not libFuzzer's main().
$(FUZZ_BUILD)/obj/%.o: %.cpp
	@mkdir -p $(@D)
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) -fsanitize=fuzzer-no-link $(FUZZ_SANITIZE) -c $< -o $@

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/obj/tools/fuzz/fuzz_%.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CXX) -fsanitize=fuzzer $(FUZZ_SANITIZE) -pthread $^ -o $@

$(FUZZ_BUILD)/make_seeds: $(FUZZ_BUILD)/obj/tools/fuzz/make_seeds.o $(FUZZ_LIB_OBJS)
	$(FUZZ_CXX) -fsanitize=fuzzer-no-link $(FUZZ_SANITIZE) -pthread $^ -o $@

.PHONY: fuzz fuzz-build fuzz-seeds fuzz-check fuzz-bins
# Fails with a clear message when clang++ or its libFuzzer runtime is missing (Debian: libclang-rt-14-dev).
fuzz-check:
	@FUZZ_CXX="$(FUZZ_CXX)" tools/fuzz/run_fuzz.sh --check

# The check first, then the build (a recursive make, so -j never starts compiling before the check).
fuzz-build: fuzz-check
	@$(MAKE) --no-print-directory fuzz-bins
fuzz-bins: $(FUZZ_BINS) $(FUZZ_BUILD)/make_seeds
	@:

fuzz-seeds: fuzz-build
	@$(FUZZ_BUILD)/make_seeds $(FUZZ_BUILD)/corpus
	@if /usr/bin/python3 -c 'import numpy, h5py' >/dev/null 2>&1; then /usr/bin/python3 tools/fuzz/make_seeds.py $(FUZZ_BUILD)/corpus; \
	 else echo "fuzz: /usr/bin/python3 with numpy and h5py is missing: seeds from make_seeds only (four hand-built HDF5 files)"; \
	      if [ "$$CI" = true ]; then echo "fuzz: under CI numpy and h5py must be installed" >&2; exit 1; fi; fi

fuzz: fuzz-seeds
	@tools/fuzz/run_fuzz.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

-include $(shell find $(FUZZ_BUILD)/obj -name '*.d' 2>/dev/null)
