# 3.11's tokenizer starts the NEWLINE token that ends a line at the line's comment ('#') and ends it before the '\n', so an error reported at that NEWLINE ("expected ':'", the generic "invalid syntax") spans the comment; refheap's NEWLINE was empty at the '\n'
cases = ['if x # c\n', 'if x # c', 'x = 1 + # c\n', 'x = 1 +  # c', 'def f() # c\n  pass\n', 'class A # c\n', 'for x in y # c\n', 'x = (1 # c\n',
         'x = 1 # c\n  y\n', 'x = [1,\n 2] # c\ny = = 1\n', 'if x:\n  pass # c\n else: pass\n', 'print 1 # c\n', 'a b # c\n', 'x = 1 if y # c\n',
         'lambda # c\n', 'while x:  # c\n  pass\nwhile y  #\n', 'x = 1 +\t# tab\n']
for src in cases:
    try:
        compile(src, 'f', 'exec')
        r = 'ok'
    except SyntaxError as e:
        r = (type(e).__name__, e.msg, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset)
    print(repr(src), r)
