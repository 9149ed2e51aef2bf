# Bug: a dict display of more than 8 pairs at the bottom of the stack (BUILD_MAP 0 + MAP_ADD + DICT_UPDATE) crashed the VM.
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5, 'f': 6, 'g': 7, 'h': 8, 'i': 9, 'j': 10}
print(len(d), d['j'], list(d)[:3])
def f(**kw):
    return sorted(kw)
print(f(**{'x': 1, 'y': 2}))
