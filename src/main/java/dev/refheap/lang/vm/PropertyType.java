package dev.refheap.lang.vm;

import java.util.function.LongConsumer;

/**
 * {@code property}: fget, fset, fdel, doc, prop_name (set by {@code __set_name__} when the property is
 * put in a class body), getter_doc: 3.11's 64 bytes + GC head ({@code getsizeof == 80}). A data
 * descriptor; errors name the property as 3.11 does ({@code property 'x' of 'C' object has no setter}).
 */
final class PropertyType extends ExtType {
    static final int FGET = 16, FSET = 24, FDEL = 32, DOC = 40, NAME = 48, GETTER_DOC = 56;

    PropertyType(Runtime rt) {
        super(rt, "property", null, HAVE_GC | BASETYPE, 64, 0, 0);
    }

    long create(long fget, long fset, long fdel) {
        return create(fget, fset, fdel, false);
    }

    /** As {@link #create(long, long, long)}; {@code docGiven}: a doc argument follows, fget's is not read. */
    private long create(long fget, long fset, long fdel, boolean docGiven) {
        long p = heap.allocObject(this, 0);
        put(p, FGET, fget == heap.None ? 0 : fget);
        put(p, FSET, fset == heap.None ? 0 : fset);
        put(p, FDEL, fdel == heap.None ? 0 : fdel);
        put(p, DOC, 0);
        put(p, NAME, 0);
        put(p, GETTER_DOC, 0);
        heap.xincref(get(p, FGET));
        heap.xincref(get(p, FSET));
        heap.xincref(get(p, FDEL));
        if (get(p, FGET) != 0 && !docGiven) {
            // property_init: without a doc argument, the doc is fget.__doc__ (None included), and
            // getter_doc says so (a copy then takes its new getter's doc)
            long key = heap.strs.internedOf("__doc__");
            try {
                long d = Attributes.getOrSwallow(rt, get(p, FGET), key);
                put(p, DOC, d);
                put(p, GETTER_DOC, d != 0 && d != heap.None ? 1 : 0);
            } finally {
                heap.decref(key);
            }
        }
        heap.track(p);
        return p;
    }

    /** property(fget=None, fset=None, fdel=None, doc=None): a new reference. */
    long construct(long[] a, int o, int n, long kw) {
        long[] args = parse(a, o, n, kw);
        long p = create(args[0], args[1], args[2], args[3] != heap.None);
        if (args[3] != heap.None) setDoc(p, args[3]);
        return p;
    }

    /** property_init on an instance of a subclass (its fields zero): the functions, then __doc__ set on the instance. */
    void init(long self, long[] a, int o, int n, long kw) {
        long[] args = parse(a, o, n, kw);
        for (int i = 0; i < 3; i++) {
            long f = args[i] == heap.None ? 0 : args[i];
            heap.xincref(f);
            long old = get(self, FGET + 8 * i);
            put(self, FGET + 8 * i, f);
            heap.xdecref(old);
        }
        long doc = args[3];
        long held = 0;
        boolean getterDoc = false;
        if (doc == heap.None && args[0] != heap.None) {
            long key = heap.strs.internedOf("__doc__");
            try {
                held = Attributes.getOrSwallow(rt, args[0], key);
            } finally {
                heap.decref(key);
            }
            if (held != 0) doc = held;
            getterDoc = held != 0 && held != heap.None;  // (a getter doc of None does not count)
        }
        put(self, GETTER_DOC, getterDoc ? 1 : 0);
        // a subclass keeps the doc in its instance (else the class's __doc__ would shadow it); one
        // that cannot (no dict) raises 3.11's AttributeError (3.12 drops the doc silently)
        long key = heap.strs.internedOf("__doc__");
        try {
            if (heap.typeOf(self) instanceof ClassType) rt.ops.setAttr(self, key, doc);
        } finally {
            heap.decref(key);
            heap.xdecref(held);
        }
    }

    private static final String[] PARAMS = {"fget", "fset", "fdel", "doc"};

