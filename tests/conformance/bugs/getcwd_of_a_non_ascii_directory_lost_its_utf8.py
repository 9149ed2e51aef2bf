# os.getcwd()/getcwdb() in a directory with a non-ASCII name: getcwd's bytes were read as UTF-8
# and written back as Latin-1, so 'æ' came back as b'\xe6' and '\udce6' (test_posixpath's abspath
# and realpath tests with a non-ASCII cwd).
import os, tempfile
old = os.getcwd()
with tempfile.TemporaryDirectory() as base:
    d = os.path.join(base, 'x\u00e6\u4e2d')
    os.mkdir(d)
    os.chdir(d)
    try:
        print(ascii(os.path.basename(os.getcwd())), os.path.basename(os.getcwdb()), os.getcwd() == os.path.realpath(d))
        print(ascii(os.path.basename(os.path.abspath('y'))), ascii(os.path.relpath(os.getcwd(), base)))
    finally:
        os.chdir(old)
print(os.getcwd() == old)
