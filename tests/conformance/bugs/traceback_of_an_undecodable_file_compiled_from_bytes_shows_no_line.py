# A traceback through code compile() made from a file's bytes, declared UTF-8 but holding a byte that is not (in a comment, so it compiles), shows no source line: python3's printer reads the file strictly and gives up on it (as for the script itself)
path = 'tests/conformance/bugs/compiled_from_file/undecodable.py'
with open(path, 'rb') as f:
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
