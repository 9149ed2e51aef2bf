package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;

/**
 * {@code _string}: the format-string parser str.format uses, for {@code string.Formatter}.
 * {@code formatter_parser(s)} is a {@code formatteriterator} (CPython 3.11's formatteriterobject,
 * 48 bytes, not GC: str | SubString{str, start, end}) yielding (literal, field_name, format_spec,
 * conversion) tuples, step by step as MarkupIterator_next and parse_field scan;
 * {@code formatter_field_name_split(s)} is (first, {@code fieldnameiterator}) (56 bytes:
 * str | SubString | index) yielding (is_attribute, key). Positions count code points.
 */
public final class StringModule {
    private StringModule() {}

    static final int STR = 16, SUB = 24, START = 32, END = 40;

    /** One of the two iterator types: the same header, the parse step differs. */
    static final class ParserType extends FieldsType {
        private final boolean fieldNames;

        ParserType(VmApi vm, boolean fieldNames) {
            super(vm, fieldNames ? "fieldnameiterator" : "formatteriterator", 0, fieldNames ? 56 : 48, 0, STR);
            this.fieldNames = fieldNames;
        }

        long create(long s, long start, long end) {
            long o = alloc();
            put(o, STR, vm.incref(s));
            put(o, SUB, s);  // SubString.str: borrowed, the iterator holds str
            Native.putLong(o + START, start);
            Native.putLong(o + END, end);
            return o;
        }

        /** CPython 3.11.7's tp_flags (DEFAULT | READY | IMMUTABLETYPE), with VALID_VERSION_TAG once a lookup went through the type's cache. */
        @Override
        protected long declaredFlags() { return 4480; }

        @Override
        public boolean isIteratorType() { return true; }

        @Override
        public long nextOf(long o) { return fieldNames ? nextField(o) : nextMarkup(o); }

        private int[] cps(long o) { return vm.strValue(get(o, STR)).codePoints().toArray(); }

        private long sub(int[] cps, long start, long end) { return vm.str(new String(cps, (int) start, (int) (end - start))); }

        private long nextMarkup(long o) {
            int[] s = cps(o);
            long pos = Native.getLong(o + START), end = Native.getLong(o + END);
            if (pos >= end) return 0;
            long start = pos;
            int c = 0;
            boolean markup = false;
            while (pos < end) {
                c = s[(int) pos++];
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= end;
            long len = pos - start;
            if (c == '}' && (atEnd || c != s[(int) pos])) throw vm.error("ValueError", "Single '}' encountered in format string");
            if (atEnd && c == '{') throw vm.error("ValueError", "Single '{' encountered in format string");
            if (!atEnd) {
                if (c == s[(int) pos]) {  // an escaped {{ or }}: literal text only
                    pos++;
                    markup = false;
                } else {
                    len--;
                }
            }
            long literalEnd = start + len;
            long fieldStart = -1, fieldEnd = -1, specStart = -1, specEnd = -1;
            int conversion = 0;
            if (markup) {
                // parse_field
                fieldStart = pos;
                c = 0;
                while (pos < end) {
                    c = s[(int) pos++];
                    if (c == '{') throw vm.error("ValueError", "unexpected '{' in field name");
                    if (c == '[') {
                        while (pos < end && s[(int) pos] != ']') pos++;
                        continue;
                    }
                    if (c == '}' || c == ':' || c == '!') break;
                }
                fieldEnd = pos - 1;
                if (c == '!' || c == ':') {
                    boolean done = false;
                    if (c == '!') {
                        if (pos >= end) throw vm.error("ValueError", "end of string while looking for conversion specifier");
                        conversion = s[(int) pos++];
                        if (pos < end) {
                            c = s[(int) pos++];
                            if (c == '}') done = true;
                            else if (c != ':') throw vm.error("ValueError", "expected ':' after conversion specifier");
                        }
                    }
                    if (!done) {
                        specStart = pos;
                        int count = 1;
                        while (pos < end) {
                            c = s[(int) pos++];
                            if (c == '{') count++;
                            else if (c == '}' && --count == 0) {
                                specEnd = pos - 1;
                                break;
                            }
                        }
                        if (specEnd < 0) throw vm.error("ValueError", "unmatched '{' in format spec");
                    }
                } else if (c != '}') {
                    throw vm.error("ValueError", "expected '}' before end of string");
                }
            }
            Native.putLong(o + START, pos);
            Heap heap = vm.heap;
            long t = heap.tuples.alloc(4);
            TupleType.setItemSteal(t, 0, sub(s, start, literalEnd));
            TupleType.setItemSteal(t, 1, markup ? sub(s, fieldStart, fieldEnd) : vm.incref(heap.None));
            TupleType.setItemSteal(t, 2, markup ? (specStart < 0 ? vm.str("") : sub(s, specStart, specEnd)) : vm.incref(heap.None));
            TupleType.setItemSteal(t, 3, conversion == 0 ? vm.incref(heap.None) : vm.str(new String(Character.toChars(conversion))));
            return t;
        }

        private long nextField(long o) {
            int[] s = cps(o);
            long pos = Native.getLong(o + START), end = Native.getLong(o + END);
            if (pos >= end) return 0;
            int c = s[(int) pos++];
            boolean attr;
            long nameStart = pos, nameEnd;
            if (c == '.') {
                attr = true;
                while (pos < end && s[(int) pos] != '[' && s[(int) pos] != '.') pos++;
                nameEnd = pos;
            } else if (c == '[') {
                attr = false;
                boolean bracket = false;
                while (pos < end) {
                    if (s[(int) pos++] == ']') {
                        bracket = true;
                        break;
                    }
                }
                if (!bracket) throw vm.error("ValueError", "Missing ']' in format string");
                nameEnd = pos - 1;
            } else {
                throw vm.error("ValueError", "Only '.' or '[' may follow ']' in format field specifier");
            }
            Native.putLong(o + START, pos);
            if (nameStart == nameEnd) throw vm.error("ValueError", "Empty attribute in format string");
            long key = attr ? -1 : integer(vm, s, nameStart, nameEnd);
            Heap heap = vm.heap;
            long t = heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, heap.bools.of(attr));
            TupleType.setItemSteal(t, 1, key >= 0 ? heap.ints.of(key) : sub(s, nameStart, nameEnd));
            return t;
        }
    }

