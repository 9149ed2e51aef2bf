# Conversions to int return cached objects for small values and the same object for an exact int.
three, ten, one, seven = 3, 10, 1, 7
print(int(3.9) is three)
print(int('0010') is ten)
print(int(True) is one)
print(abs(-7) is seven)
big = 10 ** 3
print(int(big) is big)
n = int('300')
print(int(n) is n)
print(abs(n) is n)
print(+n is n)
m = -n
print(abs(m) is n, abs(m) == n)
