package dev.refheap.embed;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.object.HeapLeakException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Java API refuses misuse with a specific exception naming the mistake, before anything
 * changes: the heap stays consistent (verified) and usable, and the JVM alive.
 */
class ApiMisuseTest {
    private static <T extends Throwable> String refused(Class<T> type, Executable call) {
        return assertThrows(type, call).getMessage();
    }

    @Test
    void bug_heapUsedAfterClose() {
        PyHeap py = PyHeap.create();
        PyRef d = py.newDict();
        d.put("k", d);
        d.release();
        py.collect();
        PyRef kept = py.newList();
        kept.release();
        py.close();
        assertTrue(refused(HeapClosedException.class, py::newDict).startsWith("newDict: the heap was closed"));
        refused(HeapClosedException.class, () -> py.newStr("x"));
        refused(HeapClosedException.class, py::collect);
        refused(HeapClosedException.class, py::verify);
        refused(HeapClosedException.class, () -> py.adopt(16));
        py.close(); // closing again does nothing
    }

    @Test
    void bug_refUsedAfterHeapClose() {
        PyHeap py = PyHeap.create();
        PyRef d = py.newDict();
        assertThrows(HeapLeakException.class, py::close); // d still holds the dict
        assertTrue(refused(HeapClosedException.class, d::refcount).startsWith("refcount: the heap was closed"));
        refused(HeapClosedException.class, d::release);
        refused(HeapClosedException.class, d::toString);
        refused(HeapClosedException.class, d::typeName);
        refused(HeapClosedException.class, () -> d.put("a", d));
        refused(HeapClosedException.class, d::close);
        assertFalse(d.isReleased());
    }

    @Test
    void bug_refUsedAfterRelease() {
        try (PyHeap py = PyHeap.create()) {
            PyRef l = py.newList();
            PyRef other = py.newList();
            l.release();
            assertTrue(refused(ReferenceReleasedException.class, l::refcount).startsWith("refcount: the PyRef to 0x"));
            assertTrue(refused(ReferenceReleasedException.class, l::release).contains("released twice"));
            refused(ReferenceReleasedException.class, () -> l.append(other));
            refused(ReferenceReleasedException.class, () -> other.append(l));
            refused(ReferenceReleasedException.class, () -> py.newList(l));
            refused(ReferenceReleasedException.class, l::copy);
            assertEquals("<released ref>", l.toString());
            assertEquals(0, other.size());
            other.release();
            assertEquals(List.of(), py.verify());
        }
    }

    @Test
    void bug_operationOnTheWrongType() {
        try (PyHeap py = PyHeap.create()) {
            PyRef l = py.newList(), d = py.newDict(), i = py.newInt(1000), s = py.newSet();
            assertEquals("put needs a dict, but this reference is to a 'list'",
                    refused(WrongObjectTypeException.class, () -> l.put("a", i)));
            assertEquals("append needs a list, but this reference is to a 'dict'",
                    refused(WrongObjectTypeException.class, () -> d.append(i)));
            assertEquals("get needs a dict, but this reference is to a 'int'", refused(WrongObjectTypeException.class, () -> i.get("a")));
            refused(WrongObjectTypeException.class, () -> i.remove("a"));
            refused(WrongObjectTypeException.class, () -> d.add(i));
            refused(WrongObjectTypeException.class, () -> s.append(i));
            refused(WrongObjectTypeException.class, i::size);
            assertEquals(1, i.refcount(), "nothing took a reference");
            assertEquals(0, l.size());
            assertEquals(0, d.size());
            for (PyRef r : new PyRef[] {l, d, i, s}) r.release();
            assertEquals(List.of(), py.verify());
        }
    }

    @Test
    void bug_valueFromAnotherHeap() {
        try (PyHeap a = PyHeap.create(); PyHeap b = PyHeap.create()) {
            PyRef da = a.newDict(), lb = b.newList(), sb = b.newSet();
            assertTrue(refused(ForeignReferenceException.class, () -> da.put("x", lb)).contains("belongs to another PyHeap"));
            refused(ForeignReferenceException.class, () -> lb.append(da));
            refused(ForeignReferenceException.class, () -> sb.add(da));
            refused(ForeignReferenceException.class, () -> a.newList(lb));
            refused(ForeignReferenceException.class, () -> a.newTuple(da, lb));
            assertEquals(0, da.size());
            assertEquals(1, lb.refcount());
            da.release();
            lb.release();
            sb.release();
            assertEquals(List.of(), a.verify());
            assertEquals(List.of(), b.verify());
        }
    }

    @Test
    void bug_adoptOfAnAddressThatIsNoObject() {
        try (PyHeap py = PyHeap.create()) {
            PyRef l = py.newList(py.newInt(5));
            assertEquals("adopt(0x0): not the address of a live object of this heap", refused(NotAnObjectException.class, () -> py.adopt(0)));
            refused(NotAnObjectException.class, () -> py.adopt(0x10));
            refused(NotAnObjectException.class, () -> py.adopt(-8));
            refused(NotAnObjectException.class, () -> py.adopt(l.address() + 8));
            refused(NotAnObjectException.class, () -> py.adopt(l.address() - 16));
            long freed;
            try (PyRef d = py.newDict()) {
                freed = d.address();
            }
            py.collect();
            refused(NotAnObjectException.class, () -> py.adopt(freed));
            try (PyHeap other = PyHeap.create(); PyRef foreign = other.newList()) {
                refused(NotAnObjectException.class, () -> py.adopt(foreign.address()));
            }
            // a real object adopts fine (the caller gives a reference it owns)
            py.heap().incref(l.address());
            py.adopt(l.address()).release();
            l.release();
            assertEquals(List.of(), py.verify());
        }
    }

    @Test
    void bug_twoThreadsUsingOneHeap() throws Exception {
        try (PyHeap py = PyHeap.create()) {
            PyRef d = py.newDict();
            AtomicReference<Throwable> seen = new AtomicReference<>();
            List<Executable> calls = List.of(py::newDict, () -> d.put("a", d), d::refcount, d::release, d::toString, py::collect, py::close);
            Thread t = new Thread(() -> {
                for (Executable c : calls) {
                    try {
                        c.execute();
                        seen.compareAndSet(null, new AssertionError("not refused"));
                    } catch (WrongThreadException e) {
                        if (!e.getMessage().contains("a heap is confined to the thread that created it")) seen.compareAndSet(null, e);
                    } catch (Throwable e) {
                        seen.compareAndSet(null, e);
                    }
                }
            }, "intruder");
            t.start();
            t.join();
            assertNull(seen.get());
            assertEquals(1, d.refcount());
            assertEquals(0, d.size());
            d.release();
            assertEquals(List.of(), py.verify());
        }
    }

    @Test
    void bug_newStrLoneSurrogateRoundTrips() {
        try (PyHeap py = PyHeap.create()) {
            for (String s : new String[] {"\ud800", "a\udfffb", "\udc80\ud800"}) {
                PyRef r = py.newStr(s);
                assertEquals(s.length(), dev.refheap.object.StrType.length(r.address()), s);
                // the stored str carries each lone surrogate as an escape in its Java form; the raw form is the caller's string
                assertEquals(s, dev.refheap.object.SurrogateEscapes.toRaw(dev.refheap.object.StrType.value(r.address())));
                r.release();
            }
            assertEquals(List.of(), py.verify());
        }
    }
}
