#!/usr/bin/env bash
# tools/debuggers/check_debugger.sh - `make check-debugger`: the debugger formatters in real gdb and lldb sessions
# on the debug build (-O0 -g): the gdb printers (dnn_printers.py, loaded by dnn.gdb) and the lldb formatters
# (dnn_lldb.py), which share their text (dnn_format.py).
#
#   1. The notebook replay (course/replay_notebook.cpp) stops inside dnn::linear_forward on the notebook's
#      linear_forward_test_case, just after Z and the cache are made; Z and the cache must show the notebook's
#      values. It then stops at the end of L_model_forward and L_model_backward, where the caches, parameters and
#      grads must read as the notebook's (shapes through `dnn-shapes`, values through print / frame variable).
#   2. tools/debuggers/printer_sample prints many values through std::cout (zeros, empty, transposed views,
#      nan/inf, wrapped rows, summarised arrays, dicts, caches); the debugger must print each of them with the
#      same text (gdb: in the running program and again from a core file; lldb: in the running program).
#      Weeks 2 and 3's types (dnn::logistic's results, planar's ForwardResult, basics::Array3D) are among them,
#      through dnn-shapes and through the heading the printer / formatter gives them ("<<<print NAME>>>").
#   3. (gdb) The walk a student makes: plain `step`s through linear_forward stay in the project's files (at most
#      40). lldb walks too (step_walk_lldb.py), but has no file skips like dnn.gdb's: its walk is only reported.
#   4. The product can be watched: in gemm_naive's k loop (linear_forward's W . A) `info locals` / `frame
#      variable` lists i, j, k and sum, and after the loop sum = (W . A)[0, 0] = 3.51232375.
#
# Both debuggers are checked (CHECK_DEBUGGERS="gdb lldb" to choose). A missing one is installed when run as root
# with apt-get (gdb; lldb and python3-lldb), else the script says what to install and skips it (exit 0; under CI,
# CI=true, a skip is a failure). Debian 12's lldb looks for its Python module in the wrong folder: the script
# finds it and sets PYTHONPATH (the README gives the same line for students).
#
# Environment (set by tools/mk/debugger.mk): MAKE, CXX, DEBUG_BUILD (build/debug, or build/<compiler>/debug),
# CHECK_DEBUGGERS.
set -uo pipefail
cd "$(dirname "$0")/../.."

MAKE=${MAKE:-make}
CXX=${CXX:-g++}
DEBUG_BUILD=${DEBUG_BUILD:-build/debug}
CHECK_DEBUGGERS=${CHECK_DEBUGGERS:-gdb lldb}
say() { echo "check-debugger: $*"; }
fail() { say "FAILED: $*"; exit 1; }
# A skip is fine on a student's machine, and a failure under CI (CI=true), where nothing may be skipped.
skipped=0
skip() {
    say "SKIPPED: $*"
    if [ "${CI:-}" = true ]; then say "FAILED: under CI nothing may be skipped"; exit 1; fi
    skipped=$((skipped + 1))
}
wanted() { [[ " $CHECK_DEBUGGERS " == *" $1 "* ]]; }
apt_install() {  # apt_install PACKAGE...: as root with apt-get, else fails
    [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
    say "installing $* (apt-get install)"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } >/dev/null
}

# ---- which debuggers ------------------------------------------------------------------------------------
use_gdb=0
if wanted gdb; then
    if ! command -v gdb >/dev/null 2>&1 && ! apt_install gdb; then
        skip "gdb is not installed. Install it (Debian/Ubuntu: sudo apt-get install gdb;" \
            "Fedora: sudo dnf install gdb; macOS: brew install gdb) and run make check-debugger again."
    elif [ "$(gdb -batch -nx -ex 'python print("py" + "ok")' 2>/dev/null)" != "pyok" ]; then
        skip "this gdb has no Python support, which the printers need. Install a gdb built with Python" \
            "(Debian/Ubuntu: sudo apt-get install gdb)."
    else
        use_gdb=1
        say "$(gdb --version | head -n 1)"
    fi
