#!/usr/bin/env python3
"""CPython 3.11's own test modules on python3 and on refheap: one row per module.

    python3 scripts/cpython_tests.py [--refheap ./refheap] [--timeout 300] [--only py|refheap] MODULE...

Runs `python3 -m unittest -v test.MODULE` and `REFHEAP -m unittest -v test.MODULE` (each in a
fresh process, from a scratch directory, with its own REFHEAP_CACHE unless one is set) and prints
a Markdown table: tests run, pass/fail/error/skip on each side, the wall time of each. A module
that does not load shows its last line. Without MODULE it runs the list of docs/stdlib-tests.md.
The outputs are kept in the scratch directory (printed at the end) for reading the failures.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

DEFAULT = """test_copy test_copyreg test_pprint test_reprlib test_heapq test_bisect test_textwrap test_string
test_operator test_functools test_itertools test_collections test_enum test_types test_typing
test_dataclasses test_contextlib test_abc test_fractions test_statistics test_struct test_json
test_linecache test_traceback test_timeit test_argparse test_shutil test_tempfile test_queue
test_datetime test_random test_math test_re test_posixpath test_os test_time test_threading
test_tracemalloc test_warnings test_inspect test_dis test_decimal test_future_stmt test_unittest
test_io test_contextlib_async test_threading_local test_structseq test_enumerate""".split()


def run(cmd, cwd, env, timeout):
    t = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=cwd)
        out = p.stdout + p.stderr
    except subprocess.TimeoutExpired as e:
        out = ((e.stdout or b'').decode(errors='replace') + (e.stderr or b'').decode(errors='replace')
               + '\nTIMEOUT after %d s\n' % timeout)
    return out, time.time() - t


def counts(out):
    """(ran, pass, fail, error, skip) from unittest's summary, or None when it did not run."""
    ran = re.findall(r'^Ran (\d+) tests?', out, re.M)
    summary = re.findall(r'^(OK|FAILED)(?: \((.*)\))?$', out, re.M)
    if not ran or not summary:
        return None
    n = int(ran[-1])
    fields = dict((k.strip(), int(v)) for k, v in (x.split('=') for x in summary[-1][1].split(',') if '=' in x))
    fail, err, skip = fields.get('failures', 0), fields.get('errors', 0), fields.get('skipped', 0)
    xfail, xpass = fields.get('expected failures', 0), fields.get('unexpected successes', 0)
    return n, n - fail - err - skip - xfail - xpass, fail + xpass, err, skip + xfail


def cell(out, dt):
    c = counts(out)
    if c is None:
        lines = [l for l in out.strip().splitlines() if l.strip()]
        last = lines[-1] if lines else '?'
        if 'internal error' in out:
            last = next(l for l in lines if 'internal error' in l)
        return 'does not load: `%s` (%.0f s)' % (last.strip()[:110].replace('|', '\\|'), dt)
    n, ok, fail, err, skip = c
    return '%d/%d/%d/%d (%.1f s)' % (ok, fail, err, skip, dt)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--refheap', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'refheap'))
    ap.add_argument('--timeout', type=int, default=300)
    ap.add_argument('--only', choices=['py', 'refheap'])
    ap.add_argument('modules', nargs='*')
    a = ap.parse_args()
    mods = a.modules or DEFAULT
    scratch = tempfile.mkdtemp(prefix='cpython-tests-')
    env = dict(os.environ)
    env.setdefault('REFHEAP_CACHE', os.path.join(scratch, 'cache'))
    print('| module | tests | python3 pass/fail/error/skip (wall) | refheap pass/fail/error/skip (wall) |')
    print('|---|---:|---|---|')
    for m in mods:
        row = [m, '', '', '']
        if a.only != 'refheap':
            out, dt = run([sys.executable, '-m', 'unittest', '-v', 'test.' + m], scratch, env, a.timeout)
            open(os.path.join(scratch, m + '.py.txt'), 'w').write(out)
            c = counts(out)
            row[1] = str(c[0]) if c else '?'
            row[2] = cell(out, dt)
        if a.only != 'py':
            out, dt = run([os.path.abspath(a.refheap), '-m', 'unittest', '-v', 'test.' + m], scratch, env, a.timeout)
            open(os.path.join(scratch, m + '.refheap.txt'), 'w').write(out)
            row[3] = cell(out, dt)
        print('| ' + ' | '.join(row) + ' |', flush=True)
    print('\noutputs: ' + scratch, file=sys.stderr)


if __name__ == '__main__':
    main()
