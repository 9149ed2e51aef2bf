# compile() validates mode, flags and optimize, and reports syntax errors as SyntaxError objects
def attempt(*a, **k):
    try:
        compile(*a, **k)
        print("ok")
    except (ValueError, TypeError, SyntaxError) as e:
        print(type(e).__name__ + ":", e)
attempt("x", "f", "bad")
attempt("x", "f", "exec", 0x8)
attempt("x", "f", "exec", optimize=5)
attempt("a = 1\nb = 2", "f", "single")
attempt("", "f", "single")
attempt("1 +", "file.py", "exec")
attempt("x", "f", "exec", dont_inherit=True)
attempt("x", "f", "exec", 0, True, -1)
attempt("x", "f", "exec", 0x200)
attempt("a\0b", "f", "exec")
attempt(1, "f", "exec")
attempt("x", "f")
