#!/usr/bin/env bash
# tests/test_exercises.sh - the exercise mode end to end, through make as a student runs it:
#   1. make exercises writes the stubs; a second run does not overwrite them; FORCE=1 says what it replaces
#   2. the stubs compile warning-free (-Werror, with $CXX in the grade build, and clang++ too when present)
#   3. make grade on the stubs: every function "not implemented yet", each notebook 0/n, Score: 0/32
#   4. make grade EXERCISES=nn (the library's own solutions): each notebook n/n, Score: 32/32
#   5. a broken copy (0.01 -> 0.1, sigmoid -> relu, a crash, an endless loop; weeks 2 and 3: propagate's dw
#      with the wrong sign, softmax over the columns, tanh -> sigmoid in forward_propagation) fails exactly
#      those seven functions, each with its own reason and hint, and the others still pass
#   6. mistakes that cancel out: each function is graded on its own, with the notebook's helpers, so
#      the function holding half of a cancelling pair fails, with a note saying so
#   7. a compile error stops the grade build with the student's file:line, and the grader's own lines come last
# The generator's own rules are doctest cases (tests/test_exercises.cpp, "exercises*").
# Usage: tests/test_exercises.sh   (from anywhere; uses make -j2 and build/test_exercises/)
set -euo pipefail
cd "$(dirname "$0")/.."

T=build/test_exercises
MAKE=(make --no-print-directory -j2)
failures=0
ok()   { echo "ok    $*"; }
bad()  { echo "FAIL  $*"; failures=$((failures + 1)); }
# expect LOG PATTERN DESCRIPTION: the log has a line matching the (grep -E) pattern
expect() { if grep -qE -- "$2" "$1"; then ok "$3"; else bad "$3 (no line matching: $2; see $1)"; fi; }
count() { grep -cE -- "$2" "$1" || true; }

rm -rf "$T"
mkdir -p "$T"
start=$(date +%s)

# ---- 1. make exercises ---------------------------------------------------------------------------------------
"${MAKE[@]}" exercises EXERCISES="$T/stubs" > "$T/exercises.log" 2>&1 || { cat "$T/exercises.log"; bad "make exercises"; }
expect "$T/exercises.log" '^32 graded functions, 46 regions to fill in' "make exercises: 32 graded functions"
for f in initialization forward cost backward update python_basics/sigmoid logistic_regression/propagation \
         planar_classification/nn_model; do
    [ -f "$T/stubs/nn/$f.cpp" ] && ok "wrote $T/stubs/nn/$f.cpp" || bad "no $T/stubs/nn/$f.cpp"
done
[ -f "$T/stubs/README.md" ] && grep -q '진행 방법' "$T/stubs/README.md" && grep -q 'Workflow' "$T/stubs/README.md" \
    && ok "README.md in English and Korean" || bad "README.md missing or not bilingual"
# every graded function throws its own "not implemented" with the copy's path
for fn in initialize_parameters initialize_parameters_deep linear_forward linear_activation_forward L_model_forward \
          compute_cost linear_backward linear_activation_backward L_model_backward update_parameters \
          basic_sigmoid sigmoid_derivative image2vector normalize_rows softmax L1 L2 initialize_with_zeros propagate \
          optimize predict model layer_sizes forward_propagation backward_propagation nn_model; do
    grep -rqF "throw std::logic_error(\"$fn: not implemented yet ($T/stubs/nn/" "$T/stubs/nn" \
        && ok "stub of $fn throws" || bad "no throw for $fn"
done
# the solution lines are gone (a few characteristic ones)
for line in 'np::dot(W, A) + b' 'np::sum(dZ, 1, /*keepdims=*/true)' 'relu_backward(dA, activation_cache)' \
            '- learning_rate * grads'; do
    if grep -rF -- "$line" "$T/stubs/nn" | grep -vE '^[^:]*: *//' >/dev/null; then bad "solution line left: $line"
    else ok "solution line gone: $line"; fi
done

echo "my work" >> "$T/stubs/nn/cost.cpp"
"${MAKE[@]}" exercises EXERCISES="$T/stubs" > "$T/again.log" 2>&1
expect "$T/again.log" 'exists already, with your work in it: not overwritten' "a second make exercises refuses"
tail -n 1 "$T/stubs/nn/cost.cpp" | grep -q '^my work$' && ok "the student's file is untouched" \
    || bad "make exercises overwrote the student's file"
