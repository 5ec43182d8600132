# tools/debuggers/dnn_printers_weeks.py - gdb printers for the types of weeks 2 and 3: dnn::logistic's dicts and results
# (Params, Grads, PropagateResult, OptimizeResult, ModelResult), dnn::planar's ForwardResult (A2 and the cache
# {"Z1", "A1", "Z2", "A2"}) and dnn::basics::Array3D. Week 3's parameters, cache and grads are ArrayDicts: the
# printers of dnn_printers.py show them already. The text is dnn_format.py's, which the lldb formatters
# (dnn_lldb.py) share: both debuggers print these types alike.
#
# EN: tools/debuggers/dnn.gdb sources it after dnn_printers.py, whose helpers it uses (MatrixView, _plain, dict_text):
#     `print grads` in logistic::propagate shows
#         Grads (dw (2, 1), db = 0.001455578136784208) = {dw = Matrix (2, 1) ..., db = 0.0014555781367842079}
#     and `dnn-shapes EXPR` lists names with shapes (arrays) or values (the Python floats b, db, cost), one a line.
#     Scalars print as Python's repr of a float, the notebook's print(db).
# KO: tools/debuggers/dnn.gdb가 dnn_printers.py 다음에 불러옵니다. 2주차의 딕셔너리와 결과(Params, Grads, ...), 3주차의
#     ForwardResult, basics::Array3D를 보여 줍니다. `dnn-shapes EXPR`는 이름과 모양(배열) 또는 값(파이썬 float인
#     b, db, cost)을 한 줄에 하나씩 보여 줍니다. 글은 lldb 포매터(dnn_lldb.py)와 함께 쓰는 dnn_format.py가
#     만들므로 두 디버거가 같은 글을 보여 줍니다.

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # dnn_format.py, beside this file
import dnn_format as fmt  # noqa: E402  (the text, shared with the lldb formatters in dnn_lldb.py)

try:
    import gdb
    import gdb.printing
except ImportError:
    gdb = None


def _float(val):
    return float(val)


def _vector(val):
    """(first element pointer, count) of a std::vector: libstdc++ (_M_impl) or libc++ (__begin_, __end_)."""
    try:
        impl = val['_M_impl']
        start, finish = impl['_M_start'], impl['_M_finish']
    except gdb.error:
        start, finish = val['__begin_'], val['__end_']
    return start, int(finish - start)


def _costs(val):
    """The number of costs in a std::vector<double>."""
    return _vector(val)[1]


def _shape(val):
    return MatrixView(val).shape()  # noqa: F821 (dnn_printers.py, sourced first by dnn.gdb)


# ---- names and shapes (dnn-shapes) ------------------------------------------------------------------------

def params_shapes(val):
    return fmt.params_shapes(_shape(val['w']), _float(val['b']))


def grads_shapes(val):
    return fmt.grads_shapes(_shape(val['dw']), _float(val['db']))


def propagate_shapes(val):
    return fmt.propagate_shapes(grads_shapes(val['grads']), _float(val['cost']))


def optimize_shapes(val):
    return fmt.optimize_shapes(params_shapes(val['params']), grads_shapes(val['grads']), _costs(val['costs']))


def model_shapes(val):
    return fmt.model_shapes(_costs(val['costs']), _shape(val['Y_prediction_test']), _shape(val['Y_prediction_train']),
                            _shape(val['w']), _float(val['b']), _float(val['learning_rate']),
                            int(val['num_iterations']))


def forward_shapes(val):
    return fmt.forward_shapes(_shape(val['A2']), dict_text(_plain(val['cache'])))  # noqa: F821 (dnn_printers.py)


def _array3d_shape(val):
    shape = val['shape']
    try:
        elems = shape['_M_elems']  # libstdc++ std::array
    except gdb.error:
        elems = shape['__elems_']  # libc++
    return tuple(int(elems[k]) for k in range(3))


