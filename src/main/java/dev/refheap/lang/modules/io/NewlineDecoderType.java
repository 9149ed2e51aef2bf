package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.StrType;

/**
 * {@code _io.IncrementalNewlineDecoder}: CPython 3.11's nldecoder_object, 40 bytes, not GC:
 * <pre> refcnt | type | decoder (None or a codec's incremental decoder) | errors | flags (int) </pre>
 * flags: bit 0 pendingcr (a '\r' held back until the next chunk shows whether '\n' follows),
 * bit 1 translate, bits 2-4 seennl (LF 1, CR 2, CRLF 4). States: uninitialized (decoder 0:
 * methods say so), initialized.
 */
final class NewlineDecoderType extends IoType {
    static final int DECODER = 16, ERRORS = 24, FLAGS = 32;
    static final int PENDINGCR = 1, TRANSLATE = 2, SEEN_SHIFT = 2, LF = 1, CR = 2, CRLF = 4;

    NewlineDecoderType(VmApi vm, IoModule.State st) {
        super(vm, st, "_io.IncrementalNewlineDecoder", null, dev.refheap.object.PyType.BASETYPE, 40, 0, 0,
                DECODER, ERRORS);
    }

    @Override
    public boolean hasFinalizer() { return false; }

    @Override
    long ownAttr(long o, String attrName) {
        if (attrName.equals("newlines")) {
            check(o);
            return newlines(o);
        }
        return 0;
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) { return false; }

    private void check(long o) {
        if (get(o, DECODER) == 0) throw vm.error("ValueError", "IncrementalNewlineDecoder.__init__() not called");
    }

    private static int flags(long o) { return Native.getInt(o + FLAGS); }

    private static void setFlags(long o, int f) { Native.putInt(o + FLAGS, f); }

    /** A new decoder over {@code decoder} (borrowed), errors "strict". */
    long create(long decoder, boolean translate) {
        long o = alloc();
        init(o, decoder, translate, 0);
        return o;
    }

