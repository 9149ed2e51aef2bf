# printf-style formatting: '*' width and precision taken from the arguments (negative width
# left-justifies, negative precision is 0), h/l/L length modifiers ignored, '%%' literal only
# when written so, a %(key)'s value as the only argument after it, %c padded, and the errors
# for each (argparse's help, which formats '%*s', failed with "unsupported format character '*'":
# imports/argparse_help_and_errors.py).
# A width in digits past the heap was an internal error (NumberFormatException).
tests = [
    ("%*s|", (5, 'ab')), ("%-*s|", (5, 'ab')), ("%*s|", (-5, 'ab')), ("%.*s|", (2, 'abcdef')),
    ("%*.*f|", (8, 2, 3.14159)), ("%.*f|", (-3, 2.5)), ("%*d|", (4, 7)), ("%-05d|", (3,)),
    ("%05d|", (-3,)), ("%+5d|", (3,)), ("% d|", (3,)), ("%#x|", (255,)), ("%#o|", (8,)),
    ("%ld %hi %Lf|", (1, 2, 3.0)), ("%5.2s|", ('hello',)), ("%-8.3f|", (2.0,)),
    ("%*s", ('x', 'y')), ("%*s", (5,)), ("%.*s", (1.5, 'x')), ("%*s", 5), ("%(a)*s", {'a': 1}),
    ("%(a)-6s|", {'a': 'hi'}), ("%*c|", (3, 'x')), ("%5%|", ()), ("%l", (1,)), ("%5", (1,)),
    ("%*s|", (2**40, 'x')), ("%-+6d|", (5,)), ("%0*d|", (5, 42)), ("%*r|", (6, 'a')),
]
for f, a in tests:
    try:
        print(repr(f), repr(f % a))
    except Exception as e:
        print(repr(f), type(e).__name__, e)
print(b'%*d|' % (5, 3), b'%-*s|' % (4, b'ab'))
for f,a in [('%(a)s %s',{'a':1}),('%5%|',(1,)),('%5%|',()),('%.*s',(2**40,'x')),('%*s',(2**70,'x')),('%1099511627776s',('x',)),('%.1099511627776s',('x',)),('%99999999999999999999s',('x',)),('%-*c|',(3,'x')),('%*c|',(3,65)), ('%(a)s %(b)s %s', {'a':1,'b':2}), ('%s %(a)s', {'a':1}),
  ('%(a)%',{'a':1}),('%-%',(1,)),('%-%',()),('% %',()),('%.%',(1,)),('%l%',()),('%h%',(1,)), ('%5.2%', ()), ('%(a)s %(b)s', {'a':1,'b':2}), ('%*.*s', (3,)), ('%s %*s', (1,2)), ('%c', ('ab',)), ('%5c|',('é',)), ('%%%s%%', ('x',)), ('%s', ()), ('%s %s', (1,2,3)), ('%d', 'x')]:
  try: print(repr(f), repr(f%a)[:40])
  except Exception as e: print(repr(f), type(e).__name__, e)
for f,a in [(b'%*s|',(2**70,b'x')),(b'%(a)*s', {b'a': 1}), (b'%5%', ()), (b'%-*c|', (3, 65))]:
  try: print(repr(f), repr(f%a)[:40])
  except Exception as e: print(repr(f), type(e).__name__, e)
