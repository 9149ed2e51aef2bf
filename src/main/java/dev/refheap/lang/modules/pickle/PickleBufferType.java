package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.NativeType;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code _pickle.PickleBuffer} (3.11's picklebuffer.c, exposed by _pickle): a wrapper of a buffer
 * exporter for out-of-band pickling, 104 bytes as CPython's PyPickleBufferObject:
 * <pre>
 *  refcnt | type | view: buf | obj | len | itemsize | readonly (int) ndim (int) | format | shape
 *  | strides | suboffsets | internal | weakreflist
 * </pre>
 * GC: traverse visits view.obj (the exporter, held while the view is). States: holding a view
 * (the exporter's buffer acquired: a bytearray cannot resize meanwhile), released ({@code release()},
 * or dealloc: view.obj NULL, every use but {@code release()} a ValueError "operation forbidden on
 * released PickleBuffer object"). Exports its buffer (memoryview(pb), bytes(pb), the pickler's
 * in-band and out-of-band data) as picklebuf_getbuf does: the buffer is the wrapped object's, which
 * a view names as its {@code obj} ({@link #bufferOwner}; PickleBuffer(pb) wraps pb's object);
 * {@code raw()} is a memoryview of its bytes ('B', 1-D).
 */
final class PickleBufferType extends FieldsType {
    static final int BUF = 16, OBJ = 24, LEN = 32, ITEMSIZE = 40, READONLY = 48, NDIM = 52, FORMAT = 56, WEAKLIST = 96;

    PickleBufferType(VmApi vm) {
        super(vm, "pickle.PickleBuffer", HAVE_GC, 104, WEAKLIST, OBJ);
    }

    /** What the pickler needs of a live view. */
    record View(boolean readonly, boolean contiguous) {}

    /** Py_TPFLAGS_DEFAULT | HAVE_GC of 3.11's static PickleBuffer type. */
    @Override
    protected long declaredFlags() { return 20736; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "PickleBuffer", new String[] {"object"}, 1, 1, 0, a, off, n, kwnames);
        long src = p[0];
        while (heap.typeOf(src) == this) src = live(src);  // a PickleBuffer's buffer is the object it wraps
        NativeType.Buffer b = vm.acquireBuffer(src);
        long o = alloc();
        put(o, BUF, b.buf());
        put(o, OBJ, vm.incref(src));
        put(o, LEN, b.len());
        put(o, ITEMSIZE, b.itemsize());
        Native.putInt(o + READONLY, b.readonly() ? 1 : 0);
        Native.putInt(o + NDIM, 1);
        put(o, FORMAT, b.format());
        heap.track(o);
        return o;
    }

    private long live(long o) {
        long obj = get(o, OBJ);
        if (obj == 0) throw vm.error("ValueError", "operation forbidden on released PickleBuffer object");
        return obj;
    }

    View view(long o) {
        live(o);
        return new View(Native.getInt(o + READONLY) != 0, true);
    }

    /** The view's bytes, copied. */
    byte[] bytes(long o) {
        live(o);
        byte[] out = new byte[Math.toIntExact(get(o, LEN))];
        if (out.length > 0) Native.copyTo(get(o, BUF), out, 0, out.length);
        return out;
    }

    private void release(long o) {
        long obj = get(o, OBJ);
        if (obj == 0) return;
        put(o, OBJ, 0);
        try {
            vm.releaseBuffer(obj);
        } finally {
            heap.decref(obj);
        }
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.weakrefs.clearWeakrefs(o);
        release(o);
        free(o);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { release(o); }

    @Override
    public boolean exportsBuffer() { return true; }

    /** picklebuf_getbuf asks the wrapped object for its buffer: a view of a PickleBuffer names that object. */
    @Override
    public long bufferOwner(long o) { return live(o); }

    @Override
    public Buffer getBuffer(long o) {
        live(o);
        return new Buffer(get(o, BUF), get(o, LEN), Native.getInt(o + READONLY) != 0, (char) get(o, FORMAT), get(o, ITEMSIZE));
    }

    void install() {
        defMethod("raw", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "raw", n, kw);
            live(s);
            long mv = vm.memoryViewOver(s);
            if (get(s, ITEMSIZE) == 1 && get(s, FORMAT) == 'B') return mv;
            long f = vm.internedStr("B");
            try {
                return vm.callMethod(mv, "cast", f);
            } finally {
                heap.decref(f);
                heap.decref(mv);
            }
        });
        defMethod("release", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "release", n, kw);
            release(s);
            return vm.incref(heap.None);
        });
    }
}
