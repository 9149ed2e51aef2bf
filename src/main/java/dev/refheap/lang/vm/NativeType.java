package dev.refheap.lang.vm;

import dev.refheap.object.PyType;

/**
 * The public face of {@link ExtType} for types that native modules ({@code dev.refheap.lang.modules})
 * define outside this package: {@code itertools.count}, {@code _collections.deque}... A subclass
 * gives its layout to the constructor (basic size, GC flag, weaklist offset, as CPython's type
 * object has them), implements its slots ({@code traverse}, {@code dealloc}, {@code sizeOf} from
 * {@link PyType}) and overrides the protocol methods below that its instances support; the VM's
 * {@link Ops} reaches them through ExtType's. Its methods are registered with {@link #defMethod}.
 *
 * <p>States: created, then {@link VmApi#registerType} gives it a type object in one runtime (a
 * native module registers its types once per runtime: {@link VmApi#moduleState}). Reference rules
 * as everywhere in the VM: arguments borrowed, object results new references, 0 for "no answer".
 */
public abstract class NativeType extends ExtType {
    protected final VmApi vm;

    protected NativeType(VmApi vm, String name, int flags, long basicSize, long itemSize, long weaklistOffset) {
        this(vm, name, null, flags, basicSize, itemSize, weaklistOffset);
    }

    /** As the other constructor, for a type extending builtin type {@code base} (tp_base; null for object). */
    protected NativeType(VmApi vm, String name, PyType base, int flags, long basicSize, long itemSize, long weaklistOffset) {
        super(vm.runtime(), name, base, flags, basicSize, itemSize, weaklistOffset);
        this.vm = vm;
    }

    /** The type object (borrowed): what {@code type(o)} returns and what a module exposes. */
    public final long typeObject() { return address(); }

    /**
     * Whether a class statement (or {@code type()}) may derive from this type: its instances then
     * extend this layout as {@code ClassType}'s builtin-layout subclasses do (the slots chain to
     * this type's traverse, clear and dealloc, which must handle instances of subclasses).
     */
    public boolean allowsPythonSubclasses() { return false; }

    /**
     * The type's tp_new on a class derived from it, called with arguments: refuses them when it
     * must ({@code objectInit}: the class's __init__ is object's). The default takes any.
     */
    public void checkSubtypeNewArgs(boolean objectInit) {}

    /**
     * Whether this type's getset or member {@code name} (made with {@link VmApi#defGetSet} or
     * {@link VmApi#defMember}) has a setter: its descriptor then sets it, on an instance of this
     * type or of a Python class derived from it, through {@link #setDescriptorValue}.
     */
    public boolean writableDescriptor(String name) { return false; }

    /**
     * The value of this type's own getset or member {@code name} for {@code o} (an instance of this
     * type or of a type derived from it) as this type's getter computes it (new reference), or 0 for
     * the attribute lookup's answer: {@code _io._TextIOBase.encoding.__get__(wrapper)} is the base's
     * None, not the wrapper's encoding.
     */
    public long descriptorValue(long o, String name) { return 0; }

    /** Sets ({@code v} borrowed) or deletes ({@code v} 0) the writable getset or member {@code name} of {@code o}. */
    public void setDescriptorValue(long o, String name, long v) {
        throw rt.error("AttributeError", "readonly attribute");
    }

    /**
     * Refuses (AttributeError, as CPython's descriptor would) setting or deleting {@code name} when
     * it is a read-only member or a getset without a setter that this type answers without a
     * descriptor in its dict; returns otherwise. Asked for an instance of a Python subclass too.
     */
    public void checkSettable(String name) {}

    /** The offset of the instance's own dict pointer (tp_dictoffset), 0 if instances have none. */
    public long ownDictOffset() { return 0; }