    /** The four arguments (None when absent), borrowed. */
    private long[] parse(long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw), npos = n - nkw;
        if (npos > 4) throw rt.typeError("property() takes at most 4 arguments (" + npos + " given)");
        long[] r = {heap.None, heap.None, heap.None, heap.None};
        for (int i = 0; i < npos; i++) r[i] = a[o + i];
        for (int i = 0; i < nkw; i++) {
            String k = dev.refheap.object.StrType.value(dev.refheap.object.TupleType.item(kw, i));
            int j = java.util.Arrays.asList(PARAMS).indexOf(k);
            if (j < 0) throw rt.typeError("property() got an unexpected keyword argument '" + k + "'");
            if (j < npos) throw rt.typeError("argument for property() given by name ('" + k + "') and position (" + (j + 1) + ")");
            r[j] = a[o + npos + i];
        }
        return r;
    }

    private void setDoc(long p, long doc) {
        heap.incref(doc);
        long old = get(p, DOC);
        put(p, DOC, doc);
        heap.xdecref(old);
    }

    @Override
    String repr(long o) { return "<property object at " + Ops.hex(o) + ">"; }

    /** fget, fset, fdel, __doc__ (None when unset), __isabstractmethod__ (any of the three functions' flag). */
    @Override
    long attr(long o, String name) {
        int off = switch (name) {
            case "fget" -> FGET;
            case "fset" -> FSET;
            case "fdel" -> FDEL;
            case "__doc__" -> DOC;
            default -> -1;
        };
        if (off > 0) {
            long v = get(o, off);
            return rt.ops.incref(v == 0 ? heap.None : v);
        }
        if (name.equals("__isabstractmethod__")) {
            for (int f = FGET; f <= FDEL; f += 8) if (get(o, f) != 0 && StaticMethodType.isAbstract(rt, get(o, f))) return rt.ops.bool(true);
            return rt.ops.bool(false);
        }
        return 0;
    }

    @Override
    boolean setAttr(long o, long nameObj, long v) {
        String name = dev.refheap.object.StrType.value(nameObj);
        if (name.equals("__doc__") && v != 0) {
            setDoc(o, v);
            return true;
        }
        if (name.equals("fget") || name.equals("fset") || name.equals("fdel") || name.equals("__doc__")) {
            throw rt.error("AttributeError", "readonly attribute");
        }
        throw rt.ops.attributeError(o, name);
    }

    long getValue(long p, long o) {
        long fget = get(p, FGET);
        if (fget == 0) throw missing(p, o, "getter");
        return rt.ops.call0(fget, o);
    }

    void setValue(long p, long o, long v, String name) {
        long fset = get(p, FSET);
        if (fset == 0) throw missing(p, o, "setter");
        heap.decref(rt.ops.call0(fset, o, v));
    }

    void deleteValue(long p, long o, String name) {
        long fdel = get(p, FDEL);
        if (fdel == 0) throw missing(p, o, "deleter");
        heap.decref(rt.ops.call0(fdel, o));
    }

    /** The error of a missing getter, setter or deleter: the property's name and the object's type's qualified name (PyType_GetQualName), as reprs. */
    private PyException missing(long p, long o, String what) {
        long n = get(p, NAME);
        String named = n == 0 ? "property" : "property " + rt.ops.repr(n);
        dev.refheap.object.PyType t = heap.typeOf(o);
        long qual = t instanceof ClassType c ? dev.refheap.memory.Native.getLong(c.typeObject + ClassType.T_QUALNAME) : 0;
        String owner = qual != 0 ? rt.ops.repr(qual) : "'" + t.name() + "'";
        return rt.error("AttributeError", named + " of " + owner + " object has no " + what);
    }

    /** __set_name__: remembers the attribute name for error messages. */
    void setName(long p, long name) {
        heap.incref(name);
        long old = get(p, NAME);
        put(p, NAME, name);
        heap.xdecref(old);
    }

    /** A copy with fget or fdel replaced ({@code @prop.getter}, {@code @prop.deleter}). */
    long withGetter(long p, long fget) {
        return copy(p, fget, or(get(p, FSET)), or(get(p, FDEL)));
    }

    long withDeleter(long p, long fdel) {
        return copy(p, or(get(p, FGET)), or(get(p, FSET)), fdel);
    }

    /**
     * property_copy: a new property of the same class (a subclass is called with the four
     * arguments) whose doc is the old one's, unless that came from the old getter and there is a
     * getter: then the new getter's.
     */
    private long copy(long p, long fget, long fset, long fdel) {
        long doc = get(p, GETTER_DOC) != 0 && fget != heap.None ? heap.None : or(get(p, DOC));
        if (!(heap.typeOf(p) instanceof ClassType c)) {
            long r = create(fget, fset, fdel, doc != heap.None);
            if (doc != heap.None) setDoc(r, doc);
            return copyName(p, r);
        }
        long r = rt.ops.call0(c.typeObject, fget, fset, fdel, doc);
        return rt.ops.isInstance(r, this) ? copyName(p, r) : r;
    }

    private long copyName(long from, long to) {
        if (get(from, NAME) != 0) setName(to, get(from, NAME));
        return to;
    }

    /** A copy with fset replaced ({@code @prop.setter}). */
    long withSetter(long p, long fset) {
        return copy(p, or(get(p, FGET)), fset, or(get(p, FDEL)));
    }

    private long or(long v) { return v == 0 ? heap.None : v; }

    @Override
    public void traverse(long o, LongConsumer visit) {
        for (int off = FGET; off <= NAME; off += 8) visitField(o, off, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        for (int off = FGET; off <= NAME; off += 8) heap.xdecref(get(o, off));
        heap.freeObject(o);
    }
}
