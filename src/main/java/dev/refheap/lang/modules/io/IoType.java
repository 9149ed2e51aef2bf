package dev.refheap.lang.modules.io;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.memory.Native;
import dev.refheap.object.PyType;

/**
 * What every {@code _io} type shares: an instance dict and a weakref list at fixed offsets of its
 * C struct (tp_dictoffset, tp_weaklistoffset: Python subclasses keep them, adding no dict of their
 * own), CPython's tp_finalize of the _IOBase family (close() once, errors silenced), and the
 * argument helpers of _io's clinic code. Types register their methods through {@link IoModule}.
 *
 * <p>The dict is made on first use ({@code __dict__}, an attribute store, _IOBase's
 * {@code __IOBase_closed} flag); 0 until then. Instances of Python subclasses are laid out as the
 * native base's struct, so {@link #ioBase} finds the struct's type for any instance.
 */
abstract class IoType extends FieldsType {
    final IoModule.State st;
    final int dictOff;

    IoType(VmApi vm, IoModule.State st, String name, PyType base, int flags, long basicSize, int dictOff, int weakOff, int... owned) {
        super(vm, name, base, flags, basicSize, weakOff, owned);
        cpythonFlags((flags & PyType.HAVE_GC) != 0 ? 0x5500 : 0x1500);  // HEAPTYPE | BASETYPE | READY | IMMUTABLETYPE, HAVE_GC with a dict and weakrefs
        this.st = st;
        this.dictOff = dictOff;
    }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    /**
     * The type's tp_new alone ({@code T.__new__(T)}): zeroed fields, what {@link #initSubtypeInstance}
     * sets (FileIO's fd -1, BytesIO's empty buffer), tracked if the type is a GC type. Its methods
     * then refuse as CPython's do on an object whose {@code __init__} has not run.
     */
    @Override
    public long newUninitialized() {
        long o = alloc();
        initSubtypeInstance(o);
        if (isGc()) heap.track(o);
        return o;
    }

    /**
     * Whether tp_traverse visits the instance dict only (BytesIO, StringIO: 3.11 does not traverse
     * their buffer or decoder); every owned field is still a reference the heap verifier counts.
     */
    protected boolean traversesDictOnly() { return false; }

    @Override
    public void traverse(long o, java.util.function.LongConsumer visit) {
        if (!traversesDictOnly()) {
            super.traverse(o, visit);
            return;
        }
        long d = get(o, dictOff);
        if (d != 0) visit.accept(d);
    }

    @Override
    public void references(long o, java.util.function.LongConsumer visit) {
        if (traversesDictOnly()) super.traverse(o, visit);  // every owned field
        else super.references(o, visit);
    }

    @Override
    public long ownDictOffset() { return dictOff; }

    /** The _io type whose struct {@code o} has (its own type, or the native base of its Python class). */
    static IoType ioBase(VmApi vm, long o) {
        for (PyType t = vm.heap.typeOf(o); t != null; t = t.base()) if (t instanceof IoType it) return it;
        return null;
    }

    /**
     * close() of a wrapper (the Buffered types, TextIOWrapper) as 3.11's: flush, then close the
     * object below even if the flush raised; when both raise, the close error is raised with the
     * flush error as its __context__ (as _PyErr_ChainExceptions), else whichever raised.
     */
    final void flushThenClose(long self, long inner) {
        PyException flushError = null;
        try {
            heap.decref(vm.callMethod(self, "flush"));
        } catch (PyException e) {
            flushError = e;
        }
        try {
            heap.decref(vm.callMethod(inner, "close"));
        } catch (PyException e) {
            if (flushError != null) {
                vm.setAttr(e.exc(), "__context__", flushError.exc());
                heap.decref(flushError.exc());
            }
            throw e;
        }
        if (flushError != null) throw flushError;
    }

    /** True if {@code o}'s type is exactly this type (not a Python subclass). */
    final boolean exact(long o) { return heap.typeOf(o) == this; }

