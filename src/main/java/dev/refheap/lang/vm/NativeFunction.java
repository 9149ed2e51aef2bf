package dev.refheap.lang.vm;

import java.util.Map;

/**
 * A native module's function (or a method of a type a native module made) as its builtin entry
 * holds it: the implementation together with the name it is found by again ({@code sys.getrefcount},
 * {@code _io.TextIOWrapper.write}). The key is what a start-up image records for an entry made
 * after the runtime's constructor ({@link ImageHooks}); a runtime that adopts the image asks
 * {@link #resolve} for the same function, made from the runtime alone, without touching the heap.
 *
 * <p>Invariant: {@code impl} is what the module's setup would have given the entry under
 * {@code key} (its arity wrapper included), and depends only on the runtime, never on an object
 * the setup allocated, for every key {@link #restorable} accepts, but for {@code context}: the
 * object the function was made for, which the image records with the key (0 for none): time's
 * calendar functions are made for the {@code struct_time} type each import of the module makes,
 * its clock functions for the module object (one table per import, as its setup makes them).
 * Calls pass straight through.
 */
record NativeFunction(String key, Builtin impl, long context) implements Builtin {
    /** A function that depends on the runtime alone. */
    NativeFunction(String key, Builtin impl) { this(key, impl, 0); }

    @Override
    public long call(long self, long[] args, int off, int nargs, long kwnames) {
        return impl.call(self, args, off, nargs, kwnames);
    }

    /** The implementation whose class numbers a builtin's hash: the wrapped one, as before there was a key. */
    static Builtin unwrap(Builtin b) { return b instanceof NativeFunction f ? f.impl : b; }

    /** The standard streams' methods' keys begin with this. */
    private static final String STREAMS = "_io.TextIOWrapper.";

    /** The VM's own modules with a function table, and their functions' names. */
    private static final Map<String, java.util.Collection<String>> VM_TABLES = Map.of(
            "sys", Modules.SYS_FUNCTIONS, "_weakref", WeakrefNative.FUNCTIONS, "_warnings", Warnings.FUNCTIONS,
            "time", java.util.stream.Stream.concat(Modules.TIME_FUNCTIONS.stream(), TimeCalendar.FUNCTIONS.stream()).toList(),
            CodecRegistry.HANDLERS, CodecRegistry.HANDLER_FUNCTIONS);

    /** Whether {@code key} names a function of the VM's own (a module of the VM's or the streams' type), checkable before the import system exists. */
    static boolean ofTheVm(String key) {
        int dot = key.lastIndexOf('.');
        return key.startsWith(STREAMS) || dot > 0 && VM_TABLES.containsKey(key.substring(0, dot));
    }

    /** Whether {@link #resolve} can make the function under {@code key} again in {@code rt}. */
    /** Whether {@link #resolve} can make the function under {@code key} for {@code context} again in {@code rt}. */
    static boolean restorable(Runtime rt, String key, long context) { return restorable(rt, key); }

    static boolean restorable(Runtime rt, String key) {
        if (key.startsWith(STREAMS)) return Streams.METHODS.contains(key.substring(STREAMS.length()));
        int dot = key.lastIndexOf('.');
        if (dot > 0 && VM_TABLES.containsKey(key.substring(0, dot))) return VM_TABLES.get(key.substring(0, dot)).contains(key.substring(dot + 1));
        if (dot <= 0 || !rt.importsStarted()) return false;
        Map<String, Builtin> table = rt.imports().nativeFunctions(key.substring(0, dot));
        return table != null && table.containsKey(key.substring(dot + 1));
    }

    /**
     * The function under {@code key}, made again for {@code rt} as its module's setup makes it (a
     * module of the import system's from the import system's own runtime interface, which its
     * setup's functions capture); one table per owner in {@code cache}.
     */
    static Builtin resolve(Runtime rt, String key, long context, Map<String, Map<String, Builtin>> cache) {
        if (key.startsWith(STREAMS)) {
            return cache.computeIfAbsent("_io.TextIOWrapper", k -> Streams.methods(rt)).get(key.substring(STREAMS.length()));  // keyed there already
        }
        int dot = key.lastIndexOf('.');
        String module = dot <= 0 ? null : key.substring(0, dot);
        Map<String, Builtin> table = module == null ? null : cache.computeIfAbsent(context == 0 ? module : module + "@" + context, k -> switch (module) {
            case "sys" -> Modules.sysFunctions(rt);
            case "time" -> TimeCalendar.FUNCTIONS.contains(key.substring(dot + 1)) ? TimeCalendar.functions(rt, context) : Modules.timeFunctions(rt);
            case "_weakref" -> WeakrefNative.functions(rt);
            case "_warnings" -> Warnings.functions(rt);
            case CodecRegistry.HANDLERS -> CodecRegistry.handlerFunctions(rt);
            default -> rt.imports().nativeFunctions(module);
        });
        Builtin impl = table == null ? null : table.get(key.substring(dot + 1));
        if (impl == null) throw new IllegalStateException("no native function " + key + " can be made again");
        if (impl instanceof NativeFunction f && f.key.equals(key)) return f;  // the module keeps it (a callback's: one per runtime)
        return Modules.moduleFunction(rt, module, key.substring(dot + 1), impl, context);
    }
}
