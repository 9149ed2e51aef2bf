# float('-nan') and float.fromhex('-nan') have the sign bit set (CPython negates the NaN it parses);
# _pydecimal's float(Decimal('-nan')) relies on it.
import math
import struct
for s in ['-nan', 'nan', '+nan', '-NaN', ' -nan ', '+NAN', '-inf', 'inf']:
    v = float(s)
    print(repr(s), repr(v), math.copysign(1.0, v))
print(math.copysign(1.0, float(b'-nan')), math.copysign(1.0, float(bytearray(b' -nan'))))
print(math.copysign(1.0, float.fromhex('-nan')), math.copysign(1.0, float.fromhex('nan')), math.copysign(1.0, float.fromhex('+nan')))
print(struct.pack('>d', float('-nan')).hex(), struct.pack('>d', float('nan')).hex())
print(math.copysign(1.0, -float('nan')), math.copysign(1.0, abs(float('-nan'))))
