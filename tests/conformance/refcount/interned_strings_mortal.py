# In 3.11 interned strings are mortal: the interned table's reference is not counted.
import sys
s = sys.intern(''.join(['runtime', '_interned', '_name']))
print(sys.getrefcount(s))
t = sys.intern(''.join(['runtime_', 'interned_name']))
print(t is s, sys.getrefcount(s))
