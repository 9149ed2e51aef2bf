package dev.refheap.lang.modules.sre;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;

/**
 * {@code re.Match}: CPython 3.11's MatchObject, a GC heap type of variable size (two marks,
 * Py_ssize_t each, per group including group 0; basic size 88, plus the GC head):
 * <pre> refcnt | type | ob_size (2 * groups) | string | regs (NULL until .regs) | pattern | pos | endpos
 *  | lastindex | groups (pattern's + 1) | mark[2 * groups] </pre>
 * A mark of -1 is an unset group. traverse: type, string, regs, pattern. Groups are taken by
 * index or by name (through the pattern's groupindex); pieces are sliced from the string the
 * match holds, so a bytearray subject gives bytes. copy and deepcopy return the match itself.
 */
final class MatchType extends FieldsType {
    static final int STRING = 24, REGS = 32, PATTERN = 40, POS = 48, ENDPOS = 56, LASTINDEX = 64, GROUPS = 72, MARK = 80;

    MatchType(VmApi vm) {
        super(vm, "re.Match", PyType.HAVE_GC, 88, 8, 0, new int[] {STRING, REGS, PATTERN});
        cpythonFlags(0x5380);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** tp_clear: string, regs and pattern dropped. */
    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long m) {
        set(m, STRING, 0);
        set(m, REGS, 0);
        set(m, PATTERN, 0);
    }

    /** pattern_new_match for a successful engine run: group 0 is start..ptr, the others from the marks. */
    long create(long pattern, long string, Engine e) {
        int groups = PatternType.groups(pattern) + 1;
        long m = alloc(2L * groups);
        put(m, STRING, vm.incref(string));
        put(m, PATTERN, vm.incref(pattern));
        Native.putLong(m + MARK, e.start);
        Native.putLong(m + MARK + 8, e.ptr);
        for (int i = 0, j = 0; i < groups - 1; i++, j += 2) {
            long a = -1, b = -1;
            if (j + 1 <= e.lastmark && e.mark[j] >= 0 && e.mark[j + 1] >= 0) {
                a = e.mark[j];
                b = e.mark[j + 1];
                if (a > b) {
                    heap.decref(m);
                    throw vm.error("SystemError", "The span of capturing group is wrong, please report a bug for the re module.");
                }
            }
            Native.putLong(m + MARK + 16L * (i + 1), a);
            Native.putLong(m + MARK + 16L * (i + 1) + 8, b);
        }
        Native.putLong(m + POS, e.pos);
        Native.putLong(m + ENDPOS, e.endpos);
        Native.putLong(m + LASTINDEX, e.lastindex);
        Native.putLong(m + GROUPS, groups);
        heap.track(m);
        return m;
    }

    /** A field that tp_clear may have emptied, read as a T_OBJECT member reads it: NULL is None. */
    private long orNone(long v) { return v == 0 ? heap.None : v; }

    private static long mark(long m, int i) { return Native.getLong(m + MARK + 8L * i); }

