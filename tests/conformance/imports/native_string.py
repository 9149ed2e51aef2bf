# _string (refheap native module): formatter_parser and formatter_field_name_split step by step as CPython 3.11's MarkupIterator: sizes, tracking, errors
import _string, sys, gc
it = _string.formatter_parser('a{0!r:>{w}}b{x.y[0]}c{{}}')
print(type(it), sys.getsizeof(it), gc.is_tracked(it), gc.get_referents(it))
print(list(it))
f, rest = _string.formatter_field_name_split('x.y[0][k].z')
print(f, type(rest), sys.getsizeof(rest), gc.is_tracked(rest), list(rest))
f, rest = _string.formatter_field_name_split('0.a'); print(f, list(rest), list(_string.formatter_field_name_split('')[1]), list(_string.formatter_parser('')), list(_string.formatter_parser('{}{:x}{!s}')))
print(list(_string.formatter_parser('é{ü!a}😀{0[😀]:{1}}')), _string.formatter_field_name_split('12[3]')[0], list(_string.formatter_field_name_split('a[x]')[1]))
for bad in ['{', '}', 'a{0!}', '{0!rr}', '{0:{1:{2}}}', '{!r}', '{0[}', '{a.}', '{0]}', '{a{}', '{0!', 'x}}y{{z', '}}}', '{:{}']:
    try: print(bad, list(_string.formatter_parser(bad)))
    except Exception as e: print(bad, type(e).__name__, e)
for bad in ['a[', 'a[]', 'a.', '[0]', 'a[0]x', 1, '99999999999999999999999', 'a[99999999999999999999999]']:
    try: f, r = _string.formatter_field_name_split(bad); print(repr(bad), f, list(r))
    except Exception as e: print(repr(bad), type(e).__name__, e)
s = 'abc{0}'; r0 = sys.getrefcount(s); p = _string.formatter_parser(s); print(sys.getrefcount(s) - r0); del p; print(sys.getrefcount(s) - r0)
