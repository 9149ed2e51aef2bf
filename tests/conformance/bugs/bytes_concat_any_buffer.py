# bytes + x takes any buffer x (bytes_concat: a memoryview, a bytearray, an array); refheap refused everything but
# bytes and bytearray with "can't concat ... to bytes".
import array
print(b'ab' + memoryview(b'cd'), b'' + bytearray(b'e'), b'f' + array.array('b', [103]), b'h' + array.array('h', [0x6a69]))
x = b'k'; x += memoryview(b'l'); print(x)
try: b'a' + 'b'
except TypeError as e: print(e)
try: b'a' + [1]
except TypeError as e: print(e)
