package dev.refheap.lang.modules.sre;

import dev.refheap.lang.vm.VmApi;

/**
 * CPython 3.11's regular-expression engine (SRE_STATE with its match, search and count): a
 * backtracking interpreter over the code list {@code re._compiler} emits (opcodes of
 * {@code re._constants}, MAGIC 20220615). Written from the documented behaviour of the opcodes;
 * the order in which it saves and restores group marks is CPython's, so the groups a match
 * reports after backtracking (including the stale captures CPython keeps) are CPython's.
 *
 * <p>No Java recursion: each nested attempt (a branch, a repeat's item or tail, an assertion) is a
 * {@link Ctx} on a linked stack, and the marks saved for backtracking go on an int stack, so a
 * long subject never overflows the Java stack. Every 4096 nested attempts the engine checks for
 * Ctrl-C (KeyboardInterrupt), as CPython checks signals: backtracking is made of such attempts.
 *
 * <p>State: the subject as code points (bytes as 0..255) with one NUL past the end (the C
 * engine may read the terminator), {@code start}/{@code end} the slice searched (end is
 * endpos; the beginning for ^ and lookbehind is always index 0), {@code mark} the group marks
 * (-1 for NULL) valid up to {@code lastmark}, {@code lastindex} the last group closed.
 */
final class Engine {
    // OPCODES
    static final int FAILURE = 0, SUCCESS = 1, ANY = 2, ANY_ALL = 3, ASSERT = 4, ASSERT_NOT = 5, AT = 6, BRANCH = 7,
            CATEGORY = 8, CHARSET = 9, BIGCHARSET = 10, GROUPREF = 11, GROUPREF_EXISTS = 12, IN = 13, INFO = 14,
            JUMP = 15, LITERAL = 16, MARK = 17, MAX_UNTIL = 18, MIN_UNTIL = 19, NOT_LITERAL = 20, NEGATE = 21,
            RANGE = 22, REPEAT = 23, REPEAT_ONE = 24, SUBPATTERN = 25, MIN_REPEAT_ONE = 26, ATOMIC_GROUP = 27,
            POSSESSIVE_REPEAT = 28, POSSESSIVE_REPEAT_ONE = 29, GROUPREF_IGNORE = 30, IN_IGNORE = 31,
            LITERAL_IGNORE = 32, NOT_LITERAL_IGNORE = 33, GROUPREF_LOC_IGNORE = 34, IN_LOC_IGNORE = 35,
            LITERAL_LOC_IGNORE = 36, NOT_LITERAL_LOC_IGNORE = 37, GROUPREF_UNI_IGNORE = 38, IN_UNI_IGNORE = 39,
            LITERAL_UNI_IGNORE = 40, NOT_LITERAL_UNI_IGNORE = 41, RANGE_UNI_IGNORE = 42;
    // ATCODES
    static final int AT_BEGINNING = 0, AT_BEGINNING_LINE = 1, AT_BEGINNING_STRING = 2, AT_BOUNDARY = 3,
            AT_NON_BOUNDARY = 4, AT_END = 5, AT_END_LINE = 6, AT_END_STRING = 7, AT_LOC_BOUNDARY = 8,
            AT_LOC_NON_BOUNDARY = 9, AT_UNI_BOUNDARY = 10, AT_UNI_NON_BOUNDARY = 11;
    static final int MAXREPEAT = -1;  // 0xFFFFFFFF as an int

    // The engine's own steps after the opcodes: entering a context, fetching the next opcode,
    // leaving a context, and the points where a context resumes after a nested attempt.
    private static final int ENTER = 64, EXIT = 66, FAIL = 67, SUCCEED = 68, BRANCH_TRY = 69,
            REPEAT_ONE_LIT = 70, REPEAT_ONE_GEN = 71, MIN_REPEAT_ONE_TRY = 72, POSS_MIN = 73, POSS_MORE = 74,
            MAX_UNTIL_TAIL = 75;
    private static final int RESUME = 80;
    private static final int J_NONE = 0, J_MAX_UNTIL_1 = 1, J_MAX_UNTIL_2 = 2, J_MAX_UNTIL_3 = 3, J_MIN_UNTIL_1 = 4,
            J_MIN_UNTIL_2 = 5, J_MIN_UNTIL_3 = 6, J_REPEAT = 7, J_REPEAT_ONE_1 = 8, J_REPEAT_ONE_2 = 9,
            J_MIN_REPEAT_ONE = 10, J_BRANCH = 11, J_ASSERT = 12, J_ASSERT_NOT = 13, J_POSS_REPEAT_1 = 14,
            J_POSS_REPEAT_2 = 15, J_ATOMIC_GROUP = 16;
    /** Nested contexts allowed before MemoryError (each is a few dozen bytes of Java heap). */
    private static final int MAX_DEPTH = 4_000_000;

