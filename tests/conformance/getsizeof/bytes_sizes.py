# bytes are 33 bytes plus one per byte.
import sys
for b in [b'', b'a', b'ab', b'x' * 100]:
    print(len(b), sys.getsizeof(b))
