# A loop variable that is captured lives in a cell, and every closure sees its last value after the loop.
def make():
    funcs = []
    for k in ['a', 'b', 'c']:
        def f():
            return k
        funcs.append(f)
    return funcs
print([f() for f in make()])
