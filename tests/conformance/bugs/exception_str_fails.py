# An exception whose __str__ raises (or returns a non-str) prints <exception str() failed> in tracebacks and unraisable reports, as 3.11
class E(Exception):
    def __str__(self):
        raise ValueError("boom")
class F(Exception):
    def __str__(self):
        return 5
class D:
    def __del__(self):
        raise E("in del")
d = D()
del d
try:
    raise F()
except Exception as e:
    print(type(e).__name__)
def f():
    raise E("x")
try:
    f()
except E as e:
    try:
        raise F() from e
    except F as g:
        raise E() from g
