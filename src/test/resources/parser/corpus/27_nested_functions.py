def outer():
    x = 1

    def middle():
        y = 2

        def inner():
            nonlocal y
            y += x
            return y

        return inner

    return middle()


def gen_closures():
    return [lambda: i for i in range(3)]


def recursive(n):
    def helper(k, acc=[]):
        if k == 0:
            return acc
        acc.append(k)
        return helper(k - 1, acc)
    return helper(n)
