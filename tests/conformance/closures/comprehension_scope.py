# Comprehensions have their own scope: the loop variable does not leak, but they can read enclosing locals.
def f():
    factor = 3
    xs = [i * factor for i in range(4)]
    try:
        return xs, i
    except NameError as e:
        return xs, str(e)
print(f())
x = 'module x'
print([x for x in range(2)], x)
