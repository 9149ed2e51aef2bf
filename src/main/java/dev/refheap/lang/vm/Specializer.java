package dev.refheap.lang.vm;

import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * CPython 3.11's quickening and PRECALL specialization, kept only as far as a program can see
 * them (the interpreter runs its own instructions either way; nothing here makes code faster).
 *
 * <p>What is observable: a specialized PRECALL of 3.11 that makes the call itself (str(x),
 * len(x), isinstance, a builtin function or a builtin type's method, a type with a
 * tp_vectorcall) leaves prev_instr on the PRECALL, so f_lasti of the calling frame while the
 * call runs, and tb_lasti of an exception it raises, are the PRECALL's offset, 4 bytes before
 * the CALL where the unspecialized PRECALL + CALL leave them; and str(x) specialized makes no
 * argument tuple where _PyObject_MakeTpCall packs one.
 *
 * <p>State (on {@link CodeType.Code}): {@code warmup}, 3.11's co_warmup, starts at -8 and goes
 * up by one per RESUME (a frame's start, a generator's resumption other than throw()) and per
 * JUMP_BACKWARD (not the POP_JUMP_BACKWARD_IF_* of a while loop's test, not
 * JUMP_BACKWARD_NO_INTERRUPT); when it reaches 0 the code is quickened: every PRECALL becomes
 * PRECALL_ADAPTIVE with its counter 0 (arrays {@code precallForm}/{@code precallCounter}, one
 * entry per CALL instruction). Then each PRECALL runs as 3.11's does:
 * <ul>
 * <li>ADAPTIVE: counter below 16 (the low 4 bits are the backoff exponent): specialize now and
 *     run again; a failure sets the counter to 2^b - 1 shifted by 4 with b the exponent plus one
 *     (at most 12), a success the miss counter 53. Otherwise the counter drops by 16 and the
 *     generic PRECALL runs (the call is made by CALL).</li>
 * <li>a specialized form: its guards hold: it runs (the calling forms call inside PRECALL); a
 *     guard fails: a miss, the counter drops by one and the generic PRECALL runs; at 0 the form
 *     goes back to ADAPTIVE with the counter 31 &lt;&lt; 4 | 5.</li>
 * </ul>
 * Which builtin callables a form takes is 3.11's method flags (METH_O, METH_FASTCALL...), read from
 * precall-table.txt (measured on CPython 3.11 with scripts/precall_table.py); a builtin that is not
 * in the table is taken as one 3.11 does not specialize.
 */
final class Specializer {
    static final int WARMUP_DELAY = 8;
    private static final int BACKOFF_BITS = 4, BACKOFF_START = 5, MAX_BACKOFF = 16 - BACKOFF_BITS, MISS_START = 53;

    static final byte ADAPTIVE = 0;
    // forms whose work the program cannot see: the call is CALL's, or nothing runs that could look
    static final byte PYFUNC = 1;
    private static final byte BOUND_METHOD = 2, TYPE_1 = 3, LIST_APPEND = 4;
    // forms that make the call inside PRECALL
    private static final byte STR_1 = 5, TUPLE_1 = 6, BUILTIN_CLASS = 7, BUILTIN_O = 8, BUILTIN_FAST = 9,
            BUILTIN_FAST_WITH_KEYWORDS = 10, LEN = 11, ISINSTANCE = 12, METHOD_DESCRIPTOR_O = 13,
            METHOD_DESCRIPTOR_NOARGS = 14, METHOD_DESCRIPTOR_FAST = 15, METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS = 16;
    private static final byte FIRST_CALLING = STR_1;
    // BINARY_OP's forms for + and += (the only ones that can become BINARY_OP_INPLACE_ADD_UNICODE)
    private static final byte ADD_UNICODE = 20, INPLACE_ADD_UNICODE = 21, ADD_INT = 22, ADD_FLOAT = 23;
    /** 3.11's NB_ADD and NB_INPLACE_ADD. */
    static final int NB_ADD = 0, NB_INPLACE_ADD = 13;

