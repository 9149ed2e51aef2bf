package dev.refheap.lang.modules.operator;

import dev.refheap.lang.bytecode.BinaryOp;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.Builtin;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.BytesType;
import dev.refheap.object.Heap;

/**
 * {@code _operator}: the C half of {@code operator.py}, which ends with {@code from _operator
 * import *}: the operators as functions (each the VM's own operation, so {@code operator.add(a,
 * b)} is exactly {@code a + b}), the in-place forms, comparisons, item access, {@code call},
 * {@code _compare_digest}, and the types {@link GetterTypes itemgetter, attrgetter,
 * methodcaller}. What it leaves out (concat, iconcat, countOf, indexOf, length_hint) stays
 * operator.py's pure-Python definition.
 */
public final class OperatorModule {
    private OperatorModule() {}

    record Types(GetterTypes.ItemGetter item, GetterTypes.AttrGetter attr, GetterTypes.MethodCaller method) {}

    private static final Object[][] BINARY = {
        {"add", BinaryOp.ADD}, {"sub", BinaryOp.SUBTRACT}, {"mul", BinaryOp.MULTIPLY}, {"matmul", BinaryOp.MATRIX_MULTIPLY},
        {"truediv", BinaryOp.TRUE_DIVIDE}, {"floordiv", BinaryOp.FLOOR_DIVIDE}, {"mod", BinaryOp.REMAINDER}, {"pow", BinaryOp.POWER},
        {"lshift", BinaryOp.LSHIFT}, {"rshift", BinaryOp.RSHIFT}, {"and_", BinaryOp.AND}, {"or_", BinaryOp.OR}, {"xor", BinaryOp.XOR},
        {"iadd", BinaryOp.INPLACE_ADD}, {"isub", BinaryOp.INPLACE_SUBTRACT}, {"imul", BinaryOp.INPLACE_MULTIPLY},
        {"imatmul", BinaryOp.INPLACE_MATRIX_MULTIPLY}, {"itruediv", BinaryOp.INPLACE_TRUE_DIVIDE},
        {"ifloordiv", BinaryOp.INPLACE_FLOOR_DIVIDE}, {"imod", BinaryOp.INPLACE_REMAINDER}, {"ipow", BinaryOp.INPLACE_POWER},
        {"ilshift", BinaryOp.INPLACE_LSHIFT}, {"irshift", BinaryOp.INPLACE_RSHIFT}, {"iand", BinaryOp.INPLACE_AND},
        {"ior", BinaryOp.INPLACE_OR}, {"ixor", BinaryOp.INPLACE_XOR},
    };

    private static final String[] COMPARE = {"lt", "le", "eq", "ne", "gt", "ge"};

    interface F1 { long apply(long x); }

    interface F2 { long apply(long x, long y); }

