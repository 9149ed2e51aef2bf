"""Asks a CPython 3.11 for the docstrings of the builtins and native modules refheap implements.

refheap runs it the first time it needs a docstring (lang.vm.BuiltinDocs: the jar carries this
script, copied from scripts/ by the build), on the first CPython 3.11 it finds, and keeps what it
writes in its cache directory; the text is CPython's and is never stored in this repository.
Usage: PYTHON -I -S scripts/builtin_docs.py OUT [KEY]

OUT is a UTF-8 file, written whole and then renamed; its lines:
    # comment
    V <version> <executable>     the interpreter it came from (its version and sys.executable)
    K <key>                      KEY, which refheap checks (a checksum of this script)
    <key>\t<n>                   a docstring: the n bytes after this line's newline are its UTF-8
                                 text, followed by a newline (so a doc needs no escaping)
    <key>                        (no tab) an object without a docstring (NULL)
    =                            the end of the entries refheap reads at start-up
Keys: a type's tp_name (``int``, ``_csv.Dialect``, ``collections.deque``); ``TPNAME.attr`` for a
descriptor, slot wrapper, static method or ``__new__`` in that type's dict; ``MODULE:name`` for a
module's builtin function (``_csv:reader``, apart from the type ``_csv.reader``); ``@MODULE`` for a
module's own docstring, MODULE the name it is imported as.
The doc is the text as the C object holds it (tp_doc, ml_doc, the getset's or member's doc): for
a function, method or type with a text signature, ``name(sig)\n--\n\n`` followed by the rest, the
form CPython's __doc__ and __text_signature__ getters cut in two.
The start-up part (before ``=``): the builtin types and exceptions, whose type dicts hold their
__doc__ from the start, the modules' docstrings, which a module has from its creation, _io's
types' docs, which their dicts hold from _io's creation, and the modules' heap types' docs, which
their dicts hold from their module's creation.
"""
import builtins
import os
import sys
import types

if sys.implementation.name != 'cpython' or sys.version_info[:2] != (3, 11):
    sys.exit('builtin_docs.py needs CPython 3.11, not %s %s' % (sys.implementation.name, sys.version.split()[0]))

# refheap's native modules (lang.importer.NativeModules and the VM's own in Modules)
MODULES = ['builtins', 'sys', 'gc', '_weakref', '_warnings', 'time', '_imp', '_abc', 'marshal', 'math', 'errno',
           'atexit', 'faulthandler', 'itertools', '_functools', '_operator', '_collections', '_codecs', '_md5',
           '_sha1', '_sha256', '_sha512', '_sha3', '_blake2', '_signal', 'select', '_socket', '_posixsubprocess',
           '_string', '_random', '_struct', 'binascii', 'zlib', '_csv', '_json', '_heapq', '_bisect', '_thread', 'posix',
           '_tracemalloc', '_testcapi', 'pwd', '_stat', '_ast', '_sre', '_io', '_contextvars', 'cmath', 'array', '_opcode',
           '_locale', 'unicodedata', '_datetime', '_pickle', '_typing', '_statistics']


async def _agen():
    yield


async def _coro():
    pass


class _Seq:
    """An object with __getitem__ and no __iter__: iter() of it is the sequence iterator."""

    def __getitem__(self, i):
        raise IndexError(i)


def builtin_types():
    """The types of scripts/builtin_type_dicts.py (refheap's builtin types), then the exceptions."""
    ts = [object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict, set,
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
          type(iter({}.values())), type(iter({}.items())), type(iter(memoryview(b''))),
          enumerate, zip, map, filter, reversed,
          type(reversed([])), type(reversed({})), type(reversed({}.values())), type(reversed({}.items())),
          type(types.SimpleNamespace()), type(sys.flags), type(sys.version_info), type(sys.float_info),
          type(sys.int_info), type(sys.hash_info), type(sys.thread_info), type(sys.implementation),
          types.CellType, type(lambda: 0).__code__.__class__]
    a, c = _agen(), _coro()
    ts += [type(a.asend(None)), type(a.athrow(ValueError)), type(c.__await__()), type(anext(a, None)), type(iter(_Seq()))]
    c.close()
    # the static types start-up readies that refheap makes without objects (builtin_type_dicts.py's UNMODELLED)
    ts += [c for c in object.__subclasses__() if c.__name__ in ('stderrprinter', 'InterpreterID', 'symtable entry',
                                                                 'moduledef', 'instancemethod', 'PickleBuffer',
                                                                 'hamt_array_node', 'hamt_bitmap_node', 'hamt_collision_node',
                                                                 'keys', 'values', 'items')]
    ts += [c for c in types.BuiltinFunctionType.__subclasses__() if c.__name__ == 'builtin_method']
    # static types start-up readies that refheap's modules implement and its constructor readies (the
    # context types' others are _contextvars' attributes, below)
    ts += [c for c in object.__subclasses__() if c.__name__ in ('MISSING', 'hamt', 'formatteriterator', 'fieldnameiterator')]
    ts += [type(iter(lambda: 0, 0))] + [c for c in object.__subclasses__() if c.__name__ in ('async_generator_wrapped_value', 'managedbuffer')]
    ts += [v for _, v in sorted(vars(builtins).items()) if isinstance(v, type) and issubclass(v, BaseException)]
    ts += [v for _, v in sorted(vars(builtins).items()) if isinstance(v, type)]
    return ts


