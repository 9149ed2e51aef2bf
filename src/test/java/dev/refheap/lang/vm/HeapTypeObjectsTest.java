package dev.refheap.lang.vm;

import static dev.refheap.lang.modules.NativeModuleRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HeapTypeObjects}: a type CPython 3.11 makes as a heap type from C has a GC-tracked type
 * object that owns its dict, mro, bases, tp_base and names, traversed in type_traverse's order,
 * and instances that hold a reference to it.
 */
class HeapTypeObjectsTest {
    private static Runtime runtime() {
        return new Runtime(new RuntimeOptions(1L << 30, false, System.out, System.err));
    }

    @Test
    void aStructSequenceTypeIsATrackedHeapTypeOwningItsDictMroAndBases() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            PyType t = new VmApi(rt).newStructSeqType("mod.pair", 2, "a", "b");
            long o = t.address();
            assertTrue(t.hasFlag(PyType.HEAPTYPE));
            assertTrue(HeapTypeObjects.is(t));
            assertTrue(heap.isGcObject(o));
            assertTrue(Heap.isTracked(o));
            assertEquals(ClassType.HEAP_TYPE_STRUCT_SIZE, heap.typeType.sizeOf(o));
            long dict = HeapTypeObjects.dict(o), mro = HeapTypeObjects.mro(o), bases = HeapTypeObjects.bases(o);
            assertEquals(dict, rt.slotWrappers.typeDict(t));
            assertEquals(3, TupleType.size(mro));
            assertEquals(o, TupleType.item(mro, 0));
            assertEquals(heap.tuples.address(), TupleType.item(bases, 0));
            List<Long> seen = new ArrayList<>();
            heap.typeType.traverse(o, seen::add);
            assertEquals(List.of(dict, mro, bases, heap.tuples.address()), seen);
            List<Long> owned = new ArrayList<>();
            heap.typeType.references(o, owned::add);
            assertEquals(List.of(dict, mro, bases, heap.tuples.address(), HeapTypeObjects.name(o), HeapTypeObjects.qualname(o)), owned);
            assertEquals("pair", dev.refheap.object.StrType.value(HeapTypeObjects.name(o)));
            assertTrue(heap.dicts.getItem(dict, "__module__") != 0);

            long before = heap.refcount(o);
            long item = new VmApi(rt).newStructSeq(t, heap.ints.of(1), heap.ints.of(2));
            assertEquals(before + 1, heap.refcount(o));
            List<Long> refs = new ArrayList<>();
            t.traverse(item, refs::add);
            assertEquals(o, refs.get(0));  // structseq_traverse: the heap type first
            heap.decref(item);
            assertEquals(before, heap.refcount(o));
        }
    }

    @Test
    void onlyAHeapTypeGetsAHeapTypeObject() {
        try (Runtime rt = runtime()) {
            PyType tuple = rt.heap.tuples;
            assertFalse(HeapTypeObjects.is(tuple));
            assertFalse(rt.heap.isGcObject(tuple.address()));  // a static type object is no GC object
            assertThrows(IllegalStateException.class, () -> HeapTypeObjects.allocate(rt, tuple, 0));
        }
    }

    @Test
    void theModulesHeapTypesAreCPythons() {
        assertEquals("True True 920 [\"dict\", \"tuple\", \"tuple\", \"type\"] True\nTrue True 920 [\"dict\", \"tuple\", \"tuple\", \"type\", \"module\"]\n",
                run("import gc, sys, _thread, os\n"
                        + "t = _thread.LockType\n"
                        + "print(bool(t.__flags__ & 512), gc.is_tracked(t), sys.getsizeof(t), str([type(x).__name__ for x in gc.get_referents(t)]).replace(\"'\", '\"'),"
                        + " gc.get_referents(t)[1] is t.__mro__)\n"
                        + "t = os.DirEntry\n"
                        + "print(bool(t.__flags__ & 512), gc.is_tracked(t), sys.getsizeof(t), str([type(x).__name__ for x in gc.get_referents(t)]).replace(\"'\", '\"'))\n"));
    }

    @Test
    void exceptionGroupIsAHeapTypeWhoseInstancesHoldIt() {
        try (Runtime rt = runtime()) {
            Heap heap = rt.heap;
            PyType eg = rt.exceptions.get("ExceptionGroup");
            long o = eg.address();
            assertTrue(HeapTypeObjects.is(eg));
            assertTrue(heap.isGcObject(o));
            assertTrue(Heap.isTracked(o));
            assertEquals(ClassType.HEAP_TYPE_STRUCT_SIZE, heap.typeType.sizeOf(o));
            long dict = HeapTypeObjects.dict(o), mro = HeapTypeObjects.mro(o), bases = HeapTypeObjects.bases(o);
            PyType base = rt.exceptions.get("BaseExceptionGroup");
            List<Long> seen = new ArrayList<>();
            heap.typeType.traverse(o, seen::add);
            assertEquals(List.of(dict, mro, bases, base.address()), seen);
            assertEquals(5, TupleType.size(mro));
            assertEquals(List.of(base.address(), rt.exceptions.get("Exception").address()), List.of(TupleType.item(bases, 0), TupleType.item(bases, 1)));
            assertEquals(dict, rt.slotWrappers.typeDict(eg));
        }
        assertEquals("1 0\nNotImplementedError\n", run("import sys\nEG = ExceptionGroup\nr = sys.getrefcount(EG)\n"
                + "e = EG('m', [ValueError()])\nprint(sys.getrefcount(EG) - r, end=' ')\ndel e\nprint(sys.getrefcount(EG) - r)\n"
                + "try:\n    EG.x = 1\nexcept NotImplementedError:\n    print('NotImplementedError')\n"));
    }
}
