counter = 0


def make_counter():
    count = 0

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment


def bump():
    global counter
    counter = counter + 1


c = make_counter()
c(); c(2)
adders = [lambda x, i=i: x + i for i in range(3)]
print(adders[0](1), c.__closure__[0].cell_contents)
