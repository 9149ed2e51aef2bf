# SyntaxErrors of "(expr) = value" as 3.11 words them: a parenthesized group (not a tuple or list display of
# its own, not a bare True/None/False) gets "cannot assign to ... here. Maybe you meant '==' instead of '='?";
# a parenthesized yield too ("assignment to yield expression not possible" is only for a bare one).
tests = ["(a, f()) = 1", "((a, f())) = 1", "(*a) = 1", "(True) = 1", "(None) = 1", "(a for a in b) = 1", "[a, f()] = 1", "f() += 1", "(f()) += 1",
 "a, (b.c()) = 1", "with a as (f()): pass", "for (f()) in x: pass", "(a) = (f()) = 1", "(a := 1) = 2", "([a]) = 1", "({a}) = 1", "({}) = 1", "(...) = 1",
 "(a.b) = 1", "(a[1]) = 1", "('s') = 1", "(f'{x}') = 1", "(-a) = 1", "(not a) = 1", "(a < b) = 1", "(a and b) = 1", "(x for x in y) = 1",
 "([x for x in y]) = 1", "({x: 1 for x in y}) = 1", "(a, b) = (c) = 1", "def f(): ((yield)) += 1", "(__debug__) = 1", "(a)(b) = 1", "(a).b() = 1"]
for t in tests:
    try:
        compile(t, '<s>', 'exec')
        print('ok', repr(t))
    except SyntaxError as e:
        print(repr(t), '->', e.msg, e.offset, e.end_offset)
tests = ["def f(): (yield bar) = y", "def f(): (yield bar) += y", "(yield) = 1", "[x for x in (yield)] = 1", "f() = 1", "(a, (yield)) = 1", "del (yield)", "for (yield) in x: pass", "with x as (yield): pass", "def f(): x = yield = y", "def f(): (yield) = 1", "def f():\n (yield)\n (yield x) = 2"]
for t in tests:
    try:
        compile(t, '<s>', 'exec')
        print('ok', repr(t))
    except SyntaxError as e:
        print(repr(t), '->', e.msg, e.offset, e.end_offset)
