#!/usr/bin/env python3
"""Dumps how CPython 3.11 compiles each test program, in refheap's bytecode dialect.

Also writes errors/NAME.err, what python3 prints for errors/NAME.py (compile-time errors).

For every .py under ../parser/corpus and ./cases, writes expected/<name>.dis: one block per code
object (depth-first, in co_consts order) with its attributes (flags, argcounts, co_consts with code
objects shown as <code NAME>, co_names, co_varnames, co_cellvars, co_freevars, co_stacksize), its
instructions and its exception table, normalized to refheap's contract (see Opcode.java):
CACHE/RESUME/PRECALL/EXTENDED_ARG and the generator (coroutine) prefix RETURN_GENERATOR+POP_TOP are dropped,
JUMP_FORWARD/JUMP_BACKWARD(_NO_INTERRUPT) become JUMP, POP_JUMP_{FORWARD,BACKWARD}_IF_X become
POP_JUMP_IF_X, jump targets and exception-table offsets become instruction indexes.
The Java test CpythonParityTest renders a CodeUnit the same way and compares.

Also writes expected/<name>.pos: for the same kept instructions, their co_positions() entry
(lineno end_lineno col_offset end_col_offset, '-' for None; columns are UTF-8 byte offsets), one
block per code object in the same order. CpythonPositionsTest compares them.

Also writes expected/<name>.units: 3.11's own layout of each code object, which refheap rebuilds
from its instructions (CpythonLayout, CpythonLayoutTest compares): co_code and co_exceptiontable in
hex, co_lines() entries, and the co_positions() entry of each code unit where it changes.

Run with python3 = CPython 3.11:  python3 src/test/resources/compiler/generate.py
"""
import dis, os, sys, glob

assert sys.version_info[:2] == (3, 11), "needs CPython 3.11"
HERE = os.path.dirname(os.path.abspath(__file__))
DROP = {'CACHE', 'RESUME', 'PRECALL', 'EXTENDED_ARG'}
RENAME = {'JUMP_FORWARD': 'JUMP', 'JUMP_BACKWARD': 'JUMP', 'JUMP_BACKWARD_NO_INTERRUPT': 'JUMP',
          'POP_JUMP_FORWARD_IF_FALSE': 'POP_JUMP_IF_FALSE', 'POP_JUMP_BACKWARD_IF_FALSE': 'POP_JUMP_IF_FALSE',
          'POP_JUMP_FORWARD_IF_TRUE': 'POP_JUMP_IF_TRUE', 'POP_JUMP_BACKWARD_IF_TRUE': 'POP_JUMP_IF_TRUE',
          'POP_JUMP_FORWARD_IF_NONE': 'POP_JUMP_IF_NONE', 'POP_JUMP_BACKWARD_IF_NONE': 'POP_JUMP_IF_NONE',
          'POP_JUMP_FORWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE',
          'POP_JUMP_BACKWARD_IF_NOT_NONE': 'POP_JUMP_IF_NOT_NONE',
          'PRINT_EXPR': 'DISPLAY_RESULT'}


def const_repr(c):
    if hasattr(c, 'co_code'):
        return '<code %s>' % c.co_name
    if isinstance(c, frozenset):  # hash order is not reproducible: items sorted by repr
        return 'frozenset({' + ', '.join(sorted(const_repr(x) for x in c)) + '})'
    if isinstance(c, tuple):
        items = [const_repr(x) for x in c]
        return '(' + ', '.join(items) + (',)' if len(items) == 1 else ')')
    return repr(c)


def kept(code):
    """The instructions refheap emits for code, in order (see the module docstring)."""
    instrs = [i for i in dis.get_instructions(code) if i.opname not in DROP]
    if code.co_flags & 0x2a0:  # generator, coroutine and async generator prefix
        k = next(n for n, i in enumerate(instrs) if i.opname == 'RETURN_GENERATOR')
        del instrs[k:k + 2]
    return instrs


def dump_positions(code, out):
    out.append('code %s' % code.co_qualname)
    for n, i in enumerate(kept(code)):
        p = i.positions
        out.append('  %4d %s' % (n, ' '.join('-' if v is None else str(v)
                                             for v in (p.lineno, p.end_lineno, p.col_offset, p.end_col_offset))))
    for c in code.co_consts:
        if hasattr(c, 'co_code'):
            dump_positions(c, out)


