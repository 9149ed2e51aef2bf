package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code getset_descriptor} and {@code member_descriptor} objects CPython 3.11's PyType_Ready
 * puts in the dicts of builtin types from their tp_getset and tp_members
 * ({@code FunctionType.__code__}, {@code type.__dict__['__mro__']}, {@code int.real},
 * {@code BaseException.args}). Which names a type has, and which are members, is the table
 * {@code builtin-type-dicts.txt} ({@link SlotWrappers} makes one descriptor per entry through
 * {@link #create}).
 *
 * <p>Such a descriptor is an ordinary getset or member descriptor object (same types, layout and
 * size as those of classes: 48 bytes, getsizeof 64, tracked, traversal visits d_type) whose
 * fourth word holds the negated index + 1 of its {@link Entry} here instead of a slot offset
 * (members of classes) or 0 (a class's {@code __dict__}/{@code __weakref__}): {@link #isBuiltin}.
 * Its value for an object is what refheap's attribute lookup of that builtin type computes
 * ({@link Ops#builtinAttrValue}): attribute access on builtin objects goes there directly, the
 * descriptor is the same computation reached through {@code __get__}, through a subclass's
 * instance, or through {@code super()}. Setting goes to the type's own setters
 * ({@link Ops#setBuiltinField}); a name CPython can set that refheap cannot yet raises
 * NotImplementedError naming it, a read-only one CPython's AttributeError.
 *
 * <p>States: made once at start-up, each held by its type's dict for the runtime's life.
 */
final class BuiltinGetSets {
    /** One tp_getset or tp_members entry of builtin type {@code owner}; {@code doc}: CPython's has a docstring (BuiltinDocs has it). */
    record Entry(PyType owner, String name, boolean member, boolean doc) {
        String qualified() { return Ops.shortName(owner) + "." + name; }
    }

    /**
     * The entries CPython 3.11 lets a program set or delete (a getset with a setter, a member
     * without READONLY), as "type.name"; every other entry is read-only.
     */
    private static final Set<String> WRITABLE = Set.of(
            "object.__class__",
            "type.__name__", "type.__qualname__", "type.__bases__", "type.__module__", "type.__abstractmethods__",
            "type.__doc__", "type.__annotations__",
            "function.__code__", "function.__defaults__", "function.__kwdefaults__", "function.__annotations__",
            "function.__dict__", "function.__name__", "function.__qualname__", "function.__doc__", "function.__module__",
            "builtin_function_or_method.__module__", "cell.cell_contents", "module.__annotations__",
            "frame.f_trace_lines", "frame.f_trace_opcodes", "frame.f_lineno", "frame.f_trace", "traceback.tb_next",
            "property.__doc__", "staticmethod.__dict__", "classmethod.__dict__",
            "generator.__name__", "generator.__qualname__", "coroutine.__name__", "coroutine.__qualname__",
            "async_generator.__name__", "async_generator.__qualname__",
            "BaseException.__suppress_context__", "BaseException.__dict__", "BaseException.args",
            "BaseException.__traceback__", "BaseException.__context__", "BaseException.__cause__",
            "AttributeError.name", "AttributeError.obj", "OSError.errno", "OSError.strerror", "OSError.filename",
            "OSError.filename2", "OSError.characters_written", "ImportError.msg", "ImportError.name", "ImportError.path",
            "NameError.name", "StopIteration.value", "SyntaxError.msg", "SyntaxError.filename", "SyntaxError.lineno",
            "SyntaxError.offset", "SyntaxError.text", "SyntaxError.end_lineno", "SyntaxError.end_offset",
            "SyntaxError.print_file_and_line", "SystemExit.code",
            "UnicodeDecodeError.encoding", "UnicodeDecodeError.object", "UnicodeDecodeError.start", "UnicodeDecodeError.end",
            "UnicodeDecodeError.reason", "UnicodeEncodeError.encoding", "UnicodeEncodeError.object", "UnicodeEncodeError.start",
            "UnicodeEncodeError.end", "UnicodeEncodeError.reason", "UnicodeTranslateError.encoding",
            "UnicodeTranslateError.object", "UnicodeTranslateError.start", "UnicodeTranslateError.end",
            "UnicodeTranslateError.reason");

    private final Runtime rt;
    private final List<Entry> entries = new ArrayList<>();

    BuiltinGetSets(Runtime rt) {
        this.rt = rt;
    }

    /** A new descriptor for entry {@code name} of builtin type {@code owner}; {@code kind} is the table's G, g, D or d. */
    long create(PyType owner, String name, char kind) {
        boolean member = kind == 'D' || kind == 'd';
        entries.add(new Entry(owner, name, member, Character.isLowerCase(kind)));
        long marker = -entries.size();
        return member ? rt.memberType.create(owner.address(), name, marker) : rt.getsetType.createWith(owner.address(), name, marker);
    }

    /** {@link #create}'s entry without the descriptor (a runtime made to adopt a start-up image, whose memory has it). */
    void defineEntry(PyType owner, String name, char kind) {
        entries.add(new Entry(owner, name, kind == 'D' || kind == 'd', Character.isLowerCase(kind)));
    }

    /** How many entries there are (a start-up image's mark: the constructor's are the first ones). */
    int size() { return entries.size(); }

    /** The entries from {@code from} on (those made after the runtime's constructor, for a start-up image). */
    List<Entry> entriesFrom(int from) { return List.copyOf(entries.subList(from, entries.size())); }

    /**
     * A runtime adopting a start-up image: its entries from {@code from} on become the image's
     * {@code made} (a native module's descriptors made at its import, each at the index its
     * descriptor's marker names).
     */
    void restoreFrom(int from, List<Entry> made) {
        entries.subList(from, entries.size()).clear();
        entries.addAll(made);
    }

    /** True if getset or member descriptor {@code d} is one of a builtin type's. */
    static boolean isBuiltin(long d) { return Native.getLong(d + DescrCommonType.EXTRA) < 0; }

    Entry entry(long d) { return entries.get((int) (-Native.getLong(d + DescrCommonType.EXTRA) - 1)); }

    /** descr_check: {@code o} must be an instance of the descriptor's type. */
    private void check(Entry e, long o) {
        if (!rt.ops.isInstance(o, e.owner())) {
            throw rt.typeError("descriptor '" + e.name() + "' for '" + Ops.tpName(e.owner())
                    + "' objects doesn't apply to a '" + rt.ops.typeName(o) + "' object");
        }
    }

    /** The descriptor's value for {@code o} (new reference). */
    long get(long d, long o) {
        Entry e = entry(d);
        check(e, o);
        long v = e.owner() instanceof NativeType nt ? nt.descriptorValue(o, e.name()) : 0;
        if (v == 0) v = rt.ops.builtinAttrValue(o, e.name());
        if (v == 0) throw rt.error("NotImplementedError", "refheap does not support " + e.qualified() + " yet");
        return v;
    }

    /** Sets ({@code v} borrowed) or deletes ({@code v} 0) the descriptor's field of {@code o}. */
    void set(long d, long o, long v) {
        Entry e = entry(d);
        check(e, o);
        if (e.owner() instanceof NativeType nt && nt.writableDescriptor(e.name())) {
            nt.setDescriptorValue(o, e.name(), v);
            return;
        }
        if (!WRITABLE.contains(e.qualified())) {
            if (e.member()) throw rt.error("AttributeError", "readonly attribute");
            throw rt.error("AttributeError", "attribute '" + e.name() + "' of '" + Ops.tpName(e.owner()) + "' objects is not writable");
        }
        if (!rt.ops.setBuiltinField(o, e.name(), v)) {
            throw rt.error("NotImplementedError", "refheap does not support " + (v == 0 ? "deleting " : "setting ") + e.qualified() + " yet");
        }
    }

    // ---- docstrings: CPython 3.11's text, which BuiltinDocs gets from the host's CPython 3.11 -------

    /** True if {@code o.__doc__} is a docstring BuiltinDocs gives (a builtin type, function, method or slot wrapper). */
    boolean docstringFromCpython(long o) {
        PyType t = rt.heap.typeOf(o);
        return rt.ops.isTypeObject(o) && !(rt.heap.typeAt(o) instanceof ClassType)
                || t == rt.builtinFunctionType || t instanceof BuiltinDescrType || t == rt.methodWrapperType;
    }

    /** A new str of {@code s}, or None for null. */
    private long strOrNone(String s) {
        return s == null ? Builtins.incref(rt.heap, rt.heap.None) : rt.heap.strs.of(s);
    }

    /**
     * type_get_doc or type_get_text_signature of a builtin (non-class) type: made from tp_doc at
     * each access, as CPython does for a static type (new reference). A type without tp_doc gives
     * its dict's {@code __doc__} through {@code __get__(None, type)}, or None.
     */
    long typeDoc(long typeObject, PyType t, boolean signature) {
        if (!BuiltinDocs.available()) {
            Long v = rt.typeAttrs.getOrDefault(t, java.util.Map.of()).get("__doc__");
            if (!signature && v != null && v == rt.heap.None) return Builtins.incref(rt.heap, v);  // a type without tp_doc
        }
        String raw = BuiltinDocs.doc(rt, t.name());
        if (raw == null) throw BuiltinDocs.unknown(rt, Ops.shortName(t));
        if (signature) return strOrNone(BuiltinDocs.textSignature(t.name(), raw));
        if (raw == BuiltinDocs.NULL) {
            Long v = rt.typeAttrs.getOrDefault(t, java.util.Map.of()).get("__doc__");
            if (v == null) return Builtins.incref(rt.heap, rt.heap.None);
            long got = Attributes.getOnClass(rt, v, typeObject);
            return got != 0 ? got : Builtins.incref(rt.heap, v);  // a getset's __get__(None, type) is the getset
        }
        return strOrNone(BuiltinDocs.withoutSignature(t.name(), raw));
    }

    /**
     * {@code __doc__} ({@code signature} false) or {@code __text_signature__} of a builtin function,
     * method descriptor, slot wrapper or method-wrapper: made per access from the C doc, as
     * CPython's getters do (new reference); 0 for another object.
     */
    long functionDoc(long o, PyType t, boolean signature) {
        BuiltinFunctionType.Entry e;
        String key;
        if (t == rt.builtinFunctionType) {
            e = rt.builtinFunctionType.entry(o);
            if (e.doc() == BuiltinFunctionType.NULL_DOC) return Builtins.incref(rt.heap, rt.heap.None);
            if (e.doc() != null) return strOrNone(signature ? BuiltinDocs.textSignature(e.name(), e.doc()) : BuiltinDocs.withoutSignature(e.name(), e.doc()));
            long self = BuiltinFunctionType.self(o);
            if (e.owner() != null) {
                key = memberKey(e.owner(), e.name());
            } else if (self != 0 && rt.ops.isTypeObject(self)) {
                key = rt.heap.typeAt(self).name() + "." + e.name();  // __new__, or a static method (str.maketrans)
            } else if (e.impl() instanceof NativeFunction nf && nf.key().endsWith("." + e.name())) {
                // a native module's function, or a method of a type it made, under its key ("_signal.signal")
                String prefix = nf.key().substring(0, nf.key().length() - e.name().length() - 1);
                key = BuiltinDocs.doc(rt, prefix + ":" + e.name()) != null ? prefix + ":" + e.name() : prefix + "." + e.name();
            } else {
                long m = builtinModule(o);
                if (m == 0) throw BuiltinDocs.unknown(rt, e.name());
                try {
                    key = rt.heap.typeOf(m) == rt.heap.strs ? StrType.value(m) + ":" + e.name() : e.name();
                } finally {
                    rt.heap.decref(m);
                }
            }
        } else if (t instanceof BuiltinDescrType bd) {
            e = bd.entry(o);
            key = memberKey(e.owner(), e.name());
        } else if (t == rt.methodWrapperType) {
            e = rt.methodWrapperType.entry(o);
            key = memberKey(e.owner(), e.name());
        } else {
            return 0;
        }
        String raw = BuiltinDocs.doc(rt, key);
        if (raw == null) throw BuiltinDocs.unknown(rt, key);
        return strOrNone(signature ? BuiltinDocs.textSignature(e.name(), raw) : BuiltinDocs.withoutSignature(e.name(), raw));
    }

    /**
     * The key of {@code owner}'s entry {@code name} in CPython's docs: "type.name" of the owner, or of
     * the nearest base that has it (where refheap defines on a subclass a method CPython's base
     * defines: ExceptionGroup.derive is BaseExceptionGroup's).
     */
    private String memberKey(PyType owner, String name) {
        for (PyType b = owner; b != null; b = b.base()) {
            if (BuiltinDocs.doc(rt, b.name() + "." + name) != null) return b.name() + "." + name;
        }
        // ExceptionGroup's first base is BaseExceptionGroup (its tp_base chain goes through Exception)
        if (owner.name().equals("ExceptionGroup") && BuiltinDocs.doc(rt, "BaseExceptionGroup." + name) != null) return "BaseExceptionGroup." + name;
        return owner.name() + "." + name;
    }

    /** getset or member descriptor {@code d}'s {@code __doc__}: its doc as is (never cut), or None. */
    long doc(long d) {
        Entry e = entry(d);
        if (!e.doc()) return Builtins.incref(rt.heap, rt.heap.None);
        String key = memberKey(e.owner(), e.name());
        String raw = BuiltinDocs.doc(rt, key);
        if (raw == null) throw BuiltinDocs.unknown(rt, key);
        return strOrNone(raw == BuiltinDocs.NULL ? null : raw);
    }

    /** descr_get_qualname: "Type.name", made on first use and kept in d_qualname as CPython does. */
    static long qualname(Runtime rt, long d) {
        Heap heap = rt.heap;
        long q = Native.getLong(d + DescrCommonType.QUALNAME);
        if (q == 0) {
            long owner = Native.getLong(d + DescrCommonType.TYPE);
            long qn = heap.strs.internedOf("__qualname__");
            long typeQual = rt.ops.getAttr(owner, qn);
            q = heap.strs.of(StrType.value(typeQual) + "." + StrType.value(Native.getLong(d + DescrCommonType.NAME)));
            heap.decref(typeQual);
            heap.decref(qn);
            Native.putLong(d + DescrCommonType.QUALNAME, q);
        }
        heap.incref(q);
        return q;
    }

    // ---- values refheap's attribute lookup of the builtin types does not answer itself ----------

    /** Getsets and members of builtin instances beyond {@link Ops#specialAttr}; new reference or 0. */
    long extraValue(long o, PyType t, String name) {
        Heap heap = rt.heap;
        if (t == rt.getsetType || t == rt.memberType) {
            return switch (name) {
                case "__name__" -> Builtins.incref(heap, Native.getLong(o + DescrCommonType.NAME));
                case "__objclass__" -> Builtins.incref(heap, Native.getLong(o + DescrCommonType.TYPE));
                case "__qualname__" -> qualname(rt, o);
                case "__doc__" -> isBuiltin(o) ? doc(o) : t == rt.memberType ? Builtins.incref(heap, heap.None) : 0;
                default -> 0;
            };
        }
        if (t instanceof dev.refheap.object.IntType && name.equals("denominator")) return heap.ints.of(1);
        if (name.equals("__doc__") || name.equals("__text_signature__")) {
            long v = functionDoc(o, t, name.equals("__text_signature__"));
            if (v != 0) return v;
        }
        if (t == rt.builtinFunctionType && name.equals("__module__")) return builtinModule(o);
        if (t == rt.rangeType) {
            int off = switch (name) { case "start" -> RangeType.START; case "stop" -> RangeType.STOP; case "step" -> RangeType.STEP; default -> 0; };
            if (off != 0) return Builtins.incref(heap, Native.getLong(o + off));
        }
        if (t == rt.functionType && name.equals("__builtins__")) return Builtins.incref(heap, Native.getLong(o + FunctionType.BUILTINS));
        if (t == rt.methodType && name.equals("__doc__")) {
            long n = heap.strs.internedOf(name);
            try {
                return rt.ops.getAttrOrNull(MethodType.func(o), n);
            } finally {
                heap.decref(n);
            }
        }
        if (rt.ops.isInstance(o, rt.baseException)) return exceptionMember(o, t, name);
        return 0;
    }

    /**
     * m_module of a builtin function: the module's name for a module's function (a builtin bound to
     * its module, or one of the builtins module's functions), None for a method of an object.
     */
    private long builtinModule(long f) {
        Heap heap = rt.heap;
        long self = BuiltinFunctionType.self(f);
        if (BuiltinFunctionType.module(f) != 0) return Builtins.incref(heap, BuiltinFunctionType.module(f));  // set when defined or assigned
        if (rt.builtinFunctionType.entry(f).doc() == BuiltinFunctionType.NULL_DOC) return Builtins.incref(heap, heap.None);  // m_module NULL
        if (self != 0 && rt.isModule(self)) {
            long n = heap.dicts.getItem(ModuleType.dict(self), "__name__");
            if (n != 0) return Builtins.incref(heap, n);
        }
        var e = rt.builtinFunctionType.entry(f);
        // a method bound to an object (a type's __new__, str.maketrans through its staticmethod): m_module NULL
        if (e.owner() != null || self != 0 && !rt.isModule(self)) return Builtins.incref(heap, heap.None);
        if (self == 0 && heap.dicts.getItem(rt.builtinsDict, e.name()) == f) return heap.strs.of("builtins");
        long m = self == 0 ? moduleOf(f) : 0;
        long n = m == 0 ? 0 : heap.dicts.getItem(ModuleType.dict(m), "__name__");
        return n == 0 ? 0 : Builtins.incref(heap, n);
    }

    /**
     * The module of a module's builtin function, which refheap makes without m_self (borrowed, 0 if
     * not found): the builtins module for one of its functions, else the module its key names
     * ({@link NativeFunction}: "_signal.signal") when that module in sys.modules has it, else the
     * first module in sys.modules that has it.
     */
    long moduleOf(long f) {
        Heap heap = rt.heap;
        var e = rt.builtinFunctionType.entry(f);
        if (BuiltinFunctionType.self(f) != 0 || e.owner() != null || e.doc() == BuiltinFunctionType.NULL_DOC) return 0;
        long[] found = {0};
        if (heap.dicts.getItem(rt.builtinsDict, e.name()) == f) {
            heap.dicts.forEach(rt.sysModules, (key, m) -> {
                if (found[0] == 0 && rt.isModule(m) && ModuleType.dict(m) == rt.builtinsDict) found[0] = m;
            });
            return found[0];
        }
        if (e.impl() instanceof NativeFunction nf && nf.key().endsWith("." + e.name())) {
            long m = heap.dicts.getItem(rt.sysModules, nf.key().substring(0, nf.key().length() - e.name().length() - 1));
            if (m != 0 && rt.isModule(m) && heap.dicts.getItem(ModuleType.dict(m), e.name()) == f) return m;
        }
        heap.dicts.forEach(rt.sysModules, (key, m) -> {
            if (found[0] == 0 && rt.isModule(m) && heap.dicts.getItem(ModuleType.dict(m), e.name()) == f) found[0] = m;
        });
        return found[0];
    }

    /**
     * A member of a builtin exception type ({@link ExceptionFields}: ImportError.name,
     * SyntaxError.lineno...) when {@code name} finds that type's member descriptor: its value, None
     * when NULL; 0 for any other name.
     */
    long exceptionMember(long o, PyType t, String name) {
        long descr = rt.ops.lookupType(t, name);
        if (descr == 0 || rt.heap.typeOf(descr) != rt.memberType || !isBuiltin(descr) || !(entry(descr).owner() instanceof ExceptionType)) return 0;
        return ExceptionFields.get(rt, o, name);
    }

    /** Sets or deletes such an exception member (a field of the instance); false for any other name. */
    boolean setExceptionMember(long o, String name, long v) {
        Heap heap = rt.heap;
        if (name.equals("__suppress_context__")) {
            Native.putLong(o + ExceptionType.SUPPRESS, v != 0 && rt.ops.truthy(v) ? 1 : 0);
            return true;
        }
        long descr = rt.ops.lookupType(heap.typeOf(o), name);
        if (descr == 0 || heap.typeOf(descr) != rt.memberType || !isBuiltin(descr) || !(entry(descr).owner() instanceof ExceptionType)) return false;
        return ExceptionFields.set(rt, o, name, v);
    }

    /** A function's __code__, __defaults__, __kwdefaults__ and __dict__ (func_set_code...); false for another name. */
    boolean setFunctionField(long f, String name, long v) {
        Heap heap = rt.heap;
        int off;
        switch (name) {
            case "__code__" -> {
                if (v == 0 || heap.typeOf(v) != rt.codeType) throw rt.typeError("__code__ must be set to a code object");
                off = FunctionType.CODE;
            }
            case "__defaults__" -> {
                if (v != 0 && v != heap.None && heap.typeOf(v) != heap.tuples) throw rt.typeError("__defaults__ must be set to a tuple object");
                off = FunctionType.DEFAULTS;
            }
            case "__kwdefaults__" -> {
                if (v != 0 && v != heap.None && !(heap.typeOf(v) instanceof dev.refheap.object.DictType)) {
                    throw rt.typeError("__kwdefaults__ must be set to a dict object");
                }
                off = FunctionType.KWDEFAULTS;
            }
            case "__dict__" -> {
                if (v == 0) throw rt.typeError("cannot delete __dict__");
                if (!(heap.typeOf(v) instanceof dev.refheap.object.DictType)) {
                    throw rt.typeError("__dict__ must be set to a dictionary, not a '" + rt.ops.typeName(v) + "'");
                }
                off = FunctionType.DICT;
            }
            case "__name__", "__qualname__", "__annotations__", "__doc__", "__module__" -> {
                // deleting: None for __doc__ (a T_OBJECT member), refused with CPython's messages for the others
                if (name.equals("__doc__") || name.equals("__module__") || name.equals("__annotations__")) {
                    off = name.equals("__doc__") ? FunctionType.DOC : name.equals("__module__") ? FunctionType.MODULE : FunctionType.ANNOTATIONS;
                    break;
                }
                throw rt.typeError(name + " must be set to a string object");
            }
            default -> { return false; }
        }
        if (v == heap.None && off != FunctionType.DOC && off != FunctionType.MODULE) v = 0;
        heap.xincref(v);
        long old = Native.getLong(f + off);
        Native.putLong(f + off, v);
        heap.xdecref(old);
        return true;
    }

    /** The writable fields of the other builtin types refheap can set: a cell's contents, a generator's names. */
    boolean setOtherField(long o, PyType t, String name, long v) {
        Heap heap = rt.heap;
        if (t == rt.cellType && name.equals("cell_contents")) {
            long old = CellType.contents(o);
            heap.xincref(v);
            Native.putLong(o + CellType.OB_REF, v);
            heap.xdecref(old);
            return true;
        }
        if ((t == rt.generatorType || t == rt.coroutineType || t == rt.asyncGeneratorType)
                && (name.equals("__name__") || name.equals("__qualname__"))) {
            if (v == 0 || !Heap.isStr(v)) throw rt.typeError(name + " must be set to a string object");
            int off = name.equals("__name__") ? GeneratorType.NAME : GeneratorType.QUALNAME;
            heap.incref(v);
            long old = Native.getLong(o + off);
            Native.putLong(o + off, v);
            heap.decref(old);
            return true;
        }
        if (t == rt.frameType && (name.equals("f_trace") || name.equals("f_trace_lines") || name.equals("f_trace_opcodes") || name.equals("f_lineno"))) {
            SysTrace.setFrameAttr(rt, o, name, v);
            return true;
        }
        if (t == rt.tracebackType && name.equals("tb_next")) {
            TracebackType.setNext(rt, o, v);
            return true;
        }
        return false;
    }

    // ---- type's getsets and members ------------------------------------------------------------

    /**
     * A class's tp_flags as CPython 3.11 has them now: type_new_alloc's (HEAPTYPE, BASETYPE, HAVE_GC,
     * HAVE_VERSION_TAG), READY, MANAGED_DICT and the *_SUBCLASS bits of its layout, MATCH_SELF from
     * its builtin base (inherit_special), SEQUENCE/MAPPING ({@link ClassType#collectionFlags}),
     * IS_ABSTRACT and VALID_VERSION_TAG as the class's life has set them.
     */
    private int classFlags(ClassType c) {
        int f = c.flags() | PyType.READY | c.collectionFlags;
        if (c.builtinBase != null) {
            long bf = ClassFactory.builtinFlags(rt, c.builtinBase);
            if (bf < 0) throw rt.error("NotImplementedError", "refheap does not support the __flags__ of a subclass of " + Ops.shortName(c.builtinBase) + " yet");
            f |= (int) bf & (PyType.MATCH_SELF | 0xFF000000);  // inherit_special: MATCH_SELF and the *_SUBCLASS bits of the base
        }
        if (c.abstractFlag) f |= PyType.IS_ABSTRACT;
        if (c.validVersionTag) f |= PyType.VALID_VERSION_TAG;
        return f;
    }

    /** type's getsets and members for class {@code typeObject} beyond those Ops answers first; new reference or 0. */
    long typeValue(long typeObject, PyType t, String name) {
        Heap heap = rt.heap;
        ClassType c = t instanceof ClassType ct ? ct : null;
        if (c != null && rt.ops.isSubtype(t, heap.typeType) && (name.equals("__basicsize__") || name.equals("__itemsize__")
                || name.equals("__weakrefoffset__") || name.equals("__dictoffset__"))) {
            // a metaclass's instances are PyHeapTypeObjects as type's are: a subclass of type can add no
            // slot (nonempty __slots__ is refused, and type has __dict__ and __weakref__ already), so
            // its figures are type's (sys.getsizeof of its classes is CPython's too)
            return typeValue(heap.typeType.address(), heap.typeType, name);
        }
        int layoutField = switch (name) {
            case "__basicsize__" -> 0;
            case "__itemsize__" -> 1;
            case "__weakrefoffset__" -> 2;
            case "__dictoffset__" -> 3;
            case "__flags__" -> 4;
            default -> -1;
        };
        if (layoutField >= 0 && c == null) {
            // a builtin type's: CPython's figures from the table (refheap's own PyType sizes are allocation bases)
            // (weakref.ReferenceType is not in the table: sizeof(PyWeakReference), no items, dict or weakref slot)
            long[] layout = t == heap.weakrefs ? new long[] {64, 0, 0, 0, ClassFactory.builtinFlags(rt, heap.weakrefs)} : rt.slotWrappers.layout(t);
            if (layout == null && t instanceof DictViewType dv && dv.isSubtype()) layout = dv.subtypeLayout();  // odict_keys...
            if (layout == null && t instanceof SysInfo.StructSeqType ss) {
                // a struct sequence: a tuple whose basic size leaves out ob_item[1] (datetime.IsoCalendarDate's, a plain named tuple, keeps it)
                layout = new long[] {ss.basicSize(), 8, 0, 0, ss.tpFlags()};
            }
            if (layout == null && layoutField == 4 && t instanceof NativeType nt && nt.tpFlags() >= 0) return heap.ints.of(nt.tpFlags());
            if (layout == null && t instanceof NativeType nt && layoutField < 4) {
                // a native module's type is declared with CPython's figures (FieldsType and friends)
                layout = new long[] {nt.basicSize(), nt.itemSize(), nt.weaklistOffset(), nt.ownDictOffset()};
            }
            if (layout == null) throw rt.error("NotImplementedError", "refheap does not support " + Ops.shortName(t) + "." + name + " yet");
            return heap.ints.of(layout[layoutField]);
        }
        switch (name) {
            case "__basicsize__": return heap.ints.of(t.basicSize());
            case "__itemsize__": return heap.ints.of(t.itemSize());
            case "__weakrefoffset__": return heap.ints.of(t.weaklistOffset());
            case "__dictoffset__": return heap.ints.of(dictOffset(c));
            case "__flags__": return heap.ints.of(classFlags(c) & 0xFFFFFFFFL);
            case "__base__": {
                PyType b = c != null ? rt.heap.typeAt(Native.getLong(c.typeObject + ClassType.T_BASE)) : rt.builtinTypeInfo.base(t);
                return Builtins.incref(heap, b == null ? heap.None : b.address());
            }
            case "__text_signature__":
                if (c != null) return Builtins.incref(heap, heap.None);
                return typeDoc(typeObject, t, true);
            case "__module__", "__doc__", "__abstractmethods__", "__annotations__": {
                if (c == null && HeapTypeObjects.is(t) && (name.equals("__module__") || name.equals("__doc__"))) {
                    // type_module and type_get_doc of a heap type: its dict's entry (__doc__ through its __get__, None when absent)
                    long v = heap.dicts.getItem(HeapTypeObjects.dict(typeObject), name);
                    if (v == 0) {
                        if (name.equals("__doc__")) return Builtins.incref(heap, heap.None);
                        throw rt.error("AttributeError", "__module__");
                    }
                    if (name.equals("__doc__")) {
                        long got = Attributes.getOnClass(rt, v, typeObject);
                        if (got != 0) return got;
                    }
                    return Builtins.incref(heap, v);
                }
                if (c == null) {
                    if (name.equals("__module__")) {
                        int dot = t.name().lastIndexOf('.');
                        return heap.strs.internedOf(dot > 0 ? t.name().substring(0, dot) : "builtins");  // type_module interns it
                    }
                    if (name.equals("__abstractmethods__")) throw rt.error("AttributeError", name);
                    if (name.equals("__annotations__")) throw rt.ops.attributeError(typeObject, name);
                    return typeDoc(typeObject, t, false);
                }
                long v = heap.dicts.getItem(c.dict(), name);
                if (v != 0) {
                    if (name.equals("__doc__")) {
                        long got = Attributes.getOnClass(rt, v, typeObject);  // type_get_doc: tp_descr_get(doc, NULL, type)
                        if (got != 0) return got;
                    }
                    return Builtins.incref(heap, v);
                }
                switch (name) {
                    case "__doc__": return Builtins.incref(heap, heap.None);
                    case "__annotations__": {
                        long d = heap.dicts.create();
                        heap.dicts.setItem(c.dict(), name, d);
                        return d;
                    }
                    case "__module__": throw rt.error("AttributeError", "__module__");
                    default: throw rt.error("AttributeError", name);
                }
            }
            default: return 0;
        }
    }

    /** tp_dictoffset of a class as CPython 3.11 reports it. */
    private static long dictOffset(ClassType c) {
        if (c.managed()) return -c.basicSize() - 24;  // 3.11: counted from the end, the dict pointer before the object header
        if (c.exceptionBased) return ExceptionType.DICT;
        return c.dictOffset;
    }

    /** best_base: of a class's bases, the one whose solid base (the most derived layout) wins (type_new stores it as tp_base). */
    PyType bestBase(ClassType c) {
        long bases = Native.getLong(c.typeObject + ClassType.T_BASES);
        PyType base = null, winner = null;
        for (int i = 0; i < dev.refheap.object.TupleType.size(bases); i++) {
            PyType b = rt.heap.typeAt(dev.refheap.object.TupleType.item(bases, i));
            PyType candidate = solidBase(b);
            if (winner == null || rt.ops.isSubtype(candidate, winner) && candidate != winner) {
                winner = candidate;
                base = b;
            }
        }
        return base;
    }

    /** solid_base: the nearest type up the tp_base chain that adds to its base's layout (other than a dict or weakref slot). */
    private PyType solidBase(PyType t) {
        PyType b = t instanceof ClassType c ? bestBase(c) : rt.builtinTypeInfo.base(t);
        if (b == null) return t;
        PyType sb = solidBase(b);
        boolean extra = t instanceof ClassType c ? c.slotNames.length > 0 : t.basicSize() != b.basicSize();
        return extra ? t : sb;
    }
}
