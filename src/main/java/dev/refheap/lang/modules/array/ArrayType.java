package dev.refheap.lang.modules.array;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.ListType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.SurrogateEscapes;
import dev.refheap.object.TupleType;
import java.math.BigInteger;
import java.util.function.LongSupplier;

/**
 * {@code array.array}: CPython 3.11's arrayobject (64 bytes plus the GC head), a heap type
 * (PyType_FromSpec: instances hold a reference to it, the only thing tp_traverse visits), GC
 * tracked from allocation, subclassable, with its items in one PyMem block:
 * <pre>
 *  refcnt | type | ob_size | ob_item (PyMem, or NULL) | allocated | ob_descr | weakreflist | ob_exports
 * </pre>
 * {@code ob_descr} points to a static arraydescr in CPython, whose first field is the typecode;
 * here the word holds that typecode itself (b B u h H i I l L q Q f d; 'u' is wchar_t, 4 bytes on
 * Linux). Invariants: 0 <= ob_size <= allocated; ob_item is NULL exactly when allocated is 0 (an
 * array made from a non-empty str for 'u' owns one more item, the NUL PyUnicode_AsWideCharString
 * writes); items are the C type's native (little-endian) bytes. Growth is array_resize's: a
 * request that fits and frees fewer than 16 items only moves ob_size, an empty array frees its
 * block, anything else reallocates to newsize + newsize/16 + (3 if the old size was below 8 else
 * 7) items, so {@code buffer_info()} and {@code sys.getsizeof} move as python3's. States: an array
 * exporting buffers (ob_exports > 0: a memoryview's managed buffer, a consumer copying out)
 * refuses every change of size with BufferError. Item conversions and their messages are 3.11's
 * PyArg_Parse formats per typecode.
 */
final class ArrayType extends FieldsType {
    static final int OB_SIZE = 16, OB_ITEM = 24, ALLOCATED = 32, OB_DESCR = 40, WEAKREFLIST = 48, OB_EXPORTS = 56, SIZE = 64;
    static final String TYPECODES = "bBuhHiIlLqQfd";
    private static final BigInteger UINT_MAX = BigInteger.valueOf(0xffffffffL);
    final ArrayIterType iterType;
    /** array._array_reconstructor, looked up from the module on the first pickling (array_state's array_reconstructor). */
    long reconstructor;

    ArrayType(VmApi vm) {
        super(vm, "array.array", PyType.HAVE_GC | PyType.BASETYPE, SIZE, WEAKREFLIST);
        iterType = new ArrayIterType(vm, this);
    }

    /** DEFAULT | BASETYPE | HEAPTYPE | IMMUTABLETYPE | HAVE_GC | SEQUENCE | READY, as CPython 3.11.7 reports, plus the version tag once set. */
    @Override
    protected long declaredFlags() { return 0x5720; }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public boolean isDataBase() { return true; }

    // ---- fields ---------------------------------------------------------------------------------

    static long size(long o) { return Native.getLong(o + OB_SIZE); }
    static long items(long o) { return Native.getLong(o + OB_ITEM); }
    static long allocated(long o) { return Native.getLong(o + ALLOCATED); }
    static char typecode(long o) { return (char) Native.getLong(o + OB_DESCR); }
    static long exports(long o) { return Native.getLong(o + OB_EXPORTS); }
    static int itemsize(long o) { return itemsizeOf(typecode(o)); }

    static int itemsizeOf(char c) {
        return switch (c) {
            case 'b', 'B' -> 1;
            case 'h', 'H' -> 2;
            case 'i', 'I', 'f' -> 4;
            case 'u' -> 4;  // wchar_t on Linux
            default -> 8;
        };
    }

    boolean isArray(long o) { return vm.isInstanceOf(o, this); }

    /** newarrayobject(state->ArrayType, size, descr): an array.array of {@code size} items, exactly allocated, tracked. */
    long newArray(long size, char tc) {
        if (size > Long.MAX_VALUE / itemsizeOf(tc)) throw vm.error("MemoryError", null);
        long o = alloc();
        heap.track(o);
        setup(o, size, tc);
        return o;
    }