def tp_name(t):
    return t.__qualname__ if t.__module__ == 'builtins' else t.__module__ + '.' + t.__qualname__


def internal(name, obj):
    """The doc as the C object holds it: the signature put back in front of what __doc__ gives."""
    doc = obj.__doc__
    sig = getattr(obj, '__text_signature__', None)
    if sig is None:
        return doc
    return name + sig + '\n--\n\n' + (doc or '')


DESCRIPTORS = (types.MethodDescriptorType, types.WrapperDescriptorType, types.ClassMethodDescriptorType,
               types.GetSetDescriptorType, types.MemberDescriptorType, types.BuiltinFunctionType)


class Out:
    def __init__(self):
        self.lines, self.seen = [], set()

    def put(self, key, doc):
        if key in self.seen:
            return
        self.seen.add(key)
        self.lines.append(key if doc is None else '%s\t%d\n%s' % (key, len(doc.encode('utf-8')), doc))

    def type_doc(self, t):
        doc, sig = type.__dict__['__doc__'].__get__(t), type.__dict__['__text_signature__'].__get__(t)
        if not isinstance(doc, str):
            doc = None  # no tp_doc: type_get_doc gives the dict's __doc__ (a getset for the descriptor types)
        self.put(tp_name(t), doc if sig is None else t.__name__ + sig + '\n--\n\n' + (doc or ''))

    def members(self, t):
        name = tp_name(t)
        for k, v in t.__dict__.items():
            if isinstance(v, staticmethod) and isinstance(v.__func__, types.BuiltinFunctionType):
                v = v.__func__
            if isinstance(v, (types.GetSetDescriptorType, types.MemberDescriptorType)):
                self.put(name + '.' + k, v.__doc__)  # a getset's or member's doc is not cut
            elif isinstance(v, DESCRIPTORS):
                self.put(name + '.' + k, internal(k, v))


def main(path, key):
    out = Out()
    out.lines.append('# docstrings of CPython %s, written by scripts/builtin_docs.py for refheap' % sys.version.split()[0])
    out.lines.append('V %s %s' % (sys.version.split()[0], sys.executable))
    out.lines.append('K %s' % key)
    ts = builtin_types()
    for t in ts:
        out.type_doc(t)
    modules = []
    for modname in MODULES:
        try:
            modules.append((modname, __import__(modname)))
        except ImportError:
            continue
    for modname, m in modules:  # by the name it is imported as (_io's __name__ is 'io')
        out.put('@' + modname, m.__doc__)
    # _io's types hold their __doc__ in their dicts from the module's creation (refheap readies them when
    # _io is made, at the first open() of a small start-up): their docs belong to the start-up part too
    for modname, m in modules:
        if modname == '_io':
            for k, v in sorted(vars(m).items()):
                if isinstance(v, type):
                    out.type_doc(v)
    # the heap types the modules make (PyType_FromSpec, PyStructSequence_NewType) hold their __doc__ in their
    # dicts from the module's creation, and refheap's start-up makes those of the modules CPython's start-up
    # imports; with them the ones no module attribute names, found among the GC objects
    import gc
    hidden = ('_abc._abc_data', '_thread._localdummy', 'posix.ScandirIterator')
    hidden_types = sorted((o for o in gc.get_objects() if isinstance(o, type) and tp_name(o) in hidden), key=tp_name)
    for modname, m in modules:
        for k, v in sorted(vars(m).items()):
            if isinstance(v, type) and v.__flags__ & (1 << 9):
                out.type_doc(v)
    for t in hidden_types:
        out.type_doc(t)
    out.lines.append('=')
    for t in ts:
        out.members(t)
    for modname, m in modules:
        for k, v in sorted(vars(m).items()):
            if isinstance(v, types.BuiltinFunctionType):
                out.put(modname + ':' + k, internal(k, v))
            elif isinstance(v, type):
                out.type_doc(v)
                out.members(v)
        if modname == '_pickle':  # the memo proxies, which the module does not name
            import io
            for t in (type(m.Pickler(io.BytesIO()).memo), type(m.Unpickler(io.BytesIO()).memo)):
                out.type_doc(t)
                out.members(t)
        if modname == '_collections' and hasattr(m, 'OrderedDict'):  # its iterator and views, not in the module
            od = m.OrderedDict()
            for t in (type(iter(od)), type(od.keys()), type(od.values()), type(od.items())):
                out.type_doc(t)
                out.members(t)
    for t in hidden_types:  # their descriptors' docs
        out.members(t)
    tmp = path + '.tmp%d' % os.getpid()
    os.makedirs(os.path.dirname(path) or '.', exist_ok=True)
    with open(tmp, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(out.lines) + '\n')
    os.replace(tmp, path)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else '-')
