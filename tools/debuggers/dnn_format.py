# tools/debuggers/dnn_format.py - the text the debuggers show for dnn's values, shared by the gdb printers
# (dnn_printers.py) and the lldb formatters (dnn_lldb.py), so the two cannot drift apart.
#
# EN: numpy's print of a matrix (a port of matrix/format.cpp, numpy's legacy 1.13 layout: the same text as
#     `std::cout << Z`), and the one-line headings of Matrix, LinearCache, LayerCache, ArrayDict and Caches and
#     their `dnn-shapes` text (the text of dnn::summary in nn/inspect.hpp); the same for weeks 2 and 3's structs
#     (dnn::logistic's dicts and results, dnn::planar::ForwardResult, dnn::basics::Array3D). Nothing here reads a debugger's
#     memory: each debugger's module reads the values and passes numbers and shapes in.
#     `python3 tools/debuggers/dnn_format.py --selftest` checks it without any debugger.
# KO: 디버거가 dnn 값을 보여 줄 때 쓰는 글입니다. gdb 프린터(dnn_printers.py)와 lldb 포매터(dnn_lldb.py)가
#     함께 쓰므로 두 디버거의 출력이 서로 달라질 수 없습니다. 행렬의 numpy 출력(matrix/format.cpp를 옮긴 것,
#     `std::cout << Z`와 같은 글)과 Matrix, LinearCache, LayerCache, ArrayDict, Caches의 한 줄 요약,
#     `dnn-shapes`의 글(nn/inspect.hpp의 dnn::summary와 같은 글)이 있고, 2, 3주차의 구조체도 같은 방식으로 다룹니다.
#     디버거의 메모리는 읽지 않습니다.
#     디버거 없이 확인하기: `python3 tools/debuggers/dnn_format.py --selftest`

import math
import re
from decimal import Decimal

# numpy's print options as the course used them (matrix/format.hpp PrintOptions).
PRECISION = 8
LINEWIDTH = 75
THRESHOLD = 1000
EDGEITEMS = 3


# ---- numbers and arrays as numpy prints them (a port of matrix/format.cpp) ------------------------------

def _positional(v, precision):
    """Dragon4 positional: the shortest digits, at most `precision` decimals, trailing zeros dropped, '.' kept."""
    s = format(Decimal(repr(v)), 'f')  # repr: shortest round-trip digits, written out without exponent
    if '.' in s:
        s = s.rstrip('0')
    dot = s.find('.')
    if dot != -1 and len(s) - dot - 1 > precision:
        # More digits than shown: round the exact binary value at the cutoff.
        s = ('%.*f' % (precision, v)).rstrip('0')
        dot = s.find('.')
    if dot == -1:
        s += '.'
    return s


def _scientific(v, precision, exp_digits):
    """Legacy scientific: exactly `precision` decimals, an exponent of at least `exp_digits` digits."""
    mant, ex = ('%.*e' % (precision, v)).split('e')
    return mant + 'e' + ex[0] + ex[1:].rjust(exp_digits, '0')


class FloatFormat:
    """One array's number format (numpy's FloatingFormat, floatmode 'maxprec', legacy 1.13 padding)."""

    def __init__(self, values, precision=PRECISION):
        self.precision = precision
        finite = [v for v in values if math.isfinite(v)]
        has_nonfinite = len(finite) != len(values)
        nonzero = [abs(v) for v in finite if v != 0]
        self.exp_format = bool(nonzero) and (max(nonzero) >= 1e8 or min(nonzero) < 0.0001 or
                                             max(nonzero) / min(nonzero) > 1000.0)
        self.pad_left = self.pad_right = 0
        self.exp_size = 2
        if not finite:
            pass
        elif self.exp_format:
            for v in finite:
                s = _scientific(v, precision, 2)
                self.exp_size = max(self.exp_size, len(s) - s.find('e') - 2)
            self.pad_left = 3
            self.pad_right = self.exp_size + 2 + precision
        else:
            for v in finite:
                s = _positional(v, precision)
                dot = s.find('.')
                int_len = dot - (1 if s[0] == '-' else 0)
                self.pad_left = max(self.pad_left, 1 + int_len)  # + 1: the sign column
                self.pad_right = max(self.pad_right, len(s) - dot - 1)
        if has_nonfinite:
            # Room for "nan" and "-inf" (legacy always reserves the sign of -inf).
            offset = self.pad_right + 1
            self.pad_left = max(self.pad_left, 3 - offset, 4 - offset)

    def __call__(self, v):
        if not math.isfinite(v):
            s = 'nan' if math.isnan(v) else ('-inf' if v < 0 else 'inf')
            return s.rjust(self.pad_left + self.pad_right + 1)
        if self.exp_format:
            s = _scientific(v, self.precision, self.exp_size)
            return ' ' * max(0, self.pad_left - s.find('.')) + s
        s = _positional(v, self.precision)
        dot = s.find('.')
        return ' ' * max(0, self.pad_left - dot) + s + ' ' * (self.pad_right - (len(s) - dot - 1))