    /** What the table says of a callable: METH_O, METH_FASTCALL, METH_FASTCALL|METH_KEYWORDS, METH_NOARGS, a type with a tp_vectorcall, none of these. */
    private static final char O = 'O', FAST = 'F', FAST_KW = 'K', NOARGS = 'N', VECTORCALL = 'C', NONE = '-';

    private static Map<String, Character> table;

    private final Runtime rt;
    private final Heap heap;
    /** 3.11's callable_cache: the builtins len and isinstance and the descriptor list.append as the runtime made them. */
    private final long len, isinstance, listAppend;
    // The table's answers as met, so that a guard costs no string work: per module function (its
    // module is found by a scan, once), per builtin type and method name, per builtin type.
    private final Map<Builtin, Character> moduleFunctions = new IdentityHashMap<>();
    private final Map<PyType, Map<String, Character>> methods = new IdentityHashMap<>();
    private final Map<PyType, Character> types = new IdentityHashMap<>();

    private final long functionTypeAddr, intTypeAddr;

    Specializer(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
        this.functionTypeAddr = rt.functionType.address();
        this.intTypeAddr = heap.ints.address();
        this.len = heap.dicts.getItem(rt.builtinsDict, "len");
        this.isinstance = heap.dicts.getItem(rt.builtinsDict, "isinstance");
        this.listAppend = rt.ops.lookupType(heap.lists, "append");
    }

    /** RESUME / JUMP_BACKWARD of code whose warmup is not yet 0: one step, quickening at 0. */
    static void warmUp(Runtime rt, CodeType.Code code) {
        if (++code.warmup == 0) {
            rt.quickenedCount++;
            int n = code.ops.length;
            code.precallCounter = new char[n];
            code.precallForm = new byte[n];
        }
    }

    /**
     * The PRECALL before the CALL at {@code f.lasti} in quickened code, with the CALL's operands
     * on the stack ({@code n} its argument, {@code kwnames} the KW_NAMES tuple or 0): advances its
     * state as 3.11 does and answers whether the specialized form that runs makes the call.
     */
    boolean precall(Frame f, int n, long kwnames) {
        CodeType.Code code = f.code;
        int i = f.lasti;
        long[] s = f.slots;
        int base = f.sp - n - 2;
        boolean isMeth = s[base] != 0;
        long callable = isMeth ? s[base] : s[base + 1];
        // the common case first: a Python function's site, specialized and hit (PRECALL_PYFUNC)
        if (code.precallForm[i] == PYFUNC && Heap.typeAddress(callable) == functionTypeAddr) return false;
        int total = n + (isMeth ? 1 : 0);
        long self = total > 0 ? s[f.sp - n - (isMeth ? 1 : 0)] : 0;  // the first of the total arguments
        while (true) {
            byte form = code.precallForm[i];
            char counter = code.precallCounter[i];
            if (form == ADAPTIVE) {
                if (!specializationDue(code, i, counter)) return false;
                specialized(code, i, counter, specialize(code, i, callable, total, n, kwnames));
                continue;  // the instruction runs again in its new state
            }
            if (guards(form, s, base, isMeth, callable, total, self)) return form >= FIRST_CALLING;
            missed(code, i, counter);
            return false;
        }
    }

    /**
     * BINARY_OP + or += at {@code f.lasti} in quickened code, operands on the stack: advances the
     * site's state as 3.11's BINARY_OP_ADAPTIVE and specialized forms do (the state arrays are
     * the PRECALL ones, at the BINARY_OP's index) and answers whether BINARY_OP_INPLACE_ADD_UNICODE
     * runs: left is an exact str that the local the next STORE_FAST writes holds too.
     */
    boolean inplaceAddUnicode(Frame f) {
        // the common case first, small enough to inline into BINARY_OP: int + int at a site
        // specialized to BINARY_OP_ADD_INT
        long[] s = f.slots;
        long lt = Heap.typeAddress(s[f.sp - 2]);
        if (f.code.precallForm[f.lasti] == ADD_INT && lt == intTypeAddr && Heap.typeAddress(s[f.sp - 1]) == lt) return false;
        return inplaceAddUnicodeSlow(f);
    }

