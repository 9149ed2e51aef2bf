def fail(n):
    return [1, 2][n]