    /**
     * PyObject_GenericSetAttr's step on an instance dict {@code d}: {@code v} set under the name, or
     * ({@code v} 0) the name deleted; deleting an absent name is AttributeError naming {@code typeName}.
     */
    protected final void setOrDeleteInDict(long d, String attrName, long v, String typeName) {
        if (v != 0) {
            heap.dicts.setItem(d, attrName, v);
            return;
        }
        if (heap.dicts.getItem(d, attrName) == 0) throw vm.error("AttributeError", "'" + typeName + "' object has no attribute '" + attrName + "'");
        long k = heap.strs.of(attrName);
        try {
            heap.dicts.delItem(d, k);
        } finally {
            heap.decref(k);
        }
    }

    /** Registers {@code type.name} as a method descriptor (self is the instance). */
    public final void defMethod(String methodName, Builtin impl) {
        methods.put(methodName, impl);
        if (!definingForImage) TypeMethodsAccess.def(rt, this, methodName, impl);
    }

    /**
     * Registers {@code type.name} as a slot wrapper (wrapper_descriptor: what CPython's type puts
     * in its dict for a tp_ slot, {@code __get__} for tp_descr_get, {@code __call__} for tp_call).
     */
    public final void defSlotWrapper(String methodName, Builtin impl) {
        methods.put(methodName, impl);
        if (!definingForImage) TypeMethodsAccess.defWrapper(rt, this, methodName, impl);
    }

    /** An iterator type's {@code __iter__} (the object itself) and {@code __next__} ({@link #nextOf}; StopIteration at the end). */
    public final void defIteratorMethods() {
        defMethod("__iter__", (s, a, o, n, kw) -> {
            rt.heap.incref(s);
            return s;
        });
        defMethod("__next__", (s, a, o, n, kw) -> {
            long v = nextOf(s);
            if (v == 0) throw rt.error("StopIteration", null);
            return v;
        });
    }

    /**
     * Puts {@code __new__} in the type's dict, a builtin method bound to the type (tp_new_wrapper):
     * {@code T.__new__(cls, ...)} makes an instance with {@link #newUninitialized} for T itself, as
     * the type's tp_new does without its tp_init, and with the class's allocation for a class
     * derived from T. Recorded as a method named {@code __new__}, so a start-up image that holds
     * the function finds its implementation again ({@link #defineForImage}).
     */
    public final void defTypeNew() {
        Builtin impl = (self, a, o, n, kw) -> TypeCall.wrappedNew(rt, this, a, o, n, kw);
        methods.put("__new__", impl);
        if (!definingForImage) TypeCall.defTpNew(rt, this, impl);
    }

    /**
     * A getset ({@code kind} 'G', 'g' with a docstring) or member ('D', 'd') descriptor
     * {@code type.name} in the type's dict (PyType_Ready's for a tp_getset or tp_members entry),
     * its value what {@link #attrOf} answers ({@link BuiltinGetSets}). Nothing for a runtime
     * adopting a start-up image: its memory has the descriptor, and the image's hook the entry.
     */
    public final void defDescriptor(String name, char kind) {
        if (definingForImage) return;
        long d = rt.builtinGetSets.create(this, name, kind);
        rt.typeAttrs.computeIfAbsent(this, k -> new java.util.HashMap<>()).put(name, rt.hold(d));
    }

    /**
     * Runs {@code make} (the objects of this type's dict that CPython's readying makes and refheap
     * made none of before: {@code __new__}, getsets, members) without moving the young
     * generation's count, as the readied types' dicts are made ({@code SlotWrappers.QUIET}): the
     * collections' phase at the first line stays what it was.
     */
    public final void quietly(Runnable make) {
        long count = rt.gc.count()[0];
        try {
            make.run();
        } finally {
            rt.gc.setYoungCount(count);
        }
    }

    /**
     * tp_new alone for {@code T.__new__(T, ...)}: a new instance of this exact type, tracked, its
     * fields as tp_new leaves them before any {@code __init__} (the arguments ignored, as
     * PyType_GenericNew and _io's news ignore them), or 0 when refheap's construction of this type
     * is its tp_new and tp_init in one (then {@code T.__new__} calls the type).
     */
    public long newUninitialized() { return 0; }