    /** The fields of a new (zeroed) array: the descriptor and, for a positive size, a PyMem block of exactly that many items. */
    private void setup(long o, long size, char tc) {
        Native.putLong(o + OB_DESCR, tc);
        if (size > 0) {
            Native.putLong(o + OB_ITEM, heap.memAlloc(size * itemsizeOf(tc)));
            Native.putLong(o + ALLOCATED, size);
        }
        Native.putLong(o + OB_SIZE, size);
    }

    /** array_resize. */
    void resize(long o, long newsize) {
        long size = size(o);
        if (exports(o) > 0 && newsize != size) throw vm.error("BufferError", "cannot resize an array that is exporting buffers");
        if (allocated(o) >= newsize && size < newsize + 16 && items(o) != 0) {
            Native.putLong(o + OB_SIZE, newsize);
            return;
        }
        if (newsize == 0) {
            heap.memFree(items(o));
            Native.putLong(o + OB_ITEM, 0);
            Native.putLong(o + OB_SIZE, 0);
            Native.putLong(o + ALLOCATED, 0);
            return;
        }
        long want = (newsize >> 4) + (size < 8 ? 3 : 7) + newsize;
        int isz = itemsize(o);
        if (want > Long.MAX_VALUE / isz) throw vm.error("MemoryError", null);
        long p = items(o) == 0 ? heap.memAlloc(want * isz) : heap.memRealloc(items(o), want * isz);
        Native.putLong(o + OB_ITEM, p);
        Native.putLong(o + ALLOCATED, want);
        Native.putLong(o + OB_SIZE, newsize);
    }

    // ---- items ----------------------------------------------------------------------------------

    /** The getitem of descriptor {@code tc}: the item at {@code p} as a new object (memoryview's unpacking, but for 'u'). */
    long getitem(char tc, long p) {
        if (tc == 'u') return vm.str(SurrogateEscapes.of(checkedCodePoint(Native.getInt(p))));  // PyUnicode_FromOrdinal
        return vm.unpackItem(tc, p);
    }

    /** PyUnicode_FromOrdinal's range check of a wchar_t. */
    private int checkedCodePoint(int cp) {
        if (cp < 0 || cp > 0x10ffff) throw vm.error("ValueError", "character U+" + Integer.toHexString(cp) + " is not in range [U+0000; U+10ffff]");
        if (SurrogateEscapes.isEscape(cp)) throw vm.error("NotImplementedError", SurrogateEscapes.REFUSED);
        return cp;
    }

    long item(long o, long i) { return getitem(typecode(o), items(o) + i * itemsize(o)); }

    private PyException overflow(String message) { return vm.error("OverflowError", message); }

    /** PyLong_AsLong after __index__ (the 'l' format and the start of 'b', 'B', 'h', 'i'). */
    private long cLong(long v) {
        BigInteger x = vm.asIndex(v);
        if (x.bitLength() > 63) throw overflow("Python int too large to convert to C long");
        return x.longValue();
    }

    /** The 'h' format: a C long, then short's range. */
    private long cShort(long v) {
        long x = cLong(v);
        if (x < Short.MIN_VALUE) throw overflow("signed short integer is less than minimum");
        if (x > Short.MAX_VALUE) throw overflow("signed short integer is greater than maximum");
        return x;
    }

    /** The 'i' format: a C long, then int's range. */
    private long cInt(long v) {
        long x = cLong(v);
        if (x < Integer.MIN_VALUE) throw overflow("signed integer is less than minimum");
        if (x > Integer.MAX_VALUE) throw overflow("signed integer is greater than maximum");
        return x;
    }

    /** PyLong_AsUnsignedLong after __index__. */
    private BigInteger cUnsignedLong(long v) {
        BigInteger x = vm.asIndex(v);
        if (x.signum() < 0) throw overflow("can't convert negative value to unsigned int");
        if (x.bitLength() > 64) throw overflow("Python int too large to convert to C unsigned long");
        return x;
    }

