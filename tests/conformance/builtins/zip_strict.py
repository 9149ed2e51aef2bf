# zip(strict=True) raises when the iterables' lengths differ, naming which argument ran out or went on
print(list(zip([1, 2], "ab", strict=True)), list(zip(strict=True)), list(zip([1], strict=False)), list(zip([1, 2], [3], strict=False)))
for args in [([1, 2], [1]), ([1], [1, 2]), ([1], [1], [1, 2]), ([1, 2], [1, 2], [1]), ([], [1]), ([1, 2, 3], [1, 2], [1, 2, 3])]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip([1, 2, 3], "ab", strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
try:
    zip([1], x=1)
except TypeError as e:
    print("TypeError:", e)
