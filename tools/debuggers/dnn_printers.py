# tools/debuggers/dnn_printers.py - gdb pretty-printers for dnn::Matrix, the caches and the parameter dicts.
#
# EN: Load it with one line in gdb (or in ~/.gdbinit, or VS Code's setupCommands):
#         source tools/debuggers/dnn_printers.py        (tools/debuggers/dnn.gdb does it, with the step skips)
#     Then `print Z` shows a Matrix as the notebook's numpy print does, after its shape:
#         $1 = Matrix (1, 2) [[ 3.26295337 -1.23429987]]
#     LinearCache, LayerCache, ArrayDict (Parameters, Grads) and Caches print their entries with names and
#     shapes; `dnn-shapes EXPR` prints names and shapes only (as dnn::summary does).
#     Everything is read from memory: no function of the program is called, so it also works on core files
#     and on -O0 builds (`make debug`). The text comes from dnn_format.py, which the lldb formatters
#     (dnn_lldb.py) share, so gdb and lldb show the same text, the text `std::cout << Z` prints.
# KO: gdb에서 한 줄로 불러옵니다(~/.gdbinit 이나 VS Code의 setupCommands 에 넣어도 됩니다):
#         source tools/debuggers/dnn_printers.py        (tools/debuggers/dnn.gdb가 step 건너뛰기와 함께 불러옴)
#     그러면 `print Z` 가 Matrix를 shape 다음에 노트북의 numpy print 그대로 보여 줍니다.
#     LinearCache, LayerCache, ArrayDict(Parameters, Grads), Caches는 항목의 이름과 shape을 함께 보여 주고,
#     `dnn-shapes EXPR` 는 이름과 shape만 보여 줍니다(dnn::summary 와 같은 글).
#     값은 메모리에서 직접 읽습니다. 프로그램의 함수를 부르지 않으므로 코어 파일과 -O0 빌드(`make debug`)
#     에서도 동작합니다. 글은 lldb 포매터(dnn_lldb.py)와 함께 쓰는 dnn_format.py가 만들므로 gdb와 lldb가
#     같은 글, 곧 `std::cout << Z` 와 같은 글을 보여 줍니다.

import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # dnn_format.py, beside this file
from dnn_format import (EDGEITEMS, MAX_ELEMENTS, MAX_ENTRIES, MAX_KEY, THRESHOLD, caches_heading,  # noqa: E402
                        caches_shapes, dict_heading, dict_shapes, format_matrix, layer_cache_heading,
                        layer_cache_shapes, layer_order, linear_cache_heading, linear_cache_shapes, matrix_heading,
                        matrix_shape, not_constructed, shown_indices, summary_cuts)

try:
    import gdb
    import gdb.printing
except ImportError:  # imported outside gdb: only the formatter is usable
    gdb = None

# ---- reading the program's objects through gdb --------------------------------------------------------

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
            self.error = not_constructed(self.rows, self.cols)
        elif self.rows * self.cols > 0 and int(self.ptr) == 0:
            self.error = '<no storage>'

    def shape(self):
        return matrix_shape(self.rows, self.cols)

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

def linear_cache_text(val):
    return linear_cache_shapes(*(MatrixView(val[f]).shape() for f in ('A_prev', 'W', 'b')))


def layer_cache_text(val):
    return layer_cache_shapes(linear_cache_text(val['linear_cache']), MatrixView(val['activation_cache']).shape())


def dict_text(val):
    return dict_shapes([(k, MatrixView(v).shape()) for k, v in _dict_entries(val)])


def caches_text(val):
    return caches_shapes([layer_cache_text(c) for c in _vector_items(val)])


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
        return matrix_heading(m.rows, m.cols, m.text())


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
        return linear_cache_heading(*(MatrixView(self.val[f]).shape() for f in ('A_prev', 'W', 'b')))

    def children(self):
        for f in ('A_prev', 'W', 'b'):
            yield f, self.val[f]


class LayerCachePrinter:
    """cache = (linear_cache, activation_cache); the activation cache is Z."""

    def __init__(self, val):
        self.val = _plain(val)

    def to_string(self):
        return layer_cache_heading(linear_cache_text(self.val['linear_cache']),
                                   MatrixView(self.val['activation_cache']).shape())

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
        return dict_heading(len(self.entries))

    def children(self):
        return list(self.entries)


class CachesPrinter:
    """caches (dnn::Caches, L_model_forward's list): 'Caches with 3 entries', then each LayerCache."""

    def __init__(self, val):
        try:
            self.items, self.error = _vector_items(_plain(val)), None
        except gdb.error as e:
            self.items, self.error = [], str(e)

    def to_string(self):
        if self.error:
            return '<dnn::Caches: %s>' % self.error
        return caches_heading(len(self.items))

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
    pp.add_printer('Caches', '^dnn::Caches$', CachesPrinter)
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
                return dict_text(val)
            if name == 'dnn::LinearCache':
                return linear_cache_text(val)
            if name == 'dnn::LayerCache':
                return layer_cache_text(val)
            if name == 'dnn::Caches':
                return caches_text(val)
            raise gdb.GdbError('dnn-shapes: %s has type %s, not a dnn Matrix, ArrayDict, cache or Caches'
                               % (arg, val.type))

    import gdb.xmethod

    class _CachesIndexWorker(gdb.xmethod.XMethodWorker):
        """caches[l] read from memory (no call into the program, so it works on core files too), with the
        program's own IndexError text when l is past the end."""

        def get_arg_types(self):
            return gdb.lookup_type('long')

        def get_result_type(self, obj, index):
            return gdb.lookup_type('dnn::LayerCache')

        def __call__(self, obj, index):
            items = _vector_items(_plain(obj))
            l = int(index)
            if l < 0 or l >= len(items):
                raise gdb.GdbError('caches[%d]: index out of range: len(caches) is %d' % (l, len(items)))
            return items[l]

    class _CachesIndexMatcher(gdb.xmethod.XMethodMatcher):
        def __init__(self):
            super().__init__('dnn::Caches::operator[]')
            self.methods = [gdb.xmethod.XMethod('operator[]')]

        def match(self, class_type, method_name):
            if class_type.strip_typedefs().unqualified().tag != 'dnn::Caches' or method_name != 'operator[]':
                return None
            return _CachesIndexWorker()

    gdb.xmethod.register_xmethod_matcher(None, _CachesIndexMatcher(), replace=True)
    _rows_param = _RowsParameter()
    _ShapesCommand()
    # replace=True: sourcing the file again (after an edit) swaps in the new printers.
    gdb.printing.register_pretty_printer(gdb.current_objfile(), build_printers(), replace=True)


if __name__ == '__main__' and gdb is None:
    import dnn_format
    if '--selftest' in sys.argv:  # the formatter is dnn_format.py's; kept here for the old command line
        sys.exit(1 if dnn_format._selftest() else 0)
