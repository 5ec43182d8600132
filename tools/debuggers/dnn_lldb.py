# tools/debuggers/dnn_lldb.py - lldb data formatters for dnn::Matrix, the caches and the parameter dicts.
#
# EN: The lldb twin of the gdb printers (dnn_printers.py), for Xcode, CLion and VS Code with CodeLLDB, where
#     lldb is the debugger. Load it with one line (in lldb, from the repository root; or in ~/.lldbinit):
#         command script import tools/debuggers/dnn_lldb.py
#     Then `p Z` / `frame variable Z` shows a Matrix as the notebook's numpy print does, after its shape:
#         (dnn::Matrix) Z = Matrix (1, 2) [[ 3.26295337 -1.23429987]]
#     LinearCache, LayerCache, ArrayDict (Parameters, Grads) and Caches show one line with every entry's name
#     and shape, and expand into their entries (dicts by key, layer by layer: W1, b1, W2, ...);
#     `dnn-shapes EXPR` prints names and shapes only, as in gdb. The text comes from dnn_format.py, shared with
#     the gdb printers, so both debuggers show the same text as `std::cout << Z`. Values are read from memory:
#     nothing in the program is called. Works with libstdc++ (Linux) and libc++ (macOS).
# KO: gdb 프린터(dnn_printers.py)의 lldb 판입니다. lldb를 쓰는 Xcode, CLion, VS Code의 CodeLLDB에서
#     씁니다. 한 줄로 불러옵니다(lldb에서 저장소 최상위 폴더 기준, 또는 ~/.lldbinit에):
#         command script import tools/debuggers/dnn_lldb.py
#     그러면 `p Z` / `frame variable Z`가 Matrix를 shape 다음에 노트북의 numpy print 그대로 보여 줍니다.
#     LinearCache, LayerCache, ArrayDict(Parameters, Grads), Caches는 항목마다 이름과 shape을 한 줄로
#     보여 주고, 펼치면 항목이 나옵니다(사전은 키 이름으로, 층 순서: W1, b1, W2, ...). `dnn-shapes EXPR`는
#     gdb에서처럼 이름과 shape만 보여 줍니다. 글은 gdb 프린터와 함께 쓰는 dnn_format.py가 만들므로 두
#     디버거가 `std::cout << Z`와 같은 글을 보여 줍니다. 값은 메모리에서 읽고 프로그램의 함수는 부르지
#     않습니다. libstdc++(Linux)와 libc++(macOS) 모두에서 동작합니다.

import os
import struct
import sys

import lldb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # dnn_format.py, beside this file
from dnn_format import (MAX_ELEMENTS, MAX_ENTRIES, MAX_KEY, THRESHOLD, caches_heading, caches_shapes,  # noqa: E402
                        dict_heading, dict_shapes, format_matrix, layer_cache_heading, layer_cache_shapes,
                        layer_order, linear_cache_heading, linear_cache_shapes, matrix_heading, matrix_shape,
                        not_constructed, shown_indices, summary_cuts)
import dnn_format as fmt  # noqa: E402  (weeks 2 and 3: their headings and dnn-shapes texts)

CATEGORY = 'dnn'


class DnnError(Exception):
    pass


# ---- reading the program's objects through lldb ---------------------------------------------------------

def _plain(valobj):
    """The object itself, without its synthetic children (a reference or typedef is looked through)."""
    v = valobj.GetNonSyntheticValue()
    if v.GetType().IsReferenceType():
        v = v.Dereference().GetNonSyntheticValue()
    return v


def _member(valobj, name):
    """A data member, found in the class or its bases (libstdc++'s shared_ptr keeps _M_ptr in a base)."""
    child = valobj.GetChildMemberWithName(name)
    if child.IsValid():
        return child
    for k in range(valobj.GetNumChildren()):
        c = valobj.GetChildAtIndex(k)
        if c.GetType().GetTypeClass() == lldb.eTypeClassClass or c.GetType().GetTypeClass() == lldb.eTypeClassStruct:
            if c.GetName() and c.GetName() == c.GetTypeName():  # a base class subobject
                found = _member(c, name)
                if found.IsValid():
                    return found
    return lldb.SBValue()


def _uint(valobj, name):
    child = _member(valobj, name)
    if not child.IsValid():
        raise DnnError('no member %s in %s' % (name, valobj.GetTypeName()))
    return child.GetValueAsUnsigned()


