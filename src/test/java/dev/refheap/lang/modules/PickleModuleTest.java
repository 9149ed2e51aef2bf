package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * _pickle: pickle runs on the native Pickler and Unpickler; the C pickler's bytes for the builtin
 * types, memo and framing; a subclass's persistent_id and persistent_load; the memo holds its
 * objects until clear_memo; recursion limit; dumps and loads under --gc-stress.
 */
class PickleModuleTest {
    @Test
    void pickleRunsOnTheNativeModule() {
        assertEquals("True True True True\n", NativeModuleRun.run("import pickle, _pickle\n"
                + "print(pickle.Pickler is _pickle.Pickler, pickle.Unpickler is _pickle.Unpickler, pickle.dumps is _pickle.dumps,"
                + " pickle._HAVE_PICKLE_BUFFER)\n"));
    }

    @Test
    void bytesAreTheCPicklers() {
        assertEquals("b'\\x80\\x04\\x95\\x1f\\x00\\x00\\x00\\x00\\x00\\x00\\x00]\\x94(K\\x01\\x8c\\x01a\\x94h\\x01\\x89NJ\\x80\\xff\\xff\\xff\\x8a\\t\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00@e.'\nb'(lp0\\nI1\\naVa\\np1\\nag1\\naI00\\naNaI-128\\naL1180591620717411303424L\\na.'\n",
                NativeModuleRun.run("import _pickle\ns = 'a'\nv = [1, s, s, False, None, -2**7, 2**70]\n"
                        + "print(_pickle.dumps(v, 4))\nprint(_pickle.dumps(v, 0))\n"));
    }

    @Test
    void persistentIdsThroughASubclass() {
        assertEquals("['loaded a', 'b']\n", NativeModuleRun.run("import _pickle, io\n"
                + "class P(_pickle.Pickler):\n    def persistent_id(self, o):\n        return o[1:] if isinstance(o, str) and o.startswith('@') else None\n"
                + "class U(_pickle.Unpickler):\n    def persistent_load(self, pid):\n        return 'loaded ' + pid\n"
                + "f = io.BytesIO()\nP(f, 2).dump(['@a', 'b'])\nprint(U(io.BytesIO(f.getvalue())).load())\n"));
    }

    @Test
    void memoHoldsItsObjectsUntilClearMemo() {
        assertEquals("1 0\n", NativeModuleRun.run("import _pickle, io, sys\n"
                + "x = ['held']\np = _pickle.Pickler(io.BytesIO())\nbefore = sys.getrefcount(x)\np.dump(x)\n"
                + "held = sys.getrefcount(x) - before\np.clear_memo()\nprint(held, sys.getrefcount(x) - before)\n"));
    }

    @Test
    void recursionLimitWhilePickling() {
        assertEquals("maximum recursion depth exceeded while pickling an object\n", NativeModuleRun.run("import _pickle\n"
                + "x = []\nfor i in range(5000):\n    x = [x]\n"
                + "try:\n    _pickle.dumps(x)\nexcept RecursionError as e:\n    print(e)\n"));
    }

    @Test
    void dumpsAndLoadsUnderGcStress() {
        String program = "import _pickle\n"
                + "class C:\n    def __init__(self, i):\n        self.i = i\n        self.l = [i, str(i), (i,)]\n"
                + "v = [C(i) for i in range(20)] + [{'k': {1, 2}, 'f': frozenset([3])}, b'x' * 10, bytearray(b'y')]\n"
                + "for proto in range(6):\n    back = _pickle.loads(_pickle.dumps(v, proto))\n"
                + "    print(proto, [c.l for c in back[:20]] == [c.l for c in v[:20]], back[20:])\n";
        assertEquals(NativeModuleRun.run(program, false), NativeModuleRun.run(program, true));
    }
}
