# A trace function that raises is removed (sys.gettrace() is None after) and its exception comes
# out of the traced code: from the 'call' event (the frame's handlers do not see it), from a
# 'line' event (a handler in the frame catches it), from 'return', from 'exception'; the same for
# a profile function
import sys

def f():
    try:
        a = 1
        b = 2
    except KeyError as e:
        print('f caught', repr(e))
    return 3

def raiser(event):
    def tr(frame, ev, arg):
        if frame.f_code.co_name == 'f' and ev == event:
            raise KeyError(event)
        return tr
    return tr

for event in ['call', 'line', 'return']:
    sys.settrace(raiser(event))
    try:
        print('result', f())
    except KeyError as e:
        print('caller caught', repr(e))
    print(event, sys.gettrace())

def g():
    try:
        raise ValueError('v')
    except ValueError as e:
        print('g caught', repr(e))
    except KeyError as e:
        print('g caught the trace function', repr(e))
    return 'g done'

sys.settrace(raiser('exception'))
def g_tr(frame, ev, arg):
    if ev == 'exception':
        raise KeyError('from exception event')
    return g_tr
sys.settrace(g_tr)
try:
    print(g())
except Exception as e:
    print('outer', repr(e))
print(sys.gettrace())

def p(frame, ev, arg):
    if ev == 'c_call':
        raise RuntimeError('profile ' + ev)
sys.setprofile(p)
try:
    len([])
except RuntimeError as e:
    print('profile raised', e)
print(sys.getprofile())
