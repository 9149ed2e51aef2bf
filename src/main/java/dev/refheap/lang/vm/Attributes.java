package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.DictType;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.util.HashMap;
import java.util.Map;

/**
 * Attribute access on instances of classes defined by Python code: the descriptor protocol of
 * PyObject_GenericGetAttr / PyObject_GenericSetAttr and the hooks of slot_tp_getattr_hook and
 * slot_tp_setattro.
 *
 * <p>Reading {@code o.name} with no hooks: a data descriptor on the class (a type with
 * {@code __set__} or {@code __delete__}: property, member_descriptor, getset_descriptor, or an
 * instance of a class defining either) wins; then the instance's {@code __dict__}; then a non-data
 * descriptor ({@code __get__}: functions bind, staticmethod/classmethod, user classes' {@code __get__})
 * or the plain class attribute. A class whose mro defines {@code __getattribute__} has it called
 * instead; {@code __getattr__} is called when the lookup raised AttributeError. Writing and
 * deleting: a user {@code __setattr__}/{@code __delattr__}, else a descriptor's {@code __set__}/
 * {@code __delete__}, else the instance dict; a class without {@code __dict__} (only
 * {@code __slots__}) refuses other names with CPython's messages.
 *
 * <p>Which hooks a class has is cached on the {@link ClassType} per watched-dict version, so it
 * is recomputed after any class dict changes. The interpreter's attribute caches only fill for
 * classes with no hooks and names with no data descriptor, so they never bypass any of this.
 */
final class Attributes {
    private Attributes() {}

    static final int GETATTRIBUTE = 1, GETATTR = 2, SETATTR = 4, DELATTR = 8;
    /** Not a hook: a class on the mro defines {@code __class__} itself (instances report it; isinstance looks through it). */
    static final int OWN_CLASS = 16;

    /** The hook bits of class {@code c}: which of the four methods its mro's class dicts define. */
    static int hooks(Runtime rt, ClassType c) {
        long version = rt.heap.dicts.watchedVersion();
        if (c.hooksVersion != version) {
            int h = 0;
            if (rt.ops.lookupUserOnly(c, "__getattribute__") != 0) h |= GETATTRIBUTE;
            if (rt.ops.lookupUserOnly(c, "__getattr__") != 0) h |= GETATTR;
            if (rt.ops.lookupUserOnly(c, "__setattr__") != 0) h |= SETATTR;
            if (rt.ops.lookupUserOnly(c, "__delattr__") != 0) h |= DELATTR;
            if (rt.ops.lookupUserOnly(c, "__class__") != 0) h |= OWN_CLASS;
            c.hooks = h;
            c.hooksVersion = version;
        }
        return c.hooks;
    }

    /** True if {@code d} is a data descriptor (its type has __set__ or __delete__). */
    static boolean isDataDescriptor(Runtime rt, long d) {
        PyType dt = rt.heap.typeOf(d);
        if (dt == rt.propertyType || dt == rt.memberType || dt == rt.getsetType) return true;
        if (dt instanceof NativeType nt) return nt.isDataDescriptorType();
        return dt instanceof ClassType dc && (rt.ops.lookupType(dc, "__set__") != 0 || rt.ops.lookupType(dc, "__delete__") != 0);
    }

    static boolean isAttributeError(Runtime rt, PyException e) {
        return rt.ops.isInstance(e.exc(), rt.exceptionType("AttributeError"));
    }

    /** o.name (an interned name) as a new reference, or 0 when the lookup finds nothing without raising. */
    static long getOrNull(Runtime rt, long o, String name) {
        return byName(rt, name, n -> rt.ops.getAttrOrNull(o, n));
    }

    /** o.name (an interned name) as a new reference; AttributeError and every other error propagate. */
    static long get(Runtime rt, long o, String name) {
        return byName(rt, name, n -> rt.ops.getAttr(o, n));
    }

    /** {@link #getOrSwallow(Runtime, long, long)} by an interned name (_PyObject_LookupAttr with a C string). */
    static long getOrSwallow(Runtime rt, long o, String name) {
        return byName(rt, name, n -> getOrSwallow(rt, o, n));
    }

    /** {@code lookup} of the interned str {@code name}, which is released afterwards whatever the lookup does. */
    private static long byName(Runtime rt, String name, java.util.function.LongUnaryOperator lookup) {
        long n = rt.heap.strs.internedOf(name);
        try {
            return lookup.applyAsLong(n);
        } finally {
            rt.heap.decref(n);
        }
    }

