package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.Opcode;

/**
 * The {@link Opcode} ordinals as compile-time constants, so the interpreter loop can switch on
 * the int it reads from the code (one load) rather than on the enum (four dependent loads: the
 * enum constant, its ordinal, the switch map). {@link #check()} verifies every constant against
 * the enum (OpTest runs it), so the two cannot drift apart.
 */
final class Op {
    private Op() {}

    static final int NOP = 0;
    static final int POP_TOP = 1;
    static final int PUSH_NULL = 2;
    static final int COPY = 3;
    static final int SWAP = 4;
    static final int LOAD_CONST = 5;
    static final int LOAD_NAME = 6;
    static final int STORE_NAME = 7;
    static final int DELETE_NAME = 8;
    static final int LOAD_GLOBAL = 9;
    static final int STORE_GLOBAL = 10;
    static final int DELETE_GLOBAL = 11;
    static final int LOAD_FAST = 12;
    static final int STORE_FAST = 13;
    static final int DELETE_FAST = 14;
    static final int LOAD_DEREF = 15;
    static final int STORE_DEREF = 16;
    static final int DELETE_DEREF = 17;
    static final int LOAD_CLOSURE = 18;
    static final int LOAD_CLASSDEREF = 19;
    static final int MAKE_CELL = 20;
    static final int COPY_FREE_VARS = 21;
    static final int LOAD_ATTR = 22;
    static final int LOAD_METHOD = 23;
    static final int STORE_ATTR = 24;
    static final int DELETE_ATTR = 25;
    static final int BINARY_SUBSCR = 26;
    static final int STORE_SUBSCR = 27;
    static final int DELETE_SUBSCR = 28;
    static final int BUILD_SLICE = 29;
    static final int BINARY_OP = 30;
    static final int UNARY_POSITIVE = 31;
    static final int UNARY_NEGATIVE = 32;
    static final int UNARY_NOT = 33;
    static final int UNARY_INVERT = 34;
    static final int COMPARE_OP = 35;
    static final int IS_OP = 36;
    static final int CONTAINS_OP = 37;
    static final int BUILD_TUPLE = 38;
    static final int BUILD_LIST = 39;
    static final int BUILD_SET = 40;
    static final int BUILD_MAP = 41;
    static final int BUILD_CONST_KEY_MAP = 42;
    static final int BUILD_STRING = 43;
    static final int LIST_APPEND = 44;
    static final int SET_ADD = 45;
    static final int MAP_ADD = 46;
    static final int LIST_EXTEND = 47;
    static final int SET_UPDATE = 48;
    static final int DICT_UPDATE = 49;
    static final int DICT_MERGE = 50;
    static final int LIST_TO_TUPLE = 51;
    static final int UNPACK_SEQUENCE = 52;
    static final int UNPACK_EX = 53;
    static final int FORMAT_VALUE = 54;
    static final int GET_ITER = 55;
    static final int FOR_ITER = 56;
    static final int JUMP = 57;
    static final int POP_JUMP_IF_FALSE = 58;
    static final int POP_JUMP_IF_TRUE = 59;
    static final int POP_JUMP_IF_NONE = 60;
    static final int POP_JUMP_IF_NOT_NONE = 61;
    static final int JUMP_IF_FALSE_OR_POP = 62;
    static final int JUMP_IF_TRUE_OR_POP = 63;
    static final int KW_NAMES = 64;
    static final int CALL = 65;
    static final int CALL_FUNCTION_EX = 66;
    static final int MAKE_FUNCTION = 67;
    static final int RETURN_VALUE = 68;
    static final int YIELD_VALUE = 69;
    static final int GET_YIELD_FROM_ITER = 70;
    static final int SEND = 71;
    static final int RAISE_VARARGS = 72;
    static final int RERAISE = 73;
    static final int PUSH_EXC_INFO = 74;
    static final int POP_EXCEPT = 75;
    static final int CHECK_EXC_MATCH = 76;
    static final int BEFORE_WITH = 77;
    static final int WITH_EXCEPT_START = 78;
    static final int LOAD_BUILD_CLASS = 79;
    static final int IMPORT_NAME = 80;
    static final int IMPORT_FROM = 81;
    static final int IMPORT_STAR = 82;
    static final int LOAD_ASSERTION_ERROR = 83;
    static final int SETUP_ANNOTATIONS = 84;
    static final int DISPLAY_RESULT = 85;
    static final int PRINT_EXPR = 86;
    static final int GET_LEN = 87;
    static final int MATCH_MAPPING = 88;
    static final int MATCH_SEQUENCE = 89;
    static final int MATCH_KEYS = 90;
    static final int MATCH_CLASS = 91;
    static final int CHECK_EG_MATCH = 92;
    static final int PREP_RERAISE_STAR = 93;
    static final int GET_AWAITABLE = 94;
    static final int GET_AITER = 95;
    static final int GET_ANEXT = 96;
    static final int END_ASYNC_FOR = 97;
    static final int BEFORE_ASYNC_WITH = 98;
    static final int ASYNC_GEN_WRAP = 99;

    /** Fails if a constant here is not its opcode's ordinal (or the enum gained an opcode). */
    static void check() {
        try {
            for (Opcode op : Opcode.values()) {
                int v = Op.class.getDeclaredField(op.name()).getInt(null);
                if (v != op.ordinal()) throw new IllegalStateException("Op." + op + " is " + v + ", the opcode's ordinal is " + op.ordinal());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Op lacks a constant for an opcode", e);
        }
    }
}