    /**
     * The setitem of descriptor {@code tc}: converts {@code v} with 3.11's checks and messages and
     * stores it at {@code p}; {@code p} 0 only checks (ins1's first call, before the resize).
     */
    void setitem(char tc, long p, long v) {
        switch (tc) {
            case 'b' -> {
                long x = cShort(v);
                if (x < -128) throw overflow("signed char is less than minimum");
                if (x > 127) throw overflow("signed char is greater than maximum");
                if (p != 0) Native.putByte(p, (byte) x);
            }
            case 'B' -> {
                long x = cLong(v);
                if (x < 0) throw overflow("unsigned byte integer is less than minimum");
                if (x > 255) throw overflow("unsigned byte integer is greater than maximum");
                if (p != 0) Native.putByte(p, (byte) x);
            }
            case 'h' -> {
                long x = cShort(v);
                if (p != 0) Native.putShort(p, (short) x);
            }
            case 'H' -> {
                long x = cInt(v);
                if (x < 0) throw overflow("unsigned short is less than minimum");
                if (x > 0xffff) throw overflow("unsigned short is greater than maximum");
                if (p != 0) Native.putShort(p, (short) x);
            }
            case 'i' -> {
                long x = cInt(v);
                if (p != 0) Native.putInt(p, (int) x);
            }
            case 'I' -> {
                BigInteger x = cUnsignedLong(v);
                if (x.compareTo(UINT_MAX) > 0) throw overflow("unsigned int is greater than maximum");
                if (p != 0) Native.putInt(p, x.intValue());
            }
            case 'l' -> {
                long x = cLong(v);
                if (p != 0) Native.putLong(p, x);
            }
            case 'L' -> {
                BigInteger x = cUnsignedLong(v);
                if (p != 0) Native.putLong(p, x.longValue());
            }
            case 'q' -> {  // the 'L' format: PyLong_AsLongLong
                BigInteger x = vm.asIndex(v);
                if (x.bitLength() > 63) throw overflow("int too big to convert");
                if (p != 0) Native.putLong(p, x.longValue());
            }
            case 'Q' -> {  // PyLong_AsUnsignedLongLong
                BigInteger x = vm.asIndex(v);
                if (x.signum() < 0) throw overflow("can't convert negative int to unsigned");
                if (x.bitLength() > 64) throw overflow("int too big to convert");
                if (p != 0) Native.putLong(p, x.longValue());
            }
            case 'f' -> {
                float x = (float) vm.asDouble(v);
                if (p != 0) Native.putInt(p, Float.floatToRawIntBits(x));
            }
            case 'd' -> {
                double x = vm.asDouble(v);
                if (p != 0) Native.putDouble(p, x);
            }
            default -> {  // 'u': the "u#" format, one code point
                if (!vm.isStr(v) || StrType.length(v) != 1) throw vm.error("TypeError", "array item must be unicode character");
                int cp = SurrogateEscapes.toPython(vm.strValue(v).codePointAt(0));
                if (p != 0) Native.putInt(p, cp);
            }
        }
    }

    void setItemAt(long o, long i, long v) { setitem(typecode(o), items(o) + i * itemsize(o), v); }

    /** ins1: inserts {@code v} before {@code where} (clamped as list.insert's). */
    void ins1(long o, long where, long v) {
        long n = size(o);
        setitem(typecode(o), 0, v);
        resize(o, n + 1);
        if (where < 0) {
            where += n;
            if (where < 0) where = 0;
        }
        if (where > n) where = n;
        int isz = itemsize(o);
        if (where != n) Native.copy(items(o) + where * isz, items(o) + (where + 1) * isz, (n - where) * isz);
        setItemAt(o, where, v);
    }

    /** array_del_slice for {@code [ilow:ihigh]}. */
    void delSlice(long o, long ilow, long ihigh) {
        long size = size(o);
        if (ilow < 0) ilow = 0;
        else if (ilow > size) ilow = size;
        if (ihigh < 0) ihigh = 0;
        if (ihigh < ilow) ihigh = ilow;
        else if (ihigh > size) ihigh = size;
        long d = ihigh - ilow;
        if (d != 0 && exports(o) > 0) throw vm.error("BufferError", "cannot resize an array that is exporting buffers");
        if (d > 0) {
            int isz = itemsize(o);
            Native.copy(items(o) + ihigh * isz, items(o) + (ihigh - d) * isz, (size - ihigh) * isz);
            resize(o, size - d);
        }
    }

    /** array_slice: a new array.array of items [ilow:ihigh] (clamped). */
    long slice(long o, long ilow, long ihigh) {
        long size = size(o);
        if (ilow < 0) ilow = 0;
        else if (ilow > size) ilow = size;
        if (ihigh < 0) ihigh = 0;
        if (ihigh < ilow) ihigh = ilow;
        else if (ihigh > size) ihigh = size;
        long np = newArray(ihigh - ilow, typecode(o));
        int isz = itemsize(o);
        if (ihigh > ilow) Native.copy(items(o) + ilow * isz, items(np), (ihigh - ilow) * isz);
        return np;
    }

