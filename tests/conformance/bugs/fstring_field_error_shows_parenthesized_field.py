# A syntax error inside an f-string's replacement field: CPython 3.11 parses the field as the
# string "(field)", so the error's text is that string and its columns count in it, and two
# expressions in a row get "Perhaps you forgot a comma?" as inside brackets (refheap showed the
# source line with the source's columns, raw f-strings included).
sources = [
    'x = f"{a b}"',
    'x = rf"{a b}"',
    'x = Fr"{1 2}"',
    'x = f"{ a b }"',
    'x = rf"{a +}"',
    'x = f"ab{x} {a b:>3}"',
    'y = 1\nx = rf"""a\n{b c}"""',
    'x = f"{1+}"',
    'x = f"{a.}"',
]
for src in sources:
    try:
        compile(src, "fstring_errors.py", "exec")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
