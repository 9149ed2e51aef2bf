# Seed cells 1-3: id() and hex(id()) of 2; both names bound to 2 show the same id.
# env-line: 1 raw address of the small int 2 (ASLR)
# env-line: 2 raw address of the small int 2 (ASLR)
# env-line: 3 raw address of the small int 2 (ASLR)
a = 2
print(id(a))
print(hex(id(a)))
b = 2
print(hex(id(b)))
print(hex(id(a)) == hex(id(b)), hex(id(a)) == hex(id(2)), int(hex(id(a)), 16) == id(a))
