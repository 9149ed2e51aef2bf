package dev.refheap.lang.modules.sre;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code re.Pattern}: CPython 3.11's PatternObject, a GC heap type of variable size (the code
 * words are its items, 4 bytes each; basic size 96, plus the GC head):
 * <pre> refcnt | type | ob_size (codesize) | groups | groupindex | indexgroup | pattern | flags (int)
 *  | weakreflist | isbytes (int) | codesize | code[codesize] (uint32) </pre>
 * groupindex and indexgroup are NULL unless the pattern has named groups; isbytes is -1 for a
 * None pattern. traverse: type, groupindex, indexgroup, pattern. The engine reads a Java copy
 * of the code, kept while the object lives. Equal patterns (same pattern object value, flags,
 * kind and code) compare equal and hash alike; copy and deepcopy return the pattern itself.
 */
final class PatternType extends FieldsType {
    static final int GROUPS = 24, GROUPINDEX = 32, INDEXGROUP = 40, PATTERN = 48, FLAGS = 56, WEAKREFLIST = 64,
            ISBYTES = 72, CODESIZE = 80, CODE = 88;
    static final long SSIZE_MAX = Long.MAX_VALUE;
    private static final String[] FLAG_NAMES = {"re.TEMPLATE", "re.IGNORECASE", "re.LOCALE", "re.MULTILINE", "re.DOTALL",
        "re.UNICODE", "re.VERBOSE", "re.DEBUG", "re.ASCII"};

    private final Map<Long, int[]> codes = new HashMap<>();
    MatchType matchType;
    ScannerType scannerType;

    PatternType(VmApi vm) {
        super(vm, "re.Pattern", PyType.HAVE_GC, 96, 4, WEAKREFLIST, new int[] {GROUPINDEX, INDEXGROUP, PATTERN});
        cpythonFlags(0x5380);  // HAVE_GC | READY | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** tp_clear: groupindex, indexgroup and pattern dropped (a cycle through them is collectable). */
    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        set(o, GROUPINDEX, 0);
        set(o, INDEXGROUP, 0);
        set(o, PATTERN, 0);
    }

    long create(long pattern, int flags, int[] code, long groups, long groupindex, long indexgroup, int isBytes) {
        long o = alloc(code.length);
        for (int i = 0; i < code.length; i++) Native.putInt(o + CODE + 4L * i, code[i]);
        Native.putLong(o + CODESIZE, code.length);
        codes.put(o, code);
        heap.track(o);
        put(o, PATTERN, vm.incref(pattern));
        Native.putInt(o + FLAGS, flags);
        Native.putLong(o + GROUPS, groups);
        Native.putInt(o + ISBYTES, isBytes);
        if (DictType.size(groupindex) > 0) {
            put(o, GROUPINDEX, vm.incref(groupindex));
            if (TupleType.size(indexgroup) > 0) put(o, INDEXGROUP, vm.incref(indexgroup));
        }
        return o;
    }

    int[] code(long o) { return codes.get(o); }

    static int groups(long o) { return (int) get(o, GROUPS); }

    static int isBytes(long o) { return Native.getInt(o + ISBYTES); }

    static int flags(long o) { return Native.getInt(o + FLAGS); }

