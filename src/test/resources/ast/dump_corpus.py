# Prints "<path>\t<dump>" for every (path, hex of the source) in SOURCES (set by AstCorpusDumpTest
# before this runs):
# the dump is ast.dump(tree, include_attributes=True) of the program parsed with
# compile(source, path, 'exec', PyCF_ONLY_AST), or "SyntaxError". ast.dump is used when `ast`
# imports; until then `dump` below renders the node objects by 3.11's ast.dump rules (fields
# named, a None that the class also defaults to left out, positions after the fields).
import _ast

def dump(node):
    if isinstance(node, _ast.AST):
        cls = type(node)
        parts = []
        for name in node._fields:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            parts.append('%s=%s' % (name, dump(value)))
        for name in node._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and getattr(cls, name, ...) is None:
                continue
            parts.append('%s=%s' % (name, dump(value)))
        return '%s(%s)' % (cls.__name__, ', '.join(parts))
    if isinstance(node, list):
        return '[%s]' % ', '.join(dump(x) for x in node)
    return repr(node)

try:
    import ast
    def render(tree):
        return ast.dump(tree, include_attributes=True)
    USING = 'ast.dump'
except Exception:
    render = dump
    USING = 'own dump'

print(USING)
for path, hexed in SOURCES:
    source = bytes.fromhex(hexed)
    try:
        tree = compile(source, path, 'exec', _ast.PyCF_ONLY_AST)
        text = render(tree)
    except SyntaxError:
        text = 'SyntaxError'
    print(path + '\t' + text)