    private static int groups(long m) { return (int) get(m, GROUPS); }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create 're.Match' instances");
    }

    /** match_getindex: a group number from an int or a group name; IndexError "no such group". */
    int index(long m, long key) {
        long i = -1;
        if (vm.isInt(key) || vm.typeHas(key, "__index__") && !vm.isStr(key)) {
            java.math.BigInteger v = vm.asIndex(key);
            i = v.bitLength() > 63 ? (v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : v.longValue();
        } else {
            long gi = get(m, PATTERN) == 0 ? 0 : get(get(m, PATTERN), PatternType.GROUPINDEX);
            if (gi != 0) {
                long v = heap.dicts.getItem(gi, key);
                if (v != 0 && vm.isInt(v)) i = vm.asIndex(v).longValue();
            }
        }
        if (i < 0 || i >= groups(m)) throw vm.error("IndexError", "no such group");
        return (int) i;
    }

    /** match_getslice_by_index: group {@code i}'s piece, or {@code def} when it did not take part. */
    long slice(long m, int i, long def) {
        long a = mark(m, 2 * i);
        if (get(m, STRING) == 0 || get(m, STRING) == heap.None || a < 0) return vm.incref(def);
        return Subject.sliceOf(vm, get(m, STRING), (int) a, (int) mark(m, 2 * i + 1));
    }

    private long tupleOf(long m, int from, java.util.function.IntFunction<Long> item) {
        int n = groups(m) - from;
        long t = heap.tuples.alloc(n);
        try {
            for (int i = 0; i < n; i++) TupleType.setItemSteal(t, i, item.apply(from + i));
        } catch (PyException e) {
            heap.decref(t);
            throw e;
        }
        return t;
    }

    private long span(long m, int i) {
        long t = heap.tuples.alloc(2);
        TupleType.setItemSteal(t, 0, vm.newInt(mark(m, 2 * i)));
        TupleType.setItemSteal(t, 1, vm.newInt(mark(m, 2 * i + 1)));
        return t;
    }

    void install() {
        defMethod("group", (m, a, o, n, kw) -> {
            Params.noKeywords(vm, "group", kw);
            if (n == 0) return slice(m, 0, heap.None);
            if (n == 1) return slice(m, index(m, a[o]), heap.None);
            long t = heap.tuples.alloc(n);
            try {
                for (int i = 0; i < n; i++) TupleType.setItemSteal(t, i, slice(m, index(m, a[o + i]), heap.None));
            } catch (PyException e) {
                heap.decref(t);
                throw e;
            }
            return t;
        });
        defMethod("groups", (m, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "groups", new String[] {"default"}, 0, 1, 0, a, o, n, kw);
            long def = p[0] == 0 ? heap.None : p[0];
            return tupleOf(m, 1, i -> slice(m, i, def));
        });
        defMethod("groupdict", (m, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "groupdict", new String[] {"default"}, 0, 1, 0, a, o, n, kw);
            long def = p[0] == 0 ? heap.None : p[0];
            long d = heap.dicts.create();
            long gi = get(m, PATTERN) == 0 ? 0 : get(get(m, PATTERN), PatternType.GROUPINDEX);
            if (gi == 0) return d;
            try {
                heap.dicts.forEach(gi, (k, v) -> {
                    long value = slice(m, index(m, k), def);
                    try {
                        vm.setItem(d, k, value);
                    } finally {
                        heap.decref(value);
                    }
                });
            } catch (PyException e) {
                heap.decref(d);
                throw e;
            }
            return d;
        });
        for (String name : new String[] {"start", "end", "span"}) {
            defMethod(name, (m, a, o, n, kw) -> {
                Params.unpack(vm, name, n, kw, 0, 1);
                int i = n == 0 ? 0 : index(m, a[o]);
                if (name.equals("span")) return span(m, i);
                return vm.newInt(mark(m, 2 * i + (name.equals("end") ? 1 : 0)));
            });
        }
        defMethod("expand", (m, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "expand", new String[] {"template"}, 1, 1, 0, a, o, n, kw);
            return SreModule.callRe(vm, "_expand", orNone(get(m, PATTERN)), m, p[0]);
        });
        defMethod("__copy__", (m, a, o, n, kw) -> {
            Params.unpack(vm, "__copy__", n, kw, 0, 0);
            return vm.incref(m);
        });
        defMethod("__deepcopy__", (m, a, o, n, kw) -> {
            Params.unpack(vm, "__deepcopy__", n, kw, 1, 1);
            return vm.incref(m);
        });
        defMethod("__getitem__", (m, a, o, n, kw) -> {
            Params.unpack(vm, "__getitem__", n, kw, 1, 1);
            return slice(m, index(m, a[o]), heap.None);
        });
        defClassMethod("__class_getitem__", (cls, a, o, n, kw) -> {
            Params.unpack(vm, "__class_getitem__", n, kw, 1, 1);
            return vm.genericAlias(cls, a[o]);
        });
    }

    @Override
    public long getItemOf(long m, long key) { return slice(m, index(m, key), heap.None); }

    @Override
    public long attrOf(long m, String name) {
        switch (name) {
            case "string": return vm.incref(orNone(get(m, STRING)));
            case "re": return vm.incref(orNone(get(m, PATTERN)));
            case "pos": return vm.newInt(get(m, POS));
            case "endpos": return vm.newInt(get(m, ENDPOS));
            case "lastindex": return get(m, LASTINDEX) >= 0 ? vm.newInt(get(m, LASTINDEX)) : vm.incref(heap.None);
            case "lastgroup": {
                long ig = get(m, PATTERN) == 0 ? 0 : get(get(m, PATTERN), PatternType.INDEXGROUP);
                long li = get(m, LASTINDEX);
                if (ig != 0 && li >= 0 && li < TupleType.size(ig)) return vm.incref(TupleType.item(ig, li));
                return vm.incref(heap.None);
            }
            case "regs": {
                if (get(m, REGS) == 0) put(m, REGS, tupleOf(m, 0, i -> span(m, i)));
                return vm.incref(get(m, REGS));
            }
            default: return 0;
        }
    }

    @Override
    public String reprOf(long m) {
        long g = slice(m, 0, heap.None);
        try {
            String r = vm.repr(g);
            if (r.codePointCount(0, r.length()) > 50) r = r.substring(0, r.offsetByCodePoints(0, 50));
            return "<re.Match object; span=(" + mark(m, 0) + ", " + mark(m, 1) + "), match=" + r + ">";
        } finally {
            heap.decref(g);
        }
    }
}
