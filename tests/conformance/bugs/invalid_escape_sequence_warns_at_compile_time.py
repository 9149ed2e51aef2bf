# compile() warns DeprecationWarning for invalid escape sequences in str, bytes and f-string literals (first per literal part, at the token's line); made an error it is a SyntaxError over the token
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile('x = "\\d"\n', "f", "exec")
    compile('x = "\\d"\n', "f", "exec")
    compile('x = b"\\d"\n', "f", "exec")
    compile('x = 1\nx = """a\n\\d"""\n', "f", "exec")
    compile('x = f"\\d{1}"\n', "f", "exec")
    compile('x = rf"\\d{1}"\n', "f", "exec")
    compile('x = "\\8"\n', "f", "exec")
    compile('x = "\\777"\n', "f", "exec")
    compile('x = b"\\777"\n', "f", "exec")
    compile('x = "\\d" "\\e"\n', "f", "exec")
for m in w: print(m.category, m.message, m.filename, m.lineno)
compile('x = "\\d"\n', "f", "exec")
warnings.simplefilter("error")
try:
    compile('x = 1\nx = "\\d"\n', "f", "exec")
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
try:
    compile('x = 1\nx = b"\\d"\n', "f", "exec")
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
try:
    compile('x = 1\nx = f"{2}\\d"\n', "f", "exec")
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
try:
    compile('x = 1\nx = ("a"\n"\\d")\n', "f", "exec")
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
try:
    compile('x = 1\nx = """\n\n\\d"""\n', "f", "exec")
except SyntaxError as e:
    print(repr(e), e.args, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
