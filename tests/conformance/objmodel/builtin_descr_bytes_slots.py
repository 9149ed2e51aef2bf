# bytes and bytearray slot wrappers through the type
b = b'abc'
print(bytes.__len__(b), bytes.__getitem__(b, 0), bytes.__contains__(b, 98), bytes.__add__(b, b'd'), bytes.__mul__(b, 2))
print(bytes.__eq__(b, bytearray(b'abc')), bytes.__lt__(b, b'b'), bytes.__eq__(b, 'abc'), list(bytes.__iter__(b'xy')))
ba = bytearray(b'xy')
bytearray.__setitem__(ba, 0, 65)
print(ba, bytearray.__len__(ba), bytearray.__iadd__(ba, b'!') is ba, ba, bytearray.__hash__)
