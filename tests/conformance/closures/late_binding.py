# Closures capture variables, not values: lambdas made in a loop all see the final value unless bound by a default.
fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
gs = []
for i in range(3):
    gs.append(lambda i=i: i)
print([g() for g in gs])
