# tools/mk/debugger.mk - `make check-debugger`: the gdb pretty-printers (tools/gdb/) checked in a real gdb session.
#
# Builds the debug build (-O0 -g, build/debug) of the programs and of tools/gdb/printer_sample.cpp, then runs
# tools/gdb/check_debugger.sh: gdb in batch mode stops inside dnn::linear_forward of the notebook replay and
# prints Z and the cache through the printers, which must show the notebook's values; and every value of the
# sample program must print in gdb (live and from a core file) exactly as std::cout prints it.
# Without gdb it installs it as root (apt-get), else says what to install and skips.


# The sample program, in whatever configuration is being built (check-debugger asks for DEBUG=1).
$(BUILD)/tools/gdb/printer_sample: $(BUILD)/obj/tools/gdb/printer_sample.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: check-debugger gdb-sample
gdb-sample: $(BUILD)/tools/gdb/printer_sample

check-debugger:
	@MAKE="$(MAKE)" CXX="$(CXX)" DEBUG_BUILD="build$(COMPILERDIR)/debug" tools/gdb/check_debugger.sh
