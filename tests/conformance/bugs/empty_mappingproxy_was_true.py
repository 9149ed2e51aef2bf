# A mappingproxy's truth is its mapping's length (no nb_bool: mp_length decides): an empty one is
# false (test_dataclasses' test_field_metadata_default: fields(C)[0].metadata is an empty proxy).
import types, dataclasses
print(bool(types.MappingProxyType({})), bool(types.MappingProxyType({1: 2})), not types.MappingProxyType({}))
@dataclasses.dataclass
class C:
    i: int
m = dataclasses.fields(C)[0].metadata
print(type(m).__name__, bool(m), len(m))
print(bool(type.__dict__), bool(types.MappingProxyType(dict())) or 'empty')
class Sized:
    def __len__(self): return 0
    def __getitem__(self, k): raise KeyError(k)
    def keys(self): return []
print(bool(types.MappingProxyType(Sized())) if hasattr(types.MappingProxyType, '__new__') else '')
