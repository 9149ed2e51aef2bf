# ellipsis.__reduce__ and NotImplementedType.__reduce__ give the name of the global, so both
# pickle (typing.Tuple[int, ...] too); refheap refused object.__reduce__ on them.
import copy
import pickle
import typing

print(....__reduce__(), NotImplemented.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(...)) is ..., pickle.loads(pickle.dumps(NotImplemented, proto)) is NotImplemented,
          pickle.loads(pickle.dumps(typing.Tuple[int, ...], proto)))
print(copy.deepcopy([..., NotImplemented]))
