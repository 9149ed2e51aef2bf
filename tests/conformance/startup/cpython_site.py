# Under --startup=cpython site.main() has run: exit/quit/help/copyright/credits/license in builtins, absolute sys.path
# options: --startup=cpython
import sys
import builtins
names = ["exit", "quit", "help", "copyright", "credits", "license"]
kinds = [type(getattr(builtins, n)).__name__ for n in names]
print(kinds)
print(repr(builtins.exit))
print(sys.path[0] == __import__("os").path.dirname(__import__("os").path.abspath(sys.argv[0])))
print(all(p == __import__("os").path.abspath(p) for p in sys.path))
print(len(sys.path) == len(set(sys.path)))
print(sorted(k for k in globals()))
print(sys.flags.no_site)
