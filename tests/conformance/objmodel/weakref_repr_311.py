# repr of a weakref in 3.11's format: the referent's type name, and its __name__ for functions and classes
import weakref
def masked(text):
    out = []
    for word in text.split(' '):
        if word.startswith('0x'):
            out.append('X' + (';' if word.endswith(';') else '') + ('>' if word.endswith('>') else ''))
        else:
            out.append(word)
    return ' '.join(out)
class N:
    pass
def f():
    pass
def gen():
    yield 1
n = N()
g = gen()
for o in (n, f, N, len, g):
    print(masked(repr(weakref.ref(o))))
r = weakref.ref(N())
print(masked(repr(r)))
