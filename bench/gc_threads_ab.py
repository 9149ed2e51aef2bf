# The collector's refs passes on one thread against two (-Drefheap.gcThreads=1|2): alternating fresh
# processes of `./refheap run bench/gc_pause.py MODE N` with -Drefheap.gcPassTimes=true, one run of each
# per pair; prints each pair, then the medians of the `timing` lines (wall, the collecting thread's
# CPU) and of the timed collection's pass lines (the last big collection; the first one for `lists`):
# the refs pass's wall time, the collecting thread's CPU in it, the helper thread's CPU
# (refheap-gc-helper in the threads report), move_unreachable's and delete_garbage's CPU.
#
#   python3 bench/gc_threads_ab.py MODE N PAIRS        e.g. warm 1000000 3 (MODE: cycles, warm, lists)
import os
import re
import statistics
import subprocess
import sys

mode, n, pairs = sys.argv[1], sys.argv[2], int(sys.argv[3])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ)
res = {1: [], 2: []}
loads = []


def pass_lines(txt):
    """(refs wall, collecting refs CPU, helper CPU, move_unreachable CPU, delete_garbage CPU) per big collection."""
    lines = txt.splitlines()
    out = []
    for i, line in enumerate(lines[:-1]):
        m = re.match(r'gc pass times ms: refs ([\d.]+)', line)
        c = re.match(r'gc pass cpu ms \(collecting thread\): refs ([\d.]+) move_unreachable ([\d.]+) '
                     r'middle ([\d.]+) delete_garbage ([\d.]+)', lines[i + 1])
        if m and c and float(c.group(1)) + float(c.group(4)) >= 10:
            h = re.search(r'refheap-gc-help ([\d.]+)', line)
            out.append((float(m.group(1)), float(c.group(1)), float(h.group(1)) if h else 0.0,
                        float(c.group(2)), float(c.group(4))))
    return out


for p in range(pairs):
    for t in (1, 2):
        env['JAVA_TOOL_OPTIONS'] = f'-Drefheap.gcPassTimes=true -Drefheap.gcThreads={t}'
        loads.append(float(open('/proc/loadavg').read().split()[0]))
        r = subprocess.run(['./refheap', 'run', 'bench/gc_pause.py', mode, n], cwd=root, env=env,
                           capture_output=True, text=True)
        txt = r.stdout + r.stderr
        timing = {m.group(1): (float(m.group(2)), float(m.group(3)))
                  for m in re.finditer(r'^timing (\S+) ([\d.]+) cpu ([\d.]+)', txt, re.M)}
        big = pass_lines(txt)
        if not timing or not big:
            sys.exit(f'no timing or pass lines from gcThreads={t}:\n{txt[-2000:]}')
        res[t].append((timing, big[0] if mode == 'lists' else big[-1]))
    print(f'pair {p}: ' + ' | '.join(f'gcThreads={t} {res[t][-1][0]} refs wall, collecting CPU, helper CPU '
                                     f'{res[t][-1][1][:3]}' for t in (1, 2)), flush=True)
med = statistics.median
print(f'{mode} {n}: {pairs} pairs, load average {min(loads):.1f}-{max(loads):.1f}')
for t in (1, 2):
    s = ' '.join(f'{k} wall {med([r[0][k][0] for r in res[t]]):.4f} cpu {med([r[0][k][1] for r in res[t]]):.4f}'
                 for k in res[t][0][0])
    sel = [r[1] for r in res[t]]
    print(f'  gcThreads={t}: {s}; the timed collection: refs wall {med([x[0] for x in sel]):.1f} ms, '
          f'collecting thread refs CPU {med([x[1] for x in sel]):.1f}, helper CPU {med([x[2] for x in sel]):.1f}, '
          f'move_unreachable CPU {med([x[3] for x in sel]):.1f}, delete_garbage CPU {med([x[4] for x in sel]):.1f}')
