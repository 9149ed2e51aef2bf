package dev.refheap.lang.bytecode;

/**
 * refheap's instruction set: one enum that the compiler, the disassembler and the VM all read.
 *
 * <p>Modelled on CPython 3.11's bytecode, because the reference counts a program observes depend
 * on which slots hold references when: every value-stack slot and every local slot owns one
 * reference; LOAD_* pushes a new reference; STORE_* moves the popped reference into its target
 * (releasing the old value); POP_TOP releases. Calls move their arguments into the callee's frame.
 *
 * <p>Each instruction is two ints in {@link CodeUnit#code()}: the opcode's ordinal and one
 * argument (0 when unused). Jump arguments are absolute instruction indexes (not byte offsets).
 * The stack effect below is what the compiler's max-stack computation uses; for instructions
 * whose effect depends on the argument or on whether the jump is taken, see {@link #stackEffect}.
 *
 * <p>Stack pictures list the top last: {@code [a, b] -> [c]} pops b then a and pushes c.
 * "NULL" is the 0 word used by the call convention (CPython's PUSH_NULL).
 */
public enum Opcode {
    /** Does nothing. */
    NOP(0),
    /** [x] -> []: releases x. */
    POP_TOP(-1),
    /** [] -> [NULL]. */
    PUSH_NULL(1),
    /** arg n >= 1: pushes a new reference to the n-th item from the top (1 = TOS). */
    COPY(1),
    /** arg n >= 2: swaps TOS with the n-th item. */
    SWAP(0),

    /** Pushes co_consts[arg]. */
    LOAD_CONST(1),
    /** Pushes the value of co_names[arg] from the frame's locals mapping, then globals, then builtins. NameError if absent. */
    LOAD_NAME(1),
    /** [v] -> []: locals[co_names[arg]] = v (module and class bodies). */
    STORE_NAME(-1),
    /** del locals[co_names[arg]]; NameError if absent. */
    DELETE_NAME(0),
    /** Pushes NULL first if (arg &amp; 1), then globals-then-builtins lookup of co_names[arg >> 1]. */
    LOAD_GLOBAL(1),
    /** [v] -> []: globals[co_names[arg]] = v. */
    STORE_GLOBAL(-1),
    DELETE_GLOBAL(0),
    /** Pushes local slot arg; UnboundLocalError if empty. */
    LOAD_FAST(1),
    /** [v] -> []: local slot arg = v. */
    STORE_FAST(-1),
    /** Empties local slot arg; UnboundLocalError if already empty. */
    DELETE_FAST(0),
    /** Pushes the contents of the cell in localsplus slot arg; NameError/UnboundLocalError if empty. */
    LOAD_DEREF(1),
    /** [v] -> []: the cell in slot arg gets v. */
    STORE_DEREF(-1),
    DELETE_DEREF(0),
    /** Pushes the cell object itself in slot arg (to build a closure tuple). */
    LOAD_CLOSURE(1),
    /** Class bodies: pushes locals[name of slot arg] if present, else the cell's contents. */
    LOAD_CLASSDEREF(1),
    /** Prologue: replaces local slot arg's value (possibly empty) by a new cell holding it. */
    MAKE_CELL(0),
    /** Prologue: copies the function's arg closure cells into the last arg localsplus slots. */
    COPY_FREE_VARS(0),

    /** [o] -> [o.name] with name = co_names[arg]. */
    LOAD_ATTR(0),
    /** [o] -> [meth, o] if o's type has a plain function attribute co_names[arg], else [NULL, o.name]. */
    LOAD_METHOD(1),
    /** [v, o] -> []: o.name = v. */
    STORE_ATTR(-2),
    /** [o] -> []: del o.name. */
    DELETE_ATTR(-1),
    /** [o, k] -> [o[k]]. */
    BINARY_SUBSCR(-1),
    /** [v, o, k] -> []: o[k] = v. */
    STORE_SUBSCR(-3),
    /** [o, k] -> []: del o[k]. */
    DELETE_SUBSCR(-2),
    /** arg 2: [a, b] -> [slice(a, b)]; arg 3: [a, b, c] -> [slice(a, b, c)]. */
    BUILD_SLICE(-1),

    /** [a, b] -> [a op b]; arg is a {@link BinaryOp} ordinal (in-place forms included). */
    BINARY_OP(-1),
    UNARY_POSITIVE(0),
    UNARY_NEGATIVE(0),
    /** [x] -> [not x] (a bool). */
    UNARY_NOT(0),
    UNARY_INVERT(0),
    /** [a, b] -> [a op b]; arg: 0 &lt;, 1 &lt;=, 2 ==, 3 !=, 4 &gt;, 5 &gt;=. */
    COMPARE_OP(-1),
    /** [a, b] -> [a is b] (arg 1: is not). */
    IS_OP(-1),
    /** [a, b] -> [a in b] (arg 1: not in). */
    CONTAINS_OP(-1),

