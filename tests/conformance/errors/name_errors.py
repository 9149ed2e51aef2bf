# NameError for unknown globals and UnboundLocalError for locals read before assignment.
try:
    undefined_name
except NameError as e:
    print(type(e).__name__, e)
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print(type(e).__name__, e, isinstance(e, NameError))
