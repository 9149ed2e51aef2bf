package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.memory.Native;
import java.util.function.LongConsumer;

/**
 * {@code code}: a compiled body. Not GC-tracked (as in 3.11). Its co_consts tuple holds one
 * reference to each constant, which is why a literal stays alive while its code object does.
 * <pre>
 *  refcnt | type | co_consts | co_names | co_localsplusnames | co_filename | co_name | co_qualname | handle
 * </pre>
 * The handle leads to the Java-side {@link Code} (decoded instructions) used by the interpreter.
 */
final class CodeType extends LangType {
    static final int CONSTS = 16, NAMES = 24, LOCALSPLUSNAMES = 32, FILENAME = 40, NAME = 48, QUALNAME = 56, HANDLE = 64;
    final Handles<Code> codes = new Handles<>();

    CodeType(Runtime rt) {
        super(rt, "code", null, 0, 72, 0, 0);
    }

    /** A code object for {@code unit} with the given (stolen) tuples and strings. */
    long create(Code code, long consts, long names, long localsplusnames, long filename, long name, long qualname) {
        long o = heap.allocObject(this, 0);
        put(o, CONSTS, consts);
        put(o, NAMES, names);
        put(o, LOCALSPLUSNAMES, localsplusnames);
        put(o, FILENAME, filename);
        put(o, NAME, name);
        put(o, QUALNAME, qualname);
        code.object = o;
        Native.putLong(o + HANDLE, codes.add(code));
        return o;
    }

    Code code(long o) { return codes.get((int) get(o, HANDLE)); }

    /**
     * code.replace(co_flags=...): a new code object with other flags sharing everything else (the
     * tuples and strings referenced again); types.coroutine marks a generator's code with
     * CO_ITERABLE_COROUTINE this way. Other fields are refused with an error naming them.
     */
    long replace(long o, long[] a, int off, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (n - nkw > 0) throw rt.typeError("replace() takes no positional arguments");
        Code c = code(o);
        CodeUnit u = c.unit;
        int flags = u.flags();
        for (int i = 0; i < nkw; i++) {
            String k = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, i));
            long v = a[off + n - nkw + i];
            if (!k.equals("co_flags")) throw rt.error("NotImplementedError", "refheap does not support code.replace(" + k + "=...) yet");
            if (!(heap.typeOf(v) instanceof dev.refheap.object.IntType)) {
                throw rt.typeError("replace() argument 'co_flags' must be int, not " + rt.ops.typeName(v));
            }
            flags = (int) Builtins.intArg(rt, v);
        }
        CodeUnit nu = new CodeUnit(u.name(), u.qualname(), u.filename(), u.firstLineno(), u.argcount(), u.posonlyargcount(),
                u.kwonlyargcount(), flags, u.code(), u.lines(), u.positions(), u.consts(), u.names(), u.localsplusNames(),
                u.localsplusKinds(), u.stacksize(), u.exceptionTable());
        for (int f = CONSTS; f <= QUALNAME; f += 8) heap.incref(get(o, f));
        return create(new Code(nu, c.consts, c.names), get(o, CONSTS), get(o, NAMES), get(o, LOCALSPLUSNAMES), get(o, FILENAME),
                get(o, NAME), get(o, QUALNAME));
    }

    @Override
    public void references(long o, LongConsumer visit) {
        for (int off = CONSTS; off <= QUALNAME; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        codes.remove((int) get(o, HANDLE));
        for (int off = CONSTS; off <= QUALNAME; off += 8) heap.xdecref(get(o, off));
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
        /**
         * Per-instruction caches of the global lookups (LOAD_GLOBAL, LOAD_NAME at module level),
         * three ints per instruction: the globals' keys version, the builtins' keys version, and
         * the entry index (in globals if >= 0, else ~index in builtins). See Interpreter.loadGlobal.
         */
        final int[] globalCache;
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
        /** Released frames of this code kept for the next calls (Frame.create/recycle), linked through Frame.back. */
        Frame spareFrames;
        int spareCount;
        /** This code compiled to a JVM class (CompiledCode), REFUSED, or null while not (yet) compiled. */
        CompiledCode compiled;
        /** Fresh frames of this code run so far, counted while compiling is on and the code is not compiled. */
        int runs;
        /** 3.11's offsets and bytes for this code (f_lasti, tb_lasti, co_code, co_positions), made on first use. */
        private dev.refheap.lang.bytecode.CpythonLayout layout;

        dev.refheap.lang.bytecode.CpythonLayout layout() {
            if (layout == null) layout = dev.refheap.lang.bytecode.CpythonLayout.of(unit);
            return layout;
        }

        Code(CodeUnit unit, long[] consts, long[] names) {
            this.unit = unit;
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
