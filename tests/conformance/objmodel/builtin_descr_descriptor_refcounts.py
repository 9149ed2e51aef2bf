# each builtin descriptor is held once by its type's dict
import sys
for d in (list.__dict__['append'], int.__dict__['__add__'], dict.__dict__['fromkeys'], str.__dict__['join']):
    print(type(d).__name__, sys.getrefcount(d))
