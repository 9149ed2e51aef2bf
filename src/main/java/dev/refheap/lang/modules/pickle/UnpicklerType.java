package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
import dev.refheap.object.IntType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code _pickle.Unpickler}: CPython 3.11's UnpicklerObject, a static GC type of 272 bytes that
 * Python classes may derive from. The owned fields, in tp_traverse's order: readline, readinto,
 * read, peek (the file's methods), pers_func, buffers (the iterator of out-of-band buffers);
 * pers_func_self is borrowed. The stack (C's Pdata, with its fence), the marks, the memo (index →
 * object, each a strong reference), the input buffer and the encoding and errors live on the Java
 * side in a {@link Load} per instance; {@code __sizeof__} counts them as C does (8 bytes per memo
 * slot, 32 at first and doubled past the index; 8 per mark slot; the encoding's and errors' C
 * strings).
 *
 * <p>States: made (nothing set: {@code load} says {@code __init__} was not called), initialised,
 * loading (the stack, marks and protocol reset at each {@code load()}). Every opcode of
 * protocols 0-5 is read as 3.11's C unpickler reads it, with its errors: EOFError "Ran out of
 * input" where an opcode is missing, UnpicklingError "pickle data was truncated" where its
 * argument is, "invalid load key", stack underflow, a missing MARK, an unknown memo index.
 * Globals come through {@code self.find_class} (overridable), mapped from Python 2's names by
 * _compat_pickle below protocol 3 with fix_imports.
 */
final class UnpicklerType extends PickleObjectType {
    static final int READLINE = 24, READINTO = 32, READ = 40, PEEK = 48, PERS_FUNC = 56, PERS_FUNC_SELF = 64, BUFFERS = 72,
            PROTO = 80, FIX_IMPORTS = 84, INITED = 88;
    private final PickleModule.State st;
    private final Map<Long, Load> loads = new HashMap<>();

    UnpicklerType(VmApi vm, PickleModule.State st) {
        super(vm, "_pickle.Unpickler", HAVE_GC | BASETYPE, 272, 0, READLINE, READINTO, READ, PEEK, PERS_FUNC, BUFFERS);
        this.st = st;
    }

    /** One unpickler's stack, marks, memo and input. */
    static final class Load {
        final ArrayList<Long> stack = new ArrayList<>();
        int fence;
        boolean markSet;
        int[] marks = new int[0];
        int numMarks;
        long[] memo = new long[32];
        long memoLen;
        String encoding = "ASCII", errors = "strict";
        /** Input: the data (loads) or what was last read from the file, and the read position in it. */
        byte[] input = new byte[0];
        int pos;
        boolean fromFile;
        /** The size of C's input_line (the last line read from the file, NUL included), 0 before any. */
        long inputLine;
    }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    protected long declaredFlags() { return 0x5500; }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        for (int off : new int[] {READLINE, READINTO, READ, PEEK, PERS_FUNC, BUFFERS}) set(o, off, 0);
        put(o, PERS_FUNC_SELF, 0);
        Load l = loads.remove(o);
        if (l != null) release(l);
    }

    private void release(Load l) {
        clearStack(l, 0);
        long[] m = l.memo;
        l.memo = new long[0];
        for (long v : m) if (v != 0) heap.decref(v);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        Load l = loads.remove(o);
        if (l != null) release(l);
        super.dealloc(o);
    }

    /** Every reference the instance owns: the traversed fields and stack, and the memo's objects (not traversed, as C's). */
    @Override
    public void references(long o, java.util.function.LongConsumer visit) {
        traverse(o, visit);
        Load l = loads.get(o);
        if (l == null) return;
        for (long v : l.memo) if (v != 0) visit.accept(v);
    }

    @Override
    public void traverse(long o, java.util.function.LongConsumer visit) {
        super.traverse(o, visit);
        Load l = loads.get(o);
        if (l != null) for (long v : l.stack) visit.accept(v);  // the Pdata's items
    }

    /** object.__sizeof__: tp_basicsize only. */
    @Override
    public long objectSizeOf(long o) { return basicSize(); }

    @Override
    public long sizeOf(long o) { return subtypeSizeOf(o, basicSize()); }

    /** Pickler_sizeof / Unpickler_sizeof: tp_basicsize of the object's type plus what the C object allocated. */
    @Override
    public long subtypeSizeOf(long o, long subtypeBasicSize) {
        long res = subtypeBasicSize;
        Load l = loads.get(o);
        if (l != null) {
            res += 8L * l.memo.length + 8L * l.marks.length;
            res += l.encoding.length() + 1 + l.errors.length() + 1 + l.inputLine;
        }
        return res;
    }

    private static final String[] KW = {"file", "fix_imports", "encoding", "errors", "buffers"};

    void install() {
        vm.defTpNew(this);
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "Unpickler", KW, 1, 1, 0, a, o, n, kw);
            init(s, p[0], p[1], p[2], p[3], p[4]);
            return vm.incref(heap.None);
        });
        defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "__sizeof__", n, kw);
            return vm.newInt(heap.typeOf(s).sizeOf(s));
        });
        defMethod("load", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "load", n, kw);
            if (get(s, READ) == 0 && Native.getInt(s + INITED) == 0) {
                throw PickleModule.error(vm, st.unpicklingError, "Unpickler.__init__() was not called by " + heap.typeOf(s).name() + ".__init__()");
            }
            return load(s, loads.get(s));
        });
        defMethod("find_class", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "find_class", kw);
            if (n != 2) throw vm.error("TypeError", "find_class expected 2 arguments, got " + n);
            return findClass(s, a[o], a[o + 1]);
        });
        vm.defGetSet(this, "memo");
        vm.defGetSet(this, "persistent_load");
    }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, (s, aa, oo, nn, kw) -> {
            long[] p = Params.parse(vm, "Unpickler", KW, 1, 1, 0, aa, oo, nn, kw);
            init(s, p[0], p[1], p[2], p[3], p[4]);
        });
    }

    private String strArg(long v, String name, String dflt) {
        if (v == 0) return dflt;
        if (!vm.isStr(v)) throw vm.error("TypeError", "Unpickler() argument '" + name + "' must be str, not " + vm.argTypeName(v));
        return vm.strValue(v);
    }

    private void init(long s, long file, long fixImports, long encoding, long errors, long buffers) {
        if (get(s, READ) != 0) clear(s);
        setInputStream(s, file);
        Load l = new Load();
        l.encoding = strArg(encoding, "encoding", "ASCII");
        l.errors = strArg(errors, "errors", "strict");
        l.fromFile = true;
        set(s, BUFFERS, buffers == 0 || buffers == heap.None ? 0 : vm.iter(buffers));
        Native.putInt(s + FIX_IMPORTS, fixImports == 0 || vm.truthy(fixImports) ? 1 : 0);
        initMethodRef(s, "persistent_load", PERS_FUNC, PERS_FUNC_SELF);
        Load old = loads.put(s, l);
        if (old != null) release(old);
        Native.putInt(s + PROTO, 0);
    }

    private void setInputStream(long s, long file) {
        long peek = vm.lookupAttr(file, "peek");
        long readinto = vm.lookupAttr(file, "readinto");
        long read = vm.lookupAttr(file, "read");
        long readline = vm.lookupAttr(file, "readline");
        if (readline == 0 || read == 0) {  // readinto and peek are optional
            for (long v : new long[] {peek, readinto, read, readline}) if (v != 0) heap.decref(v);
            throw vm.error("TypeError", "file must have 'read' and 'readline' attributes");
        }
        set(s, PEEK, peek);
        set(s, READINTO, readinto);
        set(s, READ, read);
        set(s, READLINE, readline);
    }

    /** _pickle.load (file) and _pickle.loads (data): an unpickler made for the call (untracked), then released. */
    long loadFrom(long file, long data, long fixImports, long encoding, long errors, long buffers) {
        long s = alloc();
        try {
            Load l = new Load();
            loads.put(s, l);
            if (file != 0) {
                setInputStream(s, file);
                l.fromFile = true;
            } else {
                byte[] b = vm.bytesLike(data);
                if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(data) + "'");
                l.input = b;
            }
            l.encoding = strArg(encoding, "encoding", "ASCII");
            l.errors = strArg(errors, "errors", "strict");
            set(s, BUFFERS, buffers == 0 || buffers == heap.None ? 0 : vm.iter(buffers));
            Native.putInt(s + FIX_IMPORTS, fixImports == 0 || vm.truthy(fixImports) ? 1 : 0);
            Native.putInt(s + INITED, 1);
            return load(s, l);
        } finally {
            heap.decref(s);
        }
    }

    // ---- attributes ------------------------------------------------------------------------

    @Override
    public long attrOf(long o, String name) {
        switch (name) {
            case "memo":
                return st.unpicklerMemoProxy.create(o);
            case "persistent_load":
                return methodRefObject(o, "persistent_load", PERS_FUNC, PERS_FUNC_SELF);
            default:
                return 0;
        }
    }

    @Override
    public boolean writableDescriptor(String name) { return name.equals("memo") || name.equals("persistent_load"); }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (!writableDescriptor(name)) return false;
        setDescriptorValue(o, name, v);
        return true;
    }

    @Override
    public void setDescriptorValue(long o, String name, long v) {
        if (name.equals("persistent_load")) {
            setMethodRef(o, "persistent_load", v, PERS_FUNC, PERS_FUNC_SELF);
            return;
        }
        if (v == 0) throw vm.error("TypeError", "attribute deletion is not supported");
        Load l = loads.computeIfAbsent(o, k -> new Load());
        long[] fresh;
        if (heap.typeOf(v) == st.unpicklerMemoProxy) {
            Load other = loads.get(MemoProxyType.owner(v));
            fresh = other == null ? new long[32] : other.memo.clone();
        } else if (vm.isInstanceOf(v, heap.dicts)) {
            fresh = new long[(int) Math.max(DictType.size(v), 1)];
            for (long ix = DictType.nextEntry(v, 0); ix >= 0; ix = DictType.nextEntry(v, ix + 1)) {
                long key = DictType.entryKeyAt(v, ix);
                if (!vm.isInt(key)) throw vm.error("TypeError", "memo key must be integers");
                long idx = Params.ssizeExact(vm, key);
                if (idx < 0) throw vm.error("ValueError", "memo key must be positive integers.");
                if (idx >= fresh.length) fresh = java.util.Arrays.copyOf(fresh, (int) (idx * 2));
                fresh[(int) idx] = DictType.entryValueAt(v, ix);
            }
        } else {
            throw vm.error("TypeError", "'memo' attribute must be an UnpicklerMemoProxy object or dict, not " + vm.typeName(v));
        }
        for (long x : fresh) if (x != 0) heap.incref(x);
        long[] old = l.memo;
        l.memo = fresh;
        l.memoLen = 0;
        for (long x : fresh) if (x != 0) l.memoLen++;
        for (long x : old) if (x != 0) heap.decref(x);
    }

    long memoCopy(long o) {
        long out = heap.dicts.create();
        Load l = loads.get(o);
        if (l == null) return out;
        for (int i = 0; i < l.memo.length; i++) {
            if (l.memo[i] == 0) continue;
            long k = vm.newInt(i);
            try {
                heap.dicts.setItem(out, k, l.memo[i]);
            } finally {
                heap.decref(k);
            }
        }
        return out;
    }

    void memoClear(long o) {
        Load l = loads.get(o);
        if (l == null) return;
        for (int i = 0; i < l.memo.length; i++) {
            long v = l.memo[i];
            l.memo[i] = 0;
            if (v != 0) heap.decref(v);
        }
        l.memoLen = 0;
    }

    // ---- the stack ---------------------------------------------------------------------------

    private PyException unpickling(String msg) { return PickleModule.error(vm, st.unpicklingError, msg); }

    private PyException underflow(Load l) { return unpickling(l.markSet ? "unexpected MARK found" : "unpickling stack underflow"); }

    private void push(Load l, long v) { l.stack.add(v); }

    /** Pdata_pop: a new reference. */
    private long pop(Load l) {
        if (l.stack.size() <= l.fence) throw underflow(l);
        return l.stack.remove(l.stack.size() - 1);
    }

    private long top(Load l) {
        if (l.stack.size() <= l.fence) throw underflow(l);
        return l.stack.get(l.stack.size() - 1);
    }

    private void clearStack(Load l, int from) {
        while (l.stack.size() > from) heap.decref(l.stack.remove(l.stack.size() - 1));
    }

    /** Pdata_poptuple: the items from {@code start} up as a new tuple. */
    private long popTuple(Load l, int start) {
        if (start < l.fence) throw underflow(l);
        int n = l.stack.size() - start;
        long t = heap.tuples.alloc(n);
        for (int i = 0; i < n; i++) TupleType.setItemSteal(t, i, l.stack.get(start + i));
        l.stack.subList(start, l.stack.size()).clear();
        return t;
    }

    private long popList(Load l, int start) {
        int n = l.stack.size() - start;
        long list = heap.lists.alloc(0);
        for (int i = 0; i < n; i++) {
            heap.lists.append(list, l.stack.get(start + i));
        }
        clearStack(l, start);
        return list;
    }

    private int marker(Load l) {
        if (l.numMarks < 1) throw unpickling("could not find MARK");
        int mark = l.marks[--l.numMarks];
        l.markSet = l.numMarks != 0;
        l.fence = l.numMarks != 0 ? l.marks[l.numMarks - 1] : 0;
        return mark;
    }

    private void memoPut(Load l, long idx, long v) {
        if (idx >= l.memo.length) {
            long size = idx * 2;
            if (size > Integer.MAX_VALUE - 16) throw vm.error("MemoryError", null);
            l.memo = java.util.Arrays.copyOf(l.memo, (int) size);
        }
        long old = l.memo[(int) idx];
        l.memo[(int) idx] = vm.incref(v);
        if (old != 0) heap.decref(old);
        else l.memoLen++;
    }

    private long memoGet(Load l, long idx) {
        long v = idx >= 0 && idx < l.memo.length ? l.memo[(int) idx] : 0;
        if (v == 0) throw unpickling("Memo value not found at index " + idx);
        return vm.incref(v);
    }

    // ---- input -------------------------------------------------------------------------------

    /** _Unpickler_Read: n bytes, from the buffer or the file; "pickle data was truncated" when short. */
    private byte[] read(long s, Load l, long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 16) throw unpickling("pickle data was truncated");
        int avail = l.input.length - l.pos;
        if (n <= avail) {
            byte[] out = java.util.Arrays.copyOfRange(l.input, l.pos, l.pos + (int) n);
            l.pos += (int) n;
            return out;
        }
        if (!l.fromFile) throw unpickling("pickle data was truncated");
        byte[] head = java.util.Arrays.copyOfRange(l.input, l.pos, l.input.length);
        byte[] more = readFromFile(s, n - avail);
        l.input = new byte[0];
        l.pos = 0;
        if (more.length < n - avail) throw unpickling("pickle data was truncated");
        byte[] out = new byte[(int) n];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(more, 0, out, head.length, more.length);
        return out;
    }

    private byte[] readFromFile(long s, long n) {
        long count = vm.newInt(n);
        long data;
        try {
            data = vm.call(get(s, READ), count);
        } finally {
            heap.decref(count);
        }
        try {
            byte[] b = vm.isInstanceOf(data, heap.bytes) ? BytesType.value(data) : vm.bytesLike(data);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(data) + "'");
            return b;
        } finally {
            heap.decref(data);
        }
    }

    /** _Unpickler_Readline: a line with its newline (the rest of the input when none). */
    private byte[] readline(long s, Load l) {
        for (int i = l.pos; i < l.input.length; i++) {
            if (l.input[i] == '\n') {
                byte[] out = java.util.Arrays.copyOfRange(l.input, l.pos, i + 1);
                l.pos = i + 1;
                return out;
            }
        }
        if (!l.fromFile) throw unpickling("pickle data was truncated");  // a line must end with its newline
        byte[] head = java.util.Arrays.copyOfRange(l.input, l.pos, l.input.length);
        l.input = new byte[0];
        l.pos = 0;
        long data = vm.call(get(s, READLINE));
        byte[] b;
        try {
            b = vm.isInstanceOf(data, heap.bytes) ? BytesType.value(data) : vm.bytesLike(data);
            if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(data) + "'");
        } finally {
            heap.decref(data);
        }
        byte[] out = new byte[head.length + b.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(b, 0, out, head.length, b.length);
        if (out.length == 0 || out[out.length - 1] != '\n') throw unpickling("pickle data was truncated");
        l.inputLine = out.length + 1;  // _Unpickler_CopyLine's malloc'd copy, with its NUL
        return out;
    }

    /** A text opcode's line without its newline; "pickle data was truncated" when shorter than 2 with it. */
    private String line(long s, Load l) {
        byte[] b = readline(s, l);
        if (b.length < 2) throw unpickling("pickle data was truncated");
        return new String(b, 0, b.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static long le(byte[] b, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    // ---- load ----------------------------------------------------------------------------------

    private long load(long s, Load l) {
        l.numMarks = 0;
        l.markSet = false;
        l.fence = 0;
        Native.putInt(s + PROTO, 0);
        clearStack(l, 0);
        while (true) {
            byte[] opb;
            try {
                opb = read(s, l, 1);
            } catch (PyException e) {
                if (vm.isInstanceOf(e.exc(), heap.typeAt(st.unpicklingError))) {
                    heap.decref(e.exc());
                    throw vm.error("EOFError", "Ran out of input");
                }
                throw e;
            }
            int op = opb[0] & 0xff;
            if (op == Op.STOP) break;
            dispatch(s, l, op);
        }
        if (l.fromFile && l.pos < l.input.length) {
            // what a frame read ahead is the pickle's own; nothing is left past STOP in this model
            l.input = java.util.Arrays.copyOfRange(l.input, l.pos, l.input.length);
            l.pos = 0;
        }
        return pop(l);
    }

    private void dispatch(long s, Load l, int op) {
        switch (op) {
            case Op.NONE -> push(l, vm.incref(heap.None));
            case Op.NEWTRUE -> push(l, vm.incref(heap.True));
            case Op.NEWFALSE -> push(l, vm.incref(heap.False));
            case Op.BININT -> push(l, vm.newInt((int) le(read(s, l, 4), 4)));
            case Op.BININT1 -> push(l, vm.newInt(read(s, l, 1)[0] & 0xff));
            case Op.BININT2 -> push(l, vm.newInt(le(read(s, l, 2), 2)));
            case Op.INT -> loadInt(s, l);
            case Op.LONG -> {
                String t = line(s, l);
                if (t.length() > 0 && t.charAt(t.length() - 1) == 'L') t = t.substring(0, t.length() - 1);
                push(l, intFromString(t, false));
            }
            case Op.LONG1, Op.LONG4 -> {
                long size = op == Op.LONG1 ? read(s, l, 1)[0] & 0xff : (int) le(read(s, l, 4), 4);
                if (size < 0) throw unpickling("LONG pickle has negative byte count");
                byte[] b = read(s, l, size);
                if (b.length == 0) {
                    push(l, vm.newInt(0));
                } else {
                    byte[] be = new byte[b.length];
                    for (int i = 0; i < b.length; i++) be[i] = b[b.length - 1 - i];
                    push(l, vm.newInt(new BigInteger(be)));
                }
            }
            case Op.FLOAT -> {
                String t = line(s, l);
                long str = vm.str(t.strip());
                try {
                    push(l, vm.call(heap.floats.address(), str));
                } catch (PyException e) {
                    heap.decref(e.exc());
                    throw vm.error("ValueError", "could not convert string to float");
                } finally {
                    heap.decref(str);
                }
            }
            case Op.BINFLOAT -> {
                long bits = 0;
                for (byte x : read(s, l, 8)) bits = (bits << 8) | (x & 0xff);
                push(l, vm.newFloat(Double.longBitsToDouble(bits)));
            }
            case Op.BINBYTES, Op.SHORT_BINBYTES, Op.BINBYTES8 -> {
                long size = op == Op.SHORT_BINBYTES ? read(s, l, 1)[0] & 0xff : op == Op.BINBYTES ? le(read(s, l, 4), 4) : size8(read(s, l, 8), "BINBYTES8");
                push(l, heap.bytes.of(read(s, l, size)));
            }
            case Op.BYTEARRAY8 -> {
                long size = size8(read(s, l, 8), "BYTEARRAY8");
                long b = heap.bytes.of(read(s, l, size));
                try {
                    push(l, vm.call(vm.byteArrayType().address(), b));
                } finally {
                    heap.decref(b);
                }
            }
            case Op.NEXT_BUFFER -> {
                long it = get(s, BUFFERS);
                if (it == 0) throw unpickling("pickle stream refers to out-of-band data but no *buffers* argument was given");
                long b = vm.next(it);
                if (b == 0) throw unpickling("not enough out-of-band buffers");
                push(l, b);
            }
            case Op.READONLY_BUFFER -> {
                if (l.stack.size() <= l.fence) throw underflow(l);
                long obj = l.stack.get(l.stack.size() - 1);
                long view = vm.memoryViewOver(obj);
                long ro = vm.getAttrOrNull(view, "readonly");
                boolean readonly = ro != 0 && vm.truthyNew(ro);
                if (!readonly) {
                    long r;
                    try {
                        r = vm.callMethod(view, "toreadonly");
                    } finally {
                        heap.decref(view);
                    }
                    l.stack.set(l.stack.size() - 1, r);
                    heap.decref(obj);
                } else {
                    heap.decref(view);
                }
            }
            case Op.STRING -> {
                byte[] b = readline(s, l);
                if (b.length < 2) throw unpickling("pickle data was truncated");
                int len = b.length - 1;
                if (len < 2 || b[0] != b[len - 1] || (b[0] != '\'' && b[0] != '"')) throw unpickling("the STRING opcode argument must be quoted");
                byte[] inner = java.util.Arrays.copyOfRange(b, 1, len - 1);
                long raw = heap.bytes.of(inner);
                long decoded;
                try {
                    long codecs = PickleModule.importModule(vm, "codecs");
                    long pair;
                    try {
                        pair = vm.callMethod(codecs, "escape_decode", raw);
                    } finally {
                        heap.decref(codecs);
                    }
                    decoded = vm.incref(TupleType.item(pair, 0));
                    heap.decref(pair);
                } finally {
                    heap.decref(raw);
                }
                try {
                    push(l, decodeString(l, BytesType.value(decoded)));
                } finally {
                    heap.decref(decoded);
                }
            }
            case Op.BINSTRING, Op.SHORT_BINSTRING -> {
                long size = op == Op.SHORT_BINSTRING ? read(s, l, 1)[0] & 0xff : (int) le(read(s, l, 4), 4);
                if (size < 0) throw unpickling("BINSTRING pickle has negative byte count");
                push(l, decodeString(l, read(s, l, size)));
            }
            case Op.UNICODE -> {
                byte[] b = readline(s, l);
                if (b.length < 1) throw unpickling("pickle data was truncated");
                push(l, vm.decode(java.util.Arrays.copyOf(b, b.length - 1), "raw-unicode-escape", "strict"));
            }
            case Op.BINUNICODE, Op.SHORT_BINUNICODE, Op.BINUNICODE8 -> {
                long size = op == Op.SHORT_BINUNICODE ? read(s, l, 1)[0] & 0xff : op == Op.BINUNICODE ? le(read(s, l, 4), 4) : size8(read(s, l, 8), "BINUNICODE8");
                push(l, vm.decode(read(s, l, size), "utf-8", "surrogatepass"));
            }
            case Op.TUPLE -> {
                int i = marker(l);
                push(l, countedTuple(l, l.stack.size() - i));
            }
            case Op.EMPTY_TUPLE -> push(l, heap.tuples.alloc(0));
            case Op.TUPLE1, Op.TUPLE2, Op.TUPLE3 -> push(l, countedTuple(l, op - Op.TUPLE1 + 1));
            case Op.EMPTY_LIST -> push(l, heap.lists.alloc(0));
            case Op.EMPTY_DICT -> push(l, heap.dicts.create());
            case Op.EMPTY_SET -> push(l, heap.sets.create());
            case Op.LIST -> {
                int i = marker(l);
                push(l, popList(l, i));
            }
            case Op.DICT -> {
                int i = marker(l);
                int j = l.stack.size();
                if ((j - i) % 2 != 0) throw unpickling("odd number of items for DICT");
                long d = heap.dicts.create();
                try {
                    for (int k = i + 1; k < j; k += 2) vm.setItem(d, l.stack.get(k - 1), l.stack.get(k));
                } catch (RuntimeException e) {
                    heap.decref(d);
                    throw e;
                }
                clearStack(l, i);
                push(l, d);
            }
            case Op.FROZENSET -> {
                int i = marker(l);
                long t = popTuple(l, i);
                try {
                    push(l, vm.call(heap.frozensets.address(), t));
                } finally {
                    heap.decref(t);
                }
            }
            case Op.APPEND -> doAppend(l, l.stack.size() - 1);
            case Op.APPENDS -> doAppend(l, marker(l));
            case Op.SETITEM -> doSetItems(l, l.stack.size() - 2);
            case Op.SETITEMS -> doSetItems(l, marker(l));
            case Op.ADDITEMS -> addItems(l);
            case Op.MARK -> {
                if (l.numMarks >= l.marks.length) l.marks = java.util.Arrays.copyOf(l.marks, (l.numMarks << 1) + 20);
                l.marks[l.numMarks++] = l.stack.size();
                l.markSet = true;
                l.fence = l.stack.size();
            }
            case Op.POP -> {
                int len = l.stack.size();
                if (l.numMarks > 0 && l.marks[l.numMarks - 1] == len) {
                    l.numMarks--;
                    l.markSet = l.numMarks != 0;
                    l.fence = l.numMarks != 0 ? l.marks[l.numMarks - 1] : 0;
                } else if (len <= l.fence) {
                    throw underflow(l);
                } else {
                    heap.decref(l.stack.remove(len - 1));
                }
            }
            case Op.POP_MARK -> clearStack(l, marker(l));
            case Op.DUP -> push(l, vm.incref(top(l)));
            case Op.GET -> {
                long key = intFromLine(line(s, l));
                long idx;
                try {
                    idx = Params.ssize(vm, key);
                } finally {
                    heap.decref(key);
                }
                push(l, memoGet(l, idx));
            }
            case Op.BINGET -> push(l, memoGet(l, read(s, l, 1)[0] & 0xff));
            case Op.LONG_BINGET -> push(l, memoGet(l, le(read(s, l, 4), 4)));
            case Op.PUT -> {
                long key = intFromLine(line(s, l));
                long idx;
                try {
                    idx = Params.ssize(vm, key);
                } finally {
                    heap.decref(key);
                }
                if (idx < 0) throw vm.error("ValueError", "negative PUT argument");
                memoPut(l, idx, top(l));
            }
            case Op.BINPUT -> {
                long idx = read(s, l, 1)[0] & 0xff;
                memoPut(l, idx, top(l));
            }
            case Op.LONG_BINPUT -> {
                long idx = le(read(s, l, 4), 4);
                memoPut(l, idx, top(l));
            }
            case Op.MEMOIZE -> memoPut(l, l.memoLen, top(l));
            case Op.PROTO -> {
                int p = read(s, l, 1)[0] & 0xff;
                if (p > PickleModule.HIGHEST_PROTOCOL) throw vm.error("ValueError", "unsupported pickle protocol: " + p);
                Native.putInt(s + PROTO, p);
            }
            case Op.FRAME -> {
                long len = size8(read(s, l, 8), "FRAME");
                byte[] frame = read(s, l, len);
                // the frame becomes the input buffer, read from its start
                byte[] rest = java.util.Arrays.copyOfRange(l.input, l.pos, l.input.length);
                byte[] in = new byte[frame.length + rest.length];
                System.arraycopy(frame, 0, in, 0, frame.length);
                System.arraycopy(rest, 0, in, frame.length, rest.length);
                l.input = in;
                l.pos = 0;
            }
            case Op.GLOBAL -> {
                byte[] m = readline(s, l);
                if (m.length < 2) throw unpickling("pickle data was truncated");
                byte[] g = readline(s, l);
                if (g.length < 2) throw unpickling("pickle data was truncated");
                long mod = vm.decode(java.util.Arrays.copyOf(m, m.length - 1), "utf-8", "strict");
                long name;
                try {
                    name = vm.decode(java.util.Arrays.copyOf(g, g.length - 1), "utf-8", "strict");
                } catch (RuntimeException e) {
                    heap.decref(mod);
                    throw e;
                }
                try {
                    push(l, callFindClass(s, mod, name));
                } finally {
                    heap.decref(mod);
                    heap.decref(name);
                }
            }
            case Op.STACK_GLOBAL -> {
                long name = pop(l);
                long mod;
                try {
                    mod = pop(l);
                } catch (RuntimeException e) {
                    heap.decref(name);
                    throw e;
                }
                try {
                    if (heap.typeOf(mod) != heap.strs || heap.typeOf(name) != heap.strs) throw unpickling("STACK_GLOBAL requires str");
                    push(l, callFindClass(s, mod, name));
                } finally {
                    heap.decref(mod);
                    heap.decref(name);
                }
            }
            case Op.EXT1, Op.EXT2, Op.EXT4 -> {
                int n = op == Op.EXT1 ? 1 : op == Op.EXT2 ? 2 : 4;
                long code = le(read(s, l, n), n);
                if (n == 4) code = (int) code;
                push(l, extension(s, code));
            }
            case Op.REDUCE -> {
                long argtup = pop(l);
                long callable;
                try {
                    callable = pop(l);
                } catch (RuntimeException e) {
                    heap.decref(argtup);
                    throw e;
                }
                try {
                    if (!vm.isInstanceOf(argtup, heap.tuples)) throw vm.error("TypeError", "argument list must be a tuple");
                    push(l, vm.callWith(callable, argtup, 0));
                } finally {
                    heap.decref(argtup);
                    heap.decref(callable);
                }
            }
            case Op.NEWOBJ -> newobj(l, false);
            case Op.NEWOBJ_EX -> newobj(l, true);
            case Op.OBJ -> {
                int i = marker(l);
                if (l.stack.size() - i < 1) throw underflow(l);
                long args = popTuple(l, i + 1);
                long cls;
                try {
                    cls = pop(l);
                } catch (RuntimeException e) {
                    heap.decref(args);
                    throw e;
                }
                try {
                    push(l, instantiate(cls, args));
                } finally {
                    heap.decref(args);
                    heap.decref(cls);
                }
            }
            case Op.INST -> {
                int i = marker(l);
                byte[] m = readline(s, l);
                if (m.length < 2) throw unpickling("pickle data was truncated");
                byte[] g = readline(s, l);
                if (g.length < 2) throw unpickling("pickle data was truncated");
                long mod = vm.decode(java.util.Arrays.copyOf(m, m.length - 1), "ascii", "strict");
                long name = vm.decode(java.util.Arrays.copyOf(g, g.length - 1), "ascii", "strict");
                long cls;
                try {
                    cls = callFindClass(s, mod, name);
                } finally {
                    heap.decref(mod);
                    heap.decref(name);
                }
                try {
                    long args = popTuple(l, i);
                    try {
                        push(l, instantiate(cls, args));
                    } finally {
                        heap.decref(args);
                    }
                } finally {
                    heap.decref(cls);
                }
            }
            case Op.BUILD -> build(l);
            case Op.PERSID -> {
                if (get(s, PERS_FUNC) == 0) throw unpickling("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
                byte[] b = readline(s, l);  // an empty id (a line of only its newline) is one
                if (b.length < 1) throw unpickling("pickle data was truncated");
                long pid;
                try {
                    pid = vm.decode(java.util.Arrays.copyOf(b, b.length - 1), "ascii", "strict");
                } catch (PyException e) {
                    if (!vm.isInstance(e, "UnicodeDecodeError")) throw e;
                    heap.decref(e.exc());
                    throw unpickling("persistent IDs in protocol 0 must be ASCII strings");
                }
                try {
                    push(l, callPers(s, pid));
                } finally {
                    heap.decref(pid);
                }
            }
            case Op.BINPERSID -> {
                if (get(s, PERS_FUNC) == 0) throw unpickling("A load persistent id instruction was encountered,\nbut no persistent_load function was specified.");
                long pid = pop(l);
                try {
                    push(l, callPers(s, pid));
                } finally {
                    heap.decref(pid);
                }
            }
            default -> {
                String shown = 0x20 <= op && op <= 0x7e && op != '\'' && op != '\\' ? String.valueOf((char) op) : String.format("\\x%02x", op);
                throw unpickling("invalid load key, '" + shown + "'.");
            }
        }
    }

    private long size8(byte[] b, String what) {
        long v = le(b, 8);
        if (v < 0) {
            if (what.equals("FRAME")) throw vm.error("OverflowError", "FRAME length exceeds system's maximum of 9223372036854775807 bytes");
            throw vm.error("OverflowError", what + " exceeds system's maximum size of 9223372036854775807 bytes");
        }
        return v;
    }

    private long callPers(long s, long pid) { return callMethodRef(s, PERS_FUNC, PERS_FUNC_SELF, pid); }

    private long countedTuple(Load l, int len) {
        if (l.stack.size() < len) throw underflow(l);
        return popTuple(l, l.stack.size() - len);
    }

    /** load_int: a C long when it parses as one (3-char 00/01 lines are False/True), else an int of any size. */
    private void loadInt(long s, Load l) {
        String t = line(s, l);
        Long small = parseC(t);
        if (small != null) {
            long x = small;
            if (t.length() == 2 && (x == 0 || x == 1)) push(l, vm.incref(x == 1 ? heap.True : heap.False));
            else push(l, vm.newInt(x));
            return;
        }
        push(l, intFromString(t, true));
    }

    /** strtol(s, &end, 0) that must consume the whole line, or null. */
    private static Long parseC(String t) {
        String u = t.stripLeading();
        boolean neg = false;
        int i = 0;
        if (i < u.length() && (u.charAt(i) == '+' || u.charAt(i) == '-')) neg = u.charAt(i++) == '-';
        int radix = 10;
        if (u.startsWith("0x", i) || u.startsWith("0X", i)) {
            radix = 16;
            i += 2;
        } else if (u.startsWith("0", i) && u.length() > i + 1) {
            radix = 8;
            i += 1;
        }
        String digits = u.substring(i);
        if (digits.isEmpty()) return null;
        try {
            BigInteger v = new BigInteger(digits, radix);
            if (neg) v = v.negate();
            if (v.bitLength() > 63) return null;
            return v.longValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** PyLong_FromString(s, NULL, 0): int(s, 0); {@code intOpcode}: its ValueError becomes "could not convert string to int". */
    private long intFromString(String t, boolean intOpcode) {
        long str = vm.str(t);
        long zero = vm.newInt(0);
        try {
            return vm.call(heap.ints.address(), str, zero);
        } catch (PyException e) {
            if (!intOpcode || !vm.isInstance(e, "ValueError")) throw e;
            heap.decref(e.exc());
            throw vm.error("ValueError", "could not convert string to int");
        } finally {
            heap.decref(str);
            heap.decref(zero);
        }
    }

    /** A GET/PUT line as an int (base 10, as PyLong_FromString(s, NULL, 10)). */
    private long intFromLine(String t) {
        long str = vm.str(t);
        long ten = vm.newInt(10);
        try {
            return vm.call(heap.ints.address(), str, ten);
        } finally {
            heap.decref(str);
            heap.decref(ten);
        }
    }

    /** _Unpickler_DecodeString: bytes with encoding 'bytes', else decoded (errors 'bytes': bytes when it fails). */
    private long decodeString(Load l, byte[] b) {
        if (l.encoding.equals("bytes")) return heap.bytes.of(b);
        if (l.errors.equals("bytes")) {
            try {
                return vm.decode(b, l.encoding, "strict");
            } catch (PyException e) {
                if (!vm.isInstance(e, "UnicodeDecodeError")) throw e;
                heap.decref(e.exc());
                return heap.bytes.of(b);
            }
        }
        return vm.decode(b, l.encoding, l.errors);
    }

    private void doAppend(Load l, int x) {
        int len = l.stack.size();
        if (x > len || x <= l.fence) throw underflow(l);
        if (len == x) return;
        long list = l.stack.get(x - 1);
        if (heap.typeOf(list) == heap.lists) {
            for (int i = x; i < len; i++) heap.lists.append(list, l.stack.get(i));
            clearStack(l, x);
            return;
        }
        long extend = vm.lookupAttr(list, "extend");
        if (extend != 0) {
            long slice = popList(l, x);
            try {
                heap.decref(vm.call(extend, slice));
            } finally {
                heap.decref(slice);
                heap.decref(extend);
            }
            return;
        }
        long append = PickleModule.attr(vm, list, "append");
        try {
            for (int i = x; i < len; i++) heap.decref(vm.call(append, l.stack.get(i)));
        } finally {
            heap.decref(append);
        }
        clearStack(l, x);
    }

    private void doSetItems(Load l, int x) {
        int len = l.stack.size();
        if (x > len || x <= l.fence) throw underflow(l);
        if (len == x) return;
        if ((len - x) % 2 != 0) throw unpickling("odd number of items for SETITEMS");
        long dict = l.stack.get(x - 1);
        try {
            for (int i = x + 1; i < len; i += 2) vm.setItem(dict, l.stack.get(i - 1), l.stack.get(i));
        } finally {
            clearStack(l, x);
        }
    }

    private void addItems(Load l) {
        int mark = marker(l);
        int len = l.stack.size();
        if (mark > len || mark <= l.fence) throw underflow(l);
        if (len == mark) return;
        long set = l.stack.get(mark - 1);
        if (vm.isInstanceOf(set, heap.sets)) {
            long items = popTuple(l, mark);
            try {
                heap.decref(vm.callMethod(set, "update", items));
            } finally {
                heap.decref(items);
            }
            return;
        }
        long add = PickleModule.attr(vm, set, "add");
        try {
            for (int i = mark; i < len; i++) heap.decref(vm.call(add, l.stack.get(i)));
        } finally {
            heap.decref(add);
            clearStack(l, mark);
        }
    }

    private void build(Load l) {
        long state = pop(l);
        try {
            if (l.stack.size() <= l.fence) throw underflow(l);
            long inst = l.stack.get(l.stack.size() - 1);
            long setstate = vm.lookupAttr(inst, "__setstate__");
            if (setstate != 0) {
                try {
                    heap.decref(vm.call(setstate, state));
                } finally {
                    heap.decref(setstate);
                }
                return;
            }
            long dictState = state, slotState = 0;
            if (vm.isInstanceOf(state, heap.tuples) && TupleType.size(state) == 2) {
                dictState = TupleType.item(state, 0);
                slotState = TupleType.item(state, 1);
            }
            if (dictState != heap.None) {
                if (!vm.isInstanceOf(dictState, heap.dicts)) throw unpickling("state is not a dictionary");
                long dict = PickleModule.attr(vm, inst, "__dict__");
                try {
                    for (long ix = DictType.nextEntry(dictState, 0); ix >= 0; ix = DictType.nextEntry(dictState, ix + 1)) {
                        // the keys interned (PyUnicode_InternInPlace), as instance attribute names normally are
                        long k = vm.incref(DictType.entryKeyAt(dictState, ix));
                        if (heap.typeOf(k) == heap.strs) k = heap.strs.intern(k);
                        try {
                            vm.setItem(dict, k, DictType.entryValueAt(dictState, ix));
                        } finally {
                            heap.decref(k);
                        }
                    }
                } finally {
                    heap.decref(dict);
                }
            }
            if (slotState != 0) {
                if (!vm.isInstanceOf(slotState, heap.dicts)) throw unpickling("slot state is not a dictionary");
                for (long ix = DictType.nextEntry(slotState, 0); ix >= 0; ix = DictType.nextEntry(slotState, ix + 1)) {
                    long k = DictType.entryKeyAt(slotState, ix);
                    if (!vm.isStr(k)) throw vm.error("TypeError", "attribute name must be string, not '" + vm.typeName(k) + "'");
                    vm.setAttr(inst, vm.strValue(k), DictType.entryValueAt(slotState, ix));
                }
            }
        } finally {
            heap.decref(state);
        }
    }

    private void newobj(Load l, boolean ex) {
        String opname = ex ? "NEWOBJ_EX" : "NEWOBJ";
        long kwargs = ex ? pop(l) : 0;
        long args = 0, cls = 0;
        try {
            args = pop(l);
            cls = pop(l);
            if (!vm.isType(cls)) throw unpickling(opname + " class argument must be a type, not " + vm.typeName(cls));
            if (!vm.isInstanceOf(args, heap.tuples)) throw unpickling(opname + " args argument must be a tuple, not " + vm.typeName(args));
            if (ex && !vm.isInstanceOf(kwargs, heap.dicts)) throw unpickling(opname + " kwargs argument must be a dict, not " + vm.typeName(kwargs));
            long nw = PickleModule.attr(vm, cls, "__new__");
            long n = TupleType.size(args);
            long full = heap.tuples.alloc(n + 1);
            TupleType.setItemSteal(full, 0, vm.incref(cls));
            for (long i = 0; i < n; i++) TupleType.setItemSteal(full, i + 1, vm.incref(TupleType.item(args, i)));
            try {
                push(l, vm.callWith(nw, full, kwargs != 0 && DictType.size(kwargs) > 0 ? kwargs : 0));
            } finally {
                heap.decref(full);
                heap.decref(nw);
            }
        } finally {
            if (kwargs != 0) heap.decref(kwargs);
            if (args != 0) heap.decref(args);
            if (cls != 0) heap.decref(cls);
        }
    }

    /** instantiate: cls.__new__(cls) for no arguments when cls is a class without __getinitargs__, else cls(*args). */
    private long instantiate(long cls, long args) {
        if (TupleType.size(args) == 0 && vm.isType(cls)) {
            long f = vm.lookupAttr(cls, "__getinitargs__");
            if (f == 0) return vm.callMethod(cls, "__new__", cls);
            heap.decref(f);
        }
        return vm.callWith(cls, args, 0);
    }

    private long extension(long s, long code) {
        long pyCode = vm.newInt(code);
        try {
            long obj = heap.dicts.getItem(st.extensionCache, pyCode);
            if (obj != 0) return vm.incref(obj);
            long pair = heap.dicts.getItem(st.invertedRegistry, pyCode);
            if (pair == 0) throw vm.error("ValueError", "unregistered extension code " + code);
            if (!vm.isInstanceOf(pair, heap.tuples) || TupleType.size(pair) != 2 || !vm.isStr(TupleType.item(pair, 0)) || !vm.isStr(TupleType.item(pair, 1))) {
                throw vm.error("ValueError", "_inverted_registry[" + code + "] isn't a 2-tuple of strings");
            }
            long v = callFindClass(s, TupleType.item(pair, 0), TupleType.item(pair, 1));
            try {
                heap.dicts.setItem(st.extensionCache, pyCode, v);
            } catch (RuntimeException e) {
                heap.decref(v);
                throw e;
            }
            return v;
        } finally {
            heap.decref(pyCode);
        }
    }

    /** self.find_class(module, name), through the (possibly overridden) method. */
    private long callFindClass(long s, long module, long name) {
        return vm.callMethod(s, "find_class", module, name);
    }

    /** Unpickler.find_class: Python 2 names mapped (protocol < 3 with fix_imports), the module imported, the attribute (a dotted path from protocol 4). */
    long findClass(long s, long module, long name) {
        int proto = Native.getInt(s + PROTO);
        long mod = vm.incref(module), glob = vm.incref(name);
        try {
            if (proto < 3 && Native.getInt(s + FIX_IMPORTS) != 0) {
                long key = PickleModule.tuple(vm, mod, glob);
                long item;
                try {
                    item = heap.dicts.getItem(st.nameMapping2to3, key);
                } finally {
                    heap.decref(key);
                }
                if (item != 0) {
                    if (!vm.isInstanceOf(item, heap.tuples) || TupleType.size(item) != 2) {
                        throw vm.error("RuntimeError", "_compat_pickle.NAME_MAPPING values should be 2-tuples, not " + vm.typeName(item));
                    }
                    long m = TupleType.item(item, 0), g = TupleType.item(item, 1);
                    if (!vm.isStr(m) || !vm.isStr(g)) {
                        throw vm.error("RuntimeError", "_compat_pickle.NAME_MAPPING values should be pairs of str, not (" + vm.typeName(m) + ", " + vm.typeName(g) + ")");
                    }
                    heap.decref(mod);
                    heap.decref(glob);
                    mod = vm.incref(m);
                    glob = vm.incref(g);
                } else {
                    item = heap.dicts.getItem(st.importMapping2to3, mod);
                    if (item != 0) {
                        if (!vm.isStr(item)) throw vm.error("RuntimeError", "_compat_pickle.IMPORT_MAPPING values should be strings, not " + vm.typeName(item));
                        heap.decref(mod);
                        mod = vm.incref(item);
                    }
                }
            }
            long m = PickleModule.importModule(vm, mod);
            try {
                return getattribute(m, glob, proto >= 4);
            } finally {
                heap.decref(m);
            }
        } finally {
            heap.decref(mod);
            heap.decref(glob);
        }
    }

    private long getattribute(long obj, long name, boolean qualname) {
        long attr;
        if (qualname) {
            if (!vm.isStr(name)) throw vm.error("TypeError", "attribute name must be string, not '" + vm.typeName(name) + "'");
            String[] path = vm.strValue(name).split("\\.", -1);
            for (String p : path) {
                if (p.equals("<locals>")) throw vm.error("AttributeError", "Can't get local attribute " + vm.repr(name) + " on " + vm.repr(obj));
            }
            long cur = vm.incref(obj);
            for (String p : path) {
                long next = vm.lookupAttr(cur, p);
                heap.decref(cur);
                cur = next;
                if (cur == 0) break;
            }
            attr = cur;
        } else {
            attr = vm.lookupAttr(obj, name);
        }
        if (attr == 0) throw vm.error("AttributeError", "Can't get attribute " + vm.repr(name) + " on " + vm.repr(obj));
        return attr;
    }

    static long intValue(long o) { return IntType.asLong(o); }
}
