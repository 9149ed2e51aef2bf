package dev.refheap.object;

import dev.refheap.memory.Native;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code str} in CPython 3.11's compact layouts (PEP 393).
 * <pre>
 *  ASCII (PyASCIIObject, 48 bytes):  refcnt | type | length | hash | state | wstr | data...NUL
 *  other (PyCompactUnicodeObject, 72): ... | utf8_length | utf8 | wstr_length | data...NUL
 *  state bits: 0-1 interned (0 no, 1 mortal), 2-4 kind (1, 2 or 4 bytes per char), 5 compact, 6 ascii, 7 ready
 * </pre>
 * So {@code getsizeof('') == 49}, {@code getsizeof('a') == 50}, {@code getsizeof('é') == 74}. The hash
 * is cached (-1 until computed). '' and the 256 one-character Latin-1 strings are static
 * singletons. Interned strings are mortal, as in 3.11: the interned table holds no counted
 * reference, and a dying interned string leaves the table.
 *
 * <p>An instance of a Python subclass of str is 3.11's legacy two-block PyUnicodeObject
 * (unicode_subtype_new): the compact header's 72 bytes, then a pointer (at 72) to character data
 * in a separate PyObject_Malloc block of (length + 1) * kind bytes, with the state's compact bit
 * clear; for ASCII contents the utf8 pointer shares that block. str's tp_basicsize is that
 * struct's 80 bytes, so a subclass's own fields (__weakref__, slots) come after it.
 *
 * <p>A non-ASCII str's utf8 field is 0 until something reads the str as UTF-8 the way 3.11's
 * PyUnicode_AsUTF8AndSize does ({@link #cacheUtf8}: compile(), exec() and eval() of a str source);
 * then it points at a PyObject_Malloc block with the encoded bytes and a NUL, which
 * {@code __sizeof__} counts and dealloc frees. An ASCII str's UTF-8 is its data.
 */
public final class StrType extends PyType {
    public static final int LENGTH = 16, HASH = 24, STATE = 32, WSTR = 40;
    public static final int ASCII_DATA = 48, COMPACT_DATA = 72;
    /** The legacy (non-compact) layout's fields: utf8_length, utf8, and the data pointer; sizeof(PyUnicodeObject). */
    public static final int UTF8_LENGTH = 48, UTF8 = 56, DATA_ANY = 72, UNICODE_OBJECT_SIZE = 80;
    private static final int INTERNED_MASK = 3, KIND_SHIFT = 2, COMPACT = 1 << 5, ASCII = 1 << 6, READY = 1 << 7;

    private Map<String, Long> interned = new HashMap<>();  // replaced, sized for the image's table, by an adoption
    private long empty;
    private final long[] latin1 = new long[256];
    /**
     * The one-character identifiers of CPython 3.11's deep-frozen start-up modules. Their code objects
     * carry their own static str objects, and 3.11 interns those at start-up, before any Latin-1
     * singleton of the same character is interned; so for these 29 characters the interned string
     * (what a constant or name {@code 'a'} in code is) is not the singleton that indexing or
     * {@code chr()} returns. Measured on 3.11: {@code sys.intern(c) is not c} for exactly these.
     * (3.12 has a different set, "_abcdenprsx"; 3.10 and 3.13 none.)
     */
    public static final String DEEP_FROZEN_ONE_CHAR = "BCLST_abcdefhijklmnopqrstvwxy";
    private final long[] frozenOneChar = new long[128];

    StrType(Heap heap) {
        super(heap, "str", null, BASETYPE | UNICODE_SUBCLASS, UNICODE_OBJECT_SIZE, 0, 0);
    }

    void createSingletons() {
        empty = newStatic("");
        for (int c = 0; c < 256; c++) latin1[c] = newStatic(String.valueOf((char) c));
        for (char c : DEEP_FROZEN_ONE_CHAR.toCharArray()) {
            long o = newStatic(String.valueOf(c));
            Native.putInt(o + STATE, state(o) | 1);
            frozenOneChar[c] = o;
        }
    }

    private long newStatic(String s) {
        int kind = kindOf(s);
        boolean ascii = kind == 0;
        long size = (ascii ? ASCII_DATA : COMPACT_DATA) + (long) (s.length() + 1) * Math.max(kind, 1);
        long o = heap.newStaticObject(this, size, Layout.STATIC_REFCNT);
        init(o, s, kind);
        return o;
    }

    /** 0 for ASCII, else 1, 2 or 4: bytes per character (a surrogate's escape counts as the surrogate). */
    private static int kindOf(String s) {
        int max = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            max = Math.max(max, cp);
            i += Character.charCount(cp);
        }
        if (max >= SurrogateEscapes.FIRST) {  // rare: lone surrogates; the widest code point they do not stand for decides
            max = 0;
            for (int i = 0; i < s.length(); ) {
                int cp = s.codePointAt(i);
                max = Math.max(max, SurrogateEscapes.toPython(cp));
                i += Character.charCount(cp);
            }
        }
        return max < 128 ? 0 : max < 256 ? 1 : max < 65536 ? 2 : 4;
    }

    /** A str with the contents of {@code s}: a new reference (a singleton for '' and one Latin-1 char). */
    public long of(String s) {
        if (s.isEmpty()) {
            heap.incref(empty);
            return empty;
        }
        if (s.length() == 1 && s.charAt(0) < 256) {
            long o = latin1[s.charAt(0)];
            heap.incref(o);
            return o;
        }
        int kind = kindOf(s);
        int length = s.codePointCount(0, s.length());
        long size = kind == 0 ? ASCII_DATA + length + 1 : COMPACT_DATA + (long) (length + 1) * kind;
        long o = heap.allocObjectOfSize(this, size, 0);
        init(o, s, kind);
        return o;
    }

    /**
     * A str with the contents of {@code s} that is never the one-character singleton: what CPython
     * gives where it builds the result in a new object and returns it as is (int's str and repr,
     * the case-mapping methods). '' is still the empty singleton, as PyUnicode_New(0) is.
     */
    public long fresh(String s) {
        if (s.length() != 1 || s.charAt(0) >= 256) return of(s);
        long o = heap.allocObjectOfSize(this, ASCII_DATA + 2 + (s.charAt(0) < 128 ? 0 : COMPACT_DATA - ASCII_DATA), 0);
        init(o, s, kindOf(s));
        return o;
    }

    private static void init(long o, String s, int kind) {
        int length = s.codePointCount(0, s.length());
        Native.putLong(o + LENGTH, length);
        Native.putLong(o + HASH, -1);
        int k = Math.max(kind, 1);
        Native.putInt(o + STATE, (k << KIND_SHIFT) | COMPACT | (kind == 0 ? ASCII : 0) | READY);
        Native.putInt(o + STATE + 4, 0);
        Native.putLong(o + WSTR, 0);
        long data;
        if (kind == 0) {
            data = o + ASCII_DATA;
        } else {
            Native.putLong(o + 48, 0);
            Native.putLong(o + 56, 0);
            Native.putLong(o + 64, 0);
            data = o + COMPACT_DATA;
        }
        if (k == 1 && length >= 4) {
            // one-byte characters are the Java string's chars (all below 256): one copy, not a
            // write per character (start-up makes some 2,000 strs in the bytecode interpreter)
            Native.copyFrom(s.getBytes(StandardCharsets.ISO_8859_1), 0, data, length);
            Native.putByte(data + length, (byte) 0);
            return;
        }
        int i = 0;
        for (int j = 0; j < s.length(); ) {
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            putChar(data, k, i++, k == 1 ? cp : SurrogateEscapes.toPython(cp));
        }
        putChar(data, k, length, 0);
    }

    private static void putChar(long data, int kind, long i, int cp) {
        switch (kind) {
            case 1 -> Native.putByte(data + i, (byte) cp);
            case 2 -> Native.putShort(data + 2 * i, (short) cp);
            default -> Native.putInt(data + 4 * i, cp);
        }
    }

    public static long length(long o) { return Native.getLong(o + LENGTH); }
    private static int state(long o) { return Native.getInt(o + STATE); }
    public static int kind(long o) { return (state(o) >>> KIND_SHIFT) & 7; }
    public static boolean isAscii(long o) { return (state(o) & ASCII) != 0; }
    public static boolean isInterned(long o) { return (state(o) & INTERNED_MASK) != 0; }
    /** The address of the characters (PyUnicode_DATA): {@link #length} items of {@link #kind} bytes each. */
    public static long data(long o) {
        int st = state(o);
        if ((st & COMPACT) == 0) return Native.getLong(o + DATA_ANY);  // a subclass instance's separate block
        return o + ((st & ASCII) != 0 ? ASCII_DATA : COMPACT_DATA);
    }

    /**
     * unicode_result_unchanged and PyUnicode_FromObject: {@code o} itself (a new reference) when it
     * is an exact str, else an exact copy of a subclass instance's characters (_PyUnicode_Copy: a
     * new object even of one character).
     */
    public long asExact(long o) {
        if (Heap.typeAddress(o) == address()) {
            heap.incref(o);
            return o;
        }
        return fresh(value(o));
    }

    /**
     * PyUnicode_Append's in-place branch: {@code left} (one reference, which this takes) is an exact
     * compact str that nothing else holds, whose hash is not computed and which is not interned
     * (unicode_modifiable), and {@code right} an exact str of no wider kind (and not non-ASCII
     * onto ASCII): resize_compact grows left's block (PyObject_Realloc: the same object while the
     * block allows, else moved) and right's characters are copied after left's. Returns the
     * resulting object (owned), or 0 when the in-place branch does not apply (left untouched).
     */
    public long appendInPlace(long left, long right) {
        if (Native.getLong(left + Layout.OB_REFCNT) != 1 || Native.getLong(left + HASH) != -1 || isInterned(left)
                || Heap.typeAddress(left) != address() || !isCompact(left) || Heap.typeAddress(right) != address()) {
            return 0;
        }
        int kl = kind(left), kr = kind(right);
        if (kr > kl || (isAscii(left) && !isAscii(right))) return 0;
        long ll = length(left), lr = length(right), n = ll + lr;
        boolean ascii = isAscii(left);
        if (!ascii) {
            long utf8 = Native.getLong(left + UTF8);
            if (utf8 != 0) {
                heap.memFree(utf8);
                Native.putLong(left + UTF8, 0);
                Native.putLong(left + UTF8_LENGTH, 0);
            }
        }
        long o = heap.reallocPlainObject(left, this, (ascii ? ASCII_DATA : COMPACT_DATA) + (n + 1) * kl);
        Native.putLong(o + LENGTH, n);
        long dst = data(o), src = data(right);
        if (kr == kl) {
            Native.copy(src, dst + ll * kl, lr * kl);
        } else {
            for (long i = 0; i < lr; i++) {
                int c = kr == 1 ? Native.getByte(src + i) & 0xff : Native.getShort(src + 2 * i) & 0xffff;
                if (kl == 2) Native.putShort(dst + 2 * (ll + i), (short) c);
                else Native.putInt(dst + 4 * (ll + i), c);
            }
        }
        if (kl == 1) Native.putByte(dst + n, (byte) 0);
        else if (kl == 2) Native.putShort(dst + 2 * n, (short) 0);
        else Native.putInt(dst + 4 * n, 0);
        return o;
    }

    /** The static '' (borrowed). */
    public long empty() { return empty; }

    /** True for a legacy two-block str (an instance of a Python subclass of str). */
    public static boolean isCompact(long o) { return (state(o) & COMPACT) != 0; }

    /**
     * unicode_subtype_new's copy of str {@code src} into {@code o}, a zero-filled instance of a
     * subclass: length, hash and state (not compact, not interned), the characters in a new
     * PyObject_Malloc block of (length + 1) * kind bytes, shared as utf8 when ASCII.
     */
    public void initSubtypeCopy(long o, long src) {
        long n = length(src);
        int kind = kind(src);
        boolean ascii = isAscii(src);
        Native.putLong(o + LENGTH, n);
        Native.putLong(o + HASH, Native.getLong(src + HASH));
        Native.putInt(o + STATE, (kind << KIND_SHIFT) | (ascii ? ASCII : 0) | READY);
        Native.putInt(o + STATE + 4, 0);
        Native.putLong(o + WSTR, 0);
        long block = heap.memAlloc((n + 1) * kind);
        Native.copy(data(src), block, (n + 1) * kind);
        Native.putLong(o + DATA_ANY, block);
        if (ascii) {
            Native.putLong(o + UTF8, block);
            Native.putLong(o + UTF8_LENGTH, n);
        } else {
            Native.putLong(o + UTF8, 0);
            Native.putLong(o + UTF8_LENGTH, 0);
        }
        Native.putLong(o + 64, 0);  // wstr_length
    }

    /** The code point at index {@code i}. */
    public static int codePointAt(long o, long i) {
        long data = data(o);
        return switch (kind(o)) {
            case 1 -> Native.getByte(data + i) & 0xff;
            case 2 -> Native.getShort(data + 2 * i) & 0xffff;
            default -> Native.getInt(data + 4 * i);
        };
    }

    /** The contents as a Java string (a lone surrogate as its {@link SurrogateEscapes escape}). */
    public static String value(long o) {
        long n = length(o);
        if (isAscii(o)) {
            byte[] b = new byte[(int) n];
            Native.copyTo(data(o), b, 0, (int) n);
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder((int) n);
        long data = data(o);
        switch (kind(o)) {
            case 1 -> { for (long i = 0; i < n; i++) sb.append((char) (Native.getByte(data + i) & 0xff)); }
            case 2 -> {
                for (long i = 0; i < n; i++) {
                    char c = (char) Native.getShort(data + 2 * i);
                    if (Character.isSurrogate(c)) sb.appendCodePoint(c + SurrogateEscapes.ESCAPE_BASE);  // a lone surrogate: its escape
                    else sb.append(c);
                }
            }
            default -> { for (long i = 0; i < n; i++) SurrogateEscapes.append(sb, Native.getInt(data + 4 * i)); }
        }
        return sb.toString();
    }

    /** The hash the str with contents {@code s} has (as {@link #hash}), computed without making it. */
    public static long hashOf(String s) {
        long h = Hashing.fnvStart();
        long n = 0;
        for (int j = 0; j < s.length(); ) {
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            h = Hashing.fnvStep(h, cp > 0xFFFF ? SurrogateEscapes.toPython(cp) : cp);
            n++;
        }
        return Hashing.fnvFinish(h, n);
    }

    /** True if str {@code o} has exactly the contents of {@code s}. */
    public static boolean contentEquals(long o, String s) {
        long n = length(o);
        if (isAscii(o)) {
            if (n != s.length()) return false;
            long data = data(o);
            for (int i = 0; i < n; i++) if (Native.getByte(data + i) != (byte) s.charAt(i) || s.charAt(i) >= 128) return false;
            return true;
        }
        long i = 0;
        for (int j = 0; j < s.length(); i++) {
            if (i >= n) return false;
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            if (codePointAt(o, i) != (cp > 0xFFFF ? SurrogateEscapes.toPython(cp) : cp)) return false;
        }
        return i == n;
    }

    // ---- interning ----------------------------------------------------------------------------

    /**
     * PyUnicode_InternInPlace: takes a reference to {@code o} and returns a reference to the
     * canonical equal string (o itself if it becomes the interned one). The table's own hold is
     * not counted, as in 3.11.
     */
    public long intern(long o) {
        if (isInterned(o)) return o;
        if (length(o) == 0) {
            if (o != empty) { heap.incref(empty); heap.decref(o); }
            return empty;
        }
        if (length(o) == 1 && codePointAt(o, 0) < 256) {
            int c = codePointAt(o, 0);
            long s = c < 128 && frozenOneChar[c] != 0 ? frozenOneChar[c] : latin1[c];
            if (s != o) { heap.incref(s); heap.decref(o); }
            return s;
        }
        String key = value(o);
        Long existing = interned.get(key);
        if (existing != null) {
            heap.incref(existing);
            heap.decref(o);
            return existing;
        }
        interned.put(key, o);
        Native.putInt(o + STATE, state(o) | 1);
        return o;
    }

    /** The interned str with contents {@code s}: a new reference. */
    public long internedOf(String s) {
        Long existing = interned.get(s);
        if (existing != null) {
            heap.incref(existing);
            return existing;
        }
        long o = of(s);
        // an ASCII s of two or more characters is a new str that reads back as s itself: the table
        // takes s as its key rather than the contents read back from the object (what intern does)
        if (s.length() < 2 || !isAscii(o)) return intern(o);
        interned.put(s, o);
        Native.putInt(o + STATE, state(o) | 1);
        return o;
    }

    public int internedCount() { return interned.size(); }

    /**
     * The start-up image's hook for the interned table: rebuilt from the heap, not carried in the
     * image. Every exact str with the interned bit goes in, except those the table never holds
     * (the empty string and the one-character Latin-1 ones, which {@link #intern} answers with
     * the singletons). The result equals the table the image-maker's runtime had.
     *
     * @throws IllegalStateException if two interned strings are equal (no table described this heap)
     */
    public void rebuildInterned() {
        Map<String, Long> table = new HashMap<>();
        java.util.function.LongConsumer add = o -> {
            // an exact str by its type pointer: the image's later types are not in the heap's table yet
            if (Native.getLong(o + Layout.OB_TYPE) != address() || !isInterned(o)) return;
            long n = length(o);
            if (n == 0 || (n == 1 && codePointAt(o, 0) < 256)) return;
            Long other = table.put(value(o), o);
            if (other != null) {
                throw new IllegalStateException("two interned strings are equal: 0x" + Long.toHexString(other) + " and 0x" + Long.toHexString(o));
            }
        };
        heap.forEachObject(add);
        heap.forEachStaticObject(add);
        interned.clear();
        interned.putAll(table);
        imageInterned = null;
    }

    /** The interned strings' addresses, in address order: what a start-up image carries of the table ({@link #rebuildInterned(long[])}). */
    public long[] internedAddresses() {
        long[] a = new long[interned.size()];
        int i = 0;
        for (long o : interned.values()) a[i++] = o;
        Arrays.sort(a);
        return a;
    }

    /**
     * The start-up image's hook for the interned table, as the adopter runs it: the table made from
     * the addresses the image-maker's table held ({@link #internedAddresses}), each checked to be an
     * exact str with the interned bit that the table may hold, without walking the heap (a walk over
     * every block, as {@link #rebuildInterned()} does, costs a cold JVM more than the table itself).
     * The image's fidelity checks compare the result with the maker's table and with the walk's.
     *
     * @throws IllegalStateException if an address is not such a str, or two are equal
     */
    public void rebuildInterned(long[] addresses) {
        Map<String, Long> table = HashMap.newHashMap(addresses.length);
        for (long o : addresses) {
            if (Native.getLong(o + Layout.OB_TYPE) != address() || !isInterned(o)) {
                throw new IllegalStateException("the image's interned string at 0x" + Long.toHexString(o) + " is not an interned str");
            }
            long n = length(o);
            if (n == 0 || (n == 1 && codePointAt(o, 0) < 256)) throw new IllegalStateException("the image's interned table holds a singleton at 0x" + Long.toHexString(o));
            Long other = table.put(value(o), o);
            if (other != null) {
                throw new IllegalStateException("two interned strings are equal: 0x" + Long.toHexString(other) + " and 0x" + Long.toHexString(o));
            }
        }
        interned.clear();
        interned.putAll(table);
        imageInterned = null;
    }

    /**
     * The interned strings' values in the order of {@link #internedAddresses} (the table's keys, as
     * each str reads back: {@link #value}), which an image carries beside the addresses so that the
     * adopter's table is made without reading every string ({@link #rebuildInterned(long[], String[])}).
     */
    public String[] internedValues(long[] addresses) {
        Map<Long, String> byAddress = HashMap.newHashMap(interned.size());
        for (Map.Entry<String, Long> e : interned.entrySet()) byAddress.put(e.getValue(), e.getKey());
        String[] values = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) values[i] = byAddress.get(addresses[i]);
        return values;
    }

    /**
     * As {@link #rebuildInterned(long[])}, with each address's value carried by the image beside it
     * ({@link #internedValues}): the maker's table itself, its keys not decoded again from the
     * memory (decoding ~3,000 strings cold, each a copy out of native memory and a new Java string,
     * was 6-11 ms of an adopted start-up's thread). Each address is still checked to be an exact
     * str with the interned bit that the table may hold, and an ASCII one to have its value's length.
     *
     * The table is made at its size and filled in place (the adopter's runtime is unusable if this
     * throws: its memory is already the image's), not made aside and copied into the constructor's
     * table: one cold fill of ~3,100 entries without resizes, not two fills and two resizes.
     *
     * @throws IllegalStateException if an address is not such a str, or two values are equal
     */
    public void rebuildInterned(long[] addresses, String[] values) {
        if (values.length != addresses.length) throw new IllegalStateException("the image's interned table has " + values.length + " values for " + addresses.length + " strings");
        Map<String, Long> table = HashMap.newHashMap(addresses.length + addresses.length / 4);  // room for the program's first strings
        interned = table;
        for (int i = 0; i < addresses.length; i++) {
            long o = addresses[i];
            String v = values[i];
            if (Native.getLong(o + Layout.OB_TYPE) != address() || !isInterned(o)) {
                throw new IllegalStateException("the image's interned string at 0x" + Long.toHexString(o) + " is not an interned str");
            }
            long n = length(o);
            if (n == 0 || (n == 1 && codePointAt(o, 0) < 256) || (isAscii(o) && n != v.length())) {
                throw new IllegalStateException("the image's interned table holds a singleton or another value at 0x" + Long.toHexString(o));
            }
            Long other = table.put(v, o);
            if (other != null) {
                throw new IllegalStateException("two interned strings are equal: 0x" + Long.toHexString(other) + " and 0x" + Long.toHexString(o));
            }
        }
        imageInterned = addresses;
        imageInternedValues = values.clone();
    }

    /**
     * The adopted image's interned strings (in address order) and their table keys, for the
     * dealloc of one ({@link #internedKey}); a key is dropped when its str dies, so a str made
     * later at the same address is never taken for it. Null without an adopted image.
     */
    private long[] imageInterned;
    private String[] imageInternedValues;

    /**
     * The interned table's key of the interned str {@code o}, which is dying: the image's own value
     * for one of the adopted image's strings (a process's exit frees most of them, and decoding each
     * from the memory again ran cold there), else its value read from the memory.
     */
    private String internedKey(long o) {
        if (imageInterned != null) {
            int i = Arrays.binarySearch(imageInterned, o);
            if (i >= 0 && imageInternedValues[i] != null) {
                String v = imageInternedValues[i];
                imageInternedValues[i] = null;
                return v;
            }
        }
        return value(o);
    }

    /** A copy of the interned table (contents to str address), for the checks of {@link #rebuildInterned}. */
    public Map<String, Long> internedTable() { return Map.copyOf(interned); }

    // ---- slots --------------------------------------------------------------------------------

    /**
     * PyUnicode_AsUTF8AndSize's cache: gives a non-ASCII str its UTF-8 bytes (with a NUL) in a
     * block of their own, kept until the str dies, unless it has them already. The caller has
     * checked that the str has no lone surrogate (which UTF-8 cannot encode); one left is refused.
     */
    public void cacheUtf8(long o) {
        if (isAscii(o) || Native.getLong(o + UTF8) != 0) return;
        String v = value(o);
        if (SurrogateEscapes.hasEscape(v)) throw new IllegalStateException("cacheUtf8: a str with a lone surrogate");
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        long block = heap.memAlloc(b.length + 1L);
        Native.copyFrom(b, 0, block, b.length);
        Native.putByte(block + b.length, (byte) 0);
        Native.putLong(o + UTF8_LENGTH, b.length);
        Native.putLong(o + UTF8, block);
    }

    /** _PyUnicode_HAS_UTF8_MEMORY: a UTF-8 block of its own (not the data, as an ASCII str's is). */
    private static boolean hasUtf8Memory(long o) { return !isAscii(o) && Native.getLong(o + UTF8) != 0; }

    @Override
    public void dealloc(long o) {
        if (isInterned(o)) interned.remove(internedKey(o));
        if (hasUtf8Memory(o)) heap.memFree(Native.getLong(o + UTF8));
        if (!isCompact(o)) {  // a subclass instance (its class's dealloc chains here): the data block first
            long block = Native.getLong(o + DATA_ANY);
            if (block != 0) heap.memFree(block);
        }
        heap.freeObject(o);
    }

    @Override
    public long sizeOf(long o) {
        long n = length(o);
        long utf8 = hasUtf8Memory(o) ? Native.getLong(o + UTF8_LENGTH) + 1 : 0;
        if (!isCompact(o)) return UNICODE_OBJECT_SIZE + (Native.getLong(o + DATA_ANY) != 0 ? (n + 1) * kind(o) : 0) + utf8;
        return isAscii(o) ? ASCII_DATA + n + 1 : COMPACT_DATA + (n + 1) * kind(o) + utf8;
    }

    @Override
    public long subtypeSizeOf(long o, long subtypeBasicSize) { return sizeOf(o); }  // unicode___sizeof__: sizeof(PyUnicodeObject), not tp_basicsize

    @Override
    public boolean isDataBase() { return true; }

    @Override
    public long hash(long o) {
        long h = Native.getLong(o + HASH);
        if (h != -1) return h;
        long n = length(o);
        // the data's place and width read once, and one-byte data a word at a time (little-endian,
        // as refheap's layouts are): codePointAt per character reads the state twice per character
        long data = data(o);
        int kind = kind(o);
        h = Hashing.fnvStart();
        long i = 0;
        if (kind == 1) {
            for (; i + 8 <= n; i += 8) {
                long w = Native.getLong(data + i);
                for (int b = 0; b < 64; b += 8) h = Hashing.fnvStep(h, (int) (w >>> b) & 0xff);
            }
            for (; i < n; i++) h = Hashing.fnvStep(h, Native.getByte(data + i) & 0xff);
        } else if (kind == 2) {
            for (; i < n; i++) h = Hashing.fnvStep(h, Native.getShort(data + 2 * i) & 0xffff);
        } else {
            for (; i < n; i++) h = Hashing.fnvStep(h, Native.getInt(data + 4 * i));
        }
        h = Hashing.fnvFinish(h, n);
        Native.putLong(o + HASH, h);
        return h;
    }

    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (!Heap.isStr(b)) return false;
        long n = length(a);
        if (n != length(b) || kind(a) != kind(b) || isAscii(a) != isAscii(b)) return false;
        long da = data(a), db = data(b);
        long bytes = n * kind(a);
        long i = 0;
        for (; i + 8 <= bytes; i += 8) if (Native.getLong(da + i) != Native.getLong(db + i)) return false;
        for (; i < bytes; i++) if (Native.getByte(da + i) != Native.getByte(db + i)) return false;
        return true;
    }

    @Override
    public String describe(long o) { return "'" + SurrogateEscapes.toRaw(value(o)) + "'"; }
}