    private boolean inplaceAddUnicodeSlow(Frame f) {
        CodeType.Code code = f.code;
        int i = f.lasti;
        long[] s = f.slots;
        long left = s[f.sp - 2], right = s[f.sp - 1];
        while (true) {
            byte form = code.precallForm[i];
            char counter = code.precallCounter[i];
            if (form == ADAPTIVE) {
                if (!specializationDue(code, i, counter)) return false;
                specialized(code, i, counter, specializeAdd(code, i, s, left, right));
                continue;
            }
            long lt = Heap.typeAddress(left);
            boolean runs = lt == Heap.typeAddress(right) && switch (form) {
                case ADD_UNICODE -> lt == heap.strs.address();
                case INPLACE_ADD_UNICODE -> lt == heap.strs.address() && s[code.args[i + 1]] == left;
                case ADD_INT -> lt == heap.ints.address();
                case ADD_FLOAT -> lt == heap.floats.address();
                default -> false;
            };
            if (runs) return form == INPLACE_ADD_UNICODE;
            missed(code, i, counter);
            return false;
        }
    }

    /**
     * An adaptive site's step (3.11's *_ADAPTIVE instructions): true when its backoff counter has
     * run out and a specialization is to be tried now; otherwise the counter is ticked down.
     */
    private static boolean specializationDue(CodeType.Code code, int i, char counter) {
        if (counter < (1 << BACKOFF_BITS)) return true;
        code.precallCounter[i] = (char) (counter - (1 << BACKOFF_BITS));
        return false;
    }

    /** The outcome of a try: the chosen form with a fresh miss counter, or (none fits) a longer backoff. */
    private static void specialized(CodeType.Code code, int i, char counter, byte chosen) {
        if (chosen == ADAPTIVE) {
            code.precallCounter[i] = backoff(counter);
        } else {
            code.precallForm[i] = chosen;
            code.precallCounter[i] = MISS_START;
        }
    }

    /** A specialized form's guard failed (3.11's DEOPT_IF): one miss; the last sends the site back to adaptive. */
    private static void missed(CodeType.Code code, int i, char counter) {
        counter--;
        if (counter == 0) {
            code.precallForm[i] = ADAPTIVE;
            counter = adaptiveStart();
        }
        code.precallCounter[i] = counter;
    }

    /** _Py_Specialize_BinaryOp for NB_ADD / NB_INPLACE_ADD. */
    private byte specializeAdd(CodeType.Code code, int i, long[] s, long left, long right) {
        PyType lt = heap.typeOf(left);
        if (heap.typeOf(right) != lt) return ADAPTIVE;
        if (lt == heap.strs) {
            boolean toStore = i + 1 < code.ops.length && code.ops[i + 1] == Op.STORE_FAST;
            return toStore && s[code.args[i + 1]] == left ? INPLACE_ADD_UNICODE : ADD_UNICODE;
        }
        if (lt == heap.ints) return ADD_INT;
        if (lt == heap.floats) return ADD_FLOAT;
        return ADAPTIVE;
    }

    /** Whether the form that runs is PRECALL_NO_KW_STR_1 (str(x) then packs no argument tuple). */
    /**
     * Whether the specialized form at {@code i} enters a recursive call around the call it makes, as
     * 3.11's PRECALL_NO_KW_BUILTIN_O, _METHOD_DESCRIPTOR_O and _METHOD_DESCRIPTOR_NOARGS do (the
     * FAST forms, len and isinstance call the C function without counting).
     */
    static boolean countsRecursion(CodeType.Code code, int i) {
        if (code.precallForm == null) return false;
        byte form = code.precallForm[i];
        return form == BUILTIN_O || form == METHOD_DESCRIPTOR_O || form == METHOD_DESCRIPTOR_NOARGS;
    }

