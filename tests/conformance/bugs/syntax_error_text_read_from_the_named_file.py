# compile() in exec mode takes a parser error's text line from the file the filename names when it exists (with the file's newline, or a different line there), as 3.11's _PyErr_ProgramDecodedTextObject; eval mode and a missing file use the source
import os, tempfile
d = tempfile.mkdtemp()
path = os.path.join(d, 'm.py')
with open(path, 'w') as f:
    f.write('x = (1,\n2\n')
other = os.path.join(d, 'other.py')
with open(other, 'w') as f:
    f.write('first line here\nsecond line\n')
for src, name, mode in [('x = (1,\n2\n', path, 'exec'), ('x = (1,\n2\n', path, 'eval'), ('x = (1,\n2\n', os.path.join(d, 'none.py'), 'exec'),
                        ('def f(:\n pass\n', other, 'exec'), ('a = 1\nb = 2 3\n', other, 'exec'), ('a = $\n', other, 'exec')]:
    try:
        compile(src, name, mode)
    except SyntaxError as e:
        print(os.path.basename(name), mode, (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
import sys
sys.path.insert(0, d)
with open(os.path.join(d, 'badmod.py'), 'w') as f:
    f.write('y = 1\nz = [1,\n 2 3\n')
try:
    import badmod
except SyntaxError as e:
    print('import', (e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset))
for n in os.listdir(d):
    p = os.path.join(d, n)
    if os.path.isfile(p):
        os.remove(p)
import shutil
shutil.rmtree(d)