    /** arg n: [x1..xn] -> [(x1..xn)]. */
    BUILD_TUPLE(1),
    BUILD_LIST(1),
    BUILD_SET(1),
    /** arg n: [k1, v1, .. kn, vn] -> [{k1: v1, ..}]. */
    BUILD_MAP(1),
    /** arg n: [v1..vn, keys-tuple] -> [dict]. */
    BUILD_CONST_KEY_MAP(0),
    /** arg n: [s1..sn] -> [s1 + .. + sn] (strs). */
    BUILD_STRING(1),
    /** [.., L, .., v] -> [.., L, ..]: L.append(v); L is at depth arg after popping v. */
    LIST_APPEND(-1),
    SET_ADD(-1),
    /** [.., D, .., k, v] -> [.., D, ..]: D[k] = v; D at depth arg after popping. */
    MAP_ADD(-2),
    /** [.., L, .., it] -> L.extend(it). */
    LIST_EXTEND(-1),
    SET_UPDATE(-1),
    /** [.., D, .., m] -> D.update(m). */
    DICT_UPDATE(-1),
    /** As DICT_UPDATE, but a repeated key is a TypeError (** in calls). */
    DICT_MERGE(-1),
    /** [list] -> [tuple(list)]. */
    LIST_TO_TUPLE(0),
    /** arg n: [seq] -> [x_n .. x_1] (x_1 on top); ValueError on a length mismatch. */
    UNPACK_SEQUENCE(-1),
    /** arg = before | after &lt;&lt; 8: [seq] -> [after values.., list, before values..] with the first on top. */
    UNPACK_EX(-1),
    /** arg bits 0-1: conversion (0 none, 1 str, 2 repr, 3 ascii); bit 2: a format spec is on TOS. [v (, spec)] -> [str]. */
    FORMAT_VALUE(0),

    /** [o] -> [iter(o)]. */
    GET_ITER(0),
    /** [it] -> [it, next(it)]; when exhausted pops it and jumps to arg. */
    FOR_ITER(1),
    /** Jumps to arg. */
    JUMP(0),
    /** [x] -> []: jumps to arg if x is false. */
    POP_JUMP_IF_FALSE(-1),
    POP_JUMP_IF_TRUE(-1),
    POP_JUMP_IF_NONE(-1),
    POP_JUMP_IF_NOT_NONE(-1),
    /** [x] -> [x] and jumps to arg if x is false, else [] and continues. */
    JUMP_IF_FALSE_OR_POP(-1),
    JUMP_IF_TRUE_OR_POP(-1),

    /** arg: index in co_consts of a tuple of keyword names for the next CALL. */
    KW_NAMES(0),
    /**
     * arg n: [NULL or meth, callable or self, a1..an] -> [result]. If the first slot is NULL, calls
     * callable(a1..an); else calls meth(self, a1..an). With KW_NAMES, the last len(kwnames) args are
     * keyword arguments. The argument references move into the callee.
     */
    CALL(-1),
    /** [NULL, callable, args-tuple (, kwargs-dict if arg &amp; 1)] -> [result]. */
    CALL_FUNCTION_EX(-2),
    /**
     * [defaults-tuple if arg&amp;1, kwdefaults-dict if arg&amp;2, annotations if arg&amp;4, closure-tuple if arg&amp;8, code]
     * -> [function]. The function's qualname and name come from the code object.
     */
    MAKE_FUNCTION(0),
    /** [v] -> []: returns v to the caller. */
    RETURN_VALUE(-1),
    /** Generators: [v] -> [sent]: suspends, yielding v; resumes with the sent value (None for next()). */
    YIELD_VALUE(0),
    /** [o] -> [iter(o)] unless o is a generator. */
    GET_YIELD_FROM_ITER(0),
    /** [sub, v] -> [sub, next result] and continues at the next YIELD_VALUE; when sub finishes: [value], jump to arg. */
    SEND(-1),

    /** arg 0: re-raise the handled exception; 1: [exc] raise exc; 2: [exc, cause] raise exc from cause. */
    RAISE_VARARGS(-1),
    /**
     * [exc] -> re-raises exc (end of a finally or unmatched handlers). With arg n &gt; 0 the frame's lasti is
     * first restored from the int n items below exc (after popping exc): 1 in except/finally cleanups,
     * 2 at the end of a with statement's handler ([.., lasti, prev_exc, exc]).
     */
    RERAISE(-1),
    /** [exc] -> [previous handled exception (or None), exc]: exc becomes the handled exception. */
    PUSH_EXC_INFO(1),
    /** [prev] -> []: restores the handled exception to prev. */
    POP_EXCEPT(-1),
    /** [exc, type] -> [exc, isinstance(exc, type)]. */
    CHECK_EXC_MATCH(0),
    /** [mgr] -> [bound __exit__, mgr.__enter__()]. */
    BEFORE_WITH(1),
    /** [exit, lasti?, prev, exc] -> [.., exit(type, exc, tb)]: called in a with block's handler. */
    WITH_EXCEPT_START(1),

