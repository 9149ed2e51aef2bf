package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** ctypes' Structure, Union, CField and scalar types (dev.refheap.lang.modules.ctypes): layout, buffers, memory. */
class CtypesStructureTest {
    @Test
    void structureLayoutFollowsTheAbi() {
        assertEquals("16 8 4 8 7 1 8\n", NativeModuleRun.run("import ctypes\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_char), ('c', ctypes.c_double)]\n"
                + "class K(ctypes.Structure):\n    _pack_ = 1\n    _fields_ = [('a', ctypes.c_char), ('b', ctypes.c_int), ('c', ctypes.c_short)]\n"
                + "class U(ctypes.Union):\n    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_double)]\n"
                + "print(ctypes.sizeof(P), ctypes.alignment(P), P.b.offset, P.c.offset, ctypes.sizeof(K), ctypes.alignment(K), ctypes.sizeof(U))\n"));
    }

    @Test
    void fieldsReadAndWriteTheInstanceBuffer() {
        assertEquals("5 b'x' 2.5 0500000078\n", NativeModuleRun.run("import ctypes\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_char), ('c', ctypes.c_double)]\n"
                + "p = P(1, b'x')\np.a = 5\np.c = 2.5\nprint(p.a, p.b, p.c, bytes(memoryview(p))[:5].hex())\n"));
    }

    @Test
    void emptyStructureResizedIsABytesLikeObject() {
        assertEquals("B 0 () 10 b'0123456789' 4 b'0123'\n", NativeModuleRun.run("import ctypes, io\n"
                + "class E(ctypes.Structure): pass\n"
                + "e = E(); ctypes.resize(e, 10); memoryview(e).cast('B')[:] = b'0123456789'\n"
                + "m = memoryview(e); f = E(); ctypes.resize(f, 4)\n"
                + "print(m.format, m.itemsize, m.shape, m.nbytes, bytes(m), io.BytesIO(b'0123456').readinto(f), bytes(memoryview(f)))\n"));
    }

    @Test
    void resizeRefusesToShrinkBelowTheTypeSize() {
        assertEquals("ValueError minimum size is 8\n", NativeModuleRun.run("import ctypes\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_double)]\n"
                + "try:\n    ctypes.resize(P(), 4)\nexcept ValueError as e:\n    print('ValueError', e)\n"));
    }

    @Test
    void unbuiltPartsRaiseNamingThem() {
        assertEquals("NotImplementedError refheap's ctypes does not support create_unicode_buffer yet\n"
                + "NotImplementedError refheap's ctypes does not support bit fields yet\n", NativeModuleRun.run("import ctypes\n"
                + "for f in (lambda: ctypes.create_unicode_buffer(4), lambda: type('X', (ctypes.Structure,), {'_fields_': [('a', ctypes.c_int, 3)]})):\n"
                + "    try:\n        f()\n    except NotImplementedError as e:\n        print('NotImplementedError', e)\n"));
    }

    @Test
    void heapStaysConsistentUnderStress() {
        String program = "import ctypes, gc\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_int), ('b', ctypes.c_double)]\n"
                + "class E(ctypes.Structure): pass\n"
                + "ps = [P(i, i / 2) for i in range(50)]\nfor i, p in enumerate(ps):\n    p.me = p\n"
                + "es = []\nfor i in range(30):\n    e = E(); ctypes.resize(e, i * 3); es.append(e)\n"
                + "ms = [memoryview(e) for e in es]\nprint(sum(p.a for p in ps), sum(m.nbytes for m in ms))\n"
                + "del ps, es, ms, p, e\nprint(gc.collect() > 0)\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
