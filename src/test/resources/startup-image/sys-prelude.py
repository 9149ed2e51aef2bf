# Before the image: sys imported (its functions, struct sequence types, standard streams and
# hooks), a limit changed, objects that keep sys's hooks.
import sys
print(sys.version_info[:2], sys.flags.optimize, sys.getrecursionlimit())
sys.setrecursionlimit(1234)
hooks = (sys.displayhook, sys.excepthook, sys.unraisablehook)
sys.stdout.write("prelude written\n")
