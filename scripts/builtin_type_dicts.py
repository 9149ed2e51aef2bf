"""Writes the names in each builtin type's __dict__, in CPython 3.11's order, with their kinds.

Run with a clean CPython 3.11 (a venv without system site-packages, as tests/conformance/generate.py
uses: ~/.cache/refheap/venv311/bin/python): VENV/bin/python -I scripts/builtin_type_dicts.py > \
    src/main/resources/dev/refheap/lang/vm/builtin-type-dicts.txt
refheap reads the table at start-up (SlotWrappers) to give its builtin types the slot wrappers,
method descriptors and classmethod descriptors CPython's PyType_Ready puts in their dicts. Only
names and kinds are taken, never values (no docstrings).
Kinds: S wrapper_descriptor, M method_descriptor, C classmethod_descriptor, N __new__ (a builtin
method of the type), T staticmethod, G getset_descriptor, D member_descriptor, X a plain value
(__doc__, or __hash__ = None).
A name with a space (the tp_name 'symtable entry') is written with '_' for it.
Each line ends with =basicsize,itemsize,weakrefoffset,dictoffset,flags: the type's tp_basicsize,
tp_itemsize, tp_weaklistoffset, tp_dictoffset and tp_flags (type.__basicsize__... of builtin types;
the flags as a program sees them on a clean `python -I`, so with Py_TPFLAGS_VALID_VERSION_TAG
where start-up has looked an attribute up on the type already; a host python3 whose .pth files
import packages at start-up has looked up more).
A getset or member descriptor with a docstring is written g or d (refheap does not carry docstrings:
its __doc__ says so instead of answering None).
"""
import sys
import types

# scripts/builtin_docs.py lists these types too (its builtin_types()); not imported from there: an
# import runs the import machinery first, which sets bytearray's Py_TPFLAGS_VALID_VERSION_TAG in
# the flags this table records, and builtin_docs.py runs alone from refheap's jar
TYPES = [object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set,
         frozenset, range, slice, memoryview, type(None), type(NotImplemented), type(Ellipsis),
         types.FunctionType, types.BuiltinFunctionType, types.MethodType, types.CodeType,
         types.CellType, types.ModuleType, types.FrameType, types.TracebackType,
         property, staticmethod, classmethod, super, types.GeneratorType, types.CoroutineType,
         types.AsyncGeneratorType, types.GetSetDescriptorType, types.MemberDescriptorType,
         types.MethodDescriptorType, types.ClassMethodDescriptorType, types.WrapperDescriptorType,
         types.MethodWrapperType, types.MappingProxyType, types.GenericAlias, types.UnionType,
         type(iter([])), type(iter(())), type(iter('')), type(iter('\xe9')), type(iter(set())), type(iter({})),
         type(iter(range(0))), type(iter(range(1 << 1000))), type(iter(bytearray())), type(iter(b'')),
         type({}.keys()), type({}.values()), type({}.items()),
         enumerate, zip, map, filter, reversed,
         type(reversed([])), type(reversed({})), type(reversed({}.values())), type(reversed({}.items())),
         type(iter({}.values())), type(iter({}.items()))]


async def _agen():
    yield


async def _coro():
    pass


_a, _c = _agen(), _coro()
TYPES += [type(_a.asend(None)), type(_a.athrow(ValueError)), type(_c.__await__()), type(anext(_a, None))]
_c.close()


def _subclass(base, name):
    """A static builtin type found without an import (an import would set bytearray's version tag)."""
    for c in base.__subclasses__():
        if c.__name__ == name:
            return c
    raise LookupError(name)


# weakref's three types (PyType_Ready'd at start-up, as the types above: their dicts exist then)
_ref = _subclass(object, 'ReferenceType')
TYPES += [_ref, _subclass(object, 'ProxyType'), _subclass(object, 'CallableProxyType')]
# the iterator of a GenericAlias (its starred form, PEP 646): refheap makes its dict without moving count0 (SlotWrappers.QUIET)
TYPES += [type(iter(types.GenericAlias(list, (int,))))]
# static types CPython 3.11 readies at start-up (_PyTypes_InitTypes) beyond those above: the first four
# refheap implements, the others it makes only as readied types without objects (UnmodelledStaticType)
TYPES += [type(iter(lambda: 0, 0)), _subclass(object, 'async_generator_wrapped_value'), _subclass(object, 'managedbuffer'),
          type(iter(memoryview(b'')))]
UNMODELLED = [_subclass(object, n) for n in ('stderrprinter', 'InterpreterID', 'symtable entry', 'moduledef',
                                             'instancemethod', 'PickleBuffer', 'hamt_array_node', 'hamt_bitmap_node',
                                             'hamt_collision_node', 'keys', 'values', 'items')]
UNMODELLED.append(_subclass(types.BuiltinFunctionType, 'builtin_method'))
TYPES += UNMODELLED
# the context types and the hamt (_PyTypes_InitTypes readies them, _PyContext_Init puts Token.MISSING in
# Token's dict), and str.format's two iterators: refheap implements them in the modules _contextvars and
# _string and readies them in its runtime's constructor (ContextVarsModule.readyTypes, StringModule.readyTypes),
# their dicts made without moving count0 (SlotWrappers.QUIET)
TYPES += [_subclass(object, n) for n in ('Context', 'ContextVar', 'Token', 'MISSING', 'hamt', 'formatteriterator',
                                         'fieldnameiterator')]
# types.SimpleNamespace (_PyNamespace_Type, readied at start-up: sys.implementation is one)
TYPES += [type(sys.implementation)]
KINDS = {'wrapper_descriptor': 'S', 'method_descriptor': 'M', 'classmethod_descriptor': 'C',
         'builtin_function_or_method': 'N', 'staticmethod': 'T', 'getset_descriptor': 'G',
         'member_descriptor': 'D'}


def kind(v):
    k = KINDS.get(type(v).__name__, 'X')
    return k.lower() if k in 'GD' and v.__doc__ is not None else k


def layout(t):
    return ' =%d,%d,%d,%d,%d' % (t.__basicsize__, t.__itemsize__, t.__weakrefoffset__, t.__dictoffset__, t.__flags__)


for t in TYPES:
    entries = ' '.join(k + ':' + kind(v) for k, v in t.__dict__.items())
    sys.stdout.write(t.__name__.replace(' ', '_') + ' ' + entries + layout(t) + '\n')  # 'symtable entry' as symtable_entry
for name in dir(__builtins__):
    t = getattr(__builtins__, name)
    if isinstance(t, type) and issubclass(t, BaseException):
        entries = ' '.join(k + ':' + kind(v) for k, v in t.__dict__.items())
        sys.stdout.write(t.__name__ + ' ' + entries + layout(t) + '\n')


# the sequence iterator (iter() of an object with __getitem__ and no __iter__): its line comes last,
# as making the class it needs looks attributes up on object and type, whose flags are written above
class _Seq:
    def __getitem__(self, i):
        raise IndexError(i)


t = type(iter(_Seq()))
sys.stdout.write(t.__name__ + ' ' + ' '.join(k + ':' + kind(v) for k, v in t.__dict__.items()) + layout(t) + '\n')
