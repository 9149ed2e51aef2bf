# Seed cell 4: after a = 10, a's id moves 8 small-int slots (256 bytes) away from b's id (still 2).
a = 2
b = 2
a = 10
print(id(a) - id(b))
print(hex(id(a) - id(b)))
print(id(b) == id(2))
