# Module globals live in the globals() dict; a function reading a global takes no lasting reference.
import sys
g = []
print(sys.getrefcount(g))
def read():
    return sys.getrefcount(g)
print(read())
def hold():
    x = g
    return sys.getrefcount(g)
print(hold())
print(globals()['g'] is g)
print(sys.getrefcount(g))
