# tools/gdb/dnn_printers.py - gdb pretty-printers for dnn::Matrix, the caches and the parameter dicts.
#
# EN: Load it with one line in gdb (or in ~/.gdbinit, or VS Code's setupCommands):
#         source tools/gdb/dnn_printers.py
#     Then `print Z` shows a Matrix as the notebook's numpy print does, after its shape:
#         $1 = Matrix (1, 2) [[ 3.26295337 -1.23429987]]
#     LinearCache, LayerCache, ArrayDict (Parameters, Grads) and std::vector<LayerCache> (Caches) print their
#     entries with names and shapes; `dnn-shapes EXPR` prints names and shapes only (as dnn::summary does).
#     Everything is read from memory: no function of the program is called, so it also works on core files
#     and on -O0 builds (`make debug`). The number formatting is a port of matrix/format.cpp (numpy's legacy
#     1.13 layout), so the text is the same as `std::cout << Z` prints.
# KO: gdb에서 한 줄로 불러옵니다(~/.gdbinit 이나 VS Code의 setupCommands 에 넣어도 됩니다):
#         source tools/gdb/dnn_printers.py
#     그러면 `print Z` 가 Matrix를 모양(shape) 다음에 노트북의 numpy print 그대로 보여 줍니다.
#     LinearCache, LayerCache, ArrayDict(Parameters, Grads), std::vector<LayerCache>(Caches)는 항목의 이름과
#     모양을 함께 보여 주고, `dnn-shapes EXPR` 는 이름과 모양만 보여 줍니다(dnn::summary 와 같은 글).
#     값은 메모리에서 직접 읽습니다. 프로그램의 함수를 부르지 않으므로 코어 파일과 -O0 빌드(`make debug`)
#     에서도 동작합니다. 숫자 형식은 matrix/format.cpp(numpy legacy 1.13 레이아웃)를 옮긴 것이라
#     `std::cout << Z` 와 글자 하나까지 같습니다.
#
# The formatting half (format_matrix and below) does not need gdb: `python3 dnn_printers.py --selftest` runs
# a few checks of it outside gdb.

import math
import re
import struct
from decimal import Decimal

try:
    import gdb
    import gdb.printing
except ImportError:  # imported outside gdb: only the formatter is usable
    gdb = None

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


# ---- reading the program's objects through gdb --------------------------------------------------------

MAX_ELEMENTS = 1 << 48  # a larger shape is garbage: a Matrix not constructed yet at -O0
MAX_ENTRIES = 100000    # more dict entries or vector elements than this: garbage too
MAX_KEY = 4096          # a longer dict key: garbage


class MatrixView:
    """A dnn::Matrix read from the inferior's memory: rows, cols, transposed flag and storage address."""

    def __init__(self, val):
        val = _plain(val)
        self.rows = int(val['rows_'])
        self.cols = int(val['cols_'])
        self.trans = bool(int(val['trans_']) & 1)
        self.ptr = _shared_ptr_get(val['buf_'])
        self.error = None
        if self.rows * self.cols > MAX_ELEMENTS:
            self.error = '<not constructed yet? rows_ = %d, cols_ = %d>' % (self.rows, self.cols)
        elif self.rows * self.cols > 0 and int(self.ptr) == 0:
            self.error = '<no storage>'

    def shape(self):
        return '(?, ?)' if self.rows * self.cols > MAX_ELEMENTS else shape_str(self.rows, self.cols)

    def offset(self, i, j):
        # matrix/matrix.hpp: storage is row-major (rows, cols), or (cols, rows) when transposed.
        return j * self.rows + i if self.trans else i * self.cols + j

    def reader(self):
        """value(i, j) for the shown elements; reads all of a small matrix at once (one memory read)."""
        n = self.rows * self.cols
        if n <= THRESHOLD:
            whole = self.ptr.cast(gdb.lookup_type('double').array(n - 1).pointer()).dereference()
            whole.fetch_lazy()
            return lambda i, j: float(whole[self.offset(i, j)])
        return lambda i, j: float((self.ptr + self.offset(i, j)).dereference())

    def text(self):
        if self.error:
            return self.error
        if self.rows * self.cols == 0:
            return '[]'
        try:
            return format_matrix(self.rows, self.cols, self.reader())
        except gdb.MemoryError:
            return '<unreadable storage at 0x%x>' % int(self.ptr)