def _shared_ptr_address(sp):
    """The stored pointer of a std::shared_ptr: libstdc++ _M_ptr, libc++ __ptr_."""
    sp = sp.GetNonSyntheticValue()
    for name in ('_M_ptr', '__ptr_'):
        p = _member(sp, name)
        if p.IsValid():
            return p.GetValueAsUnsigned()
    raise DnnError('cannot read the std::shared_ptr storage of type %s' % sp.GetTypeName())


def _read_doubles(process, address, count):
    error = lldb.SBError()
    data = process.ReadMemory(address, 8 * count, error)
    if not error.Success() or data is None or len(data) != 8 * count:
        raise DnnError('<unreadable storage at 0x%x>' % address)
    order = '<' if process.GetByteOrder() == lldb.eByteOrderLittle else '>'
    return struct.unpack(order + '%dd' % count, data)


class MatrixView:
    """A dnn::Matrix read from the inferior's memory: rows, cols, transposed flag and storage address."""

    def __init__(self, valobj):
        v = _plain(valobj)
        self.process = v.GetProcess()
        self.rows = _uint(v, 'rows_')
        self.cols = _uint(v, 'cols_')
        self.trans = bool(_uint(v, 'trans_') & 1)
        self.ptr = _shared_ptr_address(_member(v, 'buf_'))
        self.error = None
        if self.rows * self.cols > MAX_ELEMENTS:
            self.error = not_constructed(self.rows, self.cols)
        elif self.rows * self.cols > 0 and self.ptr == 0:
            self.error = '<no storage>'

    def shape(self):
        return matrix_shape(self.rows, self.cols)

    def offset(self, i, j):
        # matrix/matrix.hpp: storage is row-major (rows, cols), or (cols, rows) when transposed.
        return j * self.rows + i if self.trans else i * self.cols + j

    def text(self):
        if self.error:
            return self.error
        n = self.rows * self.cols
        if n == 0:
            return '[]'
        try:
            if n <= THRESHOLD:  # small: one memory read
                whole = _read_doubles(self.process, self.ptr, n)
                return format_matrix(self.rows, self.cols, lambda i, j: whole[self.offset(i, j)])
            return format_matrix(self.rows, self.cols,
                                 lambda i, j: _read_doubles(self.process, self.ptr + 8 * self.offset(i, j), 1)[0])
        except DnnError as e:
            return str(e)


def _string(valobj):
    """The text of a std::string key (libstdc++ or libc++)."""
    s = valobj.GetSummary()
    if s and len(s) >= 2 and s[0] == '"' and s[-1] == '"':
        return s[1:-1]
    v = valobj.GetNonSyntheticValue()
    p = _member(v, '_M_dataplus')
    if p.IsValid():  # libstdc++, without lldb's own string summary
        length = _uint(v, '_M_string_length')
        if length > MAX_KEY:
            raise DnnError('a key of %d characters: not constructed yet?' % length)
        if length == 0:
            return ''
        error = lldb.SBError()
        data = v.GetProcess().ReadMemory(_member(p, '_M_p').GetValueAsUnsigned(), length, error)
        if error.Success():
            return data.decode('utf-8', 'replace')
    raise DnnError('cannot read a std::string of type %s' % valobj.GetTypeName())


def _map_base(valobj):
    """The std::map base of an ArrayDict, with lldb's own std::map children (pairs, in the map's order)."""
    v = _plain(valobj)
    for k in range(v.GetNumChildren()):
        c = v.GetChildAtIndex(k)
        if c.GetTypeName().startswith('std::'):
            c.SetPreferSyntheticValue(True)
            return c
    raise DnnError('%s has no std::map base' % valobj.GetTypeName())


def _dict_entries(valobj):
    """An ArrayDict's (name, Matrix SBValue) pairs in layer order."""
    base = _map_base(valobj)
    n = base.GetNumChildren()
    if n > MAX_ENTRIES:
        raise DnnError('not constructed yet? %d entries' % n)
    entries = {}
    for k in range(n):
        pair = base.GetChildAtIndex(k)
        first, second = pair.GetChildMemberWithName('first'), pair.GetChildMemberWithName('second')
        if not first.IsValid() or not second.IsValid():  # libc++: the pair sits in a __cc member
            cc = pair.GetChildMemberWithName('__cc')
            first, second = cc.GetChildMemberWithName('first'), cc.GetChildMemberWithName('second')
        entries[_string(first)] = second
    return [(key, entries[key]) for key in layer_order(entries)]