    /** The instance dict, made if absent (borrowed). */
    final long dict(long o) {
        long d = Native.getLong(o + dictOff);
        if (d == 0) {
            d = heap.dicts.create();
            Native.putLong(o + dictOff, d);
        }
        return d;
    }

    /**
     * Attribute lookup on an instance of the exact native type: the getsets of this type and its
     * _io bases ({@link #ownAttr}, data descriptors: they come first), then the instance dict.
     */
    @Override
    public long attrOf(long o, String attrName) {
        for (PyType t = this; t != null; t = t.base()) {
            if (t instanceof IoType it) {
                long v = it.ownAttr(o, attrName);
                if (v != 0) return v;
            }
        }
        if (dictOff == 0) return 0;  // no instance dict (IncrementalNewlineDecoder): word 0 is the refcount, not a dict
        if (attrName.equals("__dict__")) return vm.incref(dict(o));
        long d = Native.getLong(o + dictOff);
        if (d != 0 && heap.typeOf(o) == this) {
            long v = heap.dicts.getItem(d, attrName);
            if (v != 0) return vm.incref(v);
        }
        return 0;
    }

    /** This type's own getsets ({@code closed}, {@code name}...) for {@code o}, or 0. */
    long ownAttr(long o, String attrName) { return 0; }

    @Override
    public long descriptorValue(long o, String name) {
        if (name.equals("__dict__") && dictOff != 0) return vm.incref(dict(o));
        return ownAttr(o, name);
    }

    /**
     * This type's members that CPython makes READONLY and its getsets without a setter (from its
     * dict's table, {@link IoModule}): assigning or deleting one is "readonly attribute", or
     * "attribute 'X' of 'T' objects is not writable".
     */
    final java.util.Set<String> readonlyMembers = new java.util.HashSet<>(), getOnly = new java.util.HashSet<>();

    /** The getsets and members that have setters (CPython's): {@code _finalizing}, FileIO's {@code _blksize}, {@code _CHUNK_SIZE}. */
    static final java.util.Set<String> SETTABLE = java.util.Set.of("_finalizing", "_blksize", "_CHUNK_SIZE");

    /** Whether this type or an _io base has descriptor {@code name} with a setter. */
    @Override
    public boolean writableDescriptor(String name) {
        if (!SETTABLE.contains(name)) return false;
        for (PyType t = this; t != null; t = t.base()) {
            if (t instanceof IoType it && it.settable.contains(name)) return true;
        }
        return false;
    }

    /** The descriptors with setters this type's dict has. */
    final java.util.Set<String> settable = new java.util.HashSet<>();

    /**
     * The setters: {@code _finalizing} (T_BOOL: a bool, never deleted), {@code _blksize} (T_UINT),
     * {@code _CHUNK_SIZE} (a positive size).
     */
    @Override
    public void setDescriptorValue(long o, String name, long v) {
        switch (name) {
            case "_finalizing" -> {
                if (v == 0) throw vm.error("TypeError", "can't delete numeric/char attribute");
                if (v != heap.True && v != heap.False) throw vm.error("TypeError", "attribute value type must be bool");
                setFinalizing(o, v == heap.True);
            }
            case "_blksize" -> {
                if (v == 0) throw vm.error("TypeError", "can't delete numeric/char attribute");
                java.math.BigInteger big = vm.asIndex(v);
                if (big.signum() < 0 || big.bitLength() > 32) throw vm.error("NotImplementedError", "refheap does not support setting _io.FileIO._blksize to " + big + " yet");
                setBlksize(o, big.longValue());
            }
            case "_CHUNK_SIZE" -> setChunkSize(o, v);
            default -> throw vm.error("AttributeError", "readonly attribute");
        }
    }

    /** Sets the {@code _finalizing} flag (FileIO, the buffered objects, TextIOWrapper). */
    void setFinalizing(long o, boolean on) { throw vm.error("AttributeError", "readonly attribute"); }

    /** FileIO's {@code _blksize} setter (an unsigned int). */
    void setBlksize(long o, long v) { throw vm.error("AttributeError", "readonly attribute"); }

    /** TextIOWrapper's {@code _CHUNK_SIZE} setter. */
    void setChunkSize(long o, long v) { throw vm.error("AttributeError", "readonly attribute"); }

