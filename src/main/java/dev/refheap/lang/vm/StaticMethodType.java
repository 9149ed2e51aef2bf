package dev.refheap.lang.vm;

import dev.refheap.object.StrType;
import java.util.function.LongConsumer;

/**
 * {@code staticmethod} and {@code classmethod}: a callable wrapped so that attribute access binds it
 * differently. Layout as CPython 3.11's (32 bytes + GC head, {@code getsizeof == 48}):
 * <pre> refcnt | type | callable (owned) | dict (owned, 0 until asked for) </pre>
 * Found on a class through an instance or the class, a staticmethod gives its callable as is and
 * a classmethod gives a method bound to the class. Traversed as CPython's: callable, then dict.
 *
 * <p>Calling the type ({@code classmethod(f)}: cm_new + cm_init) also copies f's {@code __module__},
 * {@code __name__}, {@code __qualname__}, {@code __doc__} and {@code __annotations__} into the dict,
 * as 3.10+'s functools_wraps does; {@link #construct} is PyClassMethod_New (type_new's implicit
 * wrapping of {@code __init_subclass__}, {@code __new__}), which does not. Subclasses (abc's
 * {@code abstractclassmethod}) extend this layout; their {@code __init__} is {@link #init}.
 */
final class StaticMethodType extends ExtType {
    static final int CALLABLE = 16, DICT = 24;

    /** True for classmethod. */
    final boolean classMethod;

    StaticMethodType(Runtime rt, boolean classMethod) {
        super(rt, classMethod ? "classmethod" : "staticmethod", null, HAVE_GC | BASETYPE, 32, 0, 0);
        this.classMethod = classMethod;
    }