    /** SRE_REPEAT: the innermost REPEAT being matched. */
    private static final class Repeat {
        long count;
        int pc;        // the REPEAT opcode's operands (skip, min, max, ...)
        int lastPtr;   // zero-width protection: where the last iteration started, -1 for none
        Repeat prev;
    }

    /** A match context: one attempt of a piece of code at a position, and where it resumes its caller. */
    private static final class Ctx {
        int pc, ptr, jump, lastmark, lastindex, chr;
        long count;
        boolean toplevel;
        Repeat rep;
        Ctx parent;
        int depth;
    }

    private final VmApi vm;
    final int[] code;
    final int[] s;
    final boolean isBytes;
    final int length, pos, endpos;
    int start, end, ptr;
    int[] mark = new int[16];
    int lastmark = -1, lastindex = -1;
    boolean matchAll, mustAdvance;
    private Repeat repeat;
    private int[] data = new int[64];
    private int dataTop;
    private int sigcount;

    Engine(VmApi vm, int[] code, int[] subject, int length, boolean isBytes, long pos, long endpos) {
        this.vm = vm;
        this.code = code;
        this.s = subject;
        this.length = length;
        this.isBytes = isBytes;
        this.pos = (int) Math.max(0, Math.min(pos, length));
        this.endpos = (int) Math.max(0, Math.min(endpos, length));
        this.start = this.pos;
        this.end = this.endpos;
    }

    /** state_reset: no marks, no repeat, before each search of a loop. */
    void reset() {
        lastmark = -1;
        lastindex = -1;
        repeat = null;
        dataTop = 0;
    }

    /** The mark {@code i} as an offset, -1 when unset (or past lastmark). */
    int markAt(int i) { return i <= lastmark && i < mark.length ? mark[i] : -1; }

    // ---- the data stack --------------------------------------------------------------------

    private void push(int v) {
        if (dataTop == data.length) grow(1);
        data[dataTop++] = v;
    }

    private void grow(int n) {
        if ((long) data.length * 2 > Integer.MAX_VALUE - 8) throw vm.error("MemoryError", null);
        int[] d = new int[Math.max(data.length * 2, dataTop + n)];
        System.arraycopy(data, 0, d, 0, dataTop);
        data = d;
    }

    private void markPush(int lm) {
        if (lm < 0) return;
        int n = lm + 1;
        if (dataTop + n > data.length) grow(n);
        System.arraycopy(mark, 0, data, dataTop, n);
        dataTop += n;
    }

    private void markPop(int lm) {
        if (lm < 0) return;
        int n = lm + 1;
        System.arraycopy(data, dataTop - n, mark, 0, n);
        dataTop -= n;
    }

    private void markPopKeep(int lm) {
        if (lm < 0) return;
        int n = lm + 1;
        System.arraycopy(data, dataTop - n, mark, 0, n);
    }

    private void markPopDiscard(int lm) {
        if (lm >= 0) dataTop -= lm + 1;
    }

    private void setMark(int i, int p) {
        if (i >= mark.length) mark = java.util.Arrays.copyOf(mark, Math.max(mark.length * 2, i + 1));
        mark[i] = p;
    }

    // ---- single characters -----------------------------------------------------------------

