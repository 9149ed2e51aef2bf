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

def g(x: int = 1, *, y: Outer.Inner[str] = None) -> tuple[int, ...]:
    z: float = 2.0
    w: undefined_name
    return x, y, z
obj = C()
obj.attr: int = 5
obj.sub[0]: complicated[expr] = 6
