# The frame objects a trace function is given: sys.getrefcount(frame) and gc.is_tracked inside
# the 'call' event, gc.get_count() in traced calls and after them (each traced frame gets its
# frame object and its f_locals dict, as CPython makes them), f_locals the same dict each time,
# and a trace function that changes f_locals changes the variable (PyFrame_LocalsToFast)
import sys, gc
gc.disable()

# recorded (into a list made before), printed after: print's own allocations are left out
rec = [None] * 8
n = 0
def show(frame, ev, arg):
    global n
    if ev == 'call':
        rec[n] = (frame.f_code.co_name, sys.getrefcount(frame), gc.is_tracked(frame),
                  gc.get_count()[0] - base[0], frame.f_locals is frame.f_locals)
        n += 1
    return show

def inner(x):
    y = x * 2
    return y

def outer(n):
    t = 0
    for i in range(n):
        t += inner(i)
    return t

base = gc.get_count()
sys.settrace(show)
r = outer(3)
sys.settrace(None)
after = gc.get_count()[0] - base[0]
for i in range(n):
    print('call', *rec[i])
print(r, after)

def withcell():
    a = 1
    def g():
        return a
    return g()

def loc(frame, ev, arg):
    if ev == 'line' and frame.f_code.co_name == 'withcell':
        print(frame.f_lineno, sorted(frame.f_locals))
    return loc

sys.settrace(loc)
withcell()
sys.settrace(None)

def mod(frame, ev, arg):
    if ev == 'line' and frame.f_code.co_name == 'm' and frame.f_locals.get('v') == 1:
        frame.f_locals['v'] = 100
    return mod

def m():
    v = 1
    w = 2
    return v + w

sys.settrace(mod)
print(m())
sys.settrace(None)
kept = []
def keep(frame, ev, arg):
    if ev == 'call':
        kept.append(frame)
sys.settrace(keep)
inner(5)
sys.settrace(None)
fr = kept[0]
print(sys.getrefcount(fr), gc.is_tracked(fr), fr.f_lineno, sorted(fr.f_locals.items()))
