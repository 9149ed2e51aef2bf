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
 * {@link SuperType}: super as 3.11's static type: the three owned fields super_vectorcall and
 * super_init fill, their references (re-initialisation releases the old ones), traversal in
 * super_traverse's order (obj, type, obj_type), the allocation released when the arguments are
 * refused, and the lookup after {@code __thisclass__} through a class derived from super.
 */
class SuperTypeTest {
    private static Runtime runtime() {
        return new Runtime(new RuntimeOptions(1L << 30, false, System.out, System.err));
    }

    @Test
    void aBoundSuperHoldsTypeObjAndObjType() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            long one = heap.ints.of(1000);
            long intType = heap.ints.address();
            long before = heap.refcount(one);
            long s = rt.superType.vectorcall(new long[] {intType, one}, 0, 2, 0);
            assertEquals(intType, Native.getLong(s + SuperType.TYPE));
            assertEquals(one, Native.getLong(s + SuperType.OBJ));
            assertEquals(intType, Native.getLong(s + SuperType.OBJ_TYPE));
            assertEquals(before + 1, heap.refcount(one));
            assertEquals(40, rt.superType.sizeOf(s));  // __sizeof__: tp_basicsize (getsizeof adds the GC head: 56)
            List<Long> seen = new ArrayList<>();
            rt.superType.traverse(s, seen::add);
            assertEquals(List.of(one, intType, intType), seen);  // super_traverse: obj, type, obj_type
            assertEquals("<super: <class 'int'>, <int object>>", rt.superType.repr(s));
            heap.decref(s);
            assertEquals(before, heap.refcount(one));
            heap.decref(one);
        }
    }

    @Test
    void reinitialisingReleasesTheOldReferences() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            long a = heap.ints.of(1001), b = heap.strs.of("x");
            long s = rt.superType.vectorcall(new long[] {heap.ints.address(), a}, 0, 2, 0);
            long ra = heap.refcount(a), rb = heap.refcount(b);
            rt.superType.init(s, new long[] {heap.strs.address(), b}, 0, 2, 0);
            assertEquals(ra - 1, heap.refcount(a));
            assertEquals(rb + 1, heap.refcount(b));
            rt.superType.init(s, new long[] {heap.strs.address(), heap.None}, 0, 2, 0);  // None: unbound
            assertEquals(0, Native.getLong(s + SuperType.OBJ));
            assertEquals(0, Native.getLong(s + SuperType.OBJ_TYPE));
            assertEquals(rb, heap.refcount(b));
            assertEquals("<super: <class 'str'>, NULL>", rt.superType.repr(s));
            heap.decref(s);
            heap.decref(a);
            heap.decref(b);
        }
    }

    @Test
    void aRefusedCallFreesWhatItAllocated() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            long x = heap.strs.of("not an int");
            long supers = supers(rt);
            long rx = heap.refcount(x);
            PyException e = assertThrows(PyException.class, () -> rt.superType.vectorcall(new long[] {heap.ints.address(), x}, 0, 2, 0));
            heap.decref(e.exc());
            assertEquals(rx, heap.refcount(x));
            assertEquals(supers, supers(rt));
            heap.decref(x);
        }
    }

    private static long supers(Runtime rt) {
        long[] n = {0};
        rt.heap.forEachObject(o -> {
            if (rt.heap.typeOf(o) == rt.superType) n[0]++;
        });
        return n[0];
    }

    @Test
    void aSubclassLooksUpAfterThisClassAndKeepsItsOwnAttributes() {
        assertEquals("A.f 7 B S 1\n<super: <class 'B'>, <B object>>\n",
                run("class A:\n    def f(self): return 'A.f'\nclass B(A):\n    def f(self): return 'B.f'\n"
                        + "class S(super):\n    y = 7\n    def f(self): return 'S.f'\n"
                        + "b = B()\ns = S(B, b)\ns.z = 1\nprint(s.f(), s.y, s.__thisclass__.__name__, type(s).__name__, s.z)\n"
                        + "print(super.__repr__(s))\n"));
    }
}
