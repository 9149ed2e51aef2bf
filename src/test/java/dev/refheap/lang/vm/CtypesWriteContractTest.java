package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.gc.HeapVerificationError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ctypes write contract (docs/architecture.md, "Contracts"): writes into refheap's heap go
 * only to a ctypes buffer or a live object's ob_refcnt; a refcount may be raised (a leak) and
 * lowered back by what ctypes raised, never below. Everything else is a ValueError that says why,
 * and the heap stays consistent (checked by the verifier, also under --gc-stress).
 */
class CtypesWriteContractTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private Runtime runtime(boolean stress) {
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        return new Runtime(new RuntimeOptions(1L << 30, stress, ps, ps));
    }

    private String output() { return out.toString(StandardCharsets.UTF_8); }

    private static final String ATTEMPT = "import ctypes, gc\n"
            + "def attempt(f):\n    try:\n        f()\n        print('written')\n"
            + "    except ValueError as e:\n        m = str(e)\n"
            + "        m = m[len('ctypes write refused: '):]\n"
            + "        if m.startswith('0x'): m = m.split(' ', 1)[1]\n"
            + "        print('refused:', m.split(' (refheap')[0])\n"
            + "def write(addr, v, t=ctypes.c_long):\n    t.from_address(addr).value = v\n";

    private void runBoth(String program, String expected) {
        run(program, expected, false, true);
    }

    /** Raised counts are leaks that --gc-stress reports at once: such programs run without it. */
    private void run(String program, String expected, boolean... modes) {
        for (boolean stress : modes) {
            out.reset();
            try (Runtime rt = runtime(stress)) {
                rt.exec(ATTEMPT + program, "contract.py");
                assertEquals(expected, output(), "stress " + stress);
                assertEquals(List.of(), rt.verify());
            }
        }
    }

    @Test
    void bug_ctypesWriteIntoObTypeIsRefused() {
        runBoth("x = [1, 2, 3]\nattempt(lambda: write(id(x) + 8, 0))\nattempt(lambda: write(id(x) + 8, 12345))\n"
                + "attempt(lambda: write(id(x) + 4, 0))\nattempt(lambda: write(id(x) + 4, 0, ctypes.c_int))\n"
                + "print(x, len(x), type(x).__name__)\n",
                "refused: is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n".repeat(2)
                        + "refused: is at offset 4 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "written\n[1, 2, 3] 3 list\n");
    }

    @Test
    void bug_ctypesWriteIntoObItemAndSizeIsRefused() {
        runBoth("x = [1, 2, 3]\nd = {'a': 1}\n"
                + "attempt(lambda: write(id(x) + 16, 1000))\nattempt(lambda: write(id(x) + 24, 0xdeadbeef))\n"
                + "items = ctypes.c_long.from_address(id(x) + 24).value\nattempt(lambda: write(items, 0))\n"
                + "attempt(lambda: write(items + 8, 16))\nattempt(lambda: write(id(d) + 32, 0))\n"
                + "attempt(lambda: write(id(x) - 16, 0))\nattempt(lambda: write(id(5) + 24, 7))\n"
                + "print(x, d, 5 + 0)\n",
                "refused: is at offset 16 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "refused: is at offset 24 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "refused: is inside a live object's internal storage (item array or table)\n".repeat(2)
                        + "refused: is at offset 32 of a live 'dict' object: only its ob_refcnt (offset 0) may be written\n"
                        + "refused: is in the GC header before a live 'list' object\n"
                        + "refused: is not inside a live object's ob_refcnt or a ctypes buffer (free, unused or static heap memory)\n"
                        + "[1, 2, 3] {'a': 1} 5\n");
    }

    @Test
    void bug_ctypesWriteRefusalSaysWhy() {
        try (Runtime rt = runtime(false)) {
            rt.exec("import ctypes\nx = [1]\nc = ctypes.c_long.from_address(id(x) + 8)\n"
                    + "try:\n    c.value = 0\nexcept ValueError as e:\n    print(e)\n"
                    + "try:\n    ctypes.c_long.from_address(id(x)).value = 0\nexcept ValueError as e:\n    print(e)\n", "why.py");
            String[] lines = output().split("\n");
            assertTrue(lines[0].matches("ctypes write refused: 0x[0-9a-f]+ is at offset 8 of a live 'list' object: "
                    + "only its ob_refcnt \\(offset 0\\) may be written \\(refheap keeps its heap consistent\\)"), lines[0]);
            assertEquals("ctypes write refused: lowering the ob_refcnt of a live 'list' object from 1 to 0 would free it while "
                    + "references to it remain; only what a ctypes write added (0) may be taken back (refheap keeps its heap consistent)", lines[1]);
        }
    }

    @Test
    void bug_ctypesRefcountZeroIsRefused() {
        run("x = [1, 2]\nattempt(lambda: write(id(x), 0))\nattempt(lambda: write(id(x), 0, ctypes.c_int))\n"
                + "try:\n    write(id(None), 0)\nexcept ValueError as e:\n    print('refused:', str(e).split(' from')[0][len('ctypes write refused: '):])\nattempt(lambda: write(id(x), -5))\n"
                + "r = ctypes.c_long.from_address(id(x))\nr.value += 3\nattempt(lambda: setattr(r, 'value', r.value - 4))\n"
                + "r.value -= 3\nattempt(lambda: setattr(r, 'value', r.value - 1))\ndel r\nprint(x, gc.collect())\n",
                "refused: lowering the ob_refcnt of a live 'list' object from 1 to 0 would free it while references to it remain; only what a ctypes write added (0) may be taken back\n".repeat(2)
                        + "refused: lowering the ob_refcnt of a live 'NoneType' object\n"
                        + "refused: lowering the ob_refcnt of a live 'list' object from 1 to -5 would free it while references to it remain; only what a ctypes write added (0) may be taken back\n"
                        + "refused: lowering the ob_refcnt of a live 'list' object from 4 to 0 would free it while references to it remain; only what a ctypes write added (3) may be taken back\n"
                        + "refused: lowering the ob_refcnt of a live 'list' object from 1 to 0 would free it while references to it remain; only what a ctypes write added (0) may be taken back\n"
                        + "[1, 2] 0\n", false);
    }

    @Test
    void bug_ctypesRefcountRaisedAndLoweredBack() {
        runBoth("x = [1, 2]\nr = ctypes.c_long.from_address(id(x))\nbefore = r.value\nr.value += 1\nr.value += 1\n"
                + "a = r.value - before\nr.value -= 2\nprint(a, r.value - before)\n", "2 0\n");
    }

    /** A raised count is a leak: the object is never freed, and --gc-stress reports the reference nobody owns. */
    @Test
    void bug_ctypesRefcountRaiseIsALeak() {
        try (Runtime rt = runtime(false)) {
            rt.exec("import ctypes, weakref\nclass A:\n    def __del__(self): print('del')\n"
                    + "a = A()\nw = weakref.ref(a)\nctypes.c_long.from_address(id(a)).value += 1\ndel a\n"
                    + "import gc\ngc.collect()\nprint(w() is not None)\n", "leak.py");
            assertEquals("True\n", output());
            List<String> problems = rt.verify();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("refcount of <A"), problems.get(0));
        }
        try (Runtime rt = runtime(true)) {
            HeapVerificationError e = assertThrows(HeapVerificationError.class, () -> rt.exec(
                    "import ctypes\nx = []\nctypes.c_long.from_address(id(x)).value += 1\ny = [1]\n", "leak.py"));
            assertTrue(e.getMessage().contains("refcount of <list"), e.getMessage());
        }
    }

    @Test
    void bug_ctypesBufferWritesStillWork() {
        runBoth("y = ctypes.c_long(7)\nz = ctypes.c_long.from_address(ctypes.addressof(y))\nz.value = 99\n"
                + "i = ctypes.c_int.from_address(ctypes.addressof(y) + 4)\ni.value = 1\nprint(y.value == 99 + (1 << 32))\n", "True\n");
    }

    @Test
    void bug_ctypesAddressAtOrPast2To63() {
        try (Runtime rt = runtime(false)) {
            rt.exec("import ctypes\nfor a in [2**63, 2**64 - 1, -1, 2**64, -2**63 - 1]:\n    try:\n"
                    + "        print(ctypes.c_long.from_address(a).value)\n    except (ValueError, OverflowError) as e:\n"
                    + "        print(type(e).__name__, e)\n", "big.py");
            assertEquals("ValueError address 0x8000000000000000 is outside refheap's heap: reading it is refused\n"
                    + "ValueError address 0xffffffffffffffff is outside refheap's heap: reading it is refused\n"
                    + "ValueError address 0xffffffffffffffff is outside refheap's heap: reading it is refused\n"
                    + "OverflowError Python int too large to convert to C unsigned long\n"
                    + "OverflowError Python int too large to convert to C long\n", output());
        }
    }

    @Test
    void bug_pyObjectOfAnAddressThatIsNoLiveObjectIsRefused() {
        runBoth("x = [1, 2]\nprint(ctypes.cast(id(x), ctypes.py_object).value is x)\n"
                + "for a in (12345, id(x) + 8, id(x) - 16):\n    try:\n        ctypes.cast(a, ctypes.py_object).value\n"
                + "    except ValueError as e:\n        print(str(e).split(' ', 2)[2])\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('ob_refcnt', ctypes.c_ssize_t), ('ob_type', ctypes.py_object)]\n"
                + "print(P.from_address(id(x)).ob_type is list)\n",
                "True\n" + "is not a live object in refheap's heap: reading it as a py_object is refused\n".repeat(3) + "True\n");
    }

    @Test
    void bug_placedStructureWritesMeetTheContract() {
        run("class S(ctypes.Structure):\n    _fields_ = [('r', ctypes.c_ssize_t), ('t', ctypes.c_void_p)]\n"
                + "x = [1, 2]\ns = S.from_address(id(x))\nbefore = s.r\n"
                + "def set_type(): s.t = 5\nattempt(set_type)\n"
                + "def up(): s.r += 1\nattempt(up)\nprint(s.r - before)\n"
                + "def down(): s.r -= 2\nattempt(down)\n"
                + "def back(): s.r -= 1\nattempt(back)\nprint(s.r - before)\n"
                + "print(memoryview(s).readonly)\n"
                + "class Big(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_long), ('b', ctypes.c_long), ('c', ctypes.c_long)]\n"
                + "big = Big(1, 2, 3)\ndef into_buffer(): Big.from_address(ctypes.addressof(big)).c = 42\nattempt(into_buffer)\n"
                + "print(big.c, x, type(x).__name__)\n",
                "refused: is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "written\n1\n"
                        + "refused: lowering the ob_refcnt of a live 'list' object from 2 to 0 would free it while references to it remain; only what a ctypes write added (1) may be taken back\n"
                        + "written\n0\n"
                        + "True\nwritten\n42 [1, 2] list\n", false);
    }

    @Test
    void bug_readsOutsideTheHeapAreRefused() {
        runBoth("for f in (lambda: ctypes.string_at(0, 4), lambda: ctypes.string_at(8), lambda: ctypes.c_double.from_address(16).value,\n"
                + "          lambda: ctypes.py_object.from_address(24).value):\n    try:\n        f()\n"
                + "    except ValueError as e:\n        print(e)\n",
                "address 0x0 is outside refheap's heap: reading it is refused\n"
                        + "address 0x8 is outside refheap's heap: reading it is refused\n"
                        + "address 0x10 is outside refheap's heap: reading it is refused\n"
                        + "address 0x18 is outside refheap's heap: reading it is refused\n");
    }

    @Test
    void bug_placedArrayWritesMeetTheContract() {
        run("x = [1, 2]\na = (ctypes.c_ssize_t * 3).from_address(id(x))\nbefore = a[0]\n"
                + "def set_type(): a[1] = 5\nattempt(set_type)\n"
                + "def set_slice(): a[0:2] = [a[0], 0]\nattempt(set_slice)\n"
                + "def up(): a[0] += 1\nattempt(up)\nprint(a[0] - before)\n"
                + "def down(): a[0] -= 3\nattempt(down)\n"
                + "def back(): a[0] -= 1\nattempt(back)\nprint(a[0] - before, x, type(x).__name__)\n"
                + "raw = (ctypes.c_ubyte * 8).from_address(id(x) + 8)\n"
                + "def byte(): raw[0] = 0\nattempt(byte)\nprint(memoryview(raw).readonly)\n",
                "refused: is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "refused: is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written\n"
                        + "written\n1\n"
                        + "refused: lowering the ob_refcnt of a live 'list' object from 2 to -1 would free it while references to it remain; only what a ctypes write added (1) may be taken back\n"
                        + "written\n0 [1, 2] list\n"
                        + "refused: is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written\nTrue\n", false);
    }

    /** attempt() with the whole message, addresses masked. */
    private static final String TRY = "import re\n"
            + "def tryit(f):\n    try:\n        f()\n        print('written')\n"
            + "    except ValueError as e:\n        print('refused:', re.sub('0x[0-9a-f]+', 'ADDR', str(e)))\n";

    @Test
    void bug_pointerWritesMeetTheContract() {
        runBoth(TRY + "x = [1, 2]\np = ctypes.cast(id(x), ctypes.POINTER(ctypes.c_ssize_t))\n"
                + "def set_type(): p[1] = 5\ntryit(set_type)\n"
                + "def set_far(): p[100000000000] = 5\ntryit(set_far)\n"
                + "n = ctypes.POINTER(ctypes.c_int)()\n"
                + "def null(): n[0] = 1\ntryit(null)\n"
                + "b = (ctypes.c_int * 2)()\nq = ctypes.cast(b, ctypes.POINTER(ctypes.c_int))\n"
                + "def own(): q[1] = 7\ntryit(own)\nprint(list(b), x)\n",
                "refused: ctypes write refused: ADDR is at offset 8 of a live 'list' object: only its ob_refcnt (offset 0) may be written (refheap keeps its heap consistent)\n"
                        + "refused: address ADDR is outside refheap's heap: writing it is refused\n"
                        + "refused: NULL pointer access\n"
                        + "written\n[0, 7] [1, 2]\n");
    }

    @Test
    void bug_memmoveAndMemsetWriteOnlyCtypesBuffers() {
        runBoth(TRY + "x = [1, 2]\nb = ctypes.create_string_buffer(8)\n"
                + "def into_list(): ctypes.memmove(id(x) + 8, b, 8)\ntryit(into_list)\n"
                + "def set_refcnt(): ctypes.memset(id(x), 0, 8)\ntryit(set_refcnt)\n"
                + "def past_end(): ctypes.memset(b, 1, 17)\ntryit(past_end)\n"
                + "def from_list(): ctypes.memmove(b, id(x), 8)\ntryit(from_list)\n"
                + "def outside(): ctypes.memmove(16, b, 8)\ntryit(outside)\n"
                + "def read_outside(): ctypes.memmove(b, 16, 8)\ntryit(read_outside)\n"
                + "print(b.raw[8:], x, len(b.raw))\n",
                "refused: ctypes write refused: ADDR (8 bytes) is inside a live 'list' object: copies of C data (memmove, memset, assigned C data objects) write only ctypes' own buffers (refheap keeps its heap consistent)\n"
                        + "refused: ctypes write refused: ADDR (8 bytes) is inside a live 'list' object: copies of C data (memmove, memset, assigned C data objects) write only ctypes' own buffers (refheap keeps its heap consistent)\n"
                        + "refused: ctypes write refused: ADDR (17 bytes) is inside a live 'c_char_Array_8' object: copies of C data (memmove, memset, assigned C data objects) write only ctypes' own buffers (refheap keeps its heap consistent)\n"
                        + "written\n"
                        + "refused: address ADDR is outside refheap's heap: writing it is refused\n"
                        + "refused: address ADDR is outside refheap's heap: reading it is refused\n"
                        + "b'' [1, 2] 8\n");
    }

    @Test
    void bug_pythonapiRefcountFunctionsGoThroughTheLedger() {
        run(TRY + "import sys\napi = ctypes.pythonapi\ny = [1, 2, 3]\nbefore = sys.getrefcount(y)\n"
                + "api.Py_IncRef(ctypes.py_object(y))\napi.Py_IncRef(ctypes.py_object(y))\nprint(sys.getrefcount(y) - before)\n"
                + "api.Py_DecRef(ctypes.py_object(y))\napi.Py_DecRef(ctypes.py_object(y))\nprint(sys.getrefcount(y) - before, y)\n"
                + "tryit(lambda: api.Py_DecRef(ctypes.py_object(y)))\nprint(sys.getrefcount(y) - before)\n"
                + "b = ctypes.create_string_buffer(16)\ntryit(lambda: api.Py_IncRef(ctypes.addressof(b)))\n"
                + "api.Py_IncRef.argtypes = [ctypes.py_object]\napi.Py_DecRef.argtypes = [ctypes.py_object]\n"
                + "class D:\n    def __del__(self):\n        print('freed')\n"
                + "d = D()\napi.Py_IncRef(d)\napi.Py_DecRef(d)\ndel d\nprint('after del')\n"
                + "try:\n    api.Py_IncRef()\nexcept TypeError as e:\n    print(e)\n"
                + "api.Py_IncRef.argtypes = None\n"
                + "try:\n    api.Py_IncRef()\nexcept TypeError as e:\n    print(e)\n"
                + "try:\n    api.Py_REFCNT\nexcept AttributeError as e:\n    print(e)\n"
                + "try:\n    ctypes.PyDLL('libc.so.6')\nexcept NotImplementedError as e:\n    print(e)\n",
                "2\n0 [1, 2, 3]\n"
                        + "refused: ctypes write refused: lowering the ob_refcnt of a live 'list' object from 2 to 1 would free it while references to it remain; only what a ctypes write added (0) may be taken back (refheap keeps its heap consistent)\n"
                        + "0\n"
                        + "refused: address ADDR is not a live object in refheap's heap: Py_IncRef of it is refused (python3 would crash)\n"
                        + "freed\nafter del\n"
                        + "this function takes at least 1 argument (0 given)\n"
                        + "refheap's Py_IncRef takes 1 argument (0 given): C would read arguments that were never passed\n"
                        + "refheap's pythonapi has no function 'Py_REFCNT': refheap implements these C API functions: Py_IncRef, Py_DecRef, PyGC_Collect, "
                        + "PyGC_Enable, PyGC_Disable, PyGC_IsEnabled, PyObject_GC_IsTracked, PyObject_GC_IsFinalized\n"
                        + "refheap's ctypes does not support loading libraries (PyDLL) yet\n", false);
    }
}
