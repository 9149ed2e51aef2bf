package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.util.function.LongConsumer;

/** {@code super}: the class to start after and the object to bind to (GC, getsizeof 56). */
final class SuperType extends LangType {
    static final int TYPE = 16, OBJ = 24, OBJ_TYPE = 32;

    SuperType(Runtime rt) {
        super(rt, "super", null, HAVE_GC | BASETYPE, 40, 0, 0);
    }

    /** super() (from the running frame's __class__ cell and first argument) or super(type, obj). */
    static long create(Runtime rt, long[] a, int o, int n) {
        long type, obj;
        if (n == 2) {
            type = a[o];
            obj = a[o + 1];
        } else if (n == 0) {
            Frame f = rt.interpreter.current;
            if (f == null || f.code.unit.argcount() == 0 || f.slots[0] == 0) throw rt.error("RuntimeError", "super(): no arguments");
            obj = f.slots[0];
            if (rt.heap.typeOf(obj) == rt.cellType) obj = CellType.contents(obj);
            type = 0;
            var names = f.code.unit.localsplusNames();
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equals("__class__") && f.slots[i] != 0) type = CellType.contents(f.slots[i]);
            }
            if (type == 0) throw rt.error("RuntimeError", "super(): __class__ cell not found");
        } else {
            throw rt.typeError("super() takes 0 or 2 arguments");
        }
        if (!rt.ops.isTypeObject(type)) throw rt.typeError("super() argument 1 must be a type, not " + rt.ops.typeName(type));
        long s = rt.heap.allocObject(rt.superType, 0);
        rt.heap.incref(type);
        put(s, TYPE, type);
        rt.heap.incref(obj);
        put(s, OBJ, obj);
        put(s, OBJ_TYPE, 0);
        rt.heap.track(s);
        return s;
    }

    /**
     * super's members (new reference): {@code __thisclass__} the class to start after,
     * {@code __self__} the object bound to (None when unbound), {@code __self_class__} its class (the
     * object itself when it is a class deriving from the start: super() in a classmethod); 0 for
     * another name.
     */
    long member(long s, String name) {
        long obj = get(s, OBJ);
        return switch (name) {
            case "__thisclass__" -> Builtins.incref(heap, get(s, TYPE));
            case "__self__" -> Builtins.incref(heap, obj == 0 ? heap.None : obj);
            case "__self_class__" -> {
                if (obj == 0) yield Builtins.incref(heap, heap.None);
                boolean onType = rt.ops.isTypeObject(obj) && rt.ops.isSubtype(heap.typeAt(obj), heap.typeAt(get(s, TYPE)));
                yield Builtins.incref(heap, onType ? obj : dev.refheap.object.Heap.typeAddress(obj));
            }
            default -> 0;
        };
    }

    /** The attribute found on the mro after the starting class, bound to the object; 0 if none. */
    long getAttr(long s, long nameObj) {
        String name = StrType.value(nameObj);
        PyType start = heap.typeAt(get(s, TYPE));
        long obj = get(s, OBJ);
        // supercheck: obj is a class deriving from the start (super() in a classmethod or __new__), else an instance
        boolean onType = rt.ops.isTypeObject(obj) && rt.ops.isSubtype(heap.typeAt(obj), start);
        PyType objType = onType ? heap.typeAt(obj) : heap.typeOf(obj);
        if (objType instanceof ClassType c) {
            int at = c.fullMro.indexOf(start);
            long v = at < 0 ? 0 : rt.ops.lookupMroFrom(c, at + 1, name);
            if (v != 0) return bind(v, obj, onType);
        }
        return 0;
    }

    private long bind(long v, long obj, boolean onType) {
        if (heap.typeOf(v) == rt.propertyType) return onType ? Builtins.incref(heap, v) : rt.propertyType.getValue(v, obj);
        if (heap.typeOf(v) == rt.memberType) return onType ? Builtins.incref(heap, v) : rt.memberType.get(v, obj);
        if (heap.typeOf(v) == rt.getsetType && BuiltinGetSets.isBuiltin(v)) return onType ? Builtins.incref(heap, v) : rt.builtinGetSets.get(v, obj);
        if (heap.typeOf(v) instanceof StaticMethodType sm) return sm.bind(v, onType ? obj : dev.refheap.object.Heap.typeAddress(obj));
        if (heap.typeOf(v) instanceof ClassType) {
            long got = onType ? Attributes.getOnClass(rt, v, obj) : Attributes.getOnInstance(rt, v, obj);
            if (got != 0) return got;
        }
        if (heap.typeOf(v) == rt.functionType && !onType) return rt.methodType.create(v, obj);
        if (heap.typeOf(v) instanceof BuiltinDescrType bd) return bd.bind(v, onType ? 0 : obj, onType ? obj : 0);
        if (heap.typeOf(v) == rt.builtinFunctionType && rt.builtinFunctionType.entry(v).ownerType() != null) {
            var e = rt.builtinFunctionType.entry(v);
            return rt.builtinFunctionType.create(e.name(), e.impl(), obj, e.owner());
        }
        heap.incref(v);
        return v;
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        visitField(o, TYPE, visit);
        visitField(o, OBJ, visit);
    }

    @Override
    public void dealloc(long o) {
        heap.untrackIfTracked(o);
        heap.decref(get(o, TYPE));
        heap.decref(get(o, OBJ));
        heap.freeObject(o);
    }
}
