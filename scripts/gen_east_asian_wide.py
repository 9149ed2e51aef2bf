#!/usr/bin/env python3
"""Writes the code point ranges whose East Asian Width is W or F (Unicode data of CPython 3.11's
unicodedata): the characters the traceback module counts as two columns wide when it places its
markers. Run with python3 = CPython 3.11:  python3 scripts/gen_east_asian_wide.py"""
import os, sys, unicodedata

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'src', 'main', 'resources', 'dev', 'refheap',
                   'lang', 'vm', 'east-asian-wide.txt')
ranges, start = [], None
for cp in range(0x110000):
    wide = unicodedata.east_asian_width(chr(cp)) in 'WF'
    if wide and start is None:
        start = cp
    elif not wide and start is not None:
        ranges.append((start, cp - 1))
        start = None
if start is not None:
    ranges.append((start, 0x10FFFF))
os.makedirs(os.path.dirname(out), exist_ok=True)
with open(out, 'w') as f:
    f.write('# East Asian Width W or F, Unicode %s (scripts/gen_east_asian_wide.py)\n' % unicodedata.unidata_version)
    for a, b in ranges:
        f.write('%X-%X\n' % (a, b))
