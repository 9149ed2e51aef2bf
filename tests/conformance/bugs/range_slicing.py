# range[slice] is a range (compute_slice: start + i*step for the slice's bounds, step times the
# slice's step); refheap refused it ("range indices must be integers or slices, not slice"),
# which stopped string, re, typing and the modules importing them (random's _sha512 table...).
r = range(2, 20, 3)
for sl in [slice(None), slice(1, 3), slice(None, None, -1), slice(-2, None), slice(5, 1), slice(None, None, 2),
           slice(100, 200), slice(3, -100, -2)]:
    print(r[sl], list(r[sl]))
print(range(10)[::-1], range(0)[1:], range(5, 0, -1)[1:3], type(range(3)[:]).__name__, range(3)[:] is range(3))
try:
    range(3)[::0]
except ValueError as e:
    print('ValueError:', e)