def dump(code, out):
    instrs = [i for i in dis.get_instructions(code) if i.opname not in DROP]
    if code.co_flags & 0x2a0:  # generator, coroutine and async generator prefix
        k = next(n for n, i in enumerate(instrs) if i.opname == 'RETURN_GENERATOR')
        del instrs[k:k + 2]
    offsets = [i.offset for i in instrs]

    def index_at(off):  # first kept instruction at or after byte offset off
        for n, o in enumerate(offsets):
            if o >= off:
                return n
        return len(offsets)

    out.append('code %s qualname=%s flags=0x%x argcount=%d posonly=%d kwonly=%d stacksize=%d firstlineno=%d' % (
        code.co_name, code.co_qualname, code.co_flags, code.co_argcount, code.co_posonlyargcount,
        code.co_kwonlyargcount, code.co_stacksize, code.co_firstlineno))
    out.append('  consts: ' + ', '.join(const_repr(c) for c in code.co_consts))
    out.append('  names: ' + ', '.join(code.co_names))
    out.append('  varnames: ' + ', '.join(code.co_varnames))
    out.append('  cellvars: ' + ', '.join(code.co_cellvars))
    out.append('  freevars: ' + ', '.join(code.co_freevars))
    for n, i in enumerate(instrs):
        name = RENAME.get(i.opname, i.opname)
        arg = i.arg
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            arg = index_at(i.argval)
        line = i.positions.lineno if i.positions and i.positions.lineno is not None else -1
        out.append('  %4d %4d %s%s' % (n, line, name, '' if arg is None else ' %d' % arg))
    for e in dis._parse_exception_table(code):
        start, end = index_at(e.start), index_at(e.end)
        if start < end:
            out.append('  exc %d-%d -> %d depth %d%s' % (start, end, index_at(e.target), e.depth,
                                                        ' lasti' if e.lasti else ''))
    for c in code.co_consts:
        if hasattr(c, 'co_code'):
            dump(c, out)


def dump_units(code, out):
    def v(x):
        return '-' if x is None else str(x)
    out.append('code %s' % code.co_qualname)
    out.append('  co_code %s' % code.co_code.hex())
    out.append('  exceptiontable %s' % code.co_exceptiontable.hex())
    out.append('  lines ' + ' '.join('%d-%d:%s' % (s, e, v(l)) for s, e, l in code.co_lines()))
    last = None
    for u, p in enumerate(code.co_positions()):
        if p != last:
            out.append('  %4d %s' % (2 * u, ' '.join(v(x) for x in p)))
            last = p
    for c in code.co_consts:
        if hasattr(c, 'co_code'):
            dump_units(c, out)


def errors():
    """errors/NAME.py -> errors/NAME.err: what `python3 NAME.py` prints (run in errors/, so paths are bare)."""
    import subprocess
    for path in sorted(glob.glob(os.path.join(HERE, 'errors', '*.py'))):
        res = subprocess.run([sys.executable, os.path.basename(path)], cwd=os.path.dirname(path), capture_output=True)
        assert res.returncode != 0, path + ' compiles'
        with open(path[:-3] + '.err', 'wb') as f:
            f.write(res.stderr.replace((os.path.dirname(path) + '/').encode(), b''))


def main():
    sources = sorted(glob.glob(os.path.join(HERE, '..', 'parser', 'corpus', '*.py'))) + \
        sorted(glob.glob(os.path.join(HERE, 'cases', '*.py')))
    os.makedirs(os.path.join(HERE, 'expected'), exist_ok=True)
    for path in sources:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, 'rb') as f:
            src = f.read()
        code = compile(src, os.path.basename(path), 'exec')
        out = []
        dump(code, out)
        with open(os.path.join(HERE, 'expected', name + '.dis'), 'w') as f:
            f.write('\n'.join(out) + '\n')
        out = []
        dump_positions(code, out)
        with open(os.path.join(HERE, 'expected', name + '.pos'), 'w') as f:
            f.write('\n'.join(out) + '\n')
        out = []
        dump_units(code, out)
        with open(os.path.join(HERE, 'expected', name + '.units'), 'w') as f:
            f.write('\n'.join(out) + '\n')
    errors()


if __name__ == '__main__':
    main()