    /** Whether this type's tp_new is its base's, inherited (no {@code __new__} in its dict: _io._RawIOBase's is _IOBase's). */
    public boolean inheritsTpNew() { return false; }

    /** Registers {@code type.name} as a class method (called on the type with self 0). */
    public final void defClassMethod(String methodName, Builtin impl) {
        classMethods.put(methodName, impl);
        if (!definingForImage) NumberBuiltins.classMethod(rt, this, methodName, impl);
    }

    /**
     * The implementations {@link #defMethod} and {@link #defClassMethod} were given, by name: a
     * start-up image records a descriptor's entry made after the runtime's constructor by its
     * owner and name, and the adopting runtime finds the implementation here again.
     */
    private final java.util.Map<String, Builtin> methods = new java.util.HashMap<>(), classMethods = new java.util.HashMap<>();
    private boolean definingForImage;

    /**
     * Runs {@code install} (the type's method definitions) with {@link #defMethod} and
     * {@link #defClassMethod} only recording the implementations, not touching the heap: for a
     * runtime adopting a start-up image, whose memory has the descriptors already.
     */
    public final void defineForImage(Runnable install) {
        definingForImage = true;
        try {
            install.run();
        } finally {
            definingForImage = false;
        }
    }

    /** Whether {@link #defineForImage} is running (a heap type's readying then makes nothing). */
    final boolean definingForImage() { return definingForImage; }

    /** The implementation a method ({@code classMethod} false) or class method of this type was defined with, or null. */
    final Builtin definedMethod(boolean classMethod, String methodName) { return (classMethod ? classMethods : methods).get(methodName); }

    /** The methods' and class methods' names and implementations (a start-up image's writer looks an entry's up). */
    final java.util.Map<String, Builtin> definedMethods(boolean classMethod) { return classMethod ? classMethods : methods; }

    /**
     * Py_TPFLAGS_VALID_VERSION_TAG as the type attribute cache would have set it: true once a
     * lookup of a name on this type went through _PyType_Lookup (an instance's attribute, a special
     * method). Only a type whose {@link #tpFlags} reports it reads it.
     */
    boolean validVersionTag;

    /** Whether {@link #validVersionTag} is set. */
    public final boolean hasValidVersionTag() { return validVersionTag; }

    /** CPython 3.11.7's tp_flags without VALID_VERSION_TAG, as {@link #cpythonFlags} declared them; -1 when not declared. */
    private long declaredFlags = -1;

    /**
     * Declares CPython 3.11.7's tp_flags of this type, without Py_TPFLAGS_VALID_VERSION_TAG (bit 19),
     * which {@link #tpFlags} adds once a lookup has set it, as CPython's type attribute cache does.
     */
    protected final void cpythonFlags(long flags) {
        if ((flags & dev.refheap.object.PyType.VALID_VERSION_TAG) != 0) throw new IllegalArgumentException(name() + ": the version tag is not a declared flag");
        declaredFlags = flags;
    }

    /**
     * CPython 3.11.7's tp_flags of this type (its {@code __flags__}, what a class derived from it
     * inherits), or -1 when refheap has no figure: the declared flags, with VALID_VERSION_TAG as
     * the lookups have set it.
     */
    public long tpFlags() {
        long f = declaredFlags();
        return f < 0 ? -1 : f | (validVersionTag ? dev.refheap.object.PyType.VALID_VERSION_TAG : 0);
    }

    /**
     * CPython 3.11.7's tp_flags without VALID_VERSION_TAG: those {@link #cpythonFlags} declared, or a
     * type's own figure where it overrides this (a constant, or one that depends on its kind); -1 for none.
     */
    protected long declaredFlags() { return declaredFlags; }

    // ---- the buffer protocol (bf_getbuffer / bf_releasebuffer) -----------------------------------

