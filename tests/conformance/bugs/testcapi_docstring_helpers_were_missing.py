# _testcapi's docstring helpers (docstring_no_signature, docstring_with_signature_with_defaults...)
# and its the_number_three were missing, which inspect's signature tests read (a default there names
# the module's constant). inspect itself is not imported: too heavy for the stress runs.
import _testcapi
for n in sorted(n for n in dir(_testcapi) if n.startswith('docstring')):
    f = getattr(_testcapi, n)
    print(n, repr(f.__doc__), repr(f.__text_signature__), f(), f.__module__, f.__qualname__, f.__self__ is _testcapi)
    try:
        f(1)
    except TypeError as e:
        print(e)
    try:
        f(x=1)
    except TypeError as e:
        print(e)
print(_testcapi.the_number_three, type(_testcapi.the_number_three).__name__)
