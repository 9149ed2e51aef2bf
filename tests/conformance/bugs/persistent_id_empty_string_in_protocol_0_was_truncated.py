# The native Unpickler refused a protocol-0 PERSID whose id is the empty string (a line of only
# its newline) with "pickle data was truncated"; it is an id like any other.
import io, pickle, _pickle

def pid(o):
    if isinstance(o, int) and o % 2 == 0:
        return str(o)
    if o == 'f':
        return ''
    return None

for P, U in ((_pickle.Pickler, _pickle.Unpickler), (pickle._Pickler, _pickle.Unpickler), (_pickle.Pickler, pickle._Unpickler)):
    class PP(P):
        def persistent_id(self, o):
            return pid(o)
    class UU(U):
        def persistent_load(self, oid):
            return 'f' if not oid else int(oid)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        f = io.BytesIO()
        PP(f, proto).dump([1, 2, 'f', 3, 4])
        b = f.getvalue()
        print(proto, b)
        print(UU(io.BytesIO(b)).load())

class U0(_pickle.Unpickler):
    def persistent_load(self, oid):
        return ('loaded', oid)

for data in (b'P\n.', b'Pabc\n.', b'P', b'P\xff\n.'):
    try:
        print(U0(io.BytesIO(data)).load())
    except Exception as e:
        print(type(e).__name__, e)
