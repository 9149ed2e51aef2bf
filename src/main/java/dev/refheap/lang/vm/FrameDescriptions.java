package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.RootProvider;

/**
 * Names the references a frame owns, for refcount provenance ({@code refheap.holders}): the same
 * references, in the same order, as {@link Frame#visitOwned}, each with its holder
 * ({@code local 'x' in f() (frame of line 12)}, {@code the value stack of f() (a temporary)}).
 */
final class FrameDescriptions {
    private FrameDescriptions() {}

    /** {@code f()} or {@code <module>}: how holders name a frame's code. */
    static String frameName(Frame f) {
        String q = f.code.unit.qualname();
        return q.startsWith("<") ? q : q + "()";
    }

    /** The holder of slot {@code i} of {@code f}: a local, a cell or free variable, or the value stack. */
    static String slot(Frame f, String how, int i) {
        String where = frameName(f) + " (" + how + " of line " + f.line() + ")";
        CodeUnit u = f.code.unit;
        if (i < u.localsplusNames().size()) {
            byte kind = u.localsplusKinds()[i];
            String what = (kind & CodeUnit.KIND_FREE) != 0 ? "free variable (cell) '" : (kind & CodeUnit.KIND_CELL) != 0 ? "cell variable '" : "local '";
            return what + u.localsplusNames().get(i) + "' in " + where;
        }
        return "the value stack of " + where + " (a temporary: an operand or a call's argument)";
    }

    /** Visits what {@link Frame#visitOwned} visits, described; {@code how} says whose frame it is ("frame", "suspended generator frame"). */
    static void visit(Frame f, String how, RootProvider.DescribedRootVisitor v) {
        String where = frameName(f) + " (" + how + " of line " + f.line() + ")";
        v.root(f.codeObj, 1, "the code of the running " + where);
        if (f.func != 0) v.root(f.func, 1, "the function of " + where);
        if (f.locals != 0) v.root(f.locals, 1, (f.locals == f.globals ? "the globals of " : "the locals mapping of ") + where);
        if (f.fastLocals != 0) v.root(f.fastLocals, 1, "the f_locals dict of " + where);
        for (int i = 0; i < f.sp; i++) {
            long o = f.slots[i];
            if (o != 0) v.root(o, 1, slot(f, how, i));
        }
    }
}
