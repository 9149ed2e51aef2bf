# Recursion repeats a frame: after three identical entries the rest are counted, and only the distinct frames carry their markers.
def descend(n, d):
    if n == 0:
        return d['bottom']
    return descend(n - 1, d) + 1


def pingpong(n):
    return pong(n) if n else {}[n]


def pong(n):
    return pingpong(n - 1)


try:
    descend(10, {})
except KeyError:
    pingpong(5)