def shown_indices(n, cut, edgeitems=EDGEITEMS):
    """The indices numpy shows along an axis of length n: all, or the first and last `edgeitems`."""
    if not cut:
        return list(range(n))
    return list(range(edgeitems)) + list(range(n - edgeitems, n))


def summary_cuts(rows, cols, threshold=THRESHOLD, edgeitems=EDGEITEMS):
    """(cut_rows, cut_cols): whether numpy elides the middle rows / columns of a (rows, cols) array."""
    summary = rows * cols > threshold
    return summary and 2 * edgeitems < rows, summary and 2 * edgeitems < cols


def format_rows(rows, cols, value, precision=PRECISION, linewidth=LINEWIDTH, threshold=THRESHOLD,
                edgeitems=EDGEITEMS):
    """numpy's text of each shown row of a (rows, cols) array, as a list of (row index, text).

    value(i, j) gives element (i, j); it is asked only for the shown elements. The rows' texts joined by
    "\\n" (with the " ..., " line where rows are elided) and wrapped in "[" "]" are format_matrix's text."""
    cut_rows, cut_cols = summary_cuts(rows, cols, threshold, edgeitems)
    row_idx = shown_indices(rows, cut_rows, edgeitems)
    col_idx = shown_indices(cols, cut_cols, edgeitems)
    grid = {(i, j): value(i, j) for i in row_idx for j in col_idx}
    fmt = FloatFormat(list(grid.values()), precision)

    indent = '  '  # hanging indent inside the inner brackets
    out = []
    for i in row_idx:
        text, line = '', indent
        words = []
        for k, j in enumerate(col_idx):
            if cut_cols and k == edgeitems:
                words.append(('...', ', '))  # legacy 1.13 writes the summary with a comma
            words.append((fmt(grid[(i, j)]), ' ' if k + 1 < len(col_idx) else ''))
        for word, sep in words:
            if len(line) + len(word) > linewidth:
                text += line.rstrip(' ') + '\n'
                line = indent
            line += word + sep
        text += line
        out.append((i, '[' + text[len(indent):] + ']'))
    return out


def format_matrix(rows, cols, value, **options):
    """The text `std::cout << m` prints for a (rows, cols) matrix: numpy's print in the legacy 1.13 layout."""
    if rows == 0 or cols == 0:
        return '[]'
    edgeitems = options.get('edgeitems', EDGEITEMS)
    cut_rows, _ = summary_cuts(rows, cols, options.get('threshold', THRESHOLD), edgeitems)
    out = '['
    for k, (_, text) in enumerate(format_rows(rows, cols, value, **options)):
        if cut_rows and k == edgeitems:
            out += ' ..., \n'
        if k > 0:
            out += ' '
        out += text + '\n'
    return out[:-1] + ']'


def shape_str(rows, cols):
    return '(%d, %d)' % (rows, cols)


def layer_order(keys):
    """Dict keys layer by layer, as the notebook fills its dicts: W1, b1, W2, b2, ... (dA0, dA1, dW1, db1, ...).

    Keys are ordered by their trailing number, then by name; keys without a number come first."""
    def key(k):
        m = re.search(r'(\d+)$', k)
        return (1, int(m.group(1)), k) if m else (0, 0, k)
    return sorted(keys, key=key)


# ---- the headings and the names-and-shapes texts ----------------------------------------------------------

MAX_ELEMENTS = 1 << 48  # a larger shape is garbage: a Matrix not constructed yet at -O0
MAX_ENTRIES = 100000    # more dict entries or vector elements than this: garbage too
MAX_KEY = 4096          # a longer dict key: garbage


def matrix_shape(rows, cols):
    """'(rows, cols)', or '(?, ?)' for the garbage of a Matrix not constructed yet."""
    return '(?, ?)' if rows * cols > MAX_ELEMENTS else shape_str(rows, cols)


def matrix_heading(rows, cols, text):
    """A Matrix's whole text: 'Matrix (1, 2) [[ 3.26295337 -1.23429987]]'; several rows start on the next line.
    `text` is format_matrix's text, or an error in angle brackets."""
    if rows * cols > MAX_ELEMENTS:
        return 'Matrix ' + text
    return 'Matrix %s%s%s' % (shape_str(rows, cols), '\n' if '\n' in text else ' ', text)


