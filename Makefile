# dnn-step-by-step - build, test and run. `make help` lists every target with one line each.
#
# The library is every .cpp file under matrix/, nn/, io/, app/ and course/ except the programs listed in
# PROGRAMS; it becomes build/libdnn.a. Tests, tutorials and programs link it. The maintainers' parts
# (benchmarks, fuzzing, the debugger check, the exercise mode, mutation tests) add their rules from tools/mk/.

SHELL := /bin/bash
.DEFAULT_GOAL := all

# ---- configuration ---------------------------------------------------------------------------------------
# Never -ffast-math / -Ofast, and no contraction into fused multiply-adds outside the GEMM's kernels: results
# must stay comparable with numpy's bit for bit where the order of operations is the same.
WARNINGS  := -Wall -Wextra
CXXSTD    := -std=c++20
BASEFLAGS := $(CXXSTD) $(WARNINGS) -ffp-contract=off -pthread -I. -MMD -MP

# -march=native when the compiler accepts it, probed once here (PORTABLE=1 leaves it out: a binary any x86-64
# runs). The GEMM's kernels use it in every configuration, the rest of the library in the default one.
NATIVE := $(if $(filter 1,$(PORTABLE)),,$(shell $(CXX) -march=native -E -x c++ /dev/null >/dev/null 2>&1 && echo -march=native))

ifeq ($(SANITIZE),1)
  CONFIG   := sanitize
  OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
  LINKOPTS := -fsanitize=address,undefined
else ifeq ($(TSAN),1)
  CONFIG   := tsan
  OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=thread
  LINKOPTS := -fsanitize=thread
else ifeq ($(DEBUG),1)
  CONFIG   := debug
  OPTFLAGS := -O0 -g -DDNN_DEFAULT_NUM_THREADS=1   # single-threaded unless DNN_NUM_THREADS says otherwise
else
  CONFIG   :=
  OPTFLAGS := -O2 $(NATIVE)
  # g++'s -O2 vectorizes no loop it would have to check at run time (for overlap or a step of 1), so the
  # elementwise loop (W - lr * dW) ran one double at a time: -O3 took W1's update from 0.18 to 0.12 ms.
  FLAGS_matrix/ops.cpp := -O3
endif
ifeq ($(PORTABLE),1)
  CONFIG := $(if $(CONFIG),$(CONFIG)-)portable
endif

# One build folder per compiler, standard library and configuration, so switching never mixes object files:
# EXTRA_CXXFLAGS=-stdlib=libc++ (clang with LLVM's libc++, the standard library of macOS) builds in
# build/clang++-libc++.
COMPILER := $(notdir $(CXX))$(if $(filter -stdlib=libc++,$(EXTRA_CXXFLAGS)),-libc++)
ifeq ($(filter $(COMPILER),g++ c++),)
  COMPILERDIR := /$(COMPILER)
endif
BUILD := build$(COMPILERDIR)$(if $(CONFIG),/$(CONFIG))

CXXFLAGS_ALL = $(BASEFLAGS) $(OPTFLAGS) $(EXTRA_CXXFLAGS)
LDFLAGS_ALL  = -pthread $(LINKOPTS) $(EXTRA_LDFLAGS)

# ---- per-file flags --------------------------------------------------------------------------------------
# A file's own flags, after the configuration's, are in a variable named FLAGS_<its path>. The GEMM's kernel,
# packing and road files are built -O3 for this machine in every configuration, so `make debug` still trains at
# nearly full speed; its entry (gemm.cpp), the plain triple loop (naive.cpp), the block sizes and the thread pool
# keep the configuration's flags, so under `make debug` np::dot steps into a plain loop whose i, j, k and sum gdb
# shows. Only the micro-kernels (and the peak measurement) may contract a * b + c into one fused multiply-add.
# GEMM_MARCH=... builds these files for another target, e.g. make test PORTABLE=1 GEMM_MARCH=-march=haswell.
GEMM_MARCH ?= $(NATIVE)
GEMM_OPT   := -O3 $(GEMM_MARCH)
FLAGS_matrix/gemm/blocked.cpp    := $(GEMM_OPT)
FLAGS_matrix/gemm/shapes.cpp     := $(GEMM_OPT)
FLAGS_matrix/gemm/large.cpp      := $(GEMM_OPT)
FLAGS_matrix/gemm/pack.cpp       := $(GEMM_OPT)
FLAGS_matrix/gemm/kernels.cpp    := $(GEMM_OPT) -ffp-contract=fast
FLAGS_matrix/gemm/peak.cpp       := $(GEMM_OPT) -ffp-contract=fast
FLAGS_tutorials/09_fast_gemm.cpp := $(GEMM_OPT) -ffp-contract=fast  # shows what the hardware can do

