# tools/mk/debugger.mk - `make check-debugger`: the debuggers' formatters (tools/debuggers/) checked in real gdb and
# lldb sessions.
#
# Builds the debug build (-O0 -g, build/debug) of the programs and of tools/debuggers/printer_sample.cpp, then runs
# tools/debuggers/check_debugger.sh: gdb and lldb in batch mode stop inside dnn::linear_forward of the notebook
# replay and print Z and the cache through the formatters, which must show the notebook's values; and every value
# of the sample program must print in the debugger exactly as std::cout prints it. A debugger that is missing is
# installed as root (apt-get), else the script says what to install and skips it.
#   CHECK_DEBUGGERS=lldb   only one of them (default: gdb lldb)

CHECK_DEBUGGERS ?= gdb lldb

# The sample program, in whatever configuration is being built (check-debugger asks for DEBUG=1).
$(BUILD)/tools/debuggers/printer_sample: $(BUILD)/obj/tools/debuggers/printer_sample.o $(LIB)
	@mkdir -p $(@D)
	$(CXX) $< $(LIB) $(LDFLAGS_ALL) -o $@

.PHONY: check-debugger debugger-sample
debugger-sample: $(BUILD)/tools/debuggers/printer_sample

check-debugger:
	@MAKE="$(MAKE)" CXX="$(CXX)" DEBUG_BUILD="build$(COMPILERDIR)/debug" CHECK_DEBUGGERS="$(CHECK_DEBUGGERS)" \
	  tools/debuggers/check_debugger.sh