def _plain(val):
    """val itself for a reference (const Parameters& parameters) or a typedef (Grads): the object."""
    if val.type.code in (gdb.TYPE_CODE_REF, gdb.TYPE_CODE_RVALUE_REF):
        val = val.referenced_value()
    return val.cast(val.type.strip_typedefs())


def _shared_ptr_get(sp):
    """The stored pointer of a std::shared_ptr (libstdc++ _M_ptr, libc++ __ptr_)."""
    for name in ('_M_ptr', '__ptr_'):
        try:
            return sp[name]
        except gdb.error:
            pass
    raise gdb.error('dnn_printers: cannot read std::shared_ptr storage of type %s' % sp.type)


def _std_string(val):
    """The text of a std::string (libstdc++ or libc++), read from memory."""
    try:
        length = int(val['_M_string_length'])
        if length > MAX_KEY:
            raise gdb.MemoryError('a key of %d characters: not constructed yet?' % length)
        return val['_M_dataplus']['_M_p'].string(length=length)
    except gdb.MemoryError:
        raise
    except gdb.error:
        s = val.format_string()  # another library: its own printer, if loaded
        return s[1:-1] if len(s) >= 2 and s[0] == '"' and s[-1] == '"' else s


def _map_items(val):
    """(key, value) gdb.Values of a libstdc++ std::map, in the map's order, by walking its red-black tree."""
    impl = val['_M_t']['_M_impl']
    count = int(impl['_M_node_count'])
    if count > MAX_ENTRIES:
        raise gdb.error('not constructed yet? _M_node_count = %d' % count)
    header = impl['_M_header']
    map_type = val.type.strip_typedefs().unqualified()
    while not (map_type.name or '').startswith('std::map<'):
        bases = [f.type for f in map_type.fields() if f.is_base_class]
        if not bases:
            raise gdb.error('%s is not a std::map' % val.type)
        map_type = bases[0].strip_typedefs().unqualified()  # ArrayDict -> its std::map base
    key_type = map_type.template_argument(0)
    value_type = map_type.template_argument(1)
    base_size = header.type.sizeof  # _Rb_tree_node_base; the pair follows it
    align = max(key_type.alignof, value_type.alignof)
    value_offset = -(-key_type.sizeof // value_type.alignof) * value_type.alignof
    node = header['_M_left']
    for _ in range(count):
        storage = int(node) + (-(-base_size // align) * align)
        key = gdb.Value(storage).cast(key_type.pointer()).dereference()
        value = gdb.Value(storage + value_offset).cast(value_type.pointer()).dereference()
        yield key, value
        # In-order successor.
        if int(node['_M_right']) != 0:
            node = node['_M_right']
            while int(node['_M_left']) != 0:
                node = node['_M_left']
        else:
            parent = node['_M_parent']
            for _ in range(64):  # a red-black tree is shallow; a longer climb means a broken tree
                if int(node) != int(parent['_M_right']):
                    break
                node = parent
                parent = parent['_M_parent']
            if int(node['_M_right']) != int(parent):
                node = parent


def _dict_entries(val):
    """An ArrayDict's (name, Matrix value) pairs in layer order."""
    entries = {_std_string(k): v for k, v in _map_items(val)}
    return [(k, entries[k]) for k in layer_order(entries)]


def _vector_items(val):
    """The elements of a libstdc++ std::vector as gdb.Values."""
    impl = val['_M_impl']
    start, finish = impl['_M_start'], impl['_M_finish']
    n = int(finish - start)
    if n < 0 or n > MAX_ENTRIES:
        raise gdb.error('not constructed yet? %d elements' % n)
    return [(start + k).dereference() for k in range(n)]


# ---- names and shapes (the text of dnn::summary in nn/inspect.hpp) -------------------------------------

def linear_cache_shapes(val):
    return '(A_prev %s, W %s, b %s)' % tuple(MatrixView(val[f]).shape() for f in ('A_prev', 'W', 'b'))


def layer_cache_shapes(val):
    return 'linear_cache = %s, activation_cache = Z %s' % (linear_cache_shapes(val['linear_cache']),
                                                           MatrixView(val['activation_cache']).shape())


def dict_shapes(val):
    lines = ['%s: %s' % (k, MatrixView(v).shape()) for k, v in _dict_entries(val)]
    return '\n'.join(lines) if lines else '{}'


def caches_shapes(val):
    lines = ['caches[%d] (layer %d): %s' % (k, k + 1, layer_cache_shapes(c)) for k, c in enumerate(_vector_items(val))]
    return '\n'.join(lines) if lines else '[]'


# ---- the printers ---------------------------------------------------------------------------------------

class MatrixPrinter:
    """Matrix (rows, cols) then numpy's print of it; a multi-line text starts on the next line."""

    def __init__(self, val):
        self.val = val

    def view(self):
        return MatrixView(self.val)

    def to_string(self):
        try:
            m = self.view()
        except gdb.error as e:
            return '<dnn::Matrix: %s>' % e
        if m.rows * m.cols > MAX_ELEMENTS:
            return 'Matrix ' + m.error
        text = m.text()
        return 'Matrix %s%s%s' % (m.shape(), '\n' if '\n' in text else ' ', text)


class MatrixRowsPrinter(MatrixPrinter):
    """`set dnn-matrix-rows on`: the shown rows as children, double[cols] each, for front ends that expand
    values (VS Code). A printer with children shows as "{...}" in gdb/MI, so this is a separate class."""

    MAX_GATHERED = 4096  # a transposed view's row is gathered element by element: up to this many columns

    def to_string(self):
        text = super().to_string()
        return text.split('\n', 1)[0]  # the rows follow as children

    def children(self):
        try:
            m = self.view()
            if m.error or m.rows * m.cols == 0 or (m.trans and m.cols > self.MAX_GATHERED):
                return []
            row_type = gdb.lookup_type('double').array(m.cols - 1)
            cut_rows, _ = summary_cuts(m.rows, m.cols)
            out = []
            for i in shown_indices(m.rows, cut_rows):
                if not m.trans:  # a row is contiguous in storage: the program's own memory, read when shown
                    row = (m.ptr + i * m.cols).cast(row_type.pointer()).dereference()
                else:            # strided: gather it into a value held by gdb
                    values = [float((m.ptr + m.offset(i, j)).dereference()) for j in range(m.cols)]
                    row = gdb.Value(struct.pack(_byte_order() + '%dd' % m.cols, *values), row_type)
                out.append(('[%d]' % i, row))
            return out
        except gdb.error:  # unreadable storage: the heading says so
            return []


def _byte_order():
    return '>' if 'big endian' in gdb.execute('show endian', to_string=True) else '<'


def _matrix_printer(val):
    return MatrixRowsPrinter(val) if _rows_param.value else MatrixPrinter(val)


class LinearCachePrinter:
    """linear_cache = (A_prev, W, b), with each Matrix's shape in the one-line heading."""

    def __init__(self, val):
        self.val = _plain(val)

    def to_string(self):
        return 'LinearCache ' + linear_cache_shapes(self.val)

    def children(self):
        for f in ('A_prev', 'W', 'b'):
            yield f, self.val[f]


class LayerCachePrinter:
    """cache = (linear_cache, activation_cache); the activation cache is Z."""

    def __init__(self, val):
        self.val = _plain(val)

    def to_string(self):
        return 'LayerCache: ' + layer_cache_shapes(self.val)

    def children(self):
        yield 'linear_cache', self.val['linear_cache']
        yield 'activation_cache', self.val['activation_cache']


class ArrayDictPrinter:
    """parameters / grads as a dict, layer by layer: {W1 = Matrix (4, 5) ..., b1 = ...}.

    The entries are children named by their key (not gdb's 'map' hint), so gdb/MI front ends list them as
    W1, b1, ... too."""

    def __init__(self, val):
        try:
            self.entries, self.error = _dict_entries(_plain(val)), None
        except gdb.error as e:  # not constructed yet, or a broken tree
            self.entries, self.error = [], str(e)

    def to_string(self):
        if self.error:
            return '<dnn::ArrayDict: %s>' % self.error
        n = len(self.entries)
        return 'ArrayDict with %d entr%s' % (n, 'y' if n == 1 else 'ies')

    def children(self):
        return list(self.entries)


class CachesPrinter:
    """std::vector<LayerCache>, used only when libstdc++'s own vector printer is not loaded."""

    def __init__(self, val):
        try:
            self.items, self.error = _vector_items(_plain(val)), None
        except gdb.error as e:
            self.items, self.error = [], str(e)

    def to_string(self):
        if self.error:
            return '<std::vector<dnn::LayerCache>: %s>' % self.error
        return 'std::vector of length %d' % len(self.items)

    def children(self):
        for k, c in enumerate(self.items):
            yield '[%d]' % k, c

    def display_hint(self):
        return 'array'


def build_printers():
    pp = gdb.printing.RegexpCollectionPrettyPrinter('dnn')
    pp.add_printer('Matrix', '^dnn::Matrix$', _matrix_printer)
    pp.add_printer('LinearCache', '^dnn::LinearCache$', LinearCachePrinter)
    pp.add_printer('LayerCache', '^dnn::LayerCache$', LayerCachePrinter)
    pp.add_printer('ArrayDict', '^dnn::ArrayDict$', ArrayDictPrinter)
    # Objfile printers (libstdc++'s) are asked first, so this one only fills in when they are missing.
    pp.add_printer('Caches', '^std::(__\\d+::)?vector<dnn::LayerCache', CachesPrinter)
    return pp


if gdb is not None:
    class _RowsParameter(gdb.Parameter):
        """Whether a Matrix also shows its rows as children (for VS Code's expandable variables)."""
        set_doc = 'Set whether dnn::Matrix values show their rows as children.'
        show_doc = 'Show whether dnn::Matrix values show their rows as children.'

        def __init__(self):
            super().__init__('dnn-matrix-rows', gdb.COMMAND_DATA, gdb.PARAM_BOOLEAN)
            self.value = False

        def get_show_string(self, svalue):
            return 'dnn::Matrix rows as children: %s' % svalue

    class _ShapesCommand(gdb.Command):
        """dnn-shapes EXPR: the names and shapes of a Matrix, ArrayDict, LinearCache, LayerCache or Caches.

        The same text as dnn::summary() in nn/inspect.hpp, e.g. for parameters:
            W1: (4, 5)
            b1: (4, 1)"""

        def __init__(self):
            super().__init__('dnn-shapes', gdb.COMMAND_DATA, gdb.COMPLETE_EXPRESSION)

        def invoke(self, arg, from_tty):
            try:
                gdb.write(self.shapes(arg) + '\n')
            except gdb.GdbError:
                raise
            except gdb.error as e:  # e.g. a value not constructed yet
                raise gdb.GdbError('dnn-shapes %s: %s' % (arg, e))

        @staticmethod
        def shapes(arg):
            val = gdb.parse_and_eval(arg)
            if val.type.code == gdb.TYPE_CODE_PTR:
                val = val.dereference()
            val = _plain(val)
            name = val.type.unqualified().name or ''
            if name == 'dnn::Matrix':
                return MatrixView(val).shape()
            if name == 'dnn::ArrayDict':
                return dict_shapes(val)
            if name == 'dnn::LinearCache':
                return linear_cache_shapes(val)
            if name == 'dnn::LayerCache':
                return layer_cache_shapes(val)
            if re.match(r'^std::(__\d+::)?vector<dnn::LayerCache', name):
                return caches_shapes(val)
            raise gdb.GdbError('dnn-shapes: %s has type %s, not a dnn Matrix, ArrayDict, cache or Caches'
                               % (arg, val.type))

    _rows_param = _RowsParameter()
    _ShapesCommand()
    # replace=True: sourcing the file again (after an edit) swaps in the new printers.
    gdb.printing.register_pretty_printer(gdb.current_objfile(), build_printers(), replace=True)


def _selftest():
    """python3 dnn_printers.py --selftest: the formatter against texts numpy printed (see tests/test_matrix.cpp)."""
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
    print('selftest: %d failed of %d' % (failed, len(cases) + 1))
    return failed


if __name__ == '__main__' and gdb is None:
    import sys
    if '--selftest' in sys.argv:
        sys.exit(1 if _selftest() else 0)
