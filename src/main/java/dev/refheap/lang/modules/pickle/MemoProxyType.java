package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;

/**
 * {@code _pickle.PicklerMemoProxy} and {@code _pickle.UnpicklerMemoProxy}: what a pickler's or
 * unpickler's {@code memo} attribute gives, CPython 3.11's 24-byte GC objects holding their owner
 * ({@code refcnt | type | pickler}; traverse visits it). {@code copy()} makes a dict of the memo
 * ({@code {id(obj): (index, obj)}} for a pickler, {@code {index: obj}} for an unpickler),
 * {@code clear()} empties it, {@code __reduce__} is {@code (dict, (copy,))}. A new proxy on each
 * access, as in CPython; made only by the owners, never by calling the type.
 */
final class MemoProxyType extends FieldsType {
    static final int OWNER = 16;
    private final PickleModule.State st;
    private final boolean pickler;

    MemoProxyType(VmApi vm, PickleModule.State st, boolean pickler) {
        super(vm, pickler ? "_pickle.PicklerMemoProxy" : "_pickle.UnpicklerMemoProxy", HAVE_GC, 24, 0, OWNER);
        this.st = st;
        this.pickler = pickler;
    }

    static long owner(long proxy) { return get(proxy, OWNER); }

    /** A new proxy of {@code owner} (tracked). */
    long create(long owner) {
        long o = alloc();
        put(o, OWNER, vm.incref(owner));
        heap.track(o);
        return o;
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { set(o, OWNER, 0); }

    /** HAVE_GC | READY | BASETYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION, as CPython 3.11.7 reports for the proxy types, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x5580; }

    long copy(long o) {
        long owner = get(o, OWNER);
        return pickler ? st.pickler.memoCopy(owner) : st.unpickler.memoCopy(owner);
    }

    void install() {
        String prefix = pickler ? "PicklerMemoProxy" : "UnpicklerMemoProxy";
        defMethod("clear", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "clear", n, kw);
            long owner = get(s, OWNER);
            if (pickler) st.pickler.memoClear(owner);
            else st.unpickler.memoClear(owner);
            return vm.incref(heap.None);
        });
        defMethod("copy", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "copy", n, kw);
            return copy(s);
        });
        defMethod("__reduce__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "__reduce__", n, kw);
            long c = copy(s);
            long args = PickleModule.tuple(vm, c);
            heap.decref(c);
            long r = PickleModule.tuple(vm, heap.dicts.address(), args);
            heap.decref(args);
            return r;
        });
        assert prefix != null;
    }
}
