# tools/mk/mutants.mk - `make mutants`: mutation tests of the test suite (tools/mutants/mutants.py).
#
# A dozen and more small bugs, one module at a time (the random generator, the printing, each notebook step,
# the GEMM kernel and packing, inflate, the HDF5 filters, chunk index, shared messages, message flags, old
# layouts, end-of-file address and read limit, npy, the models, the replay's verdict, the grader and its grading
# copies, the dicts' KeyError and the caches' IndexError, the tutorials' code()),
# each put into a scratch copy (build/mutants/tree) that reuses the normal build, so only what a bug touches is
# rebuilt. The run fails unless the tests catch every one.
#
#   make mutants                 every mutant
#   make mutants MUTANTS=gemm    only those whose name contains "gemm" (MUTANTS=grader: the grader's)

.PHONY: mutants
mutants: tests-bin programs
	@tools/mutants/mutants.py $(if $(MUTANTS),--only '$(MUTANTS)')