    /** SRE(charset): is {@code ch} in the set that starts at {@code set}. */
    boolean charset(int set, int ch) {
        boolean ok = true;
        for (;;) {
            switch (code[set++]) {
                case FAILURE:
                    return !ok;
                case LITERAL:
                    if (ch == code[set]) return ok;
                    set++;
                    break;
                case CATEGORY:
                    if (Chars.category(code[set], ch)) return ok;
                    set++;
                    break;
                case CHARSET:
                    if (ch >= 0 && ch < 256 && (code[set + (ch >>> 5)] & (1 << (ch & 31))) != 0) return ok;
                    set += 8;
                    break;
                case RANGE:
                    if (Integer.compareUnsigned(code[set], ch) <= 0 && Integer.compareUnsigned(ch, code[set + 1]) <= 0) return ok;
                    set += 2;
                    break;
                case RANGE_UNI_IGNORE: {
                    if (Integer.compareUnsigned(code[set], ch) <= 0 && Integer.compareUnsigned(ch, code[set + 1]) <= 0) return ok;
                    int uch = Chars.upperUnicode(ch);
                    if (Integer.compareUnsigned(code[set], uch) <= 0 && Integer.compareUnsigned(uch, code[set + 1]) <= 0) return ok;
                    set += 2;
                    break;
                }
                case NEGATE:
                    ok = !ok;
                    break;
                case BIGCHARSET: {
                    int count = code[set++];
                    int block = -1;
                    if (ch >= 0 && ch < 0x10000) {
                        int k = ch >>> 8;  // the k-th byte of the 256 block indices, little-endian in the words
                        block = (code[set + (k >>> 2)] >>> ((k & 3) * 8)) & 0xFF;
                    }
                    set += 64;
                    if (block >= 0) {
                        int bit = block * 256 + (ch & 255);
                        if ((code[set + (bit >>> 5)] & (1 << (ch & 31))) != 0) return ok;
                    }
                    set += count * 8;
                    break;
                }
                default:
                    throw invalid();
            }
        }
    }

    private boolean charsetLocIgnore(int set, int ch) {
        int lo = Chars.lowerLocale(ch);
        if (charset(set, lo)) return true;
        int up = Chars.upperLocale(ch);
        return up != lo && charset(set, up);
    }

    /** SRE(at): does the position {@code p} satisfy the AT code. */
    private boolean at(int p, int atCode) {
        switch (atCode) {
            case AT_BEGINNING, AT_BEGINNING_STRING:
                return p == 0;
            case AT_BEGINNING_LINE:
                return p == 0 || Chars.isLinebreak(s[p - 1]);
            case AT_END:
                return end - p == 1 && Chars.isLinebreak(s[p]) || p == end;
            case AT_END_LINE:
                return p == end || Chars.isLinebreak(s[p]);
            case AT_END_STRING:
                return p == end;
            case AT_BOUNDARY, AT_NON_BOUNDARY, AT_LOC_BOUNDARY, AT_LOC_NON_BOUNDARY, AT_UNI_BOUNDARY, AT_UNI_NON_BOUNDARY: {
                if (end == 0) return false;
                int cat = atCode <= AT_NON_BOUNDARY ? Chars.WORD : atCode <= AT_LOC_NON_BOUNDARY ? Chars.LOC_WORD : Chars.UNI_WORD;
                boolean that = p > 0 && Chars.category(cat, s[p - 1]);
                boolean thisp = p < end && Chars.category(cat, s[p]);
                boolean boundary = atCode == AT_BOUNDARY || atCode == AT_LOC_BOUNDARY || atCode == AT_UNI_BOUNDARY;
                return boundary ? thisp != that : thisp == that;
            }
            default:
                return false;
        }
    }

    /**
     * Does the one-character item at {@code pc} (a LITERAL/NOT_LITERAL/IN/ANY/CATEGORY kind)
     * match the character {@code ch}; null when the item is not one of them.
     */
    private Boolean unit(int pc, int ch) {
        int arg = code[pc + 1];
        return switch (code[pc]) {
            case LITERAL -> ch == arg;
            case NOT_LITERAL -> ch != arg;
            case ANY -> !Chars.isLinebreak(ch);
            case ANY_ALL -> true;
            case IN -> charset(pc + 2, ch);
            case IN_IGNORE -> charset(pc + 2, Chars.lowerAscii(ch));
            case IN_UNI_IGNORE -> charset(pc + 2, Chars.lowerUnicode(ch));
            case IN_LOC_IGNORE -> charsetLocIgnore(pc + 2, ch);
            case LITERAL_IGNORE -> Chars.lowerAscii(ch) == arg;
            case LITERAL_UNI_IGNORE -> Chars.lowerUnicode(ch) == arg;
            case LITERAL_LOC_IGNORE -> Chars.locIgnore(arg, ch);
            case NOT_LITERAL_IGNORE -> Chars.lowerAscii(ch) != arg;
            case NOT_LITERAL_UNI_IGNORE -> Chars.lowerUnicode(ch) != arg;
            case NOT_LITERAL_LOC_IGNORE -> !Chars.locIgnore(arg, ch);
            case CATEGORY -> Chars.category(arg, ch);
            default -> null;
        };
    }

