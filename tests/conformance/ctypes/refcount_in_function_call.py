# Reading the raw count inside a callee shows the parameter's reference; the caller's count is back afterwards.
import ctypes
def rc(address):
    return ctypes.c_long.from_address(address).value
def callee(obj, address):
    return rc(address)
x = []
a = id(x)
print(rc(a), callee(x, a), rc(a))
