# class methods of builtin types bind to the class, from the class or an instance
print(dict.fromkeys('ab'), {}.fromkeys([1], 0), dict.fromkeys.__self__ is dict, {}.fromkeys.__self__ is dict)
print(bytes.fromhex('41 42'), float.fromhex('0x1p3'), int.from_bytes(b'\x00\x01', 'big'))
print(type(dict.fromkeys).__name__, object.__subclasshook__.__self__ is object)
class C: pass
print(C.__subclasshook__(), C.__init_subclass__.__self__ is C)
