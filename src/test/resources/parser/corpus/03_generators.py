def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"


def delegate():
    result = yield from countdown(3)
    yield result


def echo():
    received = None
    while True:
        received = yield received
        if received is None:
            break


for value in delegate():
    print(value)
gen = echo()
next(gen)
x = gen.send(10)
total = sum(i * i for i in range(10))