"${MAKE[@]}" exercises EXERCISES="$T/stubs" FORCE=1 > "$T/force.log" 2>&1
expect "$T/force.log" "^FORCE=1: replacing $T/stubs/nn/cost.cpp \(your old version is now $T/stubs/backup-" \
    "FORCE=1 says what it replaces"
if tail -n 1 "$T"/stubs/backup-*/nn/cost.cpp | grep -q '^my work$' && ! grep -q '^my work$' "$T/stubs/nn/cost.cpp"; then
    ok "FORCE=1 kept the old file in the backup and wrote a fresh one"
else
    bad "FORCE=1 backup"
fi
rm -rf "$T"/stubs/backup-*

# ---- 2 + 3. the stubs compile warning-free, and grade 0/32 ----------------------------------------------------
"${MAKE[@]}" grade EXERCISES="$T/stubs" GRADE_CXXFLAGS=-Werror > "$T/grade-stubs.log" 2>&1 \
    || { cat "$T/grade-stubs.log"; bad "make grade on the stubs (-Werror)"; }
[ "$(count "$T/grade-stubs.log" '^FAIL  [A-Za-z_:0-9]+: not implemented yet$')" = 32 ] \
    && ok "stubs: 32 x FAIL ... not implemented yet" || bad "stubs: not 32 'not implemented' lines"
for n in 'Python Basics with Numpy \(W2A1\): 0/8' 'Logistic Regression with a Neural Network mindset \(W2A2\): 0/6' \
         'Planar data classification with one hidden layer \(W3A1\): 0/8' \
         'Building your Deep Neural Network: Step by Step \(W4A1\): 0/10'; do
    expect "$T/grade-stubs.log" "^$n\$" "stubs: $n"
done
expect "$T/grade-stubs.log" '^Score: 0/32$' "stubs: Score: 0/32"
if command -v clang++ >/dev/null 2>&1 && [ "${CXX:-g++}" != clang++ ]; then
    cl=0
    for f in "$T"/stubs/nn/*.cpp "$T"/stubs/nn/*/*.cpp; do
        clang++ -std=c++20 -Wall -Wextra -Werror -ffp-contract=off -pthread -I. -fsyntax-only "$f" \
            > "$T/clang.log" 2>&1 || { cat "$T/clang.log"; cl=1; }
    done
    [ "$cl" = 0 ] && ok "stubs compile warning-free with clang++ too" || bad "clang++ on the stubs"
fi

# ---- 4. the library's own solutions ---------------------------------------------------------------------------
"${MAKE[@]}" grade EXERCISES=nn > "$T/grade-nn.log" 2>&1 || { cat "$T/grade-nn.log"; bad "make grade EXERCISES=nn"; }
[ "$(count "$T/grade-nn.log" '^PASS  [A-Za-z_:0-9]+$')" = 32 ] && ok "solutions: 32 x PASS" || bad "solutions: not 32 PASS"
for n in 'Python Basics with Numpy \(W2A1\): 8/8' 'Logistic Regression with a Neural Network mindset \(W2A2\): 6/6' \
         'Planar data classification with one hidden layer \(W3A1\): 8/8' \
         'Building your Deep Neural Network: Step by Step \(W4A1\): 10/10'; do
    expect "$T/grade-nn.log" "^$n\$" "solutions: $n"
done
expect "$T/grade-nn.log" '^Score: 32/32$' "solutions: Score: 32/32"