    public static long create(VmApi vm) {
        Types types = vm.moduleState("_operator", () -> new Types(
                (GetterTypes.ItemGetter) new GetterTypes.ItemGetter(vm).install(),
                (GetterTypes.AttrGetter) new GetterTypes.AttrGetter(vm).install(),
                (GetterTypes.MethodCaller) new GetterTypes.MethodCaller(vm).install()));
        Heap heap = vm.heap;
        long m = vm.newModule("_operator");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "itemgetter", types.item().typeObject());
        heap.dicts.setItem(d, "attrgetter", types.attr().typeObject());
        heap.dicts.setItem(d, "methodcaller", types.method().typeObject());
        for (Object[] b : BINARY) {
            BinaryOp op = (BinaryOp) b[1];
            def2(vm, m, (String) b[0], (x, y) -> vm.binary(op, x, y));
        }
        for (int i = 0; i < COMPARE.length; i++) {
            int op = i;
            def2(vm, m, COMPARE[i], (x, y) -> vm.compare(op, x, y));
        }
        def1(vm, m, "neg", x -> vm.unary("-", x));
        def1(vm, m, "pos", x -> vm.unary("+", x));
        def1(vm, m, "inv", x -> vm.unary("~", x));
        def1(vm, m, "invert", x -> vm.unary("~", x));
        def1(vm, m, "abs", x -> vm.call(vm.dictGet(vm.builtinsDict(), "abs"), x));
        def1(vm, m, "not_", x -> heap.bools.of(!vm.truthy(x)));
        def1(vm, m, "truth", x -> heap.bools.of(vm.truthy(x)));
        def1(vm, m, "index", vm::numberIndex);  // PyNumber_Index
        def2(vm, m, "is_", (x, y) -> heap.bools.of(x == y));
        def2(vm, m, "is_not", (x, y) -> heap.bools.of(x != y));
        def2(vm, m, "contains", (x, y) -> heap.bools.of(vm.contains(x, y)));
        def2(vm, m, "getitem", vm::getItem);
        vm.def(m, "setitem", (s, a, o, n, kw) -> {
            positional(vm, "setitem", n, kw, 3);
            vm.setItem(a[o], a[o + 1], a[o + 2]);
            return vm.incref(heap.None);
        });
        def2(vm, m, "delitem", (x, y) -> {
            vm.delItem(x, y);
            return vm.incref(heap.None);
        });
        vm.def(m, "call", (s, a, o, n, kw) -> {
            if (n - Params.nkw(kw) < 1) throw vm.error("TypeError", "call expected at least 1 argument, got 0");
            return vm.callArgs(a[o], a, o + 1, n - 1, kw);
        });
        def2(vm, m, "_compare_digest", (x, y) -> heap.bools.of(compareDigest(vm, x, y)));
        def2(vm, m, "concat", (x, y) -> concat(vm, x, y, BinaryOp.ADD));
        def2(vm, m, "iconcat", (x, y) -> concat(vm, x, y, BinaryOp.INPLACE_ADD));
        def2(vm, m, "countOf", (x, y) -> {
            long it = searchIter(vm, x);
            long count = 0;
            try {
                for (long v = vm.next(it); v != 0; v = vm.next(it)) {
                    try {
                        if (v == y || vm.equal(v, y)) count++;
                    } finally {
                        heap.decref(v);
                    }
                }
            } finally {
                heap.decref(it);
            }
            return vm.newInt(count);
        });
        def2(vm, m, "indexOf", (x, y) -> {
            long it = searchIter(vm, x);
            try {
                for (long i = 0, v = vm.next(it); v != 0; i++, v = vm.next(it)) {
                    boolean found;
                    try {
                        found = v == y || vm.equal(v, y);
                    } finally {
                        heap.decref(v);
                    }
                    if (found) return vm.newInt(i);
                }
            } finally {
                heap.decref(it);
            }
            throw vm.error("ValueError", "sequence.index(x): x not in sequence");
        });
        vm.def(m, "length_hint", (s, a, o, n, kw) -> {
            if (Params.nkw(kw) > 0) throw vm.error("TypeError", "_operator.length_hint() takes no keyword arguments");
            if (n < 1 || n > 2) throw vm.error("TypeError", "length_hint expected " + (n < 1 ? "at least 1 argument" : "at most 2 arguments") + ", got " + n);
            return lengthHint(vm, a[o], n == 2 ? a[o + 1] : 0);
        });
        return m;
    }

    private static void positional(VmApi vm, String name, int n, long kw, int want) {
        if (Params.nkw(kw) > 0) throw vm.error("TypeError", "_operator." + name + "() takes no keyword arguments");
        if (n != want) throw vm.error("TypeError", name + " expected " + want + " arguments, got " + n);
    }

    private static void def1(VmApi vm, long m, String name, F1 f) {
        Builtin b = (s, a, o, n, kw) -> {
            if (Params.nkw(kw) > 0) throw vm.error("TypeError", "_operator." + name + "() takes no keyword arguments");
            if (n != 1) throw vm.error("TypeError", "_operator." + name + "() takes exactly one argument (" + n + " given)");
            return f.apply(a[o]);
        };
        vm.def(m, name, b);
    }

    private static void def2(VmApi vm, long m, String name, F2 f) {
        vm.def(m, name, (s, a, o, n, kw) -> {
            positional(vm, name, n, kw, 2);
            return f.apply(a[o], a[o + 1]);
        });
    }

    /** The builtin types PySequence_Check accepts (sq_item without being a dict); classes by __getitem__. */
    private static final java.util.Set<String> SEQUENCES = java.util.Set.of("list", "tuple", "str", "bytes", "bytearray", "range", "memoryview", "collections.deque");

    /** concat/iconcat: a + b for sequences only ("'T' object can't be concatenated" otherwise). */
    private static long concat(VmApi vm, long a, long b, BinaryOp op) {
        boolean seq = SEQUENCES.contains(vm.typeName(a)) || (vm.heap.typeOf(a) != vm.heap.dicts && vm.typeHas(a, "__getitem__"));
        if (!seq) throw vm.error("TypeError", "'" + vm.typeName(a) + "' object can't be concatenated");
        return vm.binary(op, a, b);
    }

    /** _PySequence_IterSearch's iter(): its TypeError says "argument of type 'T' is not iterable". */
    private static long searchIter(VmApi vm, long o) {
        try {
            return vm.iter(o);
        } catch (dev.refheap.lang.vm.PyException e) {
            if (!vm.isInstance(e, "TypeError")) throw e;
            vm.heap.decref(e.exc());
            throw vm.error("TypeError", "argument of type '" + vm.typeName(o) + "' is not iterable");
        }
    }

    /** PyObject_LengthHint: len(o) if it has one, else __length_hint__(), else the default. */
    private static long lengthHint(VmApi vm, long o, long dflt) {
        Heap heap = vm.heap;
        long dv = 0;
        if (dflt != 0) {
            if (heap.typeOf(dflt) != heap.ints) throw vm.error("TypeError", "'" + vm.typeName(dflt) + "' object cannot be interpreted as an integer");
            dv = vm.asIndex(dflt).longValue();
        }
        try {
            return vm.call(vm.dictGet(vm.builtinsDict(), "len"), o);
        } catch (dev.refheap.lang.vm.PyException e) {
            if (!vm.isInstance(e, "TypeError")) throw e;
            heap.decref(e.exc());
        }
        if (!vm.typeHas(o, "__length_hint__")) return vm.newInt(dv);
        long r;
        try {
            r = vm.callMethod(o, "__length_hint__");
        } catch (dev.refheap.lang.vm.PyException e) {  // PyObject_LengthHint: a TypeError from the hint is the default
            if (!vm.isInstance(e, "TypeError")) throw e;
            heap.decref(e.exc());
            return vm.newInt(dv);
        }
        if (r == vm.dictGet(vm.builtinsDict(), "NotImplemented")) {
            heap.decref(r);
            return vm.newInt(dv);
        }
        if (!vm.isInt(r)) {
            String t = vm.typeName(r);
            heap.decref(r);
            throw vm.error("TypeError", "__length_hint__ must be an integer, not " + t);
        }
        java.math.BigInteger h = vm.asIndex(r);
        if (h.bitLength() > 63) {  // PyLong_AsSsize_t's refusal comes before the sign check
            heap.decref(r);
            throw vm.error("OverflowError", "Python int too large to convert to C ssize_t");
        }
        if (h.signum() < 0) {
            heap.decref(r);
            throw vm.error("ValueError", "__length_hint__() should return >= 0");
        }
        return r;
    }

    /** _compare_digest: equal ASCII strs, or equal bytes, compared in time independent of where they differ. */
    private static boolean compareDigest(VmApi vm, long a, long b) {
        byte[] x, y;
        if (vm.isStr(a) && vm.isStr(b)) {
            String sa = vm.strValue(a), sb = vm.strValue(b);
            if (!sa.chars().allMatch(c -> c < 128) || !sb.chars().allMatch(c -> c < 128)) {
                throw vm.error("TypeError", "comparing strings with non-ASCII characters is not supported");
            }
            x = sa.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            y = sb.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        } else if (vm.isStr(a) || vm.isStr(b)) {
            throw vm.error("TypeError", "a bytes-like object is required, not 'str'");
        } else if (vm.heap.typeOf(a) == vm.heap.bytes && vm.heap.typeOf(b) == vm.heap.bytes) {
            x = BytesType.value(a);
            y = BytesType.value(b);
        } else {
            throw vm.error("TypeError", "unsupported operand types(s) or combination of types: '" + vm.typeName(a) + "' and '" + vm.typeName(b) + "'");
        }
        return java.security.MessageDigest.isEqual(x, y);
    }
}