    @Override
    protected void freeArrays(long o) { codes.remove(o); }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        throw vm.error("TypeError", "cannot create 're.Pattern' instances");
    }

    /** state_init: the engine over {@code string} from pos to endpos, after the kind check. */
    Engine state(long self, long string, long pos, long endpos) {
        Subject s = Subject.of(vm, string);
        int pk = isBytes(self);
        if (s.isBytes() && pk == 0) throw vm.error("TypeError", "cannot use a string pattern on a bytes-like object");
        if (!s.isBytes() && pk > 0) throw vm.error("TypeError", "cannot use a bytes pattern on a string-like object");
        return new Engine(vm, code(self), s.chars(), s.length(), s.isBytes(), pos, endpos);
    }

    /** (string, pos=0, endpos=maxsize) as Argument Clinic parses them. */
    private long[] stringPosEndpos(String fname, long[] a, int o, int n, long kw) {
        long[] p = Params.parse(vm, fname, new String[] {"string", "pos", "endpos"}, 1, 3, 0, a, o, n, kw);
        return new long[] {p[0], p[1] == 0 ? 0 : Params.ssize(vm, p[1]), p[2] == 0 ? SSIZE_MAX : Params.ssize(vm, p[2])};
    }

    void install(MatchType m, ScannerType scanners) {
        this.matchType = m;
        this.scannerType = scanners;
        for (String name : new String[] {"match", "fullmatch", "search"}) {
            defMethod(name, (self, a, o, n, kw) -> {
                long[] p = stringPosEndpos(name, a, o, n, kw);
                Engine e = state(self, p[0], p[1], p[2]);
                boolean found;
                if (name.equals("search")) found = e.search();
                else {
                    e.matchAll = name.equals("fullmatch");
                    found = e.matchAt();
                }
                return found ? matchType.create(self, p[0], e) : vm.incref(heap.None);
            });
        }
        defMethod("findall", (self, a, o, n, kw) -> {
            long[] p = stringPosEndpos("findall", a, o, n, kw);
            return findall(self, p[0], state(self, p[0], p[1], p[2]));
        });
        defMethod("scanner", (self, a, o, n, kw) -> {
            long[] p = stringPosEndpos("scanner", a, o, n, kw);
            return scannerType.create(self, p[0], state(self, p[0], p[1], p[2]));
        });
        defMethod("finditer", (self, a, o, n, kw) -> {
            long[] p = stringPosEndpos("finditer", a, o, n, kw);
            long sc = scannerType.create(self, p[0], state(self, p[0], p[1], p[2]));
            try {
                long search = vm.getAttrOrNull(sc, "search");
                try {
                    long iter = heap.dicts.getItem(vm.builtinsDict(), "iter");
                    return vm.call(iter, search, heap.None);
                } finally {
                    heap.decref(search);
                }
            } finally {
                heap.decref(sc);
            }
        });
        defMethod("split", (self, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "split", new String[] {"string", "maxsplit"}, 1, 2, 0, a, o, n, kw);
            long max = p[1] == 0 ? 0 : Params.ssize(vm, p[1]);
            return split(self, p[0], max);
        });
        for (String name : new String[] {"sub", "subn"}) {
            defMethod(name, (self, a, o, n, kw) -> {
                long[] p = Params.parse(vm, name, new String[] {"repl", "string", "count"}, 2, 3, 0, a, o, n, kw);
                long count = p[2] == 0 ? 0 : Params.ssize(vm, p[2]);
                return sub(self, p[0], p[1], count, name.equals("subn"));
            });
        }
        defMethod("__copy__", (self, a, o, n, kw) -> {
            Params.unpack(vm, "__copy__", n, kw, 0, 0);
            return vm.incref(self);
        });
        defMethod("__deepcopy__", (self, a, o, n, kw) -> {
            Params.unpack(vm, "__deepcopy__", n, kw, 1, 1);
            return vm.incref(self);
        });
        defClassMethod("__class_getitem__", (cls, a, o, n, kw) -> {
            Params.unpack(vm, "__class_getitem__", n, kw, 1, 1);
            return vm.genericAlias(cls, a[o]);
        });
    }

    /** state_getslice: group {@code index} of the engine's last match, None (or '' if empty) when unset. */
    static long groupSlice(VmApi vm, Engine e, Subject s, int index, boolean empty) {
        int j = (index - 1) * 2;
        if (j >= e.lastmark || e.mark[j] < 0 || e.mark[j + 1] < 0) {
            if (!empty) return vm.incref(vm.heap.None);
            return s.slice(vm, 0, 0);
        }
        int from = e.mark[j], to = e.mark[j + 1];
        if (from > to) throw vm.error("SystemError", "The span of capturing group is wrong, please report a bug for the re module.");
        return s.slice(vm, from, to);
    }

    private Subject subject(Engine e, long string) { return new Subject(string, e.s, e.length, e.isBytes); }

    private long findall(long self, long string, Engine e) {
        Subject s = subject(e, string);
        long list = heap.lists.of();
        int groups = groups(self);
        try {
            while (e.start <= e.end) {
                e.reset();
                e.ptr = e.start;
                if (!e.search()) break;
                long item;
                if (groups == 0) item = s.slice(vm, e.start, e.ptr);
                else if (groups == 1) item = groupSlice(vm, e, s, 1, true);
                else {
                    item = heap.tuples.alloc(groups);
                    for (int i = 0; i < groups; i++) TupleType.setItemSteal(item, i, groupSlice(vm, e, s, i + 1, true));
                }
                heap.lists.append(list, item);
                heap.decref(item);
                e.mustAdvance = e.ptr == e.start;
                e.start = e.ptr;
            }
            return list;
        } catch (PyException ex) {
            heap.decref(list);
            throw ex;
        }
    }

    private long split(long self, long string, long maxsplit) {
        Engine e = state(self, string, 0, SSIZE_MAX);
        Subject s = subject(e, string);
        long list = heap.lists.of();
        int groups = groups(self);
        try {
            int n = 0;
            int last = e.start;
            while (maxsplit == 0 || n < maxsplit) {
                e.reset();
                e.ptr = e.start;
                if (!e.search()) break;
                appendSteal(list, s.slice(vm, last, e.start));
                for (int i = 0; i < groups; i++) appendSteal(list, groupSlice(vm, e, s, i + 1, false));
                n++;
                e.mustAdvance = e.ptr == e.start;
                last = e.start = e.ptr;
            }
            appendSteal(list, s.slice(vm, last, e.endpos));
            return list;
        } catch (PyException ex) {
            heap.decref(list);
            throw ex;
        }
    }

    private void appendSteal(long list, long item) {
        try {
            heap.lists.append(list, item);
        } finally {
            heap.decref(item);
        }
    }

    /** pattern_subx: sub/subn with a literal, a template (through re._subx) or a callable. */
    private long sub(long self, long repl, long string, long count, boolean subn) {
        long filter;
        boolean callable;
        if (vm.isCallable(repl)) {
            filter = vm.incref(repl);
            callable = true;
        } else {
            Boolean kind = Subject.kindOf(vm, repl);
            boolean literal = false;
            if (kind != null) {
                Subject r = Subject.of(vm, repl);
                literal = true;
                for (int i = 0; i < r.length(); i++) {
                    if (r.chars()[i] == '\\') {
                        literal = false;
                        break;
                    }
                }
            }
            if (literal) {
                filter = vm.incref(repl);
                callable = false;
            } else {
                filter = SreModule.callRe(vm, "_subx", self, repl);
                callable = vm.isCallable(filter);
            }
        }
        long list = 0;
        try {
            Engine e = state(self, string, 0, SSIZE_MAX);
            Subject s = subject(e, string);
            list = heap.lists.of();
            long n = 0;
            int i = 0;
            while (count == 0 || n < count) {
                e.reset();
                e.ptr = e.start;
                if (!e.search()) break;
                int b = e.start, en = e.ptr;
                if (i < b) appendSteal(list, s.slice(vm, i, b));
                long item;
                if (callable) {
                    long m = matchType.create(self, string, e);
                    try {
                        item = vm.call(filter, m);
                    } finally {
                        heap.decref(m);
                    }
                } else {
                    item = vm.incref(filter);
                }
                if (item != heap.None) heap.lists.append(list, item);
                heap.decref(item);
                i = en;
                n++;
                e.mustAdvance = e.ptr == e.start;
                e.start = e.ptr;
            }
            if (i < e.endpos) appendSteal(list, s.slice(vm, i, e.endpos));
            long joined = join(list, e.isBytes, s);
            if (!subn) return joined;
            long t = heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, joined);
            TupleType.setItemSteal(t, 1, vm.newInt(n));
            return t;
        } finally {
            if (list != 0) heap.decref(list);
            heap.decref(filter);
        }
    }

    /** PyUnicode_Join / _PyBytes_Join of the pieces with an empty separator, with their type errors. */
    private long join(long list, boolean isBytes, Subject s) {
        long n = ListType.size(list);
        if (n == 0) return s.slice(vm, 0, 0);
        if (n == 1) {
            long only = ListType.item(list, 0);
            if (isBytes ? heap.typeOf(only) == heap.bytes : vm.isStr(only)) return vm.incref(only);
        }
        if (isBytes) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (long k = 0; k < n; k++) {
                long item = ListType.item(list, k);
                byte[] b = vm.bytesLike(item);
                if (b == null) {
                    throw vm.error("TypeError", "sequence item " + k + ": expected a bytes-like object, " + vm.typeName(item) + " found");
                }
                out.writeBytes(b);
            }
            return heap.bytes.of(out.toByteArray());
        }
        StringBuilder sb = new StringBuilder();
        for (long k = 0; k < n; k++) {
            long item = ListType.item(list, k);
            if (!vm.isInstanceOf(item, heap.strs)) {
                throw vm.error("TypeError", "sequence item " + k + ": expected str instance, " + vm.typeName(item) + " found");
            }
            sb.append(StrType.value(item));
        }
        return vm.str(sb.toString());
    }

    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "pattern" -> vm.incref(get(o, PATTERN) == 0 ? heap.None : get(o, PATTERN));
            case "flags" -> vm.newInt(flags(o));
            case "groups" -> vm.newInt(get(o, GROUPS));
            case "groupindex" -> get(o, GROUPINDEX) == 0 ? heap.dicts.create() : vm.mappingProxy(get(o, GROUPINDEX));
            default -> 0;
        };
    }

    @Override
    public String reprOf(long o) {
        String p = get(o, PATTERN) == 0 ? "None" : vm.repr(get(o, PATTERN));
        if (p.codePointCount(0, p.length()) > 200) p = p.substring(0, p.offsetByCodePoints(0, 200));
        int flags = flags(o);
        if (isBytes(o) == 0 && (flags & (4 | 32 | 256)) == 32) flags &= ~32;
        if (flags == 0) return "re.compile(" + p + ")";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FLAG_NAMES.length; i++) {
            if ((flags & (1 << i)) != 0) {
                if (!sb.isEmpty()) sb.append('|');
                sb.append(FLAG_NAMES[i]);
                flags &= ~(1 << i);
            }
        }
        if (flags != 0) {
            if (!sb.isEmpty()) sb.append('|');
            sb.append("0x").append(Integer.toHexString(flags));
        }
        return "re.compile(" + p + ", " + sb + ")";
    }

    @Override
    public Boolean eqOf(long a, long b) {
        if (heap.typeOf(b) != this || heap.typeOf(a) != this) return null;
        if (a == b) return true;
        return flags(a) == flags(b) && isBytes(a) == isBytes(b) && java.util.Arrays.equals(code(a), code(b))
                && (get(a, PATTERN) == get(b, PATTERN) || get(a, PATTERN) != 0 && get(b, PATTERN) != 0 && vm.equal(get(a, PATTERN), get(b, PATTERN)));
    }

    @Override
    public long hash(long o) {
        long h = get(o, PATTERN) == 0 ? 0 : vm.hash(get(o, PATTERN));
        long hc = java.util.Arrays.hashCode(code(o));
        h ^= hc;
        h ^= flags(o);
        h ^= isBytes(o);
        h ^= get(o, CODESIZE);
        return h == -1 ? -2 : h;
    }
}
