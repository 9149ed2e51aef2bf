# divmod(a, b) == (a // b, a % b) and q * b + r == a for ints; floats agree with // and %
import math
ok = True
for a in range(-20, 21):
    for b in [-7, -3, -1, 1, 2, 5]:
        q, r = divmod(a, b)
        ok = ok and q * b + r == a and (q, r) == (a // b, a % b) and (r == 0 or (r < 0) == (b < 0))
print(ok)
fl = True
for a in [-7.5, -0.3, 0.0, 2.25, 10.0, 1e10]:
    for b in [-2.0, 0.5, 3.0, 0.1]:
        fl = fl and divmod(a, b) == (a // b, a % b)
print(fl, divmod(-0.0, 2.0), divmod(7, -0.5), 1 // 0.1, 1 % 0.1)
