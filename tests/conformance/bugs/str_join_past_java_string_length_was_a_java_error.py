# ''.join of parts whose total passes what refheap's str can hold (2**30 UTF-16 units) raised a Java
# OutOfMemoryError with its stack trace; it is MemoryError, raised before anything is built.
# (python3 builds the 1.1-billion-character str; both print the same.)
parts = ['x' * (1 << 20)] * 1100
try:
    s = ''.join(parts)
    print('joined', len(s) == 1100 << 20)
    del s
except MemoryError:
    print('joined', True)
try:
    ''.join(['a', 1, 'x' * (1 << 20)] * 1100)
except TypeError as e:
    print(e)
print(len('-'.join(['ab'] * 1000)), ', '.join(['a', 'b', 'c']), repr(''.join([])))