fi
lldb_python() { [ "$(lldb -b -o 'script print("py" + "ok")' 2>/dev/null | tail -n 1)" = "pyok" ]; }
use_lldb=0
if wanted lldb; then
    if ! command -v lldb >/dev/null 2>&1 && ! apt_install lldb python3-lldb; then
        skip "lldb is not installed. Install it (Debian/Ubuntu: sudo apt-get install lldb python3-lldb;" \
            "macOS: xcode-select --install) and run make check-debugger again."
    else
        if ! lldb_python; then
            # Debian 12: lldb -P names a folder without the module; it is in /usr/lib/llvm-N/lib/python3.X/.
            module=$(ls -d /usr/lib/llvm-*/lib/python3*/dist-packages/lldb/embedded_interpreter.py 2>/dev/null | head -n 1)
            if [ -n "$module" ]; then
                export PYTHONPATH=$(dirname "$(dirname "$module")")${PYTHONPATH:+:$PYTHONPATH}
                say "lldb does not find its Python module by itself: PYTHONPATH=$PYTHONPATH"
            fi
        fi
        if lldb_python; then
            use_lldb=1
            say "$(lldb --version | head -n 1)"
        else
            skip "this lldb cannot run Python, which the formatters need (Debian/Ubuntu: sudo apt-get install" \
                "python3-lldb)."
        fi
    fi
fi
if [ "$use_gdb$use_lldb" = 00 ]; then
    say "no debugger to check"
    exit 0
fi

# ---- the debug build -------------------------------------------------------------------------------------
# $MAKE may carry the parent make's jobserver (make -j2 check-debugger); no -j of its own here.
$MAKE --no-print-directory DEBUG=1 CXX="$CXX" programs debugger-sample ||
    fail "the debug build (make DEBUG=1 programs debugger-sample) failed"
replay=$DEBUG_BUILD/bin/replay_notebook
sample=$DEBUG_BUILD/tools/debuggers/printer_sample
[ -x "$replay" ] || fail "$replay was not built"
[ -x "$sample" ] || fail "$sample was not built"

work=$DEBUG_BUILD/check-debugger
rm -rf "$work"
mkdir -p "$work"

# Line numbers are found in the sources now, so editing them never breaks the check.
# $1 file, $2 regex of the function's first line, $3 fixed string of the line inside it.
line_in() {
    awk -v fn="$2" -v text="$3" '$0 ~ fn { inside = 1 } inside && index($0, text) { print NR; exit }' "$1"
}
cache_line=$(line_in nn/forward.cpp '^LinearForwardResult linear_forward\(' 'LinearCache cache{')
forward_end=$(line_in nn/forward.cpp '^LModelForwardResult L_model_forward\(' 'return {AL, caches};')
backward_end=$(line_in nn/backward.cpp '^Grads L_model_backward\(' 'return grads;')
[ -n "$cache_line" ] || fail "no line 'LinearCache cache{' in linear_forward (nn/forward.cpp)"
[ -n "$forward_end" ] || fail "no line 'return {AL, caches};' in L_model_forward (nn/forward.cpp)"
[ -n "$backward_end" ] || fail "no line 'return grads;' in L_model_backward (nn/backward.cpp)"
# The small-product loop: its k loop is one line, `for (...) sum += ...;`.
sum_line=$(line_in matrix/gemm/naive.cpp '^void gemm_naive\(' 'sum += ')
[ -n "$sum_line" ] || fail "no line 'sum += ' in gemm_naive (matrix/gemm/naive.cpp)"
z_line=$(line_in nn/forward.cpp '^LinearForwardResult linear_forward\(' 'Matrix Z = np::dot(W, A) + b;')
[ -n "$z_line" ] || fail "no line 'Matrix Z = np::dot(W, A) + b;' in linear_forward (nn/forward.cpp)"