# ---- 5. a broken copy: exactly the broken functions fail, each with its reason --------------------------------
# copy_solutions DIR: the library's graded files, as a student's folder DIR/nn/...
copy_solutions() {
    for f in $(grep -rl -F '### START CODE HERE ###' nn --include='*.cpp'); do mkdir -p "$1/$(dirname "$f")"; cp "$f" "$1/$f"; done
}
B="$T/broken"
copy_solutions "$B"
# mutate LABEL FILE SED-SCRIPT: the edit must change the file, else this test would check nothing
mutate() {
    cp "$2" "$2.orig"
    sed -i "$3" "$2"
    if cmp -s "$2" "$2.orig"; then bad "mutation '$1' did not apply (nn/ changed?)"; else ok "mutation: $1"; fi
    rm -f "$2.orig"
}
mutate "0.01 -> 0.1 in initialize_parameters" "$B/nn/initialization.cpp" 's/randn(n_h, n_x) \* 0\.01/randn(n_h, n_x) * 0.1/'
mutate "sigmoid -> relu in linear_activation_forward" "$B/nn/forward.cpp" 's/= sigmoid(Z);/= relu(Z);/'
mutate "a crash in compute_cost" "$B/nn/cost.cpp" \
    '/### START CODE HERE ###/a\    { volatile int* crash = nullptr; *crash = 1; }'
mutate "an endless loop in update_parameters" "$B/nn/update.cpp" \
    '/### START CODE HERE ###/a\    for (volatile bool spin = true; spin;) {}'
mutate "propagate: dw with the wrong sign" "$B/nn/logistic_regression/propagation.cpp" \
    's|Matrix dw = 1.0 / m \* np::dot(X, (A - Y).T());|Matrix dw = 1.0 / m * np::dot(X, (Y - A).T());|'
mutate "softmax: each column summed" "$B/nn/python_basics/softmax.cpp" \
    's|np::sum(x_exp, /\*axis=\*/1, /\*keepdims=\*/true)|np::sum(x_exp, /*axis=*/0, /*keepdims=*/true)|'
mutate "forward_propagation: sigmoid for the hidden layer" "$B/nn/planar_classification/forward.cpp" \
    's|Matrix A1 = np::tanh(Z1);|Matrix A1 = sigmoid(Z1);|'
"${MAKE[@]}" grade EXERCISES="$B" GRADE_ARGS='--timeout 3' > "$T/grade-broken.log" 2>&1 \
    || { cat "$T/grade-broken.log"; bad "make grade on the broken copy"; }
expect "$T/grade-broken.log" '^FAIL  initialize_parameters: W1\(0, 0\) is 0\.1624345[0-9]* but the notebook printed 0\.01624345$' \
    "broken: initialize_parameters fails with the differing value"
expect "$T/grade-broken.log" '^FAIL  linear_activation_forward: A\(0, 0\) is 3\.438961[0-9]* but the notebook printed 0\.96890023 \(activation "sigmoid"\)$' \
    "broken: linear_activation_forward fails with the differing value"
expect "$T/grade-broken.log" '^FAIL  compute_cost: crashed \(' "broken: the crash is a FAIL of compute_cost only"
expect "$T/grade-broken.log" '^FAIL  update_parameters: still running after 3 s' "broken: the endless loop is stopped"
expect "$T/grade-broken.log" '^FAIL  logistic::propagate: dw\(0, 0\) is -0\.250715[0-9]* but the notebook printed 0\.25071532$' \
    "broken: propagate fails with the differing value"
expect "$T/grade-broken.log" '^      hint: every value has the opposite sign' "  with the sign hint"
expect "$T/grade-broken.log" '^FAIL  basics::softmax: softmax\(x\)\(0, 0\) is ' "broken: softmax fails"
expect "$T/grade-broken.log" '^      hint: each row is divided by a sum or a norm taken over another axis' "  with the axis hint"
expect "$T/grade-broken.log" '^FAIL  planar::forward_propagation: A2\(0, 0\) is ' "broken: forward_propagation fails"
expect "$T/grade-broken.log" '^      hint: these are the values of another activation' "  with the activation hint"
expect "$T/grade-broken.log" '^PASS  logistic::optimize$' "broken: optimize, right on its own (the notebook's propagate), passes"
expect "$T/grade-broken.log" '^      note: with your propagate, which fails above, optimize gives other values' \
    "broken: a note says optimize gives other values with the student's propagate"
expect "$T/grade-broken.log" '^PASS  planar::nn_model$' "broken: nn_model passes with the notebook's forward_propagation"
expect "$T/grade-broken.log" '^      note: with your forward_propagation, which fails above, nn_model gives other values' \
    "broken: with a note on the student's forward_propagation"
