# match: class pattern errors: too many positional sub-patterns, a non-tuple __match_args__, non-type called, repeated attribute.
class A:
    __match_args__ = ("a",)
    a = 1

class B:
    __match_args__ = ["b"]
    b = 2

class C:
    pass

def attempt(f):
    try:
        print(f())
    except TypeError as e:
        print("TypeError:", e)

def too_many():
    match A():
        case A(x, y):
            return x, y

def not_tuple():
    match B():
        case B(x):
            return x

def no_match_args():
    match C():
        case C(x):
            return x

def not_a_type():
    f = len
    match 3:
        case f():
            return "called"

def repeated():
    match A():
        case A(x, a=y):
            return x, y

def int_two():
    match 5:
        case int(x, y):
            return x

for f in [too_many, not_tuple, no_match_args, not_a_type, repeated, int_two]:
    attempt(f)
