# from __future__ import annotations: module and class annotations are their source text (3.11's unparser), nothing is evaluated
from __future__ import annotations
import sys
x: List[int] = 3
y: 'quoted'
class C:
    a: dict[str, int | None]
    b: Callable[[int, str], Optional[Tuple[int, ...]]] = None
    def m(self, p: C, *args: int, q: lambda x, *, y=2: x + y = 1, **kw: Mapping[str, Any]) -> C | None:
        pass
def f(a: 1 + 2 * 3 ** -4, b: (1, 2), c: f"x{y!r:>{w}}", d: not a or b and c, e: [i for i in range(3) if i], g: {1: 2, **h}, k: a[1:2, ::3], l: x if y else z, m: 1e400, n: -(-1), p: a.b.c(1, *d, k=3, **e), r: 5 .real, s: b'x\n', t: (yield_ for z in w), u: {*a}, v: a < b <= c is not d not in e) -> ...:
    pass
print(__annotations__)
print(C.__annotations__)

class Shapes:
    a1: 1 + 2 * 3 ** -4
    a2: (1, 2)
    a3: f"x{y!r:>{w}}"
    a4: not a or b and c
    a5: [i for i in range(3) if i]
    a6: {1: 2, **h}
    a7: a[1:2, ::3]
    a8: x if y else z
    a9: 1e400
    b1: -(-1)
    b2: a.b.c(1, *d, k=3, **e)
    b3: 5 .real
    b4: b'x\n'
    b5: (z for z in w)
    b6: {*a}
    b7: a < b <= c is not d not in e
    b8: lambda x, *, y=2: x + y
    b9: (a + b) * c - (d - e) - f
    c1: (a ** b ** c, (a ** b) ** c)
    c2: f(x for x in y)
    c3: {k: v for k, v in z}
    c4: ~a | b & c ^ d << 2 >> 1
    c5: 'it''s "quoted"'
    c6: ...
    c7: (a[()], a[b,], a[*b])
    c8: (-1 ** 2, (-1) ** 2)
    c9: ([*a, *b], None, True)
for k, v in Shapes.__annotations__.items():
    print(k, v)
