# CPython 3.11's path converter still takes a bytes-like object that is not bytes (bytearray,
# memoryview, array) with a DeprecationWarning naming the function and argument, and answers in
# bytes; an OSError names the object given (the same object). refheap refused them with TypeError.
import os, array, tempfile, shutil, warnings
d = tempfile.mkdtemp(prefix='bytes_like')
bd = os.fsencode(d)
def t(label, f, name=None):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        try:
            r = f()
            print(label, 'ok', r)
        except OSError as e:
            print(label, type(e).__name__, e.errno, type(e.filename).__name__, e.filename is name, e.filename2)
        except Exception as e:
            print(label, type(e).__name__, e)
        for x in w:
            print('   ', x.category.__name__, x.message, os.path.basename(x.filename))
try:
    os.mkdir(os.path.join(d, 'sub'))
    open(os.path.join(d, 'sub', 'f'), 'w').close()
    cwd = os.getcwd()
    t('chdir', lambda: os.chdir(bytearray(bd)))
    print(os.getcwd() == d)
    os.chdir(cwd)
    t('chdir array', lambda: os.chdir(array.array('b', bd)))
    os.chdir(cwd)
    t('scandir', lambda: [(type(e.name).__name__, e.name, e.path == bd + b'/sub') for e in os.scandir(bytearray(bd))])
    t('listdir', lambda: os.listdir(memoryview(bd + b'/sub')))
    t('stat', lambda: os.stat(bytearray(bd)).st_nlink)
    t('access', lambda: os.access(bytearray(bd), os.F_OK))
    t('readlink', lambda: os.readlink(bytearray(bd + b'/sub')))
    for name in (bytearray(bd + b'/nope'), memoryview(bd + b'/nope')):
        t('stat missing', lambda: os.stat(name), name)
        t('listdir missing', lambda: os.listdir(name), name)
        t('unlink missing', lambda: os.unlink(name), name)
        t('chdir missing', lambda: os.chdir(name), name)
    name = bytearray(bd + b'/nope')
    t('rename missing', lambda: os.rename(name, b'x'), name)
    t('stat with NUL', lambda: os.stat(bytearray(b'a\0b')))
    t('fspath', lambda: os.fspath(bytearray(b'a')))
    t('putenv', lambda: os.putenv(bytearray(b'A'), 'b'))
finally:
    shutil.rmtree(d)
