package dev.refheap.gc;

import dev.refheap.memory.Native;
import dev.refheap.object.GcHead;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;
import java.io.PrintStream;
import java.util.function.LongConsumer;

/**
 * The collector's view of a real {@link Heap}: each question answered by the object's type
 * descriptor. Also owns {@code gc.garbage}, a list object in the heap held by the runtime.
 *
 * <p>The exact builtin containers (dict, list, tuple: nearly everything a big collection walks)
 * are recognised by their type object's address, one load from the object, and served by their
 * final descriptor classes directly: no type-table lookup, no virtual call whose target changes
 * with every kind of object in the heap. Every other type goes through its descriptor.
 */
public final class HeapObjectModel implements ObjectModel {
    private final Heap heap;
    private final DictType dicts;
    private final ListType lists;
    private final TupleType tuples;
    /** The type objects of exact dicts, lists and tuples. */
    private final long dictType, listType, tupleType;
    private final long garbage;
    private final dev.refheap.object.RootProvider garbageRoot;
    private PrintStream debugOut = System.err;

    public HeapObjectModel(Heap heap) {
        this.heap = heap;
        this.dicts = heap.dicts;
        this.lists = heap.lists;
        this.tuples = heap.tuples;
        this.dictType = dicts.address();
        this.listType = lists.address();
        this.tupleType = tuples.address();
        this.garbage = heap.lists.alloc(0);
        heap.untrackIfTracked(garbage);  // tracked once the collector is installed (gc.garbage is an ordinary list)
        garbageRoot = v -> v.root(garbage, 1);
        heap.addRootProvider(garbageRoot);
    }

    /** Releases what the runtime holds (gc.garbage), before the heap closes. */
    public void dispose() {
        heap.removeRootProvider(garbageRoot);
        heap.decref(garbage);
    }

    /** Creates the collector for {@code heap} and installs it (before any object is tracked). */
    public static CycleCollector install(Heap heap) {
        long heads = heap.allocateStatic(CycleCollector.HEADS_BYTES, 0);
        HeapObjectModel model = new HeapObjectModel(heap);
        CycleCollector gc = new CycleCollector(model, heads);
        heap.installGc(gc);
        model.trackGarbage();
        return gc;
    }

    /** Tracks gc.garbage, as CPython's is a tracked list; call right after the collector is installed. */
    public void trackGarbage() {
        if (!Heap.isTracked(garbage)) heap.track(garbage);
    }

    public Heap heap() { return heap; }

    /** The gc.garbage list (borrowed). */
    public long garbage() { return garbage; }

    public void setDebugOut(PrintStream out) { debugOut = out; }

    @Override public long refcount(long o) { return Native.getLong(o + Layout.OB_REFCNT); }
    @Override public void incref(long o) { heap.incref(o); }
    @Override public void decref(long o) { heap.decref(o); }
    @Override public boolean isGc(long o) { return heap.isGcObject(o); }

    @Override
    public void traverse(long o, LongConsumer visit) {
        long t = Heap.typeAddress(o);
        if (t == dictType) dicts.traverse(o, visit);
        else if (t == listType) lists.traverse(o, visit);
        else if (t == tupleType) tuples.traverse(o, visit);
        else heap.typeAt(t).traverse(o, visit);
    }

    /** Exact dicts, lists and tuples: their traversals read the object's memory and nothing else. */
    @Override
    public boolean traverseIsThreadSafe(long o) {
        long t = Heap.typeAddress(o);
        return t == dictType || t == listType || t == tupleType;
    }

    @Override
    public boolean isExactListOrTuple(long o) {
        long t = Heap.typeAddress(o);
        return t == listType || t == tupleType;
    }

    @Override
    public boolean hasClear(long o) {
        long t = Heap.typeAddress(o);
        if (t == dictType || t == listType) return true;
        if (t == tupleType) return false;
        return heap.typeAt(t).hasClear();
    }

    @Override
    public void clear(long o) {
        long t = Heap.typeAddress(o);
        if (t == dictType) dicts.clear(o);
        else if (t == listType) lists.clear(o);
        else heap.typeAt(t).clear(o);
    }

    @Override public boolean hasFinalizer(long o) { return heap.typeOf(o).hasFinalizer(); }
    @Override public void finalize(long o) { heap.typeOf(o).finalize(o); }
    @Override public boolean hasLegacyFinalizer(long o) { return heap.typeOf(o).hasLegacyFinalizer(); }
    @Override public boolean mayHaveLegacyFinalizers() { return heap.hasLegacyFinalizerTypes(); }

    @Override
    public boolean isUntrackableTuple(long o) {
        return Heap.typeAddress(o) == tupleType && tuples.itemsAllUntracked(o);
    }

    @Override
    public boolean isUntrackableDict(long o) {
        return Heap.typeAddress(o) == dictType && dicts.contentsAllUntracked(o);
    }

    @Override
    public int dictVerdict(long o) {
        return Heap.typeAddress(o) == dictType ? dicts.untrackVerdict(o) : DICT_KEEP;
    }

    @Override
    public boolean hasWeakrefsOrFinalizer(long o) {
        long ta = Heap.typeAddress(o);
        if (ta == dictType || ta == listType || ta == tupleType) return false;  // no weakref list, no finalizer
        PyType t = heap.typeAt(ta);
        long off = t.weaklistOffset();
        return (off != 0 && Native.getLong(o + off) != 0) || heap.weakrefs.isWeakrefKind(t)
                || (!GcHead.isFinalized(o) && t.hasFinalizer());
    }

    @Override
    public boolean isWeakref(long o) {
        long ta = Heap.typeAddress(o);
        if (ta == dictType || ta == listType || ta == tupleType) return false;
        return heap.weakrefs.isWeakrefKind(heap.typeAt(ta));
    }
    @Override public long firstWeakref(long o) { return heap.weakrefs.first(o); }
    @Override public void clearWeakref(long wr) { heap.weakrefs.clearRef(wr); }
    @Override public boolean weakrefHasCallback(long wr) { return WeakrefType.callback(wr) != 0; }

    @Override
    public void callWeakrefCallback(long wr) {
        heap.callbacks().callWeakrefCallback(WeakrefType.callback(wr), wr);
    }

    @Override public void clearFreeLists() { heap.clearFreeLists(); }

    @Override
    public void saveGarbage(long o) { heap.lists.append(garbage, o); }

    @Override
    public String describe(long o) {
        PyType t = heap.typeOf(o);
        return "<" + t.name() + " 0x" + Long.toHexString(o) + ">";
    }

    @Override public void debugPrint(String line) { debugOut.println(line); }

    /** Number of objects in gc.garbage. */
    public long garbageSize() { return ListType.size(garbage); }
}
