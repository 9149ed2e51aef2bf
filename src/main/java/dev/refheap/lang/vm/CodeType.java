package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code code}: a compiled body. Not GC-tracked (as in 3.11). Its co_consts tuple holds one
 * reference to each constant, which is why a literal stays alive while its code object does.
 * <pre>
 *  refcnt | type | ob_size | co_consts | co_names | co_localsplusnames | co_filename | co_name | co_qualname | handle | ...
 * </pre>
 * Sized as 3.11's PyCodeObject: a variable-size object of tp_basicsize 184 whose items are the
 * code units of co_code (2 bytes each, ob_size of them), so its block and {@code sys.getsizeof}
 * are CPython's (the size rounded up to 8, as _PyObject_VAR_SIZE); refheap keeps its own fields
 * in the first 88 bytes and the instructions on the Java side. CODE_CACHE is 3.11's {@code
 * _co_code}: the bytes co_code returned first, kept (a counted reference) until the code object
 * goes, so {@code c.co_code is c.co_code} as in 3.11.
 * The handle leads to the Java-side {@link Code} (decoded instructions) used by the interpreter.
 * Code objects compare and hash by value, as 3.11's code_richcompare and code_hash do
 * ({@link #equals}, {@link #hash}); ordering them is a TypeError.
 */
final class CodeType extends LangType {
    static final int CONSTS = 24, NAMES = 32, LOCALSPLUSNAMES = 40, FILENAME = 48, NAME = 56, QUALNAME = 64, HANDLE = 72, CODE_CACHE = 80;
    final Handles<Code> codes = new Handles<>();

    CodeType(Runtime rt) {
        super(rt, "code", null, 0, 184, 2, 0);
    }

    /** _PyObject_VAR_SIZE: the basic size and the code units, rounded up to a pointer's size. */
    @Override
    public long sizeOf(long o) {
        return (super.sizeOf(o) + 7) & ~7L;
    }

    /** A code object for {@code unit} with the given (stolen) tuples and strings. */
    long create(Code code, long consts, long names, long localsplusnames, long filename, long name, long qualname) {
        // the code units: from the layout when the compile made it, else counted without making it
        // (code loaded from the compiled-code cache makes its layout only when something reads it)
        long units = code.layout != null ? code.layout.code().length / 2 : dev.refheap.lang.bytecode.CpythonLayout.unitCount(code.unit);
        long o = heap.allocObject(this, units);
        put(o, CONSTS, consts);
        put(o, NAMES, names);
        put(o, LOCALSPLUSNAMES, localsplusnames);
        put(o, FILENAME, filename);
        put(o, NAME, name);
        put(o, QUALNAME, qualname);
        Native.putLong(o + CODE_CACHE, 0);
        code.object = o;
        code.freed = false;
        Native.putLong(o + HANDLE, codes.add(code));
        return o;
    }

    /** co_code, a new reference: made once, as _PyCode_GetCode makes it, then the one kept ({@link #CODE_CACHE}). */
    long coCode(long o) {
        long b = get(o, CODE_CACHE);
        if (b == 0) {
            b = heap.bytes.of(code(o).layout().code());
            put(o, CODE_CACHE, b);
        }
        heap.incref(b);
        return b;
    }

    Code code(long o) {
        int h = (int) get(o, HANDLE);
        Object c = codes.raw(h);
        return c instanceof Code code ? code : made(h, (Pending) c);
    }

    /**
     * A code object's Java side not made yet: an adopted start-up image's code objects (thousands,
     * of which a short program runs a few) get theirs on first use ({@link ImageHooks}' records),
     * through {@link #code}, the one way to a code object's {@link Code}.
     */
    interface Pending {
        Code make();
    }

    private Code made(int h, Pending p) {
        Code c = p.make();
        codes.replace(h, c);
        return c;
    }

    /** Makes every pending code object's Java side now (before the image is written, or the Java state compared). */
    void makeAllPending() {
        for (int h = 0; h < codes.top(); h++) {
            if (codes.raw(h) instanceof Pending p) made(h, p);
        }
    }

    /** code.replace()'s keywords, in the order its signature has them (the order their types are checked). */
    private static final String[] REPLACE_FIELDS = {"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
            "co_stacksize", "co_flags", "co_firstlineno", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars",
            "co_cellvars", "co_filename", "co_name", "co_qualname", "co_linetable", "co_exceptiontable"};
    private static final int CODE = 7, CONSTS_ARG = 8, NAMES_ARG = 9, VARNAMES = 10, FREEVARS = 11, CELLVARS = 12,
            FILENAME_ARG = 13, NAME_ARG = 14, QUALNAME_ARG = 15, LINETABLE = 16, EXCEPTIONTABLE = 17;

    /**
     * code.replace(**fields): a new code object, 3.11's argument checks and errors first
     * (code_replace's, then PyCode_NewWithPosOnlyArgs's validation). refheap honours the counts,
     * flags, stack size (reported, and a generator's size; frames keep the compiled depth), first
     * line (every line moves with it, as 3.11's relative location table does), names, filename,
     * constants and names tuples (at least as long as the code uses), and variable names that
     * rename the same slots; bytecode, location or exception tables other than the code's own
     * cannot be mapped back to refheap's instructions and are refused with an error naming the field.
     */
    long replace(long o, long[] a, int off, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (n - nkw > 0) throw rt.typeError("replace() takes no positional arguments");
        long[] given = new long[REPLACE_FIELDS.length];
        for (int i = 0; i < nkw; i++) {
            String k = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, i));
            int f = java.util.Arrays.asList(REPLACE_FIELDS).indexOf(k);
            if (f < 0) throw rt.typeError("'" + k + "' is an invalid keyword argument for replace()");
            given[f] = a[off + n - nkw + i];
        }
        Code c = code(o);
        CodeUnit u = c.unit;
        int[] ints = {u.argcount(), u.posonlyargcount(), u.kwonlyargcount(), u.nlocals(), u.stacksize(), u.flags(), u.firstLineno()};
        for (int f = 0; f < REPLACE_FIELDS.length; f++) {
            long v = given[f];
            if (v == 0) continue;
            if (f < CODE) ints[f] = cInt(v);
            else if (f == CODE || f == LINETABLE || f == EXCEPTIONTABLE) {
                if (!Heap.isBytes(v)) throw badArgument(f, "bytes", v);
            } else if (f <= CELLVARS) {
                if (!rt.ops.isInstance(v, heap.tuples)) throw badArgument(f, "tuple", v);
            } else if (!Heap.isStr(v)) throw badArgument(f, "str", v);
        }
        for (int f = 0; f < CODE; f++) {
            if (ints[f] < 0) throw rt.error("ValueError", REPLACE_FIELDS[f] + " must be a positive integer");
        }
        // PyCode_NewWithPosOnlyArgs: _PyCode_Validate, the names interned, co_nlocals
        if (ints[0] < ints[1]) throw rt.error("SystemError", "Objects/codeobject.c:250: bad argument to internal function");
        if (given[CODE] != 0 && dev.refheap.object.BytesType.length(given[CODE]) % 2 != 0) throw rt.error("ValueError", "code: co_code is malformed");
        long varnames = given[VARNAMES] != 0 ? Builtins.incref(heap, given[VARNAMES]) : Instances.varnames(rt, o);
        try {
            int nvar = (int) TupleType.size(varnames);
            int flags = ints[5];
            int args = ints[0] + ints[2] + ((flags & CodeUnit.CO_VARARGS) != 0 ? 1 : 0) + ((flags & CodeUnit.CO_VARKEYWORDS) != 0 ? 1 : 0);
            if (nvar < args) throw rt.error("ValueError", "code: co_varnames is too small");
            for (int f : new int[] {NAMES_ARG, VARNAMES, FREEVARS, CELLVARS}) {
                if (given[f] != 0) internAll(given[f]);
            }
            if (ints[3] != nvar) throw rt.error("ValueError", "code: co_nlocals != len(co_varnames)");
            return replaced(o, c, given, ints, varnames);
        } finally {
            heap.decref(varnames);
        }
    }

    private PyException badArgument(int f, String expected, long v) {
        return rt.typeError("replace() argument '" + REPLACE_FIELDS[f] + "' must be " + expected + ", not " + (v == heap.None ? "None" : rt.ops.typeName(v)));
    }

    /** _PyLong_AsInt of an int argument. */
    private int cInt(long v) {
        long x = Builtins.intArg(rt, v);
        if (x != (int) x || !dev.refheap.object.IntType.fitsLong(v)) throw rt.error("OverflowError", "Python int too large to convert to C int");
        return (int) x;
    }

    /** intern_strings: each item of a names tuple interned in place; a non-str item is refused as 3.11 refuses it. */
    private void internAll(long t) {
        for (long i = 0; i < TupleType.size(t); i++) {
            long s = TupleType.item(t, i);
            if (heap.typeOf(s) != heap.strs) throw rt.error("SystemError", "non-string found in code slot");
        }
        for (long i = 0; i < TupleType.size(t); i++) {
            long s = TupleType.item(t, i);
            heap.incref(s);
            long in = heap.strs.intern(s);
            if (in != s) {
                TupleType.setItemSteal(t, i, in);  // the tuple's old reference to s goes
                heap.decref(s);
            } else {
                heap.decref(in);
            }
        }
    }

    /** The new code object, once the arguments are valid: what refheap cannot map back is refused here. */
    private long replaced(long o, Code c, long[] given, int[] ints, long varnames) {
        CodeUnit u = c.unit;
        var layout = c.layout();
        if (given[CODE] != 0 && !java.util.Arrays.equals(dev.refheap.object.BytesType.value(given[CODE]), layout.code())) {
            throw rt.error("NotImplementedError", "refheap does not support code.replace(co_code=...) with bytecode other than the code's own yet");
        }
        if (given[EXCEPTIONTABLE] != 0 && !java.util.Arrays.equals(dev.refheap.object.BytesType.value(given[EXCEPTIONTABLE]), layout.exceptionTable())) {
            throw rt.error("NotImplementedError", "refheap does not support code.replace(co_exceptiontable=...) with a table other than the code's own yet");
        }
        // another co_linetable: decoded over this code's units, its own lines and columns for the
        // instructions (tracebacks, f_lineno, tracing), and kept as given for co_linetable
        dev.refheap.lang.bytecode.CpythonLayout tableLayout = null;
        // (a code that has such a table keeps it, its lines moving with co_firstlineno, as 3.11 keeps the bytes)
        byte[] table = given[LINETABLE] != 0 ? dev.refheap.object.BytesType.value(given[LINETABLE]) : null;
        if (table != null && !java.util.Arrays.equals(table, layout.lineTable(u.firstLineno())) || layout.hasGivenLineTable()) {
            tableLayout = layout.withLineTable(table != null ? table : layout.lineTable(u.firstLineno()), ints[6]);
        }
        if (given[CONSTS_ARG] != 0 && TupleType.size(given[CONSTS_ARG]) < u.consts().size()) {
            throw rt.error("NotImplementedError", "refheap does not support code.replace(co_consts=...) with fewer constants than the code's " + u.consts().size() + " yet");
        }
        if (given[NAMES_ARG] != 0 && TupleType.size(given[NAMES_ARG]) < u.names().size()) {
            throw rt.error("NotImplementedError", "refheap does not support code.replace(co_names=...) with fewer names than the code's " + u.names().size() + " yet");
        }
        java.util.List<String> plus = localsplus(o, u, given, varnames);
        int delta = ints[6] - u.firstLineno();
        int[] lines = u.lines(), positions = u.positions();
        if (tableLayout != null) {
            lines = new int[u.instructionCount()];
            positions = new int[3 * lines.length];
            for (int i = 0; i < lines.length; i++) {
                var p = tableLayout.position(tableLayout.lastiBytes(i) / 2);
                lines[i] = p.line();
                positions[3 * i] = p.endLine();
                positions[3 * i + 1] = p.col();
                positions[3 * i + 2] = p.endCol();
            }
        } else if (delta != 0) {
            lines = lines.clone();
            positions = positions.clone();
            for (int i = 0; i < lines.length; i++) if (lines[i] >= 0) lines[i] += delta;
            for (int i = 0; i < positions.length; i += 3) if (positions[i] >= 0) positions[i] += delta;
        }
        String name = given[NAME_ARG] != 0 ? dev.refheap.object.StrType.value(given[NAME_ARG]) : u.name();
        String qualname = given[QUALNAME_ARG] != 0 ? dev.refheap.object.StrType.value(given[QUALNAME_ARG]) : u.qualname();
        String filename = given[FILENAME_ARG] != 0 ? dev.refheap.object.StrType.value(given[FILENAME_ARG]) : u.filename();
        CodeUnit nu = new CodeUnit(name, qualname, filename, ints[6], ints[0], ints[1], ints[2], ints[5], u.code(), lines, positions,
                u.consts(), u.names(), plus, u.localsplusKinds(), ints[4], u.exceptionTable(), u.directives());
        long consts = field(o, CONSTS, given[CONSTS_ARG]), names = field(o, NAMES, given[NAMES_ARG]);
        long lpn = plus == u.localsplusNames() ? Builtins.incref(heap, get(o, LOCALSPLUSNAMES)) : internedTuple(plus);
        long[] constAddrs = items(consts), nameAddrs = items(names);
        Code nc = new Code(nu, constAddrs, nameAddrs, c.stackSlots);
        if (tableLayout != null) nc.presetLayout(tableLayout);
        return create(nc, consts, names, lpn, field(o, FILENAME, given[FILENAME_ARG]), field(o, NAME, given[NAME_ARG]),
                field(o, QUALNAME, given[QUALNAME_ARG]));
    }

    /** A new reference to the replacement {@code v}, or to the code's own field. */
    private long field(long o, int off, long v) {
        return Builtins.incref(heap, v != 0 ? v : get(o, off));
    }

    private static long[] items(long t) {
        long[] out = new long[(int) TupleType.size(t)];
        for (int i = 0; i < out.length; i++) out[i] = TupleType.item(t, i);
        return out;
    }

    private long internedTuple(java.util.List<String> names) {
        long t = heap.tuples.alloc(names.size());
        for (int i = 0; i < names.size(); i++) TupleType.setItemSteal(t, i, heap.strs.internedOf(names.get(i)));
        return t;
    }

    /**
     * co_localsplusnames from the new co_varnames, co_cellvars and co_freevars as 3.11 merges them
     * (varnames, the cells that are not among them, the free variables); the code's own list when
     * none is given. Only a renaming of the same slots (each slot a local, a cell or free as before) is honoured.
     */
    private java.util.List<String> localsplus(long o, CodeUnit u, long[] given, long varnames) {
        if (given[VARNAMES] == 0 && given[CELLVARS] == 0 && given[FREEVARS] == 0) return u.localsplusNames();
        java.util.List<String> vars = strings(varnames);
        java.util.List<String> cells = given[CELLVARS] != 0 ? strings(given[CELLVARS]) : names(o, "co_cellvars");
        java.util.List<String> frees = given[FREEVARS] != 0 ? strings(given[FREEVARS]) : names(o, "co_freevars");
        java.util.List<String> plus = new java.util.ArrayList<>(vars);
        java.util.List<Byte> kinds = new java.util.ArrayList<>();
        for (String v : vars) kinds.add((byte) (CodeUnit.KIND_LOCAL | (cells.contains(v) ? CodeUnit.KIND_CELL : 0)));
        for (String cv : cells) if (!vars.contains(cv)) { plus.add(cv); kinds.add(CodeUnit.KIND_CELL); }
        for (String fv : frees) { plus.add(fv); kinds.add(CodeUnit.KIND_FREE); }
        byte[] old = u.localsplusKinds();
        boolean same = plus.size() == old.length;
        for (int i = 0; same && i < old.length; i++) {
            int mask = CodeUnit.KIND_CELL | CodeUnit.KIND_FREE;
            boolean oldLocal = (old[i] & (CodeUnit.KIND_LOCAL | 0x0e)) != 0;
            same = (old[i] & mask) == (kinds.get(i) & mask) && oldLocal == ((kinds.get(i) & CodeUnit.KIND_LOCAL) != 0);
        }
        if (!same) {
            throw rt.error("NotImplementedError", "refheap does not support code.replace() changing the variables of co_varnames, "
                    + "co_cellvars or co_freevars other than renaming them yet");
        }
        return plus;
    }

    private java.util.List<String> strings(long t) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (long i = 0; i < TupleType.size(t); i++) out.add(dev.refheap.object.StrType.value(TupleType.item(t, i)));
        return out;
    }

    private java.util.List<String> names(long o, String attr) {
        long t = SysInfo.codeAttr(rt, o, attr);
        try {
            return strings(t);
        } finally {
            heap.decref(t);
        }
    }

    @Override
    public void references(long o, LongConsumer visit) {
        for (int off = CONSTS; off <= QUALNAME; off += 8) visitField(o, off, visit);
        visitField(o, CODE_CACHE, visit);
    }

    /**
     * code_richcompare's ==: the names, the argument counts, flags and first line, the bytecode
     * (as co_code shows it, caches zeroed), the constants by their _PyCode_ConstantKey (so 0.0 and
     * -0.0, 1 and True, 1 and 1.0 differ, and nested code objects compare by this same rule), then
     * co_names, the locals-plus names, the line table and the exception table. co_filename,
     * co_qualname and co_stacksize are not compared (nor in 3.11).
     */
    @Override
    public boolean equals(long a, long b) {
        if (a == b) return true;
        if (heap.typeOf(b) != this || heap.typeOf(a) != this) return false;
        CodeUnit ua = code(a).unit, ub = code(b).unit;
        if (!heap.objectsEqual(get(a, NAME), get(b, NAME))) return false;
        if (ua.argcount() != ub.argcount() || ua.posonlyargcount() != ub.posonlyargcount()
                || ua.kwonlyargcount() != ub.kwonlyargcount() || ua.flags() != ub.flags()
                || ua.firstLineno() != ub.firstLineno()) return false;
        var la = code(a).layout();
        var lb = code(b).layout();
        if (!java.util.Arrays.equals(la.code(), lb.code())) return false;
        if (!constantKeysEqual(get(a, CONSTS), get(b, CONSTS))) return false;
        if (!rt.ops.eq(get(a, NAMES), get(b, NAMES))) return false;
        if (!rt.ops.eq(get(a, LOCALSPLUSNAMES), get(b, LOCALSPLUSNAMES))) return false;
        if (!java.util.Arrays.equals(la.lineTable(ua.firstLineno()), lb.lineTable(ub.firstLineno()))) return false;
        return java.util.Arrays.equals(la.exceptionTable(), lb.exceptionTable());
    }

    /**
     * Whether _PyCode_ConstantKey(x) == _PyCode_ConstantKey(y): None, Ellipsis, ints, strs and code
     * objects are their own keys; bools and bytes are (type, value); a float or complex also
     * records which of its zeros are negative; a tuple's or frozenset's key holds its items' keys;
     * any other object is (id, object), equal only to itself.
     */
    private boolean constantKeysEqual(long x, long y) {
        if (x == y) return true;
        PyType tx = heap.typeOf(x), ty = heap.typeOf(y);
        boolean selfX = selfKeyed(x, tx), selfY = selfKeyed(y, ty);
        if (selfX || selfY) return selfX && selfY && rt.ops.eq(x, y);
        if (tx != ty) return false;
        if (tx == heap.bools || tx == heap.bytes) return rt.ops.eq(x, y);
        if (tx == heap.floats) {
            double dx = dev.refheap.object.FloatType.value(x), dy = dev.refheap.object.FloatType.value(y);
            return dx == dy && negativeZero(dx) == negativeZero(dy);
        }
        if (tx == rt.complexType) {
            double rx = ComplexType.real(x), ix = ComplexType.imag(x), ry = ComplexType.real(y), iy = ComplexType.imag(y);
            return rx == ry && ix == iy && negativeZero(rx) == negativeZero(ry) && negativeZero(ix) == negativeZero(iy);
        }
        if (tx == heap.tuples) {
            long n = TupleType.size(x);
            if (n != TupleType.size(y)) return false;
            for (long i = 0; i < n; i++) if (!constantKeysEqual(TupleType.item(x, i), TupleType.item(y, i))) return false;
            return rt.ops.eq(x, y);
        }
        if (tx == heap.frozensets) {
            if (dev.refheap.object.SetType.size(x) != dev.refheap.object.SetType.size(y)) return false;
            java.util.List<Long> ys = new java.util.ArrayList<>();
            heap.frozensets.forEach(y, ys::add);
            boolean[] all = {true};
            heap.frozensets.forEach(x, k -> {
                if (all[0] && ys.stream().noneMatch(v -> constantKeysEqual(k, v))) all[0] = false;
            });
            return all[0] && rt.ops.eq(x, y);
        }
        return false;  // (id, object) keys: equal only for the same object
    }

    private boolean selfKeyed(long o, PyType t) {
        return o == heap.None || o == rt.ellipsis || t == heap.strs || t == this
                || (t instanceof dev.refheap.object.IntType && t != heap.bools);
    }

    private static boolean negativeZero(double d) { return d == 0.0 && Math.copySign(1.0, d) < 0; }

    /**
     * code_hash: the hashes of co_name, co_consts, co_names, the locals-plus names, the line table
     * and the exception table, xor'd with the argument counts and the flags (-1 made -2). Unhashable
     * constants (only code.replace can put them there) raise TypeError as in 3.11.
     */
    @Override
    public long hash(long o) {
        CodeUnit u = code(o).unit;
        var layout = code(o).layout();
        long h = heap.hash(get(o, NAME)) ^ rt.ops.hash(get(o, CONSTS)) ^ heap.hash(get(o, NAMES)) ^ heap.hash(get(o, LOCALSPLUSNAMES))
                ^ dev.refheap.object.Hashing.hashBytes(layout.lineTable(u.firstLineno()))
                ^ dev.refheap.object.Hashing.hashBytes(layout.exceptionTable())
                ^ u.argcount() ^ u.posonlyargcount() ^ u.kwonlyargcount() ^ u.flags();
        return h == -1 ? -2 : h;
    }

    @Override
    public void dealloc(long o) {
        int h = (int) get(o, HANDLE);
        if (codes.raw(h) instanceof Code c) c.freed = true;  // a call site's remembered callee (calleeCodes) is stale from now on
        codes.remove(h);
        for (int off = CONSTS; off <= QUALNAME; off += 8) heap.xdecref(get(o, off));
        heap.xdecref(get(o, CODE_CACHE));
        heap.freeObject(o);
    }

    /** The Java side of a code object: its unit, and the consts and names as addresses for fast access. */
    static final class Code {
        final CodeUnit unit;
        final int[] ops;        // opcode ordinals
        final int[] args;
        final long[] consts;    // borrowed from co_consts
        final long[] names;     // borrowed from co_names (interned strs)
        final String[] nameStrings;  // the same names as Java strings, so lookups need not decode them
        final int nlocalsplus;
        /** The value stack a frame of this code needs: the compiled co_stacksize (code.replace can report another). */
        final int stackSlots;
        /**
         * Per-instruction caches of the global lookups (LOAD_GLOBAL, LOAD_NAME at module level),
         * three ints per instruction: the globals' keys version, the builtins' keys version, and
         * the entry index (in globals if >= 0, else ~index in builtins). See Interpreter.loadGlobal.
         */
        final int[] globalCache;
        /**
         * Per instruction, beside {@link #globalCache}: the native address of the value slot of the
         * entry it names (in the globals' or the builtins' keys table), valid while those keys
         * versions hold: a version names one keys table for good, whose entries never move.
         */
        final long[] globalValueAt;
        /**
         * Per-instruction caches of attribute instructions on instances of plain classes
         * (LOAD_ATTR, LOAD_METHOD, STORE_ATTR), see Interpreter.loadAttr: the class, the watched
         * class-dict version they are valid for, and what was found (an inline-value slot, or the
         * method), plus the class's number of attribute keys when the name was not one of them.
         */
        final ClassType[] attrClass;
        final long[] attrVersion;
        final long[] attrFound;
        final int[] attrKeys;
        /**
         * Instructions of the prologue (the leading MAKE_CELL and COPY_FREE_VARS): 3.11's
         * _co_firsttraceable. A frame still running them is incomplete ({@link Frame#isIncomplete}).
         */
        final int prologue;
        /** co_argcount, and whether the positional parameters are all there is to bind (no *args, **kwargs, keyword-only). */
        final int argcount;
        final boolean simpleArgs;
        long object;
        /** Set when the code object dies: a {@link #calleeCodes} entry naming this is stale even if another code object takes its address. */
        boolean freed;
        /**
         * Per instruction (made at the first call that uses it), a CALL's last Python callee's code:
         * valid while that code object lives ({@code !freed}) and its address is the one the called
         * function holds. Spares the lookup through the code object's handle (Interpreter.enterSimple).
         */
        Code[] calleeCodes;
        /** Released frames of this code kept for the next calls (Frame.create/recycle), linked through Frame.back. */
        Frame spareFrames;
        int spareCount;
        /** This code compiled to a JVM class (CompiledCode), REFUSED, or null while not (yet) compiled. */
        CompiledCode compiled;
        /** Fresh frames of this code run so far, counted while compiling is on and the code is not compiled. */
        int runs;
        /** Backward jumps frames of this code took in the interpreter, counted while compiling is on and the code is not compiled. */
        int loops;
        /**
         * For code too long to compile whole (its compiled is REFUSED, not generator-like): per pc,
         * the compiled loop that can be entered there (CompiledCode.compilePart), REFUSED at a
         * loop's header that fits no part, null elsewhere; null until a loop of it is hot.
         */
        CompiledCode[] parts;
        /**
         * 3.11's co_warmup: -8 when made, one step per RESUME (a frame's start, a generator's
         * resumption) and per JUMP_BACKWARD; at 0 the code is quickened ({@link Specializer}).
         */
        int warmup = -Specializer.WARMUP_DELAY;
        /**
         * After quickening, the PRECALL before each CALL (indexed by the CALL's instruction): its
         * form (Specializer.ADAPTIVE or a specialized one) and its cache's counter (the adaptive
         * backoff counter, or the miss counter of a specialized form). Null until quickened.
         */
        byte[] precallForm;
        char[] precallCounter;
        /** 3.11's offsets and bytes for this code (f_lasti, tb_lasti, co_code, co_positions), made on first use. */
        private dev.refheap.lang.bytecode.CpythonLayout layout;

        dev.refheap.lang.bytecode.CpythonLayout layout() {
            if (layout == null) layout = dev.refheap.lang.bytecode.CpythonLayout.of(unit);
            return layout;
        }

        /** Gives the code the layout already made for its unit (the compile made it to merge co_code). */
        void presetLayout(dev.refheap.lang.bytecode.CpythonLayout l) {
            if (layout == null) layout = l;
        }

        Code(CodeUnit unit, long[] consts, long[] names) {
            this(unit, consts, names, unit.stacksize());
        }

        /** As the other constructor, with the frame's value-stack depth {@code stackSlots} (a replaced code's reported co_stacksize may differ). */
        Code(CodeUnit unit, long[] consts, long[] names, int stackSlots) {
            this.unit = unit;
            this.stackSlots = stackSlots;
            int n = unit.instructionCount();
            ops = new int[n];
            args = new int[n];
            for (int i = 0; i < n; i++) {
                ops[i] = unit.code()[2 * i];
                args[i] = unit.code()[2 * i + 1];
            }
            int k = 0;
            while (k < n && (Opcode.of(ops[k]) == Opcode.MAKE_CELL || Opcode.of(ops[k]) == Opcode.COPY_FREE_VARS)) k++;
            this.prologue = k;
            this.consts = consts;
            this.names = names;
            this.nameStrings = new String[names.length];
            for (int i = 0; i < names.length; i++) nameStrings[i] = dev.refheap.object.StrType.value(names[i]);
            this.nlocalsplus = unit.localsplusNames().size();
            this.globalCache = new int[3 * n];
            this.globalValueAt = new long[n];
            this.attrClass = new ClassType[n];
            this.attrVersion = new long[n];
            this.attrFound = new long[n];
            this.attrKeys = new int[n];
            this.argcount = unit.argcount();
            this.simpleArgs = unit.kwonlyargcount() == 0
                    && (unit.flags() & (CodeUnit.CO_VARARGS | CodeUnit.CO_VARKEYWORDS)) == 0;
        }
    }
}
