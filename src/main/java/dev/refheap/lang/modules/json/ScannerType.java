package dev.refheap.lang.modules.json;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * {@code _json.Scanner} ({@code make_scanner}): CPython 3.11's PyScannerObject, a heap type made
 * from a spec (instances hold their type), 72 bytes plus the GC head:
 * <pre> refcnt | type | strict (signed char) | object_hook | object_pairs_hook | parse_float | parse_int | parse_constant | memo </pre>
 * traverse: type, the five callables, memo; tp_clear drops them. {@code make_scanner(context)}
 * reads the context's six attributes; calling the scanner with {@code (string, idx)} gives
 * {@code (obj, end)} or raises StopIteration(idx) where no JSON value starts, and JSONDecodeError
 * for a malformed one. Object keys go through the memo dict (PyDict_SetDefault), so equal keys
 * in one call are one str object; the memo is cleared when the call ends.
 */
final class ScannerType extends FieldsType {
    static final int STRICT = 16, OBJECT_HOOK = 24, PAIRS_HOOK = 32, PARSE_FLOAT = 40, PARSE_INT = 48, PARSE_CONSTANT = 56, MEMO = 64;
    private static final String[] ATTRS = {"object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"};
    private static final int[] ATTR_OFFSETS = {OBJECT_HOOK, PAIRS_HOOK, PARSE_FLOAT, PARSE_INT, PARSE_CONSTANT};

    ScannerType(VmApi vm, JsonModule.State st) {
        // not PyType.HEAPTYPE in the Java flags (the instances' reference to the type is heapTypeInstances'); tpFlags() carries CPython's
        super(vm, "_json.Scanner", PyType.HAVE_GC, 72, 0, OBJECT_HOOK, PAIRS_HOOK, PARSE_FLOAT, PARSE_INT, PARSE_CONSTANT, MEMO);
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** Py_TPFLAGS_DEFAULT | HAVE_GC of a spec-made heap type (mutable, not a base type), ready; VALID_VERSION_TAG once a lookup assigned one. */
    @Override
    protected long declaredFlags() { return 20992; }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        for (int off : ATTR_OFFSETS) set(o, off, 0);
        set(o, MEMO, 0);
    }

    /** scanner_new: tracked at once (tp_alloc), the memo made, then strict and the five callables read from the context. */
    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long ctx = Params.parse(vm, "make_scanner", new String[] {"context"}, 1, 1, 0, a, off, n, kwnames)[0];
        long o = alloc();
        heap.track(o);
        try {
            put(o, MEMO, heap.dicts.create());
            long strict = JsonModule.attr(vm, ctx, "strict");
            try {
                Native.putByte(o + STRICT, (byte) (vm.truthy(strict) ? 1 : 0));
            } finally {
                heap.decref(strict);
            }
            for (int i = 0; i < ATTRS.length; i++) put(o, ATTR_OFFSETS[i], JsonModule.attr(vm, ctx, ATTRS[i]));
            return o;
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
    }

    @Override
    public boolean callableInstances() { return true; }

