# pdb's `continue` installs its SIGINT handler with signal.signal (so Ctrl-C breaks into the
# debugger), which refheap refused before signal dispositions were real.
import pdb, io, re, sys, signal
def f(x):
    y = x + 1
    breakpoint()
    z = y * 2
    return z
inp = io.StringIO("p y\nn\np z if 'z' in dir() else 'none'\nc\n")
out = io.StringIO()
dbg = pdb.Pdb(stdin=inp, stdout=out)
sys.breakpointhook = lambda *a, **k: dbg.set_trace(sys._getframe(1))
print(f(3))
print(re.sub(r'\S*pdb_continue_sigint\.py', 'FILE', out.getvalue()))
h = signal.getsignal(signal.SIGINT)
print(h.__func__ is pdb.Pdb.sigint_handler, h.__self__ is dbg)
print(signal.signal(signal.SIGINT, signal.default_int_handler) == h)
