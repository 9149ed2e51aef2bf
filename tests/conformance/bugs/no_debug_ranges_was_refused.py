# -X no_debug_ranges and PYTHONNODEBUGRANGES (PyConfig.code_debug_ranges 0): code is compiled
# without column positions, co_positions() gives (line, line, None, None), co_linetable has only
# "no column" entries, tracebacks show no ^ markers, _testinternalcapi.get_config() says 0.
# refheap refused the option by name. The child is this interpreter (sys.executable).
import os, subprocess, sys
PROG = '''
import _testinternalcapi, sys
def f(x):
    return (x +
            1)
print(list(f.__code__.co_positions())[:5], f.__code__.co_linetable.hex(), _testinternalcapi.get_config()['code_debug_ranges'], sys._xoptions)
print(list(compile('a = (1 +\\n 2)', 's', 'exec').co_positions()))
def g():
    return 1/0
g()
'''
import tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, 'child.py')
with open(path, 'w') as f:
    f.write(PROG)
env = dict(os.environ)
env.pop('PYTHONNODEBUGRANGES', None)
for args, extra in [(['-X', 'no_debug_ranges'], {}), ([], {'PYTHONNODEBUGRANGES': '1'}), (['-E'], {'PYTHONNODEBUGRANGES': '1'}), ([], {})]:
    r = subprocess.run([sys.executable, *args, path], capture_output=True, text=True, env={**env, **extra})
    print(args, extra, r.returncode)
    print(r.stdout, end='')
    # (a launcher's own notes, "refheap: building...", are not the child's output)
    print(''.join(l for l in r.stderr.splitlines(True) if not l.startswith('refheap: ')).replace(path, 'FILE'), end='')
os.remove(path)
os.rmdir(d)
