# compile()'s PyCF_ALLOW_INCOMPLETE_INPUT (0x4000) and PyCF_DONT_IMPLY_DEDENT (0x200), the flags
# codeop passes: an error found once the tokenizer has read to the end of the source is
# "SyntaxError: incomplete input" (codeop then asks for more lines), and 'single' input ending in
# the middle of an indented block is unfinished. Before, refheap accepted the flags and ignored
# them: codeop.compile_command('if x:') raised, compile_command('def f():\n  pass') compiled.
import __future__
import code
import codeop
import sys

SOURCES = [
    'if x:', 'if x:\n', 'if x:\n  pass', 'if x:\n  pass\n', 'if x:\n  pass\n\n', 'def f():\n  pass',
    'def f():\n  pass\n', 'x = 1', 'x = 1\n', 'x = (1,', 'x = (1,\n', 'x = 1 +', 'x = 1 +\n', '"""abc',
    '"""abc\ndef', "'abc", "'abc\n", 'x = )', 'def f(:', 'if x:\n  y\n z', '@dec', '@dec\n',
    'for i in x: pass', 'for i in x: pass\n', '\\', 'x = \\', 'x = 1 \\\n', 'a b', '1 if', 'lambda',
    'class A:', '', '\n', '# c', 'if 1:\n  pass\nelse', 'if 1:\n  pass\nelse:', 'try:\n  pass',
    'try:\n  pass\n', 'x = [1,\n2', '"\\N"', 'f(**)', 'x = 1\ny = 2', 'print(1)', 'while 1:\n  if 2:\n    pass',
    'while 1:\n  if 2:\n    pass\n', 'if 1:\n  x = (\n', 'x = f"{1 +', "x = 'a' 'b", '(1 for', 'x; y',
]


def attempt(source, mode, flags):
    try:
        compile(source, '<in>', mode, flags)
        return 'code'
    except SyntaxError as e:
        if e.msg == 'incomplete input':
            return 'incomplete input %r' % ((e.lineno, e.offset, e.text, e.end_lineno, e.end_offset),)
        return '%s: %s' % (type(e).__name__, e.msg)


def command(source, mode, compiler=codeop.compile_command):
    try:
        r = compiler(source, '<in>', mode)
    except SyntaxError as e:
        return type(e).__name__  # the message of the last compile depends on the codeop version
    return 'more' if r is None else 'code'


for mode in ('single', 'exec', 'eval'):
    for s in SOURCES:
        row = [attempt(s, mode, f) for f in (0, 0x200, 0x4000, 0x4200)]
        print(mode, repr(s), '|', ' | '.join(row), '| compile_command:', command(s, mode))

# CommandCompiler keeps a __future__ statement for the commands after it
cc = codeop.CommandCompiler()
flag = __future__.generator_stop.compiler_flag
print('before', bool(cc.compiler.flags & flag))
print(command('from __future__ import generator_stop', 'single', cc))
print('after', bool(cc.compiler.flags & flag))
print(command('def g():\n  yield 1', 'single', cc), command('def g():\n  yield 1\n', 'single', cc))


class Console(code.InteractiveConsole):
    def write(self, data):
        sys.stdout.write('[err] ' + data)


console = Console(filename='<console>')
lines = ['x = 1', 'if x:', '    print("in the block", x)', '', 'def f(a,', '      b):', '    return a + b', '',
         'print(f(2, 3))', 'for i in range(2): print(i)', '', 's = """one', 'two"""', 'print(repr(s))',
         'x = )', '1 / 0', '@staticmethod', 'def g(): pass', '', 'print(type(g).__name__)', 'class C:', '  y = 2', '',
         'print(C.y)', 'print(1); print(2)']
for line in lines:
    more = console.push(line)
    print('push', repr(line), '->', more)

interp = code.InteractiveInterpreter()
for source in ['y = 5', 'if y:', 'if y:\n  print("y is", y)\n', 'print(y * 2)']:
    print('runsource', repr(source), '->', interp.runsource(source))
