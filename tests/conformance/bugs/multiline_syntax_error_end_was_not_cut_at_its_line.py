# A SyntaxError over several lines from a str source: 3.11 turns its end into characters on the error's first line and cuts it one past that line's end (end_offset 9 for 'foo(a, z'); bytes without a coding cookie keep the end
import ast
import traceback

code = """def foo(*args, **kwargs):
    pass

a, b, c = 1, 2, 3

foo(a, z
        for z in
            range(10), b, c)
"""
for how, run in [("compile str", lambda: compile(code, "?", "exec")),
                 ("compile str é", lambda: compile(code.replace("foo(a, z", "foo(a, zé"), "?", "exec")),
                 ("exec str", lambda: exec(code)),
                 ("ast.parse", lambda: ast.parse(code)),
                 ("compile bytes", lambda: compile(code.encode(), "?", "exec")),
                 ("compile bytes with a cookie, ascii", lambda: compile(b"# coding: utf-8\n" + code.encode(), "?", "exec")),
                 ("compile bytes with a BOM", lambda: compile(b"\xef\xbb\xbf" + code.encode(), "?", "exec")),
                 ("single line", lambda: compile("foo(a, z for z in range(10), b)\n", "?", "exec"))]:
    try:
        run()
    except SyntaxError as e:
        print(how, e.args)
        print("".join(traceback.format_exception_only(e)), end="")
