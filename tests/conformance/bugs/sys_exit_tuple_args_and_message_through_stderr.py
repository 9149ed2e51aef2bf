# sys.exit(code) raises SystemExit as PyErr_SetObject does: a tuple is the exception's args (its
# code unpacked when it has one item), None none; an uncaught SystemExit's message goes through
# sys.stderr after what the program left in it (it was printed past the buffer, before it).
# (Not here: python3's uncaught sys.exit((3,)) prints "(3,)", its exception never normalized.)
import subprocess, sys
for a in [(42,), (17, 23), 42, "x", (), None, [1]]:
    try:
        sys.exit(a)
    except SystemExit as e:
        print(repr(e.code), e.args)
class T(tuple): pass
try:
    sys.exit(T((5,)))
except SystemExit as e:
    print(repr(e.code), type(e.args).__name__)
class E:
    def __str__(self): raise ValueError
for body in ['sys.stderr.write("unflushed,"); sys.exit("message")', 'sys.exit(E())', 'sys.exit(2**70)',
             'sys.exit(True)', 'raise SystemExit("a", "b")']:
    code = 'import sys\nclass E:\n    def __str__(self): raise ValueError\n' + body
    p = subprocess.run([sys.executable, '-c', code], capture_output=True)
    print(body, p.returncode, p.stderr)