def _vector_range(valobj):
    """(address of the first element, count, element SBType) of a std::vector (or a class derived from one, as
    Caches): libstdc++ or libc++."""
    v = _plain(valobj)
    impl = _member(v, '_M_impl')
    if impl.IsValid():
        begin, end = _member(impl, '_M_start'), _member(impl, '_M_finish')
    else:
        begin, end = _member(v, '__begin_'), _member(v, '__end_')
    if not begin.IsValid() or not end.IsValid():
        raise DnnError('cannot read the std::vector inside %s' % valobj.GetTypeName())
    element = begin.GetType().GetPointeeType()
    size = element.GetByteSize()
    start = begin.GetValueAsUnsigned()
    count = (end.GetValueAsUnsigned() - start) // size if size else 0
    if count < 0 or count > MAX_ENTRIES:
        raise DnnError('not constructed yet? %d elements' % count)
    return start, count, element


def _vector_items(valobj):
    """The elements of a std::vector as SBValues."""
    start, count, element = _vector_range(valobj)
    size = element.GetByteSize()
    v = _plain(valobj)
    return [v.CreateValueFromAddress('[%d]' % k, start + k * size, element) for k in range(count)]


def _field(valobj, name):
    child = _member(_plain(valobj), name)
    if not child.IsValid():
        raise DnnError('no member %s in %s' % (name, valobj.GetTypeName()))
    return child


def _double(valobj, name):
    """A double member (b, db, cost), read from the value's own bytes (an entry copied by lldb has no address)."""
    error = lldb.SBError()
    x = _field(valobj, name).GetNonSyntheticValue().GetData().GetDouble(error, 0)
    if error.Fail():
        raise DnnError('cannot read %s: %s' % (name, error.GetCString()))
    return x


def _shape_of(valobj, name):
    return MatrixView(_field(valobj, name)).shape()


def _costs(valobj):
    return _vector_range(_field(valobj, 'costs'))[1]


# ---- names and shapes (the text of dnn::summary in nn/inspect.hpp) -------------------------------------

def _linear_cache_text(valobj):
    v = _plain(valobj)
    return linear_cache_shapes(*(MatrixView(v.GetChildMemberWithName(f)).shape() for f in ('A_prev', 'W', 'b')))


def _layer_cache_text(valobj):
    v = _plain(valobj)
    return layer_cache_shapes(_linear_cache_text(v.GetChildMemberWithName('linear_cache')),
                              MatrixView(v.GetChildMemberWithName('activation_cache')).shape())


# Weeks 2 and 3 (the text is dnn_format.py's, as gdb's dnn_printers_weeks.py shows it).

def _params_text(v):
    return fmt.params_shapes(_shape_of(v, 'w'), _double(v, 'b'))


def _grads_text(v):
    return fmt.grads_shapes(_shape_of(v, 'dw'), _double(v, 'db'))


def _propagate_text(v):
    return fmt.propagate_shapes(_grads_text(_field(v, 'grads')), _double(v, 'cost'))


def _optimize_text(v):
    return fmt.optimize_shapes(_params_text(_field(v, 'params')), _grads_text(_field(v, 'grads')), _costs(v))


def _model_text(v):
    return fmt.model_shapes(_costs(v), _shape_of(v, 'Y_prediction_test'), _shape_of(v, 'Y_prediction_train'),
                            _shape_of(v, 'w'), _double(v, 'b'), _double(v, 'learning_rate'),
                            _field(v, 'num_iterations').GetValueAsSigned())


def _forward_text(v):
    cache = _field(v, 'cache')
    return fmt.forward_shapes(_shape_of(v, 'A2'),
                              dict_shapes([(k, MatrixView(m).shape()) for k, m in _dict_entries(cache)]))


def _array3d_text(valobj):
    """The shape (std::array: libstdc++ _M_elems, libc++ __elems_), then each image[i]."""
    v = _plain(valobj)
    shape = _field(v, 'shape').GetNonSyntheticValue()
    elems = _member(shape, '_M_elems')
    if not elems.IsValid():
        elems = _member(shape, '__elems_')
    if not elems.IsValid():
        raise DnnError('cannot read the std::array shape of %s' % valobj.GetTypeName())
    dims = tuple(elems.GetNonSyntheticValue().GetChildAtIndex(k).GetValueAsUnsigned() for k in range(3))
    start, count, _ = _vector_range(_field(v, 'data'))
    length, height, depth = dims
    values = []
    if count == length * height * depth and 0 < count <= MAX_ENTRIES:
        values = _read_doubles(v.GetProcess(), start, count)
    return fmt.array3d_text(dims, count, lambda i, j, k: values[(i * height + j) * depth + k])


