# int / int is correctly rounded in 3.11 (long_true_divide: one rounding of the exact quotient).
# refheap divided two BigDecimals to 34 digits and then took the nearest double: two roundings,
# so some quotients were one ulp off, and results just under the overflow bound were OverflowError;
# 0 / -big was 0.0 where 3.11 gives -0.0.
import sys

DBL_MAX = sys.float_info.max
DBL_MIN_OVERFLOW = 2 * 2**(sys.float_info.max_exp - 1) - 2**(sys.float_info.max_exp - 54)


def div(a, b):
    try:
        return a / b
    except OverflowError as e:
        return 'OverflowError: %s' % e
    except ZeroDivisionError as e:
        return 'ZeroDivisionError: %s' % e


print(repr(div(0, -3)), repr(div(0, -(10**50))), repr(div(-0, 10**50)), repr(div(0, 3)))
print(div(1, 0), div(10**50, 0))
for m in (1, 2, 7, 17, 12345, 7**100, -1, -2, -5, -23, -67891, -41**50):
    row = []
    for n in range(-10, 10):
        row.append(repr(div(m * DBL_MIN_OVERFLOW + n, m)))
    print(m if abs(m) < 10**6 else 'big', ' '.join(sorted(set(row))))

# halfway cases and near-halfway cases around 2**53
for k in range(0, 12):
    a = 2**53 + k
    for b in (1, 2, 3, 4, 7):
        print(a, b, repr(div(a * 2**70, b * 2**70)), repr(div(a * 10**30, b * 10**30)))

# subnormal results, and results that round to zero or to the smallest subnormal
for e in (1074, 1075, 1076, 1080, 1100, 1022, 1023):
    for a in (1, 3, 5, 2**60 + 1, 2**60 - 1):
        print(e, a, repr(div(a, 2**e)), repr(div(-a * 10**20, 2**e * 10**20)))

# a quotient of two large ints whose 34-digit decimal was rounded on the wrong side
a = 12345678901234567890123456789012345678901234567890
for b in (3, 7, 11, 13, 10**20 + 7, 2**64 - 1, 10**17 + 3):
    print(b, repr(div(a, b)), repr(div(-a, b)))
print(repr(div(10**400, 10**92)), repr(div(10**400, 10**91)), repr(div(2**1024 - 2**970, 1)))
print(repr(div(2**1024 - 2**970 - 1, 1)), div(2**1024 - 2**970, 1) == DBL_MAX)