    /** Whether builtin type {@code t} has a tp_vectorcall in 3.11 (its call counts no recursion level of its own). */
    boolean hasVectorcall(PyType t) {
        return typeFlags(t) == VECTORCALL;
    }

    static boolean isStr1(CodeType.Code code, int i) {
        return code.precallForm != null && code.precallForm[i] == STR_1;
    }

    private static char adaptiveStart() {
        return (char) ((((1 << BACKOFF_START) - 1) << BACKOFF_BITS) | BACKOFF_START);
    }

    private static char backoff(char counter) {
        int b = Math.min((counter & ((1 << BACKOFF_BITS) - 1)) + 1, MAX_BACKOFF);
        return (char) ((((1 << b) - 1) << BACKOFF_BITS) | b);
    }

    /** _Py_Specialize_Precall: the form for this callable, or ADAPTIVE when 3.11 does not specialize it. */
    private byte specialize(CodeType.Code code, int i, long callable, int total, int oparg, long kwnames) {
        PyType t = heap.typeOf(callable);
        boolean kw = kwnames != 0;
        if (t == rt.builtinFunctionType) {
            return switch (cFunctionFlags(callable)) {
                case O -> kw || total != 1 ? ADAPTIVE : callable == len ? LEN : BUILTIN_O;
                case FAST -> kw ? ADAPTIVE : total == 2 && callable == isinstance ? ISINSTANCE : BUILTIN_FAST;
                case FAST_KW -> BUILTIN_FAST_WITH_KEYWORDS;
                default -> ADAPTIVE;
            };
        }
        if (t == rt.functionType) return PYFUNC;
        if (rt.ops.isTypeObject(callable)) {
            PyType c = heap.typeAt(callable);
            if (c instanceof ClassType) return ADAPTIVE;  // a class: object's tp_new, or a mutable type
            if (total == 1 && !kw && oparg == 1) {
                if (c == heap.strs) return STR_1;
                if (c == heap.typeType) return TYPE_1;
                if (c == heap.tuples) return TUPLE_1;
            }
            return typeFlags(c) == VECTORCALL ? BUILTIN_CLASS : ADAPTIVE;
        }
        if (t == rt.methodDescrType) {
            if (kw) return ADAPTIVE;
            return switch (descriptorFlags(callable)) {
                case NOARGS -> total == 1 ? METHOD_DESCRIPTOR_NOARGS : ADAPTIVE;
                case O -> total != 2 ? ADAPTIVE
                        : callable == listAppend && oparg == 1 && i + 1 < code.ops.length && code.ops[i + 1] == Op.POP_TOP
                        ? LIST_APPEND : METHOD_DESCRIPTOR_O;
                case FAST -> METHOD_DESCRIPTOR_FAST;
                case FAST_KW -> METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS;
                default -> ADAPTIVE;
            };
        }
        if (t == rt.methodType) return BOUND_METHOD;
        return ADAPTIVE;
    }

    /** The DEOPT_IF checks of each specialized PRECALL: true when the form runs. */
    private boolean guards(byte form, long[] s, int base, boolean isMeth, long callable, int total, long self) {
        PyType t = heap.typeOf(callable);
        return switch (form) {
            case PYFUNC -> t == rt.functionType;
            case BOUND_METHOD -> !isMeth && t == rt.methodType;
            case STR_1 -> !isMeth && callable == heap.strs.address();
            case TYPE_1 -> !isMeth && callable == heap.typeType.address();
            case TUPLE_1 -> !isMeth && callable == heap.tuples.address();
            case BUILTIN_CLASS -> rt.ops.isTypeObject(callable) && !(heap.typeAt(callable) instanceof ClassType)
                    && typeFlags(heap.typeAt(callable)) == VECTORCALL;
            case BUILTIN_O -> total == 1 && t == rt.builtinFunctionType && cFunctionFlags(callable) == O;
            case BUILTIN_FAST -> t == rt.builtinFunctionType && cFunctionFlags(callable) == FAST;
            case BUILTIN_FAST_WITH_KEYWORDS -> t == rt.builtinFunctionType && cFunctionFlags(callable) == FAST_KW;
            case LEN -> total == 1 && callable == len;
            case ISINSTANCE -> total == 2 && callable == isinstance;
            case LIST_APPEND -> s[base] == listAppend && rt.ops.isSubtype(heap.typeOf(s[base + 1]), heap.lists);
            case METHOD_DESCRIPTOR_O -> total == 2 && descriptorRuns(t, callable, O, self);
            case METHOD_DESCRIPTOR_NOARGS -> total == 1 && descriptorRuns(t, callable, NOARGS, self);
            case METHOD_DESCRIPTOR_FAST -> descriptorRuns(t, callable, FAST, self);
            case METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS -> descriptorRuns(t, callable, FAST_KW, self);
            default -> false;
        };
    }