    /** array_iter_extend: appends each item of an iterable (or iterator). */
    void iterExtend(long o, long iterable) {
        long it = vm.iter(iterable);
        try {
            for (long v; (v = vm.next(it)) != 0; ) {
                try {
                    ins1(o, size(o), v);
                } finally {
                    heap.decref(v);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    /** array_do_extend. */
    void extend(long o, long bb) {
        if (!isArray(bb)) {
            iterExtend(o, bb);
            return;
        }
        if (typecode(o) != typecode(bb)) throw vm.error("TypeError", "can only extend with array of same kind");
        long oldsize = size(o), bbsize = size(bb);  // bb may be o
        int isz = itemsize(o);
        if (oldsize + bbsize > Long.MAX_VALUE / isz) throw vm.error("MemoryError", null);
        resize(o, oldsize + bbsize);
        if (bbsize > 0) Native.copy(items(bb), items(o) + oldsize * isz, bbsize * isz);
    }

    /** array_array_frombytes over the bytes of a buffer whose item size is {@code bufItemsize}. */
    void frombytes(long o, byte[] b, long bufItemsize) {
        if (bufItemsize != 1) throw vm.error("TypeError", "a bytes-like object is required");
        int isz = itemsize(o);
        if (b.length % isz != 0) throw vm.error("ValueError", "bytes length not a multiple of item size");
        long n = b.length / isz;
        if (n > 0) {
            long old = size(o);
            resize(o, old + n);
            Native.copyFrom(b, 0, items(o) + old * isz, b.length);
        }
    }

    /** frombytes(buffer): the Py_buffer converter's error for a non-buffer, then the bytes. */
    void frombytesObject(long o, long buffer) {
        byte[] b = vm.bytesLike(buffer);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(buffer) + "'");
        frombytes(o, b, vm.bufferItemsize(buffer));
    }

    byte[] tobytes(long o) {
        long n = size(o) * itemsize(o);
        byte[] b = new byte[Math.toIntExact(n)];
        if (n > 0) Native.copyTo(items(o), b, 0, b.length);
        return b;
    }

    long tolist(long o) {
        long n = size(o);
        long l = heap.lists.alloc(n);
        for (long i = 0; i < n; i++) ListType.setItemSteal(l, i, item(o, i));
        return l;
    }

    /** tounicode's text (a 'u' array's code points). */
    String unicode(long o) {
        StringBuilder sb = new StringBuilder();
        for (long i = 0, n = size(o); i < n; i++) SurrogateEscapes.append(sb, checkedCodePoint(Native.getInt(items(o) + 4 * i)));
        return sb.toString();
    }

    /** fromunicode's append of a str's code points to a 'u' array. */
    void appendUnicode(long o, String s) {
        int[] cps = s.codePoints().toArray();
        if (cps.length == 0) return;
        long old = size(o);
        resize(o, old + cps.length);
        for (int i = 0; i < cps.length; i++) Native.putInt(items(o) + 4 * (old + i), SurrogateEscapes.toPython(cps[i]));
    }

    // ---- construction ---------------------------------------------------------------------------

    @Override
    public long newInstance(long[] a, int off, int n, long kw) {
        return arrayNew(null, true, a, off, n, kw);
    }

    @Override
    public long newSubtypeInstance(LongSupplier allocInstance, long cls, boolean objectInit, long[] a, int off, int n, long kw) {
        return arrayNew(allocInstance, objectInit, a, off, n, kw);
    }

    /**
     * array_new for array.array ({@code allocInstance} null) or a class derived from it (its
     * tp_alloc): "C|O:array", the str/unicode-array refusals, the initializer's kind (a list, tuple,
     * bytes, bytearray, str for 'u', a same-typecode array, else any iterable, iterated first),
     * then the typecode's check. Keywords are refused when the type's tp_init is array's (object's).
     */
    long arrayNew(LongSupplier allocInstance, boolean noKeywords, long[] a, int off, int n, long kw) {
        if (noKeywords) Params.noKeywords(vm, "array.array", kw);
        int npos = n - Params.nkw(kw);
        if (npos < 1) throw vm.error("TypeError", "array() takes at least 1 argument (0 given)");
        if (npos > 2) throw vm.error("TypeError", "array() takes at most 2 arguments (" + npos + " given)");
        long tcObj = a[off];
        if (!vm.isStr(tcObj) || StrType.length(tcObj) != 1) {
            throw vm.error("TypeError", "array() argument 1 must be a unicode character, not " + vm.typeName(tcObj));
        }
        int c = SurrogateEscapes.toPython(vm.strValue(tcObj).codePointAt(0));
        long initial = npos == 2 ? a[off + 1] : 0;
        if (initial != 0 && c != 'u') {
            if (vm.isStr(initial)) throw vm.error("TypeError", "cannot use a str to initialize an array with typecode '" + Character.toString(c) + "'");
            if (isArray(initial) && typecode(initial) == 'u') {
                throw vm.error("TypeError", "cannot use a unicode array to initialize an array with typecode '" + Character.toString(c) + "'");
            }
        }
        boolean list = initial != 0 && vm.isInstanceOf(initial, heap.lists), tuple = initial != 0 && vm.isInstanceOf(initial, heap.tuples);
        boolean bytes = initial != 0 && (vm.isInstanceOf(initial, heap.bytes) || vm.isInstanceOf(initial, vm.byteArrayType()));
        long it = 0;
        if (!(initial == 0 || list || tuple || bytes || (c == 'u' && vm.isStr(initial)) || (isArray(initial) && c == typecode(initial)))) {
            it = vm.iter(initial);
            initial = 0;
        }
        try {
            if (c >= 0x80 || TYPECODES.indexOf(c) < 0) throw vm.error("ValueError", "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
            char tc = (char) c;
            long len = list ? ListType.size(initial) : tuple ? TupleType.size(initial) : initial != 0 && isArray(initial) ? size(initial) : 0;
            if (len > Long.MAX_VALUE / itemsizeOf(tc)) throw vm.error("MemoryError", null);
            long o;
            if (allocInstance == null) {
                o = alloc();
                heap.track(o);
            } else {
                o = allocInstance.getAsLong();
            }
            try {
                setup(o, len, tc);
                if (len > 0 && !isArray(initial)) {
                    for (long i = 0; i < len; i++) {
                        long v = sequenceItem(initial, list, i);
                        try {
                            setItemAt(o, i, v);
                        } finally {
                            heap.decref(v);
                        }
                    }
                } else if (bytes) {
                    frombytes(o, vm.bytesLike(initial), 1);
                } else if (initial != 0 && vm.isStr(initial)) {  // 'u': PyUnicode_AsWideCharString's block (n + 1 wchar_t, NUL-terminated) becomes ob_item
                    int[] cps = vm.strValue(initial).codePoints().toArray();
                    if (cps.length > 0) {
                        long p = heap.memAlloc(4L * (cps.length + 1));
                        for (int i = 0; i < cps.length; i++) Native.putInt(p + 4L * i, SurrogateEscapes.toPython(cps[i]));
                        Native.putInt(p + 4L * cps.length, 0);
                        Native.putLong(o + OB_ITEM, p);
                        Native.putLong(o + OB_SIZE, cps.length);
                        Native.putLong(o + ALLOCATED, cps.length);
                    }
                } else if (initial != 0 && isArray(initial) && len > 0) {
                    Native.copy(items(initial), items(o), len * itemsizeOf(tc));
                }
                if (it != 0) iterExtend(o, it);
            } catch (RuntimeException e) {
                heap.decref(o);
                throw e;
            }
            return o;
        } finally {
            if (it != 0) heap.decref(it);
        }
    }

    /** PySequence_GetItem(list or tuple, i) (a new reference); a list may have shrunk meanwhile. */
    private long sequenceItem(long seq, boolean list, long i) {
        if (list) {
            if (i >= ListType.size(seq)) throw vm.error("IndexError", "list index out of range");
            return vm.incref(ListType.item(seq, i));
        }
        return vm.incref(TupleType.item(seq, i));
    }

    // ---- slots ----------------------------------------------------------------------------------

    @Override
    protected void freeArrays(long o) {
        if (exports(o) > 0) {
            vm.writeUnraisable(vm.error("SystemError", "deallocated array object has exported buffers"), null, 0);
        }
        if (items(o) != 0) heap.memFree(items(o));
        Native.putLong(o + OB_ITEM, 0);
    }

    @Override
    public long sizeOf(long o) { return subtypeSizeOf(o, basicSize()); }

    /** array___sizeof__: the instance type's basicsize plus the allocated items. */
    @Override
    public long subtypeSizeOf(long o, long basic) { return basic + allocated(o) * itemsize(o); }

    @Override
    public long hash(long o) { throw vm.error("TypeError", "unhashable type: 'array.array'"); }

    @Override
    public String reprOf(long o) {
        String tn = heap.typeOf(o) == this ? "array" : heap.typeOf(o).name();  // _PyType_Name
        char tc = typecode(o);
        if (size(o) == 0) return tn + "('" + tc + "')";
        if (tc == 'u') {
            long s = vm.str(unicode(o));
            try {
                return tn + "('u', " + vm.repr(s) + ")";
            } finally {
                heap.decref(s);
            }
        }
        long l = tolist(o);
        try {
            return tn + "('" + tc + "', " + vm.repr(l) + ")";
        } finally {
            heap.decref(l);
        }
    }

    /** The getsets: typecode and itemsize. */
    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "typecode" -> vm.str(String.valueOf(typecode(o)));
            case "itemsize" -> heap.ints.of(itemsize(o));
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("typecode") || name.equals("itemsize")) {
            throw vm.error("AttributeError", "attribute '" + name + "' of 'array.array' objects is not writable");
        }
        return false;
    }

    @Override
    public long lenOf(long o) { return size(o); }

    @Override
    public long iterOf(long o) { return iterType.create(o); }

    @Override
    public int containsOf(long o, long v) {
        for (long i = 0; i < size(o); i++) {
            long x = item(o, i);
            try {
                if (vm.equal(x, v)) return 1;
            } finally {
                heap.decref(x);
            }
        }
        return 0;
    }

    /** An index key: an int or an object with __index__ (PyIndex_Check). */
    private boolean isIndex(long key) { return vm.isInt(key) || vm.typeHas(key, "__index__"); }

    /** PyNumber_AsSsize_t(key, IndexError). */
    private long indexValue(long key) {
        BigInteger x = vm.asIndex(key);
        if (x.bitLength() > 63) throw vm.error("IndexError", "cannot fit '" + vm.typeName(key) + "' into an index-sized integer");
        return x.longValue();
    }

    @Override
    public long getItemOf(long o, long key) {
        if (isIndex(key)) {
            long i = indexValue(key);
            if (i < 0) i += size(o);
            if (i < 0 || i >= size(o)) throw vm.error("IndexError", "array index out of range");
            return item(o, i);
        }
        if (!vm.isSlice(key)) throw vm.error("TypeError", "array indices must be integers");
        long[] s = vm.sliceIndices(key, size(o));
        long start = s[0], step = s[2], len = s[3];
        char tc = typecode(o);
        if (len <= 0) return newArray(0, tc);
        long np = newArray(len, tc);
        int isz = itemsize(o);
        if (step == 1) {
            Native.copy(items(o) + start * isz, items(np), len * isz);
        } else {
            for (long cur = start, i = 0; i < len; cur += step, i++) Native.copy(items(o) + cur * isz, items(np) + i * isz, isz);
        }
        return np;
    }

    @Override
    public boolean setItemOf(long o, long key, long v) {
        assSubscript(o, key, v);
        return true;
    }

    /** array_ass_subscr ({@code v} 0: deletion). */
    private void assSubscript(long o, long key, long v) {
        long start, stop, step, slicelength;
        if (isIndex(key)) {
            long i = indexValue(key);
            if (i < 0) i += size(o);
            if (i < 0 || i >= size(o)) throw vm.error("IndexError", "array assignment index out of range");
            if (v != 0) {
                setItemAt(o, i, v);
                return;
            }
            start = i;
            stop = i + 1;
            step = 1;
            slicelength = 1;
        } else if (vm.isSlice(key)) {
            long[] s = vm.sliceIndices(key, size(o));
            start = s[0];
            stop = s[1];
            step = s[2];
            slicelength = s[3];
        } else {
            throw vm.error("TypeError", "array indices must be integers");
        }
        long needed;
        if (v == 0) {
            needed = 0;
        } else if (isArray(v)) {
            needed = size(v);
            if (v == o) {  // self[i:j] = self: copy first
                long copy = slice(o, 0, needed);
                try {
                    assSubscript(o, key, copy);
                } finally {
                    heap.decref(copy);
                }
                return;
            }
            if (typecode(v) != typecode(o)) throw vm.error("TypeError", "bad argument type for built-in operation");
        } else {
            throw vm.error("TypeError", "can only assign array (not \"" + vm.typeName(v) + "\") to array slice");
        }
        int isz = itemsize(o);
        if ((step > 0 && stop < start) || (step < 0 && stop > start)) stop = start;
        if ((needed == 0 || slicelength != needed) && exports(o) > 0) {
            throw vm.error("BufferError", "cannot resize an array that is exporting buffers");
        }
        if (step == 1) {
            if (slicelength > needed) {
                Native.copy(items(o) + stop * isz, items(o) + (start + needed) * isz, (size(o) - stop) * isz);
                resize(o, size(o) + needed - slicelength);
            } else if (slicelength < needed) {
                resize(o, size(o) + needed - slicelength);
                Native.copy(items(o) + stop * isz, items(o) + (start + needed) * isz, (size(o) - start - needed) * isz);
            }
            if (needed > 0) Native.copy(items(v), items(o) + start * isz, needed * isz);
        } else if (needed == 0) {  // an extended slice deleted
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (slicelength - 1) - 1;
                step = -step;
            }
            long cur = start;
            for (long i = 0; i < slicelength; cur += step, i++) {
                long lim = step - 1;
                if (cur + step >= size(o)) lim = size(o) - cur - 1;
                Native.copy(items(o) + (cur + 1) * isz, items(o) + (cur - i) * isz, lim * isz);
            }
            cur = start + slicelength * step;
            if (cur < size(o)) Native.copy(items(o) + cur * isz, items(o) + (cur - slicelength) * isz, (size(o) - cur) * isz);
            resize(o, size(o) - slicelength);
        } else {
            if (needed != slicelength) {
                throw vm.error("ValueError", "attempt to assign array of size " + needed + " to extended slice of size " + slicelength);
            }
            for (long cur = start, i = 0; i < slicelength; cur += step, i++) Native.copy(items(v) + i * isz, items(o) + cur * isz, isz);
        }
    }

    /** sq_repeat: a new array.array of the items {@code n} times. */
    long repeat(long o, long n) {
        if (n < 0) n = 0;
        long len = size(o);
        if (len != 0 && n > Long.MAX_VALUE / len) throw vm.error("MemoryError", null);
        long np = newArray(len * n, typecode(o));
        long bytes = len * itemsize(o);
        for (long i = 0; i < n; i++) Native.copy(items(o), items(np) + i * bytes, bytes);
        return np;
    }

    /**
     * The count for * and *=: an int or __index__ (PyNumber_AsSsize_t with OverflowError), or null
     * when the other operand is an instance of a Python class whose __mul__/__rmul__ may answer
     * (its nb_multiply goes first); anything else is sequence_repeat's
     * TypeError.
     */
    private Long repeatCount(long times) {
        if (isIndex(times)) return Params.ssize(vm, times);
        if (vm.classDict(heap.typeOf(times).address()) != 0 && (vm.typeHas(times, "__rmul__") || vm.typeHas(times, "__mul__"))) return null;
        throw vm.error("TypeError", "can't multiply sequence by non-int of type '" + vm.typeName(times) + "'");
    }

    @Override
    public long binaryOf(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD && isArray(a)) {
            if (!isArray(b)) throw vm.error("TypeError", "can only append array (not \"" + vm.typeName(b) + "\") to array");
            if (typecode(a) != typecode(b)) throw vm.error("TypeError", "bad argument type for built-in operation");
            long na = size(a), nb = size(b);
            long np = newArray(na + nb, typecode(a));
            int isz = itemsize(a);
            if (na > 0) Native.copy(items(a), items(np), na * isz);
            if (nb > 0) Native.copy(items(b), items(np) + na * isz, nb * isz);
            return np;
        }
        if (op == BinaryOp.MULTIPLY) {
            long arr = isArray(a) ? a : b, times = arr == a ? b : a;
            Long n = repeatCount(times);
            if (n == null) return 0;
            return repeat(arr, n);
        }
        return 0;
    }

