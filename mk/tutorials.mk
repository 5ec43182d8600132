# mk/tutorials.mk - the tutorials: one program per notebook section (tutorials/*.cpp).
#   make tutorials         builds and runs them all, in order; fails if any result differs from the notebook
#   make tutorials QUICK=1 the same with shorter runs (the tests use --quick)

TUTORIAL_SRCS := $(sort $(wildcard tutorials/[0-9]*.cpp))
TUTORIAL_BINS := $(TUTORIAL_SRCS:tutorials/%.cpp=$(BUILD)/tutorials/%)

$(BUILD)/tutorials/%: $(BUILD)/obj/tutorials/%.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

# The test binary runs every tutorial with --quick and checks its verdicts.
$(TEST_BIN): | $(TUTORIAL_BINS)

.PHONY: tutorials tutorials-bin
tutorials-bin: $(TUTORIAL_BINS)
tutorials: $(TUTORIAL_BINS)
	@failed=0; for t in $(TUTORIAL_BINS); do \
	    $$t $(if $(QUICK),--quick) || { failed=1; echo "*** $$t: some results differ from the notebook"; }; \
	done; \
	if [ $$failed = 0 ]; then echo "All tutorials: every result is the same as the notebook's."; else exit 1; fi

# The GEMM tutorial's kernels get the GEMM's flags (mk/gemm.mk), so each step shows what the hardware can do.
CXXFLAGS_tutorials_09_fast_gemm = $(GEMM_OPT) -ffp-contract=fast
