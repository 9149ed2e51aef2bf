package dev.refheap.lang.vm;

import dev.refheap.gc.CoreLabels;
import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Layout;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.List;

/**
 * The language's names for references, on top of the object layer's ({@link CoreLabels}):
 * attributes of instances ({@code attribute .other of <A object at 0x...>}), a function's fields,
 * a cell's contents, a code object's constants, a module's globals, a suspended frame's locals,
 * a bound method's function and self, a traceback's frame, a class's namespace. Reads layouts only.
 */
final class LangLabels extends CoreLabels {
    private static final int[] FUNCTION_FIELDS = {FunctionType.CODE, FunctionType.GLOBALS, FunctionType.BUILTINS, FunctionType.MODULE,
            FunctionType.DEFAULTS, FunctionType.KWDEFAULTS, FunctionType.DOC, FunctionType.NAME, FunctionType.DICT,
            FunctionType.CLOSURE, FunctionType.ANNOTATIONS, FunctionType.QUALNAME};
    private static final String[] FUNCTION_NAMES = {"__code__", "__globals__", "__builtins__", "__module__", "__defaults__",
            "__kwdefaults__", "__doc__", "__name__", "__dict__", "__closure__", "__annotations__", "__qualname__"};

    private final Runtime rt;

    LangLabels(Runtime rt) {
        super(rt.heap);
        this.rt = rt;
    }

    @Override
    public String describe(long o) {
        PyType t = heap.typeOf(o);
        String at = " at 0x" + Long.toHexString(o) + ">";
        if (t == rt.functionType) return "<function " + str(o, FunctionType.QUALNAME) + at;
        if (t == rt.codeType) return "<code " + str(o, CodeType.QUALNAME) + at;
        if (rt.isModule(o)) return "<module " + shortRepr(Native.getLong(o + ModuleType.NAME)) + ">";
        if (t == rt.cellType) return "<cell" + at;
        if (rt.ops.isTypeObject(o) && heap.typeAt(o) instanceof ClassType c && o == c.typeObject) return "<class '" + c.name() + "'>";
        if (t instanceof ClassType) return "<" + t.name() + " object" + at;
        return super.describe(o);
    }

    private String str(long o, int off) {
        long s = Native.getLong(o + off);
        return s != 0 && heap.typeOf(s) instanceof StrType ? StrType.value(s) : "?";
    }