WEEK_SHAPES = {
    'dnn::logistic::Params': _params_text,
    'dnn::logistic::Grads': _grads_text,
    'dnn::logistic::PropagateResult': _propagate_text,
    'dnn::logistic::OptimizeResult': _optimize_text,
    'dnn::logistic::ModelResult': _model_text,
    'dnn::planar::ForwardResult': _forward_text,
    'dnn::basics::Array3D': _array3d_text,
}


def _type_name(valobj):
    t = valobj.GetType()
    if t.IsReferenceType():
        t = t.GetDereferencedType()
    return t.GetUnqualifiedType().GetCanonicalType().GetName()


def shapes_text(valobj):
    """What `dnn-shapes` prints for a Matrix, ArrayDict, LinearCache, LayerCache or Caches."""
    name = _type_name(valobj)
    if name == 'dnn::Matrix':
        return MatrixView(valobj).shape()
    if name == 'dnn::ArrayDict':
        return dict_shapes([(k, MatrixView(m).shape()) for k, m in _dict_entries(valobj)])
    if name == 'dnn::LinearCache':
        return _linear_cache_text(valobj)
    if name == 'dnn::LayerCache':
        return _layer_cache_text(valobj)
    if name == 'dnn::Caches':
        return caches_shapes([_layer_cache_text(c) for c in _vector_items(valobj)])
    if name in WEEK_SHAPES:
        return WEEK_SHAPES[name](valobj)
    raise DnnError('has type %s, not a dnn Matrix, ArrayDict, cache, Caches or one of the weeks\' types'
                   % valobj.GetTypeName())


# ---- the summaries and the children ----------------------------------------------------------------------

def matrix_summary(valobj, internal_dict):
    try:
        m = MatrixView(valobj)
        return matrix_heading(m.rows, m.cols, m.text())
    except DnnError as e:
        return '<dnn::Matrix: %s>' % e


def linear_cache_summary(valobj, internal_dict):
    try:
        v = _plain(valobj)
        return linear_cache_heading(*(MatrixView(v.GetChildMemberWithName(f)).shape() for f in ('A_prev', 'W', 'b')))
    except DnnError as e:
        return '<dnn::LinearCache: %s>' % e


def layer_cache_summary(valobj, internal_dict):
    try:
        v = _plain(valobj)
        return layer_cache_heading(_linear_cache_text(v.GetChildMemberWithName('linear_cache')),
                                   MatrixView(v.GetChildMemberWithName('activation_cache')).shape())
    except DnnError as e:
        return '<dnn::LayerCache: %s>' % e


def dict_summary(valobj, internal_dict):
    try:
        return dict_heading(len(_dict_entries(valobj)))
    except DnnError as e:
        return '<dnn::ArrayDict: %s>' % e


def caches_summary(valobj, internal_dict):
    try:
        return caches_heading(len(_vector_items(valobj)))
    except DnnError as e:
        return '<dnn::Caches: %s>' % e


# Weeks 2 and 3: a heading on one line; the struct's members stay its children (w, b; dw, db; ...).

def _week_summary(what, heading):
    def summary(valobj, internal_dict):
        try:
            return heading(_plain(valobj))
        except DnnError as e:
            return '<%s: %s>' % (what, e)
    return summary


params_summary = _week_summary('dnn::logistic::Params', lambda v: fmt.params_heading(_shape_of(v, 'w'), _double(v, 'b')))
grads_summary = _week_summary('dnn::logistic::Grads', lambda v: fmt.grads_heading(_shape_of(v, 'dw'), _double(v, 'db')))
propagate_summary = _week_summary('dnn::logistic::PropagateResult', lambda v: fmt.propagate_heading(_double(v, 'cost')))
optimize_summary = _week_summary('dnn::logistic::OptimizeResult', lambda v: fmt.optimize_heading(_costs(v)))
model_summary = _week_summary('dnn::logistic::ModelResult',
                              lambda v: fmt.model_heading(_costs(v), _shape_of(v, 'w'), _double(v, 'b')))
forward_summary = _week_summary('dnn::planar::ForwardResult', lambda v: fmt.forward_heading(_shape_of(v, 'A2')))
# An Array3D is its text alone (no children), as in gdb.
array3d_summary = _week_summary('dnn::basics::Array3D', lambda v: fmt.array3d_heading(_array3d_text(v)))

