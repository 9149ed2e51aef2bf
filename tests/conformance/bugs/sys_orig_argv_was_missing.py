# sys.orig_argv: the command line the process was started with, its program's name first, the
# options and arguments as given (sys.argv keeps only what the program sees). It was missing.
import subprocess, sys
code = 'import sys; print(type(sys.orig_argv).__name__, type(sys.orig_argv[0]).__name__, sys.orig_argv[1:], sys.argv)'
for args in (['-c', code, 'arg'], ['-I', '-c', code], ['-W', 'ignore', '-c', code, '-x', '--']):
    p = subprocess.run([sys.executable] + args, capture_output=True, text=True)
    print(p.returncode, p.stdout, p.stderr)
print(type(sys.orig_argv).__name__, all(type(a) is str for a in sys.orig_argv))