    @Override
    public void label(long source, long target, int count, List<String> out) {
        PyType t = heap.typeOf(source);
        String of = " of " + describe(source);
        if (t == rt.functionType) {
            for (int i = 0; i < FUNCTION_FIELDS.length && out.size() < count; i++) {
                if (Native.getLong(source + FUNCTION_FIELDS[i]) == target) out.add(FUNCTION_NAMES[i] + of);
            }
        } else if (t == rt.cellType) {
            out.add("cell of a closure (" + describe(source) + ")");
        } else if (t == rt.codeType) {
            String[] names = {"co_consts", "co_names", "co_localsplusnames", "co_filename", "co_name", "co_qualname"};
            for (int i = 0; i < names.length && out.size() < count; i++) {
                if (Native.getLong(source + CodeType.CONSTS + 8L * i) == target) out.add(names[i] + of);
            }
        } else if (rt.isModule(source)) {
            if (ModuleType.dict(source) == target) out.add("__dict__" + of);
            if (Native.getLong(source + ModuleType.NAME) == target && out.size() < count) out.add("__name__" + of);
        } else if (t == rt.methodType) {
            if (Native.getLong(source + MethodType.FUNC) == target) out.add("__func__" + of);
            if (Native.getLong(source + MethodType.SELF) == target && out.size() < count) out.add("__self__" + of);
        } else if (t == rt.tracebackType) {
            if (Native.getLong(source + TracebackType.NEXT) == target) out.add("tb_next" + of);
            if (Native.getLong(source + TracebackType.FRAME) == target && out.size() < count) out.add("tb_frame" + of);
        } else if (t == rt.frameType) {
            Frame f = rt.frameType.frame(source);
            frameLabels(f, "finished frame kept by a frame object", target, count, out);
        } else if (t == rt.generatorType) {
            Frame f = rt.generatorType.frame(source);
            if (Native.getLong(source + GeneratorType.CODE) == target) out.add("gi_code" + of);
            if (f != null && out.size() < count) frameLabels(f, "suspended generator frame", target, count, out);
            if (f != null && f.frameObject == target && out.size() < count) out.add("the frame object" + of);
        } else if (rt.ops.isTypeObject(source) && heap.typeAt(source) instanceof ClassType c && source == c.typeObject) {
            String[] names = {"__dict__", "__bases__", "__mro__", "__name__", "__qualname__", "__subclasses__ registry", "__base__"};
            int[] offs = {ClassType.T_DICT, ClassType.T_BASES, ClassType.T_MRO, ClassType.T_NAME, ClassType.T_QUALNAME, ClassType.T_SUBCLASSES, ClassType.T_BASE};
            for (int i = 0; i < offs.length && out.size() < count; i++) if (Native.getLong(source + offs[i]) == target) out.add(names[i] + of);
        } else if (t instanceof ExceptionType || t instanceof ClassType ec && ec.exceptionBased) {
            // BaseException's fields (a user subclass keeps the same layout first)
            String[] names = {"__dict__", "args", "__notes__", "__traceback__", "__context__", "__cause__"};
            int[] offs = {ExceptionType.DICT, ExceptionType.ARGS, ExceptionType.NOTES, ExceptionType.TRACEBACK, ExceptionType.CONTEXT, ExceptionType.CAUSE};
            for (int i = 0; i < offs.length && out.size() < count; i++) if (Native.getLong(source + offs[i]) == target) out.add(names[i] + of);
            ExceptionFields ef = ExceptionFields.of(t);
            if (ef != null) {
                for (String fn : ef.names) {
                    if (!ef.isSsize(fn) && out.size() < count && ExceptionFields.raw(source, ef, fn) == target) out.add(fn + of);
                }
            }
            if (t instanceof ClassType ec && ec.typeObject == target && out.size() < count) out.add("__class__" + of);
            if (out.size() < count) super.label(source, target, count, out);
        } else if (t == rt.builtinFunctionType) {
            if (BuiltinFunctionType.self(source) == target) out.add("__self__" + of);
            if (out.size() < count) super.label(source, target, count, out);
        } else if (t instanceof ClassType c && !c.exceptionBased) {
            long d = Native.getLong(source + Layout.MANAGED_DICT);
            if (d != 0) {
                if (d == target) out.add("__dict__" + of);
            } else {
                long v = ClassType.values(source);
                if (v != 0) {
                    for (int i = 0; i < c.keys.size() && out.size() < count; i++) {
                        if (Native.getLong(Instances.slot(v, i)) == target) out.add("attribute ." + c.keys.get(i) + of);
                    }
                }
            }
            if (c.typeObject == target && out.size() < count) out.add("__class__" + of);
        } else if (t instanceof TupleType) {
            long code = codeWithConsts(source);
            if (code != 0) {
                for (long i = 0; i < TupleType.size(source) && out.size() < count; i++) {
                    if (TupleType.item(source, i) == target) out.add("constant of <code " + str(code, CodeType.QUALNAME) + "> (co_consts[" + i + "])");
                }
            } else {
                super.label(source, target, count, out);
            }
        } else {
            super.label(source, target, count, out);
        }
    }

    private void frameLabels(Frame f, String how, long target, int count, List<String> out) {
        FrameDescriptions.visit(f, how, (o, n, d) -> {
            if (o == target && out.size() < count) out.add(d);
        });
    }

    /** The code object whose co_consts is {@code tuple}, or 0. */
    private long codeWithConsts(long tuple) {
        long[] found = {0};
        heap.forEachObject(o -> {
            if (found[0] == 0 && heap.typeOf(o) == rt.codeType && Native.getLong(o + CodeType.CONSTS) == tuple) found[0] = o;
        });
        return found[0];
    }

    @Override
    protected String dictOwner(long dict) {
        if (dict == rt.sysModules) return "sys.modules[%s]";
        String[] found = {null};
        heap.dicts.forEach(rt.sysModules, (k, m) -> {
            if (found[0] == null && rt.isModule(m) && ModuleType.dict(m) == dict && heap.typeOf(k) instanceof StrType) {
                found[0] = "global %s of module '" + StrType.value(k) + "'";
            }
        });
        if (found[0] != null) return found[0];
        // A module's globals that is not in sys.modules: it names itself.
        long name = heap.dicts.getItem(dict, "__name__");
        if (name != 0 && heap.typeOf(name) instanceof StrType && heap.dicts.getItem(dict, "__builtins__") != 0) {
            return "global %s of module '" + StrType.value(name) + "'";
        }
        return null;
    }
}
