# Seed cells 10-11: getrefcount of 300 (three names) and 400 (one name) under exec(compile()) semantics.
import sys
a = 300
b = 400
c = a
d = a
print(sys.getrefcount(a))
print(sys.getrefcount(b))
