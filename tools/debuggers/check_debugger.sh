#!/usr/bin/env bash
# tools/gdb/check_debugger.sh - `make check-debugger`: the gdb printers (tools/gdb/dnn_printers.py) in real
# gdb sessions on the debug build (-O0 -g).
#
#   1. The notebook replay (course/replay_notebook.cpp) stops inside dnn::linear_forward on the notebook's
#      linear_forward_test_case, just after Z and the cache are made; `print Z` and `print cache` must show
#      the notebook's values. It then stops at the end of L_model_forward and L_model_backward, where the caches,
#      parameters and grads must read as the notebook's (shapes through `dnn-shapes`, values through `print`).
#   2. tools/gdb/printer_sample prints many values through std::cout (zeros, empty, transposed views, nan/inf,
#      wrapped rows, summarised arrays, dicts, caches); gdb must print each of them with the same text, in the
#      running program and again from a core file of it (nothing is called in the program).
#
# Environment (set by tools/mk/debugger.mk): MAKE, CXX, DEBUG_BUILD (build/debug, or build/<compiler>/debug).
# Without gdb: installs it when run as root with apt-get, else prints what to install and skips (exit 0; under
# CI, CI=true, a skip is a failure).
set -uo pipefail
cd "$(dirname "$0")/../.."

MAKE=${MAKE:-make}
CXX=${CXX:-g++}
DEBUG_BUILD=${DEBUG_BUILD:-build/debug}
say() { echo "check-debugger: $*"; }
fail() { say "FAILED: $*"; exit 1; }
# A skip is fine on a student's machine, and a failure under CI (CI=true), where nothing may be skipped.
skip() {
    say "SKIPPED: $*"
    if [ "${CI:-}" = true ]; then say "FAILED: under CI nothing may be skipped"; exit 1; fi
    exit 0
}

# ---- gdb with Python -------------------------------------------------------------------------------------
if ! command -v gdb >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "gdb not found: installing it (apt-get install gdb)"
        { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gdb; } \
            >/dev/null || fail "could not install gdb with apt-get"
    else
        skip "gdb is not installed. Install it (Debian/Ubuntu: sudo apt-get install gdb;" \
            "Fedora: sudo dnf install gdb; macOS: brew install gdb) and run make check-debugger again."
    fi
fi
if [ "$(gdb -batch -nx -ex 'python print("py" + "ok")' 2>/dev/null)" != "pyok" ]; then
    skip "this gdb has no Python support, which the printers need. Install a gdb built with Python" \
        "(Debian/Ubuntu: sudo apt-get install gdb)."
fi
say "$(gdb --version | head -n 1)"

# ---- the debug build -------------------------------------------------------------------------------------
# $MAKE may carry the parent make's jobserver (make -j2 check-debugger); no -j of its own here.
$MAKE --no-print-directory DEBUG=1 CXX="$CXX" programs gdb-sample || fail "the debug build (make DEBUG=1 programs gdb-sample) failed"
replay=$DEBUG_BUILD/bin/replay_notebook
sample=$DEBUG_BUILD/tools/gdb/printer_sample
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

common="set pagination off
set confirm off
set width 0
source tools/gdb/dnn.gdb"

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
say "gdb on $replay: break nn/forward.cpp:$cache_line, run, next, frame, print Z, print cache:"
sed -n '/^<<<shown>>>$/,/^<<<end shown>>>$/p' "$work/replay.out" | sed '1d;$d;s/^/    /'

# The notebook's values: Z is its "Expected output"; A_prev, W and b are linear_forward_test_case's arrays as
# numpy prints them (np.random.seed(1); A = randn(3, 2); W = randn(1, 3); b = randn(1, 1)).
expect_text() {  # $1 what, $2 the exact text that must appear as whole lines
    local got
    got=$(cat "$work/replay.out")
    if [[ "$got" != *"$2"* ]]; then
        say "FAILED: $1 is not what the notebook shows."
        echo "expected these lines:"
        echo "$2"
        echo "gdb printed (all of it is in $work/replay.out):"
        cat "$work/replay.out"
        exit 1
    fi
}
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
expect_text "print caches" '$3 = std::vector of length 3, capacity 4 = {LayerCache: linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4) = {linear_cache = LinearCache (A_prev (5, 4), W (4, 5), b (4, 1)) = {A_prev = Matrix (5, 4)
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
"$sample" > "$work/sample.expected" || fail "$sample failed"
names=$(sed -n 's/^<<<\(.*\)>>>$/\1/p' "$work/sample.expected" | grep -vx end)
[ "$(echo "$names" | wc -l)" -ge 15 ] || fail "$sample printed too few values"
while IFS= read -r name; do
    echo "echo <<<$name>>>\\n"
    # A Matrix is printed with `output`; dicts and caches give their names and shapes through dnn-shapes.
    first=$(awk -v marker="<<<$name>>>" '$0 == marker { getline; print; exit }' "$work/sample.expected")
    if [[ "$first" == "Matrix "* ]]; then
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
blocks() { awk '/^<<<.*>>>$/ && !/^<<<end>>>$/ { on = 1 } on { print } /^<<<end>>>$/ { on = 0 }' "$1"; }
blocks "$work/sample.expected" > "$work/expected.txt"
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
# With tools/gdb/dnn.gdb (the one line the README gives), `step` from `Matrix Z = np::dot(W, A) + b;` to the end
# of linear_forward must pass only the project's own functions (no standard library, no file outside the
# repository), in at most 40 steps.
z_line=$(line_in nn/forward.cpp '^LinearForwardResult linear_forward\(' 'Matrix Z = np::dot(W, A) + b;')
[ -n "$z_line" ] || fail "no line 'Matrix Z = np::dot(W, A) + b;' in linear_forward (nn/forward.cpp)"
gdb -batch -nx -x tools/gdb/dnn.gdb -ex "py WALK = ('nn/forward.cpp', $z_line)" -x tools/gdb/step_walk.py "$replay" \
    > "$work/walk.out" 2>&1
steps=$(sed -n 's/^steps: \([0-9]*\)$/\1/p' "$work/walk.out")
[ -n "$steps" ] || { cat "$work/walk.out"; fail "the step walk did not finish (gdb's output above)"; }
outside=$(grep '^step ' "$work/walk.out" | awk '{print $NF}' | grep -vE '^(\./)?(matrix|nn|io|app|course)/[^ ]+:[0-9]+$' || true)
[ -z "$outside" ] || { cat "$work/walk.out"; fail "the walk stopped outside the project's files: $outside"; }
grep '^step ' "$work/walk.out" | sed 's/^/    /'
[ "$steps" -le 40 ] || fail "the walk took $steps steps (at most 40)"
say "walk: $steps plain steps from nn/forward.cpp:$z_line to the end of linear_forward, all in the project's files"
say "OK"
