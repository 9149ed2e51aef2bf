if a:
    b()
elif c:
    d()
else:
    e()
while x < 10:
    x += 1
    if x == 5:
        continue
    if x == 7:
        break
else:
    done()
for i in range(3):
    pass
else:
    print("else")
assert x, "msg"
assert y
z = a if b else c
w = a and b or c
v = not a
u = 1 < x < 10
t = a < b < c < d
if 1 < x < 10:
    pass
if not (a and b):
    pass
if __name__ == '__main__':
    main()
if x is None:
    pass
if x is not None:
    pass
while True:
    if f():
        break