    @Override
    public long inplaceOf(BinaryOp op, long a, long b) {
        if (op == BinaryOp.ADD) {
            if (!isArray(b)) throw vm.error("TypeError", "can only extend array with array (not \"" + vm.typeName(b) + "\")");
            extend(a, b);
            return vm.incref(a);
        }
        if (op == BinaryOp.MULTIPLY) {
            Long n = repeatCount(b);
            if (n == null) return 0;
            inplaceRepeat(a, n);
            return vm.incref(a);
        }
        return 0;
    }

    /** array_inplace_repeat. */
    private void inplaceRepeat(long o, long n) {
        long size = size(o);
        if (size > 0 && n != 1) {
            if (n < 0) n = 0;
            long bytes = size * itemsize(o);
            if (n > 0 && bytes > Long.MAX_VALUE / n) throw vm.error("MemoryError", null);
            resize(o, n * size);
            for (long i = 1; i < n; i++) Native.copy(items(o), items(o) + i * bytes, bytes);
        }
    }

    @Override
    public Boolean eqOf(long a, long b) {
        Boolean r = compare(2, a, b);
        return r;
    }

    /**
     * array_richcompare as a three-way answer the VM maps back onto {@code op}: the value returned
     * gives the op's own result (so a NaN item decides as Python's operator does).
     */
    @Override
    public Integer orderOf(int op, long a, long b) {
        Boolean r = compare(op, a, b);
        if (r == null) return null;
        boolean v = r;
        return switch (op) {
            case 0 -> v ? -1 : 0;  // <
            case 1 -> v ? 0 : 1;   // <=
            case 2 -> v ? 0 : 1;   // ==
            case 3 -> v ? 1 : 0;   // !=
            case 4 -> v ? 1 : 0;   // >
            default -> v ? 0 : -1; // >=
        };
    }

