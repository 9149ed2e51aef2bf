# os.rename and os.replace take a str and a bytes path together on POSIX (CPython's "src and dst must be
# the same type" check is Windows'); refheap raised TypeError. The error names both objects as given.
import os, tempfile, shutil
d = tempfile.mkdtemp(prefix='rename_mixed')
try:
    a, b = os.path.join(d, 'a'), os.path.join(d, 'b')
    open(a, 'w').close()
    os.rename(os.fsencode(a), b)
    os.replace(b, os.fsencode(a))
    print(sorted(os.listdir(d)))
    try:
        os.rename(os.fsencode(b), a)
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == os.fsencode(b), e.filename2 == a)
finally:
    shutil.rmtree(d)
