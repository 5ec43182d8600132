# tools/debuggers/dnn_printers_weeks.py - gdb printers for the types of weeks 2 and 3: dnn::logistic's dicts and results
# (Params, Grads, PropagateResult, OptimizeResult, ModelResult), dnn::planar's ForwardResult (A2 and the cache
# {"Z1", "A1", "Z2", "A2"}) and dnn::basics::Array3D. Week 3's parameters, cache and grads are ArrayDicts: the
# printers of dnn_printers.py show them already.
#
# EN: tools/debuggers/dnn.gdb sources it after dnn_printers.py, whose helpers it uses (MatrixView, _plain, dict_shapes,
#     format_matrix): `print grads` in logistic::propagate shows
#         Grads (dw (2, 1), db = 0.001455578136784208) = {dw = Matrix (2, 1) ..., db = 0.0014555781367842079}
#     and `dnn-shapes EXPR` lists names with shapes (arrays) or values (the Python floats b, db, cost), one a line.
#     Scalars print as Python's repr of a float, the notebook's print(db).
# KO: tools/debuggers/dnn.gdb가 dnn_printers.py 다음에 불러옵니다. 2주차의 딕셔너리와 결과(Params, Grads, ...), 3주차의
#     ForwardResult, basics::Array3D를 보여 줍니다. `dnn-shapes EXPR`는 이름과 모양(배열) 또는 값(파이썬 float인
#     b, db, cost)을 한 줄에 하나씩 보여 줍니다.

import re

try:
    import gdb
    import gdb.printing
except ImportError:
    gdb = None


def _float(val):
    """A double as Python's repr prints it (the notebook's print of a Python float)."""
    return repr(float(val))


def _costs(val):
    """The number of costs in a std::vector<double>."""
    impl = val['_M_impl']
    return int(impl['_M_finish'] - impl['_M_start'])


# ---- names and shapes (dnn-shapes) ------------------------------------------------------------------------

def params_shapes(val):
    return 'w: %s\nb: %s' % (MatrixView(val['w']).shape(), _float(val['b']))


def grads_shapes(val):
    return 'dw: %s\ndb: %s' % (MatrixView(val['dw']).shape(), _float(val['db']))


def propagate_shapes(val):
    return '%s\ncost: %s' % (grads_shapes(val['grads']), _float(val['cost']))


def optimize_shapes(val):
    return '%s\n%s\ncosts: %d values' % (params_shapes(val['params']), grads_shapes(val['grads']), _costs(val['costs']))


def model_shapes(val):
    return '\n'.join(['costs: %d values' % _costs(val['costs']),
                      'Y_prediction_test: %s' % MatrixView(val['Y_prediction_test']).shape(),
                      'Y_prediction_train: %s' % MatrixView(val['Y_prediction_train']).shape(),
                      'w: %s' % MatrixView(val['w']).shape(),
                      'b: %s' % _float(val['b']),
                      'learning_rate: %s' % _float(val['learning_rate']),
                      'num_iterations: %d' % int(val['num_iterations'])])


def forward_shapes(val):
    return 'A2: %s\n%s' % (MatrixView(val['A2']).shape(), dict_shapes(_plain(val['cache'])))


def _array3d_shape(val):
    shape = val['shape']['_M_elems']
    return tuple(int(shape[k]) for k in range(3))


def array3d_text(val):
    """The shape, then each image[i] as numpy prints a 2-D array (legacy layout)."""
    length, height, depth = _array3d_shape(val)
    impl = val['data']['_M_impl']
    start = impl['_M_start']
    n = int(impl['_M_finish'] - start)
    if n != length * height * depth or n > MAX_ENTRIES:
        return '(%d, %d, %d) <%d values: not constructed yet?>' % (length, height, depth, n)
    lines = ['(%d, %d, %d)' % (length, height, depth)]
    for i in range(length):
        base = i * height * depth
        text = format_matrix(height, depth, lambda r, c: float((start + base + r * depth + c).dereference()))
        lines.append('image[%d] =\n%s' % (i, text))
    return '\n'.join(lines)


# ---- the printers --------------------------------------------------------------------------------------------

class _StructPrinter:
    """A struct whose heading is its shapes on one line; its members are the children."""

    heading = ''
    fields = ()

    def __init__(self, val):
        self.val = _plain(val)

    def children(self):
        for f in self.fields:
            yield f, self.val[f]


class ParamsPrinter(_StructPrinter):
    fields = ('w', 'b')

    def to_string(self):
        return 'Params (w %s, b = %s)' % (MatrixView(self.val['w']).shape(), _float(self.val['b']))


class GradsPrinter(_StructPrinter):
    fields = ('dw', 'db')

    def to_string(self):
        return 'Grads (dw %s, db = %s)' % (MatrixView(self.val['dw']).shape(), _float(self.val['db']))


class PropagateResultPrinter(_StructPrinter):
    fields = ('grads', 'cost')

    def to_string(self):
        return 'PropagateResult (grads, cost = %s)' % _float(self.val['cost'])


class OptimizeResultPrinter(_StructPrinter):
    fields = ('params', 'grads', 'costs')

    def to_string(self):
        return 'OptimizeResult (params, grads, %d costs)' % _costs(self.val['costs'])


class ModelResultPrinter(_StructPrinter):
    fields = ('costs', 'Y_prediction_test', 'Y_prediction_train', 'w', 'b', 'learning_rate', 'num_iterations')

    def to_string(self):
        return 'ModelResult (%d costs, w %s, b = %s)' % (_costs(self.val['costs']), MatrixView(self.val['w']).shape(),
                                                        _float(self.val['b']))


class ForwardResultPrinter(_StructPrinter):
    fields = ('A2', 'cache')

    def to_string(self):
        return 'ForwardResult (A2 %s, cache)' % MatrixView(self.val['A2']).shape()


class Array3DPrinter:
    def __init__(self, val):
        self.val = _plain(val)

    def to_string(self):
        try:
            return 'Array3D ' + array3d_text(self.val)
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
