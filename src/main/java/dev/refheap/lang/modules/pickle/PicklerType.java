package dev.refheap.lang.modules.pickle;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code _pickle.Pickler}: CPython 3.11's PicklerObject, a static GC type of 152 bytes that Python
 * classes may derive from:
 * <pre>
 *  refcnt | type | memo | pers_func | pers_func_self | dispatch_table | reducer_override | write
 *  | output_buffer | max_output_len | output_len | frame_start | buf_size | proto (int) bin (int)
 *  | framing (int) fast (int) | fast_nesting (int) fix_imports (int) | fast_memo | buffer_callback | (pad)
 * </pre>
 * traverse: write, pers_func, dispatch_table, fast_memo, reducer_override, buffer_callback
 * (pers_func_self is borrowed: the pickler itself). The memo (a PyMemoTable in C: object pointer →
 * index, each key a strong reference, not traversed) and the output buffer live on the Java side
 * in a {@link Dump} per instance; the buffer's and the table's sizes are counted by
 * {@code __sizeof__} as C's are (the table's 32-byte head and 16 bytes per slot, 8 slots at first,
 * grown as PyMemoTable grows; the buffer as a bytes object of its allocated length).
 *
 * <p>States: made (all fields NULL: {@code dump} says {@code __init__} was not called), initialised
 * ({@code __init__}: write, protocol, memo, buffer, persistent_id and dispatch_table looked up),
 * dumping (reducer_override looked up, framing on for protocol 4+, cleared again when the dump
 * ends). Each object is written as 3.11's C pickler writes it (byte for byte: the opcodes, the
 * memo's PUT/MEMOIZE, the batches of 1000 items, the frames of 64 KiB committed at opcode
 * boundaries, payloads of 64 KiB or more written to the file directly).
 */
final class PicklerType extends PickleObjectType {
    static final int MEMO = 16, PERS_FUNC = 24, PERS_FUNC_SELF = 32, DISPATCH_TABLE = 40, REDUCER_OVERRIDE = 48, WRITE = 56,
            OUTPUT_BUFFER = 64, PROTO = 104, BIN = 108, FRAMING = 112, FAST = 116, FAST_NESTING = 120, FIX_IMPORTS = 124,
            FAST_MEMO = 128, BUFFER_CALLBACK = 136;
    static final int WRITE_BUF_SIZE = 4096, FRAME_SIZE_MIN = 4, FRAME_SIZE_TARGET = 64 * 1024, FRAME_HEADER_SIZE = 9,
            BATCHSIZE = 1000, FAST_NESTING_LIMIT = 50;
    private static final String RECURSION = " while pickling an object";

    private final PickleModule.State st;
    /** The Java side of each live instance (by address): memo and output buffer. */
    private final Map<Long, Dump> dumps = new HashMap<>();

    PicklerType(VmApi vm, PickleModule.State st) {
        super(vm, "_pickle.Pickler", HAVE_GC | BASETYPE, 152, 0, WRITE, PERS_FUNC, DISPATCH_TABLE, FAST_MEMO, REDUCER_OVERRIDE, BUFFER_CALLBACK);
        this.st = st;
    }

    /** The memo table and output buffer of one pickler. */
    static final class Dump {
        /** object → memo index, in insertion order; each key holds a reference. */
        final LinkedHashMap<Long, Long> memo = new LinkedHashMap<>();
        long memoAllocated = 8;
        byte[] out;
        int len;
        /** Whether output_buffer exists (C: NULL after a flush to the file until the next dump). */
        boolean hasBuffer;
        int frameStart = -1;
    }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    /** HAVE_GC | READY | BASETYPE | IMMUTABLETYPE of 3.11's static Pickler type, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x5500; }

    @Override
    public boolean hasClear() { return true; }

    Dump dump(long o) { return dumps.get(o); }

    private Dump dumpMade(long o) {
        return dumps.computeIfAbsent(o, k -> new Dump());
    }

    /** Pickler_clear: the buffer, write, pers_func, dispatch_table, fast_memo, reducer_override, buffer_callback, the memo. */
    @Override
    public void clear(long o) {
        Dump d = dumps.remove(o);
        for (int off : new int[] {WRITE, PERS_FUNC, DISPATCH_TABLE, FAST_MEMO, REDUCER_OVERRIDE, BUFFER_CALLBACK}) set(o, off, 0);
        put(o, PERS_FUNC_SELF, 0);
        if (d != null) releaseMemo(d);
    }

    private void releaseMemo(Dump d) {
        long[] keys = d.memo.keySet().stream().mapToLong(Long::longValue).toArray();
        d.memo.clear();
        for (long k : keys) heap.decref(k);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        Dump d = dumps.remove(o);
        if (d != null) releaseMemo(d);
        super.dealloc(o);
    }

    @Override
    public void references(long o, java.util.function.LongConsumer visit) {
        traverse(o, visit);
        Dump d = dumps.get(o);
        if (d != null) for (long k : d.memo.keySet()) visit.accept(k);
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
        Dump d = dumps.get(o);
        if (d != null) {
            res += 32 + 16 * d.memoAllocated;
            if (d.hasBuffer) res += 33 + d.out.length;
        }
        return res;
    }