    /** iobase_iter: iter() of a closed stream is ValueError (BytesIO's tp_iter is its own, which does not check). */
    @Override
    public void checkIterable(long o) {
        if (this != st.bytesio) IOBaseType.checkClosed(vm, o);
    }

    @Override
    public void checkSettable(String attrName) {
        for (PyType t = this; t != null; t = t.base()) {
            if (!(t instanceof IoType it)) continue;
            if (it.readonlyMembers.contains(attrName)) throw vm.error("AttributeError", "readonly attribute");
            if (it.getOnly.contains(attrName)) throw vm.error("AttributeError", "attribute '" + attrName + "' of '" + it.name() + "' objects is not writable");
        }
    }

    @Override
    public boolean setAttrOf(long o, String attrName, long v) {
        if (heap.typeOf(o) != this || dictOff == 0) return false;  // no instance dict: AttributeError, as CPython's
        if (writableDescriptor(attrName)) {  // the type's data descriptors come before the instance dict (PyObject_GenericSetAttr)
            setDescriptorValue(o, attrName, v);
            return true;
        }
        checkSettable(attrName);
        setOrDeleteInDict(dict(o), attrName, v, shortName());
        return true;
    }

    final String shortName() {
        int dot = name().lastIndexOf('.');
        return dot < 0 ? name() : name().substring(dot + 1);
    }

    // ---- finalization (iobase_finalize) ------------------------------------------------------------

    @Override
    public boolean hasFinalizer() { return true; }

    /** tp_dealloc: the finalizer first (PyObject_CallFinalizerFromDealloc; it may resurrect), then the fields. */
    @Override
    public void dealloc(long o) {
        if (hasFinalizer() && heap.callFinalizerFromDealloc(o, this)) return;
        super.dealloc(o);
    }

    /** iobase_finalize: if not closed, close() (errors silenced, as outside dev mode). */
    @Override
    public void finalize(long o) {
        if (vm.closing()) {  // no Python code now; a native stream still releases what it holds outside the heap
            if (exact(o)) closeAtExit(o);
            return;
        }
        try {
            long closed = vm.getAttrOrNull(o, "closed");
            boolean isClosed;
            if (closed == 0) isClosed = false;
            else isClosed = vm.truthyNew(closed);
            if (isClosed) return;
            // self._finalizing = True (errors dropped), as iobase_finalize signals close(): the field of
            // FileIO, the buffered objects and TextIOWrapper through their descriptor, even when this is
            // _IOBase.__del__ called on an instance of a class over one of them; the instance dict else
            try {
                vm.setAttr(o, "_finalizing", heap.True);
            } catch (PyException e) {
                heap.decref(e.exc());
            }
            heap.decref(vm.callMethod(o, "close"));
        } catch (PyException e) {
            heap.decref(e.exc());
        }
    }

    /** What close() does outside the heap (flush a write buffer, close a descriptor), at the runtime's close. */
    void closeAtExit(long o) {}

    /** FileIO's and the buffered objects' "finalizing" flag; the others have none. */
    void markFinalizing(long o) {}

    // ---- errors and arguments --------------------------------------------------------------------

    PyException closedError() { return vm.error("ValueError", "I/O operation on closed file."); }

    PyException unsupported(String message) { return st.unsupported(message); }

    /** _Py_convert_optional_to_ssize_t: None or absent is -1. */
    long optSize(long v) {
        if (v == 0 || v == heap.None) return -1;
        if (!vm.isInt(v) && !vm.typeHas(v, "__index__")) {
            throw vm.error("TypeError", "argument should be integer or None, not '" + vm.typeName(v) + "'");
        }
        java.math.BigInteger i = vm.asIndex(v);
        if (i.bitLength() > 63) throw vm.error("OverflowError", "cannot fit 'int' into an index-sized integer");  // PyNumber_AsSsize_t's
        return i.longValue();
    }

    long none() { return vm.incref(heap.None); }

    long bool(boolean b) { return vm.incref(b ? heap.True : heap.False); }
}