    /** o.name as a new reference, or 0 when absent or when the lookup raised AttributeError (hasattr, getattr with a default). */
    static long getOrSwallow(Runtime rt, long o, long nameObj) {
        try {
            return rt.ops.getAttrOrNull(o, nameObj);
        } catch (PyException e) {
            if (!isAttributeError(rt, e)) throw e;
            rt.heap.decref(e.exc());
            return 0;
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    /** slot_tp_getattr_hook: __getattribute__ (user or generic), then __getattr__ on AttributeError. New reference or 0. */
    static long getHooked(Runtime rt, long o, ClassType c, long nameObj, String name, int hooks) {
        Heap heap = rt.heap;
        // __getattr__ is looked up first and held: __getattribute__ may delete it from the class
        long g = (hooks & GETATTR) != 0 ? rt.ops.lookupType(c, "__getattr__") : 0;
        if (g != 0) heap.incref(g);
        try {
            long v;
            try {
                if ((hooks & GETATTRIBUTE) != 0) {
                    long f = rt.ops.lookupType(c, "__getattribute__");
                    heap.incref(f);
                    try {
                        v = callDescr(rt, f, o, nameObj);
                    } finally {
                        heap.decref(f);
                    }
                } else {
                    v = c.builtinBase == rt.superType ? rt.ops.superGetattro(o, nameObj, name) : rt.ops.genericGetAttrOrNull(o, nameObj, name);
                }
                if (v != 0 || g == 0) return v;
            } catch (PyException e) {
                if (g == 0 || !isAttributeError(rt, e)) throw e;
                heap.decref(e.exc());
            }
            return callDescr(rt, g, o, nameObj);
        } finally {
            if (g != 0) heap.decref(g);
        }
    }

    /** o.name(args) for a special method: looked up on the class only (_PyObject_LookupSpecial), never through the hooks. */
    static long callSpecial(Runtime rt, long o, ClassType c, String name, long[] args) {
        long f = rt.ops.lookupType(c, name);
        if (f == 0) throw rt.ops.attributeError(o, name);
        rt.heap.incref(f);
        try {
            return callDescr(rt, f, o, args);
        } finally {
            rt.heap.decref(f);
        }
    }

    /** Calls a function found on the class as a method of {@code o}. */
    private static long callDescr(Runtime rt, long f, long o, long... args) {
        long[] a = new long[args.length + 1];
        a[0] = o;
        System.arraycopy(args, 0, a, 1, args.length);
        PyType ft = rt.heap.typeOf(f);
        if (ft == rt.functionType || ft == rt.builtinFunctionType || ft == rt.methodDescrType || ft == rt.wrapperDescrType) return rt.ops.call(f, a, 0, a.length, 0);
        long bound = rt.ops.bindForCall(f, o);
        try {
            return rt.ops.call(bound, args, 0, args.length, 0);
        } finally {
            rt.heap.decref(bound);
        }
    }

    /**
     * PyObject_GenericGetAttr for an instance of a class: data descriptor, instance dict, non-data
     * descriptor or class attribute. New reference, or 0 if absent.
     */
    static long generic(Runtime rt, long o, ClassType c, String name) { return generic(rt, o, c, name, true); }

    /**
     * As {@link #generic(Runtime, long, ClassType, String)}; without {@code baseDict} the instance's
     * own dict even where its native base keeps its attributes elsewhere (object.__getattribute__ on
     * a _thread._local subclass's instance: PyObject_GenericGetAttr, not local_getattro).
     */
    static long generic(Runtime rt, long o, ClassType c, String name, boolean withBaseDict) {
        Heap heap = rt.heap;
        long baseDict = withBaseDict ? baseAttrDict(o, c) : 0;
        if (baseDict != 0 && name.equals("__dict__")) {  // local_getattro: before any descriptor
            heap.incref(baseDict);
            return baseDict;
        }
        long descr = rt.ops.lookupType(c, name);
        if (descr != 0) {
            PyType dt = heap.typeOf(descr);
            if (dt == rt.propertyType) return rt.propertyType.getValue(descr, o);
            if (dt == rt.memberType) return rt.memberType.get(descr, o);
            if (dt == rt.getsetType) return getsetGet(rt, descr, o, c);
            if (dt instanceof NativeType nt && nt.isDataDescriptorType()) return nt.descrGet(descr, o, Heap.typeAddress(o));
            if (dt instanceof ClassType dc && isDataDescriptor(rt, descr)) {
                long get = rt.ops.lookupType(dc, "__get__");
                if (get != 0) return callGet(rt, get, descr, o);
            }
        }
        if (c.builtinLayout() && c.builtinBase instanceof ExtType x && (withBaseDict || !baseKeepsAttrs(c)) && rt.ops.lookupUserOnly(c, name) == 0) {
            long v = x.attr(o, name);  // the base's own data attributes (classmethod's __func__...)
            if (v != 0) return v;
        }
        long v = baseDict != 0 ? heap.dicts.getItem(baseDict, name) : Instances.get(rt, o, c, name);
        if (v != 0) {
            heap.incref(v);
            return v;
        }
        if (descr != 0) {
            if (heap.typeOf(descr) instanceof ClassType dc) {
                long get = rt.ops.lookupType(dc, "__get__");
                if (get != 0) return callGet(rt, get, descr, o);
            }
            return rt.ops.bindDescriptorOf(descr, o);
        }
        return 0;
    }

    /** A data descriptor's value for {@code o} (property, member, getset, or a class's {@code __get__}); new reference. */
    static long descriptorGet(Runtime rt, long descr, long o) {
        PyType dt = rt.heap.typeOf(descr);
        if (dt == rt.propertyType) return rt.propertyType.getValue(descr, o);
        if (dt == rt.memberType) return rt.memberType.get(descr, o);
        if (dt == rt.getsetType && BuiltinGetSets.isBuiltin(descr)) return rt.builtinGetSets.get(descr, o);
        if (dt instanceof ClassType dc) {
            long get = rt.ops.lookupType(dc, "__get__");
            if (get != 0) return callGet(rt, get, descr, o);
        }
        return rt.ops.incref(descr);
    }

    /**
     * Setting or deleting ({@code v} 0) an attribute of class {@code o} whose metaclass is {@code m}:
     * the metaclass's {@code __setattr__}/{@code __delattr__}, else a data descriptor it defines,
     * else type_setattro.
     */
    static void setOnClass(Runtime rt, long o, ClassType m, long nameObj, String name, long v) {
        Heap heap = rt.heap;
        int h = hooks(rt, m);
        if ((h & (v == 0 ? DELATTR : SETATTR)) != 0) {
            long f = rt.ops.lookupType(m, v == 0 ? "__delattr__" : "__setattr__");
            heap.incref(f);
            try {
                heap.decref(v == 0 ? callDescr(rt, f, o, nameObj) : callDescr(rt, f, o, nameObj, v));
            } finally {
                heap.decref(f);
            }
            return;
        }
        long descr = rt.ops.lookupUserOnly(m, name);
        if (descr != 0 && isDataDescriptor(rt, descr)) {
            PyType dt = heap.typeOf(descr);
            if (dt == rt.propertyType) {
                if (v == 0) rt.propertyType.deleteValue(descr, o, name);
                else rt.propertyType.setValue(descr, o, v, name);
                return;
            }
            if (dt instanceof ClassType dc) {
                long f = rt.ops.lookupType(dc, v == 0 ? "__delete__" : "__set__");
                if (f == 0) throw rt.error("AttributeError", v == 0 ? "__delete__" : "__set__");
                long[] a = v == 0 ? new long[] {descr, o} : new long[] {descr, o, v};
                heap.incref(f);
                try {
                    heap.decref(rt.ops.call(f, a, 0, a.length, 0));
                } finally {
                    heap.decref(f);
                }
                return;
            }
        }
        rt.ops.setClassAttr(o, nameObj, name, v);
    }

    /** descr.__get__(o, type(o)) for a user descriptor. */
    private static long callGet(Runtime rt, long get, long descr, long o) {
        Heap heap = rt.heap;
        heap.incref(descr);
        heap.incref(get);
        try {
            long obj = o == 0 ? heap.None : o;
            return rt.ops.call(get, new long[] {descr, obj, o == 0 ? 0 : Heap.typeAddress(o)}, 0, 3, 0);
        } finally {
            heap.decref(get);
            heap.decref(descr);
        }
    }

    /** descr.__get__(o, type(o)) if descr's class defines __get__, else 0. */
    static long getOnInstance(Runtime rt, long descr, long o) {
        if (!(rt.heap.typeOf(descr) instanceof ClassType dc)) return 0;
        long get = rt.ops.lookupType(dc, "__get__");
        return get == 0 ? 0 : callGet(rt, get, descr, o);
    }

    /** descr.__get__(None, cls) for a user descriptor found on a class by {@code cls.name}; 0 if it has no __get__. */
    static long getOnClass(Runtime rt, long descr, long cls) {
        if (rt.heap.typeOf(descr) instanceof StaticMethodType) return rt.ops.descrGet(descr, 0, cls);  // (a classmethod'd property: its value)
        if (!(rt.heap.typeOf(descr) instanceof ClassType dc)) return 0;
        long get = rt.ops.lookupType(dc, "__get__");
        if (get == 0) return 0;
        Heap heap = rt.heap;
        heap.incref(descr);
        heap.incref(get);
        try {
            return rt.ops.call(get, new long[] {descr, heap.None, cls}, 0, 3, 0);
        } finally {
            heap.decref(get);
            heap.decref(descr);
        }
    }

    /** The __dict__ and __weakref__ getset descriptors' getters. */
    static long getsetGet(Runtime rt, long descr, long o, ClassType c) {
        if (BuiltinGetSets.isBuiltin(descr)) return rt.builtinGetSets.get(descr, o);
        Heap heap = rt.heap;
        String name = StrType.value(Native.getLong(descr + GetSetDescriptorType.NAME));
        if (name.equals("__weakref__")) {
            long w = heap.weakrefs.first(o);
            heap.incref(w == 0 ? heap.None : w);
            return w == 0 ? heap.None : w;
        }
        if (c.managed() || c.dictOffset != 0) {
            long d = c.managed() ? Instances.genericGetDict(rt, o, c) : Instances.slotDict(rt, o, c);
            heap.incref(d);
            return d;
        }
        throw rt.error("NotImplementedError", "refheap does not support the getset descriptor '" + name + "' of '" + c.name() + "' yet");
    }

    // ---- writing and deleting ------------------------------------------------------------------

    /** setattr/delattr for an instance of a class ({@code v} 0 deletes): the user hook, else the generic one. */
    static void set(Runtime rt, long o, ClassType c, long nameObj, String name, long v) {
        int h = hooks(rt, c);
        if ((h & (v == 0 ? DELATTR : SETATTR)) != 0) {
            long f = rt.ops.lookupType(c, v == 0 ? "__delattr__" : "__setattr__");
            rt.heap.incref(f);
            try {
                rt.heap.decref(v == 0 ? callDescr(rt, f, o, nameObj) : callDescr(rt, f, o, nameObj, v));
            } finally {
                rt.heap.decref(f);
            }
            return;
        }
        genericSet(rt, o, c, nameObj, name, v);
    }

    /** The dict a native base keeps a subclass instance's attributes in ({@link NativeType#subtypeAttrDict}), or 0. */
    static long baseAttrDict(long o, ClassType c) {
        return c.builtinLayout() && c.builtinBase instanceof NativeType nt ? nt.subtypeAttrDict(o) : 0;
    }

    /** Whether instances of {@code c} keep their attributes in a dict of their native base ({@link #baseAttrDict}). */
    static boolean baseKeepsAttrs(ClassType c) {
        return c.builtinLayout() && c.builtinBase instanceof NativeType nt && nt.keepsSubtypeAttrs();
    }

    /** PyObject_GenericSetAttr ({@code v} 0 deletes). */
    static void genericSet(Runtime rt, long o, ClassType c, long nameObj, String name, long v) {
        Heap heap = rt.heap;
        long baseDict = baseAttrDict(o, c);
        if (baseDict != 0 && name.equals("__dict__")) {  // local_setattro: before any descriptor
            throw rt.error("AttributeError", "'" + c.name() + "' object attribute '__dict__' is read-only");
        }
        if (name.equals("__class__")) {
            setClass(rt, o, c, v);
            return;
        }
        long descr = rt.ops.lookupType(c, name);
        if (descr != 0) {
            PyType dt = heap.typeOf(descr);
            if (dt == rt.propertyType) {
                if (v == 0) rt.propertyType.deleteValue(descr, o, name);
                else rt.propertyType.setValue(descr, o, v, name);
                return;
            }
            if (dt == rt.memberType) {
                rt.memberType.set(descr, o, v);
                return;
            }
            if (dt == rt.getsetType) {
                getsetSet(rt, descr, o, c, v);
                return;
            }
            if (dt instanceof NativeType nt && nt.isDataDescriptorType()) {
                nt.descrSet(descr, o, v);
                return;
            }
            if (dt instanceof ClassType dc) {
                long f = rt.ops.lookupType(dc, v == 0 ? "__delete__" : "__set__");
                if (f != 0) {
                    heap.incref(descr);
                    heap.incref(f);
                    try {
                        long[] a = v == 0 ? new long[] {descr, o} : new long[] {descr, o, v};
                        heap.decref(rt.ops.call(f, a, 0, a.length, 0));
                    } finally {
                        heap.decref(f);
                        heap.decref(descr);
                    }
                    return;
                }
                if (isDataDescriptor(rt, descr)) throw rt.error("AttributeError", v == 0 ? "__delete__" : "__set__");
            }
        }
        // a member or getset the native base answers itself (no descriptor in its type dict) refuses as its descriptor would
        if (descr == 0 && c.builtinLayout() && c.builtinBase instanceof NativeType nt) nt.checkSettable(name);
        if (baseDict != 0) {  // _PyObject_GenericSetAttrWithDict with the base's dict
            if (v != 0) heap.dicts.setItem(baseDict, nameObj, v);
            else if (!heap.dicts.delItem(baseDict, nameObj)) throw rt.ops.attributeError(o, name);
            return;
        }
        if (name.equals("__dict__") && c.builtinLayout() && c.builtinBase instanceof NativeType nt && nt.ownDictOffset() != 0) {
            nt.setAttrOf(o, name, v);  // the native base's own __dict__ getset (ast.AST's)
            return;
        }
        if (c.exceptionBased) {
            if (v == 0) {
                long d = Native.getLong(o + ExceptionType.DICT);
                if (d != 0 && heap.dicts.delItem(d, nameObj)) return;
                throw rt.ops.attributeError(o, name);
            }
            rt.ops.setExceptionAttribute(o, c, nameObj, name, v);
            return;
        }
        if (c.managed()) {
            if (v == 0) {
                if (!Instances.delete(rt, o, c, name)) throw rt.ops.attributeError(o, name);
            } else {
                Instances.set(rt, o, c, name, v);
            }
            return;
        }
        if (c.dictOffset != 0) {
            long d = Instances.slotDict(rt, o, c);
            if (v != 0) heap.dicts.setItem(d, nameObj, v);
            else if (!heap.dicts.delItem(d, nameObj)) throw rt.ops.attributeError(o, name);
            return;
        }
        if (descr != 0) throw rt.error("AttributeError", "'" + c.name() + "' object attribute '" + name + "' is read-only");
        throw rt.error("AttributeError", "'" + c.name() + "' object has no attribute '" + name + "'");
    }

    /**
     * object.__class__ = new class (object_set_class): only between classes defined by Python
     * code with the same layout; the inline values are first made into a dict, since the new class
     * has other shared keys.
     */
    static void setClass(Runtime rt, long o, ClassType c, long v) {
        Heap heap = rt.heap;
        if (c.builtinBase == rt.moduleType) {
            setModuleClass(rt, o, c, v);
            return;
        }
        if (v == 0) throw rt.typeError("can't delete __class__ attribute");
        if (!rt.ops.isTypeObject(v)) throw rt.typeError("__class__ must be set to a class, not '" + rt.ops.typeName(v) + "' object");
        if (!(heap.typeAt(v) instanceof ClassType nc)) throw rt.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        if (nc == c) return;
        if (!sameLayout(c, nc)) throw rt.typeError("__class__ assignment: '" + nc.name() + "' object layout differs from '" + c.name() + "'");
        if (c.managed()) Instances.materializeValues(rt, o, c);
        heap.incref(v);
        Native.putLong(o + Layout.OB_TYPE, v);
        heap.decref(c.typeObject);
    }

    /**
     * object_set_class for a module ({@code old} is module or a class derived from it): any class
     * derived from module with the same layout (no {@code __slots__} added), module itself included;
     * the class objects' references move as Py_SET_TYPE's caller moves them (heap types only).
     */
    static void setModuleClass(Runtime rt, long o, PyType old, long v) {
        Heap heap = rt.heap;
        if (v == 0) throw rt.typeError("can't delete __class__ attribute");
        if (!rt.ops.isTypeObject(v)) throw rt.typeError("__class__ must be set to a class, not '" + rt.ops.typeName(v) + "' object");
        PyType nt = heap.typeAt(v);
        boolean newModule = nt == rt.moduleType || nt instanceof ClassType nc && nc.builtinBase == rt.moduleType;
        if (!newModule && !(old instanceof ClassType && nt instanceof ClassType)) {
            throw rt.typeError("__class__ assignment only supported for mutable types or ModuleType subclasses");
        }
        if (nt == old) return;
        boolean same = newModule && (old instanceof ClassType a && nt instanceof ClassType b ? sameLayout(a, b)
                : old.basicSize() == nt.basicSize() && old.weaklistOffset() == nt.weaklistOffset());
        if (!same) throw rt.typeError("__class__ assignment: '" + nt.name() + "' object layout differs from '" + old.name() + "'");
        if (nt instanceof ClassType) heap.incref(v);
        Native.putLong(o + Layout.OB_TYPE, v);
        if (old instanceof ClassType oc) heap.decref(oc.typeObject);
    }

    /** compatible_for_assignment: same base layout, size, dict, weakref and slots. */
    private static boolean sameLayout(ClassType a, ClassType b) {
        if (a.basicSize() != b.basicSize() || a.weaklistOffset() != b.weaklistOffset() || a.flags() != b.flags()
                || a.exceptionBased != b.exceptionBased || a.builtinBase != b.builtinBase) {
            return false;
        }
        ClassType x = a, y = b;
        while (x != null && x.slotNames.length == 0) x = x.heapBase;
        while (y != null && y.slotNames.length == 0) y = y.heapBase;
        if (x == y) return true;
        if (x == null || y == null) return false;
        return java.util.Arrays.equals(x.slotNames, y.slotNames) && java.util.Arrays.equals(x.slotOffsets, y.slotOffsets)
                && sameLayoutBelow(x.heapBase, y.heapBase);
    }

    private static boolean sameLayoutBelow(ClassType a, ClassType b) {
        if (a == null || b == null) return a == b || (a == null ? b.basicSize() == 16 || b.slotNames.length == 0 : a.slotNames.length == 0);
        return sameLayout(a, b);
    }

    /** type.__name__ and __qualname__ assignment (strings only), __bases__/__mro__/__dict__ refused. True if handled. */
    static boolean setClassSpecial(Runtime rt, long t, ClassType c, String name, long v) {
        Heap heap = rt.heap;
        int off;
        switch (name) {
            case "__name__" -> off = ClassType.T_NAME;
            case "__qualname__" -> off = ClassType.T_QUALNAME;
            case "__bases__" -> {
                setSameBases(rt, t, c, v);
                return true;
            }
            case "__mro__" -> throw rt.error("AttributeError", "readonly attribute");
            case "__dict__" -> throw rt.error("AttributeError", "attribute '__dict__' of 'type' objects is not writable");
            default -> { return false; }
        }
        if (v == 0 || !Heap.isStr(v)) {
            throw rt.typeError("can only assign string to " + StrType.value(Native.getLong(t + ClassType.T_NAME)) + "." + name + ", not '" + (v == 0 ? "NoneType" : rt.ops.typeName(v)) + "'");
        }
        heap.incref(v);
        long old = Native.getLong(t + off);
        Native.putLong(t + off, v);
        heap.decref(old);
        return true;
    }

    /**
     * type_set_bases for the one case refheap supports: the same bases again, in a new tuple
     * (typing.NamedTuple's {@code nm_tpl.__bases__ = (tuple,)}); the class keeps its mro. Other
     * bases are refused by name (the layout checks and mro rebuild of a real change are not there).
     */
    private static void setSameBases(Runtime rt, long t, ClassType c, long v) {
        Heap heap = rt.heap;
        String cname = StrType.value(Native.getLong(t + ClassType.T_NAME));
        if (v == 0) throw rt.typeError("cannot delete '__bases__' attribute of immutable type '" + cname + "'");
        if (heap.typeOf(v) != heap.tuples) throw rt.typeError("can only assign tuple to " + cname + ".__bases__, not " + rt.ops.typeName(v));
        long n = dev.refheap.object.TupleType.size(v);
        if (n == 0) throw rt.typeError("can only assign non-empty tuple to " + cname + ".__bases__, not ()");
        long old = Native.getLong(t + ClassType.T_BASES);
        boolean same = dev.refheap.object.TupleType.size(old) == n;
        for (long i = 0; same && i < n; i++) same = dev.refheap.object.TupleType.item(old, i) == dev.refheap.object.TupleType.item(v, i);
        if (!same) throw rt.error("NotImplementedError", "refheap does not support assigning other __bases__ yet");
        heap.incref(v);
        Native.putLong(t + ClassType.T_BASES, v);
        heap.decref(old);
    }

    /**
     * func.__annotations__ (func_get_annotations): made on first use, an empty dict when the
     * function has none, or the dict of MAKE_FUNCTION's (name, value, ...) tuple; kept in the function.
     */
    static long functionAnnotations(Runtime rt, long f) {
        Heap heap = rt.heap;
        long a = Native.getLong(f + FunctionType.ANNOTATIONS);
        if (a == 0 || heap.typeOf(a) == heap.tuples) {
            long d = heap.dicts.create();
            if (a != 0) {
                for (long i = 0; i + 1 < dev.refheap.object.TupleType.size(a); i += 2) {
                    heap.dicts.setItem(d, dev.refheap.object.TupleType.item(a, i), dev.refheap.object.TupleType.item(a, i + 1));
                }
            }
            Native.putLong(f + FunctionType.ANNOTATIONS, d);
            heap.xdecref(a);
            a = d;
        }
        heap.incref(a);
        return a;
    }

    /** A function's __name__, __qualname__ (strings only), __doc__, __module__ and __annotations__. True if handled. */
    static boolean setFunctionSpecial(Runtime rt, long f, String name, long v) {
        Heap heap = rt.heap;
        int off;
        switch (name) {
            case "__name__" -> off = FunctionType.NAME;
            case "__qualname__" -> off = FunctionType.QUALNAME;
            case "__doc__" -> off = FunctionType.DOC;
            case "__module__" -> off = FunctionType.MODULE;
            case "__annotations__" -> off = FunctionType.ANNOTATIONS;
            default -> { return false; }
        }
        if (off == FunctionType.ANNOTATIONS && !(heap.typeOf(v) instanceof DictType) && v != heap.None) {
            throw rt.typeError("__annotations__ must be set to a dict object");
        }
        if (off == FunctionType.ANNOTATIONS && v == heap.None) v = 0;
        if ((off == FunctionType.NAME || off == FunctionType.QUALNAME) && !Heap.isStr(v)) {
            throw rt.typeError(name + " must be set to a string object");
        }
        heap.xincref(v);
        long old = Native.getLong(f + off);
        Native.putLong(f + off, v);
        heap.xdecref(old);
        return true;
    }

    private static void getsetSet(Runtime rt, long descr, long o, ClassType c, long v) {
        if (BuiltinGetSets.isBuiltin(descr)) {
            rt.builtinGetSets.set(descr, o, v);
            return;
        }
        Heap heap = rt.heap;
        String name = StrType.value(Native.getLong(descr + GetSetDescriptorType.NAME));
        if (name.equals("__weakref__")) throw rt.error("AttributeError", "attribute '__weakref__' of '" + c.name() + "' objects is not writable");
        if (!c.managed()) throw rt.error("NotImplementedError", "refheap does not support setting '" + name + "' of '" + c.name() + "' yet");
        // subtype_setdict: _PyObject_GetDictPtr makes the inline values a dict first (also when the
        // new value is then refused); 0 deletes the dict (the next attribute makes a new split one)
        Instances.materializeValues(rt, o, c);
        // PyDict_Check: a dict subclass's instance too (read and written as a dict: its methods are not called)
        if (v != 0 && !rt.ops.isSubtype(heap.typeOf(v), heap.dicts)) throw rt.typeError("__dict__ must be set to a dictionary, not a '" + rt.ops.typeName(v) + "'");
        long old = Native.getLong(o + Layout.MANAGED_DICT);
        if (v != 0) heap.incref(v);
        Native.putLong(o + Layout.MANAGED_DICT, v);
        heap.xdecref(old);
    }

    // ---- object's methods --------------------------------------------------------------------

    /** object.__getattribute__, object.__setattr__, object.__delattr__ (the generic versions, no hooks). */
    static void install(Runtime rt) {
        Heap heap = rt.heap;
        installDescriptorMethods(rt);
        installInitSubclass(rt);
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, heap.objectType, "__getattribute__", (s, a, off, n, kw) -> {
            Args.exactly(rt, "__getattribute__", n, kw, 1);
            long nameObj = nameArg(rt, a[off]);
            long v = attrsElsewhere(rt, s) ? objectGenericOnly(rt, s, StrType.value(nameObj)) : rt.ops.genericGetAttrOrNull(s, nameObj, StrType.value(nameObj));
            // _PyObject_GenericGetAttrWithDict's own error has name and obj set (type's and module's have not)
            if (v == 0) throw rt.ops.attributeErrorContext(rt.ops.attributeError(s, StrType.value(nameObj)), s, nameObj);
            return v;
        });
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, heap.objectType, "__setattr__", (s, a, off, n, kw) -> {
            Args.exactly(rt, "__setattr__", n, kw, 2);
            long nameObj = nameArg(rt, a[off]);
            hackcheck(rt, s, "__setattr__");
            if (heap.typeOf(s) instanceof ClassType c) genericSet(rt, s, c, nameObj, StrType.value(nameObj), a[off + 1]);
            else rt.ops.setAttr(s, nameObj, a[off + 1]);
            heap.incref(heap.None);
            return heap.None;
        });
        rt.defDescr(BuiltinDescrType.Kind.WRAPPER, heap.objectType, "__delattr__", (s, a, off, n, kw) -> {
            Args.exactly(rt, "__delattr__", n, kw, 1);
            long nameObj = nameArg(rt, a[off]);
            hackcheck(rt, s, "__delattr__");
            if (heap.typeOf(s) instanceof ClassType c) genericSet(rt, s, c, nameObj, StrType.value(nameObj), 0);
            else rt.ops.delAttr(s, nameObj);
            heap.incref(heap.None);
            return heap.None;
        });
    }