    void install() {
        vm.defTpNew(this);
        defSlotWrapper("__init__", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "Pickler", new String[] {"file", "protocol", "fix_imports", "buffer_callback"}, 1, 3, 0, a, o, n, kw);
            init(s, p[0], p[1], p[2], p[3]);
            return vm.incref(heap.None);
        });
        defMethod("__sizeof__", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "__sizeof__", n, kw);
            return vm.newInt(heap.typeOf(s).sizeOf(s));
        });
        defMethod("clear_memo", (s, a, o, n, kw) -> {
            Params.noArgs(vm, "clear_memo", n, kw);
            Dump d = dumps.get(s);
            if (d != null) releaseMemo(d);
            return vm.incref(heap.None);
        });
        defMethod("dump", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "dump", kw);
            if (n != 1) throw vm.error("TypeError", "dump() takes exactly one argument (" + n + " given)");
            if (get(s, WRITE) == 0) {
                throw PickleModule.error(vm, st.picklingError, "Pickler.__init__() was not called by " + heap.typeOf(s).name() + ".__init__()");
            }
            Dump d = dumpMade(s);
            clearBuffer(d);
            dumpObject(s, d, a[o]);
            flushToFile(s, d);
            return vm.incref(heap.None);
        });
        vm.defMember(this, "bin");
        vm.defMember(this, "fast");
        vm.defMember(this, "dispatch_table");
        vm.defGetSet(this, "memo");
        vm.defGetSet(this, "persistent_id");
    }

    // ---- construction ------------------------------------------------------------------------

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, (s, aa, oo, nn, kw) -> {
            long[] p = Params.parse(vm, "Pickler", new String[] {"file", "protocol", "fix_imports", "buffer_callback"}, 1, 3, 0, aa, oo, nn, kw);
            init(s, p[0], p[1], p[2], p[3]);
        });
    }

    /** _pickle_Pickler___init___impl. */
    private void init(long s, long file, long protocol, long fixImports, long bufferCallback) {
        boolean fix = fixImports == 0 || vm.truthy(fixImports);
        if (get(s, WRITE) != 0) clear(s);
        setProtocol(s, protocol, fix);
        setOutputStream(s, file);
        setBufferCallback(s, bufferCallback);
        Dump d = dumpMade(s);
        d.len = 0;
        d.frameStart = -1;
        if (!d.hasBuffer) {
            d.out = new byte[WRITE_BUF_SIZE];
            d.hasBuffer = true;
        }
        Native.putInt(s + FAST, 0);
        Native.putInt(s + FAST_NESTING, 0);
        set(s, FAST_MEMO, 0);
        initMethodRef(s, "persistent_id", PERS_FUNC, PERS_FUNC_SELF);
        if (get(s, DISPATCH_TABLE) == 0) {
            long dt = vm.lookupAttr(s, "dispatch_table");
            set(s, DISPATCH_TABLE, dt);
        }
    }

    /** _Pickler_SetProtocol. */
    private void setProtocol(long s, long protocol, boolean fixImports) {
        long proto;
        if (protocol == 0 || protocol == heap.None) {
            proto = PickleModule.DEFAULT_PROTOCOL;
        } else {
            BigInteger v = vm.asIndex(protocol);
            if (v.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
            proto = v.longValue();
            if (proto < 0) proto = PickleModule.HIGHEST_PROTOCOL;
            else if (proto > PickleModule.HIGHEST_PROTOCOL) throw vm.error("ValueError", "pickle protocol must be <= " + PickleModule.HIGHEST_PROTOCOL);
        }
        Native.putInt(s + PROTO, (int) proto);
        Native.putInt(s + BIN, proto > 0 ? 1 : 0);
        Native.putInt(s + FIX_IMPORTS, fixImports && proto < 3 ? 1 : 0);
    }

    private void setOutputStream(long s, long file) {
        long w = vm.lookupAttr(file, "write");
        if (w == 0) throw vm.error("TypeError", "file must have a 'write' attribute");
        set(s, WRITE, w);
    }

    private void setBufferCallback(long s, long cb) {
        if (cb == 0 || cb == heap.None) {
            set(s, BUFFER_CALLBACK, 0);
            return;
        }
        if (Native.getInt(s + PROTO) < 5) throw vm.error("ValueError", "buffer_callback needs protocol >= 5");
        set(s, BUFFER_CALLBACK, vm.incref(cb));
    }

    /** A pickler made for dump()/dumps() (_Pickler_New: untracked, its memo and buffer made). */
    private long newPickler(long protocol, long fixImports, long bufferCallback) {
        long s = alloc();
        Dump d = dumpMade(s);
        d.out = new byte[WRITE_BUF_SIZE];
        d.hasBuffer = true;
        try {
            setProtocol(s, protocol, fixImports == 0 || vm.truthy(fixImports));
            setBufferCallback(s, bufferCallback);
        } catch (RuntimeException e) {
            heap.decref(s);
            throw e;
        }
        return s;
    }

    /** _pickle.dumps. */
    long dumps(long obj, long protocol, long fixImports, long bufferCallback) {
        long s = newPickler(protocol, fixImports, bufferCallback);
        try {
            Dump d = dumps.get(s);
            dumpObject(s, d, obj);
            return heap.bytes.of(java.util.Arrays.copyOf(d.out, d.len));
        } finally {
            heap.decref(s);
        }
    }

    /** _pickle.dump. */
    void dumpTo(long obj, long file, long protocol, long fixImports, long bufferCallback) {
        long s = newPickler(protocol, fixImports, bufferCallback);
        try {
            setOutputStream(s, file);
            Dump d = dumps.get(s);
            dumpObject(s, d, obj);
            flushToFile(s, d);
        } finally {
            heap.decref(s);
        }
    }

    // ---- attributes --------------------------------------------------------------------------

    @Override
    public long attrOf(long o, String name) {
        switch (name) {
            case "bin":
                return vm.newInt(Native.getInt(o + BIN));
            case "fast":
                return vm.newInt(Native.getInt(o + FAST));
            case "dispatch_table": {
                long v = get(o, DISPATCH_TABLE);
                if (v == 0) throw vm.error("AttributeError", "'" + heap.typeOf(o).name() + "' object has no attribute 'dispatch_table'");
                return vm.incref(v);
            }
            case "memo":
                return st.picklerMemoProxy.create(o);
            case "persistent_id":
                return methodRefObject(o, "persistent_id", PERS_FUNC, PERS_FUNC_SELF);
            default:
                return 0;
        }
    }

    @Override
    public boolean writableDescriptor(String name) {
        return switch (name) {
            case "bin", "fast", "dispatch_table", "memo", "persistent_id" -> true;
            default -> false;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (!writableDescriptor(name)) return false;
        setDescriptorValue(o, name, v);
        return true;
    }

    @Override
    public void setDescriptorValue(long o, String name, long v) {
        switch (name) {
            case "bin", "fast" -> {
                if (v == 0) throw vm.error("TypeError", "can't delete numeric/char attribute");
                if (!vm.isInt(v)) throw vm.error("TypeError", "attribute value type must be int");
                BigInteger i = IntType.toBig(v);
                if (i.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
                long l = i.longValue();
                if (l > Integer.MAX_VALUE || l < Integer.MIN_VALUE) vm.warn("RuntimeWarning", "Truncation of value to int", 1);
                Native.putInt(o + (name.equals("bin") ? BIN : FAST), (int) l);
            }
            case "dispatch_table" -> {
                if (v == 0 && get(o, DISPATCH_TABLE) == 0) throw vm.error("AttributeError", "dispatch_table");
                set(o, DISPATCH_TABLE, v == 0 ? 0 : vm.incref(v));
            }
            case "memo" -> setMemo(o, v);
            case "persistent_id" -> setMethodRef(o, "persistent_id", v, PERS_FUNC, PERS_FUNC_SELF);
            default -> throw vm.error("AttributeError", "readonly attribute");
        }
    }

    /** Pickler_set_memo: a copy of another pickler's memo (its proxy), or a dict {id: (index, obj)}. */
    private void setMemo(long o, long v) {
        if (v == 0) throw vm.error("TypeError", "attribute deletion is not supported");
        LinkedHashMap<Long, Long> fresh = new LinkedHashMap<>();
        if (heap.typeOf(v) == st.picklerMemoProxy) {
            Dump other = dumps.get(MemoProxyType.owner(v));
            if (other != null) fresh.putAll(other.memo);
        } else if (vm.isInstanceOf(v, heap.dicts)) {
            for (long ix = DictType.nextEntry(v, 0); ix >= 0; ix = DictType.nextEntry(v, ix + 1)) {
                long value = DictType.entryValueAt(v, ix);
                if (!vm.isInstanceOf(value, heap.tuples) || TupleType.size(value) != 2 || !vm.isInt(TupleType.item(value, 0))) {
                    throw vm.error("TypeError", "'memo' values must be 2-item tuples");
                }
                long id = Params.ssizeExact(vm, TupleType.item(value, 0));
                fresh.put(TupleType.item(value, 1), id);
            }
        } else {
            throw vm.error("TypeError", "'memo' attribute must be a PicklerMemoProxy object or dict, not " + vm.typeName(v));
        }
        for (long k : fresh.keySet()) heap.incref(k);
        Dump d = dumpMade(o);
        releaseMemo(d);
        d.memo.putAll(fresh);
        d.memoAllocated = 8;
        grow(d, 0);
    }

    /** PyMemoTable's growth after an insertion: past two thirds full, resized to the power of two above 4 (or 2) times the count. */
    private static void grow(Dump d, int unused) {
        long used = d.memo.size();
        while (used * 3 >= (d.memoAllocated - 1) * 2) {
            long min = (used > 50000 ? 2 : 4) * used;
            long size = 8;
            while (size < min) size <<= 1;
            if (size <= d.memoAllocated) break;
            d.memoAllocated = size;
        }
    }

    /** The memo as {@code PicklerMemoProxy.copy()} gives it: {id(obj): (index, obj)}. */
    long memoCopy(long o) {
        long out = heap.dicts.create();
        Dump d = dumps.get(o);
        if (d == null) return out;
        try {
            for (Map.Entry<Long, Long> e : d.memo.entrySet()) {
                long key = vm.newInt(e.getKey());
                long idx = vm.newInt(e.getValue());
                long t = PickleModule.tuple(vm, idx, e.getKey());
                heap.decref(idx);
                try {
                    heap.dicts.setItem(out, key, t);
                } finally {
                    heap.decref(key);
                    heap.decref(t);
                }
            }
        } catch (RuntimeException ex) {
            heap.decref(out);
            throw ex;
        }
        return out;
    }

    void memoClear(long o) {
        Dump d = dumps.get(o);
        if (d != null) releaseMemo(d);
    }

    // ---- the output buffer and frames ----------------------------------------------------------

    private static void clearBuffer(Dump d) {
        d.out = new byte[WRITE_BUF_SIZE];
        d.hasBuffer = true;
        d.len = 0;
        d.frameStart = -1;
    }

    /** _Pickler_Write: opening a frame first when framing and none is open. */
    private void write(long s, Dump d, byte[] data, int off, int n) {
        boolean newFrame = Native.getInt(s + FRAMING) != 0 && d.frameStart == -1;
        int need = d.len + n + (newFrame ? FRAME_HEADER_SIZE : 0);
        if (need > d.out.length) {
            long cap = ((long) need / 2) * 3;
            if (cap > Integer.MAX_VALUE - 16) throw vm.error("MemoryError", null);
            d.out = java.util.Arrays.copyOf(d.out, (int) cap);
        }
        if (newFrame) {
            d.frameStart = d.len;
            java.util.Arrays.fill(d.out, d.len, d.len + FRAME_HEADER_SIZE, (byte) 0xfe);
            d.len += FRAME_HEADER_SIZE;
        }
        System.arraycopy(data, off, d.out, d.len, n);
        d.len += n;
    }

    private void write(long s, Dump d, byte[] data) { write(s, d, data, 0, data.length); }

    private void op(long s, Dump d, int opcode) { write(s, d, new byte[] {(byte) opcode}); }

    /** _Pickler_CommitFrame. */
    private void commitFrame(long s, Dump d) {
        if (Native.getInt(s + FRAMING) == 0 || d.frameStart == -1) return;
        int frameLen = d.len - d.frameStart - FRAME_HEADER_SIZE;
        if (frameLen >= FRAME_SIZE_MIN) {
            d.out[d.frameStart] = (byte) Op.FRAME;
            for (int i = 0; i < 8; i++) d.out[d.frameStart + 1 + i] = (byte) (i < 4 ? frameLen >>> (8 * i) : 0);
        } else {
            System.arraycopy(d.out, d.frameStart + FRAME_HEADER_SIZE, d.out, d.frameStart, frameLen);
            d.len -= FRAME_HEADER_SIZE;
        }
        d.frameStart = -1;
    }

    /** _Pickler_OpcodeBoundary: a frame of 64 KiB or more is committed (and, with a file, written out). */
    private void opcodeBoundary(long s, Dump d) {
        if (Native.getInt(s + FRAMING) == 0 || d.frameStart == -1) return;
        if (d.len - d.frameStart - FRAME_HEADER_SIZE >= FRAME_SIZE_TARGET) {
            commitFrame(s, d);
            if (get(s, WRITE) != 0) {
                flushToFile(s, d);
                clearBuffer(d);
            }
        }
    }

    /** _Pickler_FlushToFile: the buffer (frame committed) as one bytes object to write(). */
    private void flushToFile(long s, Dump d) {
        commitFrame(s, d);
        long b = heap.bytes.of(java.util.Arrays.copyOf(d.out, d.len));
        d.hasBuffer = false;
        d.out = new byte[0];
        d.len = 0;
        try {
            heap.decref(vm.call(get(s, WRITE), b));
        } finally {
            heap.decref(b);
        }
    }

    /** _Pickler_write_bytes: a payload of 64 KiB or more goes past the buffer (and any frame) to the file. */
    private void writeBytes(long s, Dump d, byte[] header, byte[] data, long payload) {
        boolean bypass = data.length >= FRAME_SIZE_TARGET;
        int framing = Native.getInt(s + FRAMING);
        if (bypass) {
            commitFrame(s, d);
            Native.putInt(s + FRAMING, 0);
        }
        write(s, d, header);
        if (bypass && get(s, WRITE) != 0) {
            flushToFile(s, d);
            long p = payload != 0 ? vm.incref(payload) : heap.bytes.of(data);
            try {
                heap.decref(vm.call(get(s, WRITE), p));
            } finally {
                heap.decref(p);
            }
            clearBuffer(d);
        } else {
            write(s, d, data);
        }
        Native.putInt(s + FRAMING, framing);
    }

    // ---- dump ----------------------------------------------------------------------------------

    /** dump(): reducer_override looked up, PROTO, framing, the object, STOP, the last frame committed. */
    private void dumpObject(long s, Dump d, long obj) {
        long ro = vm.lookupAttr(s, "reducer_override");
        set(s, REDUCER_OVERRIDE, ro);
        try {
            int proto = Native.getInt(s + PROTO);
            if (proto >= 2) {
                write(s, d, new byte[] {(byte) Op.PROTO, (byte) proto});
                if (proto >= 4) Native.putInt(s + FRAMING, 1);
            }
            save(s, d, obj, false);
            op(s, d, Op.STOP);
            commitFrame(s, d);
        } finally {
            Native.putInt(s + FRAMING, 0);
            set(s, REDUCER_OVERRIDE, 0);
        }
    }

    private PyException pickling(String msg) { return PickleModule.error(vm, st.picklingError, msg); }

    /** save(): one object, then an opcode boundary. */
    void save(long s, Dump d, long obj, boolean persSave) {
        saveInner(s, d, obj, persSave);
        opcodeBoundary(s, d);
    }

    private void saveInner(long s, Dump d, long obj, boolean persSave) {
        if (!persSave && get(s, PERS_FUNC) != 0 && savePers(s, d, obj)) return;
        var type = heap.typeOf(obj);
        if (obj == heap.None) {
            op(s, d, Op.NONE);
            return;
        }
        if (obj == heap.True || obj == heap.False) {
            saveBool(s, d, obj == heap.True);
            return;
        }
        if (type == heap.ints) {
            saveLong(s, d, obj);
            return;
        }
        if (type == heap.floats) {
            saveFloat(s, d, obj);
            return;
        }
        if (d.memo.containsKey(obj)) {
            memoGet(s, d, obj);
            return;
        }
        if (type == heap.bytes) {
            saveBytes(s, d, obj);
            return;
        }
        if (type == heap.strs) {
            saveUnicode(s, d, obj);
            return;
        }
        vm.enterRecursiveCall(RECURSION);
        try {
            if (type == heap.dicts) saveDict(s, d, obj);
            else if (type == heap.sets) saveSet(s, d, obj);
            else if (type == heap.frozensets) saveFrozenset(s, d, obj);
            else if (type == heap.lists) saveList(s, d, obj);
            else if (type == heap.tuples) saveTuple(s, d, obj);
            else if (type == vm.byteArrayType()) saveBytearray(s, d, obj);
            else if (type == st.pickleBuffer) savePicklebuffer(s, d, obj);
            else saveOther(s, d, obj);
        } finally {
            vm.leaveRecursiveCall();
        }
    }

    private void saveOther(long s, Dump d, long obj) {
        var type = heap.typeOf(obj);
        long reduceValue = 0;
        long ro = get(s, REDUCER_OVERRIDE);
        try {
            if (ro != 0) {
                reduceValue = vm.call(ro, obj);
                if (reduceValue == vm.notImplemented()) {
                    heap.decref(reduceValue);
                    reduceValue = 0;
                }
            }
            if (reduceValue == 0) {
                if (type == heap.typeType) {
                    saveType(s, d, obj);
                    return;
                }
                if (vm.isFunction(obj)) {
                    saveGlobal(s, d, obj, 0);
                    return;
                }
                long reduceFunc;
                long dt = get(s, DISPATCH_TABLE);
                if (dt == 0) {
                    reduceFunc = heap.dicts.getItem(st.dispatchTable, type.address());
                    if (reduceFunc != 0) heap.incref(reduceFunc);
                } else {
                    long key = type.address();
                    try {
                        reduceFunc = vm.getItem(dt, key);
                    } catch (PyException e) {
                        if (!vm.isInstance(e, "KeyError")) throw e;
                        heap.decref(e.exc());
                        reduceFunc = 0;
                    }
                }
                if (reduceFunc != 0) {
                    try {
                        reduceValue = vm.call(reduceFunc, obj);
                    } finally {
                        heap.decref(reduceFunc);
                    }
                } else if (vm.isSubclass(type.address(), heap.typeType.address())) {
                    saveGlobal(s, d, obj, 0);
                    return;
                } else {
                    long f = vm.lookupAttr(obj, "__reduce_ex__");
                    if (f != 0) {
                        long p = vm.newInt(Native.getInt(s + PROTO));
                        try {
                            reduceValue = vm.call(f, p);
                        } finally {
                            heap.decref(p);
                            heap.decref(f);
                        }
                    } else {
                        f = vm.lookupAttr(obj, "__reduce__");
                        if (f == 0) throw pickling("can't pickle '" + type.name() + "' object: " + vm.repr(obj));
                        try {
                            reduceValue = vm.call(f);
                        } finally {
                            heap.decref(f);
                        }
                    }
                }
            }
            if (vm.isStr(reduceValue)) {
                saveGlobal(s, d, obj, reduceValue);
                return;
            }
            if (!vm.isInstanceOf(reduceValue, heap.tuples)) throw pickling("__reduce__ must return a string or tuple");
            saveReduce(s, d, reduceValue, obj);
        } finally {
            if (reduceValue != 0) heap.decref(reduceValue);
        }
    }

    /** save_pers: true when persistent_id gave an id (written), false for None. */
    private boolean savePers(long s, Dump d, long obj) {
        long pid = callMethodRef(s, PERS_FUNC, PERS_FUNC_SELF, obj);
        try {
            if (pid == heap.None) return false;
            if (Native.getInt(s + BIN) != 0) {
                save(s, d, pid, true);
                op(s, d, Op.BINPERSID);
            } else {
                String str = vm.toStr(pid);
                for (int i = 0; i < str.length(); i++) {
                    if (str.charAt(i) > 127) throw pickling("persistent IDs in protocol 0 must be ASCII strings");
                }
                op(s, d, Op.PERSID);
                write(s, d, str.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                write(s, d, new byte[] {'\n'});
            }
            return true;
        } finally {
            heap.decref(pid);
        }
    }

    private void saveBool(long s, Dump d, boolean v) {
        if (Native.getInt(s + PROTO) >= 2) op(s, d, v ? Op.NEWTRUE : Op.NEWFALSE);
        else write(s, d, ascii(v ? "I01\n" : "I00\n"));
    }

    private static byte[] ascii(String t) { return t.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); }

    private void saveLong(long s, Dump d, long obj) {
        if (IntType.fitsLong(obj)) {
            long val = IntType.asLong(obj);
            if (val <= 0x7fffffffL && val >= -0x80000000L) {
                if (Native.getInt(s + BIN) != 0) {
                    byte[] p = {0, (byte) val, (byte) (val >> 8), (byte) (val >> 16), (byte) (val >> 24)};
                    if (p[4] != 0 || p[3] != 0) {
                        p[0] = (byte) Op.BININT;
                        write(s, d, p, 0, 5);
                    } else if (p[2] != 0) {
                        p[0] = (byte) Op.BININT2;
                        write(s, d, p, 0, 3);
                    } else {
                        p[0] = (byte) Op.BININT1;
                        write(s, d, p, 0, 2);
                    }
                } else {
                    write(s, d, ascii("I" + val + "\n"));
                }
                return;
            }
        }
        BigInteger v = IntType.toBig(obj);
        if (Native.getInt(s + PROTO) >= 2) {
            byte[] be = v.toByteArray();
            int n = be.length;
            byte[] le = new byte[n];
            for (int i = 0; i < n; i++) le[i] = be[n - 1 - i];
            if (n < 256) {
                write(s, d, new byte[] {(byte) Op.LONG1, (byte) n});
            } else {
                write(s, d, new byte[] {(byte) Op.LONG4, (byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
            }
            write(s, d, le);
        } else {
            write(s, d, ascii("L" + v + "L\n"));
        }
    }

    private void saveFloat(long s, Dump d, long obj) {
        double x = FloatType.value(obj);
        if (Native.getInt(s + BIN) != 0) {
            long bits = Double.doubleToRawLongBits(x);
            byte[] p = new byte[9];
            p[0] = (byte) Op.BINFLOAT;
            for (int i = 0; i < 8; i++) p[1 + i] = (byte) (bits >>> (56 - 8 * i));
            write(s, d, p);
        } else {
            write(s, d, ascii("F" + vm.reprAs(heap.floats, obj) + "\n"));
        }
    }

    private void saveBytes(long s, Dump d, long obj) {
        if (Native.getInt(s + PROTO) < 3) {
            long rv;
            if (BytesType.length(obj) == 0) {
                long empty = heap.tuples.alloc(0);
                rv = PickleModule.tuple(vm, heap.bytes.address(), empty);
                heap.decref(empty);
            } else {
                byte[] b = BytesType.value(obj);
                long u = vm.decode(b, "latin-1", "strict");
                long latin1 = vm.internedStr("latin1");
                long args = PickleModule.tuple(vm, u, latin1);
                heap.decref(u);
                heap.decref(latin1);
                rv = PickleModule.tuple(vm, st.codecsEncode, args);
                heap.decref(args);
            }
            try {
                saveReduce(s, d, rv, obj);
            } finally {
                heap.decref(rv);
            }
            return;
        }
        saveBytesData(s, d, obj, BytesType.value(obj), obj);
    }

    /** _save_bytes_data: SHORT_BINBYTES, BINBYTES or BINBYTES8, then memoized. */
    private void saveBytesData(long s, Dump d, long obj, byte[] data, long payload) {
        long size = data.length;
        byte[] header;
        if (size <= 0xff) header = new byte[] {(byte) Op.SHORT_BINBYTES, (byte) size};
        else if (size <= 0xffffffffL) header = new byte[] {(byte) Op.BINBYTES, (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)};
        else header = size8(Op.BINBYTES8, size);
        writeBytes(s, d, header, data, payload);
        memoPut(s, d, obj);
    }

    private static byte[] size8(int opcode, long size) {
        byte[] h = new byte[9];
        h[0] = (byte) opcode;
        for (int i = 0; i < 8; i++) h[1 + i] = (byte) (size >>> (8 * i));
        return h;
    }

    private void saveBytearray(long s, Dump d, long obj) {
        byte[] data = vm.bytesLike(obj);
        if (Native.getInt(s + PROTO) < 5) {
            long rv;
            if (data.length == 0) {
                long empty = heap.tuples.alloc(0);
                rv = PickleModule.tuple(vm, vm.byteArrayType().address(), empty);
                heap.decref(empty);
            } else {
                long b = heap.bytes.of(data);
                long args = PickleModule.tuple(vm, b);
                heap.decref(b);
                rv = PickleModule.tuple(vm, vm.byteArrayType().address(), args);
                heap.decref(args);
            }
            try {
                saveReduce(s, d, rv, obj);
            } finally {
                heap.decref(rv);
            }
            return;
        }
        saveBytearrayData(s, d, obj, data);
    }

    private void saveBytearrayData(long s, Dump d, long obj, byte[] data) {
        writeBytes(s, d, size8(Op.BYTEARRAY8, data.length), data, 0);
        memoPut(s, d, obj);
    }

    private void savePicklebuffer(long s, Dump d, long obj) {
        if (Native.getInt(s + PROTO) < 5) throw pickling("PickleBuffer can only pickled with protocol >= 5");
        PickleBufferType.View view = st.pickleBuffer.view(obj);
        if (!view.contiguous()) throw pickling("PickleBuffer can not be pickled when pointing to a non-contiguous buffer");
        boolean inBand = true;
        long cb = get(s, BUFFER_CALLBACK);
        if (cb != 0) inBand = vm.truthyNew(vm.call(cb, obj));
        if (inBand) {
            byte[] data = st.pickleBuffer.bytes(obj);
            if (view.readonly()) saveBytesData(s, d, obj, data, 0);
            else saveBytearrayData(s, d, obj, data);
        } else {
            op(s, d, Op.NEXT_BUFFER);
            if (view.readonly()) op(s, d, Op.READONLY_BUFFER);
        }
    }

    /** write_unicode_binary / the raw-unicode-escape text of protocol 0, then memoized. */
    private void saveUnicode(long s, Dump d, long obj) {
        if (Native.getInt(s + BIN) != 0) {
            byte[] data;
            long payload = 0;
            if (StrType.isAscii(obj)) {
                data = new byte[(int) StrType.length(obj)];
                if (data.length > 0) Native.copyTo(StrType.data(obj), data, 0, data.length);
            } else {
                payload = vm.encode(obj, "utf-8", "surrogatepass");
                data = BytesType.value(payload);
            }
            try {
                long size = data.length;
                int proto = Native.getInt(s + PROTO);
                byte[] header;
                if (size <= 0xff && proto >= 4) header = new byte[] {(byte) Op.SHORT_BINUNICODE, (byte) size};
                else if (size <= 0xffffffffL) header = new byte[] {(byte) Op.BINUNICODE, (byte) size, (byte) (size >> 8), (byte) (size >> 16), (byte) (size >> 24)};
                else if (proto >= 4) header = size8(Op.BINUNICODE8, size);
                else throw pickling("cannot serialize a string larger than 4GiB");
                writeBytes(s, d, header, data, payload);
            } finally {
                if (payload != 0) heap.decref(payload);
            }
        } else {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            b.write(Op.UNICODE);
            long n = StrType.length(obj);
            for (long i = 0; i < n; i++) {
                int ch = StrType.codePointAt(obj, i);
                if (ch >= 0x10000) {
                    b.writeBytes(ascii(String.format("\\U%08x", ch)));
                } else if (ch >= 256 || ch == '\\' || ch == 0 || ch == '\n' || ch == '\r' || ch == 0x1a) {
                    b.writeBytes(ascii(String.format("\\u%04x", ch)));
                } else {
                    b.write(ch);
                }
            }
            b.write('\n');
            write(s, d, b.toByteArray());
        }
        memoPut(s, d, obj);
    }

    private void memoPut(long s, Dump d, long obj) {
        if (Native.getInt(s + FAST) != 0) return;
        long idx = d.memo.size();
        heap.incref(obj);
        d.memo.put(obj, idx);
        grow(d, 0);
        if (Native.getInt(s + PROTO) >= 4) {
            op(s, d, Op.MEMOIZE);
        } else if (Native.getInt(s + BIN) != 0) {
            if (idx < 256) write(s, d, new byte[] {(byte) Op.BINPUT, (byte) idx});
            else write(s, d, new byte[] {(byte) Op.LONG_BINPUT, (byte) idx, (byte) (idx >> 8), (byte) (idx >> 16), (byte) (idx >> 24)});
        } else {
            write(s, d, ascii("p" + idx + "\n"));
        }
    }

    private void memoGet(long s, Dump d, long obj) {
        long idx = d.memo.get(obj);
        if (Native.getInt(s + BIN) != 0) {
            if (idx < 256) write(s, d, new byte[] {(byte) Op.BINGET, (byte) idx});
            else write(s, d, new byte[] {(byte) Op.LONG_BINGET, (byte) idx, (byte) (idx >> 8), (byte) (idx >> 16), (byte) (idx >> 24)});
        } else {
            write(s, d, ascii("g" + idx + "\n"));
        }
    }

    private boolean fastSaveEnter(long s, long obj) {
        int nesting = Native.getInt(s + FAST_NESTING) + 1;
        Native.putInt(s + FAST_NESTING, nesting);
        if (nesting >= FAST_NESTING_LIMIT) {
            if (get(s, FAST_MEMO) == 0) put(s, FAST_MEMO, heap.dicts.create());
            long key = vm.newInt(obj);
            try {
                if (heap.dicts.getItem(get(s, FAST_MEMO), key) != 0) {
                    Native.putInt(s + FAST_NESTING, -1);
                    throw vm.error("ValueError", "fast mode: can't pickle cyclic objects including object type " + heap.typeOf(obj).name()
                            + " at 0x" + Long.toHexString(obj));
                }
                heap.dicts.setItem(get(s, FAST_MEMO), key, heap.None);
            } finally {
                heap.decref(key);
            }
        }
        return true;
    }

    private void fastSaveLeave(long s, long obj) {
        int nesting = Native.getInt(s + FAST_NESTING);
        Native.putInt(s + FAST_NESTING, nesting - 1);
        if (nesting >= FAST_NESTING_LIMIT) {
            long key = vm.newInt(obj);
            try {
                heap.dicts.delItem(get(s, FAST_MEMO), key);
            } finally {
                heap.decref(key);
            }
        }
    }

    private void saveTuple(long s, Dump d, long obj) {
        long len = TupleType.size(obj);
        int proto = Native.getInt(s + PROTO);
        if (len == 0) {
            if (proto != 0) op(s, d, Op.EMPTY_TUPLE);
            else write(s, d, new byte[] {(byte) Op.MARK, (byte) Op.TUPLE});
            return;
        }
        if (len <= 3 && proto >= 2) {
            for (long i = 0; i < len; i++) save(s, d, TupleType.item(obj, i), false);
            if (d.memo.containsKey(obj)) {
                for (long i = 0; i < len; i++) op(s, d, Op.POP);
                memoGet(s, d, obj);
                return;
            }
            op(s, d, len == 1 ? Op.TUPLE1 : len == 2 ? Op.TUPLE2 : Op.TUPLE3);
            memoPut(s, d, obj);
            return;
        }
        op(s, d, Op.MARK);
        for (long i = 0; i < len; i++) save(s, d, TupleType.item(obj, i), false);
        if (d.memo.containsKey(obj)) {
            if (Native.getInt(s + BIN) != 0) op(s, d, Op.POP_MARK);
            else for (long i = 0; i <= len; i++) op(s, d, Op.POP);
            memoGet(s, d, obj);
            return;
        }
        op(s, d, Op.TUPLE);
        memoPut(s, d, obj);
    }

    private void saveList(long s, Dump d, long obj) {
        boolean fast = Native.getInt(s + FAST) != 0;
        if (fast) fastSaveEnter(s, obj);
        if (Native.getInt(s + BIN) != 0) op(s, d, Op.EMPTY_LIST);
        else write(s, d, new byte[] {(byte) Op.MARK, (byte) Op.LIST});
        memoPut(s, d, obj);
        if (ListType.size(obj) != 0) {
            if (Native.getInt(s + PROTO) > 0) {
                vm.enterRecursiveCall(RECURSION);
                try {
                    batchListExact(s, d, obj);
                } finally {
                    vm.leaveRecursiveCall();
                }
            } else {
                long it = vm.iter(obj);
                vm.enterRecursiveCall(RECURSION);
                try {
                    batchList(s, d, it);
                } finally {
                    vm.leaveRecursiveCall();
                    heap.decref(it);
                }
            }
        }
        if (fast) fastSaveLeave(s, obj);
    }

    /** batch_list_exact: one item with APPEND, else MARK items APPENDS per 1000 (the list read live). */
    private void batchListExact(long s, Dump d, long obj) {
        if (ListType.size(obj) == 1) {
            long item = vm.incref(ListType.item(obj, 0));
            try {
                save(s, d, item, false);
            } finally {
                heap.decref(item);
            }
            op(s, d, Op.APPEND);
            return;
        }
        long total = 0;
        do {
            int thisBatch = 0;
            op(s, d, Op.MARK);
            while (total < ListType.size(obj)) {
                long item = vm.incref(ListType.item(obj, total));
                try {
                    save(s, d, item, false);
                } finally {
                    heap.decref(item);
                }
                total++;
                if (++thisBatch == BATCHSIZE) break;
            }
            op(s, d, Op.APPENDS);
        } while (total < ListType.size(obj));
    }

    /** batch_list over an iterator: APPEND per item without bin, else batches (a lone item with APPEND). */
    private void batchList(long s, Dump d, long it) {
        if (Native.getInt(s + BIN) == 0) {
            long item;
            while ((item = vm.next(it)) != 0) {
                try {
                    save(s, d, item, false);
                } finally {
                    heap.decref(item);
                }
                op(s, d, Op.APPEND);
            }
            return;
        }
        long first = vm.next(it);
        if (first == 0) return;
        long item = vm.next(it);
        if (item == 0) {
            try {
                save(s, d, first, false);
            } finally {
                heap.decref(first);
            }
            op(s, d, Op.APPEND);
            return;
        }
        while (true) {
            op(s, d, Op.MARK);
            int n = 0;
            try {
                save(s, d, first, false);
            } finally {
                heap.decref(first);
                first = 0;
            }
            n++;
            while (item != 0) {
                try {
                    save(s, d, item, false);
                } finally {
                    heap.decref(item);
                }
                item = 0;
                if (++n == BATCHSIZE) break;
                item = vm.next(it);
            }
            op(s, d, Op.APPENDS);
            if (n != BATCHSIZE) break;
            first = vm.next(it);
            if (first == 0) break;
            item = vm.next(it);
            if (item == 0) {
                try {
                    save(s, d, first, false);
                } finally {
                    heap.decref(first);
                }
                op(s, d, Op.APPEND);
                break;
            }
        }
    }

    private void saveDict(long s, Dump d, long obj) {
        boolean fast = Native.getInt(s + FAST) != 0;
        if (fast) fastSaveEnter(s, obj);
        if (Native.getInt(s + BIN) != 0) op(s, d, Op.EMPTY_DICT);
        else write(s, d, new byte[] {(byte) Op.MARK, (byte) Op.DICT});
        memoPut(s, d, obj);
        if (DictType.size(obj) != 0) {
            if (Native.getInt(s + PROTO) > 0) {
                vm.enterRecursiveCall(RECURSION);
                try {
                    batchDictExact(s, d, obj);
                } finally {
                    vm.leaveRecursiveCall();
                }
            } else {
                long items = vm.callMethod(obj, "items");
                long it;
                try {
                    it = vm.iter(items);
                } finally {
                    heap.decref(items);
                }
                vm.enterRecursiveCall(RECURSION);
                try {
                    batchDict(s, d, it);
                } finally {
                    vm.leaveRecursiveCall();
                    heap.decref(it);
                }
            }
        }
        if (fast) fastSaveLeave(s, obj);
    }

    private void savePair(long s, Dump d, long k, long v) {
        heap.incref(k);
        heap.incref(v);
        try {
            save(s, d, k, false);
            save(s, d, v, false);
        } finally {
            heap.decref(k);
            heap.decref(v);
        }
    }

    /** batch_dict_exact: one pair with SETITEM, else MARK pairs SETITEMS per 1000; the dict must keep its size. */
    private void batchDictExact(long s, Dump d, long obj) {
        long size = DictType.size(obj);
        if (size == 1) {
            long ix = DictType.nextEntry(obj, 0);
            savePair(s, d, DictType.entryKeyAt(obj, ix), DictType.entryValueAt(obj, ix));
            op(s, d, Op.SETITEM);
            return;
        }
        long pos = 0;
        while (true) {
            int n = 0;
            op(s, d, Op.MARK);
            long ix;
            while ((ix = DictType.nextEntry(obj, pos)) >= 0) {
                pos = ix + 1;
                savePair(s, d, DictType.entryKeyAt(obj, ix), DictType.entryValueAt(obj, ix));
                if (++n == BATCHSIZE) break;
            }
            op(s, d, Op.SETITEMS);
            if (DictType.size(obj) != size) throw vm.error("RuntimeError", "dictionary changed size during iteration");
            if (n != BATCHSIZE) break;
        }
    }

    /** The (key, value) pair an items iterator gave, checked as batch_dict checks it. */
    private void checkPair(long p) {
        if (!vm.isInstanceOf(p, heap.tuples) || TupleType.size(p) != 2) {
            heap.decref(p);
            throw vm.error("TypeError", "dict items iterator must return 2-tuples");
        }
    }

    private void savePairTuple(long s, Dump d, long p) {
        try {
            save(s, d, TupleType.item(p, 0), false);
            save(s, d, TupleType.item(p, 1), false);
        } finally {
            heap.decref(p);
        }
    }

    /** batch_dict over an items iterator. */
    private void batchDict(long s, Dump d, long it) {
        if (Native.getInt(s + BIN) == 0) {
            long p;
            while ((p = vm.next(it)) != 0) {
                checkPair(p);
                savePairTuple(s, d, p);
                op(s, d, Op.SETITEM);
            }
            return;
        }
        long first = vm.next(it);
        if (first == 0) return;
        checkPair(first);
        long item = vm.next(it);
        if (item == 0) {
            savePairTuple(s, d, first);
            op(s, d, Op.SETITEM);
            return;
        }
        while (true) {
            op(s, d, Op.MARK);
            int n = 0;
            savePairTuple(s, d, first);
            first = 0;
            n++;
            while (item != 0) {
                checkPair(item);
                savePairTuple(s, d, item);
                item = 0;
                if (++n == BATCHSIZE) break;
                item = vm.next(it);
            }
            op(s, d, Op.SETITEMS);
            if (n != BATCHSIZE) break;
            first = vm.next(it);
            if (first == 0) break;
            checkPair(first);
            item = vm.next(it);
            if (item == 0) {
                savePairTuple(s, d, first);
                op(s, d, Op.SETITEM);
                break;
            }
        }
    }

    private void saveSet(long s, Dump d, long obj) {
        if (Native.getInt(s + PROTO) < 4) {
            long items = vm.call(heap.lists.address(), obj);
            long args = PickleModule.tuple(vm, items);
            heap.decref(items);
            long rv = PickleModule.tuple(vm, heap.sets.address(), args);
            heap.decref(args);
            try {
                saveReduce(s, d, rv, obj);
            } finally {
                heap.decref(rv);
            }
            return;
        }
        op(s, d, Op.EMPTY_SET);
        memoPut(s, d, obj);
        long size = SetType.size(obj);
        if (size == 0) return;
        long pos = 0;
        int n;
        do {
            n = 0;
            op(s, d, Op.MARK);
            long slot;
            while ((slot = heap.sets.nextSlot(obj, pos)) >= 0) {
                pos = slot + 1;
                long item = vm.incref(SetType.keyAt(obj, slot));
                try {
                    save(s, d, item, false);
                } finally {
                    heap.decref(item);
                }
                if (++n == BATCHSIZE) break;
            }
            op(s, d, Op.ADDITEMS);
            if (SetType.size(obj) != size) throw vm.error("RuntimeError", "set changed size during iteration");
        } while (n == BATCHSIZE);
    }

    private void saveFrozenset(long s, Dump d, long obj) {
        if (Native.getInt(s + PROTO) < 4) {
            long items = vm.call(heap.lists.address(), obj);
            long args = PickleModule.tuple(vm, items);
            heap.decref(items);
            long rv = PickleModule.tuple(vm, heap.frozensets.address(), args);
            heap.decref(args);
            try {
                saveReduce(s, d, rv, obj);
            } finally {
                heap.decref(rv);
            }
            return;
        }
        op(s, d, Op.MARK);
        long it = vm.iter(obj);
        try {
            long item;
            while ((item = vm.next(it)) != 0) {
                try {
                    save(s, d, item, false);
                } finally {
                    heap.decref(item);
                }
            }
        } finally {
            heap.decref(it);
        }
        if (d.memo.containsKey(obj)) {
            op(s, d, Op.POP_MARK);
            memoGet(s, d, obj);
            return;
        }
        op(s, d, Op.FROZENSET);
        memoPut(s, d, obj);
    }

    /** save_type: the types of None, Ellipsis and NotImplemented by reduction to type(singleton), others as globals. */
    private void saveType(long s, Dump d, long obj) {
        long[] types = vm.singletonTypes();
        long singleton = obj == types[0] ? heap.None : obj == types[1] ? vm.ellipsis() : obj == types[2] ? vm.notImplemented() : 0;
        if (singleton == 0) {
            saveGlobal(s, d, obj, 0);
            return;
        }
        long args = PickleModule.tuple(vm, singleton);
        long rv = PickleModule.tuple(vm, heap.typeType.address(), args);
        heap.decref(args);
        try {
            saveReduce(s, d, rv, obj);
        } finally {
            heap.decref(rv);
        }
    }

    /** get_dotted_path: the name split at dots; a {@code <locals>} part is refused. */
    private String[] dottedPath(long obj, long name) {
        String n = vm.strValue(name);
        String[] parts = n.split("\\.", -1);
        for (String p : parts) {
            if (p.equals("<locals>")) {
                if (obj == 0) throw vm.error("AttributeError", "Can't pickle local object " + vm.repr(name));
                throw vm.error("AttributeError", "Can't pickle local attribute " + vm.repr(name) + " on " + vm.repr(obj));
            }
        }
        return parts;
    }

    /** get_deep_attribute: the attribute path followed from obj; parent[0] gets the last object looked in. */
    private long deepAttribute(long obj, String[] path, long[] parent) {
        long cur = vm.incref(obj);
        long par = 0;
        for (String p : path) {
            if (par != 0) heap.decref(par);
            par = cur;
            long name = vm.str(p);
            try {
                cur = vm.getAttr(par, name);
            } catch (RuntimeException e) {
                heap.decref(par);
                throw e;
            } finally {
                heap.decref(name);
            }
        }
        if (parent != null) parent[0] = par;
        else if (par != 0) heap.decref(par);
        return cur;
    }

    /** whichmodule: obj.__module__ unless None, else the first sys.modules entry that has it at the path, else __main__. */
    private long whichModule(long obj, String[] path) {
        long m = vm.lookupAttr(obj, "__module__");
        if (m != 0) {
            if (m != heap.None) return m;
            heap.decref(m);
        }
        long modules = vm.sysModules();
        for (long ix = DictType.nextEntry(modules, 0); ix >= 0; ix = DictType.nextEntry(modules, ix + 1)) {
            long name = DictType.entryKeyAt(modules, ix), module = DictType.entryValueAt(modules, ix);
            if (module == heap.None) continue;
            if (vm.isStr(name) && vm.strValue(name).equals("__main__")) continue;
            long cand;
            try {
                cand = deepAttribute(module, path, null);
            } catch (PyException e) {
                heap.decref(e.exc());
                continue;
            }
            heap.decref(cand);
            if (cand == obj) return vm.incref(name);
        }
        return vm.internedStr("__main__");
    }

    private void saveGlobal(long s, Dump d, long obj, long name) {
        long globalName;
        if (name != 0) {
            globalName = vm.incref(name);
        } else {
            globalName = vm.lookupAttr(obj, "__qualname__");
            if (globalName == 0) globalName = PickleModule.attr(vm, obj, "__name__");
        }
        long moduleName = 0, module = 0, lastname = 0;
        long[] parent = {0};
        try {
            if (!vm.isStr(globalName)) throw vm.error("TypeError", "descriptor 'split' for 'str' objects doesn't apply to a '" + vm.typeName(globalName) + "' object");
            String[] path = dottedPath(0, globalName);
            moduleName = whichModule(obj, path);
            try {
                module = PickleModule.importModule(vm, moduleName);
            } catch (PyException e) {
                heap.decref(e.exc());
                throw pickling("Can't pickle " + vm.repr(obj) + ": import of module " + vm.repr(moduleName) + " failed");
            }
            // str.split gives the name itself when it has no dot (so a repeated name is one memoized object)
            lastname = path.length == 1 ? vm.incref(globalName) : vm.str(path[path.length - 1]);
            long cls;
            try {
                cls = deepAttribute(module, path, parent);
            } catch (PyException e) {
                heap.decref(e.exc());
                throw pickling("Can't pickle " + vm.repr(obj) + ": attribute lookup " + vm.toStr(globalName) + " on " + vm.toStr(moduleName) + " failed");
            }
            heap.decref(cls);
            if (cls != obj) {
                throw pickling("Can't pickle " + vm.repr(obj) + ": it's not the same object as " + vm.toStr(moduleName) + "." + vm.toStr(globalName));
            }
            int proto = Native.getInt(s + PROTO);
            if (proto >= 2) {
                long key = PickleModule.tuple(vm, moduleName, globalName);
                long code;
                try {
                    code = heap.dicts.getItem(st.extensionRegistry, key);
                } finally {
                    heap.decref(key);
                }
                if (code != 0) {
                    if (!vm.isInt(code)) throw pickling("Can't pickle " + vm.repr(obj) + ": extension code " + vm.repr(code) + " isn't an integer");
                    BigInteger c = IntType.toBig(code);
                    if (c.bitLength() > 63) throw vm.error("OverflowError", "Python int too large to convert to C long");
                    long cv = c.longValue();
                    if (cv <= 0 || cv > 0x7fffffffL) throw pickling("Can't pickle " + vm.repr(obj) + ": extension code " + cv + " is out of range");
                    if (cv <= 0xff) write(s, d, new byte[] {(byte) Op.EXT1, (byte) cv});
                    else if (cv <= 0xffff) write(s, d, new byte[] {(byte) Op.EXT2, (byte) cv, (byte) (cv >> 8)});
                    else write(s, d, new byte[] {(byte) Op.EXT4, (byte) cv, (byte) (cv >> 8), (byte) (cv >> 16), (byte) (cv >> 24)});
                    return;
                }
            }
            if (parent[0] == module) {
                heap.decref(globalName);
                globalName = vm.incref(lastname);
            }
            if (proto >= 4) {
                save(s, d, moduleName, false);
                save(s, d, globalName, false);
                op(s, d, Op.STACK_GLOBAL);
            } else if (parent[0] != module) {
                long args = PickleModule.tuple(vm, parent[0], lastname);
                long rv = PickleModule.tuple(vm, st.getattr, args);
                heap.decref(args);
                try {
                    saveReduce(s, d, rv, 0);
                } finally {
                    heap.decref(rv);
                }
            } else {
                op(s, d, Op.GLOBAL);
                long[] names = {moduleName, globalName};
                if (proto < 3 && Native.getInt(s + FIX_IMPORTS) != 0) fixImports(names);
                moduleName = names[0];
                globalName = names[1];
                write(s, d, identifier(moduleName, proto, "module"));
                write(s, d, new byte[] {'\n'});
                write(s, d, identifier(globalName, proto, "global"));
                write(s, d, new byte[] {'\n'});
            }
            memoPut(s, d, obj);
        } finally {
            heap.decref(globalName);
            if (moduleName != 0) heap.decref(moduleName);
            if (module != 0) heap.decref(module);
            if (lastname != 0) heap.decref(lastname);
            if (parent[0] != 0) heap.decref(parent[0]);
        }
    }

    /** A name of a GLOBAL opcode: UTF-8 with protocol 3, ASCII below (else PicklingError). */
    private byte[] identifier(long name, int proto, String what) {
        String v = vm.strValue(name);
        if (proto == 3) {
            long b = vm.encode(name, "utf-8", "strict");
            try {
                return BytesType.value(b);
            } finally {
                heap.decref(b);
            }
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) > 127) throw pickling("can't pickle " + what + " identifier '" + v + "' using pickle protocol " + proto);
        }
        return ascii(v);
    }

    /** fix_imports: Python 3 names mapped to Python 2's by _compat_pickle's reverse mappings (names: new references, replaced). */
    private void fixImports(long[] names) {
        long key = PickleModule.tuple(vm, names[0], names[1]);
        long item;
        try {
            item = heap.dicts.getItem(st.nameMapping3to2, key);
        } finally {
            heap.decref(key);
        }
        if (item != 0) {
            if (!vm.isInstanceOf(item, heap.tuples) || TupleType.size(item) != 2) {
                throw vm.error("RuntimeError", "_compat_pickle.REVERSE_NAME_MAPPING values should be 2-tuples, not " + vm.typeName(item));
            }
            long m = TupleType.item(item, 0), g = TupleType.item(item, 1);
            if (!vm.isStr(m) || !vm.isStr(g)) {
                throw vm.error("RuntimeError", "_compat_pickle.REVERSE_NAME_MAPPING values should be pairs of str, not (" + vm.typeName(m) + ", " + vm.typeName(g) + ")");
            }
            heap.decref(names[0]);
            heap.decref(names[1]);
            names[0] = vm.incref(m);
            names[1] = vm.incref(g);
            return;
        }
        item = heap.dicts.getItem(st.importMapping3to2, names[0]);
        if (item != 0) {
            if (!vm.isStr(item)) throw vm.error("RuntimeError", "_compat_pickle.REVERSE_IMPORT_MAPPING values should be strings, not " + vm.typeName(item));
            heap.decref(names[0]);
            names[0] = vm.incref(item);
        }
    }

    /** save_reduce: a reduction tuple (callable, args[, state[, listitems[, dictitems[, state_setter]]]]). */
    void saveReduce(long s, Dump d, long args, long obj) {
        long size = TupleType.size(args);
        if (size < 2 || size > 6) throw pickling("tuple returned by __reduce__ must contain 2 through 6 elements");
        long callable = TupleType.item(args, 0), argtup = TupleType.item(args, 1);
        long state = size > 2 ? TupleType.item(args, 2) : 0;
        long listitems = size > 3 ? TupleType.item(args, 3) : 0;
        long dictitems = size > 4 ? TupleType.item(args, 4) : 0;
        long stateSetter = size > 5 ? TupleType.item(args, 5) : 0;
        if (!vm.isCallable(callable)) throw pickling("first item of the tuple returned by __reduce__ must be callable");
        if (!vm.isInstanceOf(argtup, heap.tuples)) throw pickling("second item of the tuple returned by __reduce__ must be a tuple");
        if (state == heap.None) state = 0;
        if (listitems == heap.None) listitems = 0;
        else if (listitems != 0 && !isIterator(listitems)) {
            throw pickling("fourth element of the tuple returned by __reduce__ must be an iterator, not " + heap.typeOf(listitems).name());
        }
        if (dictitems == heap.None) dictitems = 0;
        else if (dictitems != 0 && !isIterator(dictitems)) {
            throw pickling("fifth element of the tuple returned by __reduce__ must be an iterator, not " + heap.typeOf(dictitems).name());
        }
        if (stateSetter == heap.None) stateSetter = 0;
        else if (stateSetter != 0 && !vm.isCallable(stateSetter)) {
            throw pickling("sixth element of the tuple returned by __reduce__ must be a function, not " + heap.typeOf(stateSetter).name());
        }
        int proto = Native.getInt(s + PROTO);
        boolean newobj = false, newobjEx = false;
        if (proto >= 2) {
            long name = vm.lookupAttr(callable, "__name__");
            if (name != 0) {
                if (vm.isStr(name)) {
                    String n = vm.strValue(name);
                    newobjEx = n.equals("__newobj_ex__");
                    newobj = !newobjEx && n.equals("__newobj__");
                }
                heap.decref(name);
            }
        }
        if (newobjEx) {
            if (TupleType.size(argtup) != 3) throw pickling("length of the NEWOBJ_EX argument tuple must be exactly 3, not " + TupleType.size(argtup));
            long cls = TupleType.item(argtup, 0), cargs = TupleType.item(argtup, 1), kwargs = TupleType.item(argtup, 2);
            if (!vm.isType(cls)) throw pickling("first item from NEWOBJ_EX argument tuple must be a class, not " + vm.typeName(cls));
            if (!vm.isInstanceOf(cargs, heap.tuples)) throw pickling("second item from NEWOBJ_EX argument tuple must be a tuple, not " + vm.typeName(cargs));
            if (!vm.isInstanceOf(kwargs, heap.dicts)) throw pickling("third item from NEWOBJ_EX argument tuple must be a dict, not " + vm.typeName(kwargs));
            if (proto >= 4) {
                save(s, d, cls, false);
                save(s, d, cargs, false);
                save(s, d, kwargs, false);
                op(s, d, Op.NEWOBJ_EX);
            } else {
                long n = TupleType.size(cargs);
                long newargs = heap.tuples.alloc(n + 2);
                long clsNew;
                try {
                    clsNew = PickleModule.attr(vm, cls, "__new__");
                } catch (RuntimeException e) {
                    heap.decref(newargs);
                    throw e;
                }
                TupleType.setItemSteal(newargs, 0, clsNew);
                TupleType.setItemSteal(newargs, 1, vm.incref(cls));
                for (long i = 0; i < n; i++) TupleType.setItemSteal(newargs, i + 2, vm.incref(TupleType.item(cargs, i)));
                long partial;
                try {
                    partial = vm.callWith(st.partial, newargs, kwargs);
                } finally {
                    heap.decref(newargs);
                }
                long empty = heap.tuples.alloc(0);
                try {
                    save(s, d, partial, false);
                    save(s, d, empty, false);
                    op(s, d, Op.REDUCE);
                } finally {
                    heap.decref(empty);
                    heap.decref(partial);
                }
            }
        } else if (newobj) {
            if (TupleType.size(argtup) < 1) throw pickling("__newobj__ arglist is empty");
            long cls = TupleType.item(argtup, 0);
            if (!vm.isType(cls)) throw pickling("args[0] from __newobj__ args is not a type");
            if (obj != 0) {
                long oc = PickleModule.attr(vm, obj, "__class__");
                heap.decref(oc);
                if (oc != cls) throw pickling("args[0] from __newobj__ args has the wrong class");
            }
            save(s, d, cls, false);
            long n = TupleType.size(argtup);
            long rest = heap.tuples.alloc(n - 1);
            for (long i = 1; i < n; i++) TupleType.setItemSteal(rest, i - 1, vm.incref(TupleType.item(argtup, i)));
            try {
                save(s, d, rest, false);
            } finally {
                heap.decref(rest);
            }
            op(s, d, Op.NEWOBJ);
        } else {
            save(s, d, callable, false);
            save(s, d, argtup, false);
            op(s, d, Op.REDUCE);
        }
        if (obj != 0) {
            if (d.memo.containsKey(obj)) {
                op(s, d, Op.POP);
                memoGet(s, d, obj);
                return;
            }
            memoPut(s, d, obj);
        }
        if (listitems != 0) batchList(s, d, listitems);
        if (dictitems != 0) batchDict(s, d, dictitems);
        if (state != 0) {
            if (stateSetter == 0) {
                save(s, d, state, false);
                op(s, d, Op.BUILD);
            } else {
                save(s, d, stateSetter, false);
                save(s, d, obj, false);
                save(s, d, state, false);
                op(s, d, Op.TUPLE2);
                op(s, d, Op.REDUCE);
                op(s, d, Op.POP);
            }
        }
    }

    /** PyIter_Check: the type has a __next__ (tp_iternext). */
    private boolean isIterator(long o) { return vm.typeHas(o, "__next__"); }
}
