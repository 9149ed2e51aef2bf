# Under --startup=cpython print() to a pipe leaves what it wrote in sys.stdout's pending bytes (the str itself,
# then a list of the pieces) until 8 KiB are pending or a flush: the printed objects' refcounts and the list show it
# options: --startup=cpython
import sys, gc
s = "pending-" + str(12345)
t = "n\u00e9e-" + str(6789)
base = sys.getrefcount(s), sys.getrefcount(t)
print(s)
after1 = sys.getrefcount(s) - base[0]
print(s, t)
after2 = sys.getrefcount(s) - base[0], sys.getrefcount(t) - base[1]
kinds = sorted(type(r).__name__ for r in gc.get_referents(sys.stdout) if type(r) in (list, bytes))
sys.stdout.flush()
after3 = sys.getrefcount(s) - base[0], sys.getrefcount(t) - base[1]
print(after1, after2, after3, kinds)
print("x" * 9000)
print(sys.getrefcount(s) - base[0], [type(r).__name__ for r in gc.get_referents(sys.stdout) if type(r) is list])
