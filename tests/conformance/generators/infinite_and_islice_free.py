# An infinite generator is fine as long as the consumer stops; zip stops at the shortest input.
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(list(zip('abc', naturals())))
g = naturals()
print([next(g) for i in range(5)])
