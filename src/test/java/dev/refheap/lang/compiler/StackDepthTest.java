package dev.refheap.lang.compiler;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnit.ExceptionEntry;
import dev.refheap.lang.bytecode.Opcode;
import dev.refheap.lang.parser.Parser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Re-derives the stack depth of every instruction of every compiled test program from the final code
 * alone (fall-through, jumps, exception-table edges): each instruction is reached with one depth only,
 * the depth never goes negative, handlers are entered at their table depth, and co_stacksize is the
 * maximum reached (at least 1 for generators, whose CPython prologue needs one slot) when every
 * instruction is reachable.
 */
class StackDepthTest {
    @TestFactory
    Stream<DynamicTest> stackDepthsAreConsistent() throws IOException {
        return CpythonParityTest.programs().stream().map(py -> DynamicTest.dynamicTest(py.getFileName().toString(),
                () -> check(Compiler.compileModule(Parser.parseModule(Files.readAllBytes(py), "t.py"), "t.py",
                        Compiler.Mode.EXEC))));
    }

    static void check(CodeUnit c) {
        int n = c.instructionCount();
        int[] depth = new int[n];
        Arrays.fill(depth, -1);
        Deque<Integer> work = new ArrayDeque<>();
        int[] max = {0};
        reach(c, depth, work, 0, 0, max);
        while (!work.isEmpty()) {
            int i = work.pop();
            Opcode op = c.opcode(i);
            int d = depth[i];
            for (ExceptionEntry e : c.exceptionTable()) {
                if (i >= e.start() && i < e.end()) {
                    assertTrue(e.depth() <= d, () -> c.name() + ": handler depth above stack at " + i);
                    reach(c, depth, work, e.target(), e.depth() + (e.lasti() ? 1 : 0) + 1, max);
                }
            }
            if (op.isJump()) {
                reach(c, depth, work, c.arg(i), d + op.stackEffect(c.arg(i), true), max);
            }
            if (!op.isTerminal() && i + 1 < n) {
                reach(c, depth, work, i + 1, d + op.stackEffect(c.arg(i), false), max);
            }
        }
        boolean generator = (c.flags() & CodeUnit.CO_GENERATOR) != 0;
        int expected = generator ? Math.max(1, max[0]) : max[0];
        if (Arrays.stream(depth).allMatch(d -> d >= 0)) {
            assertEquals(expected, c.stacksize(), c.name() + ": co_stacksize");
        } else {
            // handlers whose protected range became empty are unreachable here but, as in CPython,
            // still counted in co_stacksize
            assertTrue(c.stacksize() >= expected, c.name() + ": co_stacksize too small");
        }
        for (Object k : c.consts()) {
            if (k instanceof CodeUnit nested) {
                check(nested);
            }
        }
    }

    private static void reach(CodeUnit c, int[] depth, Deque<Integer> work, int i, int d, int[] max) {
        if (d < 0) {
            fail(c.name() + ": negative stack depth at " + i);
        }
        max[0] = Math.max(max[0], d);
        if (i < c.instructionCount() && c.opcode(i) != null) {
            int after = d + Math.max(0, c.opcode(i).stackEffect(c.arg(i), false));
            max[0] = Math.max(max[0], after);
            if (c.opcode(i).isJump()) {
                max[0] = Math.max(max[0], d + c.opcode(i).stackEffect(c.arg(i), true));
            }
        }
        if (depth[i] == -1) {
            depth[i] = d;
            work.push(i);
        } else {
            assertEquals(depth[i], d, c.name() + ": two stack depths at instruction " + i);
        }
    }
}