def array3d_text(val):
    """The shape, then each image[i] as numpy prints a 2-D array (legacy layout)."""
    length, height, depth = _array3d_shape(val)
    start, n = _vector(val['data'])
    return fmt.array3d_text((length, height, depth), n,
                            lambda i, j, k: float((start + (i * height + j) * depth + k).dereference()))


# ---- the printers --------------------------------------------------------------------------------------------

class _StructPrinter:
    """A struct whose heading is its shapes on one line; its members are the children."""

    fields = ()

    def __init__(self, val):
        self.val = _plain(val)

    def children(self):
        for f in self.fields:
            yield f, self.val[f]


class ParamsPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::logistic::Params']

    def to_string(self):
        return fmt.params_heading(_shape(self.val['w']), _float(self.val['b']))


class GradsPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::logistic::Grads']

    def to_string(self):
        return fmt.grads_heading(_shape(self.val['dw']), _float(self.val['db']))


class PropagateResultPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::logistic::PropagateResult']

    def to_string(self):
        return fmt.propagate_heading(_float(self.val['cost']))


class OptimizeResultPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::logistic::OptimizeResult']

    def to_string(self):
        return fmt.optimize_heading(_costs(self.val['costs']))


class ModelResultPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::logistic::ModelResult']

    def to_string(self):
        return fmt.model_heading(_costs(self.val['costs']), _shape(self.val['w']), _float(self.val['b']))


class ForwardResultPrinter(_StructPrinter):
    fields = fmt.WEEK_FIELDS['dnn::planar::ForwardResult']

    def to_string(self):
        return fmt.forward_heading(_shape(self.val['A2']))


class Array3DPrinter:
    def __init__(self, val):
        self.val = _plain(val)

    def to_string(self):
        try:
            return fmt.array3d_heading(array3d_text(self.val))
        except gdb.error as e:
            return '<dnn::basics::Array3D: %s>' % e


def build_week_printers():
    pp = gdb.printing.RegexpCollectionPrettyPrinter('dnn-weeks')
    pp.add_printer('Params', '^dnn::logistic::Params$', ParamsPrinter)
    pp.add_printer('Grads', '^dnn::logistic::Grads$', GradsPrinter)
    pp.add_printer('PropagateResult', '^dnn::logistic::PropagateResult$', PropagateResultPrinter)
    pp.add_printer('OptimizeResult', '^dnn::logistic::OptimizeResult$', OptimizeResultPrinter)
    pp.add_printer('ModelResult', '^dnn::logistic::ModelResult$', ModelResultPrinter)
    pp.add_printer('ForwardResult', '^dnn::planar::ForwardResult$', ForwardResultPrinter)
    pp.add_printer('Array3D', '^dnn::basics::Array3D$', Array3DPrinter)
    return pp


WEEK_SHAPES = {
    'dnn::logistic::Params': params_shapes,
    'dnn::logistic::Grads': grads_shapes,
    'dnn::logistic::PropagateResult': propagate_shapes,
    'dnn::logistic::OptimizeResult': optimize_shapes,
    'dnn::logistic::ModelResult': model_shapes,
    'dnn::planar::ForwardResult': forward_shapes,
    'dnn::basics::Array3D': array3d_text,
}


def _install():
    """dnn-shapes (dnn_printers.py's command) learns these types: their text first, the others as before."""
    if getattr(_ShapesCommand, 'week_types', False):
        return  # sourced again
    base = _ShapesCommand.__dict__['shapes'].__func__

    def shapes(arg):
        val = gdb.parse_and_eval(arg)
        if val.type.code == gdb.TYPE_CODE_PTR:
            val = val.dereference()
        val = _plain(val)
        fn = WEEK_SHAPES.get(val.type.unqualified().name or '')
        return fn(val) if fn else base(arg)

    _ShapesCommand.shapes = staticmethod(shapes)
    _ShapesCommand.week_types = True


if gdb is not None:
    _install()
    gdb.printing.register_pretty_printer(gdb.current_objfile(), build_week_printers(), replace=True)
