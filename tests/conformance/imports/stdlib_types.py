# CPython's Lib/types.py imports: the types it names are refheap's builtin types, with their
# descriptors (GetSetDescriptorType, MemberDescriptorType...), and its functions work.
import sys
import types

names = ['FunctionType', 'LambdaType', 'CodeType', 'MappingProxyType', 'SimpleNamespace', 'CellType',
         'GeneratorType', 'CoroutineType', 'AsyncGeneratorType', 'MethodType', 'BuiltinFunctionType',
         'BuiltinMethodType', 'WrapperDescriptorType', 'MethodWrapperType', 'MethodDescriptorType',
         'ClassMethodDescriptorType', 'ModuleType', 'TracebackType', 'FrameType', 'GetSetDescriptorType',
         'MemberDescriptorType', 'GenericAlias', 'UnionType', 'EllipsisType', 'NoneType', 'NotImplementedType']
for n in names:
    t = getattr(types, n)
    print(n, t.__name__, t.__module__)
print(types.GetSetDescriptorType is type(type(len).__dict__['__name__']))
print(types.MemberDescriptorType is type(types.FunctionType.__globals__))


class Slotted:
    __slots__ = ('x',)


print(type(Slotted.x) is types.MemberDescriptorType)
print(isinstance(types.FunctionType.__code__, types.GetSetDescriptorType))
print(types.MappingProxyType({'a': 1})['a'], types.SimpleNamespace(a=1, b=2))
print(types.new_class('N', (object,), {}).__name__, types.resolve_bases((int,)))
Dyn = types.new_class('Dyn', (), {}, lambda ns: ns.update(k=3))
print(Dyn.k, Dyn.__module__)
print(sorted(k for k in dir(types) if not k.startswith('_'))[:8])
print('types' in sys.modules, types.__name__, types.__spec__.name)
print(types.MappingProxyType.__new__ is not None, type(types.MappingProxyType({})).__name__)
for bad in ([1], (1,), 5):
    try:
        types.MappingProxyType(bad)
    except TypeError as e:
        print('TypeError', e)
