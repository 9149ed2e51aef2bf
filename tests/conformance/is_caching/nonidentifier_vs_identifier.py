# Only string constants made of letters, digits and '_' are interned; sys.intern works for any string.
import sys
pairs = [('abc_123', 'abc_'), ('hi there', 'hi '), ('a-b', 'a-'), ('x.y', 'x.'), ('CamelCase9', 'Camel')]
for const, prefix in pairs:
    built = prefix + const[len(prefix):]
    print(repr(const), built == const, sys.intern(built) is const)
