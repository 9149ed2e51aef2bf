#!/usr/bin/env python3
"""A census of the first line after CPython's start-up, CPython against refheap.

Runs the same small program as a script's first line under a clean CPython 3.11 (a venv without
site-packages: /tmp/venv311/bin/python by default) and under refheap's launcher, and prints where
they differ:

  counts       gc.get_count() and len(gc.get_objects(g)) per generation, then every type name
               whose number of tracked objects differs (CPython's per generation, refheap's, and
               the difference), the largest first
  --types      the types among the tracked objects (module.qualname, and whether each is a heap
               type) that only one side has
  --descriptors every descriptor among the tracked objects, by kind and owning type, where the
               names differ (the static types' dicts: what each side's type readying made)

Usage:
  python3 scripts/first_line_census.py [--python PY] [--refheap LAUNCHER] [--types] [--descriptors]

The launcher runs with the caller's environment (set REFHEAP_CACHE to your own cache).
"""
import argparse
import os
import subprocess
import sys
import tempfile

COUNTS = r'''
import gc, sys
c = gc.get_count()
sizes = [len(gc.get_objects(g)) for g in range(3)]
res = {}
for g in range(3):
    for o in gc.get_objects(g):
        res.setdefault(type(o).__name__, [0, 0, 0])[g] += 1
print(repr(c), *sizes, len(sys.modules))
for k in sorted(res):
    print(k, *res[k])
'''

TYPES = r'''
import gc
out = []
for o in gc.get_objects():
    if isinstance(o, type):
        try:
            heap = 'heap' if o.__flags__ & (1 << 9) else 'static'
        except Exception as e:
            heap = '?(%s)' % type(e).__name__
        out.append('%s.%s %s' % (o.__module__, o.__qualname__, heap))
for line in sorted(out):
    print(line)
'''

DESCRIPTORS = r'''
import gc
kinds = ('wrapper_descriptor', 'member_descriptor', 'getset_descriptor', 'method_descriptor', 'classmethod_descriptor')
res = {}
for o in gc.get_objects():
    t = type(o).__name__
    if t in kinds:
        oc = o.__objclass__
        owner = (getattr(oc, '__module__', '?') + '.' + oc.__qualname__).replace(' ', '_')
        res.setdefault((t, owner), []).append(o.__name__)
for k in sorted(res):
    print(k[0], k[1], ' '.join(sorted(res[k])))
'''


def run(cmd, source):
    with tempfile.NamedTemporaryFile('w', suffix='.py', delete=False) as f:
        f.write(source)
        path = f.name
    try:
        r = subprocess.run(cmd + [path], capture_output=True, text=True)
    finally:
        os.unlink(path)
    if r.returncode != 0:
        sys.exit('%s failed (%d):\n%s' % (' '.join(cmd), r.returncode, r.stderr))
    return r.stdout.splitlines()


def counts(py, rh):
    a, b = run(py, COUNTS), run(rh, COUNTS)
    print('CPython: ', a[0])
    print('refheap: ', b[0])
    ta = {l.split()[0]: list(map(int, l.split()[1:])) for l in a[1:]}
    tb = {l.split()[0]: list(map(int, l.split()[1:])) for l in b[1:]}
    print('tracked objects: CPython %d, refheap %d' % (sum(map(sum, ta.values())), sum(map(sum, tb.values()))))
    rows = []
    for k in set(ta) | set(tb):
        x, y = ta.get(k, [0, 0, 0]), tb.get(k, [0, 0, 0])
        if x != y:
            rows.append((sum(x) - sum(y), k, x, y))
    rows.sort(key=lambda r: (-abs(r[0]), r[1]))
    print('%-32s %-20s %-20s %s' % ('type', 'CPython', 'refheap', 'CPython - refheap'))
    for d, k, x, y in rows:
        print('%-32s %-20s %-20s %+d' % (k, x, y, d))


def types(py, rh):
    a, b = set(run(py, TYPES)), set(run(rh, TYPES))
    for line in sorted(a - b):
        print('CPython only:', line)
    for line in sorted(b - a):
        print('refheap only:', line)


def descriptors(py, rh):
    def load(lines):
        d = {}
        for l in lines:
            p = l.split(' ', 2)
            d[(p[0], p[1])] = set(p[2].split()) if len(p) > 2 else set()
        return d
    a, b = load(run(py, DESCRIPTORS)), load(run(rh, DESCRIPTORS))
    total = 0
    for k in sorted(set(a) | set(b)):
        x, y = a.get(k, set()), b.get(k, set())
        if x != y:
            total += len(x) - len(y)
            print(k[0], k[1], 'CPython only:', ' '.join(sorted(x - y)) or '-', '| refheap only:', ' '.join(sorted(y - x)) or '-')
    print('descriptors: CPython - refheap = %+d' % total)


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--python', default='/tmp/venv311/bin/python')
    ap.add_argument('--refheap', default=os.path.join(here, 'refheap'))
    ap.add_argument('--types', action='store_true')
    ap.add_argument('--descriptors', action='store_true')
    args = ap.parse_args()
    py, rh = [args.python], [args.refheap]
    if args.types:
        types(py, rh)
    elif args.descriptors:
        descriptors(py, rh)
    else:
        counts(py, rh)


if __name__ == '__main__':
    main()
