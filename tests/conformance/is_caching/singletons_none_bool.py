# None, True and False are singletons: every operation producing them returns the same object.
print(bool(1) is True, bool(0) is False)
print((1 < 2) is True, (1 > 2) is False)
print(not [] is True)
print(isinstance(3, int) is True)
d = {}
print(d.get('x') is None)
def f():
    pass
print(f() is None)
print(type(None)() is None)