    /**
     * Whether {@code o}'s type keeps its attributes in a dict of its own that PyObject_GenericGetAttr
     * does not see, through its tp_getattro/tp_setattro (_thread._local's per-thread dict, for the
     * type and the classes derived from it).
     */
    static boolean attrsElsewhere(Runtime rt, long o) {
        PyType t = rt.heap.typeOf(o);
        return t instanceof NativeType nt ? nt.keepsSubtypeAttrs() : t instanceof ClassType c && baseKeepsAttrs(c);
    }

    /**
     * PyObject_GenericGetAttr for an object whose type's own tp_getattro keeps its attributes
     * elsewhere ({@link #attrsElsewhere}): the type's descriptors and the instance's own dict (a
     * class's managed dict; the native type itself has none); new reference, or 0.
     */
    private static long objectGenericOnly(Runtime rt, long o, String name) {
        PyType t = rt.heap.typeOf(o);
        if (t instanceof ClassType c) return generic(rt, o, c, name, false);
        if (name.equals("__class__")) return rt.ops.incref(t.address());
        long descr = rt.ops.lookupType(t, name);
        return descr == 0 ? 0 : rt.ops.bindDescriptorOf(descr, o);
    }

    /**
     * hackcheck: object.__setattr__/__delattr__ must not jump over type's own tp_setattro, so a
     * class (an instance of type or of a metaclass) is refused, named by its type's name.
     */
    private static void hackcheck(Runtime rt, long s, String what) {
        // (and an instance of _thread._local or a class derived from it: local_setattro is on the way)
        if (rt.ops.isTypeObject(s) || attrsElsewhere(rt, s)) throw rt.typeError("can't apply this " + what + " to " + rt.heap.typeOf(s).name() + " object");
    }

