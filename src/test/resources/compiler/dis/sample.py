def f(a, b=2):
    try:
        return a + b
    except ValueError as e:
        return str(e)
x = [i for i in range(3) if i]
print(f"{x!r}", f(1))
