# complex division by zero, 0 to a negative power, overflow and unsupported operators
import sys
def check(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
check(lambda: 1 / 0j)
check(lambda: 1j / 0)
check(lambda: 0j ** -1)
check(lambda: 0j ** 1j)
check(lambda: (1e200 + 1e200j) ** 2)
check(lambda: 1j // 2)
check(lambda: 1j % 2)
check(lambda: divmod(1j, 2))
check(lambda: 1j & 1)
check(lambda: ~1j)
check(lambda: int(1j))
check(lambda: float(1j))
check(lambda: abs(complex(1e308, 1e308)))