    /** scanner_call: {@code scan_once(string, idx)}; the memo is cleared whatever the outcome. */
    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        return JsonModule.tpCall(vm, a, off, n, kwnames, () -> scan(o, a, off, n, kwnames));
    }

    private long scan(long o, long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "scan_once", new String[] {"string", "idx"}, 2, 2, 0, a, off, n, kwnames);
        long pystr = p[0];
        long idx = Params.ssize(vm, p[1]);
        if (!vm.isStr(pystr)) throw vm.error("TypeError", "first argument must be a string, not " + vm.typeName(pystr));
        long[] next = {-1};
        long rval;
        Scan sc = new Scan(o, pystr);
        try {
            rval = sc.scanOnce(idx, next);
        } finally {
            heap.dicts.clearDict(get(o, MEMO));
        }
        return JsonModule.rvalIndexTuple(vm, rval, next[0]);
    }

    /** One call's scan of one str. */
    private final class Scan {
        final long s;
        final JsonModule.Text t;
        final boolean strict;
        final long objectHook, pairsHook, parseFloat, parseInt, parseConstant, memo;
        final java.util.function.Supplier<String> who;

        Scan(long s, long pystr) {
            this.s = s;
            this.t = new JsonModule.Text(pystr);
            this.strict = Native.getByte(s + STRICT) != 0;
            this.objectHook = get(s, OBJECT_HOOK);
            this.pairsHook = get(s, PAIRS_HOOK);
            this.parseFloat = get(s, PARSE_FLOAT);
            this.parseInt = get(s, PARSE_INT);
            this.parseConstant = get(s, PARSE_CONSTANT);
            this.memo = get(s, MEMO);
            this.who = () -> vm.repr(s);
        }

        private boolean ws(long i) {
            int c = t.at(i);
            return c == ' ' || c == '\t' || c == '\n' || c == '\r';
        }

        private PyException errmsg(String msg, long end) { return JsonModule.errmsg(vm, who, msg, t.obj, end); }

        /** scan_once_unicode. */
        long scanOnce(long idx, long[] next) {
            long length = t.len;
            if (idx < 0) throw vm.error("ValueError", "idx cannot be negative");
            if (idx >= length) throw JsonModule.stopIteration(vm, idx);
            switch (t.at(idx)) {
                case '"':
                    return JsonModule.scanstring(vm, who, t, idx + 1, strict, next);
                case '{': {
                    vm.enterRecursiveCall(" while decoding a JSON object from a unicode string");
                    try {
                        return parseObject(idx + 1, next);
                    } finally {
                        vm.leaveRecursiveCall();
                    }
                }
                case '[': {
                    vm.enterRecursiveCall(" while decoding a JSON array from a unicode string");
                    try {
                        return parseArray(idx + 1, next);
                    } finally {
                        vm.leaveRecursiveCall();
                    }
                }
                case 'n':
                    if (idx + 3 < length && t.at(idx + 1) == 'u' && t.at(idx + 2) == 'l' && t.at(idx + 3) == 'l') {
                        next[0] = idx + 4;
                        return vm.incref(heap.None);
                    }
                    break;
                case 't':
                    if (idx + 3 < length && t.at(idx + 1) == 'r' && t.at(idx + 2) == 'u' && t.at(idx + 3) == 'e') {
                        next[0] = idx + 4;
                        return vm.incref(heap.True);
                    }
                    break;
                case 'f':
                    if (idx + 4 < length && t.at(idx + 1) == 'a' && t.at(idx + 2) == 'l' && t.at(idx + 3) == 's' && t.at(idx + 4) == 'e') {
                        next[0] = idx + 5;
                        return vm.incref(heap.False);
                    }
                    break;
                case 'N':
                    if (idx + 2 < length && t.at(idx + 1) == 'a' && t.at(idx + 2) == 'N') return constant("NaN", idx, next);
                    break;
                case 'I':
                    if (idx + 7 < length && matches(idx + 1, "nfinity")) return constant("Infinity", idx, next);
                    break;
                case '-':
                    if (idx + 8 < length && matches(idx + 1, "Infinity")) return constant("-Infinity", idx, next);
                    break;
                default:
                    break;
            }
            return matchNumber(idx, next);
        }

        private boolean matches(long at, String word) {
            for (int i = 0; i < word.length(); i++) if (t.at(at + i) != word.charAt(i)) return false;
            return true;
        }

        /** _parse_constant: parse_constant called with the interned name. */
        private long constant(String name, long idx, long[] next) {
            long cstr = vm.internedStr(name);
            try {
                long r = vm.call(parseConstant, cstr);
                next[0] = idx + name.length();
                return r;
            } finally {
                heap.decref(cstr);
            }
        }

        /** _parse_object_unicode: a dict (a list of pairs for object_pairs_hook), through the hook if there is one. */
        private long parseObject(long idx, long[] next) {
            long endIdx = t.len - 1;
            boolean hasPairsHook = pairsHook != heap.None;
            long rval = hasPairsHook ? heap.lists.alloc(0) : heap.dicts.create();
            long key = 0, val = 0;
            try {
                while (idx <= endIdx && ws(idx)) idx++;
                if (idx > endIdx || t.at(idx) != '}') {
                    long[] nx = {-1};
                    while (true) {
                        if (idx > endIdx || t.at(idx) != '"') throw errmsg("Expecting property name enclosed in double quotes", idx);
                        key = JsonModule.scanstring(vm, who, t, idx + 1, strict, nx);
                        long memokey = heap.dicts.getItem(memo, key);
                        if (memokey == 0) {
                            heap.dicts.setItem(memo, key, key);
                            memokey = key;
                        }
                        heap.incref(memokey);
                        heap.decref(key);
                        key = memokey;
                        idx = nx[0];
                        while (idx <= endIdx && ws(idx)) idx++;
                        if (idx > endIdx || t.at(idx) != ':') throw errmsg("Expecting ':' delimiter", idx);
                        idx++;
                        while (idx <= endIdx && ws(idx)) idx++;
                        val = scanOnce(idx, nx);
                        if (hasPairsHook) {
                            long item = heap.tuples.of(key, val);
                            heap.decref(key);
                            key = 0;
                            heap.decref(val);
                            val = 0;
                            try {
                                heap.lists.append(rval, item);
                            } finally {
                                heap.decref(item);
                            }
                        } else {
                            heap.dicts.setItem(rval, key, val);
                            heap.decref(key);
                            key = 0;
                            heap.decref(val);
                            val = 0;
                        }
                        idx = nx[0];
                        while (idx <= endIdx && ws(idx)) idx++;
                        if (idx <= endIdx && t.at(idx) == '}') break;
                        if (idx > endIdx || t.at(idx) != ',') throw errmsg("Expecting ',' delimiter", idx);
                        idx++;
                        while (idx <= endIdx && ws(idx)) idx++;
                    }
                }
            } catch (RuntimeException e) {
                if (key != 0) heap.decref(key);
                if (val != 0) heap.decref(val);
                heap.decref(rval);
                throw e;
            }
            next[0] = idx + 1;
            long hook = hasPairsHook ? pairsHook : objectHook;
            if (hasPairsHook || objectHook != heap.None) {
                try {
                    return vm.call(hook, rval);
                } finally {
                    heap.decref(rval);
                }
            }
            return rval;
        }

        /** _parse_array_unicode. */
        private long parseArray(long idx, long[] next) {
            long endIdx = t.len - 1;
            long rval = heap.lists.alloc(0);
            try {
                while (idx <= endIdx && ws(idx)) idx++;
                if (idx > endIdx || t.at(idx) != ']') {
                    long[] nx = {-1};
                    while (true) {
                        long val = scanOnce(idx, nx);
                        try {
                            heap.lists.append(rval, val);
                        } finally {
                            heap.decref(val);
                        }
                        idx = nx[0];
                        while (idx <= endIdx && ws(idx)) idx++;
                        if (idx <= endIdx && t.at(idx) == ']') break;
                        if (idx > endIdx || t.at(idx) != ',') throw errmsg("Expecting ',' delimiter", idx);
                        idx++;
                        while (idx <= endIdx && ws(idx)) idx++;
                    }
                }
                if (idx > endIdx || t.at(idx) != ']') throw errmsg("Expecting value", endIdx);
            } catch (RuntimeException e) {
                heap.decref(rval);
                throw e;
            }
            next[0] = idx + 1;
            return rval;
        }

        private boolean digit(long i) {
            int c = t.at(i);
            return c >= '0' && c <= '9';
        }

        /** _match_number_unicode: an int or float (parse_int/parse_float called with the text when they are not int/float), else StopIteration(start). */
        private long matchNumber(long start, long[] next) {
            long endIdx = t.len - 1;
            long idx = start;
            boolean isFloat = false;
            if (t.at(idx) == '-') {
                idx++;
                if (idx > endIdx) throw JsonModule.stopIteration(vm, start);
            }
            int c = t.at(idx);
            if (c >= '1' && c <= '9') {
                idx++;
                while (idx <= endIdx && digit(idx)) idx++;
            } else if (c == '0') {
                idx++;
            } else {
                throw JsonModule.stopIteration(vm, start);
            }
            if (idx < endIdx && t.at(idx) == '.' && digit(idx + 1)) {
                isFloat = true;
                idx += 2;
                while (idx <= endIdx && digit(idx)) idx++;
            }
            if (idx < endIdx && (t.at(idx) == 'e' || t.at(idx) == 'E')) {
                long eStart = idx;
                idx++;
                if (idx < endIdx && (t.at(idx) == '-' || t.at(idx) == '+')) idx++;
                while (idx <= endIdx && digit(idx)) idx++;
                if (digit(idx - 1)) isFloat = true;
                else idx = eStart;
            }
            long custom = 0;
            if (isFloat && parseFloat != heap.floats.address()) custom = parseFloat;
            else if (!isFloat && parseInt != heap.ints.address()) custom = parseInt;
            String text = t.substring(start, idx);
            long rval;
            if (custom != 0) {
                long numstr = vm.str(text);
                try {
                    rval = vm.call(custom, numstr);
                } finally {
                    heap.decref(numstr);
                }
            } else if (isFloat) {
                rval = vm.newFloat(Double.parseDouble(text));
            } else if (text.length() <= 18) {
                rval = vm.newInt(Long.parseLong(text));
            } else {
                long numstr = vm.str(text);
                try {
                    rval = vm.call(heap.ints.address(), numstr);
                } finally {
                    heap.decref(numstr);
                }
            }
            next[0] = idx;
            return rval;
        }
    }

    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "strict" -> vm.incref(Native.getByte(o + STRICT) != 0 ? heap.True : heap.False);
            case "object_hook" -> vm.incref(get(o, OBJECT_HOOK));
            case "object_pairs_hook" -> vm.incref(get(o, PAIRS_HOOK));
            case "parse_float" -> vm.incref(get(o, PARSE_FLOAT));
            case "parse_int" -> vm.incref(get(o, PARSE_INT));
            case "parse_constant" -> vm.incref(get(o, PARSE_CONSTANT));
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("strict") || java.util.Arrays.asList(ATTRS).contains(name)) throw vm.error("AttributeError", "readonly attribute");
        return false;
    }

    void install() {
        vm.defTpNew(this);
        defSlotWrapper("__call__", (s, a, o, n, kw) -> callOf(s, a, o, n, kw));
        vm.defMember(this, "strict");
        for (String name : ATTRS) vm.defMember(this, name);
        long moduleName = vm.str("_json");  // a spec-made type's dict holds __module__ from its tp_name
        vm.setTypeAttr(this, "__module__", moduleName);
        heap.decref(moduleName);
        JsonModule.docInDict(vm, this);
    }

}
