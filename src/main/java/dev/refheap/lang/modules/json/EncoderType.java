package dev.refheap.lang.modules.json;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/**
 * {@code _json.Encoder} ({@code make_encoder}): CPython 3.11's PyEncoderObject, a heap type made
 * from a spec (instances hold their type), 80 bytes plus the GC head:
 * <pre>
 *  refcnt | type | markers | defaultfn | encoder | indent | key_separator | item_separator
 *  | sort_keys (char) skipkeys (char) allow_nan (int) | fast_encode
 * </pre>
 * traverse: type, the six objects; tp_clear drops them. Calling it with {@code (obj,
 * _current_indent_level)} gives the JSON text as a list of strs (3.11's _PyAccu: the pieces joined every 100,000 of them and at the end): None/True/False, str
 * (through the encoder, or directly when it is one of _json's two functions: fast_encode), int
 * and float by int's and float's own repr (non-finite floats as NaN/Infinity/-Infinity unless
 * allow_nan is false), lists and tuples, dicts (keys str, float, bool, None or int, others
 * skipped with skipkeys, sorted with sort_keys), anything else through {@code default}. With
 * markers a dict, each container's id is kept in it while it is encoded ("Circular reference
 * detected"). The indent is accepted and ignored, as 3.11's C encoder does (json only uses it
 * without one).
 */
final class EncoderType extends FieldsType {
    static final int MARKERS = 16, DEFAULT = 24, ENCODER = 32, INDENT = 40, KEY_SEPARATOR = 48, ITEM_SEPARATOR = 56,
            SORT_KEYS = 64, SKIPKEYS = 65, ALLOW_NAN = 68, FAST_ENCODE = 72;
    private static final String[] KWLIST = {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys", "allow_nan"};
    private static final String NESTING = " while encoding a JSON object";
    private final JsonModule.State st;

    EncoderType(VmApi vm, JsonModule.State st) {
        super(vm, "_json.Encoder", PyType.HAVE_GC, 80, 0, MARKERS, DEFAULT, ENCODER, INDENT, KEY_SEPARATOR, ITEM_SEPARATOR);
        this.st = st;
    }

    @Override
    protected boolean heapTypeInstances() { return true; }

    /** Py_TPFLAGS_DEFAULT | HAVE_GC of a spec-made heap type, ready; VALID_VERSION_TAG once a lookup assigned one. */
    @Override
    protected long declaredFlags() { return 20992; }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        for (int off : new int[] {MARKERS, DEFAULT, ENCODER, INDENT, KEY_SEPARATOR, ITEM_SEPARATOR}) set(o, off, 0);
    }

