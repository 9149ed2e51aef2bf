package dev.refheap.lang.bytecode;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * Where each of refheap's instructions stands in CPython 3.11's bytecode for the same code: the
 * code-unit offsets a user sees (f_lasti, tb_lasti, co_positions(), co_lines(), dis), and the
 * bytes 3.11's {@code co_code} and {@code co_exceptiontable} hold.
 *
 * <p>refheap's compiler emits 3.11's instructions one for one but leaves out the units that do no
 * work in refheap (see src/test/resources/compiler/generate.py): the inline CACHE entries after
 * BINARY_SUBSCR, STORE_SUBSCR, UNPACK_SEQUENCE, STORE_ATTR, LOAD_ATTR, COMPARE_OP, LOAD_GLOBAL,
 * BINARY_OP, LOAD_METHOD, PRECALL and CALL; the PRECALL before every CALL; the RESUME at the start
 * of every code object and after every YIELD_VALUE; a generator's RETURN_GENERATOR + POP_TOP
 * prefix; and the EXTENDED_ARG units of arguments over 255. It also writes every jump as JUMP or
 * POP_JUMP_IF_X to an instruction index where 3.11 has forward and backward opcodes with relative
 * code-unit arguments. This class puts them back, as 3.11's assembler lays them out:
 * <ul>
 * <li>the prefix (RETURN_GENERATOR, POP_TOP if generator-like, then RESUME 0) follows the leading
 *     COPY_FREE_VARS/MAKE_CELL instructions;
 * <li>a CALL is preceded by PRECALL with the same argument and position; a YIELD_VALUE is followed
 *     by RESUME 1 (2 in a {@code yield from} loop, 3 in an {@code await} loop) at its position; a
 *     JUMP right after a YIELD_VALUE is JUMP_BACKWARD_NO_INTERRUPT;
 * <li>EXTENDED_ARG units and caches take their instruction's position; a jump's argument is
 *     measured from the end of its instruction (caches included) to its target's first unit (a
 *     CALL's PRECALL), and since that length depends on the EXTENDED_ARGs of the jumps in between,
 *     the layout is repeated until no argument needs more of them (as 3.11's assembler does).
 * </ul>
 * Positions of the prefix: RETURN_GENERATOR and POP_TOP (firstlineno, firstlineno, None, None);
 * RESUME (firstlineno, firstlineno, 0, 0), a module's (0, 1, 0, 0).
 *
 * <p>Immutable once built; built on first use per code object (CodeType keeps it).
 */
public final class CpythonLayout {
    /** Code units in 3.11's co_code. */
    public final int units;
    /** Per refheap instruction: the offset (in code units) of its opcode unit, what 3.11's lasti names. */
    private final int[] opOffset;
    /** Per refheap instruction, plus one for the end: where a jump to it, or a handler range from it, begins. */
    private final int[] groupOffset;
    /** Offset of RETURN_GENERATOR (where an unstarted generator's frame stands), or -1. */
    public final int returnGenerator;
    /** 3.11's co_code: opcode and argument byte per unit, caches zero. */
    private final byte[] code;
    /** Four ints per code unit: line, end line, column, end column (-1 for None). */
    private final int[] positions;
    /** Three ints per location entry of 3.11's co_linetable: start unit, end unit, line (-1 for None). */
    private final int[] lineEntries;
    private final byte[] exceptionTable;
    /** The co_linetable code.replace() gave, kept byte for byte (null: the table is written from the positions). */
    private final byte[] givenLineTable;
    /** Code units co_positions() reports: all of them, or as many as a given table covers. */
    public final int positionCount;

    private static final int CACHE = 0, POP_TOP = 1, RETURN_GENERATOR = 75, EXTENDED_ARG = 144, RESUME = 151,
            PRECALL = 166, JUMP_FORWARD = 110, JUMP_BACKWARD = 140, JUMP_BACKWARD_NO_INTERRUPT = 134;
    private static final int HAVE_ARGUMENT = 90;
    private static final int CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200, CO_ASYNC = 0x80 | 0x200;

    /** 3.11's opcode number of each refheap opcode (by ordinal); jumps are resolved per direction. */
    private static final int[] NUMBER = new int[Opcode.values().length];
    /** 3.11's inline cache entries of each refheap opcode (by ordinal). */
    private static final int[] CACHES = new int[Opcode.values().length];

    static {
        // 3.11's opcode.opmap for the instructions refheap keeps (DISPLAY_RESULT is PRINT_EXPR)
        String map = "NOP=9 POP_TOP=1 PUSH_NULL=2 COPY=120 SWAP=99 LOAD_CONST=100 LOAD_NAME=101 STORE_NAME=90 "
                + "DELETE_NAME=91 LOAD_GLOBAL=116 STORE_GLOBAL=97 DELETE_GLOBAL=98 LOAD_FAST=124 STORE_FAST=125 "
                + "DELETE_FAST=126 LOAD_DEREF=137 STORE_DEREF=138 DELETE_DEREF=139 LOAD_CLOSURE=136 LOAD_CLASSDEREF=148 "
                + "MAKE_CELL=135 COPY_FREE_VARS=149 LOAD_ATTR=106 LOAD_METHOD=160 STORE_ATTR=95 DELETE_ATTR=96 "
                + "BINARY_SUBSCR=25 STORE_SUBSCR=60 DELETE_SUBSCR=61 BUILD_SLICE=133 BINARY_OP=122 UNARY_POSITIVE=10 "
                + "UNARY_NEGATIVE=11 UNARY_NOT=12 UNARY_INVERT=15 COMPARE_OP=107 IS_OP=117 CONTAINS_OP=118 "
                + "BUILD_TUPLE=102 BUILD_LIST=103 BUILD_SET=104 BUILD_MAP=105 BUILD_CONST_KEY_MAP=156 BUILD_STRING=157 "
                + "LIST_APPEND=145 SET_ADD=146 MAP_ADD=147 LIST_EXTEND=162 SET_UPDATE=163 DICT_UPDATE=165 DICT_MERGE=164 "
                + "LIST_TO_TUPLE=82 UNPACK_SEQUENCE=92 UNPACK_EX=94 FORMAT_VALUE=155 GET_ITER=68 FOR_ITER=93 "
                + "JUMP_IF_FALSE_OR_POP=111 JUMP_IF_TRUE_OR_POP=112 KW_NAMES=172 CALL=171 CALL_FUNCTION_EX=142 "
                + "MAKE_FUNCTION=132 RETURN_VALUE=83 YIELD_VALUE=86 GET_YIELD_FROM_ITER=69 SEND=123 RAISE_VARARGS=130 "
                + "RERAISE=119 PUSH_EXC_INFO=35 POP_EXCEPT=89 CHECK_EXC_MATCH=36 BEFORE_WITH=53 WITH_EXCEPT_START=49 "
                + "LOAD_BUILD_CLASS=71 IMPORT_NAME=108 IMPORT_FROM=109 IMPORT_STAR=84 LOAD_ASSERTION_ERROR=74 "
                + "SETUP_ANNOTATIONS=85 DISPLAY_RESULT=70 GET_LEN=30 MATCH_MAPPING=31 MATCH_SEQUENCE=32 MATCH_KEYS=33 "
                + "MATCH_CLASS=152 CHECK_EG_MATCH=37 PREP_RERAISE_STAR=88 GET_AWAITABLE=131 GET_AITER=50 GET_ANEXT=51 "
                + "END_ASYNC_FOR=54 BEFORE_ASYNC_WITH=52 ASYNC_GEN_WRAP=87 "
                // forward forms; the backward ones are resolved in opcodeOf
                + "JUMP=110 POP_JUMP_IF_FALSE=114 POP_JUMP_IF_TRUE=115 POP_JUMP_IF_NOT_NONE=128 POP_JUMP_IF_NONE=129";
        Arrays.fill(NUMBER, -1);
        for (String kv : map.split(" ")) {
            int eq = kv.indexOf('=');
            NUMBER[Opcode.valueOf(kv.substring(0, eq)).ordinal()] = Integer.parseInt(kv.substring(eq + 1));
        }
        String caches = "BINARY_SUBSCR=4 STORE_SUBSCR=1 UNPACK_SEQUENCE=1 STORE_ATTR=4 LOAD_ATTR=4 COMPARE_OP=2 "
                + "LOAD_GLOBAL=5 BINARY_OP=1 LOAD_METHOD=10 CALL=4";
        for (String kv : caches.split(" ")) {
            int eq = kv.indexOf('=');
            CACHES[Opcode.valueOf(kv.substring(0, eq)).ordinal()] = Integer.parseInt(kv.substring(eq + 1));
        }
    }

    /** 3.11's opcode number refheap's instruction stands for, by number (backward jumps included), or null. */
    private static final Opcode[] BY_NUMBER = new Opcode[256];

    static {
        for (Opcode op : Opcode.values()) if (NUMBER[op.ordinal()] >= 0) BY_NUMBER[NUMBER[op.ordinal()]] = op;
        BY_NUMBER[JUMP_BACKWARD] = Opcode.JUMP;
        BY_NUMBER[JUMP_BACKWARD_NO_INTERRUPT] = Opcode.JUMP;
        BY_NUMBER[173] = Opcode.POP_JUMP_IF_NOT_NONE;  // POP_JUMP_BACKWARD_IF_NOT_NONE
        BY_NUMBER[174] = Opcode.POP_JUMP_IF_NONE;
        BY_NUMBER[175] = Opcode.POP_JUMP_IF_FALSE;
        BY_NUMBER[176] = Opcode.POP_JUMP_IF_TRUE;
    }

    /** 3.11's stack_effect of an invalid opcode or argument (compile.c's PY_INVALID_STACK_EFFECT, INT_MAX). */
    public static final int INVALID_STACK_EFFECT = Integer.MAX_VALUE;

    /** 3.11's HAVE_ARGUMENT: the opcodes from this number on take an argument. */
    public static final int HAVE_ARGUMENT_311 = HAVE_ARGUMENT;

    /**
     * 3.11's stack effect (PyCompile_OpcodeStackEffectWithJump) of opcode {@code number} with
     * argument {@code arg}: {@code jump} 1 for the branch taken, 0 for the one not taken, -1 for
     * the larger of the two. From refheap's {@link Opcode#stackEffect} for the instructions it has;
     * the 3.11 units refheap leaves out are CACHE, RETURN_GENERATOR, RESUME and EXTENDED_ARG (0) and
     * PRECALL (-arg, so 3.11's CALL is refheap's CALL less it); the negative numbers are 3.11's
     * compiler-only pseudo instructions (SETUP_FINALLY -1, SETUP_CLEANUP -2, SETUP_WITH -3 push the
     * handler's values when the jump is taken; POP_BLOCK -4; JUMP -5, JUMP_NO_INTERRUPT -6 and the
     * POP_JUMP_IF_X -7 to -10 are refheap's own absolute jumps). {@link #INVALID_STACK_EFFECT} for
     * a number 3.11 does not know (its specialised forms included).
     */
    public static int stackEffect311(int number, int arg, int jump) {
        if (jump < 0) {
            int taken = stackEffect311(number, arg, 1);
            return taken == INVALID_STACK_EFFECT ? taken : Math.max(taken, stackEffect311(number, arg, 0));
        }
        boolean j = jump > 0;
        switch (number) {
            case CACHE, RETURN_GENERATOR, RESUME, EXTENDED_ARG, -4: return 0;
            case PRECALL: return -arg;
            case 171: return Opcode.CALL.stackEffect(arg, j) + arg;  // CALL: refheap's CALL is 3.11's PRECALL + CALL
            case -1, -3: return j ? 1 : 0;
            case -2: return j ? 2 : 0;
            case -5, -6: return Opcode.JUMP.stackEffect(arg, j);
            case -7: return Opcode.POP_JUMP_IF_FALSE.stackEffect(arg, j);
            case -8: return Opcode.POP_JUMP_IF_TRUE.stackEffect(arg, j);
            case -9: return Opcode.POP_JUMP_IF_NONE.stackEffect(arg, j);
            case -10: return Opcode.POP_JUMP_IF_NOT_NONE.stackEffect(arg, j);
            default:
                Opcode op = number >= 0 && number < 256 ? BY_NUMBER[number] : null;
                return op == null ? INVALID_STACK_EFFECT : op.stackEffect(arg, j);
        }
    }

    /**
     * PyConfig.code_debug_ranges: false under {@code -X no_debug_ranges} or PYTHONNODEBUGRANGES, when
     * 3.11's assembler writes every location without columns (write_location_info_no_column): each
     * code unit's position is then (line, line, None, None), co_linetable has only "no column"
     * entries, and tracebacks show no markers. One process runs one interpreter configuration:
     * the runtime sets it when it is configured (Runtime.configureMain) and resets it when made.
     */
    private static volatile boolean debugRanges = true;

    /** Sets {@link #debugRanges} for the layouts made from now on. */
    public static void setDebugRanges(boolean on) { debugRanges = on; }

    /** Whether layouts are made with column positions (PyConfig.code_debug_ranges). */
    public static boolean debugRanges() { return debugRanges; }

    private static final int PRECALL_CACHES = 1;
    /** CALL's inline cache entries: a caller's lasti stands on the last of them while a Python callee it entered runs. */
    public static final int CALL_CACHES = 4;

    /** Lays out {@code unit} as 3.11 does. */
    public static CpythonLayout of(CodeUnit unit) {
        return new CpythonLayout(unit);
    }

    /**
     * The number of 3.11 code units {@code unit} lays out to (len(co_code) // 2): what a code
     * object's size counts, without making the layout (its positions, line and exception tables).
     */
    public static int unitCount(CodeUnit unit) {
        return new Sizing(unit).total;
    }

    /**
     * Where each instruction goes: the prologue, the EXTENDED_ARG units of each argument (for
     * jumps grown until stable), each group's and instruction's offset, the total.
     */
    private static final class Sizing {
        final int n, prologue, prefix, total;
        final boolean generator;
        final int[] ext, arg, op, group, at;

        Sizing(CodeUnit unit) {
            n = unit.instructionCount();
            generator = (unit.flags() & CO_GENERATOR_LIKE) != 0;
            int pro = 0;
            while (pro < n && (unit.opcode(pro) == Opcode.MAKE_CELL || unit.opcode(pro) == Opcode.COPY_FREE_VARS)) {
                pro++;
            }
            prologue = pro;
            prefix = generator ? 3 : 1;
            ext = new int[n];
            arg = new int[n];
            for (int i = 0; i < n; i++) {
                if (!unit.opcode(i).isJump()) {
                    arg[i] = takesArgument(unit.opcode(i)) ? unit.arg(i) : 0;
                    ext[i] = extended(arg[i]);
                }
            }
            op = new int[n];
            group = new int[n + 1];
            at = new int[n];
            int t;
            while (true) {
                int off = 0;
                for (int i = 0; i < n; i++) {
                    if (i == prologue) off += prefix;
                    group[i] = off;
                    if (unit.opcode(i) == Opcode.CALL) off += extended(unit.arg(i)) + 1 + PRECALL_CACHES;
                    at[i] = off + ext[i];
                    off = at[i] + 1 + CACHES[unit.code()[2 * i]];
                    if (unit.opcode(i) == Opcode.YIELD_VALUE) off++;
                }
                if (n == prologue) off += prefix;  // no instruction after the prologue: the prefix ends the code
                group[n] = off;
                t = off;
                boolean grew = false;
                for (int i = 0; i < n; i++) {
                    Opcode o = unit.opcode(i);
                    if (!o.isJump()) continue;
                    int end = at[i] + 1 + CACHES[unit.code()[2 * i]];
                    int target = group[unit.arg(i)];
                    boolean back = unit.arg(i) <= i;
                    arg[i] = back ? end - target : target - end;
                    op[i] = jumpNumber(unit, i, back);
                    int e = extended(arg[i]);
                    if (e > ext[i]) {
                        ext[i] = e;
                        grew = true;
                    }
                }
                if (!grew) break;
            }
            total = t;
        }
    }

    private CpythonLayout(CodeUnit unit) {
        Sizing z = new Sizing(unit);
        int n = z.n, prologue = z.prologue, prefix = z.prefix, total = z.total;
        int flags = unit.flags();
        boolean generator = z.generator;
        int[] arg = z.arg, op = z.op, group = z.group, at = z.at;
        for (int i = 0; i < n; i++) if (!unit.opcode(i).isJump()) op[i] = NUMBER[unit.code()[2 * i]];

        this.units = total;
        this.opOffset = at;
        this.groupOffset = group;
        this.returnGenerator = generator ? group[prologue] - prefix : -1;
        byte[] bytes = new byte[2 * total];
        int[] pos = new int[4 * total];
        Arrays.fill(pos, -1);
        int[] entries = new int[3 * (2 * total + 2)];
        int nentries = 0;
        int[] resumePos = unit.name().equals("<module>") ? new int[] {0, 1, 0, 0}
                : new int[] {unit.firstLineno(), unit.firstLineno(), 0, 0};
        int[] genPos = {unit.firstLineno(), unit.firstLineno(), -1, -1};
        for (int i = 0; i <= n; i++) {
            if (i == prologue) {
                int off = group[i] - prefix;
                if (generator) {
                    off = emit(bytes, pos, off, RETURN_GENERATOR, 0, 0, genPos);
                    nentries = entry(entries, nentries, off - 1, off, genPos[0]);
                    off = emit(bytes, pos, off, POP_TOP, 0, 0, genPos);
                    nentries = entry(entries, nentries, off - 1, off, genPos[0]);
                }
                int start = off;
                emit(bytes, pos, off, RESUME, 0, 0, resumePos);
                nentries = entry(entries, nentries, start, start + 1, resumePos[0]);
            }
            if (i == n) break;
            var p = unit.position(i);
            int[] ip = {p.line(), p.endLine(), p.col(), p.endCol()};
            int off = group[i];
            if (unit.opcode(i) == Opcode.CALL) {
                int start = off;
                off = emit(bytes, pos, off, PRECALL, unit.arg(i), PRECALL_CACHES, ip);
                nentries = entry(entries, nentries, start, off, ip[0]);
            }
            int start = off;
            off = emit(bytes, pos, off, op[i], arg[i], CACHES[unit.code()[2 * i]], ip);
            nentries = entry(entries, nentries, start, off, ip[0]);
            if (unit.opcode(i) == Opcode.YIELD_VALUE) {
                int kind = i > 0 && unit.opcode(i - 1) == Opcode.SEND ? ((flags & CO_ASYNC) != 0 ? 3 : 2) : 1;
                start = off;
                off = emit(bytes, pos, off, RESUME, kind, 0, ip);
                nentries = entry(entries, nentries, start, off, ip[0]);
            }
        }
        this.code = bytes;
        if (!debugRanges) {
            for (int u = 0; 4 * u < pos.length; u++) {
                if (pos[4 * u] < 0) continue;
                pos[4 * u + 1] = pos[4 * u];
                pos[4 * u + 2] = -1;
                pos[4 * u + 3] = -1;
            }
        }
        this.positions = pos;
        this.lineEntries = Arrays.copyOf(entries, 3 * nentries);
        this.exceptionTable = encodeExceptionTable(unit, group);
        this.givenLineTable = null;
        this.positionCount = units;
    }

    private CpythonLayout(CpythonLayout base, int[] positions, int[] lineEntries, byte[] givenLineTable, int positionCount) {
        this.units = base.units;
        this.opOffset = base.opOffset;
        this.groupOffset = base.groupOffset;
        this.returnGenerator = base.returnGenerator;
        this.code = base.code;
        this.exceptionTable = base.exceptionTable;
        this.positions = positions;
        this.lineEntries = lineEntries;
        this.givenLineTable = givenLineTable;
        this.positionCount = positionCount;
    }

    /**
     * This layout with the positions and line entries of {@code table}, a co_linetable in 3.11's
     * location format (Objects/locations.md) whose lines count from {@code firstLineno}, as
     * code.replace(co_linetable=...) sets one: entries of 1 to 8 code units, each with no location
     * (15), a line without columns (13), the long form (14), the one-line forms (10-12: the line 0-2
     * further, start and end column bytes) or the short form (0-9: same line, the column's high bits
     * in the code). Units past the table's end have no position; co_positions() and co_lines() follow the
     * table, as 3.11's (stopping at its end, or going on past the code's); a table cut short or not starting an entry with its high bit ends the decoding there.
     * co_linetable then returns {@code table} itself.
     */
    public CpythonLayout withLineTable(byte[] table, int firstLineno) {
        int[] pos = new int[4 * Math.max(units, 1)];
        Arrays.fill(pos, -1);
        int[] entries = new int[48];
        int n = 0, line = firstLineno, unit = 0;
        int[] at = {0};
        try {
            while (at[0] < table.length) {
                int b = table[at[0]++] & 0xff;
                if ((b & 0x80) == 0) break;
                int kind = (b >> 3) & 15, length = (b & 7) + 1;
                int l = -1, endLine = -1, col = -1, endCol = -1;
                switch (kind) {
                    case 15 -> { }
                    case 14 -> {
                        line += readSignedVarint(table, at);
                        l = line;
                        endLine = line + readVarint(table, at);
                        col = readVarint(table, at) - 1;
                        endCol = readVarint(table, at) - 1;
                    }
                    case 13 -> {
                        line += readSignedVarint(table, at);
                        l = endLine = line;
                    }
                    case 10, 11, 12 -> {
                        line += kind - 10;
                        l = endLine = line;
                        col = table[at[0]++] & 0xff;
                        endCol = table[at[0]++] & 0xff;
                    }
                    default -> {
                        int second = table[at[0]++] & 0xff;
                        l = endLine = line;
                        col = kind * 8 + ((second >> 4) & 7);
                        endCol = col + (second & 15);
                    }
                }
                if (4 * (unit + length) > pos.length) {
                    int old = pos.length;
                    pos = Arrays.copyOf(pos, Math.max(2 * old, 4 * (unit + length)));
                    Arrays.fill(pos, old, pos.length, -1);
                }
                for (int u = unit; u < unit + length; u++) {
                    pos[4 * u] = l;
                    pos[4 * u + 1] = endLine;
                    pos[4 * u + 2] = col;
                    pos[4 * u + 3] = endCol;
                }
                if (3 * n + 3 > entries.length) entries = Arrays.copyOf(entries, 2 * entries.length);
                entries[3 * n] = unit;
                entries[3 * n + 1] = unit + length;
                entries[3 * n + 2] = l;
                n++;
                unit += length;
            }
        } catch (ArrayIndexOutOfBoundsException cut) {
            // a table cut short inside an entry: the entries before it stand
        }
        return new CpythonLayout(this, Arrays.copyOf(pos, 4 * Math.max(units, unit)), Arrays.copyOf(entries, 3 * n), table.clone(), unit);
    }

    /** Whether co_linetable is one code.replace() gave (kept as given, its lines counted from co_firstlineno). */
    public boolean hasGivenLineTable() {
        return givenLineTable != null;
    }

    private static int readVarint(byte[] t, int[] at) {
        int b = t[at[0]++] & 0xff, v = b & 63, shift = 0;
        while ((b & 64) != 0) {
            b = t[at[0]++] & 0xff;
            shift += 6;
            v |= (b & 63) << shift;
        }
        return v;
    }

    private static int readSignedVarint(byte[] t, int[] at) {
        int u = readVarint(t, at);
        return (u & 1) != 0 ? -(u >>> 1) : u >>> 1;
    }

    /** The 3.11 opcode of jump {@code i}, forward or backward. */
    private static int jumpNumber(CodeUnit unit, int i, boolean back) {
        Opcode o = unit.opcode(i);
        if (!back) return NUMBER[o.ordinal()];
        return switch (o) {
            case JUMP -> i > 0 && unit.opcode(i - 1) == Opcode.YIELD_VALUE ? JUMP_BACKWARD_NO_INTERRUPT : JUMP_BACKWARD;
            case POP_JUMP_IF_FALSE -> 175;
            case POP_JUMP_IF_TRUE -> 176;
            case POP_JUMP_IF_NONE -> 174;
            case POP_JUMP_IF_NOT_NONE -> 173;
            default -> throw new IllegalStateException(o + " jumps backward");
        };
    }

    /** Writes an instruction (its EXTENDED_ARGs, opcode, caches) at unit {@code off}, each unit at {@code p}; returns the end. */
    private static int emit(byte[] bytes, int[] pos, int off, int opcode, int arg, int caches, int[] p) {
        for (int shift = 8 * extended(arg); shift > 0; shift -= 8) {
            off = unit(bytes, pos, off, EXTENDED_ARG, (arg >>> shift) & 0xff, p);
        }
        off = unit(bytes, pos, off, opcode, arg & 0xff, p);
        for (int c = 0; c < caches; c++) off = unit(bytes, pos, off, CACHE, 0, p);
        return off;
    }

    private static int unit(byte[] bytes, int[] pos, int off, int opcode, int arg, int[] p) {
        bytes[2 * off] = (byte) opcode;
        bytes[2 * off + 1] = (byte) arg;
        System.arraycopy(p, 0, pos, 4 * off, 4);
        return off + 1;
    }

    /** One instruction's location entries: 3.11's assembler writes at most 8 units per entry. */
    private static int entry(int[] entries, int count, int start, int end, int line) {
        for (int s = start; s < end; s += 8) {
            entries[3 * count] = s;
            entries[3 * count + 1] = Math.min(end, s + 8);
            entries[3 * count + 2] = line;
            count++;
        }
        return count;
    }

    private static int extended(int arg) {
        return arg > 0xffffff ? 3 : arg > 0xffff ? 2 : arg > 0xff ? 1 : 0;
    }

    /** True where 3.11's opcode takes an argument (at or above HAVE_ARGUMENT). */
    private static boolean takesArgument(Opcode o) {
        return NUMBER[o.ordinal()] >= HAVE_ARGUMENT;
    }

    /**
     * co_exceptiontable: per handler range, start, length, target and (depth << 1 | lasti) in code
     * units, each a big-endian run of 6-bit groups (0x40: more follow; 0x80 marks an entry's start).
     */
    private static byte[] encodeExceptionTable(CodeUnit unit, int[] group) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (CodeUnit.ExceptionEntry e : unit.exceptionTable()) {
            int start = group[e.start()], end = group[e.end()];
            if (end <= start) continue;
            varint(out, start, 0x80);
            varint(out, end - start, 0);
            varint(out, group[e.target()], 0);
            varint(out, e.depth() << 1 | (e.lasti() ? 1 : 0), 0);
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, int value, int msb) {
        for (int shift = 24; shift > 0; shift -= 6) {
            if (value >= 1 << shift) {
                out.write(((value >> shift) & 0x3f) | 0x40 | msb);
                msb = 0;
            }
        }
        out.write((value & 0x3f) | msb);
    }

    /** 3.11's offset in bytes of refheap instruction {@code i}'s opcode unit (f_lasti, tb_lasti). */
    public int lastiBytes(int i) {
        return 2 * opOffset[Math.max(0, Math.min(i, opOffset.length - 1))];
    }

    /**
     * 3.11's offset in bytes of the PRECALL before CALL instruction {@code i} (f_lasti and tb_lasti
     * while a specialized PRECALL makes the call): the CALL's group starts with the PRECALL's
     * EXTENDED_ARGs, as many as the CALL's, then PRECALL and its cache.
     */
    public int precallBytes(int i) {
        int group = groupOffset[i], call = opOffset[i];
        int ext = (call - group - 1 - PRECALL_CACHES) / 2;
        return 2 * (group + ext);
    }

    /** The unit offset a jump to (or a handler range from) refheap instruction {@code i} names; {@code i} may be the count. */
    public int groupOffset(int i) {
        return groupOffset[i];
    }

    /** 3.11's co_code (a copy). */
    public byte[] code() {
        return code.clone();
    }

    /** 3.11's co_exceptiontable (a copy). */
    public byte[] exceptionTable() {
        return exceptionTable.clone();
    }

    /** co_positions() entry of code unit {@code u}: line, end line, column, end column, -1 for None. */
    public CodeUnit.Position position(int u) {
        return new CodeUnit.Position(positions[4 * u], positions[4 * u + 1], positions[4 * u + 2], positions[4 * u + 3]);
    }

    /**
     * 3.11's co_linetable: each location entry (at most 8 units, one instruction's) as the
     * assembler writes it (write_location_info_entry): no location (code 15), no column (13),
     * the short form (codes 0-9: same line, column below 80, width below 16), the one-line form
     * (10-12: line 0-2 further, columns below 128), else the long form (14); lines are relative
     * to the previous entry's, starting from co_firstlineno.
     */
    public byte[] lineTable(int firstLineno) {
        if (givenLineTable != null) return givenLineTable.clone();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int prevLine = firstLineno;
        for (int k = 0; k < lineEntries.length / 3; k++) {
            int start = lineEntries[3 * k], size = lineEntries[3 * k + 1] - start;
            int line = positions[4 * start], endLine = positions[4 * start + 1], col = positions[4 * start + 2], endCol = positions[4 * start + 3];
            if (line < 0) {
                out.write(0x80 | (15 << 3) | (size - 1));
                continue;
            }
            int lineDelta = line - prevLine;
            if (endLine == line || endLine < 0) {
                if (col < 0 || endCol < 0) {
                    out.write(0x80 | (13 << 3) | (size - 1));
                    signedVarint(out, lineDelta);
                    prevLine = line;
                    continue;
                }
                if (lineDelta == 0 && col < 80 && endCol - col < 16 && endCol >= col) {
                    out.write(0x80 | ((col / 8) << 3) | (size - 1));
                    out.write(((col % 8) << 4) | (endCol - col));
                    continue;
                }
                if (lineDelta >= 0 && lineDelta < 3 && col < 128 && endCol < 128) {
                    out.write(0x80 | ((10 + lineDelta) << 3) | (size - 1));
                    out.write(col);
                    out.write(endCol);
                    prevLine = line;
                    continue;
                }
            }
            out.write(0x80 | (14 << 3) | (size - 1));
            signedVarint(out, lineDelta);
            varint(out, (endLine < 0 ? line : endLine) - line);
            varint(out, col + 1);
            varint(out, endCol + 1);
            prevLine = line;
        }
        return out.toByteArray();
    }

    /**
     * 3.11's co_lnotab, derived from the location entries as decode_linetable does: a (byte delta,
     * line delta) pair wherever the line computed so far changes (an entry without a location
     * keeps it), deltas past 255 / 127 / -128 split over several pairs.
     */
    public byte[] lnotab(int firstLineno) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int line = firstLineno, computed = firstLineno, codeOffset = 0;
        for (int k = 0; k < lineEntries.length / 3; k++) {
            if (lineEntries[3 * k + 2] >= 0) computed = lineEntries[3 * k + 2];
            if (computed == line) continue;
            int start = 2 * lineEntries[3 * k];
            int bdelta = start - codeOffset, ldelta = computed - line;
            for (; bdelta > 255; bdelta -= 255) { out.write(255); out.write(0); }
            for (; ldelta > 127; ldelta -= 127, bdelta = 0) { out.write(bdelta); out.write(127); }
            for (; ldelta < -128; ldelta += 128, bdelta = 0) { out.write(bdelta); out.write(-128 & 0xff); }
            out.write(bdelta);
            out.write(ldelta & 0xff);
            codeOffset = start;
            line = computed;
        }
        return out.toByteArray();
    }

    private static void varint(java.io.ByteArrayOutputStream out, int v) {
        while (v >= 64) {
            out.write(0x40 | (v & 63));
            v >>>= 6;
        }
        out.write(v);
    }

    private static void signedVarint(java.io.ByteArrayOutputStream out, int v) {
        varint(out, v < 0 ? ((-v) << 1) | 1 : v << 1);
    }

    /** Number of co_lines() entries. */
    public int lineEntryCount() {
        return lineEntries.length / 3;
    }

    /** co_lines() entry {@code k}: start byte, end byte, line (-1 for None). */
    public int[] lineEntry(int k) {
        return new int[] {2 * lineEntries[3 * k], 2 * lineEntries[3 * k + 1], lineEntries[3 * k + 2]};
    }
}
