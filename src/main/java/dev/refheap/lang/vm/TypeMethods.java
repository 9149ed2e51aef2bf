package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.BytesType;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.PyError;
import dev.refheap.object.PyType;
import dev.refheap.object.SetType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import dev.refheap.object.WeakrefType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of the builtin types (list.append, dict.get, str.join, ...), registered as method
 * descriptors (builtin function objects without self) held by the runtime. Arguments borrowed,
 * results new references.
 */
final class TypeMethods {
    private final Runtime rt;
    private final Heap heap;

    private TypeMethods(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    interface M0 { long call(long self); }
    interface M1 { long call(long self, long a); }

    /** Registers the methods for {@code runtime}; each method's implementation is bound to that runtime. */
    static void install(Runtime runtime) {
        new TypeMethods(runtime).installAll();
    }

    private void installAll() {
        installList();
        installDict();
        installSet();
        installStr();
        installMisc();
    }

    private void def(PyType t, String name, Builtin impl) {
        rt.defMethod(t, name, impl);
    }

    private void def0(PyType t, String name, M0 m) {
        def(t, name, (self, a, o, n, kw) -> {
            if (n != 0 || Args.nkw(kw) > 0) throw rt.typeError(t.name() + "." + name + "() takes no arguments (" + n + " given)");
            return m.call(self);
        });
    }

    private void def1(PyType t, String name, M1 m) {
        def(t, name, (self, a, o, n, kw) -> {
            Args.noKeywords(rt, t.name() + "." + name, kw);
            if (n != 1) throw rt.typeError(t.name() + "." + name + "() takes exactly one argument (" + n + " given)");
            return m.call(self, a[o]);
        });
    }

    /** _PyEval_SliceIndexNotNone: an int or an object with __index__, clamped to the index range. */
    private long indexNotNone(long v) {
        if (!(rt.ops.baseView(v) instanceof IntType) && rt.ops.lookupType(heap.typeOf(v), "__index__") == 0) {
            throw rt.typeError("slice indices must be integers or have an __index__ method");
        }
        return Sequences.sliceInt(rt, v);
    }

    /** A 1-tuple of {@code v} (stolen). */
    private long single(long v) {
        long t = heap.tuples.alloc(1);
        TupleType.setItemSteal(t, 0, v);
        return t;
    }

    private long none() {
        heap.incref(heap.None);
        return heap.None;
    }

    private void checkType(long self, PyType t, String method) {
        if (!rt.ops.isInstance(self, t)) {
            throw rt.typeError("descriptor '" + method + "' for '" + t.name() + "' objects doesn't apply to a '" + rt.ops.typeName(self) + "' object");
        }
    }

    // ---- list -------------------------------------------------------------------------------------

    private void installList() {
        PyType L = heap.lists;
        def1(L, "append", (s, v) -> { checkType(s, L, "append"); heap.lists.append(s, v); return none(); });
        def1(L, "extend", (s, v) -> { Sequences.extend(rt, s, v); return none(); });
        def(L, "insert", (s, a, o, n, kw) -> {
            if (n != 2) throw rt.typeError("insert expected 2 arguments, got " + n);
            long len = ListType.size(s), i = Builtins.intArg(rt, a[o]);
            if (i < 0) i = Math.max(0, i + len);
            heap.lists.insert(s, Math.min(i, len), a[o + 1]);
            return none();
        });
        def(L, "pop", (s, a, o, n, kw) -> {
            Args.range(rt, "pop", n, kw, 0, 1);
            long len = ListType.size(s);
            if (len == 0) throw rt.error("IndexError", "pop from empty list");
            long i = n == 0 ? len - 1 : Builtins.intArg(rt, a[o]);
            if (i < 0) i += len;
            if (i < 0 || i >= len) throw rt.error("IndexError", "pop index out of range");
            return heap.lists.pop(s, i);
        });
        // remove, index and count hold each item across its comparison (an __eq__ may shrink the
        // list and free it); index takes start and stop as list_index_impl does (negative ones from
        // the end, clamped): a negative start read before the items, and stop was ignored
        def1(L, "remove", (s, v) -> {
            for (long i = 0; i < ListType.size(s); i++) {
                if (rt.ops.eqOrSameHeld(ListType.item(s, i), v)) {
                    if (i < ListType.size(s)) heap.decref(heap.lists.pop(s, i));
                    return none();
                }
            }
            throw rt.error("ValueError", "list.remove(x): x not in list");
        });
        def(L, "index", (s, a, o, n, kw) -> {
            Args.range(rt, "index", n, kw, 1, 3);
            long start = n > 1 ? indexNotNone(a[o + 1]) : 0, stop = n > 2 ? indexNotNone(a[o + 2]) : Long.MAX_VALUE;
            if (start < 0) start = Math.max(0, start + ListType.size(s));
            if (stop < 0) stop = Math.max(0, stop + ListType.size(s));
            for (long i = start; i < stop && i < ListType.size(s); i++) {
                if (rt.ops.eqOrSameHeld(ListType.item(s, i), a[o])) return heap.ints.of(i);
            }
            throw rt.error("ValueError", rt.ops.repr(a[o]) + " is not in list");
        });
        def1(L, "count", (s, v) -> {
            long c = 0;
            for (long i = 0; i < ListType.size(s); i++) if (rt.ops.eqOrSameHeld(ListType.item(s, i), v)) c++;
            return heap.ints.of(c);
        });
        def0(L, "__reversed__", s -> rt.iterType.createReverse(IterType.Kind.LIST_REVERSE, s));
        def0(L, "clear", s -> { heap.lists.clear(s); return none(); });
        def0(L, "copy", s -> {  // list_slice(self, 0, len): exactly len items, read from the list's own layout
            long n = ListType.size(s);
            long r = heap.lists.alloc(n);
            for (long i = 0; i < n; i++) ListType.setItemSteal(r, i, Builtins.incref(heap, ListType.item(s, i)));
            return r;
        });
        def0(L, "reverse", s -> {
            long n = ListType.size(s);
            for (long i = 0; i < n / 2; i++) {
                long x = ListType.item(s, i);
                ListType.setItemSteal(s, i, ListType.item(s, n - 1 - i));
                ListType.setItemSteal(s, n - 1 - i, x);
            }
            return none();
        });
        def(L, "sort", (s, a, o, n, kw) -> {
            ListSort.sort(rt, s, a, o, n, kw);
            return none();
        });
        PyType T = heap.tuples;
        def(T, "index", (s, a, o, n, kw) -> {
            Args.range(rt, "index", n, kw, 1, 3);
            for (long i = 0; i < TupleType.size(s); i++) if (rt.ops.eqOrSame(TupleType.item(s, i), a[o])) return heap.ints.of(i);
            throw rt.error("ValueError", "tuple.index(x): x not in tuple");
        });
        def1(T, "count", (s, v) -> {
            long c = 0;
            for (long i = 0; i < TupleType.size(s); i++) if (rt.ops.eqOrSame(TupleType.item(s, i), v)) c++;
            return heap.ints.of(c);
        });
    }

    // ---- dict -------------------------------------------------------------------------------------

    private void installDict() {
        PyType D = heap.dicts;
        def(D, "get", (s, a, o, n, kw) -> {
            Args.range(rt, "get", n, kw, 1, 2);
            long v = getItem(s, a[o]);
            return Builtins.incref(heap, v != 0 ? v : n == 2 ? a[o + 1] : heap.None);
        });
        def(D, "setdefault", (s, a, o, n, kw) -> {
            // PyDict_SetDefault: the key hashed once, looked up and inserted with that hash
            Args.range(rt, "setdefault", n, kw, 1, 2);
            try {
                long hash = heap.dicts.keyHash(a[o]);
                return Builtins.incref(heap, heap.dicts.setDefaultKnownHash(s, a[o], hash, n == 2 ? a[o + 1] : heap.None));
            } catch (PyError e) {
                throw rt.fromPyError(e);
            }
        });
        def(D, "pop", (s, a, o, n, kw) -> {
            // _PyDict_Pop: an empty dict answers without hashing; else one hash for the lookup and removal
            Args.range(rt, "pop", n, kw, 1, 2);
            long v = 0;
            if (DictType.size(s) != 0) {
                try {
                    v = heap.dicts.popKnownHash(s, a[o], heap.dicts.keyHash(a[o]));
                } catch (PyError e) {
                    throw rt.fromPyError(e);
                }
            }
            if (v == 0) {
                if (n == 2) return Builtins.incref(heap, a[o + 1]);
                long args = heap.tuples.of(a[o]);
                throw new PyException(rt.ops.instantiateException(rt.exceptionType("KeyError"), args));
            }
            return v;
        });
        def0(D, "popitem", s -> {
            // dict_popitem_impl makes the result tuple before it looks at the size (a GC allocation
            // count0 sees even when the dict is empty and the tuple goes back to the free list)
            long t = heap.tuples.alloc(2);
            if (DictType.size(s) == 0) {
                heap.decref(t);
                throw rt.error("KeyError", "popitem(): dictionary is empty");
            }
            // a split table is combined first (its size grows to the shared keys'), then the last entry
            // goes and dk_nentries is cut back to it (dict_popitem_impl): no __hash__ or __eq__ runs
            long[] kv = heap.dicts.popLast(s);
            TupleType.setItemSteal(t, 0, kv[0]);
            TupleType.setItemSteal(t, 1, kv[1]);
            return t;
        });
        def0(D, "__reversed__", s -> rt.iterType.createReverse(IterType.Kind.DICT_REVERSE_KEYS, s));
        for (IterType.Kind k : new IterType.Kind[] {IterType.Kind.DICT_KEYS, IterType.Kind.DICT_VALUES, IterType.Kind.DICT_ITEMS}) {
            def0(rt.dictViews.get(k), "__reversed__", s -> rt.iterType.createReverse(IterType.reverseOf(k), DictViewType.dict(s)));
        }
        def0(rt.rangeType, "__reversed__", s -> rt.rangeType.reversedIter(s));
        def0(D, "keys", s -> DictViewType.create(rt, s, IterType.Kind.DICT_KEYS));
        def0(D, "values", s -> DictViewType.create(rt, s, IterType.Kind.DICT_VALUES));
        def0(D, "items", s -> DictViewType.create(rt, s, IterType.Kind.DICT_ITEMS));
        def0(D, "clear", s -> { heap.dicts.clearDict(s); return none(); });
        def0(D, "copy", s -> {
            long r = Sequences.copyDict(rt, s);
            return r;
        });
        def(D, "update", (s, a, o, n, kw) -> {
            int nkw = Args.nkw(kw);
            if (n - nkw > 1) throw rt.typeError("update expected at most 1 argument, got " + (n - nkw));
            if (n - nkw == 1) {
                Builtins.dictUpdateArg(rt, s, a[o]);
            }
            for (int k = 0; k < nkw; k++) heap.dicts.setItem(s, TupleType.item(kw, k), a[o + n - nkw + k]);
            return none();
        });
    }

    private long getItem(long d, long key) {
        try {
            return heap.dicts.getItem(d, key);
        } catch (PyError e) {
            throw rt.fromPyError(e);
        }
    }

    // ---- set --------------------------------------------------------------------------------------

    private void installSet() {
        PyType S = heap.sets;
        def1(S, "add", (s, v) -> { try { heap.sets.add(s, v); } catch (PyError e) { throw rt.fromPyError(e); } return none(); });
        def1(S, "discard", (s, v) -> { SetMethods.withFrozenKeyRetry(rt, v, k -> heap.sets.discard(s, k)); return none(); });
        def1(S, "remove", (s, v) -> {
            boolean found = SetMethods.withFrozenKeyRetry(rt, v, k -> heap.sets.discard(s, k));
            if (!found) throw new PyException(rt.ops.instantiateException(rt.exceptionType("KeyError"), heap.tuples.of(v)));
            return none();
        });
        def0(S, "pop", s -> {
            long slot = heap.sets.nextSlot(s, 0);
            if (slot < 0) throw rt.error("KeyError", "pop from an empty set");
            long k = SetType.keyAt(s, slot);
            heap.incref(k);
            heap.sets.discard(s, k);
            return k;
        });
        def0(S, "clear", s -> { heap.sets.clear(s); return none(); });
        def0(S, "copy", s -> SetMethods.copy(rt, s));
        // frozenset_copy: an exact frozenset is its own copy; a subclass instance's is a new frozenset
        def0(heap.frozensets, "copy", s -> Heap.typeAddress(s) == heap.frozensets.address() ? Builtins.incref(heap, s) : SetMethods.copy(rt, s));
        def(S, "update", varargs((s, a, o, n, kw) -> {
            Args.noKeywords(rt, "set.update", kw);
            for (int i = 0; i < n; i++) SetMethods.updateInternal(rt, s, a[o + i]);
            return none();
        }));
        def(S, "difference_update", varargs((s, a, o, n, kw) -> {
            Args.noKeywords(rt, "set.difference_update", kw);
            for (int i = 0; i < n; i++) SetMethods.differenceUpdateInternal(rt, s, a[o + i]);
            return none();
        }));
        def(S, "intersection_update", varargs((s, a, o, n, kw) -> {
            Args.noKeywords(rt, "set.intersection_update", kw);
            SetMethods.takeBody(rt, s, SetMethods.intersectionMulti(rt, s, a, o, n));
            return none();
        }));
        def1(S, "symmetric_difference_update", (s, v) -> { SetMethods.symmetricDifferenceUpdate(rt, s, v); return none(); });
        for (PyType T : new PyType[] {S, heap.frozensets}) {  // the methods set and frozenset share (the result's type is the receiver's base)
            def(T, "union", varargs((s, a, o, n, kw) -> {
                Args.noKeywords(rt, Ops.shortName(heap.typeOf(s)) + ".union", kw);
                return SetMethods.union(rt, s, a, o, n);
            }));
            def(T, "intersection", varargs((s, a, o, n, kw) -> {
                Args.noKeywords(rt, Ops.shortName(heap.typeOf(s)) + ".intersection", kw);
                return SetMethods.intersectionMulti(rt, s, a, o, n);
            }));
            def(T, "difference", varargs((s, a, o, n, kw) -> {
                Args.noKeywords(rt, Ops.shortName(heap.typeOf(s)) + ".difference", kw);
                return SetMethods.differenceMulti(rt, s, a, o, n);
            }));
            def1(T, "symmetric_difference", (s, v) -> SetMethods.symmetricDifference(rt, s, v));
            def1(T, "issubset", (s, v) -> rt.ops.bool(SetMethods.isSubset(rt, s, v)));
            def1(T, "issuperset", (s, v) -> rt.ops.bool(SetMethods.isSuperset(rt, s, v)));
            def1(T, "isdisjoint", (s, v) -> rt.ops.bool(SetMethods.isDisjoint(rt, s, v)));
        }
    }

    /**
     * A METH_VARARGS method as 3.11's method_vectorcall_VARARGS calls it: the positional arguments
     * packed into a tuple (from the tuple free list, or a new GC object that moves count0), held
     * while the method runs and released after it. {@code f} refuses keywords itself.
     */
    private Builtin varargs(Builtin f) {
        return (s, a, o, n, kw) -> {
            if (Args.nkw(kw) > 0) return f.call(s, a, o, n, kw);  // refused (no keywords) before any tuple is made
            long args = heap.tuples.alloc(n);
            for (int i = 0; i < n; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            try {
                return f.call(s, a, o, n, kw);
            } finally {
                heap.decref(args);
            }
        };
    }

    // ---- str --------------------------------------------------------------------------------------

    interface S0 { String apply(String s); }

    private void str0(String name, S0 f) {
        // 3.11 builds a case-mapped result in a new object, never the one-character singleton
        def0(heap.strs, name, s -> heap.strs.fresh(f.apply(StrType.value(s))));
    }

    private void installStr() {
        PyType S = heap.strs;
        str0("upper", String::toUpperCase);
        str0("lower", String::toLowerCase);
        str0("title", StrCase::title);
        str0("capitalize", StrCase::capitalize);
        str0("swapcase", StrCase::swapcase);
        str0("casefold", TypeMethods::casefold);
        def0(S, "istitle", s -> rt.ops.bool(isTitle(StrType.value(s))));
        def0(S, "isprintable", s -> rt.ops.bool(isPrintable(StrType.value(s))));
        def(S, "format_map", (s, a, o, n, kw) -> {
            Args.exactly(rt, "str.format_map", n, kw, 1);
            return StrFormat.formatObject(rt, s, new long[0], 0, 0, 0, a[o]);
        });
        for (String[] p : new String[][] {{"strip", "b"}, {"lstrip", "l"}, {"rstrip", "r"}}) {
            def(S, p[0], (s, a, o, n, kw) -> {
                Args.range(rt, p[0], n, kw, 0, 1);
                String chars = n == 1 && a[o] != heap.None ? StrType.value(a[o]) : null;
                return sameIfUnchanged(s, strip(StrType.value(s), chars, p[1].charAt(0)));
            });
        }
        def1(S, "join", (s, it) -> {
            long l = Builtins.toList(rt, it);
            try {
                String sep = StrType.value(s);
                // PyUnicode_Join's first pass: the items' types and the result's length, before anything
                // is built; a result past a Java string's length is MemoryError (it was a Java OutOfMemoryError)
                long total = 0;
                for (long i = 0; i < ListType.size(l); i++) {
                    long x = ListType.item(l, i);
                    if (!Heap.isStr(x)) throw rt.typeError("sequence item " + i + ": expected str instance, " + rt.ops.typeName(x) + " found");
                    total += StrType.value(x).length() + (i > 0 ? sep.length() : 0);
                    if (total > Sequences.MAX_JAVA_UNITS) throw rt.error("MemoryError", null);
                }
                StringBuilder sb = new StringBuilder((int) total);
                for (long i = 0; i < ListType.size(l); i++) {
                    if ((i & 0xffff) == 0xffff) rt.checkInterrupt();
                    if (i > 0) sb.append(sep);
                    sb.append(StrType.value(ListType.item(l, i)));
                }
                return heap.strs.of(sb.toString());
            } finally {
                heap.decref(l);
            }
        });
        def(S, "split", (s, a, o, n, kw) -> split(s, a, o, n, kw, false));
        def(S, "rsplit", (s, a, o, n, kw) -> split(s, a, o, n, kw, true));
        def(S, "splitlines", (s, a, o, n, kw) -> {
            // 3.11's line boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 \u2028 \u2029; keepends keeps them
            long[] v0 = ExecBuiltins.bind(rt, "splitlines", new String[] {"keepends"}, 0, 1, 0, a, o, n, kw);
            boolean keep = v0[0] != 0 && Builtins.intArg(rt, v0[0]) != 0;
            long l = heap.lists.alloc(0);
            String v = StrType.value(s);
            int i = 0, len = v.length();
            while (i < len) {
                int j = i;
                while (j < len && "\n\r\u000b\u000c\u001c\u001d\u001e\u0085\u2028\u2029".indexOf(v.charAt(j)) < 0) j++;
                int eol = j;
                if (j < len) eol = v.charAt(j) == '\r' && j + 1 < len && v.charAt(j + 1) == '\n' ? j + 2 : j + 1;
                appendStr(l, v.substring(i, keep ? eol : j));
                i = eol;
            }
            return l;
        });
        def(S, "replace", (s, a, o, n, kw) -> {
            Args.range(rt, "replace", n, kw, 2, 3);
            String v = StrType.value(s), old = strArg(a[o]), nw = strArg(a[o + 1]);
            long count = n == 3 ? Builtins.intArg(rt, a[o + 2]) : -1;
            // 3.11 returns the str itself when nothing changes, else a result built in a new object
            if (count < 0) {
                boolean unchanged = old.equals(nw) || (!old.isEmpty() && !v.contains(old));
                if (unchanged) return heap.strs.asExact(s);
                return heap.strs.fresh(old.isEmpty() ? insertEverywhere(v, nw) : v.replace(old, nw));
            }
            if (old.isEmpty()) {
                if (count == 0) return heap.strs.asExact(s);
                StringBuilder sb = new StringBuilder();
                int[] cps = v.codePoints().toArray();
                for (int i = 0; i <= cps.length; i++) {
                    if (i < count) sb.append(nw);
                    if (i < cps.length) sb.appendCodePoint(cps[i]);
                }
                return heap.strs.fresh(sb.toString());
            }
            StringBuilder sb = new StringBuilder();
            int from = 0;
            for (long c = 0; c < count; c++) {
                int i = v.indexOf(old, from);
                if (i < 0) break;
                sb.append(v, from, i).append(nw);
                from = i + old.length();
            }
            if (from == 0 || old.equals(nw)) return heap.strs.asExact(s);
            return heap.strs.fresh(sb.append(v.substring(from)).toString());
        });
        for (String name : new String[] {"removeprefix", "removesuffix"}) {
            // unicode_removeprefix/removesuffix: the rest after a match (an empty affix matches), else self unchanged
            def(S, name, (s, a, o, n, kw) -> {
                Args.exactly(rt, "str." + name, n, kw, 1);
                if (!Heap.isStr(a[o])) throw rt.typeError(name + "() argument must be str, not " + rt.ops.typeName(a[o]));
                String v = StrType.value(s), x = StrType.value(a[o]);
                boolean pre = name.equals("removeprefix");
                if (x.isEmpty() || !(pre ? v.startsWith(x) : v.endsWith(x))) return heap.strs.asExact(s);
                return heap.strs.fresh(pre ? v.substring(x.length()) : v.substring(0, v.length() - x.length()));
            });
        }
        def(S, "startswith", (s, a, o, n, kw) -> affix(s, a, o, n, kw, true));
        def(S, "endswith", (s, a, o, n, kw) -> affix(s, a, o, n, kw, false));
        def(S, "find", (s, a, o, n, kw) -> heap.ints.of(finds(s, a, o, n, kw, "find", false)));
        def(S, "rfind", (s, a, o, n, kw) -> heap.ints.of(finds(s, a, o, n, kw, "rfind", true)));
        def(S, "index", (s, a, o, n, kw) -> {
            long i = finds(s, a, o, n, kw, "index", false);
            if (i < 0) throw rt.error("ValueError", "substring not found");
            return heap.ints.of(i);
        });
        def(S, "rindex", (s, a, o, n, kw) -> {
            long i = finds(s, a, o, n, kw, "rindex", true);
            if (i < 0) throw rt.error("ValueError", "substring not found");
            return heap.ints.of(i);
        });
        def(S, "count", (s, a, o, n, kw) -> heap.ints.of(finds(s, a, o, n, kw, "count", false)));
        def0(S, "isascii", s -> rt.ops.bool(StrType.value(s).chars().allMatch(c -> c < 0x80)));  // True for ''
        for (String[] p : new String[][] {{"isdigit"}, {"isalpha"}, {"isspace"}, {"isupper"}, {"islower"}, {"isalnum"}, {"isidentifier"}, {"isdecimal"}, {"isnumeric"}}) {
            def0(S, p[0], s -> rt.ops.bool(predicate(p[0], StrType.value(s))));
        }
        def(S, "center", (s, a, o, n, kw) -> pad(s, a, o, n, 'c'));
        def(S, "ljust", (s, a, o, n, kw) -> pad(s, a, o, n, 'l'));
        def(S, "rjust", (s, a, o, n, kw) -> pad(s, a, o, n, 'r'));
        // unicode_translate (3.11): each code point looked up with table[ord(c)]; LookupError keeps
        // it, None deletes it, an int or a str replaces it; always a new str. The lookups are
        // CPython's, which a table with __getitem__ can count: an ASCII input first goes through
        // unicode_fast_translate (each character looked up once, then from a 128-entry cache, while
        // it maps to one ASCII character or none; the first that does not ends it and is looked up
        // again); then every character is looked up, and a deleted one also has the characters
        // after it looked up until one is not deleted (collecting the run of untranslatable
        // characters the "ignore" handler drops), that one again on its own turn.
        def1(S, "translate", (s, table) -> {
            String v = StrType.value(s);
            StringBuilder out = new StringBuilder(v.length());
            int i = 0;
            if (v.chars().allMatch(c -> c < 128)) {
                int[] cache = new int[128];  // 0 unknown, -1 deleted, else the character + 1
                while (i < v.length()) {
                    int cp = v.charAt(i);
                    if (cache[cp] == 0) {
                        String rep = translateLookup(table, cp);
                        if (rep == null) cache[cp] = -1;
                        else if (rep.length() == 1 && rep.charAt(0) < 128) cache[cp] = rep.charAt(0) + 1;
                        else break;
                    }
                    if (cache[cp] > 0) out.append((char) (cache[cp] - 1));
                    i++;
                }
            }
            while (i < v.length()) {
                int cp = v.codePointAt(i);
                i += Character.charCount(cp);
                String rep = translateLookup(table, cp);
                if (rep != null) {
                    out.append(rep);
                    continue;
                }
                while (i < v.length()) {
                    int next = v.codePointAt(i);
                    if (translateLookup(table, next) != null) break;
                    i += Character.charCount(next);
                }
            }
            return heap.strs.of(out.toString());
        });
        def1(S, "zfill", (s, w) -> {
            String v = StrType.value(s);
            long wide = Builtins.intArg(rt, w), len = StrType.length(s);  // code points, not UTF-16 units
            if (len >= wide) return heap.strs.asExact(s);
            if (wide > Formats.MAX_WIDTH) throw rt.error("MemoryError", null);
            int width = (int) wide;
            int sign = !v.isEmpty() && (v.charAt(0) == '-' || v.charAt(0) == '+') ? 1 : 0;
            return heap.strs.of(v.substring(0, sign) + "0".repeat((int) (width - len)) + v.substring(sign));
        });
        def(S, "expandtabs", (s, a, o, n, kw) -> {
            // unicode_expandtabs_impl: columns in code points, reset by \n and \r; no tab gives the string itself
            for (int k = 0; k < Args.nkw(kw); k++) {
                String kn = StrType.value(dev.refheap.object.TupleType.item(kw, k));
                if (!kn.equals("tabsize")) throw rt.typeError("'" + kn + "' is an invalid keyword argument for expandtabs()");
            }
            long[] v = ExecBuiltins.bind(rt, "expandtabs", new String[] {"tabsize"}, 0, 1, 0, a, o, n, kw);
            long tab = v[0] == 0 ? 8 : Builtins.intArg(rt, v[0]);
            String str = StrType.value(s);
            if (str.indexOf('\t') < 0) return heap.strs.asExact(s);
            StringBuilder out = new StringBuilder();
            long col = 0;
            for (int i = 0; i < str.length(); ) {
                int c = str.codePointAt(i);
                i += Character.charCount(c);
                if (c == '\t') {
                    if (tab > 0) {
                        long k = tab - col % tab;
                        if (out.length() + k > Formats.MAX_WIDTH) throw rt.error("OverflowError", "new string is too long");
                        out.repeat(' ', (int) k);
                        col += k;
                    }
                } else {
                    out.appendCodePoint(c);
                    col = (c == '\n' || c == '\r') ? 0 : col + 1;
                }
            }
            return heap.strs.of(out.toString());
        });
        def(S, "format", (s, a, o, n, kw) -> {
            // METH_VARARGS | METH_KEYWORDS: 3.11's method_vectorcall_VARARGS_KEYWORDS packs the
            // positional arguments into a tuple and the keywords into a dict, both held (with a
            // reference to each argument) while format runs and released after it
            int nkw = Args.nkw(kw), np = n - nkw;
            long args = heap.tuples.alloc(np);
            for (int i = 0; i < np; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            long kwargs = 0;
            if (nkw > 0) {
                kwargs = heap.dicts.create();
                for (int i = 0; i < nkw; i++) heap.dicts.setItem(kwargs, TupleType.item(kw, i), a[o + np + i]);
            }
            try {
                return StrFormat.formatObject(rt, s, a, o, n, kw, 0);
            } finally {
                heap.decref(args);
                heap.xdecref(kwargs);
            }
        });
        def1(S, "partition", (s, sepObj) -> {
            String v = StrType.value(s), sep = strArg(sepObj);
            int i = v.indexOf(sep);
            String[] parts = i < 0 ? new String[] {v, "", ""} : new String[] {v.substring(0, i), sep, v.substring(i + sep.length())};
            long t = heap.tuples.alloc(3);
            for (int k = 0; k < 3; k++) TupleType.setItemSteal(t, k, heap.strs.of(parts[k]));
            return t;
        });
        def1(S, "rpartition", (s, sepObj) -> {
            String v = StrType.value(s), sep = strArg(sepObj);
            if (sep.isEmpty()) throw rt.error("ValueError", "empty separator");
            int i = v.lastIndexOf(sep);
            String[] parts = i < 0 ? new String[] {"", "", v} : new String[] {v.substring(0, i), sep, v.substring(i + sep.length())};
            long t = heap.tuples.alloc(3);
            for (int k = 0; k < 3; k++) TupleType.setItemSteal(t, k, heap.strs.of(parts[k]));
            return t;
        });
    }

    /** table[cp] as str.translate reads it: the replacement, null for None; LookupError keeps cp. */
    private String translateLookup(long table, int cp) {
        long key = heap.ints.of(dev.refheap.object.SurrogateEscapes.toPython(cp)), r;
        try {
            r = rt.ops.getItem(table, key);
        } catch (PyException e) {
            if (!rt.ops.isInstance(e.exc(), rt.exceptionType("LookupError"))) throw e;
            heap.decref(e.exc());
            return Character.toString(cp);
        } finally {
            heap.decref(key);
        }
        try {
            if (r == heap.None) return null;
            if (rt.ops.baseView(r) instanceof dev.refheap.object.IntType) {
                long c = Builtins.intArg(rt, r);
                if (c < 0 || c > 0x10FFFF) throw rt.error("ValueError", "character mapping must be in range(0x110000)");
                return dev.refheap.object.SurrogateEscapes.of(dev.refheap.object.SurrogateEscapes.checked((int) c));
            }
            if (rt.ops.baseView(r) == heap.strs) return StrType.value(r);
            throw rt.typeError("character mapping must return integer, None or str");
        } finally {
            heap.decref(r);
        }
    }

    /** CPython returns the str itself when a method leaves it unchanged (strip, replace...). */
    private long sameIfUnchanged(long s, String result) {
        if (result.equals(StrType.value(s))) return heap.strs.asExact(s);
        return heap.strs.of(result);
    }

    /**
     * str.find/rfind/index/rindex/count(sub[, start[, end]]): the code point index of sub within
     * s[start:end] (ADJUST_INDICES: end clamped to len, negatives counted from the end; a start
     * past the end finds nothing), -1 when absent; for count, the non-overlapping occurrences.
     */
    private long finds(long s, long[] a, int o, int n, long kw, String name, boolean reverse) {
        if (kw != 0 && TupleType.size(kw) > 0) throw rt.typeError(name + "() takes no keyword arguments");
        if (n < 1) throw rt.typeError(name + "() takes at least 1 argument (0 given)");
        if (n > 3) throw rt.typeError(name + "() takes at most 3 arguments (" + n + " given)");
        String v = StrType.value(s), sub = strArg(a[o]);
        long len = StrType.length(s);
        long start = n > 1 ? adjust(a[o + 1], 0, len, false) : 0, end = n > 2 ? adjust(a[o + 2], len, len, true) : len;
        boolean count = name.equals("count");
        if (start > len || end < start) return count ? 0 : -1;
        int from = v.offsetByCodePoints(0, (int) start), to = v.offsetByCodePoints(from, (int) (end - start));
        String seg = v.substring(from, to);
        if (count) {
            if (sub.isEmpty()) return end - start + 1;
            long c = 0;
            for (int i = seg.indexOf(sub); i >= 0; i = seg.indexOf(sub, i + sub.length())) c++;
            return c;
        }
        int i = reverse ? seg.lastIndexOf(sub) : seg.indexOf(sub);
        return i < 0 ? -1 : start + seg.codePointCount(0, i);
    }

    /** A find's start or end argument: None is the default, a negative index counts from the end (at least 0); an end is at most len. */
    private long adjust(long x, long dflt, long len, boolean isEnd) {
        if (x == heap.None) return dflt;
        long i = Sequences.sliceInt(rt, x);
        if (isEnd && i > len) return len;
        if (i < 0) i = Math.max(0, i + len);
        return i;
    }

    private String strArg(long v) {
        if (!Heap.isStr(v)) throw rt.typeError("must be str, not " + rt.ops.typeName(v));
        return StrType.value(v);
    }

    private String insertEverywhere(String v, String nw) {
        StringBuilder sb = new StringBuilder(nw);
        v.codePoints().forEach(c -> sb.appendCodePoint(c).append(nw));
        return sb.toString();
    }

    private long cpIndex(String s, int charIndex) {
        return charIndex < 0 ? -1 : s.codePointCount(0, charIndex);
    }

    private boolean predicate(String name, String s) {
        if (s.isEmpty()) return false;
        return switch (name) {
            case "isdecimal" -> s.codePoints().allMatch(TypeMethods::isDecimalCp);
            case "isdigit" -> s.codePoints().allMatch(TypeMethods::isDigitCp);
            case "isnumeric" -> s.codePoints().allMatch(TypeMethods::isNumericCp);
            case "isalpha" -> s.codePoints().allMatch(Character::isLetter);
            case "isalnum" -> s.codePoints().allMatch(c -> Character.isLetter(c) || isNumericCp(c));
            case "isspace" -> s.codePoints().allMatch(TypeMethods::isSpace);
            case "isupper" -> StrCase.isUpper(s);
            case "islower" -> StrCase.isLower(s);
            default -> Character.isJavaIdentifierStart(s.charAt(0)) && s.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') && s.charAt(0) != '$';
        };
    }

    /** Py_UNICODE_ISSPACE: bidirectional class WS, B or S, or category Zs (the no-break spaces and U+0085 too, which Java's isWhitespace leaves out). */
    /**
     * _PyUnicode_TransformDecimalAndSpaceToASCII: what float() and complex() parse of a str, each
     * whitespace character a space, each decimal digit its ASCII digit, any other non-ASCII
     * character '?' (which then fails the parse).
     */
    static String decimalAndSpaceToAscii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 128 && !isSpace(c)) b.append((char) c);
            else if (isSpace(c)) b.append(' ');
            else if (isDecimalCp(c)) b.append((char) ('0' + Character.digit(c, 10)));
            else b.append('?');
        }
        return b.toString();
    }

    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == 0x85;
    }

    /** str.isdecimal per code point: category Nd in Unicode 14.0 (Java's newer Unicode has more). */
    private static boolean isDecimalCp(int c) {
        return inRanges(DECIMAL, c);
    }

    /** Unicode 14.0's decimal digits (Nd): inclusive ranges. */
    private static final int[] DECIMAL = {0x30, 0x39, 0x660, 0x669, 0x6f0, 0x6f9, 0x7c0, 0x7c9, 0x966, 0x96f, 0x9e6, 0x9ef, 0xa66, 0xa6f, 0xae6, 0xaef, 0xb66, 0xb6f, 0xbe6, 0xbef, 0xc66, 0xc6f, 0xce6, 0xcef, 0xd66, 0xd6f, 0xde6, 0xdef, 0xe50, 0xe59, 0xed0, 0xed9, 0xf20, 0xf29, 0x1040, 0x1049, 0x1090, 0x1099, 0x17e0, 0x17e9, 0x1810, 0x1819, 0x1946, 0x194f, 0x19d0, 0x19d9, 0x1a80, 0x1a89, 0x1a90, 0x1a99, 0x1b50, 0x1b59, 0x1bb0, 0x1bb9, 0x1c40, 0x1c49, 0x1c50, 0x1c59, 0xa620, 0xa629, 0xa8d0, 0xa8d9, 0xa900, 0xa909, 0xa9d0, 0xa9d9, 0xa9f0, 0xa9f9, 0xaa50, 0xaa59, 0xabf0, 0xabf9, 0xff10, 0xff19, 0x104a0, 0x104a9, 0x10d30, 0x10d39, 0x11066, 0x1106f, 0x110f0, 0x110f9, 0x11136, 0x1113f, 0x111d0, 0x111d9, 0x112f0, 0x112f9, 0x11450, 0x11459, 0x114d0, 0x114d9, 0x11650, 0x11659, 0x116c0, 0x116c9, 0x11730, 0x11739, 0x118e0, 0x118e9, 0x11950, 0x11959, 0x11c50, 0x11c59, 0x11d50, 0x11d59, 0x11da0, 0x11da9, 0x16a60, 0x16a69, 0x16ac0, 0x16ac9, 0x16b50, 0x16b59, 0x1d7ce, 0x1d7ff, 0x1e140, 0x1e149, 0x1e2f0, 0x1e2f9, 0x1e950, 0x1e959, 0x1fbf0, 0x1fbf9};

    /** str.strip() without arguments: the whitespace {@link #isSpace} knows at both ends (int() and float() strip their text so). */
    static String stripSpace(String s) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.codePointAt(start))) start += Character.charCount(s.codePointAt(start));
        while (end > start && isSpace(s.codePointBefore(end))) end -= Character.charCount(s.codePointBefore(end));
        return s.substring(start, end);
    }

    /** str.isdigit per code point: Numeric_Type Decimal or Digit (Nd, and the No characters of {@link #DIGIT_EXTRA}). */
    private static boolean isDigitCp(int c) {
        return isDecimalCp(c) || inRanges(DIGIT_EXTRA, c);
    }

    /** str.isnumeric per code point: Numeric_Type Decimal, Digit or Numeric ({@link #NUMERIC_EXTRA} adds the last). */
    private static boolean isNumericCp(int c) {
        return isDigitCp(c) || inRanges(NUMERIC_EXTRA, c);
    }

    private static boolean inRanges(int[] ranges, int c) {
        int lo = 0, hi = ranges.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (c < ranges[2 * mid]) hi = mid - 1;
            else if (c > ranges[2 * mid + 1]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    /** Unicode 14.0's characters with Numeric_Type=Digit (not Decimal): inclusive ranges, from the Unicode data Python 3.11 uses. */
    private static final int[] DIGIT_EXTRA = {0xb2, 0xb3, 0xb9, 0xb9, 0x1369, 0x1371, 0x19da, 0x19da, 0x2070, 0x2070, 0x2074, 0x2079, 0x2080, 0x2089, 0x2460, 0x2468, 0x2474, 0x247c, 0x2488, 0x2490, 0x24ea, 0x24ea, 0x24f5, 0x24fd, 0x24ff, 0x24ff, 0x2776, 0x277e, 0x2780, 0x2788, 0x278a, 0x2792, 0x10a40, 0x10a43, 0x10e60, 0x10e68, 0x11052, 0x1105a, 0x1f100, 0x1f10a};
    /** Unicode 14.0's characters with Numeric_Type=Numeric: inclusive ranges. */
    private static final int[] NUMERIC_EXTRA = {0xbc, 0xbe, 0x9f4, 0x9f9, 0xb72, 0xb77, 0xbf0, 0xbf2, 0xc78, 0xc7e, 0xd58, 0xd5e, 0xd70, 0xd78, 0xf2a, 0xf33, 0x1372, 0x137c, 0x16ee, 0x16f0, 0x17f0, 0x17f9, 0x2150, 0x2182, 0x2185, 0x2189, 0x2469, 0x2473, 0x247d, 0x2487, 0x2491, 0x249b, 0x24eb, 0x24f4, 0x24fe, 0x24fe, 0x277f, 0x277f, 0x2789, 0x2789, 0x2793, 0x2793, 0x2cfd, 0x2cfd, 0x3007, 0x3007, 0x3021, 0x3029, 0x3038, 0x303a, 0x3192, 0x3195, 0x3220, 0x3229, 0x3248, 0x324f, 0x3251, 0x325f, 0x3280, 0x3289, 0x32b1, 0x32bf, 0x3405, 0x3405, 0x3483, 0x3483, 0x382a, 0x382a, 0x3b4d, 0x3b4d, 0x4e00, 0x4e00, 0x4e03, 0x4e03, 0x4e07, 0x4e07, 0x4e09, 0x4e09, 0x4e5d, 0x4e5d, 0x4e8c, 0x4e8c, 0x4e94, 0x4e94, 0x4e96, 0x4e96, 0x4ebf, 0x4ec0, 0x4edf, 0x4edf, 0x4ee8, 0x4ee8, 0x4f0d, 0x4f0d, 0x4f70, 0x4f70, 0x5104, 0x5104, 0x5146, 0x5146, 0x5169, 0x5169, 0x516b, 0x516b, 0x516d, 0x516d, 0x5341, 0x5341, 0x5343, 0x5345, 0x534c, 0x534c, 0x53c1, 0x53c4, 0x56db, 0x56db, 0x58f1, 0x58f1, 0x58f9, 0x58f9, 0x5e7a, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c, 0x5f0e, 0x5f10, 0x5f10, 0x62fe, 0x62fe, 0x634c, 0x634c, 0x67d2, 0x67d2, 0x6f06, 0x6f06, 0x7396, 0x7396, 0x767e, 0x767e, 0x8086, 0x8086, 0x842c, 0x842c, 0x8cae, 0x8cae, 0x8cb3, 0x8cb3, 0x8d30, 0x8d30, 0x9621, 0x9621, 0x9646, 0x9646, 0x964c, 0x964c, 0x9678, 0x9678, 0x96f6, 0x96f6, 0xa6e6, 0xa6ef, 0xa830, 0xa835, 0xf96b, 0xf96b, 0xf973, 0xf973, 0xf978, 0xf978, 0xf9b2, 0xf9b2, 0xf9d1, 0xf9d1, 0xf9d3, 0xf9d3, 0xf9fd, 0xf9fd, 0x10107, 0x10133, 0x10140, 0x10178, 0x1018a, 0x1018b, 0x102e1, 0x102fb, 0x10320, 0x10323, 0x10341, 0x10341, 0x1034a, 0x1034a, 0x103d1, 0x103d5, 0x10858, 0x1085f, 0x10879, 0x1087f, 0x108a7, 0x108af, 0x108fb, 0x108ff, 0x10916, 0x1091b, 0x109bc, 0x109bd, 0x109c0, 0x109cf, 0x109d2, 0x109ff, 0x10a44, 0x10a48, 0x10a7d, 0x10a7e, 0x10a9d, 0x10a9f, 0x10aeb, 0x10aef, 0x10b58, 0x10b5f, 0x10b78, 0x10b7f, 0x10ba9, 0x10baf, 0x10cfa, 0x10cff, 0x10e69, 0x10e7e, 0x10f1d, 0x10f26, 0x10f51, 0x10f54, 0x10fc5, 0x10fcb, 0x1105b, 0x11065, 0x111e1, 0x111f4, 0x1173a, 0x1173b, 0x118ea, 0x118f2, 0x11c5a, 0x11c6c, 0x11fc0, 0x11fd4, 0x12400, 0x1246e, 0x16b5b, 0x16b61, 0x16e80, 0x16e96, 0x1d2e0, 0x1d2f3, 0x1d360, 0x1d378, 0x1e8c7, 0x1e8cf, 0x1ec71, 0x1ecab, 0x1ecad, 0x1ecaf, 0x1ecb1, 0x1ecb4, 0x1ed01, 0x1ed2d, 0x1ed2f, 0x1ed3d, 0x1f10b, 0x1f10c, 0x20001, 0x20001, 0x20064, 0x20064, 0x200e2, 0x200e2, 0x20121, 0x20121, 0x2092a, 0x2092a, 0x20983, 0x20983, 0x2098c, 0x2098c, 0x2099c, 0x2099c, 0x20aea, 0x20aea, 0x20afd, 0x20afd, 0x20b19, 0x20b19, 0x22390, 0x22390, 0x22998, 0x22998, 0x23b1b, 0x23b1b, 0x2626d, 0x2626d, 0x2f890, 0x2f890};

    /** str.casefold per code point: full case folding (Java's upper-then-lower, but for dotless i, capital sharp s and Cherokee, which fold to upper case). */
    static String casefold(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == 0x131) sb.appendCodePoint(c);
            else if (c == 0x1E9E) sb.append("ss");
            else if ((c >= 0x13A0 && c <= 0x13FD) || (c >= 0xAB70 && c <= 0xABBF)) sb.appendCodePoint(Character.toUpperCase(c));
            else sb.append(new String(Character.toChars(c)).toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT));
        });
        return sb.toString();
    }

    /** str.istitle: uppercase or titlecase characters only after uncased ones, lowercase only after cased ones, and at least one cased. */
    private static boolean isTitle(String s) {
        boolean cased = false, prevCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                if (prevCased) return false;
                prevCased = cased = true;
            } else if (Character.isLowerCase(c)) {
                if (!prevCased) return false;
                prevCased = cased = true;
            } else {
                prevCased = false;
            }
        }
        return cased;
    }

    /** str.isprintable: no character of the categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs but the space (true for ''). */
    private static boolean isPrintable(String s) {
        return s.codePoints().allMatch(Strings::isPrintable);
    }

    private long pad(long s, long[] a, int o, int n, char how) {
        if (n < 1 || n > 2) throw rt.typeError("expected 1 or 2 arguments, got " + n);
        String v = StrType.value(s);
        long wide = Builtins.intArg(rt, a[o]);
        String fill = n == 2 ? strArg(a[o + 1]) : " ";
        int len = v.codePointCount(0, v.length());
        if (len >= wide) return heap.strs.asExact(s);
        if (wide > Formats.MAX_WIDTH) throw rt.error("MemoryError", null);
        int width = (int) wide;
        int total = width - len;
        return heap.strs.of(switch (how) {
            case 'l' -> v + fill.repeat(total);
            case 'r' -> fill.repeat(total) + v;
            default -> {
                int left = total / 2 + (total & width & 1);
                yield fill.repeat(left) + v + fill.repeat(total - left);
            }
        });
    }

    /** str.strip/lstrip/rstrip by code points (a supplementary character, or a lone surrogate's escape, is never split). */
    private String strip(String s, String chars, char side) {
        int start = 0, end = s.length();
        if (side != 'r') {
            while (start < end) {
                int c = s.codePointAt(start);
                if (!(chars == null ? isSpace(c) : chars.indexOf(c) >= 0)) break;
                start += Character.charCount(c);
            }
        }
        if (side != 'l') {
            while (end > start) {
                int c = s.codePointBefore(end);
                if (!(chars == null ? isSpace(c) : chars.indexOf(c) >= 0)) break;
                end -= Character.charCount(c);
            }
        }
        return s.substring(start, end);
    }

    /**
     * str.startswith/endswith(affix[, start[, end]]): start and end are slice indices in code
     * points (adjusted as a find's); an affix matches only inside v[start:end], a tuple's items in
     * turn (each must be a str). The start and end are converted before the affix is checked.
     */
    private long affix(long s, long[] a, int o, int n, long kw, boolean prefix) {
        String name = prefix ? "startswith" : "endswith";
        if (kw != 0 && TupleType.size(kw) > 0) throw rt.typeError("str." + name + "() takes no keyword arguments");
        if (n < 1) throw rt.typeError(name + "() takes at least 1 argument (0 given)");
        if (n > 3) throw rt.typeError(name + "() takes at most 3 arguments (" + n + " given)");
        String v = StrType.value(s);
        long x = a[o];
        long len = n > 1 ? StrType.length(s) : 0;
        long start = n > 1 ? adjust(a[o + 1], 0, len, false) : 0, end = n > 2 ? adjust(a[o + 2], len, len, true) : len;
        if (heap.typeOf(x) == heap.tuples) {
            for (long i = 0; i < TupleType.size(x); i++) {
                long item = TupleType.item(x, i);
                if (!Heap.isStr(item)) throw rt.typeError("tuple for " + name + " must only contain str, not " + rt.ops.typeName(item));
                if (tailmatch(v, item, n > 1, start, end, prefix)) return rt.ops.bool(true);
            }
            return rt.ops.bool(false);
        }
        if (!Heap.isStr(x)) {
            throw rt.typeError(name + " first arg must be str or a tuple of str, not " + rt.ops.typeName(x));
        }
        return rt.ops.bool(tailmatch(v, x, n > 1, start, end, prefix));
    }

    /** Whether affix p is at the start (or end) of v[start:end]; without bounds, of all of v. */
    private static boolean tailmatch(String v, long p, boolean bounded, long start, long end, boolean prefix) {
        String ps = StrType.value(p);
        if (!bounded) return prefix ? v.startsWith(ps) : v.endsWith(ps);
        long plen = StrType.length(p);
        if (end - plen < start) return false;
        if (plen == 0) return true;
        int at = v.offsetByCodePoints(0, (int) (prefix ? start : end - plen));
        return v.startsWith(ps, at);
    }

    private long split(long s, long[] a, int o, int n, long kw, boolean right) {
        String v = StrType.value(s);
        long sepObj = heap.None;
        long max = -1;
        int nkw = Args.nkw(kw);
        for (int k = 0; k < nkw; k++) {
            String name = StrType.value(TupleType.item(kw, k));
            if (name.equals("sep")) sepObj = a[o + n - nkw + k];
            else if (name.equals("maxsplit")) max = Builtins.intArg(rt, a[o + n - nkw + k]);
        }
        if (n - nkw >= 1) sepObj = a[o];
        if (n - nkw >= 2) max = Builtins.intArg(rt, a[o + 1]);
        long l = heap.lists.alloc(0);
        List<String> parts = new ArrayList<>();
        if (sepObj == heap.None) {
            // split_whitespace/rsplit_whitespace: runs of whitespace separate; after maxsplit
            // splits the rest is one item, its leading (rsplit: trailing) whitespace skipped only
            int len = v.length();
            long left = max < 0 ? Long.MAX_VALUE : max;
            if (!right) {
                int i = 0;
                while (left-- > 0) {
                    while (i < len && isSpace(v.codePointAt(i))) i += Character.charCount(v.codePointAt(i));
                    if (i == len) break;
                    int j = i;
                    while (i < len && !isSpace(v.codePointAt(i))) i += Character.charCount(v.codePointAt(i));
                    parts.add(v.substring(j, i));
                }
                while (i < len && isSpace(v.codePointAt(i))) i += Character.charCount(v.codePointAt(i));
                if (i < len) parts.add(v.substring(i));
            } else {
                int i = len;
                List<String> rev = new ArrayList<>();
                while (left-- > 0) {
                    while (i > 0 && isSpace(v.codePointBefore(i))) i -= Character.charCount(v.codePointBefore(i));
                    if (i == 0) break;
                    int j = i;
                    while (i > 0 && !isSpace(v.codePointBefore(i))) i -= Character.charCount(v.codePointBefore(i));
                    rev.add(v.substring(i, j));
                }
                while (i > 0 && isSpace(v.codePointBefore(i))) i -= Character.charCount(v.codePointBefore(i));
                if (i > 0) rev.add(v.substring(0, i));
                parts.addAll(rev.reversed());
            }
        } else {
            String sep = strArg(sepObj);
            if (sep.isEmpty()) {
                heap.decref(l);
                throw rt.error("ValueError", "empty separator");
            }
            if (!right) {
                int from = 0;
                for (long c = 0; max < 0 || c < max; c++) {
                    int i = v.indexOf(sep, from);
                    if (i < 0) break;
                    parts.add(v.substring(from, i));
                    from = i + sep.length();
                }
                parts.add(v.substring(from));
            } else {
                int to = v.length();
                List<String> tail = new ArrayList<>();
                for (long c = 0; max < 0 || c < max; c++) {
                    int i = v.lastIndexOf(sep, to - sep.length());
                    if (i < 0) break;
                    tail.addFirst(v.substring(i + sep.length(), to));
                    to = i;
                }
                parts.add(v.substring(0, to));
                parts.addAll(tail);
            }
        }
        for (String p : parts) appendStr(l, p);
        return l;
    }

    private void appendStr(long l, String s) {
        long x = heap.strs.of(s);
        heap.lists.append(l, x);
        heap.decref(x);
    }

    // ---- other types --------------------------------------------------------------------------------

    private void installMisc() {
        def0(heap.ints, "bit_length", s -> heap.ints.of(IntType.toBig(s).abs().bitLength()));
        def0(heap.floats, "is_integer", s -> rt.ops.bool(FloatType.value(s) == Math.rint(FloatType.value(s)) && !Double.isInfinite(FloatType.value(s))));
        def0(heap.typeType, "__subclasses__", s -> rt.subclasses.list(s));
        Attributes.install(rt);
        def0(heap.objectType, "__sizeof__", s -> heap.ints.of(heap.typeOf(s).objectSizeOf(s)));
        // object___reduce_ex__: a class that overrides __reduce__ (ast.AST, a Python class) is reduced
        // by it, anything else by _common_reduce (ObjectReduce)
        def1(heap.objectType, "__reduce_ex__", (s, proto) -> {
            if (!(heap.typeOf(proto) instanceof IntType)) {
                throw rt.typeError("'" + rt.ops.typeName(proto) + "' object cannot be interpreted as an integer");
            }
            long r = rt.ops.lookupType(heap.typeOf(s), "__reduce__");
            boolean objects = r == 0 || heap.typeOf(r) instanceof BuiltinDescrType bd && bd.entry(r).owner() == heap.objectType;
            if (!objects) return rt.ops.callMethod(s, "__reduce__");
            return ObjectReduce.commonReduce(rt, s, IntType.toBig(proto).intValue());
        });
        def0(heap.objectType, "__getstate__", s -> ObjectReduce.getstate(rt, s));
        // the __getnewargs__ of int, float, str and tuple (long_getnewargs, float___getnewargs___impl,
        // unicode_getnewargs, tuple___getnewargs___impl): a 1-tuple of an exact copy of the value
        // (a tuple's items, the tuple itself when exact), which object.__reduce_ex__ passes to
        // copyreg.__newobj__ for a subclass's instance
        def0(heap.ints, "__getnewargs__", s -> single(heap.ints.of(IntType.toBig(s))));
        def0(heap.floats, "__getnewargs__", s -> single(heap.floats.of(FloatType.value(s))));
        def0(heap.strs, "__getnewargs__", s -> single(heap.strs.fresh(StrType.value(s))));
        def0(heap.tuples, "__getnewargs__", s -> {
            if (heap.typeOf(s) == heap.tuples) return single(Builtins.incref(heap, s));
            long n = TupleType.size(s), t = heap.tuples.alloc(n);
            for (long i = 0; i < n; i++) TupleType.setItemSteal(t, i, Builtins.incref(heap, TupleType.item(s, i)));
            return single(t);
        });
        // meth_reduce: a function (no m_self, or a module's) pickles by its name, which pickle's
        // save_global finds through __module__; a bound method as getattr(m_self, name)
        def0(rt.builtinFunctionType, "__reduce__", s -> {
            long self = BuiltinFunctionType.self(s);
            String name = rt.builtinFunctionType.entry(s).name();
            if (self == 0 || rt.isModule(self)) return heap.strs.of(name);
            long args = heap.tuples.alloc(2);
            TupleType.setItemSteal(args, 0, Builtins.incref(heap, self));
            TupleType.setItemSteal(args, 1, heap.strs.of(name));
            long r = heap.tuples.alloc(2);
            TupleType.setItemSteal(r, 0, Builtins.incref(heap, heap.dicts.getItem(rt.builtinsDict, "getattr")));
            TupleType.setItemSteal(r, 1, args);
            return r;
        });
        PyType G = rt.generatorType;
        def1(G, "send", (s, v) -> rt.interpreter.resume(s, v, 0, false));
        def(G, "throw", (s, a, o, n, kw) -> {
            Args.noKeywords(rt, "generator.throw", kw);
            Args.range(rt, "throw", n, 0, 1, 3);
            long exc = Coroutines.exceptionToThrow(rt, a[o], n >= 2 ? a[o + 1] : heap.None, n == 3 ? a[o + 2] : heap.None);
            return rt.interpreter.throwIn(s, exc, true, false);
        });
        def0(G, "close", s -> { rt.interpreter.closeGenerator(s); return none(); });
        def1(rt.propertyType, "setter", (s, f) -> rt.propertyType.withSetter(s, f));
        def1(rt.propertyType, "getter", (s, f) -> rt.propertyType.withGetter(s, f));
        def1(rt.propertyType, "deleter", (s, f) -> rt.propertyType.withDeleter(s, f));
        def(rt.propertyType, "__set_name__", (s, a, o, n, kw) -> {  // property_set_name: remembers the name, any object
            Args.noKeywords(rt, "__set_name__", kw);
            if (n != 2) throw rt.typeError("__set_name__() takes 2 positional arguments but " + n + " were given");
            rt.propertyType.setName(s, a[o + 1]);
            return none();
        });
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, rt.baseException, "__init__", (s, a, o, n, kw) -> {
            long args = heap.tuples.alloc(n - Args.nkw(kw));
            for (int i = 0; i < TupleType.size(args); i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
            long old = Native.getLong(s + ExceptionType.ARGS);
            Native.putLong(s + ExceptionType.ARGS, args);
            heap.xdecref(old);
            return none();
        });
        for (String tn : new String[] {"SystemExit", "StopIteration", "ImportError", "NameError", "AttributeError", "SyntaxError",
                "UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"}) {
            ExceptionFields f = ((ExceptionType) rt.exceptionType(tn)).fields;
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, rt.exceptionType(tn), "__init__", (s, a, o, n, kw) -> {
                // the type's tp_init: BaseException_init's args (its keyword check first, for the types
                // that take none), then the fields
                int nkw = Args.nkw(kw), npos = n - nkw;
                boolean takesKeywords = f.kind == ExceptionFields.Kind.IMPORT || f.kind == ExceptionFields.Kind.NAME
                        || f.kind == ExceptionFields.Kind.ATTRIBUTE;
                if (nkw > 0 && !takesKeywords) throw rt.typeError(Ops.shortName(heap.typeOf(s)) + "() takes no keyword arguments");
                long args = heap.tuples.alloc(npos);
                for (int i = 0; i < npos; i++) TupleType.setItemSteal(args, i, Builtins.incref(heap, a[o + i]));
                long old = Native.getLong(s + ExceptionType.ARGS);
                Native.putLong(s + ExceptionType.ARGS, args);
                heap.xdecref(old);
                f.init(rt, s, kw, a, o + npos);
                return none();
            });
        }
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, rt.exceptionType("OSError"), "__init__", (s, a, o, n, kw) -> {
            OSErrorType.init(rt, s, a, o, n - Args.nkw(kw), kw);
            return none();
        });
        // BaseException_reduce: (type, args), and the instance dict when it has one (even empty)
        def0(rt.baseException, "__reduce__", s -> {
            long d = Native.getLong(s + ExceptionType.DICT);
            long t = dev.refheap.object.Heap.typeAddress(s);
            return d != 0 ? heap.tuples.of(t, ExceptionType.args(s), d) : heap.tuples.of(t, ExceptionType.args(s));
        });
        // BaseException_setstate: each item of a dict state set as an attribute (None: nothing)
        def1(rt.baseException, "__setstate__", (s, state) -> {
            if (state != heap.None) {
                if (!rt.ops.isInstance(state, heap.dicts)) throw rt.typeError("state is not a dictionary");
                heap.dicts.forEach(state, (k, v) -> rt.ops.setAttr(s, k, v));
            }
            return none();
        });
        // ImportError_reduce: the state is a copy of the dict with name and path added when either is set
        def0(rt.exceptionType("ImportError"), "__reduce__", s -> {
            ExceptionFields f = ExceptionFields.of(heap.typeOf(s));
            long name = ExceptionFields.raw(s, f, "name"), path = ExceptionFields.raw(s, f, "path");
            long d = Native.getLong(s + ExceptionType.DICT);
            long t = dev.refheap.object.Heap.typeAddress(s);
            long state;
            if (name != 0 || path != 0) {
                state = d != 0 ? rt.ops.callMethod(d, "copy") : heap.dicts.create();
                if (name != 0) heap.dicts.setItem(state, "name", name);
                if (path != 0) heap.dicts.setItem(state, "path", path);
            } else if (d != 0) {
                state = Builtins.incref(heap, d);
            } else {
                return heap.tuples.of(t, ExceptionType.args(s));
            }
            try {
                return heap.tuples.of(t, ExceptionType.args(s), state);
            } finally {
                heap.decref(state);
            }
        });
        // OSError_reduce: args as OSError(*args) rebuilds the instance (the filename, and filename2
        // after a None winerror, when args kept only errno and strerror), then the dict if any
        def0(rt.exceptionType("OSError"), "__reduce__", s -> {
            long args = ExceptionType.args(s);
            long filename = Native.getLong(s + OSErrorType.FILENAME), filename2 = Native.getLong(s + OSErrorType.FILENAME2);
            long made;
            if (TupleType.size(args) == 2 && filename != 0) {
                made = filename2 != 0
                        ? heap.tuples.of(TupleType.item(args, 0), TupleType.item(args, 1), filename, heap.None, filename2)
                        : heap.tuples.of(TupleType.item(args, 0), TupleType.item(args, 1), filename);
            } else {
                made = Builtins.incref(heap, args);
            }
            long d = Native.getLong(s + ExceptionType.DICT);
            long t = dev.refheap.object.Heap.typeAddress(s);
            try {
                return d != 0 ? heap.tuples.of(t, made, d) : heap.tuples.of(t, made);
            } finally {
                heap.decref(made);
            }
        });
        // BaseException_add_note: a str appended to __notes__, the list made on first use
        def1(rt.baseException, "add_note", (s, note) -> {
            if (!Heap.isStr(note)) throw rt.typeError("note must be a str, not '" + rt.ops.typeName(note) + "'");
            long notesName = heap.strs.internedOf("__notes__");
            try {
                long notes = rt.ops.getAttrOrNull(s, notesName, "__notes__");
                if (notes == 0) {
                    notes = heap.lists.alloc(0);
                    try {
                        rt.ops.setAttr(s, notesName, "__notes__", notes);
                    } catch (RuntimeException e) {
                        heap.decref(notes);
                        throw e;
                    }
                } else if (heap.typeOf(notes) != heap.lists && !rt.ops.isInstance(notes, heap.lists)) {
                    heap.decref(notes);
                    throw rt.typeError("Cannot add note: __notes__ is not a list");
                }
                try {
                    heap.lists.append(notes, note);
                } finally {
                    heap.decref(notes);
                }
            } finally {
                heap.decref(notesName);
            }
            return none();
        });
        def1(rt.baseException, "with_traceback", (s, tb) -> {
            long old = Native.getLong(s + ExceptionType.TRACEBACK);
            Native.putLong(s + ExceptionType.TRACEBACK, tb == heap.None ? 0 : Builtins.incref(heap, tb));
            heap.xdecref(old);
            return Builtins.incref(heap, s);
        });
        PyType W = heap.weakrefs;
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, W, "__call__", (s, a, o, n, kw) -> Builtins.incref(heap, heap.weakrefs.liveReferent(s)));
        // weakref_hash, weakref_richcompare and weakref_repr as slot wrappers (what `ref.__eq__(self, other)`
        // and `__hash__ = ref.__hash__` in a subclass reach)
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, W, "__hash__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__hash__", n, kw, 0);
            try {
                return heap.ints.of(W.hash(s));
            } catch (dev.refheap.object.PyError e) {
                throw rt.fromPyError(e);
            }
        });
        String[] cmps = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
        for (int i = 0; i < cmps.length; i++) {
            int op = i;
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, W, cmps[i], (s, a, o, n, kw) -> {
                Args.exactly(rt, cmps[op], n, kw, 1);
                Boolean r = rt.ops.compareAsBuiltin(op, s, W, a[o], rt.ops.baseView(a[o]));
                return r == null ? Builtins.incref(heap, rt.notImplemented) : rt.ops.bool(r);
            });
        }
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, W, "__repr__", (s, a, o, n, kw) -> {
            Args.exactly(rt, "__repr__", n, kw, 0);
            return heap.strs.of(rt.ops.reprAs(W, s));
        });
        // wr_callback, a read-only member (what a subclass's instances reach it through)
        rt.typeAttrs.computeIfAbsent(W, k -> new java.util.HashMap<>()).put("__callback__", rt.hold(rt.builtinGetSets.create(W, "__callback__", 'D')));
        // weakref___init__: checks the arguments' count as __new__ does and nothing else (a subclass's __init__ calls it)
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, W, "__init__", (s, a, o, n, kw) -> {
            int np = n - Args.nkw(kw);
            if (np < 1) throw rt.typeError("__init__ expected at least 1 argument, got " + np);
            if (np > 2) throw rt.typeError("__init__ expected at most 2 arguments, got " + np);
            return none();
        });
    }
}