    /** encoder_new: "OOOOUUppp:make_encoder", markers a dict or None; tracked at once (tp_alloc). */
    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "make_encoder", KWLIST, 9, 9, 0, a, off, n, kwnames);
        for (int i = 4; i <= 5; i++) {
            if (!vm.isStr(p[i])) throw vm.error("TypeError", "make_encoder() argument " + (i + 1) + " must be str, not " + vm.argTypeName(p[i]));
        }
        boolean sortKeys = vm.truthy(p[6]), skipkeys = vm.truthy(p[7]), allowNan = vm.truthy(p[8]);
        long markers = p[0];
        if (markers != heap.None && !vm.isInstanceOf(markers, heap.dicts)) {
            throw vm.error("TypeError", "make_encoder() argument 1 must be dict or None, not " + vm.typeName(markers));
        }
        long o = alloc();
        heap.track(o);
        int[] offs = {MARKERS, DEFAULT, ENCODER, INDENT, KEY_SEPARATOR, ITEM_SEPARATOR};
        for (int i = 0; i < offs.length; i++) put(o, offs[i], vm.incref(p[i]));
        Native.putByte(o + SORT_KEYS, (byte) (sortKeys ? 1 : 0));
        Native.putByte(o + SKIPKEYS, (byte) (skipkeys ? 1 : 0));
        Native.putInt(o + ALLOW_NAN, allowNan ? 1 : 0);
        Builtin impl = vm.builtinImpl(p[2]);
        Native.putLong(o + FAST_ENCODE, impl == null ? 0 : impl == st.encodeAscii ? 1 : impl == st.encodeUnicode ? 2 : 0);
        return o;
    }

    @Override
    public boolean callableInstances() { return true; }

    /** encoder_call: {@code _iterencode(obj, _current_indent_level)}: the accumulator's list of the text's chunks. */
    @Override
    public long callOf(long o, long[] a, int off, int n, long kwnames) {
        return JsonModule.tpCall(vm, a, off, n, kwnames, () -> encode(o, a, off, n, kwnames));
    }

    private long encode(long o, long[] a, int off, int n, long kwnames) {
        long[] p = Params.parse(vm, "_iterencode", new String[] {"obj", "_current_indent_level"}, 2, 2, 0, a, off, n, kwnames);
        Params.ssize(vm, p[1]);
        Enc e = new Enc(o);
        try {
            e.obj(p[0]);
        } catch (RuntimeException ex) {
            e.destroy();
            throw ex;
        }
        return e.finishAsList();
    }

    /** One call's encoding. */
    private final class Enc {
        /** The pieces accumulated since the last flush, joined; how many; the accumulator's two lists (_PyAccu). */
        final StringBuilder w = new StringBuilder();
        int nsmall;
        long small = heap.lists.alloc(0), large;
        final long markers, defaultFn, encoder;
        final boolean sortKeys, skipkeys, allowNan;
        final int fast;
        final long itemSeparator, keySeparator;
        String itemSep, keySep;

        Enc(long s) {
            markers = get(s, MARKERS);
            defaultFn = get(s, DEFAULT);
            encoder = get(s, ENCODER);
            itemSeparator = get(s, ITEM_SEPARATOR);
            keySeparator = get(s, KEY_SEPARATOR);
            sortKeys = Native.getByte(s + SORT_KEYS) != 0;
            skipkeys = Native.getByte(s + SKIPKEYS) != 0;
            allowNan = Native.getInt(s + ALLOW_NAN) != 0;
            fast = (int) Native.getLong(s + FAST_ENCODE);
        }

        private void itemSep() {
            if (itemSep == null) itemSep = StrType.value(itemSeparator);
            put(itemSep);
        }

        private void keySep() {
            if (keySep == null) keySep = StrType.value(keySeparator);
            put(keySep);
        }

        private void put(String piece) {
            w.append(piece);
            counted();
        }

        /**
         * _PyAccu_Accumulate's count: a piece was appended to {@link #w}; at 100,000 pieces they
         * are joined into one str on the large list (made on the first flush).
         */
        private void counted() {
            if (++nsmall >= 100000) flush();
        }

        private void flush() {
            if (nsmall == 0) return;
            if (large == 0) large = heap.lists.alloc(0);
            long joined = vm.str(w.toString());
            w.setLength(0);
            nsmall = 0;
            try {
                heap.lists.append(large, joined);
            } finally {
                heap.decref(joined);
            }
        }

        /** _PyAccu_FinishAsList: the last pieces flushed, the small list released; the large list. */
        long finishAsList() {
            try {
                flush();
            } catch (RuntimeException e) {
                destroy();
                throw e;
            }
            heap.decref(small);
            small = 0;
            long r = large;
            large = 0;
            return r;
        }

        /** _PyAccu_Destroy. */
        void destroy() {
            if (small != 0) heap.decref(small);
            if (large != 0) heap.decref(large);
            small = large = 0;
        }

        /** encoder_encode_float: NaN/Infinity/-Infinity (ValueError without allow_nan), else float's repr. */
        private String floatText(long f) {
            double d = FloatType.value(f);
            if (!Double.isFinite(d)) {
                if (!allowNan) throw vm.error("ValueError", "Out of range float values are not JSON compliant");
                return d > 0 ? "Infinity" : d < 0 ? "-Infinity" : "NaN";
            }
            return vm.reprAs(heap.floats, f);
        }

        /** encoder_encode_string into the text: fast_encode, or the encoder's result (a str). */
        private void string(long s) {
            if (fast == 1) {
                JsonModule.asciiEscape(w, s);
                counted();
                return;
            }
            if (fast == 2) {
                JsonModule.unicodeEscape(w, s);
                counted();
                return;
            }
            long encoded = vm.call(encoder, s);
            try {
                if (!vm.isStr(encoded)) throw vm.error("TypeError", "encoder() must return a string, not " + vm.typeName(encoded));
                put(StrType.value(encoded));
            } finally {
                heap.decref(encoded);
            }
        }

        /** Markers' check and entry for container {@code o}: the ident (a new int), or 0 without markers. */
        private long enter(long o) {
            if (markers == heap.None) return 0;
            long ident = vm.newInt(o);
            try {
                if (heap.dicts.contains(markers, ident)) throw vm.error("ValueError", "Circular reference detected");
                heap.dicts.setItem(markers, ident, o);
            } catch (RuntimeException e) {
                heap.decref(ident);
                throw e;
            }
            return ident;
        }

        private void leave(long ident) {
            if (ident == 0) return;
            try {
                if (!heap.dicts.delItem(markers, ident)) throw new PyException(vm.call(vm.exceptionType("KeyError").address(), ident));
            } finally {
                heap.decref(ident);
            }
        }

        /** encoder_listencode_obj. */
        void obj(long o) {
            if (o == heap.None) put("null");
            else if (o == heap.True) put("true");
            else if (o == heap.False) put("false");
            else if (vm.isStr(o)) string(o);
            else if (vm.isInstanceOf(o, heap.ints)) put(vm.reprAs(heap.ints, o));
            else if (vm.isInstanceOf(o, heap.floats)) put(floatText(o));
            else if (vm.isInstanceOf(o, heap.lists) || vm.isInstanceOf(o, heap.tuples)) {
                vm.enterRecursiveCall(NESTING);
                try {
                    list(o);
                } finally {
                    vm.leaveRecursiveCall();
                }
            } else if (vm.isInstanceOf(o, heap.dicts)) {
                vm.enterRecursiveCall(NESTING);
                try {
                    dict(o);
                } finally {
                    vm.leaveRecursiveCall();
                }
            } else {
                long ident = enter(o);
                long newobj;
                try {
                    newobj = vm.call(defaultFn, o);
                } catch (RuntimeException e) {
                    if (ident != 0) heap.decref(ident);
                    throw e;
                }
                try {
                    vm.enterRecursiveCall(NESTING);
                    try {
                        obj(newobj);
                    } finally {
                        vm.leaveRecursiveCall();
                    }
                } catch (RuntimeException e) {
                    heap.decref(newobj);
                    if (ident != 0) heap.decref(ident);
                    throw e;
                }
                heap.decref(newobj);
                leave(ident);
            }
        }

        /**
         * encoder_listencode_list: PySequence_Fast's items (an exact list or tuple itself, else a
         * new list of what iterating it gives), the size read again at each step; the markers
         * hold the object itself.
         */
        private void list(long seq) {
            long fast;
            if (heap.typeOf(seq) == heap.lists || heap.typeOf(seq) == heap.tuples) {
                fast = vm.incref(seq);
            } else {
                long it;
                try {
                    it = vm.iter(seq);
                } catch (PyException e) {
                    if (!vm.isInstance(e, "TypeError")) throw e;
                    heap.decref(e.exc());
                    throw vm.error("TypeError", "_iterencode_list needs a sequence");
                }
                try {
                    fast = listOf(it);
                } finally {
                    heap.decref(it);
                }
            }
            try {
                boolean isList = heap.typeOf(fast) == heap.lists;
                if (size(fast, isList) == 0) {
                    put("[]");
                    return;
                }
                long ident = enter(seq);
                try {
                    put("[");
                    for (long i = 0; i < size(fast, isList); i++) {
                        if (i > 0) itemSep();
                        obj(isList ? ListType.item(fast, i) : TupleType.item(fast, i));
                    }
                } catch (RuntimeException e) {
                    if (ident != 0) heap.decref(ident);
                    throw e;
                }
                leave(ident);
                put("]");
            } finally {
                heap.decref(fast);
            }
        }

        /** PySequence_List of iterator {@code it}: a new list of its items. */
        private long listOf(long it) {
            long l = heap.lists.alloc(0);
            try {
                long x;
                while ((x = vm.next(it)) != 0) {
                    heap.lists.append(l, x);
                    heap.decref(x);
                }
            } catch (RuntimeException e) {
                heap.decref(l);
                throw e;
            }
            return l;
        }

        private long size(long seq, boolean isList) { return isList ? ListType.size(seq) : TupleType.size(seq); }

        /** encoder_listencode_dict. */
        private void dict(long dct) {
            if (DictType.size(dct) == 0) {
                put("{}");
                return;
            }
            long ident = enter(dct);
            long it = 0, item = 0;
            try {
                put("{");
                long items = items(dct);
                try {
                    if (sortKeys) heap.decref(vm.callMethod(items, "sort"));
                    it = vm.iter(items);
                } finally {
                    heap.decref(items);
                }
                long idx = 0;
                while ((item = vm.next(it)) != 0) {
                    if (heap.typeOf(item) != heap.tuples && !vm.isInstanceOf(item, heap.tuples) || TupleType.size(item) != 2) {
                        throw vm.error("ValueError", "items must return 2-tuples");
                    }
                    long key = TupleType.item(item, 0);
                    String kstr;
                    if (vm.isStr(key)) kstr = null;
                    else if (vm.isInstanceOf(key, heap.floats)) kstr = floatText(key);
                    else if (key == heap.True) kstr = "true";
                    else if (key == heap.False) kstr = "false";
                    else if (key == heap.None) kstr = "null";
                    else if (vm.isInstanceOf(key, heap.ints)) kstr = vm.reprAs(heap.ints, key);
                    else if (skipkeys) {
                        heap.decref(item);
                        item = 0;
                        continue;
                    } else {
                        throw vm.error("TypeError", "keys must be str, int, float, bool or None, not " + vm.typeName(key));
                    }
                    if (idx > 0) itemSep();
                    if (kstr == null) {
                        string(key);
                    } else {
                        long ks = vm.str(kstr);
                        try {
                            string(ks);
                        } finally {
                            heap.decref(ks);
                        }
                    }
                    keySep();
                    obj(TupleType.item(item, 1));
                    idx++;
                    heap.decref(item);
                    item = 0;
                }
                heap.decref(it);
                it = 0;
            } catch (RuntimeException e) {
                if (it != 0) heap.decref(it);
                if (item != 0) heap.decref(item);
                if (ident != 0) heap.decref(ident);
                throw e;
            }
            leave(ident);
            put("}");
        }

        /**
         * PyMapping_Items: for an exact dict PyDict_Items (a list of n new 2-tuples), else the
         * {@code items()} method's result as a list.
         */
        private long items(long dct) {
            if (heap.typeOf(dct) == heap.dicts) {
                long n = DictType.size(dct);
                long v = heap.lists.alloc(n);
                for (long i = 0; i < n; i++) ListType.setItemSteal(v, i, heap.tuples.alloc(2));
                long[] i = {0};
                heap.dicts.forEach(dct, (k, val) -> {
                    long t = ListType.item(v, i[0]++);
                    TupleType.setItemSteal(t, 0, vm.incref(k));
                    TupleType.setItemSteal(t, 1, vm.incref(val));
                });
                return v;
            }
            long out = vm.callMethod(dct, "items");
            if (heap.typeOf(out) == heap.lists) return out;
            long iter;
            try {
                iter = vm.iter(out);
            } catch (PyException e) {
                if (vm.isInstance(e, "TypeError")) {
                    heap.decref(e.exc());
                    String tn = vm.typeName(out);
                    heap.decref(out);
                    throw vm.error("TypeError", vm.typeName(dct) + ".items() returned a non-iterable (type " + tn + ")");
                }
                heap.decref(out);
                throw e;
            }
            heap.decref(out);
            try {
                return listOf(iter);
            } finally {
                heap.decref(iter);
            }
        }
    }

    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "markers" -> vm.incref(get(o, MARKERS));
            case "default" -> vm.incref(get(o, DEFAULT));
            case "encoder" -> vm.incref(get(o, ENCODER));
            case "indent" -> vm.incref(get(o, INDENT));
            case "key_separator" -> vm.incref(get(o, KEY_SEPARATOR));
            case "item_separator" -> vm.incref(get(o, ITEM_SEPARATOR));
            case "sort_keys" -> vm.incref(Native.getByte(o + SORT_KEYS) != 0 ? heap.True : heap.False);
            case "skipkeys" -> vm.incref(Native.getByte(o + SKIPKEYS) != 0 ? heap.True : heap.False);
            default -> 0;
        };
    }

    private static final java.util.Set<String> MEMBERS = java.util.Set.of("markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys");

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (MEMBERS.contains(name)) throw vm.error("AttributeError", "readonly attribute");
        return false;
    }

    void install() {
        vm.defTpNew(this);
        defSlotWrapper("__call__", (s, a, o, n, kw) -> callOf(s, a, o, n, kw));
        for (String name : new String[] {"markers", "default", "encoder", "indent", "key_separator", "item_separator", "sort_keys", "skipkeys"}) vm.defMember(this, name);
        long moduleName = vm.str("_json");
        vm.setTypeAttr(this, "__module__", moduleName);
        heap.decref(moduleName);
        JsonModule.docInDict(vm, this);
    }
}
