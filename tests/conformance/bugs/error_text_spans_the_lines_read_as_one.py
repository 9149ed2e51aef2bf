# An error on the tokenizer's current line shows the tokenizer's buffer: every line since it last began a line between tokens, so the lines before a backslash continuation or inside a string spanning lines come with it (refheap showed the error's line alone); a line read between tokens (in brackets) starts a new buffer, and a file's error shows the file's line
cases = ['x = 1 \\\n  y\n', 'x = 1 + \\\n  \\\n  y z\n', 'if x \\\n  y:\n  pass\n', 'x = (1 \\\n  y)\n', 'x = 1 \\\n  + = 2\n', 'a \\\n b\nc = 1\n',
         'x = (1\n  y)\n', 'x = (1,\n  2 \\\n  y)\n', 'x = 1 \\\n  + (2,\n 3 4)\n', 'x = 1 \\\n  + 2\ny y\n', 'def f(): \\\n  return 1 1\n', 'x = 1 \\\n\n',
         'x = "a" \\\n  "b" c\n', 'x = """a\nb""" c\n', "x = '''a\\\nb''' c\n", 'x = "a\\\nb" c\n', 'x = 1 # c \\\ny y\n', 'x = """a\nb"""\\\n  c d\n',
         'x = (1 \\\n  2 3\n', 'x = f"""{1}\n""" 2\n', 'x = 1 \\\n  y # c\n']
for src in cases:
    try:
        compile(src, 'f', 'exec')
        r = 'ok'
    except SyntaxError as e:
        r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(src), r)
