package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link NamespaceType}: types.SimpleNamespace as 3.11's C type: its one field, the dict (made by
 * tp_new, traversed, released by the dealloc), keywords-only initialisation, repr, and
 * {@code sys.implementation} being one.
 */
class NamespaceTypeTest {
    private static Runtime runtime() {
        return new Runtime(new RuntimeOptions(1L << 30, false, System.out, System.err));
    }

    @Test
    void aNamespaceOwnsItsDictAndTraversesIt() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            long v = heap.strs.of("value");
            long rv = heap.refcount(v);
            long ns = rt.namespaceType.of(new String[] {"a", "b"}, new long[] {v, heap.None});
            long d = Native.getLong(ns + NamespaceType.DICT);
            assertEquals(d, NamespaceType.dict(ns));
            assertEquals(2, dev.refheap.object.DictType.size(d));
            assertEquals(rv + 1, heap.refcount(v));
            assertEquals(24, rt.namespaceType.sizeOf(ns));  // tp_basicsize; getsizeof adds the GC head: 40
            List<Long> seen = new ArrayList<>();
            rt.namespaceType.traverse(ns, seen::add);
            assertEquals(List.of(d), seen);
            assertEquals("namespace(a='value', b=None)", rt.namespaceType.repr(ns));
            heap.decref(ns);
            assertEquals(rv, heap.refcount(v));
            heap.decref(v);
        }
    }

    @Test
    void positionalArgumentsAreRefused() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            long ns = rt.namespaceType.alloc();
            PyException e = assertThrows(PyException.class, () -> rt.namespaceType.init(ns, new long[] {heap.None}, 0, 1, 0));
            heap.decref(e.exc());
            assertEquals(0, dev.refheap.object.DictType.size(NamespaceType.dict(ns)));
            heap.decref(ns);
        }
    }

    @Test
    void sysImplementationIsOneAndSubclassesKeepTheLayout() {
        assertEquals("True 40 24 16 0\nS(x=1) True (<class '__main__.S'>, (), {'x': 1})\n",
                run("import sys\nN = type(sys.implementation)\n"
                        + "print(N.__name__ == 'SimpleNamespace', sys.getsizeof(N()), N.__basicsize__, N.__dictoffset__, N.__weakrefoffset__)\n"
                        + "class S(N): pass\ns = S(x=1)\nprint(repr(s), s == N(x=1), s.__reduce__())\n"));
    }
}
