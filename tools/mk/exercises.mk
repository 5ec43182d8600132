# tools/mk/exercises.mk - the coursework exercise mode , included by the Makefile.
#
#   make exercises              writes exercises/: the graded files with every graded region replaced by a
#                               placeholder that compiles and throws "not implemented", with hints (EN/KO).
#                               Never overwrites; FORCE=1 starts over (the old files move to a backup folder).
#   make grade                  builds the library with exercises/'s files and grades them: PASS / FAIL per
#                               function, then Score: k/n (course/grade.cpp)
#   make grade EXERCISES=dir    grades another folder of the same layout (dir/nn/forward.cpp, or dir/forward.cpp);
#                               EXERCISES=nn grades the library's own solutions
#   GRADE_ARGS='--only linear_forward'   options for the grader (--no-fork, --require-all, --timeout S)
#   GRADE_CXXFLAGS=-Werror      extra flags for the student's files only
#
# The graded files are the library sources holding a START CODE HERE marker. The student's files compile at
# their own path (so compiler messages name exercises/nn/forward.cpp:17) into $(BUILD)/grade/<folder>/, and are
# linked with the normal build's objects of every other library source (with their per-file flags).

EXERCISES      ?= exercises
GRADE_CXXFLAGS ?=

GRADE_MARKER := \#\#\# START CODE HERE \#\#\#
GRADED_ORDER := nn/initialization.cpp nn/forward.cpp nn/cost.cpp nn/backward.cpp nn/update.cpp
GRADED_FOUND := $(shell grep -l -F -e '$(GRADE_MARKER)' $(LIB_SRCS) 2>/dev/null)
# Notebook order first, then any other file that gains markers.
GRADED_SRCS  := $(filter $(GRADED_FOUND),$(GRADED_ORDER)) $(filter-out $(GRADED_ORDER),$(GRADED_FOUND))

# ---- make exercises -------------------------------------------------------------------------------------------
EXGEN := $(BIN)/make_exercises   # from course/make_exercises.cpp (the Makefile's program rule)

.PHONY: exercises
exercises: $(EXGEN)
	@$(EXGEN) --out '$(EXERCISES)' $(if $(filter 1,$(FORCE)),--force) $(GRADED_SRCS)

# ---- make grade -----------------------------------------------------------------------------------------------
# build/grade/<the folder's name with every character but letters, digits, - and _ made _>
GRADE_NAME := $(shell printf '%s' '$(EXERCISES)' | sed -e 's|/*$$||' -e 's|[^A-Za-z0-9_-]|_|g')
GRADE_DIR  := $(BUILD)/grade/$(GRADE_NAME)

# The student's copy of a graded file: DIR/nn/forward.cpp, else DIR/forward.cpp.
GRADE_SRCDIR := $(patsubst %/,%,$(EXERCISES))
grade_src = $(or $(wildcard $(GRADE_SRCDIR)/$(1)),$(wildcard $(GRADE_SRCDIR)/$(notdir $(1))))

GRADE_MISSING    := $(strip $(foreach f,$(GRADED_SRCS),$(if $(call grade_src,$(f)),,$(GRADE_SRCDIR)/$(f))))
GRADE_OBJS       := $(GRADED_SRCS:%.cpp=$(GRADE_DIR)/obj/%.o)
GRADE_OTHER_OBJS := $(patsubst %.cpp,$(BUILD)/obj/%.o,$(filter-out $(GRADED_SRCS),$(LIB_SRCS)))
GRADE_LIB        := $(GRADE_DIR)/libdnn.a
GRADE_BIN        := $(GRADE_DIR)/grade

# One rule per graded file. A compile error ends with a hint; the compiler's message already names the
# student's file and line, since the file is compiled where it is.
define GRADE_OBJ_RULE
$(GRADE_DIR)/obj/$(1:.cpp=.o): $(call grade_src,$(1))
	@mkdir -p $$(@D)
	@echo "grade: compiling $$<"
	@$$(CXX) $$(CXXFLAGS_ALL) $$(FLAGS_$(1)) $$(GRADE_CXXFLAGS) -c $$< -o $$@ || { \
	  printf '\n%s\n%s\n\n' \
	    "grade: $$< does not compile. Fix the first error above (it gives your file and line), then run make grade again." \
	    "grade: $$< 파일이 컴파일되지 않습니다. 위의 첫 오류(파일과 줄 번호)를 고친 뒤 make grade를 다시 실행하세요." >&2; \
	  exit 1; }
endef
ifeq ($(GRADE_MISSING),)
$(foreach f,$(GRADED_SRCS),$(eval $(call GRADE_OBJ_RULE,$(f))))
-include $(GRADE_OBJS:.o=.d)
endif

$(GRADE_LIB): $(GRADE_OBJS) $(GRADE_OTHER_OBJS)
	@rm -f $@
	@ar rcs $@ $^

$(GRADE_BIN): $(BUILD)/obj/course/grade.o $(GRADE_LIB)
	@$(CXX) $< $(GRADE_LIB) $(LDFLAGS_ALL) -o $@ || { \
	  printf '\n%s\n%s\n\n' \
	    "grade: linking failed: is every graded function still there, with its name and arguments as in nn/step_by_step.hpp?" \
	    "grade: 링크 실패: 채점 함수가 모두 nn/step_by_step.hpp와 같은 이름과 인자로 남아 있는지 확인하세요." >&2; \
	  exit 1; }

.PHONY: grade
ifeq ($(GRADE_MISSING),)
grade: $(GRADE_BIN)
	@$(GRADE_BIN) --source '$(EXERCISES)' $(GRADE_ARGS)
else
grade:
	@printf '%s\n' \
	  "grade: there is no $(firstword $(GRADE_MISSING)) (nor $(GRADE_SRCDIR)/$(notdir $(firstword $(GRADE_MISSING))))." \
	  "  Run make exercises first (it writes exercises/), or name the folder to grade: make grade EXERCISES=dir" \
	  "grade: $(firstword $(GRADE_MISSING)) 파일이 없습니다." \
	  "  먼저 make exercises를 실행하거나(exercises/를 만듦), 채점할 폴더를 지정하세요: make grade EXERCISES=폴더" >&2
	@exit 1
endif