    /**
     * A buffer an exporter hands out: one C-contiguous dimension of {@code len} bytes at
     * {@code buf} (0 for an empty one), items of {@code itemsize} bytes in the native
     * single-character struct {@code format} ('B', 'i', 'd', ...), writable unless {@code readonly}.
     * An exporter with a struct format string of its own (ctypes': {@code <i}, {@code T{<i:a:}})
     * gives it as {@code fullFormat} ({@code format} is then unused), and one with other than one
     * dimension gives its {@code shape} (empty for a scalar, whose {@code len} may then differ
     * from {@code itemsize}, as a resized ctypes object's does).
     */
    public record Buffer(long buf, long len, boolean readonly, char format, long itemsize, String fullFormat, long[] shape) {
        /** A one-dimensional buffer of {@code len / itemsize} items in a single-character format. */
        public Buffer(long buf, long len, boolean readonly, char format, long itemsize) { this(buf, len, readonly, format, itemsize, null, null); }
    }

    /**
     * Whether instances are data descriptors (tp_descr_set as well as tp_descr_get, ctypes' CField):
     * found on an instance's class, {@link #descrGet} answers before the instance dict and
     * {@link #descrSet} takes every assignment and deletion.
     */
    public boolean isDataDescriptorType() { return false; }

    /** tp_descr_set: {@code obj.name = v} ({@code v} 0: del) through descriptor {@code self}. */
    public void descrSet(long self, long obj, long v) { throw rt.error("AttributeError", "__set__"); }

    /** Whether instances export a buffer ({@link #getBuffer} answers): memoryview() and the bytes-like consumers take them. */
    public boolean exportsBuffer() { return false; }

    /**
     * bf_getbuffer: {@code o}'s buffer, counted as exported (an exporter that must not move its
     * memory while exported, as array's ob_exports, refuses resizing) until {@link #releaseBuffer}.
     * Consumers copy out or hold it through a memoryview's managed buffer.
     */
    public Buffer getBuffer(long o) { throw rt.typeError("a bytes-like object is required, not '" + rt.ops.typeName(o) + "'"); }

    /** bf_releasebuffer: one export of {@code o} ends. */
    public void releaseBuffer(long o) {}

    /**
     * The object a buffer taken from {@code o} names as its exporter (bf_getbuffer's view->obj,
     * what memoryview(o).obj is and what a view's managed buffer holds and gives the buffer back
     * to): {@code o} itself, unless the type's getbuffer hands out another object's buffer (a
     * PickleBuffer: the object it wraps). Only asked of a type that {@link #exportsBuffer}.
     */
    public long bufferOwner(long o) { return o; }

    /**
     * The type's tp_new called on a Python class derived from it ({@code cls(args)} with no
     * {@code __new__} of its own): a new instance from {@code alloc} (zeroed, {@link #initSubtypeInstance}
     * run, tracked) filled from the arguments, or 0 when the type's construction is object_new plus
     * its {@code __init__} (the default). {@code objectInit}: the class's {@code __init__} is object's.
     */
    public long newSubtypeInstance(java.util.function.LongSupplier alloc, long cls, boolean objectInit, long[] a, int off, int n, long kwnames) {
        return 0;
    }

    /**
     * The allocation of the instance {@link #newInstance} is making for a Python subclass (CPython's
     * {@code type->tp_alloc(type, 0)} in a tp_new that takes the type), or null for one of this type:
     * set by {@link #newInstanceAs}, cleared for any other construction of this type that runs
     * meanwhile (an argument's {@code __iter__} making another instance).
     */
    private java.util.function.LongSupplier subtypeAlloc;

    /**
     * tp_new called on a Python subclass, for a type whose tp_new allocates with the type it is
     * given: {@link #newInstance} runs with {@code alloc} (the subclass's zeroed, tracked instance)
     * as the allocation {@link #takeSubtypeAlloc} hands out.
     */
    protected final long newInstanceAs(java.util.function.LongSupplier alloc, long[] a, int off, int n, long kwnames) {
        return makeAs(alloc, () -> newInstance(a, off, n, kwnames));
    }

