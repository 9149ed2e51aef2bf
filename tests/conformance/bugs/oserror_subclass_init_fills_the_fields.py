# Bug (issue 7): a subclass of OSError whose __init__ calls super().__init__(errno, strerror[, filename]) got no errno/strerror/filename (3.11 fills them in OSError.__init__ when the class overrides __init__ but not __new__: oserror_use_init), and args kept the filename; a keyword argument to such a class is refused as CPython refuses it.
class E(OSError):
    def __init__(self, *a):
        super().__init__(*a)
class F(OSError):
    def __init__(self, path):
        super().__init__(2, "No such file or directory", path)
        self.extra = 1
class G(OSError):
    pass
class H(OSError):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
class I(FileNotFoundError):
    def __init__(self, x):
        super().__init__(13, "denied", x, None, "other")
def show(e):
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.filename2, e.args, str(e))
show(E(2, 'No such file', 'f.txt'))
show(E('just a message'))
show(E(5, 'io'))
show(F('p.txt'))
show(G(2, 'x', 'y'))
show(H(2, 'x', 'y'))
show(I('q'))
show(E())
e = E(1, 2, 3, 4, 5, 6)
show(e)
x = OSError.__new__(E, 2, 'a', 'b')
show(x)
OSError.__init__(x, 3, 'c', 'd')
show(x)
y = OSError(2, 'a', 'b')
OSError.__init__(y, 3, 'c', 'd')
show(y)
print(type(OSError(2, 'x')).__name__, type(E(2, 'x')).__name__)
for make in (lambda: E(2, 'x', foo=1), lambda: OSError(2, 'x', foo=1), lambda: G(2, 'x', foo=1)):
    try:
        make()
    except TypeError as ex:
        print("TypeError", ex)
class J(OSError):
    def __init__(self, *a):
        pass
show(J(2, 'x', 'y'))
class K(OSError):
    def __new__(cls, *a):
        return super().__new__(cls, *a)
    def __init__(self, *a):
        super().__init__(7, 'k')
show(K(2, 'x', 'y'))
import sys
f = F('r.txt')
print(sys.getrefcount(f.filename) > 1, f.extra)
