# Errors of %-formatting conversions, of * and ** unpacking in calls and displays, and of method descriptors called on the wrong type.
def f(*a, **k): pass
def attempt(label, fn):
    try:
        fn()
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)
attempt('{**None}', lambda: {**None})
attempt('{**[1]}', lambda: {**[1]})
attempt('str.upper(1)', lambda: str.upper(1))
attempt("'%d' % 'a'", lambda: '%d' % 'a')
attempt('str.lower(1)', lambda: str.lower(1))
attempt('list.append(1, 2)', lambda: list.append(1, 2))
attempt('dict.get(1, 2)', lambda: dict.get(1, 2))
attempt('[*None]', lambda: [*None])
attempt('f(**None)', lambda: f(**None))
attempt('f(*None)', lambda: f(*None))
attempt('{*None}', lambda: {*None})
attempt('(*None,)', lambda: (*None,))
attempt("'%s %s' % (1,)", lambda: '%s %s' % (1,))
attempt("'%x' % 1.5", lambda: '%x' % 1.5)
attempt("'%c' % 'ab'", lambda: '%c' % 'ab')
attempt("'%d' % None", lambda: '%d' % None)
attempt("'%i' % '1'", lambda: '%i' % '1')
attempt("'%f' % 'x'", lambda: '%f' % 'x')
attempt("'%d' % 1.7", lambda: print('%d|%i|%5.1f|%x|%o|%c|%c|%e|%a' % (1.7, -2.9, 3, 255, 8, 65, 'z', 1234.5, 'é')))
attempt("'%d' % inf", lambda: '%d' % float('inf'))
attempt("'%y' % 1", lambda: '%y' % 1)
attempt("'%X' % True", lambda: print('%X %d' % (True, False)))
class C:
    def m(self, *a): pass
attempt('C().m(*None)', lambda: C().m(*None))
attempt('print(*None)', lambda: print(*None))
attempt('len(**None)', lambda: len(**None))
attempt('int(*None)', lambda: int(*None))
attempt('C(*None)', lambda: C(*None))
