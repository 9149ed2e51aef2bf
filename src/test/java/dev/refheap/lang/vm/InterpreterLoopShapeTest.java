package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import org.junit.jupiter.api.Test;

/**
 * The shape of the interpreter's loop that its speed depends on and no output shows: the larger
 * instructions go through {@code Interpreter.warmOp}, which must stay too big for C2 to inline
 * into {@code runFrame} (more than FreqInlineSize, 325 bytes of bytecode), or they use up the
 * loop's inlining budget again and the small instructions become calls.
 */
class InterpreterLoopShapeTest {
    private static final int FREQ_INLINE_SIZE = 325;

    @Test
    void warmOpIsTooBigToInlineIntoTheLoop() throws Exception {
        ClassModel cm;
        try (InputStream in = Interpreter.class.getResourceAsStream("Interpreter.class")) {
            cm = ClassFile.of().parse(in.readAllBytes());
        }
        int length = -1;
        for (MethodModel m : cm.methods()) {
            if (m.methodName().equalsString("warmOp")) {
                length = m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(-1);
            }
        }
        assertTrue(length > FREQ_INLINE_SIZE, "warmOp's bytecode is " + length + " bytes; C2 would inline it into runFrame");
    }
}