WEEK_SUMMARIES = [
    ('params_summary', 'dnn::logistic::Params'),
    ('grads_summary', 'dnn::logistic::Grads'),
    ('propagate_summary', 'dnn::logistic::PropagateResult'),
    ('optimize_summary', 'dnn::logistic::OptimizeResult'),
    ('model_summary', 'dnn::logistic::ModelResult'),
    ('forward_summary', 'dnn::planar::ForwardResult'),
]


class _Children:
    """Synthetic children: a list of (name, SBValue) made by `entries`, refreshed at each stop."""

    def __init__(self, valobj, internal_dict):
        self.valobj = valobj
        self.items = []

    def entries(self):
        return []

    def update(self):
        try:
            self.items = self.entries()
        except DnnError:
            self.items = []
        return False

    def num_children(self):
        return len(self.items)

    def get_child_index(self, name):
        for k, (n, _) in enumerate(self.items):
            if n == name:
                return k
        return -1

    def get_child_at_index(self, index):
        if index < 0 or index >= len(self.items):
            return None
        name, value = self.items[index]
        data = value.GetNonSyntheticValue()
        address = data.GetLoadAddress()
        if address != lldb.LLDB_INVALID_ADDRESS:
            return self.valobj.CreateValueFromAddress(name, address, data.GetType())
        # libc++'s std::map children are lldb's copies of the pairs, without an address: the entry's bytes then
        # (a Matrix's members; its numbers stay in the program, read through its pointer).
        return self.valobj.CreateValueFromData(name, data.GetData(), data.GetType())

    def has_children(self):
        return True


class DictChildren(_Children):
    """parameters / grads: one child per key, named by the key, in layer order (W1, b1, W2, b2, ...)."""

    def entries(self):
        return _dict_entries(self.valobj)


class CachesChildren(_Children):
    """caches: [0], [1], ... one LayerCache per layer."""

    def entries(self):
        return [('[%d]' % k, c) for k, c in enumerate(_vector_items(self.valobj))]


# ---- the command and the registration ----------------------------------------------------------------------

def shapes_command(debugger, command, result, internal_dict):
    """dnn-shapes EXPR: the names and shapes of a Matrix, ArrayDict, LinearCache, LayerCache or Caches, or of
    weeks 2 and 3's types (names with shapes or values, an Array3D with its numbers)."""
    frame = debugger.GetSelectedTarget().GetProcess().GetSelectedThread().GetSelectedFrame()
    expr = command.strip()
    valobj = frame.GetValueForVariablePath(expr)
    if not valobj.IsValid() or valobj.GetError().Fail():
        valobj = frame.EvaluateExpression(expr)
    if not valobj.IsValid() or valobj.GetError().Fail():
        result.SetError('dnn-shapes %s: %s' % (expr, valobj.GetError().GetCString()))
        return
    try:
        result.PutCString(shapes_text(valobj))
    except DnnError as e:
        result.SetError('dnn-shapes %s: %s' % (expr, e))


def __lldb_init_module(debugger, internal_dict):
    module = __name__
    commands = [
        'type summary add -w %s -F %s.matrix_summary dnn::Matrix' % (CATEGORY, module),
        'type summary add -e -w %s -F %s.linear_cache_summary dnn::LinearCache' % (CATEGORY, module),
        'type summary add -e -w %s -F %s.layer_cache_summary dnn::LayerCache' % (CATEGORY, module),
        'type summary add -e -w %s -F %s.dict_summary dnn::ArrayDict' % (CATEGORY, module),
        'type synthetic add -w %s -l %s.DictChildren dnn::ArrayDict' % (CATEGORY, module),
        'type summary add -e -w %s -F %s.caches_summary dnn::Caches' % (CATEGORY, module),
        'type synthetic add -w %s -l %s.CachesChildren dnn::Caches' % (CATEGORY, module),
    ] + ['type summary add -e -w %s -F %s.%s %s' % (CATEGORY, module, fn, t) for fn, t in WEEK_SUMMARIES] + [
        'type summary add -w %s -F %s.array3d_summary dnn::basics::Array3D' % (CATEGORY, module),
        'type category enable %s' % CATEGORY,
        'command script add -o -f %s.shapes_command dnn-shapes' % module,
        # Short frame lines: the function's name without its arguments (a Matrix argument is many lines), as
        # gdb's `set print frame-arguments none` in dnn.gdb.
        'settings set frame-format "frame #${frame.index}: ${frame.pc}{ ${module.file.basename}{`'
        '${function.name-without-args}}}{ at ${line.file.basename}:${line.number}{:${line.column}}}\\n"',
    ]
    for c in commands:
        debugger.HandleCommand(c)
