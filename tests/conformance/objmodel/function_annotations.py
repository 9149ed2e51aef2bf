# func.__annotations__: an empty dict made on first use, or the annotations as a dict; writable
import gc
def plain():
    pass
def ann(a: int, b: 'str' = 'x', *, c: list[int]) -> bool:
    pass
print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
print(ann.__annotations__)
ann.__annotations__ = {'z': float}
print(ann.__annotations__)
class C:
    x: int = 1
    y: str
    def m(self, v: 'C') -> None:
        pass
print(C.__annotations__, C.m.__annotations__)
try:
    plain.__annotations__ = 5
except TypeError as e:
    print(e)