# The texts every debugger must show at the replay's stops are the notebook's values: Z is its "Expected output";
# A_prev, W and b are linear_forward_test_case's arrays as numpy prints them (np.random.seed(1); A = randn(3, 2);
# W = randn(1, 3); b = randn(1, 1)).
expect_text() {  # $1 what, $2 the exact text that must appear (in $out, the debugger's output)
    local got
    got=$(cat "$out")
    if [[ "$got" != *"$2"* ]]; then
        say "FAILED: $1 is not what the notebook shows."
        echo "expected these lines:"
        echo "$2"
        echo "the debugger printed (all of it is in $out):"
        cat "$out"
        exit 1
    fi
}
blocks() { awk '/^<<<.*>>>$/ && !/^<<<end>>>$/ { on = 1 } on { print } /^<<<end>>>$/ { on = 0 }' "$1"; }
"$sample" > "$work/sample.expected" || fail "$sample failed"
names=$(sed -n 's/^<<<\(.*\)>>>$/\1/p' "$work/sample.expected" | grep -vx end)
[ "$(echo "$names" | wc -l)" -ge 15 ] || fail "$sample printed too few values"
blocks "$work/sample.expected" > "$work/expected.txt"

# ==== gdb =====================================================================================================
check_gdb() {
common="set pagination off
set confirm off
set width 0
source tools/debuggers/dnn.gdb"

# ---- 1. the notebook replay --------------------------------------------------------------------------------
cat > "$work/replay.gdb" <<EOF
$common
break nn/forward.cpp:$cache_line
break nn/forward.cpp:$forward_end
break nn/backward.cpp:$backward_end
run > /dev/null
next
echo <<<shown>>>\n
frame
print Z
print cache
echo <<<end shown>>>\n
delete 1
continue
dnn-shapes caches
dnn-shapes parameters
print caches
print parameters
continue
dnn-shapes grads
print grads
kill
EOF
gdb -batch -nx -x "$work/replay.gdb" "$replay" > "$work/replay.out" 2>&1
out=$work/replay.out
say "gdb on $replay: break nn/forward.cpp:$cache_line, run, next, frame, print Z, print cache:"
sed -n '/^<<<shown>>>$/,/^<<<end shown>>>$/p' "$work/replay.out" | sed '1d;$d;s/^/    /'

expect_text "the stop inside linear_forward" "#0  dnn::linear_forward (A=..., W=..., b=...) at nn/forward.cpp:"
expect_text "print Z" '$1 = Matrix (1, 2) [[ 3.26295337 -1.23429987]]'
expect_text "print cache" '$2 = LinearCache (A_prev (3, 2), W (1, 3), b (1, 1)) = {A_prev = Matrix (3, 2)
[[ 1.62434536 -0.61175641]
 [-0.52817175 -1.07296862]
 [ 0.86540763 -2.3015387 ]], W = Matrix (1, 3) [[ 1.74481176 -0.7612069   0.3190391 ]], b = Matrix (1, 1) [[-0.24937038]]}'