    /**
     * Runs {@code make} (a construction of an instance of this type: a class method's, such as
     * chain.from_iterable) with {@code alloc} as the allocation {@link #takeSubtypeAlloc} hands
     * out; null: an instance of this type.
     */
    protected final long makeAs(java.util.function.LongSupplier alloc, java.util.function.LongSupplier make) {
        java.util.function.LongSupplier saved = subtypeAlloc;
        subtypeAlloc = alloc;
        try {
            return make.getAsLong();
        } finally {
            subtypeAlloc = saved;
        }
    }

    /** Whether {@link #newInstance} is making an instance of a Python subclass (tp_new's type is not this one). */
    protected final boolean constructingSubtype() { return subtypeAlloc != null; }

    /** The subclass allocation {@link #newInstanceAs} set, once (null afterwards and for an instance of this type). */
    protected final java.util.function.LongSupplier takeSubtypeAlloc() {
        java.util.function.LongSupplier s = subtypeAlloc;
        subtypeAlloc = null;
        return s;
    }

    // ---- the protocol, for subclasses outside the package ----------------------------------------

    /** repr(o); the default is object's ({@code <module.name object at 0x...>}). */
    public String reprOf(long o) { return "<" + name() + " object at 0x" + Long.toHexString(o) + ">"; }

    /** str(o), or null for {@link #reprOf}. */
    public String strOf(long o) { return null; }

    /** -o, +o, ~o and abs(o) ({@code op} "-", "+", "~", "abs"), or 0 when the type has no such slot. */
    public long unaryOf(String op, long o) { return 0; }

    /**
     * Whether the type has a tp_richcompare of its own ({@link #richCompareOf}): Ops then compares
     * its instances, and those of Python classes derived from it, as CPython's do_richcompare does
     * (the reflected operation first for a right operand of a subclass, NotImplemented falling back
     * to the other side, then to identity for == and !=).
     */
    public boolean hasRichCompare() { return false; }

    /** tp_richcompare(a, b, op) (op: Py_LT..Py_GE; a has this type or a subclass of it): a new reference, 0 for NotImplemented. */
    public long richCompareOf(int op, long a, long b) { return 0; }

    /** Whether instances are iterators: iter(o) is o and next(o) calls {@link #nextOf}. */
    public boolean isIteratorType() { return false; }

    /** iter(o) for a type whose instances are iterable but not iterators: a new iterator, or 0. */
    public long iterOf(long o) { return 0; }

    /** next(o): a new reference, or 0 when exhausted (no StopIteration raised). */
    public long nextOf(long o) { return 0; }

    /** Calling the type object: a new instance. */
    public long newInstance(long[] a, int off, int n, long kwnames) {
        throw rt.typeError("cannot create '" + name() + "' instances");
    }

    /**
     * For an instance {@code o} of a Python class derived from this type: the dict its attributes
     * live in when this type's tp_getattro/tp_setattro keep them elsewhere than the instance's own
     * dict (_thread._local's per-thread dict: local_getattro and local_setattro go through
     * _PyObject_GenericGetAttrWithDict with it, and {@code __dict__} is that dict, read-only), or 0
     * for the class's own dict (the default). Borrowed.
     */
    public long subtypeAttrDict(long o) { return 0; }

    /** Whether {@link #subtypeAttrDict} answers (then no attribute cache may assume a subclass instance's attributes are inline). */
    public boolean keepsSubtypeAttrs() { return false; }

    /** len(o), or -1 when instances have no length. */
    public long lenOf(long o) { return -1; }

    /** bool(o), or null for "true unless len is 0". */
    public Boolean truthOf(long o) { return null; }

    /** A data attribute o.name, or 0. */
    public long attrOf(long o, String attrName) { return 0; }

    /** o.name = v (v 0: del); false when not supported. */
    public boolean setAttrOf(long o, String attrName, long v) { return false; }

    /** o[key], or 0 when not subscriptable. */
    public long getItemOf(long o, long key) { return 0; }

    /** o[key] = v (v 0: del o[key]); false when not supported. */
    public boolean setItemOf(long o, long key, long v) { return false; }

