package dev.refheap.testing;

import dev.refheap.object.Heap;
import dev.refheap.object.StrType;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Heap.Callbacks} for tests: weakref callbacks are str objects naming themselves; each call
 * is recorded (callback name, weakref address), and an optional action runs inside the call (to
 * resurrect, drop references or collect from within a callback).
 */
public final class RecordingCallbacks implements Heap.Callbacks {
    public record Call(String name, long weakref) {}

    public final List<Call> calls = new ArrayList<>();
    private final Heap heap;
    private java.util.function.LongConsumer action = wr -> {};

    private RecordingCallbacks(Heap heap) { this.heap = heap; }

    public static RecordingCallbacks install(Heap heap) {
        RecordingCallbacks cb = new RecordingCallbacks(heap);
        heap.setCallbacks(cb);
        return cb;
    }

    /** Runs {@code action(weakref)} inside every callback call, after recording it. */
    public RecordingCallbacks onCall(java.util.function.LongConsumer action) {
        this.action = action;
        return this;
    }

    @Override
    public void callWeakrefCallback(long callback, long weakref) {
        if (heap.refcount(weakref) <= 0) throw new AssertionError("callback called with a dead weakref");
        calls.add(new Call(heap.typeOf(callback) == heap.strs ? StrType.value(callback) : heap.typeOf(callback).describe(callback), weakref));
        action.accept(weakref);
    }

    public List<String> names() { return calls.stream().map(Call::name).toList(); }
    public List<Long> weakrefs() { return calls.stream().map(Call::weakref).toList(); }
}
