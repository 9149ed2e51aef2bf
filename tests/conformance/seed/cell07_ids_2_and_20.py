# Seed cell 7: ids of 2 and 20 are 18 small-int slots (576 bytes) apart.
a = 2
b = 20
print(id(b) - id(a))
print(id(b) > id(a))
