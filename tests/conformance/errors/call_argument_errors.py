# TypeError messages for wrong argument counts and keywords in calls to Python functions.
def f(a, b, c=3):
    return a
def g(*, k):
    return k
class A:
    def m(self, x):
        return x
tries = [
    lambda: f(1),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=4),
    lambda: f(1, 2, a=1),
    lambda: g(1),
    lambda: g(),
    lambda: A().m(),
    lambda: A().m(1, 2),
    lambda: A(1),
    lambda: f(),
]
for t in tries:
    try:
        t()
    except TypeError as e:
        print(e)
