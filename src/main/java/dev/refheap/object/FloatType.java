package dev.refheap.object;

import dev.refheap.memory.MallocStats;
import dev.refheap.memory.Native;

/**
 * {@code float}: refcount, type, double (24 bytes). A free list of up to {@link #MAX_FREE}
 * floats is threaded through their {@code ob_type} field, as in 3.11: a freed float reads
 * refcount 0 and a type word that points at the float freed before it.
 */
public final class FloatType extends PyType {
    public static final int MAX_FREE = 100;
    public static final int OB_FVAL = 16;
    private long freeList;
    private int numFree;

    /** The start-up image's part of this type (Heap.imageState): the free list (its head; the rest is chained in the objects). */
    void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeLong(freeList);
        out.writeInt(numFree);
    }

    void readImageState(java.io.DataInputStream in) throws java.io.IOException {
        freeList = in.readLong();
        numFree = Heap.imageCount(in, MAX_FREE);
    }

    FloatType(Heap heap) {
        super(heap, "float", null, BASETYPE, 24, 0, 0);
    }

    /** A new float. */
    public long of(double value) {
        long o;
        if (freeList != 0 && !heap.deepFreezing()) {
            o = freeList;
            freeList = Native.getLong(o + Layout.OB_TYPE);
            numFree--;
            Native.putLong(o + Layout.OB_TYPE, address());
            heap.reviveFromFreeList(o, this);
        } else {
            o = heap.allocObject(this, 0);
        }
        Native.putDouble(o + OB_FVAL, value);
        return o;
    }

    public static double value(long o) { return Native.getDouble(o + OB_FVAL); }

    @Override
    public boolean isDataBase() { return true; }

    @Override
    public void dealloc(long o) {
        if (numFree < MAX_FREE && Heap.typeAddress(o) == address()) {  // float_dealloc: only exact floats are kept
            heap.parkedOnFreeList(o, this);
            Native.putLong(o + Layout.OB_TYPE, freeList);
            freeList = o;
            numFree++;
            return;
        }
        heap.freeObject(o);
    }

    void clearFreeList() {
        while (freeList != 0) {
            long o = freeList;
            freeList = Native.getLong(o + Layout.OB_TYPE);
            numFree--;
            heap.freeObjectMemory(o, this);
        }
    }

    public int freeCount() { return numFree; }

    void appendFreeListStats(StringBuilder out) {
        MallocStats.freeListLine(out, numFree + " free PyFloatObjects * 24 bytes each", numFree * 24L);
    }

    @Override
    public long hash(long o) { return Hashing.hashDouble(value(o), o); }

    @Override
    public boolean equals(long a, long b) {
        PyType tb = heap.typeOf(b);
        return (tb == this || tb instanceof IntType) && heap.objectsEqual(a, b);
    }
}
