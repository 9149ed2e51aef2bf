# breakpoint() and sys.breakpointhook: a replaced hook gets the arguments, a deleted one is a
# RuntimeError, and the default (pdb.set_trace: $PYTHONBREAKPOINT is ignored under -I, as the
# expected output was made) stops in the caller, reading the commands from a sys.stdin put in
# place of the console's (input() reads a replaced sys.stdin); 'q' raises BdbQuit in the caller
import bdb, contextlib, io, re, sys

print(sys.breakpointhook is sys.__breakpointhook__)
sys.breakpointhook = lambda *a, **k: ('custom', a, k)
print(breakpoint(1, x=2))
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
sys.breakpointhook = sys.__breakpointhook__

def f(n):
    x = n + 1
    breakpoint()
    y = x * 2
    return y

saved = sys.stdin
sys.stdin = io.StringIO('p x\nn\np y\nq\n')
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        r = f(3)
    except bdb.BdbQuit:
        r = 'quit'
sys.stdin = saved
print(r)
print(re.sub(r'\S*breakpoint_hook\.py', 'FILE', out.getvalue()))
print(sys.gettrace())

# a hook that starts pdb without its SIGINT handler, as test suites do, and 'continue'
import pdb
sys.breakpointhook = lambda: pdb.Pdb(nosigint=True).set_trace(sys._getframe(1))
sys.stdin = io.StringIO('p x\nc\n')
out = io.StringIO()
with contextlib.redirect_stdout(out):
    r = f(4)
sys.stdin = saved
sys.breakpointhook = sys.__breakpointhook__
print(r)
print(re.sub(r'\S*breakpoint_hook\.py', 'FILE', out.getvalue()))
print(sys.gettrace())