    /** SRE(count): how many times (up to maxcount) the one-character item at {@code pc} repeats from ptr. */
    private long count(int pc, long maxcount) {
        int p = ptr;
        int e = end;
        if (maxcount != (MAXREPEAT & 0xFFFFFFFFL) && maxcount < e - p) e = p + (int) maxcount;
        if (code[pc] == ANY_ALL) return Math.max(0, e - p);
        while (p < e) {
            Boolean ok = unit(pc, s[p]);
            if (ok == null) return countBySubmatch(pc, e);
            if (!ok) break;
            p++;
        }
        return p - ptr;
    }

    /** The general case of count: the item is matched as code (only for code the compiler never emits there). */
    private long countBySubmatch(int pc, int e) {
        int from = ptr;
        while (ptr < e) {
            int before = ptr;
            if (!match(pc, false) || ptr == before) break;
        }
        long n = ptr - from;
        ptr = from;
        return n;
    }

    private RuntimeException invalid() { return vm.error("RuntimeError", "internal error in regular expression engine"); }

    private static long u(int v) { return v & 0xFFFFFFFFL; }

    // ---- match ---------------------------------------------------------------------------------

    /**
     * SRE(match): does the code at {@code pc0} match at {@code ptr}; on success {@code ptr} is the
     * end of the match and the marks are set.
     */
    boolean match(int pc0, boolean toplevel0) {
        try {
            return run(pc0, toplevel0);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw invalid();
        }
    }

    private Ctx child(Ctx parent, int jump, boolean toplevel) {
        Ctx c = new Ctx();
        c.parent = parent;
        c.jump = jump;
        c.toplevel = toplevel;
        c.depth = parent == null ? 0 : parent.depth + 1;
        if (c.depth > MAX_DEPTH) throw vm.error("MemoryError", null);
        return c;
    }

