# Small ints start at 999_999_999 in 3.11 and are counted normally, so each new reference moves the raw count.
# env-line: 1 the absolute count depends on how many references the interpreter holds
import ctypes
a = 7
print(ctypes.c_long.from_address(id(a)).value)
base = ctypes.c_long.from_address(id(a)).value
print(base > 999999999, base < 1000100000)
refs = [a] * 10
print(ctypes.c_long.from_address(id(a)).value - base)
del refs
print(ctypes.c_long.from_address(id(a)).value - base)
