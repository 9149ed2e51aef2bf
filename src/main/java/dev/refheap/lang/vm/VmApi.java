package dev.refheap.lang.vm;

import dev.refheap.lang.PySyntaxError;
import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * The VM's services for the packages built on it (the importer, native modules): module objects,
 * compiling and running code, attribute access, calls and Python exceptions. A thin public face
 * over the package-private runtime; it holds no state of its own.
 *
 * <p>Reference rules as everywhere in the VM: arguments are borrowed, results are new references
 * unless a method says "borrowed", errors are thrown as {@link PyException}.
 */
public final class VmApi {
    private final Runtime rt;
    public final Heap heap;

    public VmApi(Runtime rt) {
        this.rt = rt;
        this.heap = rt.heap;
    }

    public Runtime runtime() { return rt; }

    // ---- modules --------------------------------------------------------------------------------

    /** sys.modules (borrowed): the real dict import consults and fills. */
    public long sysModules() { return rt.sysModules; }

    /** A new, empty module named {@code name} (its dict holds __name__ and __doc__). */
    public long newModule(String name) { return rt.moduleType.create(name); }

    public boolean isModule(long o) { return heap.typeOf(o) == rt.moduleType; }

    /** The module's dict (borrowed). */
    public long moduleDict(long m) { return ModuleType.dict(m); }

    /** A new instance of one of the VM's own built-in modules (sys, gc, ...), or 0 if it has none of that name. */
    public long createBuiltinModule(String name) { return Modules.createBuiltin(rt, name); }

    /** Whether {@code name} is one of the VM's own built-in modules. */
    public boolean isBuiltinModuleName(String name) { return Modules.isBuiltinName(name); }

    /** Defines {@code module.name} as a function implemented in Java. */
    public void def(long module, String name, Builtin impl) { Modules.def(rt, module, name, impl); }

    /** The builtins dict (borrowed). */
    public long builtinsDict() { return rt.builtinsDict; }

    /** Keeps {@code o} (a new reference) alive for the runtime's life (reported as a root); returns it. */
    public long hold(long o) { return rt.hold(o); }

    /** The command line as sys is built from it: argv, sys.path[0] (null: none), the standard library option. */
    public Runtime.MainConfig mainConfig() { return rt.mainConfig; }

    // ---- code -----------------------------------------------------------------------------------

    /** Registers {@code source} for tracebacks (linecache) under {@code filename}. */
    public void registerSource(String filename, String source) { rt.lineCache.register(filename, source); }

    /** A code object for a compiled unit (as {@code compile} would make it). */
    public long materialize(CodeUnit unit) { return Materializer.materialize(rt, unit); }

    /** A Python SyntaxError (or IndentationError/TabError) for a compiler error, as an exception to throw. */
    public PyException syntaxError(PySyntaxError e) {
        return new PyException(ExecBuiltins.syntaxError(rt, e));
    }

    /** Runs a module-level code object with {@code globals} as globals and locals. */
    public void exec(long code, long globals) {
        heap.decref(rt.interpreter.runModule(code, globals, false));
    }

    // ---- objects --------------------------------------------------------------------------------

    public long incref(long o) {
        heap.incref(o);
        return o;
    }

    public long str(String s) { return heap.strs.of(s); }

    public long internedStr(String s) { return heap.strs.internedOf(s); }

    public boolean isStr(long o) { return heap.typeOf(o) == heap.strs; }

    public String strValue(long o) { return StrType.value(o); }

    public String repr(long o) { return rt.ops.repr(o); }

    public String toStr(long o) { return rt.ops.str(o); }

    public String typeName(long o) { return rt.ops.typeName(o); }

    public boolean truthy(long o) { return rt.ops.truthy(o); }

    /** o.name, or 0 if it has no such attribute (an AttributeError is swallowed). */
    public long getAttrOrNull(long o, String name) {
        long n = heap.strs.internedOf(name);
        try {
            return rt.ops.getAttrOrNull(o, n);
        } finally {
            heap.decref(n);
        }
    }

    public void setAttr(long o, String name, long v) {
        long n = heap.strs.internedOf(name);
        try {
            rt.ops.setAttr(o, n, v);
        } finally {
            heap.decref(n);
        }
    }

    public long call(long callable, long... args) { return rt.ops.call0(callable, args); }

    /** Calls {@code each} with every item {@code iterable} yields (borrowed for the call). */
    public void forEach(long iterable, LongConsumer each) {
        long it = rt.ops.iter(iterable);
        try {
            for (long v = rt.ops.next(it); v != 0; v = rt.ops.next(it)) {
                try {
                    each.accept(v);
                } finally {
                    heap.decref(v);
                }
            }
        } finally {
            heap.decref(it);
        }
    }

    // ---- exceptions -----------------------------------------------------------------------------

    /** A new exception of builtin type {@code type} with one message argument, to throw. */
    public PyException error(String type, String message) { return rt.error(type, message); }

    /** Whether the exception is an instance of builtin type {@code type} (or a subclass). */
    public boolean isInstance(PyException e, String type) { return rt.ops.isInstance(e.exc(), rt.exceptionType(type)); }

    public PyType exceptionType(String name) { return rt.exceptionType(name); }

    /** _PyModuleSpec_IsInitializing: {@code spec._initializing} is true. */
    public boolean isInitializingSpec(long spec) { return ModuleAttrs.isInitializing(rt, spec); }

    /** SyntaxWarnings of a compilation, shown as warnings.showwarning shows them. */
    public void showWarnings(String filename, String source, java.util.List<dev.refheap.lang.compiler.Compiler.Warning> warnings) {
        if (warnings.isEmpty()) return;
        java.util.List<String> lines = java.util.Arrays.asList(source.split("\\r?\\n", -1));
        for (var w : warnings) rt.showWarning(filename, w.line(), "SyntaxWarning", w.message(), lines);
    }

    /** dict[key] (borrowed), or 0. */
    public long dictGet(long dict, String key) { return heap.dicts.getItem(dict, key); }
}
