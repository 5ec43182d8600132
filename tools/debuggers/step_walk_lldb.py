# tools/debuggers/step_walk_lldb.py - the lldb twin of step_walk.py: counts the plain `step`s (thread step-in)
# from one source line to the end of its function, listing where each one stops (make check-debugger runs it).
#
#   lldb -b -x -o 'command script import tools/debuggers/dnn_lldb.py' \
#        -o 'command script import tools/debuggers/step_walk_lldb.py' -o 'dnn-step-walk nn/forward.cpp 15' PROGRAM
#
# Prints one line per step, "step N: function  file:line", then "steps: N". The walk ends when the function
# that holds the starting line returns to its caller (the step that lands there is not counted).
import os

import lldb


def walk(debugger, command, result, internal_dict):
    path, line = command.split()
    debugger.SetAsync(False)
    target = debugger.GetSelectedTarget()
    target.BreakpointCreateByLocation(path, int(line))
    debugger.HandleCommand('process launch --stdout /dev/null')
    process = target.GetProcess()
    thread = process.GetSelectedThread()
    depth = thread.GetNumFrames()
    steps = 0
    while steps < 1000 and process.GetState() == lldb.eStateStopped:
        thread.StepInto()
        if process.GetState() != lldb.eStateStopped or thread.GetNumFrames() < depth:
            break
        steps += 1
        frame = thread.GetFrameAtIndex(0)
        entry = frame.GetLineEntry()
        spec = entry.GetFileSpec()
        where = '?'
        if spec.IsValid() and spec.fullpath:
            where = '%s:%d' % (os.path.relpath(spec.fullpath, os.getcwd()), entry.GetLine())
        name = frame.GetDisplayFunctionName() or frame.GetFunctionName() or '?'
        print('step %d: %s  %s' % (steps, name, where))
    print('steps: %d' % steps)
    process.Kill()


def __lldb_init_module(debugger, internal_dict):
    debugger.HandleCommand('command script add -o -f %s.walk dnn-step-walk' % __name__)
