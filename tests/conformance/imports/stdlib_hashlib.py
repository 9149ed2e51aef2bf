# hashlib over the builtin hash modules (_md5, _sha1, _sha256, _sha512, _sha3), hmac, pbkdf2_hmac
# and file_digest; the hash objects' names, sizes, GC-ness and errors as CPython 3.11's.
import gc
import hashlib
import hmac
import sys
import warnings
import _md5, _sha1, _sha256, _sha512, _sha3

print(sorted(hashlib.algorithms_guaranteed))
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512"]:
    h = hashlib.new(name, b"abc")
    h2 = getattr(hashlib, name)(b"ab")
    h2.update(b"c")
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest() == h2.hexdigest(), h.hexdigest()[:24], len(h.digest()))

# the builtin modules' objects: CPython's type names, sizes and tracking
for ctor in [_md5.md5, _sha1.sha1, _sha256.sha224, _sha256.sha256, _sha512.sha384, _sha512.sha512,
             _sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512]:
    o = ctor()
    t = type(o)
    print(t.__module__, t.__name__, sys.getsizeof(o), gc.is_tracked(o), len(gc.get_referents(o)), o.name)
print(_md5.MD5Type is type(_md5.md5()), _sha256.SHA224Type.__name__, _sha512.SHA384Type.__name__, type(_sha3.sha3_256))
o = _sha3.sha3_256()
print(o._capacity_bits, o._rate_bits, o._suffix, _sha3.implementation)

# copy and update go on independently; digest() does not end the object
h = hashlib.md5(b"hello")
c = h.copy()
c.update(b" world")
print(h.hexdigest(), c.hexdigest(), h.digest() == hashlib.md5(b"hello").digest())
h.update(b" world")
print(h.hexdigest() == c.hexdigest())
s = hashlib.sha3_512(b"x" * 1000)
s2 = s.copy()
print(s2.hexdigest()[:16], s.hexdigest() == s2.hexdigest())
print(hashlib.sha256(bytearray(b"buf")).hexdigest()[:16], hashlib.sha1(memoryview(b"mv")).hexdigest()[:16])
print(hashlib.md5(string=b"kw").hexdigest(), hashlib.md5(b"u", usedforsecurity=False).hexdigest()[:8])

# errors
for bad in ["text", 1, None]:
    for i, ctor in enumerate([hashlib.md5, hashlib.sha256, hashlib.sha3_256]):
        try:
            ctor(bad)
        except TypeError as e:
            print(i, "TypeError", e)
for call in [lambda: _md5.md5().update(), lambda: _md5.md5().digest(1), lambda: _sha256.sha256().copy(1),
             lambda: _md5.md5(b"a", b"b"), lambda: _md5.md5(data=b"a"), lambda: _sha3.sha3_256(b"", b""),
             lambda: type(_md5.md5())(), lambda: hashlib.new("nope"), lambda: hashlib.md5().update("s")]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

for o in [_md5.md5(), _sha1.sha1(), _sha256.sha256(), _sha512.sha384(), _sha3.sha3_256()]:
    for m in ["copy", "digest", "hexdigest", "update"]:
        for args in [(1,), (1, 2), ()]:
            try:
                getattr(o, m)(*args)
            except TypeError as e:
                print(o.name, m, len(args), e)
        try:
            getattr(o, m)(x=1)
        except TypeError as e:
            print(o.name, m, "kw", e)

# hmac (pure Python over the hash constructors) and compare_digest
mac = hmac.new(b"key", b"message", "sha256")
print(mac.name, mac.digest_size, mac.block_size, mac.hexdigest())
m2 = mac.copy()
m2.update(b"more")
print(hmac.new(b"key", b"message", hashlib.md5).hexdigest(), m2.hexdigest()[:16])
print(hmac.digest(b"k", b"m", "sha1").hex(), hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("a", "b"))

# pbkdf2_hmac: hashlib's Python fallback (3.11 warns that it is deprecated)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    dk = hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 100, dklen=20)
print(dk.hex(), len(dk))

# file_digest (a file: readinto a bytearray, update with memoryview slices)
# (not tempfile: it imports random, whose _random.Random subclass is in stress-known-failures.txt)
import os
path = "/tmp/refheap-stdlib-hashlib-%d" % os.getpid()
fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b"file contents" * 30000)
os.close(fd)
with open(path, "rb") as f:
    print(hashlib.file_digest(f, "sha256").hexdigest()[:32])
with open(path, "rb", buffering=0) as f:
    print(hashlib.file_digest(f, hashlib.sha1).hexdigest())
os.unlink(path)