    /** array_richcompare: null when either is not an array (NotImplemented). */
    private Boolean compare(int op, long a, long b) {
        if (!isArray(a) || !isArray(b)) return null;
        long na = size(a), nb = size(b);
        if (na != nb && (op == 2 || op == 3)) return op == 3;
        for (long i = 0; i < na && i < nb; i++) {
            long x = item(a, i), y;
            try {
                y = item(b, i);
            } catch (RuntimeException e) {
                heap.decref(x);
                throw e;
            }
            try {
                if (vm.equal(x, y)) continue;
                if (op == 2) return false;
                if (op == 3) return true;
                return vm.truthyNew(vm.compare(op, x, y));
            } finally {
                heap.decref(x);
                heap.decref(y);
            }
        }
        return switch (op) {
            case 0 -> na < nb;
            case 1 -> na <= nb;
            case 2 -> true;
            case 3 -> false;
            case 4 -> na > nb;
            default -> na >= nb;
        };
    }

    // ---- the buffer protocol --------------------------------------------------------------------

    @Override
    public boolean exportsBuffer() { return true; }

    /** array_buffer_getbuf: the items, writable, format the typecode ('w' for 'u': Py_UNICODE_WIDE); ob_exports counts it. */
    @Override
    public Buffer getBuffer(long o) {
        char tc = typecode(o);
        Native.putLong(o + OB_EXPORTS, exports(o) + 1);
        return new Buffer(items(o), size(o) * itemsizeOf(tc), false, tc == 'u' ? 'w' : tc, itemsizeOf(tc));
    }

    @Override
    public void releaseBuffer(long o) { Native.putLong(o + OB_EXPORTS, exports(o) - 1); }

    // ---- pickling -------------------------------------------------------------------------------

    /** typecode_to_mformat_code on x86-64 (little-endian, IEEE 754, 4-byte wchar_t, 8-byte long). */
    static int mformatCode(char tc) {
        return switch (tc) {
            case 'b' -> 1;   // SIGNED_INT8
            case 'B' -> 0;   // UNSIGNED_INT8
            case 'u' -> 20;  // UTF32_LE
            case 'f' -> 14;  // IEEE_754_FLOAT_LE
            case 'd' -> 16;  // IEEE_754_DOUBLE_LE
            case 'h' -> 4;   // SIGNED_INT16_LE
            case 'H' -> 2;
            case 'i' -> 8;   // SIGNED_INT32_LE
            case 'I' -> 6;
            case 'l', 'q' -> 12;  // SIGNED_INT64_LE
            default -> 10;   // 'L', 'Q': UNSIGNED_INT64_LE
        };
    }
}
