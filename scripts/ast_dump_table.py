#!/usr/bin/env python3
"""Writes src/test/resources/ast/corpus_dumps.txt: for every program of the conformance corpus
(tests/conformance/**/*.py except generate.py), the SHA-256 of python3's
`ast.dump(ast.parse(source), include_attributes=True)` (or of "SyntaxError" when it does not
parse), one line "<sha256> <path>" per program, sorted by path. AstCorpusDumpTest compares refheap's
dumps of the same programs with it.

Usage: python3 scripts/ast_dump_table.py   (from the repository root, with CPython 3.11)
"""
import ast
import hashlib
import sys
from pathlib import Path

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"

lines = []
for p in sorted(Path('tests/conformance').rglob('*.py')):
    if p.name == 'generate.py':
        continue
    src = p.read_bytes()
    try:
        dump = ast.dump(ast.parse(src), include_attributes=True)
    except SyntaxError:
        dump = 'SyntaxError'
    lines.append('%s %s\n' % (hashlib.sha256(dump.encode('utf-8')).hexdigest(), p.as_posix()))
Path('src/test/resources/ast/corpus_dumps.txt').write_text(''.join(lines))
print(len(lines), 'programs')
