# The members of builtin exception types (SystemExit.code, ImportError.msg, SyntaxError and the
# Unicode errors' fields, AttributeError.name) as their __init__ sets them from the arguments.
print(SystemExit('x').code, SystemExit().code, SystemExit(1, 2).code, ImportError('m').msg)
e = SyntaxError('bad', ('f.py', 3, 4, 'text', 3, 5))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.print_file_and_line)
u = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid')
print(u.encoding, u.object, u.start, u.end, u.reason)
print(AttributeError('a').name, NameError('x').name)
try:
    compile('x x', 'f', 'exec')
except SyntaxError as s:
    print(s.msg, s.lineno, s.offset, s.filename)
class MyE(ImportError):
    pass
m = MyE('q')
print(m.msg, m.name)
m.name = 'set'
print(m.name)