    private void init(long o, long decoder, boolean translate, long errors) {
        set(o, DECODER, vm.incref(decoder));
        set(o, ERRORS, errors == 0 ? heap.strs.of("strict") : vm.incref(errors));
        setFlags(o, translate ? TRANSLATE : 0);
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "IncrementalNewlineDecoder", new String[] {"decoder", "translate", "errors"}, 2, 3, 0, a, off, n, kw);
        boolean translate = vm.truthy(p[1]);
        long o = alloc();
        init(o, p[0], translate, p[2]);
        return o;
    }

    /** _PyIncrementalNewlineDecoder_decode: a new str. */
    long decode(long o, long input, boolean fin) {
        check(o);
        long dec = get(o, DECODER);
        long output;
        if (dec == heap.None) {
            output = vm.incref(input);
        } else {
            long f = vm.incref(fin ? heap.True : heap.False);
            try {
                output = vm.callMethod(dec, "decode", input, f);
            } finally {
                heap.decref(f);
            }
        }
        String s;
        try {
            if (!vm.isStr(output)) throw vm.error("TypeError", "decoder should return a string result, not '" + vm.typeName(output) + "'");
            s = StrType.value(output);
        } catch (RuntimeException e) {
            heap.decref(output);
            throw e;
        }
        int flags = flags(o);
        boolean changed = false;
        if ((flags & PENDINGCR) != 0 && (fin || !s.isEmpty())) {
            s = "\r" + s;
            flags &= ~PENDINGCR;
            changed = true;
        }
        if (!fin && s.endsWith("\r")) {
            s = s.substring(0, s.length() - 1);
            flags |= PENDINGCR;
            changed = true;
        }
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') seen |= LF;
            else if (c == '\r') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    seen |= CRLF;
                    i++;
                } else seen |= CR;
            }
        }
        flags |= seen << SEEN_SHIFT;
        setFlags(o, flags);
        if ((flags & TRANSLATE) != 0 && (seen & (CR | CRLF)) != 0) {
            s = s.replace("\r\n", "\n").replace('\r', '\n');
            changed = true;
        }
        if (!changed) return output;
        heap.decref(output);
        return heap.strs.of(s);
    }

    /** The newline kinds seen: None, one str, or a tuple of them in the order "\r", "\n", "\r\n". */
    long newlines(long o) {
        int seen = (flags(o) >> SEEN_SHIFT) & 7;
        String[] kinds = switch (seen) {
            case 0 -> new String[0];
            case LF -> new String[] {"\n"};
            case CR -> new String[] {"\r"};
            case CR | LF -> new String[] {"\r", "\n"};
            case CRLF -> new String[] {"\r\n"};
            case LF | CRLF -> new String[] {"\n", "\r\n"};
            case CR | CRLF -> new String[] {"\r", "\r\n"};
            default -> new String[] {"\r", "\n", "\r\n"};
        };
        if (kinds.length == 0) return none();
        if (kinds.length == 1) return heap.strs.of(kinds[0]);
        long t = heap.tuples.alloc(kinds.length);
        for (int i = 0; i < kinds.length; i++) dev.refheap.object.TupleType.setItemSteal(t, i, heap.strs.of(kinds[i]));
        return t;
    }

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "IncrementalNewlineDecoder", new String[] {"decoder", "translate", "errors"}, 2, 3, 0, a, o, n, kw);
            init(s, p[0], vm.truthy(p[1]), p[2]);
            return none();
        });
        defMethod("decode", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "decode", new String[] {"input", "final"}, 1, 2, 0, a, o, n, kw);
            return decode(s, p[0], p[1] != 0 && vm.truthy(p[1]));
        });
        defMethod("getstate", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getstate", n, kw, 0, 0);
            check(s);
            long buffer;
            long flag;
            long dec = get(s, DECODER);
            if (dec != heap.None) {
                long state = vm.callMethod(dec, "getstate");
                try {
                    if (heap.typeOf(state) != heap.tuples || dev.refheap.object.TupleType.size(state) != 2) {
                        throw vm.error("TypeError", "illegal decoder state");
                    }
                    buffer = vm.incref(dev.refheap.object.TupleType.item(state, 0));
                    flag = vm.asIndex(dev.refheap.object.TupleType.item(state, 1)).longValue();
                } finally {
                    heap.decref(state);
                }
            } else {
                buffer = heap.bytes.of(new byte[0]);
                flag = 0;
            }
            flag <<= 1;
            if ((flags(s) & PENDINGCR) != 0) flag |= 1;
            long t = heap.tuples.alloc(2);
            dev.refheap.object.TupleType.setItemSteal(t, 0, buffer);
            dev.refheap.object.TupleType.setItemSteal(t, 1, vm.newInt(flag));
            return t;
        });
        defMethod("setstate", (s, a, o, n, kw) -> {
            Params.unpack(vm, "setstate", n, kw, 1, 1);
            check(s);
            long state = a[o];
            if (heap.typeOf(state) != heap.tuples || dev.refheap.object.TupleType.size(state) != 2) {
                throw vm.error("TypeError", "state argument must be a tuple");
            }
            long flag = vm.asIndex(dev.refheap.object.TupleType.item(state, 1)).longValue();
            int f = flags(s);
            setFlags(s, (flag & 1) != 0 ? f | PENDINGCR : f & ~PENDINGCR);
            long dec = get(s, DECODER);
            if (dec != heap.None) {
                long t = heap.tuples.alloc(2);
                dev.refheap.object.TupleType.setItemSteal(t, 0, vm.incref(dev.refheap.object.TupleType.item(state, 0)));
                dev.refheap.object.TupleType.setItemSteal(t, 1, vm.newInt(flag >> 1));
                try {
                    heap.decref(vm.callMethod(dec, "setstate", t));
                } finally {
                    heap.decref(t);
                }
            }
            return none();
        });
        defMethod("reset", (s, a, o, n, kw) -> {
            Params.unpack(vm, "reset", n, kw, 0, 0);
            check(s);
            setFlags(s, flags(s) & TRANSLATE);
            long dec = get(s, DECODER);
            if (dec != heap.None) heap.decref(vm.callMethod(dec, "reset"));
            return none();
        });
    }
}