[ "$(count "$T/grade-broken.log" '^FAIL  ')" = 7 ] && ok "broken: exactly 7 FAIL lines" || bad "broken: not exactly 7 FAIL lines"
[ "$(count "$T/grade-broken.log" '^      hint: ')" = 7 ] && ok "broken: each FAIL has its hint" || bad "broken: not 7 hint lines"
expect "$T/grade-broken.log" '^      힌트: ' "broken: the hints are in Korean too"
expect "$T/grade-broken.log" '^PASS  L_model_forward$' "broken: L_model_forward is graded on its own (with the notebook's helpers)"
expect "$T/grade-broken.log" "^      note: with your linear_activation_forward, which fails above, L_model_forward gives other values" \
    "broken: a note says L_model_forward gives other values with the student's linear_activation_forward"
expect "$T/grade-broken.log" '^Building your Deep Neural Network: Step by Step \(W4A1\): 6/10$' "broken: W4A1 6/10"
expect "$T/grade-broken.log" '^Score: 25/32$' "broken: Score: 25/32"

# ---- 6. mistakes that cancel out ------------------------------------------------------------------------------
C="$T/cancel"
copy_solutions "$C"
# linear_forward without + b, and linear_activation_forward adding b itself (both branches)
mutate "linear_forward without + b" "$C/nn/forward.cpp" 's/Matrix Z = np::dot(W, A) + b;/Matrix Z = np::dot(W, A);/'
mutate "linear_activation_forward adds b" "$C/nn/forward.cpp" \
    's/auto \[Z, linear_cache\] = linear_forward(A_prev, W, b);/auto [Z0, linear_cache] = linear_forward(A_prev, W, b); Matrix Z = Z0 + b;/'
# relu/sigmoid backward swapped in linear_activation_backward, and the activations in L_model_backward
mutate "relu_backward and sigmoid_backward swapped" "$C/nn/backward.cpp" \
    's/= relu_backward(dA, activation_cache);/= RELU_B(dA, activation_cache);/; s/= sigmoid_backward(dA, activation_cache);/= relu_backward(dA, activation_cache);/; s/= RELU_B(/= sigmoid_backward(/'
mutate "the activations swapped in L_model_backward" "$C/nn/backward.cpp" \
    's/(dAL, current_cache, "sigmoid")/(dAL, current_cache, "RELU")/; s/current_cache, "relu");/current_cache, "sigmoid");/; s/"RELU")/"relu")/'
# week 3: sigmoid for the hidden layer forward, and its derivative backward (each judged alone)
mutate "forward_propagation: sigmoid hidden layer" "$C/nn/planar_classification/forward.cpp" \
    's|Matrix A1 = np::tanh(Z1);|Matrix A1 = sigmoid(Z1);|'
mutate "backward_propagation: sigmoid's derivative" "$C/nn/planar_classification/backward.cpp" \
    's|\* (1 - np::power(A1, 2));|* (A1 * (1 - A1));|'
# week 2: propagate's gradients from Y - A, and optimize adding them
mutate "propagate: Y - A" "$C/nn/logistic_regression/propagation.cpp" \
    's|np::dot(X, (A - Y).T());|np::dot(X, (Y - A).T());|; s|np::sum(A - Y);|np::sum(Y - A);|'
mutate "optimize: + learning_rate * grads" "$C/nn/logistic_regression/optimization.cpp" \
    's|w = w - learning_rate \* dw;|w = w + learning_rate * dw;|; s|b = b - learning_rate \* db;|b = b + learning_rate * db;|'
"${MAKE[@]}" grade EXERCISES="$C" > "$T/grade-cancel.log" 2>&1 || { cat "$T/grade-cancel.log"; bad "make grade on the cancelling pairs"; }
expect "$T/grade-cancel.log" '^FAIL  linear_forward: ' "cancel: linear_forward fails"
expect "$T/grade-cancel.log" '^FAIL  linear_activation_forward: ' "cancel: linear_activation_forward (b added again) fails on its own"
expect "$T/grade-cancel.log" "^      note: with your linear_forward, which fails too, linear_activation_forward's values come out right: the two mistakes cancel out" \
    "cancel: the note says the two mistakes cancel out"
