# code.replace(): every field 3.11 accepts, the new code object's attributes and behaviour, and
# 3.11's errors for bad types and values.
import sys
import traceback

def f(a, b=1):
    "the doc"
    x = a + b
    return x

c = f.__code__
r = c.replace(co_name="renamed", co_qualname="Q.renamed", co_filename="other.py", co_firstlineno=100)
print(r.co_name, r.co_qualname, r.co_filename, r.co_firstlineno, r is c, r == c)
d = 100 - c.co_firstlineno
print(list(r.co_lines()) == [(s, e, l + d if l else l) for s, e, l in c.co_lines()])
print([p[0] - q[0] for p, q in zip(r.co_positions(), c.co_positions()) if p[0] is not None])
g = lambda *a: None
g.__code__ = r
print(g(1, 2), g.__name__, g.__code__.co_name)

def boom(a):
    return 1 / a
h = lambda a: None
h.__code__ = boom.__code__.replace(co_firstlineno=boom.__code__.co_firstlineno + 1000, co_filename="moved.py", co_name="moved")
try:
    h(0)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_filename, tb.tb_lineno - boom.__code__.co_firstlineno, tb.tb_frame.f_code.co_name)

r2 = c.replace(co_varnames=("p", "q", "y"))
print(r2.co_varnames, r2.co_nlocals, r2.co_argcount)
def k(p=5, q=6): pass
k.__code__ = r2
print(k(2), k(3, 4))
k2 = lambda: 0
k2.__code__ = c.replace(co_consts=("other doc",) + c.co_consts[1:])
print(k2(1, 2), k2.__code__.co_consts[0])
names = ("zz",) + c.co_names
print(c.replace(co_names=names).co_names == names, c.replace(co_names=names).co_names is names)

def pair(a, b):
    return a
r3 = pair.__code__.replace(co_stacksize=50, co_flags=pair.__code__.co_flags, co_argcount=1, co_posonlyargcount=1, co_kwonlyargcount=0)
print(r3.co_stacksize, r3.co_argcount, r3.co_posonlyargcount, r3.co_kwonlyargcount)
one = lambda: 0
one.__code__ = r3
print(one(7))
try:
    one(a=7)
except TypeError as e:
    print(e)
print(c.replace(co_code=c.co_code, co_exceptiontable=c.co_exceptiontable).co_code == c.co_code)
print(c.replace() is c, c.replace().co_name)

def gen():
    yield 1
small = lambda: 0
small.__code__ = gen.__code__.replace(co_stacksize=gen.__code__.co_stacksize + 10)
print(sys.getsizeof(small()) - sys.getsizeof(gen()))

bad = [dict(co_argcount="1"), dict(co_code="x"), dict(co_consts=[1]), dict(co_filename=1), dict(co_name=b"x"),
       dict(co_names=("a", 1)), dict(co_varnames=("a",)), dict(co_nlocals=5), dict(co_argcount=-1), dict(co_argcount=5),
       dict(co_posonlyargcount=3), dict(co_flags=-1), dict(co_stacksize=-1), dict(co_linetable="x"),
       dict(co_exceptiontable=1), dict(bogus=1), dict(co_code=b"\x00"), dict(co_varnames=("a", "b", "x", "y")),
       dict(co_varnames=(1, "b", "x")), dict(co_qualname=None), dict(co_firstlineno="3"), dict(co_kwonlyargcount=2),
       dict(co_argcount=1.5), dict(co_flags=2**40), dict(co_nlocals=-1), dict(co_firstlineno=-1),
       dict(co_code=b"\x00", co_varnames=("a",)), dict(co_flags=-1, co_argcount=-1)]
for kw in bad:
    try:
        c.replace(**kw)
        print(kw, "accepted")
    except Exception as e:
        print(kw, type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(e)
