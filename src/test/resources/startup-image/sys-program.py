# After the image: sys's functions, types, streams and hooks work as on the runtime that made it.
import sys
print(sys.getrecursionlimit(), sys.getrefcount(hooks), sys.getsizeof([]), sys.intern('ab' + 'c'))
print(sys.version_info, sys.float_info.dig, sys.int_info, sys.hash_info.width)
print(sys.flags)
print(type(sys.flags).__name__, type(sys.version_info).n_fields, type(sys.flags).n_sequence_fields)
print(sys.version_info == (3, 11, 7, 'final', 0), sys.version_info.major, sys.float_info.max)
print(sys.stdout.write("written\n"), sys.stdout.flush(), type(sys.stdout).__name__, sys.stdout.encoding)
print(hooks == (sys.displayhook, sys.excepthook, sys.unraisablehook), sys.displayhook is sys.__displayhook__)
sys.displayhook(42)
print(sys.exc_info(), sys._getframe().f_lineno, sys.implementation.name, sys.getswitchinterval())
print(hash(sys.getrefcount) == hash(sys.getrefcount), sys.gettrace(), sys.getprofile())
try:
    raise KeyError('k')
except KeyError:
    print(sys.exc_info()[0])

class C:
    def __del__(self):
        raise ValueError('in del')

def hook(u):
    print('hook', type(u).__name__, u.exc_type.__name__, u.err_msg, type(u).n_fields)

sys.unraisablehook = hook
c = C()
del c
sys.unraisablehook = sys.__unraisablehook__
c = C()
del c
try:
    sys.getrefcount()
except TypeError as e:
    print(e)
try:
    sys.exit(3)
except SystemExit as e:
    print('exit', e.code)
sys.excepthook(ValueError, ValueError('shown'), None)