expect "$T/grade-cancel.log" '^PASS  L_model_forward$' "cancel: L_model_forward, right on its own, passes"
expect "$T/grade-cancel.log" '^FAIL  linear_activation_backward: ' "cancel: linear_activation_backward fails"
expect "$T/grade-cancel.log" '^FAIL  L_model_backward: dW1\(0, 0\) is 0\.00609662661018407 but the notebook printed 0\.41010002$' \
    "cancel: L_model_backward (activations swapped) fails on its own"
expect "$T/grade-cancel.log" "^      note: with your linear_activation_backward and linear_backward, which fail|^      note: with your linear_activation_backward, which fails too, L_model_backward's values come out right" \
    "cancel: with a note that the mistakes cancel out"
expect "$T/grade-cancel.log" '^FAIL  planar::forward_propagation: ' "cancel: forward_propagation (sigmoid hidden layer) fails"
expect "$T/grade-cancel.log" '^FAIL  planar::backward_propagation: dW1\(0, 0\) is ' \
    "cancel: backward_propagation (sigmoid's derivative, as the student's forward pass) fails on the notebook's cache"
expect "$T/grade-cancel.log" '^      note: with your forward_propagation and backward_propagation, which fail above, nn_model gives other values' \
    "cancel: nn_model passes, with a note on the two helpers"
expect "$T/grade-cancel.log" '^FAIL  logistic::propagate: dw' "cancel: propagate (Y - A) fails"
expect "$T/grade-cancel.log" '^FAIL  logistic::optimize: w\(0, 0\) is ' "cancel: optimize (adding the gradient) fails on its own"
expect "$T/grade-cancel.log" '^      hint: the parameters moved up the gradient' "  with the update-direction hint"
expect "$T/grade-cancel.log" '^Score: 24/32$' "cancel: Score: 24/32"

# ---- 7. a compile error names the student's file and line; the grader's lines come last ----------------------
mutate "a compile error in linear_forward" "$B/nn/forward.cpp" 's/Matrix Z = np::dot(W, A) + b;/Matrix Z = np::dot(W, A) + bias;/'
line=$(grep -n 'np::dot(W, A) + bias' "$B/nn/forward.cpp" | cut -d: -f1)
"${MAKE[@]}" grade EXERCISES="$B" > "$T/grade-compile.log" 2>&1
status=$?
expect "$T/grade-compile.log" "^$B/nn/forward.cpp:$line:[0-9]+: error: .*bias" "the compiler's message names $B/nn/forward.cpp:$line"
expect "$T/grade-compile.log" "^grade: $B/nn/forward.cpp does not compile\. Fix the first error above" "the hint follows it"
if grep -q '^Score:' "$T/grade-compile.log"; then bad "graded anyway after a compile error"; else ok "no grading after it"; fi
if grep -qE '^make(\[[0-9]+\])?: \*\*\*' "$T/grade-compile.log"; then bad "make's own *** line is on screen"; else ok "no make *** line"; fi
[ "$(tail -n 1 "$T/grade-compile.log")" = "grade: $B/nn/forward.cpp 파일이 컴파일되지 않습니다. 위의 첫 오류(파일과 줄 번호)를 고친 뒤 make grade를 다시 실행하세요." ] \
    && ok "the last line is the grader's own (Korean after English)" || { tail -n 3 "$T/grade-compile.log"; bad "the last line is not the grader's"; }
[ "$status" = 0 ] && ok "exit status 0, as for a FAIL" || bad "exit status $status (0 expected without --require-all)"
if "${MAKE[@]}" grade EXERCISES="$B" GRADE_ARGS=--require-all > "$T/grade-compile-all.log" 2>&1; then
    bad "GRADE_ARGS=--require-all: exit status 0 on a compile error"
else
    ok "GRADE_ARGS=--require-all: a compile error is a non-zero exit status"
fi

# ---- a folder without the files -----------------------------------------------------------------------------
if "${MAKE[@]}" grade EXERCISES="$T/nothing-here" > "$T/grade-missing.log" 2>&1; then bad "grade of a missing folder succeeded"; fi
expect "$T/grade-missing.log" "^grade: there is no $T/nothing-here/nn/python_basics/sigmoid.cpp" "a missing folder: a clear message"
expect "$T/grade-missing.log" 'Run make exercises first' "  with what to do"

echo "test_exercises.sh: $failures failed, $(($(date +%s) - start)) s"
[ "$failures" = 0 ]
