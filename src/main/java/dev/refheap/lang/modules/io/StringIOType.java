package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;

/**
 * {@code _io.StringIO}: CPython 3.11's stringio struct, 120 bytes plus the GC head:
 * <pre>
 *  refcnt | type | buf (Py_UCS4[buf_size], PyMem) | pos | string_size | buf_size | state (int)
 *  | accu (2 words, unused: refheap is always in the realized state) | ok, closed, readuniversal,
 *  readtranslate (chars) | decoder | readnl | writenl | dict | weakreflist
 * </pre>
 * Invariants: {@code string_size <= buf_size}; characters past string_size are not text; pos may
 * lie past string_size (a write there pads with U+0000). The text in buf is already translated by
 * the newline mode (write translates). States: uninitialized (ok 0: every method but close says
 * so), open, closed (buf freed). Tracked; traverse visits the dict only (stringio_traverse); the
 * size is the struct's whatever the text (3.11 has no StringIO.__sizeof__).
 */
final class StringIOType extends IoType {
    static final int BUF = 16, POS = 24, STRING_SIZE = 32, BUF_SIZE = 40, STATE = 48, OK = 72, CLOSED = 73,
            READUNIVERSAL = 74, READTRANSLATE = 75, DECODER = 80, READNL = 88, WRITENL = 96, DICT = 104, WEAKREFLIST = 112;

    StringIOType(VmApi vm, IoModule.State st, PyType base) {
        super(vm, st, "_io.StringIO", base, PyType.HAVE_GC | PyType.BASETYPE, 120, DICT, WEAKREFLIST,
                DECODER, READNL, WRITENL, DICT);
    }

    @Override
    protected boolean traversesDictOnly() { return true; }

    @Override
    protected void freeArrays(long o) {
        long b = get(o, BUF);
        if (b != 0) {
            put(o, BUF, 0);
            heap.memFree(b);
        }
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = newEmpty();
        try {
            init(o, a, off, n, kwnames);
        } catch (RuntimeException e) {
            heap.decref(o);
            throw e;
        }
        return o;
    }

    @Override
    public long newUninitialized() { return newEmpty(); }

    /** stringio_new: a buffer of one character, not yet initialized. */
    long newEmpty() {
        long o = alloc();
        put(o, BUF, heap.memAlloc(4));
        heap.track(o);
        return o;
    }

    private static boolean flag(long o, int off) { return Native.getByte(o + off) != 0; }

    private static void setFlag(long o, int off, boolean v) { Native.putByte(o + off, (byte) (v ? 1 : 0)); }

    static long pos(long o) { return get(o, POS); }

    static long size(long o) { return get(o, STRING_SIZE); }

    // ---- __init__ -----------------------------------------------------------------------------------

    private static final String[] INIT = {"initial_value", "newline"};

    void init(long o, long[] a, int off, int n, long kw) {
        long[] p = Params.parse(vm, "StringIO", INIT, 0, 2, 0, a, off, n, kw);
        long value = p[0], newlineObj = p[1];
        String newline = "\n";
        if (newlineObj != 0) {
            if (newlineObj == heap.None) newline = null;
            else if (!vm.isStr(newlineObj)) throw vm.error("TypeError", "newline must be str or None, not " + vm.typeName(newlineObj));
            else newline = vm.strValue(newlineObj);
        }
        if (newline != null && !newline.isEmpty() && !newline.equals("\n") && !newline.equals("\r") && !newline.equals("\r\n")) {
            throw vm.error("ValueError", "illegal newline value: " + vm.repr(newlineObj));
        }
        if (value != 0 && value != heap.None && !vm.isStr(value)) {
            throw vm.error("TypeError", "initial_value must be str or None, not " + vm.typeName(value));
        }
        setFlag(o, OK, false);
        set(o, READNL, 0);
        set(o, WRITENL, 0);
        set(o, DECODER, 0);
        if (newline != null) put(o, READNL, heap.strs.of(newline));
        setFlag(o, READUNIVERSAL, newline == null || newline.isEmpty());
        setFlag(o, READTRANSLATE, newline == null);
        // newline "\r" or "\r\n": writes turn "\n" into it; newline None: into os.linesep ("\n")
        if (newline != null && newline.startsWith("\r")) put(o, WRITENL, vm.incref(get(o, READNL)));
        if (flag(o, READUNIVERSAL)) {
            put(o, DECODER, st.newlineDecoder.create(heap.None, flag(o, READTRANSLATE)));
        }
        put(o, STRING_SIZE, 0);
        put(o, POS, 0);
        setFlag(o, CLOSED, false);
        if (value != 0 && value != heap.None && StrType.length(value) > 0) {
            writeStr(o, value);
            put(o, POS, 0);
        }
        Native.putInt(o + STATE, 1);  // STATE_REALIZED
        setFlag(o, OK, true);
    }