# ---- the library -----------------------------------------------------------------------------------------
# Files with a main(): each is a program of its own, not part of the library.
PROGRAMS := app/train_cat.cpp app/predict.cpp app/week2.cpp app/week3.cpp course/replay_notebook.cpp \
            course/grade.cpp course/make_exercises.cpp
LIB_SRCS := $(filter-out $(PROGRAMS),$(sort $(shell find matrix nn io app course -name '*.cpp')))
LIB_OBJS := $(LIB_SRCS:%.cpp=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/libdnn.a

$(BUILD)/obj/%.o: %.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_ALL) $(FLAGS_$<) -c $< -o $@

# The GEMM's objects are rebuilt when their flags change within one build folder (GEMM_MARCH=...): at build
# time, the stamp is rewritten only when the flags differ from the last build's.
GEMM_STAMP := $(BUILD)/obj/matrix/gemm/flags.txt
$(GEMM_STAMP): FORCE
	@mkdir -p $(@D); [ "$$(cat $@ 2>/dev/null)" = "$(CXX) $(GEMM_OPT)" ] || echo "$(CXX) $(GEMM_OPT)" > $@
$(addprefix $(BUILD)/obj/matrix/gemm/,blocked.o shapes.o large.o pack.o kernels.o peak.o): $(GEMM_STAMP)
.PHONY: FORCE
FORCE:

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	ar rcs $@ $^

.PHONY: all
.SECONDARY:  # keep the object files make considers intermediate (the programs')
all: $(LIB)

# ---- programs --------------------------------------------------------------------------------------------
# build/bin/<name> from app/<name>.cpp or course/<name>.cpp.
BIN := $(BUILD)/bin
$(BIN)/%: $(BUILD)/obj/app/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@
$(BIN)/%: $(BUILD)/obj/course/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: demo demo-two-layer predict week2 week3 replay programs
programs: $(BIN)/train_cat $(BIN)/predict $(BIN)/week2 $(BIN)/week3 $(BIN)/replay_notebook
# DEMO_ARGS passes options, e.g. make demo DEMO_ARGS='--iterations 500 --out /tmp/run'
demo: $(BIN)/train_cat
	@$< $(DEMO_ARGS)
demo-two-layer: $(BIN)/train_cat
	@$< --two-layer $(DEMO_ARGS)
# The week 2 and week 3 notebooks; make week2 IMAGE=my_cat.jpg predicts your own picture too.
week2: $(BIN)/week2
	@$< $(if $(IMAGE),--image '$(IMAGE)') $(WEEK2_ARGS)
week3: $(BIN)/week3
	@$< $(WEEK3_ARGS)
# "Test with your own image": make predict IMAGE=path/to/photo.jpg (several paths at once are fine; quote one with
# spaces: IMAGE="'my cat.jpg'"), LABEL=0|1 (default 1), PREDICT_ARGS passes options, e.g. '--resample bilinear'
predict: $(BIN)/predict
	@$(if $(strip $(IMAGE)),$< $(if $(LABEL),--label $(LABEL)) $(PREDICT_ARGS) $(IMAGE),\
	    echo "make predict needs a picture: make predict IMAGE=path/to/photo.jpg (build/bin/predict --help)" >&2; exit 2)
replay: $(BIN)/replay_notebook
	@$<

