matrix = [[i * j for j in range(5)] for i in range(5)]
flat = [x for row in matrix for x in row if x % 2 == 0 if x > 2]
squares = {n: n ** 2 for n in range(10) if n & 1}
letters = {c.upper() for c in "hello world" if c.isalpha()}
pairs = [(a, b) for a, b in zip(range(3), "abc")]
nested = [[y for y in range(x)] for x in range(4)]
gen = (x for x in range(3))
starred = [(first, *rest) for first, *rest in [(1, 2, 3), (4, 5)]]
walrus = [y for x in range(5) if (y := x * 2) > 4]
