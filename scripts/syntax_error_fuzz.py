#!/usr/bin/env python3
"""Compares compile()'s SyntaxErrors on refheap with CPython 3.11's, over broken sources.

Each source is one of a few valid snippets with one or two random edits (a few characters
deleted, or a token inserted); the same seed always gives the same sources. Both interpreters
compile every source in exec mode and print, per source, the exception's class and its
(msg, lineno, offset, text, end_lineno, end_offset), or OK; the script prints the sources whose
results differ and their count.

    python3 scripts/syntax_error_fuzz.py [--seed N] [--count N] [--runner './refheap run']

Run from the repository root (the runner's default is ./refheap run). The oracle is the python3
running this script.
"""
import argparse, os, subprocess, sys, tempfile

PROGRAM = r'''
import random, sys
base = ['def f(a, b=1, *c, **d):\n    return a + b\n', 'x = [i * 2 for i in range(10) if i % 2]\n', 'class C(object):\n    def m(self):\n        pass\n',
        'if a and not b:\n    x = {1: 2, "k": [3, 4]}\nelif c:\n    y = (1, 2)\nelse:\n    z = f(x, y=3)\n', 'for i, j in zip(a, b):\n    print(i, j, sep=",")\n',
        'while True:\n    try:\n        break\n    except (ValueError, TypeError) as e:\n        raise RuntimeError("x") from e\n    finally:\n        pass\n',
        'with open(p) as f, g() as h:\n    data = f.read()[1:-1]\n', 'lambda x, y: x if y else -x\n', 'import os.path as p\nfrom . import a, b\n',
        'x = f"{a!r:>{w}} {b}"\n', 'async def g():\n    await h()\n', 'y = a[1:2, ::3]\nz = not a is b\n', 'del a[0], b.c\nglobal q\n', 'assert x, "msg"\nx += 1\n']
toks = ['(', ')', '[', ']', '{', '}', ':', ',', '=', '+', '*', '**', 'if', 'else', 'for', 'in', 'lambda', 'def', 'x', '1', '"s"', '\n', ' ', '    ', '.',
        'not', 'return', 'yield', 'import', '@', ';', '\\']
rng = random.Random(int(sys.argv[1]))
import warnings
warnings.simplefilter('ignore')
for k in range(int(sys.argv[2])):
    s = rng.choice(base)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(s) + 1)
        if rng.random() < 0.4 and len(s) > 1:
            s = s[:i] + s[min(len(s), i + rng.randint(1, 3)):]
        else:
            s = s[:i] + rng.choice(toks) + s[i:]
    try:
        compile(s, 'f', 'exec')
        r = 'OK'
    except SyntaxError as e:
        r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(k, repr(s), r)
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--seed', type=int, default=2)
    ap.add_argument('--count', type=int, default=1500)
    ap.add_argument('--runner', default='./refheap run')
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, 'syntax_fuzz_program.py')
        with open(prog, 'w') as f:
            f.write(PROGRAM)
        argv = [prog, str(args.seed), str(args.count)]
        want = subprocess.run([sys.executable, '-I'] + argv, capture_output=True, text=True).stdout.splitlines()
        got = subprocess.run(args.runner.split() + argv, capture_output=True, text=True).stdout.splitlines()
    differ = 0
    for i in range(max(len(want), len(got))):
        w = want[i] if i < len(want) else '(missing)'
        g = got[i] if i < len(got) else '(missing)'
        if w != g:
            differ += 1
            print('python3:', w)
            print('refheap:', g)
    print(f'{differ} of {len(want)} sources differ (seed {args.seed})')
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main())