# ---- tests -----------------------------------------------------------------------------------------------
TEST_SRCS := $(sort $(wildcard tests/*.cpp))
TEST_OBJS := $(TEST_SRCS:%.cpp=$(BUILD)/obj/%.o)
TEST_BIN  := $(BUILD)/tests/run_tests

$(TEST_OBJS): | doctest-header

# doctest's header: Debian's doctest-dev puts it where the compiler looks; Homebrew's (macOS, brew install doctest)
# is found through `brew --prefix doctest`, asked only when a test file is compiled.
UNAME := $(shell uname -s)
ifeq ($(UNAME),Darwin)
DOCTEST_PREFIX = $(shell brew --prefix doctest 2>/dev/null)
DOCTEST_FLAGS = $(if $(wildcard $(DOCTEST_PREFIX)/include/doctest/doctest.h),-I$(DOCTEST_PREFIX)/include)
$(TEST_OBJS): EXTRA_CXXFLAGS += $(DOCTEST_FLAGS)
endif

$(TEST_BIN): $(TEST_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(CXX) $(TEST_OBJS) $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: doctest-header test tests-bin
tests-bin: $(TEST_BIN)
doctest-header:
	@CXX="$(CXX)" CXXFLAGS="$(EXTRA_CXXFLAGS) $(DOCTEST_FLAGS)" tests/ensure-doctest.sh

# TEST_ARGS passes options to doctest, e.g. make test TEST_ARGS='-tc="*linear*"'
test: $(TEST_BIN)
	@DNN_BUILD_DIR=$(BUILD) $(TEST_BIN) $(TEST_ARGS)

# ---- tutorials -------------------------------------------------------------------------------------------
TUTORIAL_SRCS := $(sort $(wildcard tutorials/[0-9]*.cpp))
TUTORIAL_BINS := $(TUTORIAL_SRCS:tutorials/%.cpp=$(BUILD)/tutorials/%)

$(BUILD)/tutorials/%: $(BUILD)/obj/tutorials/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

# The tests run every tutorial with --quick and check its verdicts, and make week3's and predict's programs end to end.
# (TEST_BIN_ALONE=1 builds the test binary alone: make mutants, for a mutant whose tests run no program.)
ifneq ($(TEST_BIN_ALONE),1)
$(TEST_BIN): | $(TUTORIAL_BINS) $(BIN)/predict $(BIN)/week2 $(BIN)/week3
endif

.PHONY: tutorials tutorials-bin
tutorials-bin: $(TUTORIAL_BINS)
# QUICK=1 runs the shorter versions (fewer training iterations, smaller products)
tutorials: $(TUTORIAL_BINS)
	@failed=0; for t in $(TUTORIAL_BINS); do \
	    $$t $(if $(QUICK),--quick) || { failed=1; echo "*** $$t: some results differ from the notebook"; }; \
	done; \
	if [ $$failed = 0 ]; then echo "All tutorials: every result is the same as the notebook's."; else exit 1; fi

# ---- debug build -----------------------------------------------------------------------------------------
.PHONY: debug
debug:
	@$(MAKE) --no-print-directory DEBUG=1 all programs tests-bin
	@echo "debug build in build/debug (-O0 -g): e.g. gdb -x tools/debuggers/dnn.gdb build/debug/bin/replay_notebook"
	@echo "  or lldb -o 'command script import tools/debuggers/dnn_lldb.py' build/debug/bin/replay_notebook"

# ---- help ------------------------------------------------------------------------------------------------
.PHONY: help
help:
	@echo "For students (학생용):"
	@echo "  make week2           week 2: logistic regression on the cat pictures (IMAGE=my.jpg: your picture)"
	@echo "  make week3           week 3: one hidden layer on the flower data, decision boundaries, sizes 1-50"
	@echo "  make demo            train the cat classifier as the Application notebook does (DEMO_ARGS=...)"
	@echo "  make predict IMAGE=photo.jpg  ask the trained network about your own picture (LABEL=0|1, PREDICT_ARGS=...)"
	@echo "  make test            build and run every test"
	@echo "  make tutorials       the tutorials, one per notebook section, in English and Korean (QUICK=1: shorter)"
	@echo "  make replay          every graded function of weeks 2-4 beside the notebooks' expected outputs"
	@echo "  make exercises       write exercises/: the graded functions emptied, for you to fill in"
	@echo "  make grade           grade your exercises/ against the notebook (EXERCISES=dir for another folder)"
	@echo "  make debug           everything -O0 -g in build/debug, for stepping through in gdb or lldb"
	@echo "  make demo-two-layer  the Application's 2-layer model"
	@echo "  make                 only the library, build/libdnn.a"
	@echo
	@echo "For maintainers:"
	@echo "  make bench           GEMM and training speed against OpenBLAS and numpy (bench-build: only compile)"
	@echo "  make cycles-bench    one-thread GEMM shapes as a fraction of the FMA peak, in CPU time (a shared machine)"
	@echo "  make check-debugger  the gdb printers and lldb formatters, checked in real gdb and lldb sessions"
	@echo "  make test-aarch64    the notebook and GEMM tests cross-built for 64-bit ARM, run under qemu-user"
	@echo "  make fuzz            libFuzzer on the file readers (FUZZ_SECONDS=, FUZZ_TARGETS=)"
	@echo "  make mutants         mutation tests: a small bug in each module must make the tests fail"
	@echo "  make test SANITIZE=1 | TSAN=1 | PORTABLE=1 | CXX=clang++    the tests in another build (own folder)"
	@echo "  make test CXX=clang++ EXTRA_CXXFLAGS=-stdlib=libc++ EXTRA_LDFLAGS=-stdlib=libc++   with libc++ (macOS's)"
	@echo "  make clean           remove build/"

.PHONY: clean
clean:
	rm -rf build

# ---- the maintainers' parts ------------------------------------------------------------------------------
include tools/mk/aarch64.mk tools/mk/bench.mk tools/mk/debugger.mk tools/mk/exercises.mk tools/mk/fuzz.mk \
        tools/mk/mutants.mk

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
