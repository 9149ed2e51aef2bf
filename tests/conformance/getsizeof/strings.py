# str sizes depend on the widest character: ASCII, Latin-1, UCS-2 and UCS-4 layouts.
import sys
for s in ['', 'a', 'ab', 'abc' * 10, 'é', 'éé', 'ā', 'āā', '€', '😀', '😀😀', 'a😀']:
    print(len(s), sys.getsizeof(s))
