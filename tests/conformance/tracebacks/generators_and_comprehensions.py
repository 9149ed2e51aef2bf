# Frames of generators, comprehensions, lambdas and class bodies carry markers like any other frame.
def numbers():
    yield 1
    yield 2 // 0


def total():
    return sum(n for n in numbers())


try:
    total()
except ZeroDivisionError:
    try:
        squares = [x * x['k'] for x in [{}]]
    except KeyError:
        try:
            key = lambda item: item.name
            sorted([3, 1], key=key)
        except AttributeError:
            class Settings:
                base = {}
                value = base['missing'] * 2
