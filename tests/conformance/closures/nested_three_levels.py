# A variable captured through an intermediate function that does not use it still reaches the innermost one.
def a():
    x = 'from a'
    def b():
        def c():
            return x
        return c
    return b
print(a()()())
def counter():
    total = 0
    def level1():
        def level2(k):
            nonlocal total
            total += k
            return total
        return level2
    return level1()
step = counter()
print(step(5), step(10))