def not_constructed(rows, cols):
    return '<not constructed yet? rows_ = %d, cols_ = %d>' % (rows, cols)


def linear_cache_shapes(a_prev, w, b):
    """The shapes of linear_cache = (A_prev, W, b), each a '(r, c)' text."""
    return '(A_prev %s, W %s, b %s)' % (a_prev, w, b)


def linear_cache_heading(a_prev, w, b):
    return 'LinearCache ' + linear_cache_shapes(a_prev, w, b)


def layer_cache_shapes(linear_shapes, z):
    """cache = (linear_cache, activation_cache): linear_shapes is linear_cache_shapes' text, z the shape of Z."""
    return 'linear_cache = %s, activation_cache = Z %s' % (linear_shapes, z)


def layer_cache_heading(linear_shapes, z):
    return 'LayerCache: ' + layer_cache_shapes(linear_shapes, z)


def dict_heading(n):
    return 'ArrayDict with %d entr%s' % (n, 'y' if n == 1 else 'ies')


def caches_heading(n):
    return 'Caches with %d entr%s' % (n, 'y' if n == 1 else 'ies')


def dict_shapes(entries):
    """`dnn-shapes parameters`: 'W1: (4, 5)' per line, for (name, shape text) pairs in layer order."""
    lines = ['%s: %s' % (k, s) for k, s in entries]
    return '\n'.join(lines) if lines else '{}'


def caches_shapes(layer_shapes):
    """`dnn-shapes caches`: one line per layer cache, from each one's layer_cache_shapes text."""
    lines = ['caches[%d] (layer %d): %s' % (k, k + 1, s) for k, s in enumerate(layer_shapes)]
    return '\n'.join(lines) if lines else '[]'


# ---- weeks 2 and 3: dnn::logistic's dicts and results, dnn::planar's ForwardResult, dnn::basics::Array3D ------
# The same text in gdb (dnn_printers_weeks.py) and lldb (dnn_lldb.py): the headings `print` / `frame variable`
# show, and the `dnn-shapes` text (arrays with their shapes, the Python floats with their values, one a line).
# Shapes are '(r, c)' texts; b, db, cost and learning_rate are floats, shown as Python's repr (the notebook's
# print(db)).

def py_float(x):
    """A double as Python's repr prints it: 0.0014555781367842079 -> '0.001455578136784208'."""
    return repr(float(x))


def params_shapes(w, b):
    return 'w: %s\nb: %s' % (w, py_float(b))


def params_heading(w, b):
    return 'Params (w %s, b = %s)' % (w, py_float(b))


def grads_shapes(dw, db):
    return 'dw: %s\ndb: %s' % (dw, py_float(db))


def grads_heading(dw, db):
    return 'Grads (dw %s, db = %s)' % (dw, py_float(db))


def propagate_shapes(grads_text, cost):
    """grads_text: grads_shapes' text."""
    return '%s\ncost: %s' % (grads_text, py_float(cost))


def propagate_heading(cost):
    return 'PropagateResult (grads, cost = %s)' % py_float(cost)


def optimize_shapes(params_text, grads_text, n_costs):
    return '%s\n%s\ncosts: %d values' % (params_text, grads_text, n_costs)


def optimize_heading(n_costs):
    return 'OptimizeResult (params, grads, %d costs)' % n_costs


def model_shapes(n_costs, y_prediction_test, y_prediction_train, w, b, learning_rate, num_iterations):
    """d = model(...): its keys in the notebook's order."""
    return '\n'.join(['costs: %d values' % n_costs,
                      'Y_prediction_test: %s' % y_prediction_test,
                      'Y_prediction_train: %s' % y_prediction_train,
                      'w: %s' % w,
                      'b: %s' % py_float(b),
                      'learning_rate: %s' % py_float(learning_rate),
                      'num_iterations: %d' % num_iterations])


def model_heading(n_costs, w, b):
    return 'ModelResult (%d costs, w %s, b = %s)' % (n_costs, w, py_float(b))


def forward_shapes(a2, cache_text):
    """planar's forward_propagation result: A2's shape, then the cache's dict_shapes text."""
    return 'A2: %s\n%s' % (a2, cache_text)


def forward_heading(a2):
    return 'ForwardResult (A2 %s, cache)' % a2


