package dev.refheap.lang.modules.csv;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code _csv.Dialect}: CPython 3.11's DialectObj, 48 bytes plus the GC head, a heap type:
 * <pre>
 *  refcnt | type | doublequote, skipinitialspace, strict (chars) . quoting (int) | delimiter . quotechar (UCS4)
 *  | escapechar (UCS4) | lineterminator (str or NULL)
 * </pre>
 * A character that is not set is {@link #NOT_SET}. Immutable once made; traverse visits the
 * lineterminator, then the type.
 */
final class DialectType extends CsvType {
    static final int DOUBLEQUOTE = 16, SKIPINITIALSPACE = 17, STRICT = 18, QUOTING = 20, DELIMITER = 24, QUOTECHAR = 28,
            ESCAPECHAR = 32, LINETERMINATOR = 40;
    static final int NOT_SET = -1;
    private static final String[] KEYWORDS = {"dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar",
        "quoting", "skipinitialspace", "strict"};
    private final CsvModule.State st;

    DialectType(VmApi vm, CsvModule.State st) {
        // HAVE_GC | BASETYPE | HEAPTYPE | IMMUTABLETYPE | READY | VALID_VERSION_TAG, as CPython 3.11.7 reports once used
        super(vm, "_csv.Dialect", 48, 0x5700, 0, LINETERMINATOR);
        this.st = st;
    }

    static int delimiter(long d) { return Native.getInt(d + DELIMITER); }
    static int quotechar(long d) { return Native.getInt(d + QUOTECHAR); }
    static int escapechar(long d) { return Native.getInt(d + ESCAPECHAR); }
    static int quoting(long d) { return Native.getInt(d + QUOTING); }
    static boolean doublequote(long d) { return Native.getByte(d + DOUBLEQUOTE) != 0; }
    static boolean skipinitialspace(long d) { return Native.getByte(d + SKIPINITIALSPACE) != 0; }
    static boolean strict(long d) { return Native.getByte(d + STRICT) != 0; }
    static long lineterminator(long d) { return get(d, LINETERMINATOR); }

    /** dialect_new: from a dialect (instance, class or registered name) and keywords, validated as 3.11 does. */
    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        int nkw = dev.refheap.lang.modules.Params.nkw(kw);
        int npos = n - nkw;
        if (npos > KEYWORDS.length) throw vm.error("TypeError", "function takes at most 9 arguments (" + npos + " given)");
        long[] v = new long[KEYWORDS.length];
        for (int i = 0; i < npos; i++) v[i] = a[off + i];
        for (int k = 0; k < nkw; k++) {
            String name = CsvModule.kwName(kw, k);
            int idx = java.util.Arrays.asList(KEYWORDS).indexOf(name);
            if (idx < 0) throw vm.error("TypeError", "'" + name + "' is an invalid keyword argument for this function");
            if (v[idx] != 0) throw vm.error("TypeError", "argument for function given by name ('" + name + "') and position (" + (idx + 1) + ")");
            v[idx] = a[off + npos + k];
        }
        long dialect = v[0];
        boolean ownDialect = false;
        if (dialect != 0) {
            if (vm.isStr(dialect)) dialect = CsvModule.fromRegistry(vm, st, dialect);
            boolean noOptions = true;
            for (int i = 1; i < v.length; i++) if (v[i] != 0) noOptions = false;
            if (noOptions && vm.isInstanceOf(dialect, this)) return vm.incref(dialect);
        }
        long[] owned = new long[KEYWORDS.length];  // the attributes read from the dialect (new references)
        try {
            if (dialect != 0) {
                for (int i = 1; i < v.length; i++) {
                    if (v[i] == 0) {
                        long got;
                        try {
                            got = vm.getAttrOrNull(dialect, KEYWORDS[i]);
                        } catch (PyException e) {
                            got = 0;  // DIALECT_GETATTR clears any error
                        }
                        owned[i] = got;
                        v[i] = got;
                    }
                }
            }
            long o = alloc();
            try {
                Native.putInt(o + DELIMITER, setChar("delimiter", v[1], ','));
                Native.putByte(o + DOUBLEQUOTE, (byte) (v[2] == 0 || vm.truthy(v[2]) ? 1 : 0));
                Native.putInt(o + ESCAPECHAR, setCharOrNone("escapechar", v[3], NOT_SET));
                if (v[4] == 0) put(o, LINETERMINATOR, vm.str("\r\n"));
                else if (v[4] != heap.None) {
                    if (!vm.isStr(v[4])) throw vm.error("TypeError", "\"lineterminator\" must be a string");
                    put(o, LINETERMINATOR, vm.incref(v[4]));
                }
                Native.putInt(o + QUOTECHAR, setCharOrNone("quotechar", v[5], '"'));
                int quoting = QUOTE_MINIMAL_DEFAULT;
                if (v[6] != 0) {
                    if (heap.typeOf(v[6]) != heap.ints) throw vm.error("TypeError", "\"quoting\" must be an integer");
                    java.math.BigInteger q = vm.asIndex(v[6]);
                    quoting = q.bitLength() > 31 ? Integer.MAX_VALUE : q.intValue();
                }
                Native.putByte(o + SKIPINITIALSPACE, (byte) (v[7] != 0 && vm.truthy(v[7]) ? 1 : 0));
                Native.putByte(o + STRICT, (byte) (v[8] != 0 && vm.truthy(v[8]) ? 1 : 0));
                if (quoting < CsvModule.QUOTE_MINIMAL || quoting > CsvModule.QUOTE_NONE) throw vm.error("TypeError", "bad \"quoting\" value");
                if (delimiter(o) == NOT_SET) throw vm.error("TypeError", "\"delimiter\" must be a 1-character string");
                if (v[5] == heap.None && v[6] == 0) quoting = CsvModule.QUOTE_NONE;
                Native.putInt(o + QUOTING, quoting);
                if (quoting != CsvModule.QUOTE_NONE && quotechar(o) == NOT_SET) throw vm.error("TypeError", "quotechar must be set if quoting enabled");
                if (lineterminator(o) == 0) throw vm.error("TypeError", "lineterminator must be set");
            } catch (PyException e) {
                heap.decref(o);
                throw e;
            }
            heap.track(o);
            return o;
        } finally {
            for (long x : owned) if (x != 0) heap.decref(x);
            if (ownDialect) heap.decref(dialect);
        }
    }

    private static final int QUOTE_MINIMAL_DEFAULT = CsvModule.QUOTE_MINIMAL;

    /** _set_char: a 1-character str. */
    private int setChar(String name, long src, int dflt) {
        if (src == 0) return dflt;
        if (!vm.isStr(src)) throw vm.error("TypeError", "\"" + name + "\" must be string, not " + vm.typeName(src));
        String s = vm.strValue(src);
        if (s.codePointCount(0, s.length()) != 1) throw vm.error("TypeError", "\"" + name + "\" must be a 1-character string");
        return s.codePointAt(0);
    }

    /** _set_char_or_none: a 1-character str or None (not set). */
    private int setCharOrNone(String name, long src, int dflt) {
        if (src == 0) return dflt;
        if (src == heap.None) return NOT_SET;
        if (!vm.isStr(src)) throw vm.error("TypeError", "\"" + name + "\" must be string or None, not " + vm.typeName(src));
        String s = vm.strValue(src);
        if (s.codePointCount(0, s.length()) != 1) throw vm.error("TypeError", "\"" + name + "\" must be a 1-character string");
        return s.codePointAt(0);
    }

    private long charOrNone(int c) {
        return c == NOT_SET ? vm.incref(heap.None) : vm.str(new String(Character.toChars(c)));
    }

    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "delimiter" -> charOrNone(delimiter(o));
            case "quotechar" -> charOrNone(quotechar(o));
            case "escapechar" -> charOrNone(escapechar(o));
            case "lineterminator" -> vm.incref(lineterminator(o) == 0 ? heap.None : lineterminator(o));
            case "doublequote" -> vm.incref(doublequote(o) ? heap.True : heap.False);
            case "skipinitialspace" -> vm.incref(skipinitialspace(o) ? heap.True : heap.False);
            case "strict" -> vm.incref(strict(o) ? heap.True : heap.False);
            case "quoting" -> vm.newInt(quoting(o));
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        switch (name) {
            case "delimiter", "quotechar", "escapechar", "doublequote", "quoting", "lineterminator" ->
                throw vm.error("AttributeError", "attribute '" + name + "' of '_csv.Dialect' objects is not writable");
            case "skipinitialspace", "strict" -> throw vm.error("AttributeError", "readonly attribute");
            default -> {
                return false;
            }
        }
    }

    void install() {
        vm.registerType(this);
    }
}
