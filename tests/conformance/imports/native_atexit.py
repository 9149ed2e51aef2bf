# atexit (refheap's native module): register with arguments, unregister, callbacks run last first and an error does not stop the rest
import atexit
n0 = atexit._ncallbacks()
def hello(name, punct='!'):
    print('hello', name + punct)
def boom():
    raise ValueError('from an atexit callback')
print(atexit.register(hello, 'first') is hello)
atexit.register(hello, 'second', punct='?')
atexit.register(boom)
atexit.register(print, 'plain print')
atexit.unregister(boom)
print(atexit._ncallbacks() - n0)
try:
    atexit.register(5)
except TypeError as e:
    print('TypeError', e)
atexit._run_exitfuncs()
print(atexit._ncallbacks())
