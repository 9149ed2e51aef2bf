# sys.gettrace/getprofile with no function set, and setting None (what doctest's runner and pdb
# do to save and restore them); the argument-count errors
import sys

print(sys.gettrace(), sys.getprofile())
print(sys.settrace(None), sys.setprofile(None))
print(sys.gettrace(), sys.getprofile())
for f, args in [(sys.settrace, ()), (sys.setprofile, (None, None)), (sys.gettrace, (1,)), (sys.getprofile, (1,))]:
    try:
        f(*args)
    except TypeError as e:
        print(e)
