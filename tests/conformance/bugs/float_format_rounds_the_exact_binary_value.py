# format(), % and marshal's version-0/1 float text round a float's exact binary value as C's printf
# does. refheap's 'e' and 'g' forms rounded Java's shortest decimal form instead (format(1e300,
# '.17g') gave '1e+300', CPython '1.0000000000000001e+300'); '#' lost the point of an integral
# fixed form, and the no-type form with a precision gave '0' for 0.0 where CPython gives '0.0'.
import marshal

values = [0.0, -0.0, 1e300, 1e-17, 0.1, 1 / 3, 2.5, 9.995, 9.9999999e22, 5e-324,
          1.7976931348623157e308, 123456789.0, 1e16, 1e-5, 0.0001, 100.0, 0.5, 2.675]
for v in values:
    print([format(v, spec) for spec in ('.17g', 'g', '.3g', '.0g', 'e', '.0e', '.16e', '#.3g', '#.1g', '.20e', '.12')])
    print('%.17g %e %.3E %#g' % (v, v, v, v), marshal.dumps(v, 1), marshal.dumps(complex(v, 1 / 7), 0))