    /** The descriptor methods of the builtin descriptor types: __get__, __set__, __delete__. */
    private static void installDescriptorMethods(Runtime rt) {
        Heap heap = rt.heap;
        for (PyType t : new PyType[] {rt.memberType, rt.propertyType, rt.getsetType, rt.functionType}) {
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__get__", (s, a, off, n, kw) -> {
                Args.range(rt, "__get__", n, kw, 1, 2);
                long obj = a[off];
                if (obj == heap.None) {
                    if (n < 2 || a[off + 1] == heap.None) {
                        if (t == rt.functionType) throw rt.typeError("__get__(None, None) is invalid");
                    }
                    heap.incref(s);
                    return s;
                }
                if (t == rt.memberType) return rt.memberType.get(s, obj);
                if (t == rt.propertyType) return rt.propertyType.getValue(s, obj);
                if (t == rt.functionType) return rt.methodType.create(s, obj);
                if (BuiltinGetSets.isBuiltin(s)) return rt.builtinGetSets.get(s, obj);
                if (!(heap.typeOf(obj) instanceof ClassType oc)) throw rt.typeError("descriptor doesn't apply to a '" + rt.ops.typeName(obj) + "' object");
                return getsetGet(rt, s, obj, oc);
            });
            if (t == rt.functionType) continue;
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__set__", (s, a, off, n, kw) -> {
                Args.exactly(rt, "__set__", n, kw, 2);
                descrSet(rt, t, s, a[off], a[off + 1]);
                heap.incref(heap.None);
                return heap.None;
            });
            rt.defDescr(BuiltinDescrType.Kind.WRAPPER, t, "__delete__", (s, a, off, n, kw) -> {
                Args.exactly(rt, "__delete__", n, kw, 1);
                descrSet(rt, t, s, a[off], 0);
                heap.incref(heap.None);
                return heap.None;
            });
        }
    }

    private static void descrSet(Runtime rt, PyType t, long d, long obj, long v) {
        if (t == rt.memberType) rt.memberType.set(d, obj, v);
        else if (t == rt.propertyType) {
            String name = "";
            if (v == 0) rt.propertyType.deleteValue(d, obj, name);
            else rt.propertyType.setValue(d, obj, v, name);
        } else if (BuiltinGetSets.isBuiltin(d)) rt.builtinGetSets.set(d, obj, v);
        else if (rt.heap.typeOf(obj) instanceof ClassType c) getsetSet(rt, d, obj, c, v);
        else throw rt.typeError("descriptor doesn't apply to a '" + rt.ops.typeName(obj) + "' object");
    }

    /** object.__init_subclass__ (bound to the new class through super()): takes no arguments. */
    static void installInitSubclass(Runtime rt) {
        Heap heap = rt.heap;
        rt.defDescr(BuiltinDescrType.Kind.CLASSMETHOD, heap.objectType, "__init_subclass__", (s, a, off, n, kw) -> {
            if (n > 0) {
                String who = rt.ops.isTypeObject(s) ? Ops.shortName(heap.typeAt(s)) : "object";
                if (Args.nkw(kw) > 0) throw rt.typeError(who + ".__init_subclass__() takes no keyword arguments");
                throw rt.typeError(who + ".__init_subclass__() takes no arguments (" + n + " given)");
            }
            heap.incref(heap.None);
            return heap.None;
        });
    }

    private static long nameArg(Runtime rt, long n) {
        if (!Heap.isStr(n)) throw rt.typeError("attribute name must be string, not '" + rt.ops.typeName(n) + "'");
        return n;
    }
}
