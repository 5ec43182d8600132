# tools/mk/exercises.mk - the coursework exercise mode , included by the Makefile.
#
#   make exercises              writes exercises/: the graded files with every graded region replaced by a
#                               placeholder that compiles and throws "not implemented", with hints (EN/KO).
#                               Never overwrites; FORCE=1 starts over (the old files move to a backup folder).
#   make grade                  compiles exercises/'s files and grades each function on its own: PASS / FAIL
#                               per function, notes and hints, each notebook's count, then Score: k/n
#                               (course/grade.cpp, grader.hpp): weeks 2, 3 and 4, 32 functions
#   make grade EXERCISES=dir    grades another folder of the same layout (dir/nn/forward.cpp, or dir/forward.cpp
#                               and dir/planar_classification/forward.cpp);
#                               EXERCISES=nn grades the library's own solutions
#   GRADE_ARGS='--only linear_forward'   options for the grader (--no-fork, --require-all, --timeout S)
#   GRADE_CXXFLAGS=-Werror      extra flags for the student's files only
#
# The graded files are the library sources holding a START CODE HERE marker. The student's files compile at
# their own path (so compiler messages name exercises/nn/forward.cpp:17); their grading copies are built in
# $(BUILD)/grade/<folder>/ and linked with the library, whose graded functions are the notebook's own.

EXERCISES      ?= exercises
GRADE_CXXFLAGS ?=

GRADE_MARKER := \#\#\# START CODE HERE \#\#\#
# The course's order: week 2's two notebooks (W2A1 Python Basics, W2A2 Logistic Regression), week 3's (W3A1
# Planar classification), week 4's (W4A1 Step by Step); each notebook is a folder (nn/ is week 4's).
GRADED_ORDER := $(addprefix nn/python_basics/,sigmoid.cpp sigmoid_gradient.cpp reshaping.cpp normalizing.cpp \
                  softmax.cpp losses.cpp) \
                $(addprefix nn/logistic_regression/,helper_functions.cpp initializing.cpp propagation.cpp \
                  optimization.cpp model.cpp) \
                $(addprefix nn/planar_classification/,structure.cpp initialization.cpp forward.cpp cost.cpp \
                  backward.cpp update.cpp nn_model.cpp predict.cpp) \
                nn/initialization.cpp nn/forward.cpp nn/cost.cpp nn/backward.cpp nn/update.cpp
GRADED_FOUND := $(shell grep -l -F -e '$(GRADE_MARKER)' $(LIB_SRCS) 2>/dev/null)
# The course's order first, then any other file that gains markers.
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

# The student's copy of a graded file: DIR/nn/forward.cpp, else DIR/forward.cpp (DIR/nn/planar_classification/
# forward.cpp, else DIR/planar_classification/forward.cpp: so EXERCISES=nn grades nn/'s own files).
GRADE_SRCDIR := $(patsubst %/,%,$(EXERCISES))
grade_src = $(or $(wildcard $(GRADE_SRCDIR)/$(1)),$(wildcard $(GRADE_SRCDIR)/$(patsubst nn/%,%,$(1))))

GRADE_MISSING := $(strip $(foreach f,$(GRADED_SRCS),$(if $(call grade_src,$(f)),,$(GRADE_SRCDIR)/$(f))))
GRADE_CHECKED := $(GRADED_SRCS:%.cpp=$(GRADE_DIR)/checked/%.ok)
GRADE_OBJS    := $(GRADED_SRCS:%.cpp=$(GRADE_DIR)/obj/%.o)
GRADE_BIN     := $(GRADE_DIR)/grade
GRADE_FAILED  := $(GRADE_DIR)/failed

# Three steps per graded file (course/README.md explains why):
#   1. the student's file compiles as it is (-fsyntax-only), so compiler messages name the student's file and
#      line, once; GRADE_CXXFLAGS (e.g. -Werror) apply here;
#   2. its grading copy (make_exercises --grading-copy, exgen::make_grading_copy): each graded function twice,
#      alone_<name> (calling the library's graded functions) and yours_<name> (calling the student's);
#   3. the copy compiled (its warnings were shown in step 1).
# The grader links the copies with the library itself, whose graded functions are the notebook's.
# A failed step leaves a note in $(GRADE_FAILED)/, which `make grade` reads to end with its own message.
define GRADE_RULES
$(GRADE_DIR)/checked/$(1:.cpp=.ok): $(call grade_src,$(1))
	@mkdir -p $$(@D) $(GRADE_FAILED)
	@echo "grade: compiling $$<"
	@$$(CXX) $$(CXXFLAGS_ALL) $$(FLAGS_$(1)) $$(GRADE_CXXFLAGS) -fsyntax-only -MF $$@.d -MT $$@ $$< \
	  || { printf '%s\n' '$$<' > $(GRADE_FAILED)/compile-$(subst /,_,$(1)); exit 1; }
	@touch $$@
