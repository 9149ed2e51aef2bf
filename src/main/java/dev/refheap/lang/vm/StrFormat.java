package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;

/** str.format: replacement fields {}, {0}, {name}, {x.attr}, {x[0]}, conversions and format specs. */
final class StrFormat {
    private StrFormat() {}

    static String format(Runtime rt, String fmt, long[] a, int o, int n, long kw) {
        return format(rt, fmt, a, o, n, kw, 0);
    }

    /** str.format_map(mapping): the named fields are mapping[name] (a dict subclass's __missing__ applies); no positional ones. */
    static String formatMap(Runtime rt, String fmt, long mapping) {
        return format(rt, fmt, new long[0], 0, 0, 0, mapping);
    }

    private static String format(Runtime rt, String fmt, long[] a, int o, int n, long kw, long mapping) {
        return format(rt, fmt, a, o, n, kw, mapping, new int[1], 2);
    }

    /**
     * {@code auto} is the automatic field number, shared with the fields nested in format specs
     * ('{:^{}}': the spec's field takes the next argument); {@code recursion} is what is left of
     * 3.11's recursion depth of 2 (a spec's fields are expanded, theirs are not).
     */
    private static String format(Runtime rt, String fmt, long[] a, int o, int n, long kw, long mapping, int[] autoNumber, int recursion) {
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
                    if (spec.indexOf('{') >= 0) spec = format(rt, spec, a, o, n, kw, mapping, autoNumber, recursion - 1);
                    long shown = v;
                    if (conv == 'r' || conv == 's' || conv == 'a') {
                        String t = conv == 's' ? rt.ops.str(v) : conv == 'r' ? rt.ops.repr(v) : Builtins.ascii(rt.ops.repr(v));
                        shown = rt.heap.strs.of(t);
                        try {
                            out.append(rt.ops.format(shown, spec));
                        } finally {
                            rt.heap.decref(shown);
                        }
                    } else {
                        out.append(rt.ops.format(shown, spec));
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
}
