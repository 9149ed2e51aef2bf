package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import java.util.function.LongConsumer;

/**
 * A builtin exception class ({@code BaseException} and its subclasses). Instances have 3.11's
 * PyBaseExceptionObject layout: dict, args, notes, traceback, context, cause, suppress_context
 * (72 bytes + GC head: {@code getsizeof(Exception()) == 88}), followed by the {@link ExceptionFields}
 * of the types that add some (AttributeError, ImportError, SyntaxError...). User subclasses are
 * {@link ClassType}s whose instances extend this layout.
 */
class ExceptionType extends LangType {
    static final int DICT = 16, ARGS = 24, NOTES = 32, TRACEBACK = 40, CONTEXT = 48, CAUSE = 56, SUPPRESS = 64;
    static final int SIZE = 72;
    private static final int[] FIELDS = {DICT, ARGS, NOTES, TRACEBACK, CAUSE, CONTEXT};  // BaseException_traverse/_clear order

    /** The fields this type's layout adds after BaseException's (its own or its base's), or null. */
    final ExceptionFields fields;

    ExceptionType(Runtime rt, String name, PyType base) {
        this(rt, name, base, fieldsFor(name, base));
    }

    private ExceptionType(Runtime rt, String name, PyType base, ExceptionFields fields) {
        super(rt, name, base, HAVE_GC | BASETYPE | BASE_EXC_SUBCLASS, fields == null ? SIZE : fields.basicSize(), 0, 0);
        this.fields = fields;
    }

    ExceptionType(Runtime rt, String name, PyType base, long basicSize, long weaklistOffset, int extraFlags) {
        super(rt, name, base, HAVE_GC | BASETYPE | BASE_EXC_SUBCLASS | extraFlags, basicSize, 0, weaklistOffset);
        this.fields = null;
    }

    private static ExceptionFields fieldsFor(String name, PyType base) {
        ExceptionFields own = ExceptionFields.introducedBy(name);
        return own != null ? own : base instanceof ExceptionType b ? b.fields : null;
    }

    /** Initialises the exception fields of a freshly allocated instance with {@code args} (stolen). */
    static void init(long e, long args) {
        put(e, DICT, 0);
        put(e, ARGS, args);
        put(e, NOTES, 0);
        put(e, TRACEBACK, 0);
        put(e, CONTEXT, 0);
        put(e, CAUSE, 0);
        put(e, SUPPRESS, 0);
    }

    static long args(long e) { return get(e, ARGS); }
    static long traceback(long e) { return get(e, TRACEBACK); }
    static long context(long e) { return get(e, CONTEXT); }
    static long cause(long e) { return get(e, CAUSE); }

    /** Sets a field to {@code v} (stolen; 0 clears), releasing the old value. */
    void setField(long e, int off, long v) {
        long old = get(e, off);
        put(e, off, v);
        heap.xdecref(old);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        if (fields != null) fields.traverse(o, visit);
        for (int off : FIELDS) visitField(o, off, visit);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        if (fields != null) fields.clear(o, heap);
        for (int off : FIELDS) clearField(o, off);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        clear(o);
        heap.freeObject(o);
    }
}
