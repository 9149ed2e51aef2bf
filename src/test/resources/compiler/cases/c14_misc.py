"""Module docstring."""
x: int = 1
y: list
obj.attr: int = 2
d['k']: str
print(x)
pass
...
1
None
del x
