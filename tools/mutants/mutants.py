#!/usr/bin/env python3
"""make mutants: is the test suite strong enough to catch a small bug in each module?

Each mutant below is one small, plausible mistake in one module of the library: a sign, an index, a dropped
term. The script copies the repository's tracked files (and the current build, so only what a mutant touches is
rebuilt) to build/mutants/tree, then for each mutant: puts the mistake in, rebuilds, runs the tests that guard
that module, and takes the mistake out again. A mutant is "caught" when those tests fail (or, for the replay
mutant, when `make replay` says DIFFERENT and exits non-zero); one that passes has "SURVIVED": the suite cannot
see that bug, and the run fails. A mutant whose text is no longer in its file is "STALE", one that does not build is "BROKEN"; both fail the run
too: update the mutant with the code it guards.

    tools/mutants/mutants.py                 every mutant
    tools/mutants/mutants.py --only gemm     the mutants whose name contains "gemm"
    tools/mutants/mutants.py --list          the mutants, without running anything

Add a mutant for each bug found from now on: the mistake as it was made, and the tests that now catch it.
Nothing in the working tree is touched: every edit happens in the scratch copy.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRATCH = os.path.join(ROOT, "build", "mutants")
TREE = os.path.join(SCRATCH, "tree")


class Mutant:
    def __init__(self, name, path, old, new, tests=None, replay=False):
        self.name, self.path, self.old, self.new = name, path, old, new
        self.tests = tests      # doctest -tc filter of the test cases that guard this code
        self.replay = replay    # checked by `make replay` instead of the tests


MUTANTS = [
    Mutant("random: the polar method returns the cached normal first", "matrix/random.cpp",
           "    g.gauss = f * x1;  // kept for the next call\n", "    g.gauss = f * x2;  // kept for the next call\n",
           tests="random*,notebook v*"),
    Mutant("printing: one decimal fewer", "matrix/format.hpp",
           "int precision = 8;", "int precision = 7;", tests="print*,inspect*"),
    Mutant("initialize_parameters: b1 starts at 0.3 (make replay must say DIFFERENT)", "nn/initialization.cpp",
           "Matrix b1 = np::zeros(n_h, 1);", "Matrix b1 = np::zeros(n_h, 1) + 0.3;", replay=True),
    Mutant("initialize_parameters_deep: seed 2 instead of 3", "nn/initialization.cpp",
           "np::random::seed(3);", "np::random::seed(2);", tests="notebook v*"),
    Mutant("linear_forward: + b dropped", "nn/forward.cpp",
           "Matrix Z = np::dot(W, A) + b;", "Matrix Z = np::dot(W, A) + 0 * b;", tests="notebook v*"),
    Mutant("relu: max(0, Z) lets negatives through", "nn/activations.cpp",
           "Matrix A = np::maximum(0, Z);", "Matrix A = np::maximum(-1, Z);", tests="notebook v*"),
    Mutant("compute_cost: the sign of the cost", "nn/cost.cpp",
           "double cost = -1.0 / m *", "double cost = 1.0 / m *", tests="notebook v*"),
    Mutant("linear_backward: db summed over the wrong axis", "nn/backward.cpp",
           "np::sum(dZ, 1, /*keepdims=*/true)", "np::sum(dZ, 0, /*keepdims=*/true)", tests="notebook v*,errors*"),
    Mutant("relu_backward: Z == 0 lets the gradient through", "nn/activations.cpp",
           "dZ[Z <= 0] = 0;", "dZ[Z < 0] = 0;", tests="notebook helpers*,property*activation*,gradcheck*"),
    Mutant("L_model_backward: dAL with the wrong sign", "nn/backward.cpp",
           "Matrix dAL = -(np::divide(Y, AL) - np::divide(1 - Y, 1 - AL));",
           "Matrix dAL = (np::divide(Y, AL) - np::divide(1 - Y, 1 - AL));", tests="notebook v*"),
    Mutant("update_parameters: b not updated", "nn/update.cpp",
           '- learning_rate * grads["db" + str(l + 1)];', '- 0 * grads["db" + str(l + 1)];', tests="notebook v*"),
    Mutant("L_layer_model: learning_rate * 0.99", "app/models.cpp",
           "        Grads grads = L_model_backward(AL, Y, caches);\n\n        // Update parameters.\n"
           "        parameters = update_parameters(parameters, grads, learning_rate);",
           "        Grads grads = L_model_backward(AL, Y, caches);\n\n        // Update parameters.\n"
           "        parameters = update_parameters(parameters, grads, learning_rate * 0.99);",
           tests="app: L_layer_model*"),
    Mutant("gemm kernel: the last k step dropped", "matrix/gemm/kernels.cpp",
           "    for (std::size_t k = 0; k < kc; ++k) {\n        // The NR numbers of one row of B",
           "    for (std::size_t k = 0; k + 1 < kc; ++k) {\n        // The NR numbers of one row of B",
           tests="gemm*,property: gemm*"),
    Mutant("gemm packing: the last column of a partial B panel dropped", "matrix/gemm/pack.cpp",
           "                copy_short(src + q, cols, dst);",
           "                copy_short(src + q, cols - (cols > 1), dst);",
           tests="gemm*,property: gemm*"),
    Mutant("inflate: length code 265 is 12 instead of 11", "io/inflate.cpp",
           "{3,  4,  5,  6,  7,  8,  9,  10, 11,  13,", "{3,  4,  5,  6,  7,  8,  9,  10, 12,  13,",
           tests="inflate*,png*,npz*"),
    Mutant("h5 filters: the shuffle filter's inverse skipped", "io/h5/dataset.cpp",
           "            unshuffle(buf, flt.values.empty() ? element : flt.values[0]);\n",
           "            (void)element;\n", tests="h5*"),
    Mutant("h5 chunk index: chunk origins shifted by one chunk", "io/h5/chunks.cpp",
           "const std::uint64_t scaled = (i == 0 || n == 0) ? index : index % n;",
           "const std::uint64_t scaled = (i == 0 || n == 0) ? index : (index + 1) % n;", tests="h5*"),
    # Issue 15: each bug as it was, and the tests that now catch it.
    Mutant("h5 shared messages: a shared fill value read where the pointer is (silently absent)", "io/h5/messages.cpp",
           'Cursor c = message_body(f, oh, *m, "fill value message");',
           'Cursor c = message_cursor(f, oh, *m, "fill value message");', tests="h5*"),
    Mutant("h5 shared messages: a version 1 shared datatype's link name offset taken for its address",
           "io/h5/shared_messages.cpp", "        c.uint(f.offset_size);  // link name offset\n", "", tests="h5*"),
    Mutant("h5 message flags: \"fail if unknown\" looked for in bit 3 (fail only when writing)", "io/h5/object_header.cpp",
           "if (!msg::known_message_type(m.type) && (m.flags & msg::FlagFailIfUnknown)) return &m;",
           "if (!msg::known_message_type(m.type) && (m.flags & msg::FlagFailIfUnknownAndWriting)) return &m;",
           tests="h5*"),
    Mutant("h5 layouts: versions 1 and 2 refused", "io/h5/messages.cpp",
           "if (l.version == 1 || l.version == 2) return decode_layout_v1_v2(c, l, rank);",
           "if (l.version == 0) return decode_layout_v1_v2(c, l, rank);", tests="h5*"),
    Mutant("h5 end-of-file address: data past it read", "io/h5/h5file.cpp",
           "    f.eoa = eof;\n", "    f.eoa = kUndefined;\n", tests="h5*"),
    Mutant("h5 end-of-file address: a paged file cut inside a page read", "io/h5/h5file.cpp",
           "if (strategy == 1 && page != 0 && (f.eoa - f.base) % page != 0)",
           "if (strategy == 1 && page != 0 && (f.eoa - f.base) % page != 0 && false)", tests="h5*"),
    Mutant("h5 read limit: a dataset refused by the file's size, not by its memory", "io/h5/dataset.cpp",
           "if (d.info.memory_bytes > f.read_limit || d.info.memory_bytes == kUndefined)",
           "if (d.info.memory_bytes > f.read_limit || d.info.memory_bytes == kUndefined ||\n"
           "        n * type.size > 1100 * f.size() + (std::uint64_t(4) << 20))", tests="h5*"),
    Mutant("npy: big-endian data read as little-endian", "io/npy.cpp",
           "if (descr[0] == '>') big = true;", "if (descr[0] == '>') big = false;", tests="npy*,npz*,limits*"),
    # Issue 12: the grader, the dicts and caches, the tutorials' code().
    Mutant("grader: a function passes when it matches a reference built on the student's failing helper again "
           "(two mistakes that cancel out pass)", "course/grader.cpp",
           "        if (o.pass) {", "        if (o.pass || with_yours.pass) {", tests="grade*"),
    Mutant("grading copy: yours_ calls the library's helpers (no note on mistakes that cancel out)",
           "course/exercise_gen.hpp", '? rename_tokens(text, all_graded, "yours_", false, ns)',
           '? rename_tokens(text, {d.name}, "yours_", true, ns)', tests="exercises*"),
    Mutant("grader: a transposed shape taken for any wrong shape (the hint about np::dot's order lost)",
           "course/grader.cpp", "    if (got.rows == want.cols && got.cols == want.rows) return Symptom::transposed;\n",
           "", tests="grade*"),
    Mutant("notebook check: the printed shape ignored (a row passes for a column)", "course/notebook_check.cpp",
           "if (first != std::string::npos && expected[first] == '[' && actual.shape() != printed_shape(expected))",
           "if (first != std::string::npos && expected[first] == '[' && false)", tests="notebook check*,grade*"),
    Mutant("ArrayDict: reading a missing key of a non-const dict inserts an empty matrix again", "matrix/array_dict.cpp",
           "Matrix& ArrayDict::get(const std::string& key) {\n    const auto it = find(key);\n"
           "    if (it == end()) throw KeyError(",
           "Matrix& ArrayDict::get(const std::string& key) {\n    const auto it = find(key);\n"
           "    if (it == end()) return std::map<std::string, Matrix>::operator[](key);\n    if (false) throw KeyError(",
           tests="errors*,grade*"),
    Mutant("Caches: caches[l] past the end read unchecked", "nn/types.cpp",
           "LayerCache& Caches::operator[](std::ptrdiff_t l) {\n    if (l < 0 || static_cast<std::size_t>(l) >= size())",
           "LayerCache& Caches::operator[](std::ptrdiff_t l) {\n    if (l < 0)", tests="errors*,grade*"),
    Mutant("np::multiply: a broadcast error names operator* again", "matrix/np.cpp",
           'elementwise(A, Op::multiply, B, "np::multiply")', 'elementwise(A, Op::multiply, B, "operator*")',
           tests="grade*"),
    Mutant("tutorials: code() shows the line after the statement", "tutorials/tutorial.hpp",
           "statement_at(source_lines(file), static_cast<std::size_t>(line) + 1)",
           "statement_at(source_lines(file), static_cast<std::size_t>(line) + 2)", tests="tutorials: code*"),
    # Issue 16: make grade for weeks 2 and 3 (each function alone, names that repeat across the notebooks).
    Mutant("grading copy: a week-2/3 alone_ calls the student's helpers (yours_), so mistakes hide",
           "course/exercise_gen.hpp", ': rename_tokens(text, {d.name}, "alone_", /*only_first=*/true, ns);',
           ': rename_tokens(rename_tokens(text, {d.name}, "alone_", true, ns),\n'
           '                                                             ns == "dnn" ? std::set<std::string>{} : all_graded, '
           '"yours_", false, ns);', tests="exercises*"),
    Mutant("grading copy: another notebook's function of the same name renamed (dnn::sigmoid in dnn::basics)",
           "course/exercise_gen.hpp", "        if (!ours) continue;\n", "        (void)ours;\n", tests="exercises*"),
    Mutant("grader: a week-2/3 helper's error not traced to the helper", "course/grader.cpp",
           "const std::string name = notebook_of(function).qualifier + short_fn;",
           "const std::string name = short_fn;", tests="grade*"),
    Mutant("grader: week 2 predict's hidden check at exactly 0.5 left out (>= 0.5 passes)",
           "course/grader.cpp",
           'expect_matrix("Y_prediction", f.logistic.predict(zeros, 0, X), logistic::predict(zeros, 0, X),',
           'expect_matrix("Y_prediction", f.logistic.predict(zeros, 0.1, X), logistic::predict(zeros, 0.1, X),',
           tests="grade*"),
    Mutant("grader: week 3 backward_propagation's sigmoid derivative not told (the activation hint lost)",
           "course/grader.cpp", "        clues.alternates.push_back({Symptom::activation, sig.at(key)});\n", "",
           tests="grade*"),
    Mutant("notebook check: a printed 0. taken as 0 +- 0.5", "course/notebook_check.cpp",
           "if (numpy_array && !integer) decimals = std::max(decimals, numpy_precision);",
           "(void)numpy_array;", tests="notebook check*"),
    # The image reader: each checked by the comparison with Pillow (and by the unit tests where they reach).
    Mutant("jpeg colour: the red term of the vector YCbCr path loses its rounding half", "io/jpeg_color.cpp",
           "i32x8 red = l + ((kFixR * r + kHalf) >> 16);", "i32x8 red = l + ((kFixR * r) >> 16);",
           tests="jpeg*,image: Pillow's own*"),
    Mutant("jpeg colour: FIX(0.71414) one too small", "io/jpeg_color.cpp",
           "constexpr std::int32_t kFixGr = 46802;", "constexpr std::int32_t kFixGr = 46801;",
           tests="image: Pillow's own*"),
    Mutant("jpeg upsampling: the vector h2v2's odd columns rounded with 8 instead of 7", "io/jpeg_color.cpp",
           "store_pairs((near + left + 8) >> 4, (near + right + 7) >> 4, out + 2 * i);",
           "store_pairs((near + left + 8) >> 4, (near + right + 8) >> 4, out + 2 * i);",
           tests="jpeg*,image: Pillow's own*"),
    Mutant("jpeg IDCT: FIX(0.541196100) one too large", "io/jpeg_idct.cpp",
           "kFix_0_541196100 = 4433,", "kFix_0_541196100 = 4434,", tests="image: Pillow's own*"),
    Mutant("jpeg progressive: AC refinement corrects terms that already have the bit", "io/jpeg_scan.cpp",
           "if (in.bits(1) && (coef & p1) == 0)", "if (in.bits(1) && (coef & p1) != 0)",
           tests="image: Pillow's own*"),
    Mutant("resize: the vectorised horizontal pass forgets the rounding half", "io/resize.cpp",
           "std::int32_t s[3] = {kHalf, kHalf, kHalf};", "std::int32_t s[3] = {0, 0, 0};",
           tests="resize*"),
    # (A tie between left and above is not a bug to plant: with pa <= pc it only happens when they are equal.)
    Mutant("png: Paeth prefers the upper-left pixel on a tie with the one above", "io/png_read.cpp",
           "return pb <= pc ? b : c;", "return pb < pc ? b : c;", tests="png*"),
    # Issue 16, weeks 2 and 3: a plausible slip in each notebook's functions, caught by tests/test_python_basics.cpp,
    # test_logistic_regression.cpp, test_planar_classification.cpp, test_decision_boundary.cpp (or make replay).
    Mutant("week2 basics normalize_rows: the norm of each column (axis 0)", "nn/python_basics/normalizing.cpp",
           "np::linalg::norm(x, /*axis=*/1, /*keepdims=*/true)", "np::linalg::norm(x, /*axis=*/0, /*keepdims=*/true)",
           tests="week2 basics*"),
    Mutant("week2 basics softmax: each column summed instead of each row", "nn/python_basics/softmax.cpp",
           "np::sum(x_exp, /*axis=*/1, /*keepdims=*/true)", "np::sum(x_exp, /*axis=*/0, /*keepdims=*/true)",
           tests="week2 basics*"),
    Mutant("week2 propagate: db without the 1/m", "nn/logistic_regression/propagation.cpp",
           "double db = 1.0 / m * np::sum(A - Y);", "double db = np::sum(A - Y);",
           tests="week2 logistic: propagate*,week2 logistic: optimize*"),
    Mutant("week2 optimize: the cost recorded one iteration late", "nn/logistic_regression/optimization.cpp",
           "if (i % 100 == 0) {", "if (i % 100 == 1) {", tests="week2 logistic: optimize*,week2 logistic: model*"),
    Mutant("week2 predict: 0.6 as the threshold", "nn/logistic_regression/optimization.cpp",
           "if (A(0, i) > 0.5)", "if (A(0, i) > 0.6)", tests="week2 logistic: predict*"),
    Mutant("week2 model: the accuracies printed without print_cost", "nn/logistic_regression/model.cpp",
           "    if (print_cost) {\n        std::cout << \"train accuracy: \"",
           "    if (true) {\n        std::cout << \"train accuracy: \"", tests="week2 logistic: optimize prints*"),
    Mutant("week2 printing: numpy >= 1.14 keeps a sign column", "matrix/format.cpp",
           "pad_left_ = std::max(pad_left_, legacy_ ? 1 + int_len : dot);",
           "pad_left_ = std::max(pad_left_, 1 + int_len);",
           tests="week2 basics*,print*"),
    Mutant("week3 initialize_parameters: the 2021 version seeds 2 too", "nn/planar_classification/initialization.cpp",
           "if (seeding == Seeding::v6c) np::random::seed(2);", "np::random::seed(2);",
           tests="week3 planar: initialize*,week3 planar: nn_model*"),
    Mutant("week3 backward_propagation: tanh' taken as 1 - A1", "nn/planar_classification/backward.cpp",
           "(1 - np::power(A1, 2))", "(1 - A1)", tests="week3 planar: backward*"),
    Mutant("week3 compute_cost: -1/m * sum instead of -sum / m (the 2017 cost's last digit)",
           "nn/planar_classification/cost.cpp", "double cost = -np::sum(logprobs) / m;",
           "double cost = -1.0 / m * np::sum(logprobs);", tests="week3 planar: compute_cost*"),
    Mutant("week3 update_parameters: b2 not updated", "nn/planar_classification/update.cpp",
           "b2 = b2 - learning_rate * db2;", "b2 = b2 - 0 * db2;", tests="week3 planar: update*"),
    Mutant("week3 LogisticRegressionCV: the last of equal scores taken",
           "nn/planar_classification/simple_logistic_regression.cpp",
           "if (scores_[c] > scores_[best]) best = c;", "if (scores_[c] >= scores_[best]) best = c;",
           tests="week3 planar: the logistic-regression*"),
    Mutant("week3 load_planar_dataset: sin(3t) for the radius", "nn/planar_classification/planar_utils.cpp",
           "Matrix r = a * np::sin(4 * t)", "Matrix r = a * np::sin(3 * t)", tests="week3 planar: load*"),
    Mutant("week3 decision_grid: half a unit of padding instead of 1", "nn/planar_classification/planar_utils.cpp",
           "    x_min = x_min - 1, x_max = x_max + 1;", "    x_min = x_min - 1, x_max = x_max + 0.5;",
           tests="week3 planar: the decision*"),
    Mutant("week3 pictures: y drawn downwards", "app/decision_boundary.cpp",
           "const std::size_t r = ny - 1 - std::min(ny - 1, row * step), c = col * step;",
           "const std::size_t r = std::min(ny - 1, row * step), c = col * step;", tests="week3 pictures*"),
    Mutant("week3 predict: 0.4 as the threshold (make replay must say DIFFERENT)", "nn/planar_classification/predict.cpp",
           "Matrix predictions = A2 > 0.5;", "Matrix predictions = A2 > 0.4;", replay=True),
]


def run(cmd, cwd, env=None, timeout=1800):
    env = dict(env if env is not None else os.environ)
    for var in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL"):  # our own make -jN, not the calling make's jobserver
        env.pop(var, None)
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=timeout)


def tracked_files():
    """The files git tracks, and the new ones it would track (not ignored): the tree as it would be committed."""
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                         stdout=subprocess.PIPE, check=True).stdout
    return [p for p in out.decode().split("\0") if p]


def make_tree(jobs):
    """The scratch copy: tracked files as they are now, plus the default build (timestamps kept, so make reuses
    every object file that no mutant touches)."""
    if os.path.isdir(TREE):
        shutil.rmtree(TREE)
    os.makedirs(TREE)
    for rel in tracked_files():
        src = os.path.join(ROOT, rel)
        if not os.path.lexists(src):
            continue  # deleted in the working tree, not yet committed
        dst = os.path.join(TREE, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)
    build = os.path.join(ROOT, "build")
    for part in ("obj", "libdnn.a", "tests", "tutorials", "demo"):
        src = os.path.join(build, part)
        dst = os.path.join(TREE, "build", part)
        if os.path.isdir(src):
            shutil.copytree(src, dst, symlinks=True)
        elif os.path.isfile(src):
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            shutil.copy2(src, dst)
    # The tests read ../shared/ (HDF5's test files) beside the repository: the same beside the copy.
    shared = os.path.join(ROOT, "..", "shared")
    link = os.path.join(SCRATCH, "shared")
    if os.path.isdir(shared) and not os.path.lexists(link):
        os.symlink(os.path.abspath(shared), link)
    r = run(["make", "-j%d" % jobs, "tests-bin", "programs"], TREE)
    if r.returncode != 0:
        sys.exit("mutants: the unmutated copy does not build:\n" + r.stdout)


def failed_cases(output):
    m = re.search(r"\[doctest\] test cases:\s*\d+ \|\s*\d+ passed \|\s*(\d+) failed", output)
    return int(m.group(1)) if m else None


# Test cases that run the programs or the tutorials (test_programs.cpp, test_own_image.cpp, test_tutorials.cpp):
# a mutant guarded by them has every program rebuilt; any other relinks the test binary alone, which is most of
# what keeps the whole run within minutes.
RUNS_PROGRAMS = ("programs", "predict", "tutorials")


def build_command(mut, jobs):
    if mut.replay:
        return ["make", "-j%d" % jobs, "build/bin/replay_notebook"]
    if any(word in mut.tests for word in RUNS_PROGRAMS):
        return ["make", "-j%d" % jobs, "tests-bin", "programs"]
    return ["make", "-j%d" % jobs, "tests-bin", "TEST_BIN_ALONE=1"]


def try_mutant(mut, jobs):
    path = os.path.join(TREE, mut.path)
    with open(path, encoding="utf-8") as f:
        original = f.read()
    if original.count(mut.old) != 1:
        return "STALE", "its text is in %s %d times (must be once)" % (mut.path, original.count(mut.old))
    with open(path, "w", encoding="utf-8") as f:
        f.write(original.replace(mut.old, mut.new))
    try:
        r = run(build_command(mut, jobs), TREE)
        if r.returncode != 0:  # a mutant must be a bug the tests see, not one the compiler sees
            return "BROKEN", "does not build: " + (r.stdout.strip().splitlines() or ["?"])[-1][:120]
        if mut.replay:
            r = run(["build/bin/replay_notebook"], TREE)
            different = r.stdout.count("DIFFERENT")
            if r.returncode != 0 and different:
                return "caught", "make replay: %d results DIFFERENT, exit status %d" % (different, r.returncode)
            return "SURVIVED", "make replay exited %d with %d DIFFERENT" % (r.returncode, different)
        env = dict(os.environ, DNN_BUILD_DIR="build")
        env.pop("CI", None)  # a skip is the run's business, not the mutant's: counted below
        r = run(["build/tests/run_tests", "-tc=" + mut.tests, "--no-intro", "--minimal"], TREE, env=env)
        n = failed_cases(r.stdout)
        if "SKIPPED:" in r.stdout:
            return "SKIPPED", "the tests that guard it were skipped on this machine"
        if r.returncode != 0:
            return "caught", "%s test case(s) fail" % (n if n is not None else "some")
        return "SURVIVED", "the tests '%s' pass" % mut.tests
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="run the mutants whose name contains this text")
    ap.add_argument("--list", action="store_true", help="list the mutants and stop")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    chosen = [m for m in MUTANTS if args.only in m.name]
    if args.list:
        for m in chosen:
            print("%-70s %s" % (m.name, m.path))
        return 0
    if not chosen:
        sys.exit("mutants: no mutant's name contains %r" % args.only)

    start = time.time()
    print("mutants: copying the tree to %s and building it" % os.path.relpath(TREE, ROOT), flush=True)
    make_tree(args.jobs)
    print("mutants: ready after %.0f s\n" % (time.time() - start), flush=True)
    width = max(len(m.name) for m in chosen)
    print("%-*s  %-9s %6s  %s" % (width, "mutant", "result", "time", "how"))
    bad = 0
    for m in chosen:
        t = time.time()
        result, how = try_mutant(m, args.jobs)
        bad += result != "caught"
        print("%-*s  %-9s %5.0fs  %s" % (width, m.name, result, time.time() - t, how), flush=True)
    # Leave the scratch build as it was (every mutant taken out again).
    run(["make", "-j%d" % args.jobs, "tests-bin", "programs"], TREE)
    print("\nmutants: %d of %d caught in %.0f s" % (len(chosen) - bad, len(chosen), time.time() - start))
    if bad:
        print("mutants: %d not caught (SURVIVED, STALE, BROKEN or SKIPPED): the suite must catch every one" % bad)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
