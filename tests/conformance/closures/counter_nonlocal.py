# nonlocal rebinds the captured cell, so each closure keeps its own counter.
def make_counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
a = make_counter()
b = make_counter()
print(a(), a(), a(), b())
