# dir returns a new list each time; the names it holds are the interned attribute names
import sys
class C:
    attribute_name_here = 1
d1 = dir(C)
d2 = dir(C)
print(d1 == d2, d1 is d2, sys.getrefcount(d1))
n = [x for x in d1 if x == 'attribute_name_here'][0]
print(n is 'attribute_name_here')
