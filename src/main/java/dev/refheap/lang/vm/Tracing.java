package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the VM offers a recorder ({@code refheap trace}, the web page): a line listener called at
 * each new line of each frame (CPython's line events: the first instruction of a line, or a jump
 * back into one), and read-only views of the running frames and their variables. Installing a
 * listener costs the untraced interpreter nothing: it rides on the flag the loop checks anyway.
 */
public final class Tracing {
    private Tracing() {}

    /** Called before the first instruction of a line runs; must not run Python code. */
    @FunctionalInterface
    public interface LineListener {
        void onLine(Runtime rt, String filename, int line);
    }

    /** A variable of a frame and the object it refers to (for a cell variable, the cell's contents; 0 if unbound). */
    public record Variable(String name, long value, boolean cell) {}

    /** A running frame: its code's name, file, current line and variables (a module frame: its globals, dunder names left out). */
    public record FrameView(String name, String filename, int line, boolean module, List<Variable> variables) {}

    /**
     * Where the VM is when a recorder sees a refcount change: the innermost running frame's
     * instruction ({@code opcode} its name, {@code arg} the name or constant it works on, "" if
     * none), the frame's name and line; and {@code context} when the change is not the
     * instruction's own work: {@code "inside list.append()"} (a builtin that instruction called
     * is running), or {@code "frame teardown of f()"} (a frame that returned or raised releases
     * its locals: the site is then that frame's last instruction, RETURN_VALUE or the one that
     * raised), else null.
     */
    public record Site(String frame, String opcode, String arg, int line, String context) {
        public Site(String frame, String opcode, String arg, int line) { this(frame, opcode, arg, line, null); }

        /** True for the release of a finished frame's slots. */
        public boolean teardown() { return context != null && context.startsWith(TEARDOWN); }

        @Override
        public String toString() {
            String at = opcode + (arg.isEmpty() ? "" : " " + arg) + " in " + frame + " line " + line;
            if (context == null) return at;
            return teardown() ? context + " (after " + at + ")" : context + ", called by " + at;
        }
    }

    static final String TEARDOWN = "frame teardown of ";

    /**
     * Where the VM is (see {@link Site}), or null when no frame runs (the runtime between cells,
     * at exit). Read-only and allocation-free on the heap; for a recorder, which calls it only for
     * the changes it records, so an untraced run never gets here. The last site is memoised (a
     * builtin's loop makes many changes at one site).
     */
    public static Site site(Runtime rt) {
        Interpreter in = rt.interpreter;
        Frame f = in.currentFrame();
        if (f == null) return null;
        Frame leaving = in.leaving;
        boolean teardown = leaving != null && leaving.back == f;
        Frame at = teardown ? leaving : f;
        long calling = teardown ? 0 : f.calling;
        if (in.siteMemo != null && in.siteFrame == at && in.siteLasti == at.lasti && in.siteCalling == calling && in.siteLeaving == teardown) {
            return in.siteMemo;
        }
        CodeUnit u = at.code.unit;
        int i = Math.max(0, Math.min(at.lasti, u.instructionCount() - 1));
        String brief = dev.refheap.lang.bytecode.Disassembler.brief(u, i);
        int sp = brief.indexOf(' ');
        String name = FrameDescriptions.frameName(at);
        String context = teardown ? TEARDOWN + name : calling != 0 ? "inside " + calleeName(rt, calling) : null;
        Site site = new Site(name, sp < 0 ? brief : brief.substring(0, sp), sp < 0 ? "" : brief.substring(sp + 1), at.line(), context);
        in.siteFrame = at;
        in.siteLasti = at.lasti;
        in.siteCalling = calling;
        in.siteLeaving = teardown;
        in.siteMemo = site;
        return site;
    }

    /** A called builtin's name, read without running Python code: {@code list.append()}, {@code len()}, {@code dict()}. */
    static String calleeName(Runtime rt, long callable) {
        PyType t = rt.heap.typeOf(callable);
        if (t == rt.builtinFunctionType) {
            BuiltinFunctionType.Entry e = rt.builtinFunctionType.entry(callable);
            return (e.ownerType() != null ? e.ownerType() + "." : "") + e.name() + "()";
        }
        if (t instanceof BuiltinDescrType d) {
            BuiltinFunctionType.Entry e = d.entry(callable);
            return (e.ownerType() != null ? e.ownerType() + "." : "") + e.name() + "()";
        }
        if (rt.ops.isTypeObject(callable)) return rt.heap.typeAt(callable).name() + "()";
        if (t == rt.methodType) return "a bound method";
        return "a '" + t.name() + "' object's __call__";
    }