$(GRADE_DIR)/copies/$(1): $(call grade_src,$(1)) $(GRADE_DIR)/checked/$(1:.cpp=.ok) $(EXGEN)
	@mkdir -p $$(@D) $(GRADE_FAILED)
	@$(EXGEN) --grading-copy $$< --as $(1) --out $$@ $(GRADED_SRCS) 2> $(GRADE_FAILED)/copy-$(subst /,_,$(1)) \
	  && rm -f $(GRADE_FAILED)/copy-$(subst /,_,$(1))
$(GRADE_DIR)/obj/$(1:.cpp=.o): $(GRADE_DIR)/copies/$(1)
	@mkdir -p $$(@D) $(GRADE_FAILED)
	@$$(CXX) $$(CXXFLAGS_ALL) $$(FLAGS_$(1)) -w -c $$< -o $$@ \
	  || { printf '%s\n' '$(call grade_src,$(1)): its grading copy does not compile (the errors above give your lines)' \
	         > $(GRADE_FAILED)/copy-$(subst /,_,$(1)); exit 1; }
endef
ifeq ($(GRADE_MISSING),)
$(foreach f,$(GRADED_SRCS),$(eval $(call GRADE_RULES,$(f))))
-include $(GRADE_CHECKED:=.d) $(GRADE_OBJS:.o=.d)
endif

$(GRADE_BIN): $(BUILD)/obj/course/grade.o $(GRADE_OBJS) $(LIB)
	@$(CXX) $(BUILD)/obj/course/grade.o $(GRADE_OBJS) $(LIB) $(LDFLAGS_ALL) -o $@ \
	  || { mkdir -p $(GRADE_FAILED); touch $(GRADE_FAILED)/link; exit 1; }

# What `make grade` says last when the build stops, in English and Korean.
define GRADE_FAILED_SAY
for f in $(GRADE_FAILED)/compile-*; do [ -f "$$f" ] || continue; src=$$(cat "$$f"); printf '\n%s\n%s\n' \
  "grade: $$src does not compile. Fix the first error above (it gives your file and line), then run make grade again." \
  "grade: $$src 파일이 컴파일되지 않습니다. 위의 첫 오류(파일과 줄 번호)를 고친 뒤 make grade를 다시 실행하세요."; done; \
for f in $(GRADE_FAILED)/copy-*; do [ -s "$$f" ] || continue; printf '\n%s\n%s\n' \
  "grade: $$(head -n 1 "$$f" | sed 's/^make_exercises: //') (grading needs every graded function as nn/step_by_step.hpp declares it)" \
  "grade: 채점 함수는 모두 nn/step_by_step.hpp에 선언된 이름과 인자 그대로 있어야 합니다(위의 메시지 참고)."; done; \
if [ -f $(GRADE_FAILED)/link ]; then printf '\n%s\n%s\n' \
  "grade: linking failed: is every graded function still there, with its name and arguments as in nn/step_by_step.hpp?" \
  "grade: 링크 실패: 채점 함수가 모두 nn/step_by_step.hpp와 같은 이름과 인자로 남아 있는지 확인하세요."; fi; \
if ! ls $(GRADE_FAILED)/* >/dev/null 2>&1; then printf '\n%s\n%s\n' \
  "grade: the build stopped (above) before grading." \
  "grade: 채점 전에 빌드가 멈췄습니다(위 메시지 참고)."; fi
endef

.PHONY: grade grade-build
grade-build: $(GRADE_BIN)
ifeq ($(GRADE_MISSING),)
# A build that stops (a compile error in the student's file) ends with the grader's own lines, not make's
# "*** Error": the inner make's error lines are left out and the exit status is 0, as for a graded FAIL;
# GRADE_ARGS=--require-all makes it 1, as it does for any FAIL.
grade:
	@rm -rf $(GRADE_FAILED)
	@$(MAKE) --no-print-directory -k grade-build 2>&1 | grep --line-buffered -v -E '^make(\[[0-9]+\])?: (\*\*\*|Target .* not remade)'; \
	if [ "$${PIPESTATUS[0]}" != 0 ]; then \
	  $(GRADE_FAILED_SAY); \
	  exit $(if $(findstring --require-all,$(GRADE_ARGS)),1,0); \
	fi; \
	$(GRADE_BIN) --source '$(EXERCISES)' $(GRADE_ARGS)
else
grade:
	@printf '%s\n' \
	  "grade: there is no $(firstword $(GRADE_MISSING)) (nor $(GRADE_SRCDIR)/$(notdir $(firstword $(GRADE_MISSING))))." \
	  "  Run make exercises first (it writes exercises/), or name the folder to grade: make grade EXERCISES=dir" \
	  "grade: $(firstword $(GRADE_MISSING)) 파일이 없습니다." \
	  "  먼저 make exercises를 실행하거나(exercises/를 만듦), 채점할 폴더를 지정하세요: make grade EXERCISES=폴더" >&2
	@exit 1
endif
