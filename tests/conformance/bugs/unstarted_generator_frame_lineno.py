# The frame of a generator that has not started stands at the def line (refheap gave the first
# line of the body).
def g():
    yield 1
print(g().gi_frame.f_lineno)
async def a():
    yield 1
print(a().ag_frame.f_lineno)
x = g()
next(x)
print(x.gi_frame.f_lineno)
