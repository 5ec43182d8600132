# tools/mk/aarch64.mk - `make test-aarch64`: the library with its notebook and GEMM tests, cross-built for 64-bit
# ARM (Debian's g++-aarch64-linux-gnu) and run under qemu-user (tools/aarch64/test-aarch64.sh; TEST_ARGS passes
# doctest options). Many students use ARM laptops: this runs the NEON kernels and the plain vector paths.
.PHONY: test-aarch64
test-aarch64:
	@tools/aarch64/test-aarch64.sh $(TEST_ARGS)