    /** Pushes the builtin __build_class__. */
    LOAD_BUILD_CLASS(1),
    /** [level, fromlist] -> [module]: imports co_names[arg]. */
    IMPORT_NAME(-1),
    /** [module] -> [module, module.name]: name = co_names[arg]; ImportError if missing. */
    IMPORT_FROM(1),
    /** [module] -> []: copies the module's public names into locals. */
    IMPORT_STAR(-1),
    /** Pushes AssertionError. */
    LOAD_ASSERTION_ERROR(1),
    /** Creates __annotations__ in locals if missing. */
    SETUP_ANNOTATIONS(0),
    /** Notebook cells and the REPL: [v] -> []: shows repr(v) on stdout unless v is None. */
    DISPLAY_RESULT(-1),
    /** compile(..., 'single'): [v] -> []: sys.displayhook(v) (repr on stdout and builtins._ unless v is None). */
    PRINT_EXPR(-1),

    // ---- match statements (PEP 634) ----
    /** [o] -> [o, len(o)]. */
    GET_LEN(1),
    /** [o] -> [o, bool]: whether type(o) has Py_TPFLAGS_MAPPING. */
    MATCH_MAPPING(1),
    /** [o] -> [o, bool]: whether type(o) has Py_TPFLAGS_SEQUENCE. */
    MATCH_SEQUENCE(1),
    /** [o, keys] -> [o, keys, values-tuple or None]: the values of all keys, or None if one is missing. */
    MATCH_KEYS(1),
    /**
     * arg n: [subject, cls, names] -> [attrs-tuple or None]: isinstance(subject, cls), then n positional
     * attributes (from __match_args__, or the subject itself for the self-matching builtins) and the named ones.
     */
    MATCH_CLASS(-2),

    // ---- except* (PEP 654) ----
    /** [exc, type] -> [rest, match]: splits exc by type; match is None (and rest exc) when nothing matched. */
    CHECK_EG_MATCH(0),
    /** [orig, list] -> [exc]: the group to re-raise from orig and the handlers' raised/unhandled parts, or None. */
    PREP_RERAISE_STAR(-1),

    // ---- coroutines (PEP 492, 525) ----
    /** [o] -> [awaitable iterator of o]; arg 1/2 name __aenter__/__aexit__ in the error. */
    GET_AWAITABLE(0),
    /** [o] -> [o.__aiter__()]. */
    GET_AITER(0),
    /** [aiter] -> [aiter, awaitable of aiter.__anext__()]. */
    GET_ANEXT(1),
    /** [aiter, exc] -> []: ends an async for on StopAsyncIteration, else re-raises exc. */
    END_ASYNC_FOR(-2),
    /** [mgr] -> [bound __aexit__, mgr.__aenter__()]. */
    BEFORE_ASYNC_WITH(1),
    /** [v] -> [wrapped v]: marks a value an async generator yields (so it is not taken for an await). */
    ASYNC_GEN_WRAP(0);

    private final int effect;

    Opcode(int effect) {
        this.effect = effect;
    }

    private static final Opcode[] VALUES = values();

    public static Opcode of(int ordinal) { return VALUES[ordinal]; }

    /** True if the argument is an absolute jump target. */
    public boolean isJump() {
        return switch (this) {
            case FOR_ITER, JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE,
                 JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, SEND -> true;
            default -> false;
        };
    }

    /** True if control never falls through to the next instruction. */
    public boolean isTerminal() {
        return this == JUMP || this == RETURN_VALUE || this == RAISE_VARARGS || this == RERAISE;
    }

    /**
     * The net stack effect of one execution with argument {@code arg}; {@code jump} selects the
     * branch taken for conditional jumps.
     */
    public int stackEffect(int arg, boolean jump) {
        return switch (this) {
            case LOAD_GLOBAL -> 1 + (arg & 1);
            case BUILD_SLICE -> arg == 3 ? -2 : -1;  // as 3.11's compile.c (the compiler emits 2 or 3)
            case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING -> 1 - arg;
            case BUILD_MAP -> 1 - 2 * arg;
            case BUILD_CONST_KEY_MAP -> -arg;
            case UNPACK_SEQUENCE -> arg - 1;
            case UNPACK_EX -> (arg & 0xff) + (arg >> 8);
            case FORMAT_VALUE -> (arg & 4) != 0 ? -1 : 0;
            case FOR_ITER -> jump ? -1 : 1;
            case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> jump ? 0 : -1;
            case CALL -> -arg - 1;
            case CALL_FUNCTION_EX -> -2 - (arg & 1);
            case MAKE_FUNCTION -> -Integer.bitCount(arg & 0xf);
            case RAISE_VARARGS -> -arg;
            case SEND -> jump ? -1 : 0;
            default -> effect;
        };
    }
}