    /** staticmethod(f) / classmethod(f): a new reference. */
    long construct(long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, name(), kw);
        if (n != 1) throw rt.typeError(name() + " expected 1 argument, got " + n);
        long w = heap.allocObject(this, 0);
        heap.incref(a[o]);
        put(w, CALLABLE, a[o]);
        put(w, DICT, 0);
        heap.track(w);
        return w;
    }

    static long callable(long w) { return get(w, CALLABLE); }

    @Override
    boolean isCallableType() { return !classMethod; }

    /** sm_call: the callable called with the arguments as given (a staticmethod's only; a classmethod is not callable). */
    @Override
    long call(long w, long[] a, int off, int n, long kw) {
        if (classMethod) return 0;
        long f = get(w, CALLABLE);
        if (f == 0) throw rt.error("RuntimeError", "uninitialized staticmethod object");
        return rt.ops.call(f, a, off, n, kw);
    }

    /** classmethod(f) / staticmethod(f): the new object with f's attributes copied into its dict. */
    @Override
    long construct(long typeObject, long[] a, int o, int n, long kw) {
        long w = construct(a, o, n, kw);
        try {
            wraps(w, a[o]);
        } catch (PyException e) {
            heap.decref(w);
            throw e;
        }
        return w;
    }

    /** cm_init / sm_init on an instance (of a subclass): sets the callable, then copies its attributes. */
    long init(long self, long[] a, int o, int n, long kw) {
        Args.noKeywords(rt, name(), kw);
        if (n != 1) throw rt.typeError(name() + " expected 1 argument, got " + n);
        heap.incref(a[o]);
        long old = get(self, CALLABLE);
        put(self, CALLABLE, a[o]);
        heap.xdecref(old);
        wraps(self, a[o]);
        heap.incref(heap.None);
        return heap.None;
    }

    /**
     * functools_wraps: each of the five attributes f has is set on the wrapper (through its setattr);
     * not the docstring of a builtin type or function when refheap has no CPython 3.11 to take it
     * from (BuiltinDocs: reading the wrapper's __doc__ then raises).
     */
    private void wraps(long w, long f) {
        for (String attr : new String[] {"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"}) {
            if (attr.equals("__doc__") && rt.builtinGetSets.docstringFromCpython(f) && !BuiltinDocs.available()) continue;
            long key = heap.strs.internedOf(attr);
            try {
                long v = Attributes.getOrSwallow(rt, f, key);
                if (v == 0) continue;
                try {
                    rt.ops.setAttr(w, key, v);
                } finally {
                    heap.decref(v);
                }
            } finally {
                heap.decref(key);
            }
        }
    }

    /** The instance dict (cm_dict), made on first use: borrowed. */
    long dict(long w) {
        long d = get(w, DICT);
        if (d == 0) {
            d = heap.dicts.create();
            put(w, DICT, d);
        }
        return d;
    }

    @Override
    String repr(long o) {
        long f = get(o, CALLABLE);
        return "<" + name() + "(" + (f == 0 ? "NULL" : rt.ops.repr(f)) + ")>";
    }

    /** __func__, __wrapped__, __isabstractmethod__, __dict__, then the dict's attributes. */
    @Override
    long attr(long o, String name) {
        long f = get(o, CALLABLE);
        switch (name) {
            case "__func__", "__wrapped__": return f == 0 ? 0 : rt.ops.incref(f);
            case "__isabstractmethod__": return rt.ops.bool(f != 0 && isAbstract(rt, f));
            case "__dict__": return rt.ops.incref(dict(o));
            default:
        }
        long d = get(o, DICT);
        long v = d == 0 ? 0 : heap.dicts.getItem(d, name);
        return v == 0 ? 0 : rt.ops.incref(v);
    }

    /** _PyObject_IsAbstract: the callable's {@code __isabstractmethod__} is true. */
    static boolean isAbstract(Runtime rt, long f) {
        var heap = rt.heap;
        long key = heap.strs.internedOf("__isabstractmethod__");
        try {
            long v = Attributes.getOrSwallow(rt, f, key);
            if (v == 0) return false;
            try {
                return rt.ops.truthy(v);
            } finally {
                heap.decref(v);
            }
        } finally {
            heap.decref(key);
        }
    }

    @Override
    boolean setAttr(long o, long nameObj, long v) {
        String name = StrType.value(nameObj);
        if (name.equals("__func__") || name.equals("__wrapped__")) throw rt.error("AttributeError", "readonly attribute");
        if (name.equals("__isabstractmethod__") || name.equals("__dict__") && v != 0 && heap.typeOf(v) != heap.dicts) {
            throw rt.error("AttributeError", "attribute '" + name + "' of '" + name() + "' objects is not writable");
        }
        if (v == 0) {
            long d = get(o, DICT);
            if (d == 0 || !heap.dicts.delItem(d, nameObj)) throw rt.ops.attributeError(o, name);
        } else {
            heap.dicts.setItem(dict(o), nameObj, v);
        }
        return true;
    }

    /** What attribute access on a class or its instance gives: a new reference. */
    /**
     * The descriptor's value on class {@code typeObject}: a staticmethod's callable; a classmethod's
     * callable bound to the class, or, when the callable is itself a descriptor (a property, a
     * class with __get__, another classmethod), its __get__(type, type) as 3.11's cm_descr_get chains.
     */
    long bind(long w, long typeObject) {
        long f = get(w, CALLABLE);
        if (!classMethod) {
            heap.incref(f);
            return f;
        }
        dev.refheap.object.PyType ft = heap.typeOf(f);
        if (ft == rt.propertyType) return rt.propertyType.getValue(f, typeObject);
        if (ft instanceof StaticMethodType inner) return inner.bind(f, typeObject);
        if (ft instanceof ClassType fc && rt.ops.lookupType(fc, "__get__") != 0) return rt.ops.descrGet(f, typeObject, typeObject);
        return rt.methodType.create(f, typeObject);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, CALLABLE, visit);
        visitField(o, DICT, visit);
    }

    @Override public boolean hasClear() { return true; }

    @Override
    public void clear(long o) {
        clearField(o, CALLABLE);
        clearField(o, DICT);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, CALLABLE));
        heap.xdecref(get(o, DICT));
        heap.freeObject(o);
    }
}
