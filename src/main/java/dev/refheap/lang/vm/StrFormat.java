package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/** str.format: replacement fields {}, {0}, {name}, {x.attr}, {x[0]}, conversions and format specs. */
final class StrFormat {
    private StrFormat() {}

    /**
     * str.format (mapping 0) or str.format_map on str object {@code s}, as a new reference: the result
     * is an object build_string's writer kept rather than copied where 3.11's is: {@code s} itself when
     * the format has no field and no escaped brace (its one literal written whole into the empty
     * writer), or the last field's formatted str when nothing came before it (see {@link #format}).
     */
    static long formatObject(Runtime rt, long s, long[] a, int o, int n, long kw, long mapping) {
        String fmt = StrType.value(s);
        if (fmt.indexOf('{') < 0 && fmt.indexOf('}') < 0) return Builtins.incref(rt.heap, s);
        long[] whole = {0};
        String text;
        try {
            text = format(rt, fmt, a, o, n, kw, mapping, new int[1], 2, whole);
        } catch (RuntimeException e) {
            rt.heap.xdecref(whole[0]);
            throw e;
        }
        return whole[0] != 0 ? whole[0] : rt.heap.strs.of(text);
    }

    /**
     * {@code auto} is the automatic field number, shared with the fields nested in format specs
     * ('{:^{}}': the spec's field takes the next argument); {@code recursion} is what is left of
     * 3.11's recursion depth of 2 (a spec's fields are expanded, theirs are not).
     */
    private static String format(Runtime rt, String fmt, long[] a, int o, int n, long kw, long mapping, int[] autoNumber, int recursion, long[] whole) {
        if (recursion <= 0) throw rt.error("ValueError", "Max string recursion exceeded");
        int nkw = Args.nkw(kw), np = n - nkw;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '{') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '{') { out.append('{'); i++; continue; }
                int depth = 1, j = i + 1;
                while (j < fmt.length() && depth > 0) {
                    if (fmt.charAt(j) == '{') depth++;
                    else if (fmt.charAt(j) == '}') depth--;
                    if (depth > 0) j++;
                }
                if (j >= fmt.length()) throw rt.error("ValueError", "expected '}' before end of string");
                String field = fmt.substring(i + 1, j);
                i = j;
                String spec = "";
                int conv = 0;
                int colon = field.indexOf(':');
                if (colon >= 0) { spec = field.substring(colon + 1); field = field.substring(0, colon); }
                int bang = field.indexOf('!');
                if (bang >= 0) { conv = field.charAt(bang + 1); field = field.substring(0, bang); }
                String head = field.split("[.\\[]", 2)[0];
                long v;
                boolean owned = false;
                if (mapping != 0 && (head.isEmpty() || head.chars().allMatch(ch -> ch >= '0' && ch <= '9'))) {
                    throw rt.error("ValueError", "Format string contains positional fields");
                }
                if (head.isEmpty()) {
                    int auto = autoNumber[0]++;
                    if (auto >= np) throw rt.error("IndexError", "Replacement index " + auto + " out of range for positional args tuple");
                    v = a[o + auto];
                } else if (head.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    long idx = Formats.decimal(rt, head);
                    if (idx >= np) throw rt.error("IndexError", "Replacement index " + idx + " out of range for positional args tuple");
                    v = a[o + (int) idx];
                } else if (mapping != 0) {
                    long key = rt.heap.strs.of(head);
                    try {
                        v = rt.ops.getItem(mapping, key);
                    } finally {
                        rt.heap.decref(key);
                    }
                    owned = true;  // a new reference already (the incref below is skipped)
                } else {
                    v = 0;
                    for (int k = 0; k < nkw; k++) if (StrType.value(TupleType.item(kw, k)).equals(head)) v = a[o + np + k];
                    if (v == 0) {
                        long key = rt.heap.strs.of(head);
                        long args = rt.heap.tuples.of(key);
                        rt.heap.decref(key);
                        throw new PyException(rt.ops.instantiateException(rt.exceptionType("KeyError"), args));
                    }
                }
                if (!owned) rt.heap.incref(v);
                String rest = field.substring(head.length());
                try {
                    while (!rest.isEmpty()) {
                        long next;
                        if (rest.charAt(0) == '.') {
                            int end = rest.indexOf('.', 1);
                            int br = rest.indexOf('[', 1);
                            if (end < 0 || (br >= 0 && br < end)) end = br;
                            if (end < 0) end = rest.length();
                            long name = rt.heap.strs.internedOf(rest.substring(1, end));
                            try {
                                next = rt.ops.getAttr(v, name);
                            } finally {
                                rt.heap.decref(name);
                            }
                            rest = rest.substring(end);
                        } else {
                            int end = rest.indexOf(']');
                            String key = rest.substring(1, end);
                            long k = !key.isEmpty() && key.chars().allMatch(ch -> ch >= '0' && ch <= '9') ? rt.heap.ints.of(Formats.decimal(rt, key)) : rt.heap.strs.of(key);
                            try {
                                next = rt.ops.getItem(v, k);
                            } finally {
                                rt.heap.decref(k);
                            }
                            rest = rest.substring(end + 1);
                        }
                        rt.heap.decref(v);
                        v = next;
                    }
                } catch (RuntimeException e) {
                    rt.heap.decref(v); // a failed attribute or item lookup: the object reached so far
                    throw e;
                }
                try {
                    if (spec.indexOf('{') >= 0) spec = format(rt, spec, a, o, n, kw, mapping, autoNumber, recursion - 1, null);
                    // the last field with nothing written before it: the writer no longer over-allocates,
                    // so a str written whole (the field's own exact str, or PyObject_Format's result for
                    // an object other than an exact str, int, float or complex) becomes the result
                    boolean last = whole != null && out.length() == 0 && i == fmt.length() - 1;
                    if (conv == 'r' || conv == 's' || conv == 'a') {
                        long shown = conv == 's' ? rt.ops.strObject(v) : conv == 'r' ? rt.ops.reprObject(v) : rt.heap.strs.of(Builtins.ascii(rt.ops.repr(v)));
                        try {
                            out.append(last ? kept(rt, rt.ops.formatObject(shown, spec), whole) : rt.ops.format(shown, spec));
                        } finally {
                            rt.heap.decref(shown);
                        }
                    } else {
                        var t = rt.heap.typeOf(v);
                        boolean written = t == rt.heap.ints || t == rt.heap.floats || t == rt.complexType;  // formatted straight into the writer
                        out.append(last && !written ? kept(rt, rt.ops.formatObject(v, spec), whole) : rt.ops.format(v, spec));
                    }
                } finally {
                    rt.heap.decref(v);
                }
            } else if (c == '}') {
                if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '}') { out.append('}'); i++; continue; }
                throw rt.error("ValueError", "Single '}' encountered in format string");
            } else out.append(c);
        }
        return out.toString();
    }

    /** The text of str {@code r} (a new reference), which {@code whole[0]} keeps as the result. */
    private static String kept(Runtime rt, long r, long[] whole) {
        whole[0] = r;
        return StrType.value(r);
    }
}
