# __get__ of slot wrappers, method descriptors and classmethod-style access
l = []
w = list.__iter__.__get__(l, list)
print(type(w).__name__, w.__self__ is l, list.__iter__.__get__(None, list) is list.__iter__)
m = list.append.__get__(l)
m(5)
print(l, list.append.__get__(None, list) is list.append, type(m).__name__)
print(dict.fromkeys.__self__ is dict, dict.fromkeys(['a']), {}.fromkeys('b'))
print(int.from_bytes(b'\x01\x00', 'little'), type(int.from_bytes).__name__, int.from_bytes.__self__ is int)
