package dev.refheap.lang.modules.csv;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * What {@code _csv}'s three heap types share: GC instances that hold their type, a traverse that
 * visits the owned fields in CPython's order and then the type, the flags CPython 3.11.7 reports (without the version tag, which lookups set),
 * and (reader, writer) a PyMem buffer freed at dealloc and no direct instantiation.
 */
abstract class CsvType extends FieldsType {
    private final int[] visitOrder;
    private final int buffer;

    /** {@code buffer}: the offset of a PyMem buffer pointer (0 for none); {@code owned}: the fields in traverse order. */
    CsvType(VmApi vm, String name, long basicSize, long flags, int buffer, int... owned) {
        super(vm, name, PyType.HAVE_GC | PyType.BASETYPE, basicSize, 0, owned);
        this.visitOrder = owned;
        cpythonFlags(flags);
        this.buffer = buffer;
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off : visitOrder) {
            long v = get(o, off);
            if (v != 0) visit.accept(v);
        }
        if (heap.typeOf(o) == this) visit.accept(typeObject());
    }

    @Override
    protected void freeArrays(long o) {
        if (buffer == 0) return;
        long b = Native.getLong(o + buffer);
        if (b != 0) heap.memFree(b);
    }

    /** Reader and writer objects are made by {@code _csv.reader()} and {@code _csv.writer()} only. */
    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create '" + name() + "' instances");
    }
}
