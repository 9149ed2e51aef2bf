# match: a captured value is one more reference held by the capture variable; the subject copy is released after the match.
import sys

class Box:
    pass

b = Box()
base = sys.getrefcount(b)
match b:
    case x:
        print("in case:", sys.getrefcount(b) - base)
print("after match:", sys.getrefcount(b) - base)
del x
print("after del:", sys.getrefcount(b) - base)
lst = [b, b]
match lst:
    case [p, q]:
        print("pair captured:", sys.getrefcount(b) - base)
del p, q
print("released:", sys.getrefcount(b) - base)
match lst:
    case [_, _]:
        print("wildcards hold nothing:", sys.getrefcount(b) - base)
