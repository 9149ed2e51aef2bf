# trace.Trace(count=1, trace=0).runfunc: the line counts the trace module collects for a recursive
# function (its trace function returns itself for every frame and counts line events)
import trace, sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

t = trace.Trace(count=1, trace=0)
print(t.runfunc(fib, 5))
counts = t.results().counts
for (fn, line), c in sorted(counts.items()):
    if fn == __file__:
        print(line, c)
print(sys.gettrace())
