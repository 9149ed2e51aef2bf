package dev.refheap.lang.modules.csv;

import static dev.refheap.lang.modules.csv.DialectType.*;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;

/**
 * {@code _csv.reader}: CPython 3.11's ReaderObj, 88 bytes plus the GC head, a heap type:
 * <pre>
 *  refcnt | type | input_iter | dialect | fields (list or NULL) | state (int) | field (UCS4 buffer, PyMem)
 *  | field_size | field_len | numeric_field (int) | line_num
 * </pre>
 * Each next() reads lines of str from input_iter and runs 3.11's parser state machine over their
 * characters and an end-of-line mark until a record ends. The field buffer grows by doubling from
 * 4,096 characters in PyMem memory, as parse_grow_buff does; fields longer than the module's
 * limit are Error "field larger than field limit (N)". traverse: dialect, input_iter, fields, type.
 */
final class ReaderType extends CsvType {
    static final int INPUT_ITER = 16, DIALECT = 24, FIELDS = 32, STATE = 40, FIELD = 48, FIELD_SIZE = 56, FIELD_LEN = 64,
            NUMERIC_FIELD = 72, LINE_NUM = 80;
    static final int START_RECORD = 0, START_FIELD = 1, ESCAPED_CHAR = 2, IN_FIELD = 3, IN_QUOTED_FIELD = 4,
            ESCAPE_IN_QUOTED_FIELD = 5, QUOTE_IN_QUOTED_FIELD = 6, EAT_CRNL = 7, AFTER_ESCAPED_CRNL = 8;
    static final int EOL = -2;
    private final CsvModule.State st;

    ReaderType(VmApi vm, CsvModule.State st) {
        // HAVE_GC | BASETYPE | HEAPTYPE | IMMUTABLETYPE | DISALLOW_INSTANTIATION | READY | VALID_VERSION_TAG
        super(vm, "_csv.reader", 88, 0x5780, FIELD, DIALECT, INPUT_ITER, FIELDS);
        this.st = st;
    }

    /** csv_reader: the iterator of {@code iterable} and {@code dialect} (a reference this takes). */
    long create(long iterable, long dialect) {
        long o = alloc();
        put(o, DIALECT, dialect);
        try {
            put(o, INPUT_ITER, vm.iter(iterable));
        } catch (PyException e) {
            heap.decref(o);
            throw e;
        }
        heap.track(o);
        return o;
    }

    @Override
    public boolean isIteratorType() { return true; }

    @Override
    public long iterOf(long o) { return vm.incref(o); }

    /** Reader_iternext: the next record as a list, or 0 at the end of input. */
    @Override
    public long nextOf(long o) {
        set(o, FIELDS, heap.lists.alloc(0, false));  // parse_reset
        Native.putLong(o + FIELD_LEN, 0);
        Native.putInt(o + STATE, START_RECORD);
        Native.putInt(o + NUMERIC_FIELD, 0);
        long dialect = get(o, DIALECT);
        do {
            long line = vm.next(get(o, INPUT_ITER));
            if (line == 0) {
                if (Native.getLong(o + FIELD_LEN) != 0 || Native.getInt(o + STATE) == IN_QUOTED_FIELD) {
                    if (DialectType.strict(dialect)) throw CsvModule.error(vm, st, "unexpected end of data");
                    saveField(o);
                    break;
                }
                return 0;
            }
            try {
                if (!vm.isStr(line)) {
                    throw CsvModule.error(vm, st, "iterator should return strings, not " + vm.typeName(line)
                            + " (the file should be opened in text mode)");
                }
                Native.putLong(o + LINE_NUM, Native.getLong(o + LINE_NUM) + 1);
                String s = vm.strValue(line);
                for (int i = 0; i < s.length(); ) {
                    int c = s.codePointAt(i);
                    processChar(o, dialect, c);
                    i += Character.charCount(c);
                }
            } finally {
                heap.decref(line);
            }
            processChar(o, dialect, EOL);
        } while (Native.getInt(o + STATE) != START_RECORD);
        long fields = get(o, FIELDS);
        put(o, FIELDS, 0);
        return fields;
    }

    private void state(long o, int s) { Native.putInt(o + STATE, s); }

