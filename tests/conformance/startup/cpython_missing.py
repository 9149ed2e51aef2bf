# Under --startup=cpython: the C modules CPython's start-up imports (_abc, _warnings, marshal, zipimport), not _py_abc's fallbacks
# options: --startup=cpython
import sys
print([name for name in ("_abc", "_warnings", "marshal", "zipimport") if name in sys.modules])
print([name for name in ("_py_abc", "_weakrefset", "types") if name in sys.modules])
