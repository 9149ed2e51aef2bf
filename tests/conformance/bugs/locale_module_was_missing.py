# _locale is one of CPython 3.11's built-in modules (sys.builtin_module_names); refheap had none,
# so `import locale` fell back to locale.py's emulation of the C locale (setlocale refusing
# anything but "C", getlocale() answering (None, None) where CPython reads the C library).
# The C library's locale is the process's: checked here after putting every category in "C".
import sys
import gc
import _locale

print('_locale' in sys.builtin_module_names, _locale.__name__, _locale.__doc__)
print(list(vars(_locale))[5:])
print(_locale.Error, _locale.Error.__mro__, _locale.Error.__module__, _locale.Error.__doc__)
print(_locale.setlocale(_locale.LC_NUMERIC), _locale.setlocale(_locale.LC_TIME), _locale.setlocale(_locale.LC_COLLATE))
print(_locale.setlocale(_locale.LC_ALL, 'C'))
print(_locale.setlocale(_locale.LC_ALL))
print(_locale.localeconv())
print([_locale.nl_langinfo(getattr(_locale, k)) for k in ('CODESET', 'D_T_FMT', 'D_FMT', 'T_FMT', 'DAY_1', 'ABMON_12',
                                                          'RADIXCHAR', 'THOUSEP', 'YESEXPR', 'NOEXPR', 'CRNCYSTR', 'ERA', '_DATE_FMT')])
print(_locale.getencoding())
# the signs only: in the test suite's JVM, where many runtimes share the process's C locale, the
# magnitudes were seen to differ (-4 for -1) in some runs, from a collation state not yet traced
print([(c > 0) - (c < 0) for c in (_locale.strcoll(a, b) for a, b in [('a', 'b'), ('b', 'a'), ('a', 'a'), ('ab', 'a'), ('A', 'a')])], repr(_locale.strxfrm('h\xe9llo')))
print(_locale.gettext('hello'), _locale.dgettext(None, 'x'), _locale.dcgettext('d', 'y', _locale.LC_MESSAGES), _locale.textdomain(None))
print(_locale.bind_textdomain_codeset('nodomain', None))

tests = [('setlocale', 'x'), ('setlocale', 1.5), ('setlocale', 999, 'C'), ('setlocale', 999),
         ('setlocale', _locale.LC_ALL, 'xx_YY.NOPE'), ('setlocale', 0, 'a\0b'), ('setlocale', 0, 5),
         ('setlocale',), ('setlocale', 2**40), ('strcoll', 1, 'a'), ('strcoll', 'a', None), ('strcoll', 'a'),
         ('strxfrm', 'a\0'), ('strxfrm', 3), ('nl_langinfo', 99999), ('nl_langinfo', 'x'), ('gettext', 1),
         ('dgettext', 'd', None), ('bindtextdomain', '', 'x'), ('bindtextdomain', 'd', 3), ('localeconv', 1),
         ('getencoding', 1)]
for t in tests:
    try:
        print(t, repr(getattr(_locale, t[0])(*t[1:])))
    except Exception as e:
        print(t, type(e).__name__, e)
try:
    _locale.setlocale(category=0)
except TypeError as e:
    print(e)

# locale.py over the C module
import locale
print(locale.setlocale(locale.LC_ALL, 'C'), locale.getlocale(locale.LC_NUMERIC), locale.localeconv()['decimal_point'])
print(locale.format_string('%.2f', 1234567.5, grouping=True), locale.str(3.25), locale.atof('1.5'), locale.atoi('42'))
print(locale.strcoll('a', 'b') < 0, locale.strxfrm('abc'))
try:
    locale.currency(1.5)
except ValueError as e:
    print(e)
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY.NOPE')
except locale.Error as e:
    print(type(e).__name__, e)

# what a call allocates: localeconv makes a dict and its two lists
gc.collect()
before = gc.get_count()[0]
d = _locale.localeconv()
print(gc.get_count()[0] - before, gc.is_tracked(d), gc.is_tracked(d['grouping']), sys.getrefcount(d))