expect_text "dnn-shapes caches (L_model_forward, 2 hidden layers)" \
'caches[0] (layer 1): linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)
caches[1] (layer 2): linear_cache = (A_prev (4, 4), W (3, 4), b (3, 1)), activation_cache = Z (3, 4)
caches[2] (layer 3): linear_cache = (A_prev (3, 4), W (1, 3), b (1, 1)), activation_cache = Z (1, 4)'
expect_text "dnn-shapes parameters" 'W1: (4, 5)
b1: (4, 1)
W2: (3, 4)
b2: (3, 1)
W3: (1, 3)
b3: (1, 1)'
expect_text "print caches" '$3 = Caches with 3 entries = {LayerCache: linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4) = {linear_cache = LinearCache (A_prev (5, 4), W (4, 5), b (4, 1)) = {A_prev = Matrix (5, 4)
[[-0.31178367  0.72900392  0.21782079 -0.8990918 ]'
expect_text "print parameters" '$4 = ArrayDict with 6 entries = {W1 = Matrix (4, 5)
[[ 0.35480861  1.81259031 -1.3564758  -0.46363197  0.82465384]'
expect_text "dnn-shapes grads (L_model_backward)" 'dA0: (4, 2)
dA1: (3, 2)
dW1: (3, 4)
db1: (3, 1)
dW2: (1, 3)
db2: (1, 1)'
expect_text "print grads" '$5 = ArrayDict with 6 entries = {dA0 = Matrix (4, 2)
[[ 0.          0.52257901]
 [ 0.         -0.3269206 ]
 [ 0.         -0.32070404]
 [ 0.         -0.74079187]], dA1 = Matrix (3, 2)'
say "replay: Z, the cache, caches, parameters and grads print as the notebook shows them"

# ---- 2. the sample: every value as std::cout prints it, live and from a core file ----------------------------
while IFS= read -r name; do
    echo "echo <<<$name>>>\\n"
    # A Matrix is printed with `output`; dicts and caches give their names and shapes through dnn-shapes;
    # "print NAME" is the heading the printer gives NAME (weeks 2 and 3), without its members.
    first=$(awk -v marker="<<<$name>>>" '$0 == marker { getline; print; exit }' "$work/sample.expected")
    if [[ "$name" == "print "* ]]; then
        echo "python print(gdb.default_visualizer(gdb.parse_and_eval('${name#print }')).to_string())"
        echo "echo <<<end>>>\\n"
    elif [[ "$first" == "Matrix "* ]]; then
        echo "output $name"
        echo "echo \\n<<<end>>>\\n"
    else
        echo "dnn-shapes $name"
        echo "echo <<<end>>>\\n"
    fi
done <<< "$names" > "$work/values.gdb"
cat > "$work/sample.gdb" <<EOF
$common
break stop_here
run > /dev/null
up
source $work/values.gdb
generate-core-file $work/sample.core
kill
EOF
cat > "$work/core.gdb" <<EOF
$common
up
source $work/values.gdb
EOF
gdb -batch -nx -x "$work/sample.gdb" "$sample" > "$work/sample.out" 2>&1
blocks "$work/sample.out" > "$work/live.txt"
diff -u "$work/expected.txt" "$work/live.txt" > "$work/live.diff" ||
    { cat "$work/live.diff"; fail "gdb printed the sample's values differently from std::cout (above; gdb's own output in $work/sample.out)"; }
[ -s "$work/sample.core" ] || fail "gdb could not write a core file of the sample ($work/sample.out)"
gdb -batch -nx -x "$work/core.gdb" "$sample" "$work/sample.core" > "$work/core.out" 2>&1
blocks "$work/core.out" > "$work/core.txt"
diff -u "$work/expected.txt" "$work/core.txt" > "$work/core.diff" ||
    { cat "$work/core.diff"; fail "from the core file, gdb printed the sample's values differently (above; $work/core.out)"; }
rm -f "$work/sample.core"
say "sample: $(echo "$names" | wc -l) values print in gdb exactly as std::cout prints them, live and from a core file"

# ---- 3. the walk a student makes: plain `step` through linear_forward ----------------------------------------
# With tools/debuggers/dnn.gdb (the one line the README gives), `step` from `Matrix Z = np::dot(W, A) + b;` to the end
# of linear_forward must pass only the project's own functions (no standard library, no file outside the
# repository), in at most 40 steps.
gdb -batch -nx -x tools/debuggers/dnn.gdb -ex "py WALK = ('nn/forward.cpp', $z_line)" -x tools/debuggers/step_walk.py "$replay" \
    > "$work/walk.out" 2>&1
steps=$(sed -n 's/^steps: \([0-9]*\)$/\1/p' "$work/walk.out")
[ -n "$steps" ] || { cat "$work/walk.out"; fail "the step walk did not finish (gdb's output above)"; }
outside=$(grep '^step ' "$work/walk.out" | awk '{print $NF}' | grep -vE '^(\./)?(matrix|nn|io|app|course)/[^ ]+:[0-9]+$' || true)
[ -z "$outside" ] || { cat "$work/walk.out"; fail "the walk stopped outside the project's files: $outside"; }
grep '^step ' "$work/walk.out" | sed 's/^/    /'
[ "$steps" -le 40 ] || fail "the walk took $steps steps (at most 40)"
say "walk: $steps plain steps from nn/forward.cpp:$z_line to the end of linear_forward, all in the project's files"

# ---- 4. the product itself can be watched: the small-product loop's i, j, k and running sum ----------------
# At the k loop's line of the first product in linear_forward (W . A; the replay's earlier cells multiply
# other arrays, so the loop's breakpoint is set once linear_forward is reached), info locals lists i, j, k and sum; one line
# further, sum holds (W . A)[0, 0] = 3.51232375, the notebook's Z[0, 0] = 3.26295337 before + b (-0.24937038).
cat > "$work/locals.gdb" <<EOF
$common
break nn/forward.cpp:$z_line
run > /dev/null
delete 1
break matrix/gemm/naive.cpp:$sum_line
continue
echo <<<locals>>>\n
info locals
echo <<<end locals>>>\n
next
echo <<<after>>>\n
print sum
echo <<<end after>>>\n
kill
EOF
gdb -batch -nx -x "$work/locals.gdb" "$replay" > "$work/locals.out" 2>&1
locals=$(sed -n '/^<<<locals>>>$/,/^<<<end locals>>>$/p' "$work/locals.out")
for name in k sum j i; do
    echo "$locals" | grep -qE "^$name = [-0-9.e+]+$" ||
        { cat "$work/locals.out"; fail "info locals in gemm_naive does not show $name (above)"; }
done
sed -n '/^<<<after>>>$/,/^<<<end after>>>$/p' "$work/locals.out" | grep -qE '^\$[0-9]+ = 3\.5123237' ||
    { cat "$work/locals.out"; fail "after the k loop, sum is not (W . A)[0, 0] = 3.51232375 (above)"; }
say "gemm_naive (matrix/gemm/naive.cpp:$sum_line): info locals lists i, j, k and sum; after the k loop sum = (W . A)[0, 0]"
}

# ==== lldb ====================================================================================================
check_lldb() {
# ---- 1. the notebook replay, at the same stops --------------------------------------------------------------
cat > "$work/replay.lldb" <<EOF
command script import tools/debuggers/dnn_lldb.py
settings set auto-confirm true
breakpoint set --file nn/forward.cpp --line $cache_line
breakpoint set --file nn/forward.cpp --line $forward_end
breakpoint set --file nn/backward.cpp --line $backward_end
process launch --stdout /dev/null
thread step-over
frame variable Z
frame variable cache
breakpoint delete 1
process continue
dnn-shapes caches
dnn-shapes parameters
frame variable caches
frame variable parameters
process continue
dnn-shapes grads
frame variable grads
process kill
EOF
lldb -b -x -s "$work/replay.lldb" "$replay" > "$work/replay-lldb.out" 2>&1
out=$work/replay-lldb.out
say "lldb on $replay: breakpoint at nn/forward.cpp:$cache_line, thread step-over, frame variable Z, cache:"
sed -n '/^(lldb) frame variable Z$/,/^(lldb) breakpoint delete 1$/p' "$out" | sed '$d;s/^/    /'
expect_text "frame variable Z" '(dnn::Matrix) Z = Matrix (1, 2) [[ 3.26295337 -1.23429987]]'
expect_text "frame variable cache" '(dnn::LinearCache) cache = LinearCache (A_prev (3, 2), W (1, 3), b (1, 1)) {
  A_prev = Matrix (3, 2)
[[ 1.62434536 -0.61175641]
 [-0.52817175 -1.07296862]
 [ 0.86540763 -2.3015387 ]]
  W = Matrix (1, 3) [[ 1.74481176 -0.7612069   0.3190391 ]]
  b = Matrix (1, 1) [[-0.24937038]]
}'
expect_text "dnn-shapes caches (L_model_forward, 2 hidden layers)" \
'caches[0] (layer 1): linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)
caches[1] (layer 2): linear_cache = (A_prev (4, 4), W (3, 4), b (3, 1)), activation_cache = Z (3, 4)
caches[2] (layer 3): linear_cache = (A_prev (3, 4), W (1, 3), b (1, 1)), activation_cache = Z (1, 4)'
expect_text "dnn-shapes parameters" 'W1: (4, 5)
b1: (4, 1)
W2: (3, 4)
b2: (3, 1)
W3: (1, 3)
b3: (1, 1)'
expect_text "frame variable caches" '(dnn::Caches) caches = Caches with 3 entries {
  [0] = LayerCache: linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4) {
    linear_cache = LinearCache (A_prev (5, 4), W (4, 5), b (4, 1)) {
      A_prev = Matrix (5, 4)
[[-0.31178367  0.72900392  0.21782079 -0.8990918 ]'
# (parameters is a const Parameters&: lldb shows a reference's address, then its summary and a colon)
expect_text "frame variable parameters" ' ArrayDict with 6 entries: {
  W1 = Matrix (4, 5)
[[ 0.35480861  1.81259031 -1.3564758  -0.46363197  0.82465384]'
expect_text "dnn-shapes grads (L_model_backward)" 'dA0: (4, 2)
dA1: (3, 2)
dW1: (3, 4)
db1: (3, 1)
dW2: (1, 3)
db2: (1, 1)'
expect_text "frame variable grads" '(dnn::Grads) grads = ArrayDict with 6 entries {
  dA0 = Matrix (4, 2)
[[ 0.          0.52257901]
 [ 0.         -0.3269206 ]
 [ 0.         -0.32070404]
 [ 0.         -0.74079187]]
  dA1 = Matrix (3, 2)'
say "replay (lldb): Z, the cache, caches, parameters and grads print as the notebook shows them"

# ---- 2. the sample: every value as std::cout prints it --------------------------------------------------------
# A Matrix with `frame variable` (its "(type) name = " taken off), dicts and caches with dnn-shapes, a
# "print NAME" with the summary lldb gives NAME (the heading `frame variable` shows before the members).
while IFS= read -r name; do
    echo "script print('<<<$name>>>')"
    first=$(awk -v marker="<<<$name>>>" '$0 == marker { getline; print; exit }' "$work/sample.expected")
    if [[ "$name" == "print "* ]]; then
        echo "script print(lldb.frame.FindVariable('${name#print }').GetSummary())"
    elif [[ "$first" == "Matrix "* ]]; then
        echo "frame variable $name"
    else
        echo "dnn-shapes $name"
    fi
    echo "script print('<<<end>>>')"
done <<< "$names" > "$work/values.lldb"
cat > "$work/sample.lldb" <<EOF
command script import tools/debuggers/dnn_lldb.py
settings set auto-confirm true
breakpoint set --name stop_here
process launch --stdout /dev/null
frame select 1
command source $work/values.lldb
process kill
EOF
lldb -b -x -s "$work/sample.lldb" "$sample" > "$work/sample-lldb.out" 2>&1
grep -v '^(lldb) ' "$work/sample-lldb.out" | sed -E 's/^\((const )?dnn::Matrix\) [^ ]+ = //' > "$work/sample-lldb.values"
blocks "$work/sample-lldb.values" > "$work/lldb.txt"
diff -u "$work/expected.txt" "$work/lldb.txt" > "$work/lldb.diff" ||
    { cat "$work/lldb.diff"; fail "lldb printed the sample's values differently from std::cout (above; lldb's own output in $work/sample-lldb.out)"; }
say "sample (lldb): $(echo "$names" | wc -l) values print in lldb exactly as std::cout prints them"

# ---- 3. the product itself can be watched: frame variable in the small-product loop ---------------------------
# As in gdb: at the k loop's line of linear_forward's W . A, frame variable lists i, j, k and sum; after the
# loop (one thread step-over), sum = (W . A)[0, 0] = 3.51232375.
cat > "$work/locals.lldb" <<EOF
command script import tools/debuggers/dnn_lldb.py
settings set auto-confirm true
breakpoint set --file nn/forward.cpp --line $z_line
process launch --stdout /dev/null
breakpoint delete 1
breakpoint set --file matrix/gemm/naive.cpp --line $sum_line
process continue
script print('<<<locals>>>')
frame variable
script print('<<<end locals>>>')
thread step-over
script print('<<<after>>>')
frame variable sum
script print('<<<end after>>>')
process kill
EOF
lldb -b -x -s "$work/locals.lldb" "$replay" > "$work/locals-lldb.out" 2>&1
locals=$(sed -n '/^<<<locals>>>$/,/^<<<end locals>>>$/p' "$work/locals-lldb.out")
for name in k sum j i; do
    echo "$locals" | grep -qE "^\([^)]*\) $name = [-0-9.e+]+$" ||
        { cat "$work/locals-lldb.out"; fail "frame variable in gemm_naive does not show $name (above)"; }
done
sed -n '/^<<<after>>>$/,/^<<<end after>>>$/p' "$work/locals-lldb.out" | grep -qE '^\(double\) sum = 3\.5123237' ||
    { cat "$work/locals-lldb.out"; fail "after the k loop, sum is not (W . A)[0, 0] = 3.51232375 (above)"; }
say "gemm_naive (lldb, matrix/gemm/naive.cpp:$sum_line): frame variable lists i, j, k and sum; after the k loop sum = (W . A)[0, 0]"

# ---- 4. the walk in lldb: reported, not held to gdb's 40 steps ----------------------------------------------
# lldb's `thread step-in` avoids only ^std:: by name; it has nothing like dnn.gdb's skips of whole files
# (matrix/matrix.hpp, nn/types.hpp) and of the Matrix class's storage handling, so a plain walk also enters
# constructors, destructors and shared_ptr's reference count. The walk must finish; its length and the steps
# outside the project's files are said, not checked.
lldb -b -x -o 'command script import tools/debuggers/dnn_lldb.py' -o 'command script import tools/debuggers/step_walk_lldb.py' \
    -o "dnn-step-walk nn/forward.cpp $z_line" "$replay" > "$work/walk-lldb.out" 2>&1
steps=$(sed -n 's/^steps: \([0-9]*\)$/\1/p' "$work/walk-lldb.out")
[ -n "$steps" ] || { cat "$work/walk-lldb.out"; fail "the lldb step walk did not finish (lldb's output above)"; }
outside=$(grep '^step ' "$work/walk-lldb.out" | awk '{print $NF}' | grep -cvE '^(\./)?(matrix|nn|io|app|course)/[^ ]+:[0-9]+$' || true)
say "walk (lldb): NOT checked like gdb's: $steps plain steps from nn/forward.cpp:$z_line to the end of linear_forward," \
    "$outside of them outside the project's files; lldb has no file skips like dnn.gdb's, so this walk is not held" \
    "to gdb's 40 steps in the project's files (the list: $work/walk-lldb.out)"
}

[ "$use_gdb" = 1 ] && check_gdb
[ "$use_lldb" = 1 ] && check_lldb
if [ "$skipped" != 0 ]; then say "OK, with $skipped debugger(s) skipped (above)"; else say "OK"; fi
