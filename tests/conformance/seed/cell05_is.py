# Seed cells 5-6: two names bound to 2 are the same object; 2 and 20 are not.
a = 2
b = 2
print(b is a)
a = 2
b = 20
print(b is a)