    // ---- the buffer ---------------------------------------------------------------------------------

    /** resize_buffer: capacity for {@code size} characters (overallocating by an eighth), or shrinking to it. */
    private void resize(long o, long size) {
        long alloc = get(o, BUF_SIZE);
        if (size < alloc / 2) {
            alloc = size + 1;
        } else if (size < alloc) {
            return;
        } else if (size <= alloc * 9 / 8) {
            alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
        } else {
            alloc = size + 1;
        }
        put(o, BUF, heap.memRealloc(get(o, BUF), alloc * 4));
        put(o, BUF_SIZE, alloc);
    }

    private static int charAt(long o, long i) { return Native.getInt(get(o, BUF) + 4 * i); }

    private String text(long o, long from, long to) {
        StringBuilder sb = new StringBuilder((int) Math.max(0, to - from));
        long b = get(o, BUF);
        for (long i = from; i < to; i++) sb.appendCodePoint(Native.getInt(b + 4 * i));
        return sb.toString();
    }

    private long strOf(long o, long from, long to) { return heap.strs.of(text(o, from, to)); }

    /** write_str: decoded by the newline decoder, "\n" translated to writenl, stored at pos. */
    long writeStr(long o, long obj) {
        long len = StrType.length(obj);
        long decoded;
        if (get(o, DECODER) != 0) decoded = st.newlineDecoder.decode(get(o, DECODER), obj, true);
        else decoded = vm.incref(obj);
        String s;
        try {
            s = StrType.value(decoded);
        } finally {
            heap.decref(decoded);
        }
        if (get(o, WRITENL) != 0) s = s.replace("\n", StrType.value(get(o, WRITENL)));
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) return len;
        long pos = pos(o), end = pos + cps.length;
        if (end > get(o, BUF_SIZE)) resize(o, end);
        long b = get(o, BUF);
        for (long i = size(o); i < pos; i++) Native.putInt(b + 4 * i, 0);
        for (int i = 0; i < cps.length; i++) Native.putInt(b + 4 * (pos + i), cps[i]);
        put(o, POS, end);
        if (end > size(o)) put(o, STRING_SIZE, end);
        return len;
    }

    // ---- checks -------------------------------------------------------------------------------------

    private void checkInitialized(long o) {
        if (!flag(o, OK)) throw vm.error("ValueError", "I/O operation on uninitialized object");
    }

    private void checkClosed(long o) {
        if (flag(o, CLOSED)) throw vm.error("ValueError", "I/O operation on closed file");
    }

    private void check(long o) {
        checkInitialized(o);
        checkClosed(o);
    }

    @Override
    long ownAttr(long o, String attrName) {
        switch (attrName) {
            case "closed" -> {
                checkInitialized(o);
                return bool(flag(o, CLOSED));
            }
            case "line_buffering" -> {
                check(o);
                return bool(false);
            }
            case "newlines" -> {
                check(o);
                if (get(o, DECODER) == 0) return none();
                return st.newlineDecoder.newlines(get(o, DECODER));
            }
            default -> { return 0; }
        }
    }

    // ---- reading ------------------------------------------------------------------------------------

    /** _PyIO_find_line_ending over buf[start, end): the length of the line including its ending, or -1. */
    private long lineEnd(long o, long start, long end) {
        if (flag(o, READTRANSLATE)) {
            for (long i = start; i < end; i++) if (charAt(o, i) == '\n') return i - start + 1;
            return -1;
        }
        if (flag(o, READUNIVERSAL)) {
            for (long i = start; i < end; i++) {
                int c = charAt(o, i);
                if (c == '\n') return i - start + 1;
                if (c == '\r') return i + 1 < end && charAt(o, i + 1) == '\n' ? i - start + 2 : i - start + 1;
            }
            return -1;
        }
        String nl = StrType.value(get(o, READNL));
        int first = nl.charAt(0);
        for (long i = start; i < end; i++) {
            if (charAt(o, i) != first) continue;
            boolean match = true;
            for (int k = 1; k < nl.length(); k++) {
                if (i + k >= end || charAt(o, i + k) != nl.charAt(k)) {
                    match = false;
                    break;
                }
            }
            if (match) return i - start + nl.length();
        }
        return -1;
    }

    /** _stringio_readline: the next line, at most {@code limit} characters (negative: no limit). */
    long readline(long o, long limit) {
        long pos = pos(o), size = size(o);
        if (pos >= size) return heap.strs.of("");
        long end = limit < 0 || limit > size - pos ? size : pos + limit;
        long len = lineEnd(o, pos, end);
        if (len < 0) len = end - pos;
        put(o, POS, pos + len);
        return strOf(o, pos, pos + len);
    }

    // ---- the methods --------------------------------------------------------------------------------

    void install() {
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            init(s, a, o, n, kw);
            return none();
        });
        defMethod("getvalue", (s, a, o, n, kw) -> {
            Params.unpack(vm, "getvalue", n, kw, 0, 0);
            check(s);
            return strOf(s, 0, size(s));
        });
        defMethod("tell", (s, a, o, n, kw) -> {
            Params.unpack(vm, "tell", n, kw, 0, 0);
            check(s);
            return vm.newInt(pos(s));
        });
        defMethod("read", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "read", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            check(s);
            long pos = pos(s), avail = Math.max(0, size(s) - pos);
            if (size < 0 || size > avail) size = avail;
            if (size <= 0) return heap.strs.of("");
            put(s, POS, pos + size);
            return strOf(s, pos, pos + size);
        });
        defMethod("readline", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "readline", new String[] {"size"}, 0, 1, 1, a, o, n, kw);
            long size = optSize(p[0]);
            check(s);
            return readline(s, size);
        });
        defMethod("truncate", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "truncate", new String[] {"pos"}, 0, 1, 1, a, o, n, kw);
            check(s);
            long size = p[0] == 0 || p[0] == heap.None ? pos(s) : optSize(p[0]);  // _Py_convert_optional_to_ssize_t
            if (size < 0) throw vm.error("ValueError", "Negative size value " + size);
            if (size < size(s)) {
                resize(s, size);
                put(s, STRING_SIZE, size);
            }
            return vm.newInt(size);
        });
        defMethod("seek", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "seek", new String[] {"pos", "whence"}, 1, 2, 2, a, o, n, kw);
            long pos = Params.ssize(vm, p[0]);
            int whence = p[1] == 0 ? 0 : (int) Params.ssize(vm, p[1]);
            check(s);
            if (whence != 0 && whence != 1 && whence != 2) throw vm.error("ValueError", "Invalid whence (" + whence + ", should be 0, 1 or 2)");
            if (pos < 0 && whence == 0) throw vm.error("ValueError", "Negative seek position " + pos);
            if (whence != 0 && pos != 0) throw vm.error("OSError", "Can't do nonzero cur-relative seeks");
            if (whence == 1) pos = pos(s);
            else if (whence == 2) pos = size(s);
            put(s, POS, pos);
            return vm.newInt(pos);
        });
        defMethod("write", (s, a, o, n, kw) -> {
            Params.unpack(vm, "write", n, kw, 1, 1);
            check(s);
            long obj = a[o];
            if (!vm.isStr(obj)) throw vm.error("TypeError", "string argument expected, got '" + vm.typeName(obj) + "'");
            return vm.newInt(writeStr(s, obj));
        });
        for (String m : new String[] {"readable", "writable", "seekable"}) {
            defMethod(m, (s, a, o, n, kw) -> {
                Params.unpack(vm, m, n, kw, 0, 0);
                check(s);
                return bool(true);
            });
        }
        defMethod("close", (s, a, o, n, kw) -> {
            Params.unpack(vm, "close", n, kw, 0, 0);
            setFlag(s, CLOSED, true);
            // free up some memory
            resize(s, 0);
            return none();
        });
        defSlotWrapper("__next__", (s, a, o, n, kw) -> {
            Params.unpack(vm, "__next__", n, kw, 0, 0);
            long line = nextLine(s);
            if (line == 0) throw vm.error("StopIteration", null);
            return line;
        });
        defMethod("__getstate__", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support StringIO.__getstate__ yet"); });
        defMethod("__setstate__", (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support StringIO.__setstate__ yet"); });
    }

    /** stringio_iternext: readline (the subclass's own when it overrides it); 0 at the end. */
    private long nextLine(long s) {
        check(s);
        long line;
        if (exact(s)) {
            line = readline(s, -1);
        } else {
            line = vm.callMethod(s, "readline");
            if (!vm.isStr(line)) {
                String tn = vm.typeName(line);
                heap.decref(line);
                throw vm.error("OSError", "readline() should have returned a str object, not '" + tn + "'");
            }
        }
        if (StrType.length(line) == 0) {
            heap.decref(line);
            return 0;
        }
        return line;
    }

    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long nextOf(long o) { return nextLine(o); }

    @Override
    public String reprOf(long o) { return "<_io.StringIO object at 0x" + Long.toHexString(o) + ">"; }
}
