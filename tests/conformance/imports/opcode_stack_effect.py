# _opcode.stack_effect (CPython 3.11 builds _opcode as an extension module): every opcode number
# from -12 to 256 with representative arguments (none, small, large, negative, past a C int) and
# jump None/True/False, against 3.11's table; its checks in their order and their messages;
# dis.stack_effect and opcode.stack_effect are the same function; the module itself (its docstrings:
# bugs/opcode_module_had_no_docstrings.py).
import _opcode, dis, opcode

ARGS = [None, 0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 255, 256, 257, 0x10001, -1, -2, -7, -300, 2 ** 31 - 1, -2 ** 31 + 2,
        2 ** 32 + 3, -2 ** 32 + 3, 2 ** 63 - 1]
JUMPS = [None, True, False]
errors = {}


def effect(op, arg, jump):
    try:
        return str(_opcode.stack_effect(op, arg, jump=jump))
    except Exception as e:
        key = '%s: %s' % (type(e).__name__, e)
        return 'E%d' % errors.setdefault(key, len(errors))


for op in range(-12, 257):
    row = [effect(op, a, j) for a in ARGS for j in JUMPS]
    name = opcode.opname[op] if 0 <= op < 256 else '-'
    if len(set(row)) == 1:
        print(op, name, row[0])
    else:
        print(op, name, ' '.join(row))
for key, n in errors.items():
    print('E%d' % n, key)

cases = [lambda: _opcode.stack_effect(), lambda: _opcode.stack_effect(1, 2, 3), lambda: _opcode.stack_effect('a'),
         lambda: _opcode.stack_effect(1.0), lambda: _opcode.stack_effect(100, 1.0), lambda: _opcode.stack_effect(100, 'x'),
         lambda: _opcode.stack_effect(2 ** 40), lambda: _opcode.stack_effect(2 ** 31), lambda: _opcode.stack_effect(-2 ** 31 - 1),
         lambda: _opcode.stack_effect(100, 2 ** 63), lambda: _opcode.stack_effect(100, -2 ** 63 - 1),
         lambda: _opcode.stack_effect(1, 0), lambda: _opcode.stack_effect(100), lambda: _opcode.stack_effect(100, None),
         lambda: _opcode.stack_effect(100, 0, jump=1), lambda: _opcode.stack_effect(100, 0, jump=0),
         lambda: _opcode.stack_effect(100, 0, foo=1), lambda: _opcode.stack_effect(opcode=1),
         lambda: _opcode.stack_effect(100, oparg=1), lambda: _opcode.stack_effect(True), lambda: _opcode.stack_effect(100, True),
         lambda: _opcode.stack_effect(102, -2 ** 31), lambda: _opcode.stack_effect(102, -2 ** 31 + 1),
         lambda: _opcode.stack_effect(102, 2 ** 31 - 1), lambda: _opcode.get_specialization_stats(),
         lambda: _opcode.get_specialization_stats(1), lambda: dis.stack_effect(opcode.opmap['CALL'], 3),
         lambda: dis.stack_effect(opcode.opmap['PRECALL'], 3), lambda: dis.stack_effect(opcode.opmap['FOR_ITER'], 0, jump=True),
         lambda: dis.stack_effect(3), lambda: dis.stack_effect(3, 0)]
for f in cases:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(dis.stack_effect is _opcode.stack_effect, opcode.stack_effect is _opcode.stack_effect, 'stack_effect' in opcode.__all__)
print([k for k in vars(_opcode) if k != '__file__'])
print(type(_opcode.__loader__).__name__, _opcode.__spec__.origin == _opcode.__file__, _opcode.__file__.rsplit('/', 2)[1:])