def array3d_text(shape, count, value):
    """An Array3D: its shape, then each image[i] as numpy prints a 2-D array. shape is (length, height, depth),
    count the number of values stored, value(i, j, k) one element."""
    length, height, depth = shape
    if count != length * height * depth or count > MAX_ENTRIES:
        return '(%d, %d, %d) <%d values: not constructed yet?>' % (length, height, depth, count)
    lines = ['(%d, %d, %d)' % (length, height, depth)]
    for i in range(length):
        lines.append('image[%d] =\n%s' % (i, format_matrix(height, depth, lambda j, k: value(i, j, k))))
    return '\n'.join(lines)


def array3d_heading(text):
    return 'Array3D ' + text


# The members each struct shows as its children, in the notebook's order.
WEEK_FIELDS = {
    'dnn::logistic::Params': ('w', 'b'),
    'dnn::logistic::Grads': ('dw', 'db'),
    'dnn::logistic::PropagateResult': ('grads', 'cost'),
    'dnn::logistic::OptimizeResult': ('params', 'grads', 'costs'),
    'dnn::logistic::ModelResult': ('costs', 'Y_prediction_test', 'Y_prediction_train', 'w', 'b', 'learning_rate',
                                   'num_iterations'),
    'dnn::planar::ForwardResult': ('A2', 'cache'),
}


def _selftest():
    """python3 dnn_format.py --selftest: the formatter against texts numpy printed (see tests/test_matrix.cpp)."""
    def fmt(rows):
        return format_matrix(len(rows), len(rows[0]) if rows else 0, lambda i, j: rows[i][j])
    cases = [
        ([[0], [0]], '[[ 0.]\n [ 0.]]'),
        ([[3.43896131, 0]], '[[ 3.43896131  0.        ]]'),
        ([[1.5, 1e6, -2]], '[[  1.50000000e+00   1.00000000e+06  -2.00000000e+00]]'),
        ([[1, math.nan, -math.inf]], '[[  1.  nan -inf]]'),
        ([], '[]'),
        ([[3.26295337, -1.23429987]], '[[ 3.26295337 -1.23429987]]'),
    ]
    failed = 0
    for rows, want in cases:
        got = fmt(rows)
        if got != want:
            failed += 1
            print('FAIL %r:\n  got  %r\n  want %r' % (rows, got, want))
    big = [[1.0] * 40 for _ in range(40)]
    big[39][39] = 2.5
    want = '\n'.join(['[[ 1.   1.   1.  ...,  1.   1.   1. ]'] + [' [ 1.   1.   1.  ...,  1.   1.   1. ]'] * 2 +
                     [' ..., '] + [' [ 1.   1.   1.  ...,  1.   1.   1. ]'] * 2 +
                     [' [ 1.   1.   1.  ...,  1.   1.   2.5]]'])
    if fmt(big) != want:
        failed += 1
        print('FAIL 40x40:\n%s\nwant\n%s' % (fmt(big), want))
    headings = [
        (matrix_heading(1, 2, '[[ 3.26295337 -1.23429987]]'), 'Matrix (1, 2) [[ 3.26295337 -1.23429987]]'),
        (matrix_heading(2, 1, '[[ 0.]\n [ 0.]]'), 'Matrix (2, 1)\n[[ 0.]\n [ 0.]]'),
        (dict_heading(1), 'ArrayDict with 1 entry'),
        (caches_heading(3), 'Caches with 3 entries'),
        (layer_cache_heading(linear_cache_shapes('(5, 4)', '(4, 5)', '(4, 1)'), '(4, 4)'),
         'LayerCache: linear_cache = (A_prev (5, 4), W (4, 5), b (4, 1)), activation_cache = Z (4, 4)'),
        (dict_shapes([('W1', '(4, 5)'), ('b1', '(4, 1)')]), 'W1: (4, 5)\nb1: (4, 1)'),
        (layer_order(['b2', 'W10', 'W2', 'b10', 'dA0']), ['dA0', 'W2', 'b2', 'W10', 'b10']),
        (grads_heading('(2, 1)', 0.0014555781367842079), 'Grads (dw (2, 1), db = 0.001455578136784208)'),
        (propagate_shapes(grads_shapes('(2, 1)', 0.25), 5.801545319394553),
         'dw: (2, 1)\ndb: 0.25\ncost: 5.801545319394553'),
        (array3d_text((1, 1, 2), 2, lambda i, j, k: [0.5, 1.0][k]), '(1, 1, 2)\nimage[0] =\n[[ 0.5  1. ]]'),
    ]
    for got, want in headings:
        if got != want:
            failed += 1
            print('FAIL heading:\n  got  %r\n  want %r' % (got, want))
    total = len(cases) + 1 + len(headings)
    print('selftest: %d failed of %d' % (failed, total))
    return failed


if __name__ == '__main__':
    import sys
    if '--selftest' in sys.argv:
        sys.exit(1 if _selftest() else 0)
