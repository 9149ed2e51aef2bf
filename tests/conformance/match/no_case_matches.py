# match: when no case matches nothing runs, captures of failed patterns may still be bound, the subject is released.
import sys

class T:
    pass

t = T()
base = sys.getrefcount(t)
match t:
    case int():
        print("int")
    case str():
        print("str")
print("nothing matched; extra refs:", sys.getrefcount(t) - base)
match [t, 1]:
    case [x, 2]:
        print("no")
print("x bound from the failed case:", x is t, sys.getrefcount(t) - base)
