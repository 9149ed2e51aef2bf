# __flags__ and the layout figures of the types native modules define (and of classes derived from
# them) are CPython 3.11's: refheap raised NotImplementedError for _io's, _thread's, _sre's,
# _struct's, functools', posix's types, the struct sequences and ast's node classes, and reported
# some flags with a version tag no lookup had set.
import _io, io, _thread, _struct, _sre, re, functools, itertools, collections, os, posix, select
import sys, time, ast, _csv, _pickle, zlib, _socket, socket, tempfile, _md5, _sha1, _sha256, _sha512, _sha3, _blake2
import threading

VT = 1 << 19

def show(t):
    row = []
    for a in ('__flags__', '__basicsize__', '__itemsize__', '__dictoffset__', '__weakrefoffset__'):
        try:
            v = getattr(t, a)
            if a == '__flags__':
                v = hex(v & ~VT)
            row.append(str(v))
        except Exception as e:
            row.append(type(e).__name__)
    print(t.__module__ + '.' + t.__qualname__, ' '.join(row))

types = [
    _io.FileIO, _io.BytesIO, _io.StringIO, _io.BufferedReader, _io.BufferedWriter, _io.BufferedRandom,
    _io.BufferedRWPair, _io.TextIOWrapper, _io.IncrementalNewlineDecoder, _io._IOBase, _io._RawIOBase,
    _io._BufferedIOBase, _io._TextIOBase, io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase,
    _thread.LockType, _thread.RLock, _thread._local, type(threading.local()),
    _struct.Struct, type(_struct.iter_unpack('b', b'x')),
    re.Pattern, re.Match, type(re.compile('a').scanner('a')),
    type(functools.cmp_to_key(lambda a, b: 0)),
    functools._lru_cache_wrapper, type(itertools.tee([])[0]),
    type(iter(collections.deque())), type(reversed(collections.deque())),
    os.stat_result, os.statvfs_result, os.terminal_size, posix.times_result, posix.uname_result,
    sys.float_info.__class__, sys.int_info.__class__, sys.hash_info.__class__, sys.thread_info.__class__,
    type(sys.flags), type(sys.version_info), time.struct_time,
    ast.AST, ast.expr, ast.Name, ast.Add, ast.Num,
    _csv.Dialect, type(_csv.reader([])), type(_csv.writer(io.StringIO())), _pickle.Pickler, _pickle.Unpickler,
    type(zlib.compressobj()), type(zlib.decompressobj()), _socket.socket, socket.socket,
    type(_md5.md5()), type(_sha1.sha1()), type(_sha256.sha256()), type(_sha512.sha512()), _sha3.sha3_256, _blake2.blake2b,
]
with os.scandir('.') as it:
    types.append(type(it))
    for e in it:
        types.append(type(e))
        break
p = select.poll()
types.append(type(p))
for t in types:
    show(t)

# classes derived from native types inherit their flags' *_SUBCLASS bits and MATCH_SELF
class B(_io.BytesIO): pass
class N(ast.Name): pass
for t in (B, N):
    show(t)

# a lookup through an instance sets the version tag, as _PyType_Lookup's cache does
s = _struct.Struct('i')
before = _struct.Struct.__flags__ & VT
s.size
print('Struct version tag after a lookup:', bool(_struct.Struct.__flags__ & VT), 'set by it:', not before)
