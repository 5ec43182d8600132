# dnn-step-by-step - build, test and run.
#
#   make              build/libdnn.a (the library: a program needs nn/nn.hpp, this archive and -pthread)
#   make demo         the main job: trains the cat classifier (see README.md)
#   make demo-two-layer   the same with the 2-layer model
#   make replay       replays the Step by Step notebook beside its expected output
#   make test         build and run every test (installs doctest-dev when run as root and it is missing)
#   make debug        library, tests and demos with -O0 -g in build/debug, for stepping through
#   make test SANITIZE=1     the tests under -fsanitize=address,undefined (build/sanitize)
#   make test TSAN=1         the tests under -fsanitize=thread (build/tsan)
#   make test CXX=clang++    the same with another compiler (build/clang++)
#   make PORTABLE=1          without -march=native (build/portable)
#   make exercises    writes exercises/: the graded functions as stubs to fill in (FORCE=1 starts over)
#   make grade        grades exercises/ (EXERCISES=dir for another folder, EXERCISES=nn for the solutions)
#   make tutorials    runs the tutorials;  make bench   benchmarks;  make check-debugger   tests the gdb printers
#   make mutants      mutation tests: fails unless the tests catch a small bug put into each module
#   make clean

SHELL := /bin/bash
.DEFAULT_GOAL := all

# ---- configuration ---------------------------------------------------------------------------------------
# Never -ffast-math / -Ofast, and no contraction into FMA outside the GEMM kernels: results must stay
# comparable with numpy's bit for bit where the order of operations is the same.
WARNINGS  := -Wall -Wextra
CXXSTD    := -std=c++20
BASEFLAGS := $(CXXSTD) $(WARNINGS) -ffp-contract=off -pthread -I. -MMD -MP

# -march=native when the compiler accepts it (make PORTABLE=1 leaves it out, for a binary any x86-64 runs).
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
  OPTFLAGS := -O2 $(NATIVE)   # the GEMM files get -O3 (mk/gemm.mk); g++ 12 -O3 false-warns in std::string
endif
ifeq ($(PORTABLE),1)
  CONFIG := $(if $(CONFIG),$(CONFIG)-)portable
endif

# One build folder per compiler and configuration, so switching never mixes object files.
COMPILER := $(notdir $(CXX))
ifeq ($(filter $(COMPILER),g++ c++),)
  COMPILERDIR := /$(COMPILER)
endif
BUILD := build$(COMPILERDIR)$(if $(CONFIG),/$(CONFIG))

CXXFLAGS_ALL = $(BASEFLAGS) $(OPTFLAGS) $(EXTRA_CXXFLAGS)
LDFLAGS_ALL  = -pthread $(LINKOPTS) $(EXTRA_LDFLAGS)

# ---- the library -----------------------------------------------------------------------------------------
LIB_DIRS := matrix matrix/gemm nn io app
LIB_SRCS := $(sort $(wildcard $(addsuffix /*.cpp,$(LIB_DIRS))))
LIB_OBJS := $(LIB_SRCS:%.cpp=$(BUILD)/obj/%.o)
LIB      := $(BUILD)/libdnn.a

$(BUILD)/obj/%.o: %.cpp
	@mkdir -p $(@D)
	$(CXX) $(CXXFLAGS_ALL) $(CXXFLAGS_$(subst /,_,$*)) -c $< -o $@

$(LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	@rm -f $@
	ar rcs $@ $^

.PHONY: all
.SECONDARY:  # keep object files make considers intermediate (demo objects)
all: $(LIB)

# ---- tests -----------------------------------------------------------------------------------------------
TEST_SRCS := $(sort $(wildcard tests/*.cpp))
TEST_OBJS := $(TEST_SRCS:%.cpp=$(BUILD)/obj/%.o)
TEST_BIN  := $(BUILD)/tests/run_tests

$(TEST_OBJS): | doctest-header

$(TEST_BIN): $(TEST_OBJS) $(LIB)
	@mkdir -p $(@D)
	$(CXX) $(TEST_OBJS) $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: doctest-header test tests-bin
tests-bin: $(TEST_BIN)
doctest-header:
	@CXX="$(CXX)" tests/ensure-doctest.sh

# TEST_ARGS passes options to doctest, e.g. make test TEST_ARGS='-tc="*linear*"'
test: $(TEST_BIN)
	@DNN_BUILD_DIR=$(BUILD) $(TEST_BIN) $(TEST_ARGS)

# ---- demo ------------------------------------------------------------------------------------------------
DEMO_SRCS := $(sort $(wildcard demo/*.cpp))
DEMO_BINS := $(DEMO_SRCS:demo/%.cpp=$(BUILD)/demo/%)

$(BUILD)/demo/%: $(BUILD)/obj/demo/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: demo demo-two-layer replay demos
demos: $(DEMO_BINS)
# DEMO_ARGS passes options, e.g. make demo DEMO_ARGS='--iterations 500 --out /tmp/run'
demo: $(BUILD)/demo/train_cat
	@$(BUILD)/demo/train_cat $(DEMO_ARGS)
demo-two-layer: $(BUILD)/demo/train_cat
	@$(BUILD)/demo/train_cat --two-layer $(DEMO_ARGS)
replay: $(BUILD)/demo/replay_notebook
	@$(BUILD)/demo/replay_notebook

# ---- debug build -----------------------------------------------------------------------------------------
.PHONY: debug
debug:
	@$(MAKE) --no-print-directory DEBUG=1 all demos tests-bin
	@echo "debug build in build/debug (-O0 -g): e.g. gdb build/debug/demo/replay_notebook"

# ---- optional parts add their rules here (benchmarks, tutorials, ...) ------------------------------------
-include $(sort $(wildcard mk/*.mk))

.PHONY: clean
clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
