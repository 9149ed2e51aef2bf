pass
...
x
"docstring-like expression"
f(x)
(yield_value)
a.b.c
-x
not x
x < y
[1, 2]
