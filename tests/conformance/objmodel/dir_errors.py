# dir's argument errors
try:
    dir(1, 2)
except TypeError as e:
    print(e)
try:
    dir(x=1)
except TypeError as e:
    print(e)
print(type(dir(1)).__name__, dir(None)[:3])
