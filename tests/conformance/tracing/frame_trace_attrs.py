# frame.f_trace (set directly: pdb sets it on the frames above), f_trace_lines (False: no 'line'
# events for that frame), f_trace_opcodes (an 'opcode' event per instruction), their type checks,
# and frame.f_lineno's setter refused outside a 'line' event with CPython's messages
import sys

def counted(frame, ev, arg):
    counts[ev] = counts.get(ev, 0) + 1
    return counted

def body():
    a = 1
    b = a + 1
    return b

counts = {}
def opcodes(frame, ev, arg):
    if frame.f_code.co_name == 'body':
        frame.f_trace_opcodes = True
        frame.f_trace_lines = False
        return counted
sys.settrace(opcodes)
body()
sys.settrace(None)
print(sorted(counts.items()))

seen = []
def outer_trace(frame, ev, arg):
    seen.append((ev, frame.f_code.co_name, frame.f_lineno))
    return outer_trace
def caller():
    me = sys._getframe()
    me.f_trace = outer_trace
    sys.settrace(lambda *a: None)
    x = 1
    sys.settrace(None)
    return x
caller()
print(seen)

def f():
    return sys._getframe()
fr = f()
print(fr.f_trace, fr.f_trace_lines, fr.f_trace_opcodes)
for attr, val in [('f_trace_lines', 1), ('f_trace_opcodes', None), ('f_lineno', 'x'), ('f_lineno', 3)]:
    try:
        setattr(fr, attr, val)
    except (TypeError, ValueError) as e:
        print(attr, type(e).__name__, e)
for attr in ['f_trace_lines', 'f_lineno']:
    try:
        delattr(fr, attr)
    except (TypeError, AttributeError) as e:
        print(attr, type(e).__name__, e)
fr.f_trace = print
print(fr.f_trace)
del fr.f_trace
print(fr.f_trace)

def jumper(frame, ev, arg):
    if frame.f_code.co_name == 'target' and ev in ('call', 'return', 'exception'):
        try:
            frame.f_lineno = frame.f_lineno
        except ValueError as e:
            print(ev, e)
    return jumper
def target():
    try:
        raise KeyError
    except KeyError:
        pass
    return 1
sys.settrace(jumper)
target()
sys.settrace(None)
