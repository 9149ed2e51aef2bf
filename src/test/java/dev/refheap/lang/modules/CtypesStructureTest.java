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

    @Test
    void arrayTypesAreCachedAndIndexLikeCPython() {
        assertEquals("True c_int_Array_3 PyCArrayType [1, 0, 3] [3, 0, 1] <i (3,) 12 invalid index\n", NativeModuleRun.run("import ctypes\n"
                + "A = ctypes.c_int * 3\na = A(1)\na[2] = 3\n"
                + "try:\n    a[3]\nexcept IndexError as e:\n    err = str(e)\n"
                + "print(A is 3 * ctypes.c_int, A.__name__, type(A).__name__, list(a), a[::-1], memoryview(a).format, memoryview(a).shape,"
                + " ctypes.sizeof(a), err)\n"));
    }

    @Test
    void pointerContentsAndNullPointers() {
        assertEquals("9 9 True False NULL pointer access LP_c_int 9\n", NativeModuleRun.run("import ctypes\n"
                + "i = ctypes.c_int(7)\np = ctypes.pointer(i)\nn = ctypes.POINTER(ctypes.c_int)()\n"
                + "try:\n    n.contents\nexcept ValueError as e:\n    err = str(e)\n"
                + "c = p.contents\np[0] = 9\n"
                + "print(c.value, p.contents.value, bool(p), bool(n), err, type(p).__name__, i.value)\n"));
    }

    @Test
    void byrefIsOnlyAnArgument() {
        assertEquals("CArgObject True 4 cannot create 'CArgObject' instances\n", NativeModuleRun.run("import ctypes\n"
                + "i = ctypes.c_int(1)\nb = ctypes.byref(i, 4)\n"
                + "try:\n    type(b)()\nexcept TypeError as e:\n    err = str(e)\n"
                + "print(type(b).__name__, b._obj is i, ctypes.cast(b, ctypes.c_void_p).value - ctypes.addressof(i), err)\n"));
    }

    @Test
    void pythonapiFunctionsAreCachedAndTyped() {
        assertEquals("True False 1 1 0 True\n", NativeModuleRun.run("import ctypes, gc\napi = ctypes.pythonapi\n"
                + "f = api.PyGC_IsEnabled\nprint(api.PyGC_IsEnabled is f, api['PyGC_IsEnabled'] is f, f(), api.PyGC_Disable(), api.PyGC_Enable(),"
                + " gc.isenabled())\n"));
    }

    @Test
    void arraysAndPointersStayConsistentUnderStress() {
        String program = "import ctypes, gc\n"
                + "class P(ctypes.Structure):\n    _fields_ = [('a', ctypes.c_int * 2), ('o', ctypes.py_object), ('p', ctypes.POINTER(ctypes.c_int))]\n"
                + "ps = (P * 20)()\nkeep = []\nfor i in range(20):\n    ps[i].a[1] = i\n    ps[i].o = [i]\n    v = ctypes.c_int(i)\n    keep.append(v)\n"
                + "    ps[i].p = ctypes.pointer(v)\n"
                + "objs = (ctypes.py_object * 5)()\nfor i in range(5):\n    objs[i] = {'k': i}\n"
                + "bufs = [ctypes.create_string_buffer(b'x' * i) for i in range(30)]\n"
                + "print(sum(p.a[1] for p in ps), sum(p.p[0] for p in ps), sum(len(b.value) for b in bufs), sorted(ps._objects)[:3], objs[4])\n"
                + "del ps, objs, bufs, keep\ngc.collect()\nprint('done')\n";
        assertEquals(NativeModuleRun.run(program), NativeModuleRun.run(program, true));
    }
}
