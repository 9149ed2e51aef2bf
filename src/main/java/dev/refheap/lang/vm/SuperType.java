package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.TupleType;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * {@code super}: CPython 3.11's static type {@code PySuper_Type} (a builtin type, not a function:
 * {@code type(super) is type}, {@code isinstance(super(), super)}, a class may derive from it).
 * Layout as 3.11's superobject, 40 bytes plus the GC head ({@code getsizeof == 56}):
 * <pre> refcnt | type | type (the class to start after) | obj (bound object) | obj_type (its supercheck class) </pre>
 * Each field is owned and may be NULL: all three are NULL in an object {@code super.__new__(super)}
 * made, {@code obj} and {@code obj_type} in an unbound super ({@code super(C)}). Traversed as
 * 3.11's super_traverse: obj, type, obj_type; no tp_clear (the collector breaks a cycle through
 * the other objects in it).
 *
 * <p>States: allocated and tracked (tp_alloc: PyType_GenericAlloc tracks at once), then filled by
 * super_init; {@code __init__} may fill it again (the old references released after the new are
 * set). Calling {@code super(...)} itself is {@link #vectorcall} (3.11's super_vectorcall: the
 * object is allocated before the arguments are checked, and released on an error); a class
 * derived from super gets PyType_GenericNew and {@code super.__init__} ({@link #init}).
 *
 * <p>Attribute lookup ({@link #getattro}, super_getattro) goes over obj_type's mro after
 * {@code type}, each class's own dict, and binds what it finds through its {@code __get__}
 * with the object (NULL when the object is obj_type itself) and obj_type; {@code __class__}, an
 * unbound super and a name found nowhere fall back to the generic lookup on the super object
 * (its members {@code __thisclass__}, {@code __self__}, {@code __self_class__}, its methods, a
 * subclass's attributes). The same lookup serves a subclass's instances (tp_getattro is inherited).
 */
final class SuperType extends ExtType {
    static final int TYPE = 16, OBJ = 24, OBJ_TYPE = 32;

    SuperType(Runtime rt) {
        super(rt, "super", null, HAVE_GC | BASETYPE, 40, 0, 0);
    }

    /** Whether instances of {@code t} are super objects: super itself or a class derived from it. */
    boolean isSuper(PyType t) {
        return t == this || t instanceof ClassType c && c.builtinBase == this;
    }

    /** tp_alloc (PyType_GenericAlloc) for super itself: the fields NULL, the object tracked. */
    long alloc() {
        long s = heap.allocObject(this, 0);
        put(s, TYPE, 0);
        put(s, OBJ, 0);
        put(s, OBJ_TYPE, 0);
        heap.track(s);
        return s;
    }

    /**
     * super_vectorcall: {@code super(...)} called. No keywords, at most two arguments; the object is
     * allocated first, then the first argument is checked and super_init_impl fills it. New reference.
     */
    long vectorcall(long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (nkw > 0) throw rt.typeError("super() takes no keyword arguments");
        if (n > 2) throw rt.typeError("super() expected at most 2 arguments, got " + n);
        long su = alloc();
        try {
            long type = 0, obj = 0;
            if (n != 0) {
                type = a[o];
                if (!rt.ops.isTypeObject(type)) throw rt.typeError("super() argument 1 must be a type, not " + rt.ops.typeName(type));
            }
            if (n == 2) obj = a[o + 1];
            initImpl(su, type, obj);
            return su;
        } catch (RuntimeException e) {
            heap.decref(su);
            throw e;
        }
    }

    /** super_init, the tp_init ({@code super.__init__(self, ...)}): PyArg_ParseTuple's "|O!O:super" messages. */
    void init(long self, long[] a, int o, int n, long kw) {
        int nkw = Args.nkw(kw);
        if (nkw > 0) throw rt.typeError("super() takes no keyword arguments");
        if (n > 2) throw rt.typeError("super() takes at most 2 arguments (" + n + " given)");
        long type = 0, obj = 0;
        if (n >= 1) {
            type = a[o];
            if (!rt.ops.isTypeObject(type)) throw rt.typeError("super() argument 1 must be type, not " + rt.ops.typeName(type));
        }
        if (n == 2) obj = a[o + 1];
        initImpl(self, type, obj);
    }

    /** super_init_impl: type 0 is the zero-argument form; obj None or 0 leaves the super unbound. */
    private void initImpl(long su, long type, long obj) {
        if (type == 0) {
            long[] found = withoutArgs();
            type = found[0];
            obj = found[1];
        }
        if (obj == heap.None) obj = 0;
        long objType = 0;
        if (obj != 0) {
            objType = supercheck(type, obj);
            heap.incref(obj);
        }
        heap.incref(type);
        // Py_XSETREF in this order: each old value released after its field holds the new one
        long old = get(su, TYPE);
        put(su, TYPE, type);
        heap.xdecref(old);
        old = get(su, OBJ);
        put(su, OBJ, obj);
        heap.xdecref(old);
        old = get(su, OBJ_TYPE);
        put(su, OBJ_TYPE, objType);
        heap.xdecref(old);
    }

    /**
     * super_init_without_args: the running frame's first argument (a cell's contents when it is a
     * cell variable) and its {@code __class__} free variable's cell contents; borrowed.
     */
    private long[] withoutArgs() {
        Frame f = rt.interpreter.current;
        if (f == null) throw rt.error("RuntimeError", "super(): no current frame");
        CodeUnit u = f.code.unit;
        if (u.argcount() == 0) throw rt.error("RuntimeError", "super(): no arguments");
        long first = f.slots[0];
        byte[] kinds = u.localsplusKinds();
        if (first != 0 && (kinds[0] & CodeUnit.KIND_CELL) != 0 && heap.typeOf(first) == rt.cellType) first = CellType.contents(first);
        if (first == 0) throw rt.error("RuntimeError", "super(): arg[0] deleted");
        List<String> names = u.localsplusNames();
        for (int i = 0; i < names.size(); i++) {
            if ((kinds[i] & CodeUnit.KIND_FREE) == 0 || !names.get(i).equals("__class__")) continue;
            long cell = i < f.slots.length ? f.slots[i] : 0;
            if (cell == 0 || heap.typeOf(cell) != rt.cellType) throw rt.error("RuntimeError", "super(): bad __class__ cell");
            long type = CellType.contents(cell);
            if (type == 0) throw rt.error("RuntimeError", "super(): empty __class__ cell");
            if (!rt.ops.isTypeObject(type)) throw rt.error("RuntimeError", "super(): __class__ is not a type (" + Ops.tpName(heap.typeOf(type)) + ")");
            return new long[] {type, first};
        }
        throw rt.error("RuntimeError", "super(): __class__ cell not found");
    }

    /**
     * supercheck: the class super's lookup walks (new reference): obj itself when it is a class
     * deriving from type (super() in a classmethod or __new__), else obj's type when it derives
     * from type, else obj's {@code __class__} when that is another class deriving from type (a proxy).
     */
    private long supercheck(long type, long obj) {
        PyType start = heap.typeAt(type);
        if (rt.ops.isTypeObject(obj) && rt.ops.isSubtype(heap.typeAt(obj), start)) return Builtins.incref(heap, obj);
        if (rt.ops.isSubtype(heap.typeOf(obj), start)) return Builtins.incref(heap, Heap.typeAddress(obj));
        long classAttr = Attributes.getOrSwallow(rt, obj, rt.names.__class__);
        if (classAttr != 0) {
            if (rt.ops.isTypeObject(classAttr) && classAttr != Heap.typeAddress(obj) && rt.ops.isSubtype(heap.typeAt(classAttr), start)) return classAttr;
            heap.decref(classAttr);
        }
        throw rt.typeError("super(type, obj): obj must be an instance or subtype of type");
    }

    /** super_descr_get: {@code s.__get__(obj, type)}. New reference. */
    long descrGet(long s, long obj, long type) {
        if (obj == 0 || obj == heap.None || get(s, OBJ) != 0) return Builtins.incref(heap, s);
        long thisClass = get(s, TYPE);
        long[] args = {thisClass == 0 ? heap.None : thisClass, obj};
        if (heap.typeOf(s) == this) return vectorcall(args, 0, 2, 0);
        // a subclass: Py_TYPE(su)(su->type, obj)
        return rt.ops.call(Heap.typeAddress(s), args, 0, 2, 0);
    }

    /**
     * super_getattro's own part: the attribute found on obj_type's mro after {@code type}, bound
     * through its {@code __get__}; 0 to go on with the generic lookup (unbound, {@code __class__},
     * not found). New reference.
     */
    long getattro(long s, long nameObj, String name) {
        long startObj = get(s, OBJ_TYPE);
        if (startObj == 0 || name.equals("__class__")) return 0;
        PyType start = heap.typeAt(startObj);
        long thisClass = get(s, TYPE);
        List<PyType> mro = mro(start);
        int i = 0;
        while (i < mro.size() && mro.get(i).address() != thisClass) i++;
        for (i++; i < mro.size(); i++) {
            PyType m = mro.get(i);
            long res = rt.ops.ownAttr(m, name);
            if (res == 0) continue;
            long obj = get(s, OBJ);
            heap.incref(res);
            try {
                return rt.ops.descrGet(res, obj == startObj ? 0 : obj, startObj);
            } finally {
                heap.decref(res);
            }
        }
        return 0;
    }

    /** A type's mro as a list (tp_mro: a class's, or a builtin type's from refheap's table). */
    private List<PyType> mro(PyType t) {
        if (t instanceof ClassType c) return c.fullMro;
        long tuple = rt.builtinTypeInfo.mro(t);
        List<PyType> out = new java.util.ArrayList<>();
        for (long k = 0; k < TupleType.size(tuple); k++) out.add(heap.typeAt(TupleType.item(tuple, k)));
        return out;
    }

    /** super_repr. */
    @Override
    String repr(long s) {
        long type = get(s, TYPE), objType = get(s, OBJ_TYPE);
        String tn = type == 0 ? "NULL" : Ops.tpName(heap.typeAt(type));
        if (objType != 0) return "<super: <class '" + tn + "'>, <" + Ops.tpName(heap.typeAt(objType)) + " object>>";
        return "<super: <class '" + tn + "'>, NULL>";
    }

    /**
     * The members (new reference): {@code __thisclass__}, {@code __self__}, {@code __self_class__}
     * (T_OBJECT: None for NULL); 0 for another name.
     */
    long member(long s, String name) {
        int off = switch (name) {
            case "__thisclass__" -> TYPE;
            case "__self__" -> OBJ;
            case "__self_class__" -> OBJ_TYPE;
            default -> -1;
        };
        if (off < 0) return 0;
        long v = get(s, off);
        return Builtins.incref(heap, v == 0 ? heap.None : v);
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, OBJ, visit);
        visitField(o, TYPE, visit);
        visitField(o, OBJ_TYPE, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.xdecref(get(o, OBJ));
        heap.xdecref(get(o, TYPE));
        heap.xdecref(get(o, OBJ_TYPE));
        heap.freeObject(o);
    }
}
