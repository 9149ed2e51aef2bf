# A __hash__ returning an int that fits Py_ssize_t is the hash itself (slot_tp_hash); refheap
# hashed the returned int again, so 2**62 became 2 (and a ref subclass's hash was not its referent's).
class H:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h


for v in (0, 5, -1, -2, 2**61 - 1, 2**61, 2**62, 2**63 - 1, -2**63, 2**63, 2**70, -2**70):
    print(v, hash(H(v)))
print(len({H(2**62), H(2**62)}))
