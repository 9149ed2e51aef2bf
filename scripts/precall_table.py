"""Writes how CPython 3.11's specializer treats a call of each builtin callable at a PRECALL.

Run with a clean CPython 3.11 (as scripts/builtin_type_dicts.py):
    VENV/bin/python -I scripts/precall_table.py < /dev/null > \
        src/main/resources/dev/refheap/lang/vm/precall-table.txt
The table is measured, not written by hand: for each callable a fresh function calls it at one
PRECALL site after the code object's warm-up, and dis's adaptive view says which specialized form
that site took (the call itself raises or not; the form is chosen before it runs). refheap reads the
table (Interpreter's PRECALL model) to know which calls 3.11 makes inside PRECALL.
Lines: KEY FORM, where KEY is
  module.name   a builtin function of a module (bound to it: len is builtins.len),
  Type.name     a method descriptor, or a class/static method, of a builtin type (Type: its __name__),
  Type          a builtin type called with two arguments (BUILTIN_CLASS when it has a tp_vectorcall);
and FORM the flags the specialized form shows: O (METH_O), F (METH_FASTCALL), K (METH_FASTCALL |
METH_KEYWORDS), N (METH_NOARGS), C (a type with a tp_vectorcall), - (not specialized: METH_VARARGS,
or a C function's METH_NOARGS). Names two types share with different forms are left out.
"""
import dis
import importlib
import sys
import types

QUICKENING_WARMUP_DELAY = 8
SKIP = {"builtins.breakpoint", "sys.breakpointhook", "builtins.input", "builtins.help", "sys.exit",
        "builtins.exit", "builtins.quit", "posix.abort", "posix._exit", "posix.fork", "posix.forkpty",
        "_thread.exit", "_thread.exit_thread", "_thread.interrupt_main", "signal.pause",
        "posix.kill", "posix.killpg", "signal.raise_signal", "signal.pthread_kill", "sys.settrace",
        "sys.setprofile", "gc.disable", "os.abort", "sys.addaudithook", "sys.audit", "gc.freeze",
        "sys.set_asyncgen_hooks", "sys.setrecursionlimit"}
MODULES = ["builtins", "math", "cmath", "_operator", "sys", "gc", "time", "itertools", "_functools",
           "_collections", "_struct", "binascii", "_codecs", "_io", "_weakref", "_abc", "_sre", "array",
           "_json", "_heapq", "_bisect", "_random", "unicodedata", "zlib", "_string", "marshal",
           "errno", "_stat", "_locale", "_signal", "_warnings", "_thread", "_datetime", "_contextvars",
           "_csv", "_pickle", "_blake2", "_md5", "_sha1", "_sha256", "_sha512", "_sha3", "select",
           "fcntl", "_posixsubprocess", "_socket", "math", "atexit", "_tracemalloc", "_symtable",
           "_opcode", "_imp", "posix", "_statistics", "_typing", "_queue", "_asyncio", "_elementtree",
           "pyexpat", "_bz2", "_lzma", "grp", "pwd", "resource", "termios", "_struct", "mmap",
           "_uuid", "_ctypes", "_decimal", "_hashlib", "_multibytecodec", "_zoneinfo", "_lsprof",
           "_bisect", "_crypt", "_curses", "readline", "spwd", "syslog", "_dbm", "_gdbm", "_ssl",
           "_sqlite3", "audioop", "_multiprocessing", "_posixshmem", "_scproxy", "_lsprof", "types"]


def form(callee, nargs):
    """The specialized opcode a fresh PRECALL site takes for callee called with nargs Nones."""
    args = ", ".join(["None"] * nargs)
    ns = {}
    exec(f"def probe(f):\n    try:\n        f({args})\n    except BaseException:\n        pass\n", ns)
    probe = ns["probe"]
    for _ in range(QUICKENING_WARMUP_DELAY + 1):
        probe(callee)
    for ins in dis.get_instructions(probe, adaptive=True):
        if ins.opname.startswith("PRECALL"):
            return ins.opname
    raise AssertionError("no PRECALL")


def c_form(op):
    return {"PRECALL_NO_KW_BUILTIN_O": "O", "PRECALL_NO_KW_LEN": "O", "PRECALL_NO_KW_BUILTIN_FAST": "F",
            "PRECALL_BUILTIN_FAST_WITH_KEYWORDS": "K"}.get(op, "-")


def descr_form(op1, op2):
    if op1 == "PRECALL_NO_KW_METHOD_DESCRIPTOR_NOARGS":
        return "N"
    if op2 == "PRECALL_NO_KW_METHOD_DESCRIPTOR_O":
        return "O"
    if op1 == "PRECALL_NO_KW_METHOD_DESCRIPTOR_FAST":
        return "F"
    if op1 == "PRECALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS":
        return "K"
    return "-"


def main():
    rows = {}
    conflicts = set()
    types_seen = []

    def put(key, value):
        if key in rows and rows[key] != value:
            conflicts.add(key)
        rows[key] = value

    real_stdout = sys.stdout
    sys.stdout = open("/dev/null", "w")
    try:
        for name in dict.fromkeys(MODULES):
            try:
                m = importlib.import_module(name)
            except ImportError:
                continue
            for attr, v in sorted(vars(m).items()):
                if isinstance(v, type) and v.__module__ in (name, "builtins") and v not in types_seen:
                    types_seen.append(v)
                if type(v) is types.BuiltinFunctionType and getattr(v, "__self__", None) is m:
                    key = f"{name}.{attr}"
                    if key not in SKIP:
                        put(key, c_form(form(v, 1)))
        for t in types_seen:
            for attr, v in sorted(vars(t).items()):
                if type(v) is types.MethodDescriptorType:
                    put(f"{t.__name__}.{attr}", descr_form(form(v, 1), form(v, 2)))
                elif isinstance(v, (classmethod, staticmethod)) or type(v).__name__ == "classmethod_descriptor" \
                        or attr == "__new__":
                    bound = getattr(t, attr)
                    if type(bound) is types.BuiltinFunctionType:
                        put(f"{t.__name__}.{attr}", c_form(form(bound, 1)))
            if t.__flags__ & (1 << 8) == 0:  # not a heap type... every builtin type is probed alike
                pass
            if not issubclass(t, BaseException):
                op = form(t, 2)
                put(t.__name__, "C" if op == "PRECALL_BUILTIN_CLASS" else "-")
    finally:
        sys.stdout = real_stdout
    for key in sorted(rows):
        if key not in conflicts:
            print(key, rows[key])


main()
