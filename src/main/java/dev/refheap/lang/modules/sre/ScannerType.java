package dev.refheap.lang.modules.sre;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * {@code _sre.SRE_Scanner}: CPython 3.11's ScannerObject, a GC heap type of 240 bytes plus the
 * GC head: the pattern, then an SRE_STATE (whose {@code string} word, at 56, holds the subject;
 * pos and endpos at 144 and 152), then {@code executing}. traverse visits the type and the
 * pattern only, as CPython's does (the string is held but not traversed). Each match()/search()
 * continues after the previous match (an empty match forces the next one to advance); after a
 * failure the scanner returns None for ever. {@code Pattern.finditer} is {@code iter(scanner.search, None)}.
 */
final class ScannerType extends FieldsType {
    static final int PATTERN = 16, STRING = 56, POS = 144, ENDPOS = 152, EXECUTING = 224;

    /** The engine state of each live scanner; null once it has failed (state->start == NULL). */
    private final Map<Long, Engine> states = new HashMap<>();

    ScannerType(VmApi vm) {
        super(vm, "_sre.SRE_Scanner", PyType.HAVE_GC, 240, 0, PATTERN);
        cpythonFlags(0x5380);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** tp_clear: the pattern dropped (the string stays until dealloc, as in CPython's state). */
    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { set(o, PATTERN, 0); }

    long create(long pattern, long string, Engine e) {
        long o = alloc();
        put(o, PATTERN, vm.incref(pattern));
        put(o, STRING, vm.incref(string));
        Native.putLong(o + POS, e.pos);
        Native.putLong(o + ENDPOS, e.endpos);
        states.put(o, e);
        heap.track(o);
        return o;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visit.accept(typeObject());
        long p = get(o, PATTERN);
        if (p != 0) visit.accept(p);
    }

    /** The string too: held, though the collector does not follow it. */
    @Override
    public void references(long o, LongConsumer visit) {
        traverse(o, visit);
        long s = get(o, STRING);
        if (s != 0) visit.accept(s);
    }

    @Override
    protected void freeArrays(long o) {
        states.remove(o);
        long s = get(o, STRING);
        if (s != 0) {
            put(o, STRING, 0);
            heap.decref(s);
        }
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create '_sre.SRE_Scanner' instances");
    }

    void install(PatternType patterns) {
        for (String name : new String[] {"match", "search"}) {
            defMethod(name, (self, a, o, n, kw) -> {
                Params.unpack(vm, name, n, kw, 0, 0);
                Engine e = states.get(self);
                if (e == null || get(self, PATTERN) == 0) return vm.incref(heap.None);
                if (Native.getInt(self + EXECUTING) != 0) throw vm.error("ValueError", "regular expression scanner already executing");
                Native.putInt(self + EXECUTING, 1);
                boolean found;
                try {
                    e.reset();
                    e.ptr = e.start;
                    found = name.equals("search") ? e.search() : e.matchAt();
                } finally {
                    Native.putInt(self + EXECUTING, 0);
                }
                if (!found) {
                    states.put(self, null);
                    return vm.incref(heap.None);
                }
                long m = patterns.matchType.create(get(self, PATTERN), get(self, STRING), e);
                e.mustAdvance = e.ptr == e.start;
                e.start = e.ptr;
                return m;
            });
        }
    }

    @Override
    public long attrOf(long o, String name) {
        if (!name.equals("pattern")) return 0;
        return vm.incref(get(o, PATTERN) == 0 ? heap.None : get(o, PATTERN));
    }
}
