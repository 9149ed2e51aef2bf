package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.nio.charset.StandardCharsets;

/**
 * The ". Did you mean: 'x'?" of 3.11's C exception display (PyErr_Display, which python3 uses for
 * an uncaught exception, sys.excepthook and threads' excepthook; 3.11's traceback module has no
 * suggestions, 3.12's does). Only an exception of exactly AttributeError (candidates: {@code dir(obj)})
 * or exactly NameError (candidates: the innermost traceback frame's co_varnames, else its
 * globals' keys, else its builtins' keys, each list on its own) with its {@code name} set.
 *
 * <p>The measure is a Levenshtein distance over the UTF-8 bytes, after the common prefix and
 * suffix are dropped: insertion and deletion cost 2, a substitution 2, or 1 when the two bytes
 * differ only in ASCII case. A candidate is taken when its distance is at most
 * (len(name) + len(candidate) + 3) * 2 / 6 and below the best so far (the first of equals wins);
 * names longer than 40 bytes after the trimming never match, and a list of 750 or more candidates
 * gives none.
 */
final class Suggestions {
    private Suggestions() {}

    static final int MAX_CANDIDATE_ITEMS = 750, MAX_STRING_SIZE = 40, MOVE_COST = 2, CASE_COST = 1;

    /** The suggestion for {@code exc}, or null; any error on the way is swallowed (none then). */
    static String offer(Runtime rt, long exc) {
        Heap heap = rt.heap;
        PyType t = heap.typeOf(exc);
        try {
            if (t == rt.exceptionType("AttributeError")) return forAttribute(rt, exc);
            if (t == rt.exceptionType("NameError")) return forName(rt, exc);
        } catch (PyException e) {
            heap.decref(e.exc());
        }
        return null;
    }

    private static String forAttribute(Runtime rt, long exc) {
        ExceptionFields f = ExceptionFields.of(rt.heap.typeOf(exc));
        long name = ExceptionFields.raw(exc, f, "name"), obj = ExceptionFields.raw(exc, f, "obj");
        if (name == 0 || obj == 0 || !Heap.isStr(name)) return null;
        long dirFn = rt.heap.dicts.getItem(rt.builtinsDict, "dir");
        if (dirFn == 0) return null;
        long dir = rt.ops.call(dirFn, new long[] {obj}, 0, 1, 0);
        try {
            return calculate(rt, dir, StrType.value(name));
        } finally {
            rt.heap.decref(dir);
        }
    }

    private static String forName(Runtime rt, long exc) {
        Heap heap = rt.heap;
        ExceptionFields f = ExceptionFields.of(heap.typeOf(exc));
        long name = ExceptionFields.raw(exc, f, "name");
        long tb = ExceptionType.traceback(exc);
        if (name == 0 || heap.typeOf(name) != heap.strs || tb == 0 || heap.typeOf(tb) != rt.tracebackType) return null;
        for (long next = TracebackType.next(tb); next != 0 && heap.typeOf(next) == rt.tracebackType; next = TracebackType.next(tb)) tb = next;
        long frameObj = TracebackType.frame(tb);
        Frame frame = rt.frameType.frame(frameObj);
        String wanted = StrType.value(name);
        long key = heap.strs.internedOf("co_varnames");
        long varnames;
        try {
            varnames = rt.ops.getAttr(frame.codeObj, key);
        } finally {
            heap.decref(key);
        }
        String s;
        try {
            s = calculate(rt, varnames, wanted);
        } finally {
            heap.decref(varnames);
        }
        if (s != null) return s;
        for (long d : new long[] {frame.globals, frame.builtins}) {
            if (d == 0 || !(heap.typeOf(d) instanceof dev.refheap.object.DictType)) continue;
            long keys = Builtins.toList(rt, d);
            try {
                s = calculate(rt, keys, wanted);
            } finally {
                heap.decref(keys);
            }
            if (s != null) return s;
        }
        return null;
    }

    /** calculate_suggestions over a list or tuple of candidates: the best one, or null (a candidate not a str gives none). */
    static String calculate(Runtime rt, long seq, String name) {
        Heap heap = rt.heap;
        boolean tuple = heap.typeOf(seq) == heap.tuples;
        long size = tuple ? TupleType.size(seq) : dev.refheap.object.ListType.size(seq);
        if (size >= MAX_CANDIDATE_ITEMS) return null;
        byte[] a = name.getBytes(StandardCharsets.UTF_8);
        String best = null;
        long bestDistance = Long.MAX_VALUE;
        for (long i = 0; i < size; i++) {
            long item = tuple ? TupleType.item(seq, i) : dev.refheap.object.ListType.item(seq, i);
            if (!Heap.isStr(item)) return null;
            String candidate = StrType.value(item);
            if (candidate.equals(name)) continue;
            byte[] b = candidate.getBytes(StandardCharsets.UTF_8);
            long max = Math.min((long) (a.length + b.length + 3) * MOVE_COST / 6, bestDistance - 1);
            long d = distance(a, b, max);
            if (d > max) continue;
            if (best == null || d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** The weighted distance of a and b, or some value above {@code max} when it exceeds it. */
    static long distance(byte[] a, byte[] b, long max) {
        int aFrom = 0, aTo = a.length, bFrom = 0, bTo = b.length;
        while (aFrom < aTo && bFrom < bTo && a[aFrom] == b[bFrom]) {
            aFrom++;
            bFrom++;
        }
        while (aFrom < aTo && bFrom < bTo && a[aTo - 1] == b[bTo - 1]) {
            aTo--;
            bTo--;
        }
        int aLen = aTo - aFrom, bLen = bTo - bFrom;
        if (aLen == 0 || bLen == 0) return (long) (aLen + bLen) * MOVE_COST;
        if (aLen > MAX_STRING_SIZE || bLen > MAX_STRING_SIZE) return max + 1;
        if (bLen < aLen) {  // the shorter one indexes the row
            byte[] t = a; a = b; b = t;
            int tf = aFrom; aFrom = bFrom; bFrom = tf;
            int tl = aLen; aLen = bLen; bLen = tl;
        }
        if ((long) (bLen - aLen) * MOVE_COST > max) return max + 1;
        long[] row = new long[aLen];  // row[i]: cost between the b prefix so far and a[..i]
        for (int i = 0; i < aLen; i++) row[i] = (long) (i + 1) * MOVE_COST;
        long result = 0;
        for (int j = 0; j < bLen; j++) {
            byte bc = b[bFrom + j];
            long diagonal = (long) j * MOVE_COST;  // cost of b[..j) against the empty prefix of a
            result = diagonal;
            long rowMin = Long.MAX_VALUE;
            for (int i = 0; i < aLen; i++) {
                long substitute = diagonal + substitution(bc, a[aFrom + i]);
                diagonal = row[i];
                long indel = Math.min(result, diagonal) + MOVE_COST;
                result = Math.min(indel, substitute);
                row[i] = result;
                rowMin = Math.min(rowMin, result);
            }
            if (rowMin > max) return max + 1;
        }
        return result;
    }

    private static int substitution(byte x, byte y) {
        if (x == y) return 0;
        int lx = x >= 'A' && x <= 'Z' ? x + ('a' - 'A') : x, ly = y >= 'A' && y <= 'Z' ? y + ('a' - 'A') : y;
        return lx == ly ? CASE_COST : MOVE_COST;
    }
}