    private boolean run(int pc0, boolean toplevel0) {
        final int[] code = this.code;
        final int[] s = this.s;
        final int end = this.end;
        Ctx ctx = child(null, J_NONE, toplevel0);
        int pc = pc0, p = 0;
        boolean ret = false;
        int a = ENTER;
        for (;;) {
            switch (a) {
                case ENTER -> {
                    if ((++sigcount & 0xfff) == 0) vm.checkInterrupt();
                    p = ptr;
                    if (code[pc] == INFO) {
                        if (code[pc + 3] != 0 && u(end - p) < u(code[pc + 3])) {
                            a = FAIL;
                            continue;
                        }
                        pc += code[pc + 1] + 1;
                    }
                    a = code[pc++];
                }
                case MARK -> {
                    int i = code[pc];
                    if ((i & 1) != 0) lastindex = i / 2 + 1;
                    if (i > lastmark) {
                        for (int j = lastmark + 1; j < i; j++) setMark(j, -1);
                        lastmark = i;
                    }
                    setMark(i, p);
                    pc++;
                    a = code[pc++];
                }
                case LITERAL -> {
                    if (p >= end || s[p] != code[pc]) a = FAIL;
                    else {
                        pc++;
                        p++;
                        a = code[pc++];
                    }
                }
                case NOT_LITERAL -> {
                    if (p >= end || s[p] == code[pc]) a = FAIL;
                    else {
                        pc++;
                        p++;
                        a = code[pc++];
                    }
                }
                case SUCCESS -> {
                    if (ctx.toplevel && (matchAll && p != end || mustAdvance && p == start)) a = FAIL;
                    else {
                        ptr = p;
                        a = SUCCEED;
                    }
                }
                case AT -> {
                    if (!at(p, code[pc])) a = FAIL;
                    else {
                        pc++;
                        a = code[pc++];
                    }
                }
                case CATEGORY, ANY, ANY_ALL, LITERAL_IGNORE, LITERAL_UNI_IGNORE, LITERAL_LOC_IGNORE, NOT_LITERAL_IGNORE,
                     NOT_LITERAL_UNI_IGNORE, NOT_LITERAL_LOC_IGNORE -> {
                    if (p >= end || !unit(pc - 1, s[p])) a = FAIL;
                    else {
                        if (a != ANY && a != ANY_ALL) pc++;
                        p++;
                        a = code[pc++];
                    }
                }
                case IN, IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE -> {
                    if (p >= end || !unit(pc - 1, s[p])) a = FAIL;
                    else {
                        pc += code[pc];
                        p++;
                        a = code[pc++];
                    }
                }
                case JUMP, INFO -> {
                    pc += code[pc];
                    a = code[pc++];
                }
                case BRANCH -> {
                    ctx.lastmark = lastmark;
                    ctx.lastindex = lastindex;
                    if (repeat != null) markPush(ctx.lastmark);
                    a = BRANCH_TRY;
                }
                case BRANCH_TRY -> {
                    a = -1;
                    for (; code[pc] != 0; pc += code[pc]) {
                        if (code[pc + 1] == LITERAL && (p >= end || s[p] != code[pc + 2])) continue;
                        if (code[pc + 1] == IN && (p >= end || !charset(pc + 3, s[p]))) continue;
                        ptr = p;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_BRANCH, ctx.toplevel);
                        pc = pc + 1;
                        a = ENTER;
                        break;
                    }
                    if (a == -1) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    }
                }
                case RESUME + J_BRANCH -> {
                    if (ret) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = SUCCEED;
                    } else {
                        if (repeat != null) markPopKeep(ctx.lastmark);
                        lastmark = ctx.lastmark;
                        lastindex = ctx.lastindex;
                        pc += code[pc];
                        a = BRANCH_TRY;
                    }
                }
                case REPEAT_ONE -> {
                    // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    if (u(code[pc + 1]) > end - p) {
                        a = FAIL;
                        continue;
                    }
                    ptr = p;
                    ctx.count = count(pc + 3, u(code[pc + 2]));
                    p += (int) ctx.count;
                    if (ctx.count < u(code[pc + 1])) {
                        a = FAIL;
                        continue;
                    }
                    if (code[pc + code[pc]] == SUCCESS && p == this.end && !(ctx.toplevel && mustAdvance && p == start)) {
                        ptr = p;
                        a = SUCCEED;
                        continue;
                    }
                    ctx.lastmark = lastmark;
                    ctx.lastindex = lastindex;
                    if (repeat != null) markPush(ctx.lastmark);
                    if (code[pc + code[pc]] == LITERAL) {
                        ctx.chr = code[pc + code[pc] + 1];
                        a = REPEAT_ONE_LIT;
                    } else {
                        a = REPEAT_ONE_GEN;
                    }
                }
                case REPEAT_ONE_LIT -> {
                    long min = u(code[pc + 1]);
                    while (ctx.count >= min && (p >= end || s[p] != ctx.chr)) {
                        p--;
                        ctx.count--;
                    }
                    if (ctx.count < min) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    } else {
                        ptr = p;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_REPEAT_ONE_1, ctx.toplevel);
                        pc = pc + code[pc];
                        a = ENTER;
                    }
                }
                case REPEAT_ONE_GEN -> {
                    if (ctx.count >= u(code[pc + 1])) {
                        ptr = p;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_REPEAT_ONE_2, ctx.toplevel);
                        pc = pc + code[pc];
                        a = ENTER;
                    } else {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    }
                }
                case RESUME + J_REPEAT_ONE_1, RESUME + J_REPEAT_ONE_2 -> {
                    if (ret) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = SUCCEED;
                    } else {
                        if (repeat != null) markPopKeep(ctx.lastmark);
                        lastmark = ctx.lastmark;
                        lastindex = ctx.lastindex;
                        p--;
                        ctx.count--;
                        a = a == RESUME + J_REPEAT_ONE_1 ? REPEAT_ONE_LIT : REPEAT_ONE_GEN;
                    }
                }
                case MIN_REPEAT_ONE -> {
                    // <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
                    if (u(code[pc + 1]) > end - p) {
                        a = FAIL;
                        continue;
                    }
                    ptr = p;
                    if (code[pc + 1] == 0) ctx.count = 0;
                    else {
                        long n = count(pc + 3, u(code[pc + 1]));
                        if (n < u(code[pc + 1])) {
                            a = FAIL;
                            continue;
                        }
                        ctx.count = n;
                        p += (int) n;
                    }
                    if (code[pc + code[pc]] == SUCCESS
                            && !(ctx.toplevel && (matchAll && p != this.end || mustAdvance && p == start))) {
                        ptr = p;
                        a = SUCCEED;
                        continue;
                    }
                    ctx.lastmark = lastmark;
                    ctx.lastindex = lastindex;
                    if (repeat != null) markPush(ctx.lastmark);
                    a = MIN_REPEAT_ONE_TRY;
                }
                case MIN_REPEAT_ONE_TRY -> {
                    if (code[pc + 2] == MAXREPEAT || ctx.count <= u(code[pc + 2])) {
                        ptr = p;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_MIN_REPEAT_ONE, ctx.toplevel);
                        pc = pc + code[pc];
                        a = ENTER;
                    } else {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    }
                }
                case RESUME + J_MIN_REPEAT_ONE -> {
                    if (ret) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = SUCCEED;
                        continue;
                    }
                    if (repeat != null) markPopKeep(ctx.lastmark);
                    lastmark = ctx.lastmark;
                    lastindex = ctx.lastindex;
                    ptr = p;
                    if (count(pc + 3, 1) == 0) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    } else {
                        p++;
                        ctx.count++;
                        a = MIN_REPEAT_ONE_TRY;
                    }
                }
                case POSSESSIVE_REPEAT_ONE -> {
                    if (u(code[pc + 1]) > end - p) {
                        a = FAIL;
                        continue;
                    }
                    ptr = p;
                    ctx.count = count(pc + 3, u(code[pc + 2]));
                    p += (int) ctx.count;
                    if (ctx.count < u(code[pc + 1])) {
                        a = FAIL;
                        continue;
                    }
                    pc += code[pc];
                    if (code[pc] == SUCCESS && p == this.end && !(ctx.toplevel && mustAdvance && p == start)) {
                        ptr = p;
                        a = SUCCEED;
                        continue;
                    }
                    a = code[pc++];
                }
                case REPEAT -> {
                    // <REPEAT> <skip> <min> <max> <repeat_index> item <UNTIL> tail
                    Repeat r = new Repeat();
                    r.count = -1;
                    r.pc = pc;
                    r.prev = repeat;
                    r.lastPtr = -1;
                    repeat = r;
                    ctx.rep = r;
                    ptr = p;
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_REPEAT, ctx.toplevel);
                    pc = pc + code[pc];
                    a = ENTER;
                }
                case RESUME + J_REPEAT -> {
                    repeat = ctx.rep.prev;
                    a = ret ? SUCCEED : FAIL;
                }
                case MAX_UNTIL -> {
                    Repeat r = repeat;
                    if (r == null) throw invalid();
                    ctx.rep = r;
                    ptr = p;
                    ctx.count = r.count + 1;
                    if (ctx.count < u(code[r.pc + 1])) {
                        r.count = ctx.count;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_MAX_UNTIL_1, ctx.toplevel);
                        pc = r.pc + 3;
                        a = ENTER;
                        continue;
                    }
                    if ((ctx.count < u(code[r.pc + 2]) || code[r.pc + 2] == MAXREPEAT) && ptr != r.lastPtr) {
                        r.count = ctx.count;
                        ctx.lastmark = lastmark;
                        ctx.lastindex = lastindex;
                        markPush(ctx.lastmark);
                        push(r.lastPtr);
                        r.lastPtr = ptr;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_MAX_UNTIL_2, ctx.toplevel);
                        pc = r.pc + 3;
                        a = ENTER;
                        continue;
                    }
                    a = MAX_UNTIL_TAIL;  // the tail
                }
                case RESUME + J_MAX_UNTIL_1, RESUME + J_MIN_UNTIL_1 -> {
                    if (ret) a = SUCCEED;
                    else {
                        ctx.rep.count = ctx.count - 1;
                        ptr = p;
                        a = FAIL;
                    }
                }
                case RESUME + J_MAX_UNTIL_2 -> {
                    ctx.rep.lastPtr = data[--dataTop];
                    if (ret) {
                        markPopDiscard(ctx.lastmark);
                        a = SUCCEED;
                        continue;
                    }
                    markPop(ctx.lastmark);
                    lastmark = ctx.lastmark;
                    lastindex = ctx.lastindex;
                    ctx.rep.count = ctx.count - 1;
                    ptr = p;
                    a = MAX_UNTIL_TAIL;
                }
                case MAX_UNTIL_TAIL -> {
                    // MAX_UNTIL: no more items here; the tail must match
                    repeat = ctx.rep.prev;
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_MAX_UNTIL_3, ctx.toplevel);
                    a = ENTER;
                }
                case RESUME + J_MAX_UNTIL_3 -> {
                    repeat = ctx.rep;
                    if (ret) a = SUCCEED;
                    else {
                        ptr = p;
                        a = FAIL;
                    }
                }
                case MIN_UNTIL -> {
                    Repeat r = repeat;
                    if (r == null) throw invalid();
                    ctx.rep = r;
                    ptr = p;
                    ctx.count = r.count + 1;
                    if (ctx.count < u(code[r.pc + 1])) {
                        r.count = ctx.count;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_MIN_UNTIL_1, ctx.toplevel);
                        pc = r.pc + 3;
                        a = ENTER;
                        continue;
                    }
                    // see if the tail matches
                    repeat = r.prev;
                    ctx.lastmark = lastmark;
                    ctx.lastindex = lastindex;
                    if (repeat != null) markPush(ctx.lastmark);
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_MIN_UNTIL_2, ctx.toplevel);
                    a = ENTER;
                }
                case RESUME + J_MIN_UNTIL_2 -> {
                    Repeat ofTail = repeat;
                    repeat = ctx.rep;
                    if (ret) {
                        if (ofTail != null) markPopDiscard(ctx.lastmark);
                        a = SUCCEED;
                        continue;
                    }
                    if (ofTail != null) markPop(ctx.lastmark);
                    lastmark = ctx.lastmark;
                    lastindex = ctx.lastindex;
                    ptr = p;
                    Repeat r = ctx.rep;
                    if (ctx.count >= u(code[r.pc + 2]) && code[r.pc + 2] != MAXREPEAT || ptr == r.lastPtr) {
                        a = FAIL;
                        continue;
                    }
                    r.count = ctx.count;
                    push(r.lastPtr);
                    r.lastPtr = ptr;
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_MIN_UNTIL_3, ctx.toplevel);
                    pc = r.pc + 3;
                    a = ENTER;
                }
                case RESUME + J_MIN_UNTIL_3 -> {
                    ctx.rep.lastPtr = data[--dataTop];
                    if (ret) a = SUCCEED;
                    else {
                        ctx.rep.count = ctx.count - 1;
                        ptr = p;
                        a = FAIL;
                    }
                }
                case POSSESSIVE_REPEAT -> {
                    // <POSSESSIVE_REPEAT> <skip> <min> <max> pattern <SUCCESS> tail
                    ptr = p;
                    ctx.count = 0;
                    a = POSS_MIN;
                }
                case POSS_MIN -> {
                    if (ctx.count < u(code[pc + 1])) {
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_POSS_REPEAT_1, false);
                        pc = pc + 3;
                        a = ENTER;
                    } else {
                        p = -1;  // "no position": the loop below runs at least once
                        a = POSS_MORE;
                    }
                }
                case RESUME + J_POSS_REPEAT_1 -> {
                    if (ret) {
                        ctx.count++;
                        a = POSS_MIN;
                    } else {
                        ptr = p;
                        a = FAIL;
                    }
                }
                case POSS_MORE -> {
                    if ((ctx.count < u(code[pc + 2]) || code[pc + 2] == MAXREPEAT) && ptr != p) {
                        ctx.lastmark = lastmark;
                        ctx.lastindex = lastindex;
                        markPush(ctx.lastmark);
                        p = ptr;
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_POSS_REPEAT_2, false);
                        pc = pc + 3;
                        a = ENTER;
                    } else {
                        pc += code[pc] + 1;
                        p = ptr;
                        a = code[pc++];
                    }
                }
                case RESUME + J_POSS_REPEAT_2 -> {
                    if (ret) {
                        markPopDiscard(ctx.lastmark);
                        ctx.count++;
                        a = POSS_MORE;
                    } else {
                        markPop(ctx.lastmark);
                        lastmark = ctx.lastmark;
                        lastindex = ctx.lastindex;
                        ptr = p;
                        pc += code[pc] + 1;
                        p = ptr;
                        a = code[pc++];
                    }
                }
                case ATOMIC_GROUP -> {
                    // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
                    ptr = p;
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_ATOMIC_GROUP, false);
                    pc = pc + 1;
                    a = ENTER;
                }
                case RESUME + J_ATOMIC_GROUP -> {
                    if (!ret) {
                        ptr = p;
                        a = FAIL;
                    } else {
                        pc += code[pc];
                        p = ptr;
                        a = code[pc++];
                    }
                }
                case GROUPREF, GROUPREF_IGNORE, GROUPREF_UNI_IGNORE, GROUPREF_LOC_IGNORE -> {
                    int g = code[pc] * 2;
                    int gs, ge;
                    if (g >= lastmark || (gs = mark[g]) < 0 || (ge = mark[g + 1]) < 0 || ge < gs) {
                        a = FAIL;
                        continue;
                    }
                    boolean ok = true;
                    for (; gs < ge; gs++, p++) {
                        if (p >= end || !sameChar(a, s[p], s[gs])) {
                            ok = false;
                            break;
                        }
                    }
                    if (!ok) a = FAIL;
                    else {
                        pc++;
                        a = code[pc++];
                    }
                }
                case GROUPREF_EXISTS -> {
                    // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
                    int g = code[pc] * 2;
                    if (g >= lastmark || mark[g] < 0 || mark[g + 1] < 0 || mark[g + 1] < mark[g]) pc += code[pc + 1];
                    else pc += 2;
                    a = code[pc++];
                }
                case ASSERT -> {
                    // <ASSERT> <skip> <back> <pattern>
                    if (u(p) < u(code[pc + 1])) {
                        a = FAIL;
                        continue;
                    }
                    ptr = p - code[pc + 1];
                    ctx.pc = pc;
                    ctx.ptr = p;
                    ctx = child(ctx, J_ASSERT, false);
                    pc = pc + 2;
                    a = ENTER;
                }
                case RESUME + J_ASSERT -> {
                    if (!ret) a = FAIL;
                    else {
                        pc += code[pc];
                        a = code[pc++];
                    }
                }
                case ASSERT_NOT -> {
                    if (u(p) >= u(code[pc + 1])) {
                        ptr = p - code[pc + 1];
                        ctx.lastmark = lastmark;
                        ctx.lastindex = lastindex;
                        if (repeat != null) markPush(ctx.lastmark);
                        ctx.pc = pc;
                        ctx.ptr = p;
                        ctx = child(ctx, J_ASSERT_NOT, false);
                        pc = pc + 2;
                        a = ENTER;
                    } else {
                        pc += code[pc];
                        a = code[pc++];
                    }
                }
                case RESUME + J_ASSERT_NOT -> {
                    if (ret) {
                        if (repeat != null) markPopDiscard(ctx.lastmark);
                        a = FAIL;
                    } else {
                        if (repeat != null) markPop(ctx.lastmark);
                        lastmark = ctx.lastmark;
                        lastindex = ctx.lastindex;
                        pc += code[pc];
                        a = code[pc++];
                    }
                }
                case FAILURE, FAIL -> {
                    ret = false;
                    a = EXIT;
                }
                case SUCCEED -> {
                    ret = true;
                    a = EXIT;
                }
                case EXIT -> {
                    int jump = ctx.jump;
                    ctx = ctx.parent;
                    if (ctx == null) return ret;
                    pc = ctx.pc;
                    p = ctx.ptr;
                    a = RESUME + jump;
                }
                default -> throw invalid();
            }
        }
    }

    private static boolean sameChar(int op, int a, int b) {
        return switch (op) {
            case GROUPREF -> a == b;
            case GROUPREF_IGNORE -> Chars.lowerAscii(a) == Chars.lowerAscii(b);
            case GROUPREF_UNI_IGNORE -> Chars.lowerUnicode(a) == Chars.lowerUnicode(b);
            default -> Chars.lowerLocale(a) == Chars.lowerLocale(b);
        };
    }

    /** sre_match: the code matches at {@code start} (a Pattern.match / fullmatch). */
    boolean matchAt() {
        ptr = start;
        return match(0, true);
    }

    /**
     * sre_search: the first position from {@code start} where the code matches; on success
     * {@code start} is where the match begins and {@code ptr} where it ends. Positions where the
     * INFO block says no match can begin (the first character of a literal prefix, the set of
     * first characters, the minimum length) are skipped without running the engine.
     */
    boolean search() {
        int p = start;
        if (p > end) return false;
        int first = 0, prefixChar = -1, charsetAt = -1;
        long min = 0;
        if (code[0] == INFO) {
            int flags = code[2];
            min = u(code[3]);
            if ((flags & 1) != 0 && code[5] > 0) prefixChar = code[7];
            else if ((flags & 4) != 0) charsetAt = 5;
            first = code[1] + 1;
        }
        if (min > end - p) return false;
        ptr = p;
        boolean found = canStart(p, prefixChar, charsetAt) && match(0, true);
        mustAdvance = false;
        if (!found && code[first] == AT && (code[first + 1] == AT_BEGINNING || code[first + 1] == AT_BEGINNING_STRING)) {
            start = ptr = end;
            return false;
        }
        while (!found && p < end) {
            p++;
            if (min > end - p) break;
            if (!canStart(p, prefixChar, charsetAt)) continue;
            lastmark = lastindex = -1;
            start = ptr = p;
            found = match(0, false);
        }
        return found;
    }

    private boolean canStart(int p, int prefixChar, int charsetAt) {
        if (prefixChar >= 0) return p < end && s[p] == prefixChar;
        return charsetAt < 0 || p < end && charset(charsetAt, s[p]);
    }
}
