package dev.refheap.lang.modules.csv;

import static dev.refheap.lang.modules.csv.DialectType.*;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code _csv.writer}: CPython 3.11's WriterObj, 72 bytes plus the GC head, a heap type:
 * <pre>
 *  refcnt | type | write (the file's bound write) | dialect | rec (UCS4 buffer, PyMem) | rec_size | rec_len
 *  | num_fields | error_obj
 * </pre>
 * writerow joins a row's fields into the record buffer (grown in steps of 32,768 characters, as
 * join_check_rec_size does), quoting and escaping as the dialect says, then calls write with the
 * record and the line terminator. traverse: dialect, write, error_obj, type.
 */
final class WriterType extends CsvType {
    static final int WRITE = 16, DIALECT = 24, REC = 32, REC_SIZE = 40, REC_LEN = 48, NUM_FIELDS = 56, ERROR_OBJ = 64;
    private static final long MEM_INCR = 32768;
    private final CsvModule.State st;

    WriterType(VmApi vm, CsvModule.State st) {
        // HAVE_GC | BASETYPE | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION | READY | VALID_VERSION_TAG
        super(vm, "_csv.writer", 72, 0x5780, REC, DIALECT, WRITE, ERROR_OBJ);
        this.st = st;
    }

    /** csv_writer: over {@code write} and {@code dialect} (references this takes). */
    long create(long write, long dialect) {
        long o = alloc();
        put(o, WRITE, write);
        put(o, DIALECT, dialect);
        put(o, ERROR_OBJ, vm.incref(st.error));
        heap.track(o);
        return o;
    }

    /** csv_writerow: the row's fields joined and written; returns what write returned. */
    long writerow(long o, long seq) {
        long d = get(o, DIALECT);
        long it;
        try {
            it = vm.iter(seq);
        } catch (PyException e) {
            if (!vm.isInstance(e, "TypeError")) throw e;
            heap.decref(e.exc());
            throw CsvModule.error(vm, st, "iterable expected, not " + vm.typeName(seq));
        }
        Native.putLong(o + REC_LEN, 0);  // join_reset
        Native.putLong(o + NUM_FIELDS, 0);
        try {
            for (long field = vm.next(it); field != 0; field = vm.next(it)) {
                boolean quoted = switch (quoting(d)) {
                    case CsvModule.QUOTE_NONNUMERIC -> !isNumber(field);
                    case CsvModule.QUOTE_ALL -> true;
                    default -> false;
                };
                try {
                    if (vm.isStr(field)) join(o, d, vm.strValue(field), quoted);
                    else if (field == heap.None) join(o, d, null, quoted);
                    else {
                        long s = vm.call(heap.strs.address(), field);
                        try {
                            join(o, d, vm.strValue(s), quoted);
                        } finally {
                            heap.decref(s);
                        }
                    }
                } finally {
                    heap.decref(field);
                }
            }
        } finally {
            heap.decref(it);
        }
        if (Native.getLong(o + NUM_FIELDS) > 0 && Native.getLong(o + REC_LEN) == 0) {
            if (quoting(d) == CsvModule.QUOTE_NONE) throw CsvModule.error(vm, st, "single empty field record must be quoted");
            Native.putLong(o + NUM_FIELDS, Native.getLong(o + NUM_FIELDS) - 1);
            join(o, d, null, true);
        }
        String term = vm.strValue(lineterminator(d));
        int[] cps = term.codePoints().toArray();
        ensure(o, Native.getLong(o + REC_LEN) + cps.length);
        for (int c : cps) add(o, c);
        long rec = get(o, REC);
        StringBuilder sb = new StringBuilder();
        for (long i = 0, n = Native.getLong(o + REC_LEN); i < n; i++) sb.appendCodePoint(Native.getInt(rec + 4 * i));
        long line = vm.str(sb.toString());
        try {
            return vm.call(get(o, WRITE), line);
        } finally {
            heap.decref(line);
        }
    }

    /** PyNumber_Check: an int, float, complex, or a type with __index__, __int__ or __float__. */
    private boolean isNumber(long v) {
        return vm.isInt(v) || vm.typeHas(v, "__index__") || vm.typeHas(v, "__int__") || vm.typeHas(v, "__float__")
                || vm.typeName(v).equals("complex");
    }

