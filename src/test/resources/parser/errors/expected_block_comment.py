def f():
# c
