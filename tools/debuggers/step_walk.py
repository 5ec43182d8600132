# tools/debuggers/step_walk.py - counts the plain `step`s from one source line to the end of its function, listing
# where each one stops (make check-debugger runs it; see tools/debuggers/check_debugger.sh).
#
#   gdb -batch -nx -x tools/debuggers/dnn.gdb -ex 'py WALK = ("nn/forward.cpp", 15)' -x tools/debuggers/step_walk.py PROGRAM
#
# Prints one line per step, "step N: function  file:line", then "steps: N". The walk ends when the function
# that holds the starting line returns to its caller (the step that lands there is not counted).
import gdb

walk_file, walk_line = WALK  # noqa: F821 (set by the caller with -ex 'py WALK = (...)')
gdb.execute("break %s:%d" % (walk_file, walk_line), to_string=True)
gdb.execute("run > /dev/null", to_string=True)
start = gdb.selected_frame()
depth = 0
f = start
while f is not None:
    depth += 1
    f = f.older()


def frame_depth(frame):
    n = 0
    while frame is not None:
        n += 1
        frame = frame.older()
    return n


steps = 0
while steps < 1000:
    gdb.execute("step", to_string=True)
    frame = gdb.selected_frame()
    if frame_depth(frame) < depth:
        break
    steps += 1
    sal = frame.find_sal()
    where = "%s:%d" % (sal.symtab.filename, sal.line) if sal.symtab else "?"
    print("step %d: %s  %s" % (steps, frame.name(), where))
print("steps: %d" % steps)
gdb.execute("kill", to_string=True)