    /** A method descriptor with these flags, whose first argument's type is exactly the descriptor's type. */
    private boolean descriptorRuns(PyType t, long callable, char flags, long self) {
        if (t != rt.methodDescrType || descriptorFlags(callable) != flags || self == 0) return false;
        return heap.typeOf(self) == rt.methodDescrType.entry(callable).owner();
    }

    private char descriptorFlags(long descr) {
        BuiltinFunctionType.Entry e = rt.methodDescrType.entry(descr);
        return e.owner() == null ? NONE : methodFlags(e.owner(), e.name());
    }

    private char methodFlags(PyType owner, String name) {
        Map<String, Character> m = methods.get(owner);
        if (m == null) methods.put(owner, m = new HashMap<>());
        Character c = m.get(name);
        if (c == null) m.put(name, c = lookup(typeName(owner) + "." + name));
        return c;
    }

    /** A builtin_function_or_method's flags: a method bound to an object by its type and name, a module's function by its module and name. */
    private char cFunctionFlags(long f) {
        BuiltinFunctionType.Entry e = rt.builtinFunctionType.entry(f);
        if (e.owner() != null) return methodFlags(e.owner(), e.name());
        long self = BuiltinFunctionType.self(f);
        if (self != 0 && rt.ops.isTypeObject(self)) return methodFlags(heap.typeAt(self), e.name());  // T.__new__, a class method
        if (self != 0 && !rt.isModule(self)) return NONE;
        Character known = moduleFunctions.get(e.impl());
        if (known != null) return known;
        char flags = NONE;
        long name = heap.strs.internedOf("__module__");
        try {
            long module = rt.ops.getAttrOrNull(f, name);
            if (module != 0) {
                if (heap.typeOf(module) == heap.strs) flags = lookup(dev.refheap.object.StrType.value(module) + "." + e.name());
                heap.decref(module);
            }
        } catch (PyException err) {
            heap.decref(err.exc());  // no module to name it: taken as not specialized
        } finally {
            heap.decref(name);
        }
        moduleFunctions.put(e.impl(), flags);
        return flags;
    }

    private char typeFlags(PyType t) {
        Character c = types.get(t);
        if (c == null) types.put(t, c = lookup(typeName(t)));
        return c;
    }

    private static String typeName(PyType t) {
        String n = t.name();
        return n.substring(n.lastIndexOf('.') + 1);
    }

    private static char lookup(String key) {
        Character c = table().get(key);
        return c == null ? NONE : c;
    }

    private static synchronized Map<String, Character> table() {
        if (table == null) {
            Map<String, Character> m = new HashMap<>();
            try (var in = Specializer.class.getResourceAsStream("precall-table.txt")) {
                if (in == null) throw new IllegalStateException("precall-table.txt is missing from the build");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line; (line = r.readLine()) != null; ) {
                    int sp = line.indexOf(' ');
                    if (sp > 0) m.put(line.substring(0, sp), line.charAt(sp + 1));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            table = m;
        }
        return table;
    }
}
