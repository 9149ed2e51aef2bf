package dev.refheap.lang.modules.sre;

import static dev.refheap.lang.modules.sre.Engine.*;

/**
 * The structural check {@code _sre.compile} makes of a code list before the engine may run it
 * (CPython's _validate: RuntimeError "invalid SRE code" otherwise): the code ends with SUCCESS,
 * every opcode is known and has its operands, every skip stays inside the piece it belongs to and
 * moves forward, repeat bodies end where their kind says (SUCCESS, MAX_UNTIL or MIN_UNTIL), sets
 * are well formed, group numbers are below the pattern's count. So a hand-made code list cannot
 * make the engine loop for ever or read outside the code; it fails at compile time instead.
 */
final class Validator {
    private final int[] code;
    private final long groups;

    private Validator(int[] code, long groups) {
        this.code = code;
        this.groups = groups;
    }

    /** Whether {@code code} is a valid program for a pattern with {@code groups} groups. */
    static boolean valid(int[] code, long groups) {
        if (groups < 0 || groups > SreModule.MAXGROUPS || code.length == 0 || code[code.length - 1] != SUCCESS) return false;
        try {
            return new Validator(code, groups).inner(0, code.length - 1);
        } catch (ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private static long u(int v) { return v & 0xFFFFFFFFL; }

    /** A skip at {@code at} that lands inside (from, end]: the target, or -1. */
    private int target(int at, int end) {
        long skip = u(code[at]);
        if (skip == 0 || at + skip > end) return -1;
        return (int) (at + skip);
    }

    private boolean inner(int i, int end) {
        while (i < end) {
            int op = code[i++];
            switch (op) {
                case FAILURE, SUCCESS, ANY, ANY_ALL -> {}
                case MARK -> {
                    if (u(code[i++]) >= 2 * groups) return false;
                }
                case LITERAL, NOT_LITERAL, LITERAL_IGNORE, NOT_LITERAL_IGNORE, LITERAL_UNI_IGNORE, NOT_LITERAL_UNI_IGNORE,
                     LITERAL_LOC_IGNORE, NOT_LITERAL_LOC_IGNORE -> i++;
                case AT -> {
                    if (u(code[i++]) > AT_UNI_NON_BOUNDARY) return false;
                }
                case CATEGORY -> {
                    if (u(code[i++]) > Chars.UNI_NOT_LINEBREAK) return false;
                }
                case IN, IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE -> {
                    int t = target(i, end);
                    if (t < 0 || !charset(i + 1, t)) return false;
                    i = t;
                }
                case INFO -> {
                    int t = target(i, end);
                    if (t < 0) return false;
                    i = t;
                }
                case JUMP -> {
                    if (target(i, code.length) < 0) return false;
                    i++;
                }
                case BRANCH -> {
                    if (code[i] == 0) return false;  // no alternative at all
                    for (;;) {
                        if (code[i] == 0) {
                            i++;
                            break;
                        }
                        int t = target(i, end);
                        if (t < 0 || !inner(i + 1, t)) return false;
                        i = t;
                    }
                }
                case REPEAT_ONE, MIN_REPEAT_ONE, POSSESSIVE_REPEAT_ONE, REPEAT, POSSESSIVE_REPEAT -> {
                    int t = target(i, end);
                    if (t < 0 || i + 3 > t || u(code[i + 1]) > u(code[i + 2])) return false;
                    boolean one = op == REPEAT_ONE || op == MIN_REPEAT_ONE || op == POSSESSIVE_REPEAT_ONE;
                    if (one) {
                        // the body is one item and its SUCCESS, the tail follows
                        if (code[t - 1] != SUCCESS || !inner(i + 3, t - 1)) return false;
                        i = t;
                    } else {
                        if (t >= end && op == REPEAT || !inner(i + 3, t)) return false;
                        int close = code[t];
                        if (op == REPEAT ? close != MAX_UNTIL && close != MIN_UNTIL : close != SUCCESS) return false;
                        i = t + 1;
                    }
                }
                case GROUPREF, GROUPREF_IGNORE, GROUPREF_UNI_IGNORE, GROUPREF_LOC_IGNORE -> {
                    if (u(code[i++]) >= groups) return false;
                }
                case GROUPREF_EXISTS -> {
                    // the skip counts from the group operand: the "no" code starts at i + skip
                    long skip = u(code[i + 1]);
                    if (u(code[i]) >= groups || skip < 2 || i + skip > end) return false;
                    i += 2;
                }
                case ASSERT, ASSERT_NOT, ATOMIC_GROUP -> {
                    int t = target(i, end);
                    int body = op == ATOMIC_GROUP ? i + 1 : i + 2;
                    if (t < 0 || body > t || code[t - 1] != SUCCESS || !inner(body, t - 1)) return false;
                    i = t;
                }
                default -> {
                    return false;
                }
            }
        }
        return i == end;
    }

    /** A set (IN's operand) from {@code i} to its FAILURE just before {@code end}. */
    private boolean charset(int i, int end) {
        while (i < end) {
            switch (code[i++]) {
                case FAILURE -> {
                    return i == end;
                }
                case LITERAL -> i++;
                case CATEGORY -> {
                    if (u(code[i++]) > Chars.UNI_NOT_LINEBREAK) return false;
                }
                case CHARSET -> i += 8;
                case RANGE, RANGE_UNI_IGNORE -> {
                    if (u(code[i]) > u(code[i + 1])) return false;
                    i += 2;
                }
                case NEGATE -> {}
                case BIGCHARSET -> {
                    long count = u(code[i++]);
                    if (count > 256) return false;
                    for (int k = 0; k < 256; k++) {
                        if (((code[i + (k >>> 2)] >>> ((k & 3) * 8)) & 0xFF) >= count) return false;
                    }
                    i += 64 + (int) count * 8;
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }
}