    /** join_append: the field's characters counted, the buffer grown, then copied (join_append_data's two phases). */
    private void join(long o, long d, String field, boolean quoted) {
        boolean[] q = {quoted};
        long len = appendData(o, d, field, q, false);
        ensure(o, len);
        Native.putLong(o + REC_LEN, appendData(o, d, field, q, true));
        Native.putLong(o + NUM_FIELDS, Native.getLong(o + NUM_FIELDS) + 1);
    }

    private void ensure(long o, long recLen) {
        long size = Native.getLong(o + REC_SIZE);
        if (recLen > size) {
            long newSize = (recLen / MEM_INCR + 1) * MEM_INCR;
            long r = get(o, REC);
            put(o, REC, r == 0 ? heap.memAlloc(newSize * 4) : heap.memRealloc(r, newSize * 4));
            Native.putLong(o + REC_SIZE, newSize);
        }
    }

    private void add(long o, int c) {
        long len = Native.getLong(o + REC_LEN);
        Native.putInt(get(o, REC) + 4 * len, c);
        Native.putLong(o + REC_LEN, len + 1);
    }

    /** join_append_data: the record's new length; with {@code copy} the characters are written too. */
    private long appendData(long o, long d, String field, boolean[] quoted, boolean copy) {
        long rec = get(o, REC);
        long n = Native.getLong(o + REC_LEN);
        int delimiter = delimiter(d), quotechar = quotechar(d), escapechar = escapechar(d), quoting = quoting(d);
        String term = vm.strValue(lineterminator(d));
        if (Native.getLong(o + NUM_FIELDS) > 0) {
            if (copy) Native.putInt(rec + 4 * n, delimiter);
            n++;
        }
        if (copy && quoted[0]) Native.putInt(rec + 4 * n++, quotechar);
        if (field != null) {
            for (int i = 0; i < field.length(); ) {
                int c = field.codePointAt(i);
                i += Character.charCount(c);
                boolean wantEscape = false;
                if (c == delimiter || c == escapechar || c == quotechar || term.indexOf(c) >= 0) {
                    if (quoting == CsvModule.QUOTE_NONE) {
                        wantEscape = true;
                    } else {
                        if (c == quotechar) {
                            if (doublequote(d)) {
                                if (copy) Native.putInt(rec + 4 * n, quotechar);
                                n++;
                            } else {
                                wantEscape = true;
                            }
                        } else if (c == escapechar) {
                            wantEscape = true;
                        }
                        if (!wantEscape) quoted[0] = true;
                    }
                    if (wantEscape) {
                        if (escapechar == NOT_SET) throw CsvModule.error(vm, st, "need to escape, but no escapechar set");
                        if (copy) Native.putInt(rec + 4 * n, escapechar);
                        n++;
                    }
                }
                if (copy) Native.putInt(rec + 4 * n, c);
                n++;
            }
        }
        if (quoted[0]) {
            if (copy) Native.putInt(rec + 4 * n++, quotechar);
            else n += 2;
        }
        return n;
    }

    @Override
    public long attrOf(long o, String name) {
        return name.equals("dialect") ? vm.incref(get(o, DIALECT)) : 0;
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("dialect")) throw vm.error("AttributeError", "readonly attribute");
        return false;
    }

    void install() {
        vm.registerType(this);
        defMethod("writerow", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noKeywords(vm, "writerow", kw);
            dev.refheap.lang.modules.Params.unpack(vm, "writerow", n, 0, 1, 1);
            return writerow(s, a[o]);
        });
        defMethod("writerows", (s, a, o, n, kw) -> {
            dev.refheap.lang.modules.Params.noKeywords(vm, "writerows", kw);
            dev.refheap.lang.modules.Params.unpack(vm, "writerows", n, 0, 1, 1);
            long it = vm.iter(a[o]);
            try {
                for (long row = vm.next(it); row != 0; row = vm.next(it)) {
                    try {
                        heap.decref(writerow(s, row));
                    } finally {
                        heap.decref(row);
                    }
                }
            } finally {
                heap.decref(it);
            }
            return vm.incref(heap.None);
        });
    }
}
