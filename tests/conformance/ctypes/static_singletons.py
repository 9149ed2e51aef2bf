# The empty tuple, '' and 1-char strings are static with huge counts; None, True and False have ordinary ones.
import ctypes
def rc(o):
    return ctypes.c_long.from_address(id(o)).value
print(rc(()) > 999999999, rc('') > 999999999, rc(b'') > 999999999, rc('é') > 999999999)
print(rc(None) < 999999999, rc(True) < 999999999, rc(False) < 999999999)
