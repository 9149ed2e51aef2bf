# Under `from __future__ import annotations` an annotation is a block of its own in the symbol
# table: its names are no uses of the enclosing function (no closure cell made for them), and
# yield, await and := in it are SyntaxErrors wherever the annotation is (an attribute or
# subscript target too); a complex literal's text is its repr (infinities as 1e309), and
# x.__debug__: int is refused as x.__debug__ = 1 is. The late-__future__ error's location.
from __future__ import annotations


def foo():
    outer = 1

    def bar():
        inner: outer = 1
        return inner

    def baz(a: outer) -> outer:
        return a
    return bar, baz


bar, baz = foo()
print(bar.__closure__, baz.__closure__, foo.__code__.co_cellvars, bar.__code__.co_freevars)
print(baz.__annotations__)


def f(a: 1j, b: 1e1000j, c: (1+2j), d: -1j, e: 1e1000, g: 0j, h: 2.5j, i: 3+1e1000j, j: (1e1000, 1e1000j)): pass


print(f.__annotations__)
sources = ["test: (yield)", "test.test: (yield a + b)", "test[something]: (yield from x)",
           "def func(test: (yield from outside_of_generator)): pass", "def test() -> (await y): pass",
           "async def test() -> something((a := b)): pass", "test: await some.complicated[0].call(with_args=True or 1 is not 1)",
           "test: f'{(x := 10):=10}'", "def foo(test: f'{(x := 10):=10}'): pass", "x: [y for y in z]", "x: lambda a: a",
           "object.__debug__: int", "def f():\n  x: (yield) = 1", "def f():\n  y: (lambda: (yield)) = 1"]
for src in sources:
    try:
        compile('from __future__ import annotations\n' + src, '<s>', 'exec')
        print('compiled', repr(src))
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno, e.offset)
for src in ['x=1; from __future__ import braces', 'from __future__ import braces', 'import os\nfrom __future__ import division',
            'from __future__ import nonsense', 'from __future__ import nested_scopes; import string; from __future__ import \\\n  nested_scopes']:
    try:
        compile(src, 'b7', 'exec')
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
# compile(), exec() and eval() of source inherit the caller's annotations future (or take it as a flag)
ns = {}
exec("def f(x: int) -> str: pass", ns)
print(ns['f'].__annotations__)
c = compile("def g(y: list[int]): pass", "s", "exec")
exec(c, ns)
print(ns['g'].__annotations__, hex(c.co_flags))
c = compile("def g(y: list[int]): pass", "s", "exec", dont_inherit=True)
exec(c, ns)
print(ns['g'].__annotations__, hex(c.co_flags))
import __future__
c = compile("def h(y: x.y): pass", "s", "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True)
exec(c, ns)
print(ns['h'].__annotations__, hex(c.co_flags))
