# A traceback through code that compile() made from a file's text shows that file's lines (read from the file, as python3's printer and linecache read it), as runpy's -m code has them
path = 'tests/conformance/bugs/compiled_from_file/raiser.py'
with open(path) as f:
    source = f.read()
code = compile(source, path, 'exec')
ns = {}
exec(code, ns)
try:
    ns['fail'](3)
except IndexError as e:
    import traceback
    traceback.print_exc(limit=-1)
ns['fail'](2)
