# Comparisons, membership tests, unary operators and boolean expressions are marked with ^ under their whole span (3.11 draws no operator anchor for them).
a, s = 1, 'x'
try:
    ok = a < s
except TypeError:
    try:
        ok = 0 < a <= s
    except TypeError:
        try:
            found = a in 5
        except TypeError:
            try:
                neg = -s
            except TypeError:
                flag = not (a > []) and True