    /** get_integer: the decimal value of s[start:end], or -1 if it is empty or not all digits. */
    static long integer(VmApi vm, int[] s, long start, long end) {
        if (start >= end) return -1;
        long v = 0;
        for (long i = start; i < end; i++) {
            int d = Character.digit(s[(int) i], 10);
            if (d < 0 || Character.getType(s[(int) i]) != Character.DECIMAL_DIGIT_NUMBER) return -1;
            if (v > (Long.MAX_VALUE - d) / 10) throw vm.error("ValueError", "Too many decimal digits in format string");
            v = v * 10 + d;
        }
        return v;
    }

    record Types(ParserType markup, ParserType fields) {}

    /**
     * _PyTypes_InitTypes readies both iterator types at CPython 3.11's start-up (they are static types
     * of unicodeobject.c), so their dicts are at a program's first line whether or not it imports
     * {@code _string}: the runtime's constructor calls this among the types it registers. Returns
     * them in the order they were registered.
     */
    public static java.util.List<dev.refheap.object.PyType> readyTypes(VmApi vm) {
        Types types = types(vm);
        return java.util.List.of(types.markup(), types.fields());
    }

    private static Types types(VmApi vm) {
        return vm.moduleState("_string", () -> new Types(vm.registerType(new ParserType(vm, false)), vm.registerType(new ParserType(vm, true))));
    }

    public static long create(VmApi vm) {
        Types types = types(vm);
        Heap heap = vm.heap;
        long m = vm.newModule("_string");
        vm.def(m, "formatter_parser", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "formatter_parser", kw);
            if (n != 1) throw vm.error("TypeError", "_string.formatter_parser() takes exactly one argument (" + n + " given)");
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "expected str, got " + vm.typeName(a[o]));
            return types.markup().create(a[o], 0, vm.strValue(a[o]).codePointCount(0, vm.strValue(a[o]).length()));
        });
        vm.def(m, "formatter_field_name_split", (s, a, o, n, kw) -> {
            Params.noKeywords(vm, "formatter_field_name_split", kw);
            if (n != 1) throw vm.error("TypeError", "_string.formatter_field_name_split() takes exactly one argument (" + n + " given)");
            if (!vm.isStr(a[o])) throw vm.error("TypeError", "expected str, got " + vm.typeName(a[o]));
            int[] cps = vm.strValue(a[o]).codePoints().toArray();
            int i = 0;
            while (i < cps.length && cps[i] != '[' && cps[i] != '.') i++;
            long first = integer(vm, cps, 0, i);
            long it = types.fields().create(a[o], i, cps.length);
            long t = heap.tuples.alloc(2);
            TupleType.setItemSteal(t, 0, first >= 0 ? heap.ints.of(first) : vm.str(new String(cps, 0, i)));
            TupleType.setItemSteal(t, 1, it);
            return t;
        });
        return m;
    }
}
