package dev.refheap.cli;

import dev.refheap.embed.PyHeap;
import dev.refheap.embed.PyRef;
import dev.refheap.memory.Native;
import java.io.PrintStream;

/**
 * The seed notebook's story told through the Java API: ids are addresses, small ints are shared
 * and contiguous, a dict cycle survives {@code del}, and the cycle collector frees it.
 */
public final class HeapDemo {
    private HeapDemo() {}

    public static void run(PrintStream out) {
        try (PyHeap py = PyHeap.create()) {
            out.println("refheap: Python's memory manager (CPython 3.11 semantics) on a native heap");
            out.println();
            out.println("# a = 2; b = 2; a is b");
            PyRef a = py.newInt(2), b = py.newInt(2);
            out.printf("id(a) = %d = %s%n", a.address(), hex(a.address()));
            out.printf("a is b -> %s   (small ints -5..256 are preallocated and shared)%n", a.address() == b.address() ? "True" : "False");
            PyRef ten = py.newInt(10), twenty = py.newInt(20);
            out.printf("id(10) - id(2) = %d, id(20) - id(2) = %d   (one array, 32 bytes apart)%n",
                    ten.address() - a.address(), twenty.address() - a.address());
            out.printf("refcount of 2 = %,d   (3.11's static objects start at 999,999,999)%n", a.refcount());
            for (PyRef r : new PyRef[] {a, b, ten, twenty}) r.release();

            out.println();
            out.println("# d1 = {}; d2 = {}; d1['d2'] = d2; d2['d1'] = d1");
            PyRef d1 = py.newDict(), d2 = py.newDict();
            d1.put("d2", d2);
            d2.put("d1", d1);
            long a1 = d1.address(), a2 = d2.address();
            out.printf("refcounts: d1 %d, d2 %d   (a name and the other dict each)%n", d1.refcount(), d2.refcount());
            out.printf("sys.getsizeof(d1) = %d bytes%n", py.heap().dicts.sizeOf(a1) + 16);
            d1.release();
            d2.release();
            out.println("# del d1, d2");
            out.printf("refcounts read at the old addresses: %d %d   (the cycle keeps both alive)%n",
                    Native.getLong(a1), Native.getLong(a2));
            long[] count = py.gc().count();
            out.printf("gc.get_count() = (%d, %d, %d), gc.get_threshold() = (700, 10, 10)%n", count[0], count[1], count[2]);
            out.println("# gc.collect()");
            out.printf("gc.collect() -> %d   (both dicts were unreachable)%n", py.collect());
            out.printf("refcounts read at the old addresses: %d %d   (freed)%n", Native.getLong(a1), Native.getLong(a2));
            out.printf("heap verifier: %s%n", py.verify().isEmpty() ? "consistent" : py.verify());
            out.println();
            out.println("Run Python code: ./refheap run FILE.py | NOTEBOOK.ipynb (see README.md)");
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