    /** Starts ({@code listener}) or stops ({@code null}) line events on {@code rt}. */
    public static void setLineListener(Runtime rt, LineListener listener) {
        rt.interpreter.tracer = listener;
        rt.interpreter.restCheckDue = listener != null || rt.interpreter.useTracing || (rt.stress() != null && rt.stress().isRestCheckDue());
    }

    /** The running frames, outermost first. */
    public static List<FrameView> frames(Runtime rt) {
        List<FrameView> out = new ArrayList<>();
        for (Frame f = rt.interpreter.currentFrame(); f != null; f = f.back) out.add(0, view(rt, f));
        return out;
    }

    /** The __main__ module's globals as a frame view (after a cell or program ended: no frame runs). */
    public static FrameView mainGlobals(Runtime rt, String filename) {
        List<Variable> vars = new ArrayList<>();
        long g = rt.mainGlobals();  // package access: Tracing is in lang.vm
        rt.heap.dicts.forEach(g, (k, v) -> {
            if (!(rt.heap.typeOf(k) instanceof StrType)) return;
            String name = StrType.value(k);
            if (name.startsWith("__") && name.endsWith("__")) return;
            vars.add(new Variable(name, v, false));
        });
        return new FrameView("<module>", filename, -1, true, vars);
    }

    private static FrameView view(Runtime rt, Frame f) {
        CodeUnit u = f.code.unit;
        List<Variable> vars = new ArrayList<>();
        boolean module = f.locals != 0;
        if (module) {
            rt.heap.dicts.forEach(f.locals, (k, v) -> {
                if (!(rt.heap.typeOf(k) instanceof StrType)) return;
                String name = StrType.value(k);
                if (name.startsWith("__") && name.endsWith("__")) return;
                vars.add(new Variable(name, v, false));
            });
        } else {
            for (int i = 0; i < u.localsplusNames().size() && i < f.slots.length; i++) {
                long o = f.slots[i];
                byte kind = u.localsplusKinds()[i];
                boolean cell = (kind & (CodeUnit.KIND_CELL | CodeUnit.KIND_FREE)) != 0;
                if (cell && o != 0 && rt.heap.typeOf(o) == rt.cellType) o = CellType.contents(o);
                if (o != 0) vars.add(new Variable(u.localsplusNames().get(i), o, cell));
            }
        }
        return new FrameView(FrameDescriptions.frameName(f), u.filename(), f.line(), module, vars);
    }

    /**
     * A short value for an object box: ints, floats, bools, None and strs as Python shows them; a
     * function, class, module or code by name; containers by their size; else the type's name.
     */
    public static String shortValue(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        LangLabels l = new LangLabels(rt);
        String name = t.name();
        return switch (name) {
            case "int", "bool", "float", "NoneType", "str" -> l.shortRepr(o);
            case "list", "tuple", "dict", "set", "frozenset" -> name + " of " + rt.ops.len(o);
            default -> {
                if (t == rt.functionType) yield "function " + strField(o, FunctionType.QUALNAME);
                if (rt.isModule(o)) yield "module " + l.shortRepr(Native.getLong(o + ModuleType.NAME));
                if (rt.ops.isTypeObject(o)) yield "class " + rt.heap.typeAt(o).name();
                yield name;
            }
        };
    }

    /** True for objects a heap view shows without their insides (functions, classes, modules, code, builtins). */
    public static boolean isOpaque(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        return t == rt.functionType || rt.isModule(o) || t == rt.codeType || t == rt.builtinFunctionType
                || rt.ops.isTypeObject(o) || t == rt.generatorType || t == rt.frameType || t == rt.tracebackType;
    }

    private static String strField(long o, int off) {
        long s = Native.getLong(o + off);
        return s != 0 ? StrType.value(s) : "?";
    }
}