    /** parse_process_char: one character (or EOL) through 3.11's state machine. */
    private void processChar(long o, long d, int c) {
        int delimiter = delimiter(d), quotechar = quotechar(d), escapechar = escapechar(d), quoting = quoting(d);
        boolean nl = c == '\n' || c == '\r';
        switch (Native.getInt(o + STATE)) {
            case START_RECORD:
                if (c == EOL) break;
                if (nl) {
                    state(o, EAT_CRNL);
                    break;
                }
                state(o, START_FIELD);
                // fall through: a normal character starts a field
            case START_FIELD:
                if (nl || c == EOL) {
                    saveField(o);
                    state(o, c == EOL ? START_RECORD : EAT_CRNL);
                } else if (c == quotechar && quoting != CsvModule.QUOTE_NONE) {
                    state(o, IN_QUOTED_FIELD);
                } else if (c == escapechar) {
                    state(o, ESCAPED_CHAR);
                } else if (c == ' ' && skipinitialspace(d)) {
                    // spaces at a field's start are skipped
                } else if (c == delimiter) {
                    saveField(o);
                } else {
                    if (quoting == CsvModule.QUOTE_NONNUMERIC) Native.putInt(o + NUMERIC_FIELD, 1);
                    addChar(o, c);
                    state(o, IN_FIELD);
                }
                break;
            case ESCAPED_CHAR:
                if (nl) {
                    addChar(o, c);
                    state(o, AFTER_ESCAPED_CRNL);
                    break;
                }
                addChar(o, c == EOL ? '\n' : c);
                state(o, IN_FIELD);
                break;
            case AFTER_ESCAPED_CRNL:
                if (c == EOL) break;
                // fall through
            case IN_FIELD:
                if (nl || c == EOL) {
                    saveField(o);
                    state(o, c == EOL ? START_RECORD : EAT_CRNL);
                } else if (c == escapechar) {
                    state(o, ESCAPED_CHAR);
                } else if (c == delimiter) {
                    saveField(o);
                    state(o, START_FIELD);
                } else {
                    addChar(o, c);
                }
                break;
            case IN_QUOTED_FIELD:
                if (c == EOL) {
                    // a line break inside quotes: the field goes on with the next line
                } else if (c == escapechar) {
                    state(o, ESCAPE_IN_QUOTED_FIELD);
                } else if (c == quotechar && quoting != CsvModule.QUOTE_NONE) {
                    state(o, doublequote(d) ? QUOTE_IN_QUOTED_FIELD : IN_FIELD);
                } else {
                    addChar(o, c);
                }
                break;
            case ESCAPE_IN_QUOTED_FIELD:
                addChar(o, c == EOL ? '\n' : c);
                state(o, IN_QUOTED_FIELD);
                break;
            case QUOTE_IN_QUOTED_FIELD:
                if (quoting != CsvModule.QUOTE_NONE && c == quotechar) {
                    addChar(o, c);
                    state(o, IN_QUOTED_FIELD);
                } else if (c == delimiter) {
                    saveField(o);
                    state(o, START_FIELD);
                } else if (nl || c == EOL) {
                    saveField(o);
                    state(o, c == EOL ? START_RECORD : EAT_CRNL);
                } else if (!strict(d)) {
                    addChar(o, c);
                    state(o, IN_FIELD);
                } else {
                    throw CsvModule.error(vm, st, "'" + new String(Character.toChars(delimiter)) + "' expected after '"
                            + new String(Character.toChars(quotechar)) + "'");
                }
                break;
            case EAT_CRNL:
                if (nl) break;
                if (c == EOL) {
                    state(o, START_RECORD);
                    break;
                }
                throw CsvModule.error(vm, st, "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
            default:
                throw new IllegalStateException("csv reader state " + Native.getInt(o + STATE));
        }
    }

    /** parse_add_char: into the field buffer, grown by doubling (4,096 characters first). */
    private void addChar(long o, int c) {
        long len = Native.getLong(o + FIELD_LEN);
        if (len >= st.fieldLimit) throw CsvModule.error(vm, st, "field larger than field limit (" + st.fieldLimit + ")");
        long size = Native.getLong(o + FIELD_SIZE);
        if (len == size) {
            long newSize = size != 0 ? 2 * size : 4096;
            long f = get(o, FIELD);
            put(o, FIELD, f == 0 ? heap.memAlloc(newSize * 4) : heap.memRealloc(f, newSize * 4));
            Native.putLong(o + FIELD_SIZE, newSize);
        }
        Native.putInt(get(o, FIELD) + 4 * len, c);
        Native.putLong(o + FIELD_LEN, len + 1);
    }

    /** parse_save_field: the field as a str (a float for QUOTE_NONNUMERIC's unquoted fields) onto the record. */
    private void saveField(long o) {
        long len = Native.getLong(o + FIELD_LEN);
        StringBuilder sb = new StringBuilder((int) len);
        long f = get(o, FIELD);
        for (long i = 0; i < len; i++) sb.appendCodePoint(Native.getInt(f + 4 * i));
        Native.putLong(o + FIELD_LEN, 0);
        long field = vm.str(sb.toString());
        if (Native.getInt(o + NUMERIC_FIELD) != 0) {
            Native.putInt(o + NUMERIC_FIELD, 0);
            try {
                long x = vm.call(heap.floats.address(), field);
                heap.decref(field);
                field = x;
            } catch (PyException e) {
                heap.decref(field);
                throw e;
            }
        }
        try {
            heap.lists.append(get(o, FIELDS), field);
        } finally {
            heap.decref(field);
        }
    }

    @Override
    public long attrOf(long o, String name) {
        return switch (name) {
            case "dialect" -> vm.incref(get(o, DIALECT));
            case "line_num" -> vm.newInt(Native.getLong(o + LINE_NUM));
            default -> 0;
        };
    }

    @Override
    public boolean setAttrOf(long o, String name, long v) {
        if (name.equals("dialect") || name.equals("line_num")) throw vm.error("AttributeError", "readonly attribute");
        return false;
    }

    void install() {
        vm.registerType(this);
        defIteratorMethods();
    }
}