    /** item in o: 1, 0, or -1 to search by iteration. */
    public int containsOf(long o, long item) { return -1; }

    /** o(args), or 0 when instances are not callable. */
    public long callOf(long o, long[] a, int off, int n, long kwnames) { return 0; }

    /** a op b where a or b has this type, or 0 (NotImplemented). */
    public long binaryOf(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) { return 0; }

    /** The in-place a op= b (a has this type), or 0 to fall back to {@link #binaryOf}. */
    public long inplaceOf(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) { return 0; }

    /** Whether instances are callable ({@link #callOf} answers). */
    public boolean callableInstances() { return false; }

    /**
     * Py_TPFLAGS_METHOD_DESCRIPTOR: LOAD_METHOD on an instance of a class that has one of these as
     * a class attribute calls it unbound with the instance first, making no bound method (as for
     * a function).
     */
    public boolean isMethodDescriptor() { return false; }

    /** tp_descr_get: the value of descriptor {@code self} found on a class, for {@code obj} (0 or None: through the class); 0 when the type has none. */
    public long descrGet(long self, long obj, long type) { return 0; }

    /** a == b where a or b has this type, or null (identity decides). */
    public Boolean eqOf(long a, long b) { return null; }

    /** Three-way order of a and b (op: Py_LT..Py_GE) where a or b has this type, or null: unorderable (TypeError). */
    public Integer orderOf(int op, long a, long b) { return null; }

    // ---- ExtType's package-private protocol, forwarded ---------------------------------------------

    @Override
    final String repr(long o) { return reprOf(o); }

    @Override
    final String str(long o) { return strOf(o); }

    @Override
    final long unary(String op, long o) { return unaryOf(op, o); }

    @Override
    final Boolean truthy(long o) {
        Boolean b = truthOf(o);
        if (b != null) return b;
        long n = lenOf(o);
        return n < 0 ? null : n != 0;
    }

    @Override
    final long attr(long o, String attrName) { return attrOf(o, attrName); }

    @Override
    final boolean setAttr(long o, long nameObj, long v) {
        return setAttrOf(o, dev.refheap.object.StrType.value(nameObj), v);
    }

    @Override
    final Boolean eq(long a, long b) { return eqOf(a, b); }

    @Override
    final Integer order(int op, long a, long b) { return orderOf(op, a, b); }

    @Override
    final long binary(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) { return binaryOf(op, a, b); }

    @Override
    final long inplace(dev.refheap.lang.bytecode.BinaryOp op, long a, long b) { return inplaceOf(op, a, b); }

    @Override
    final boolean isCallableType() { return callableInstances(); }

    @Override
    final long len(long o) { return lenOf(o); }

    @Override
    final long getItem(long o, long key) { return getItemOf(o, key); }

    @Override
    final boolean setItem(long o, long key, long v) { return setItemOf(o, key, v); }

    @Override
    final boolean delItem(long o, long key) { return setItemOf(o, key, 0); }

    /** Runs before iter(o) gives an iterator instance itself: a type whose tp_iter checks something (IOBase's iter refuses a closed stream) raises here. */
    public void checkIterable(long o) {}

    @Override
    final long iter(long o) {
        if (isIteratorType()) {
            checkIterable(o);
            heap.incref(o);
            return o;
        }
        return iterOf(o);
    }

    @Override
    final boolean isIterator() { return isIteratorType(); }

    @Override
    final long next(long o) { return nextOf(o); }

    @Override
    final int contains(long o, long item) { return containsOf(o, item); }

    @Override
    final long construct(long typeObject, long[] a, int off, int n, long kw) {
        java.util.function.LongSupplier saved = subtypeAlloc;
        subtypeAlloc = null;
        try {
            return newInstance(a, off, n, kw);
        } finally {
            subtypeAlloc = saved;
        }
    }

    @Override
    final long call(long o, long[] a, int off, int n, long kw) { return callOf(o, a, off, n, kw); }
}
