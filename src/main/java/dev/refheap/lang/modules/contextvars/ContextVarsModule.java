package dev.refheap.lang.modules.contextvars;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;

/**
 * {@code _contextvars}: Context, ContextVar, Token and copy_context as CPython 3.11's C module
 * gives them to {@code contextvars.py}, over one thread's current context.
 *
 * <h2>Objects (3.11's structs; sizes without the GC head)</h2>
 * <pre>
 * Context   48: refcnt | type | ctx_prev | ctx_vars (hamt) | ctx_weakreflist | ctx_entered   (GC, tracked)
 * ContextVar 64: refcnt | type | var_name | var_default | var_cached | cached_tsid | cached_tsver | var_hash
 *                (GC type, left untracked as contextvar_new leaves it)
 * Token     48: refcnt | type | tok_ctx | tok_var | tok_oldval | tok_used                  (GC, tracked)
 * hamt      40: refcnt | type | h_root | h_weakreflist | h_count                          (GC, tracked)
 * </pre>
 * A context's variables are an immutable mapping: ContextVar.set and reset make a new hamt in the
 * current context, so a copy_context() taken earlier keeps what it saw. refheap's hamt keeps its
 * entries in a dict (h_root) where CPython has a tree of hamt_bitmap_node objects, so
 * {@code gc.get_referents(hamt)} differs (a dict there); Context.keys/values/items give that dict's
 * views. var_cached is never filled (every get is a lookup).
 *
 * <h2>States</h2>
 * Each thread's state holds its current context ({@link VmApi#threadContext}: 0 until first
 * needed, then an empty Context made as context_get makes it; a new thread starts with none). Context.run enters a context (ctx_entered 1, ctx_prev the context it
 * replaced) and leaves it on return or exception; a Token is unused until reset uses it.
 */
public final class ContextVarsModule {
    private ContextVarsModule() {}

    /** The types and the thread state (the current context). */
    static final class State {
        final VmApi vm;
        final HamtType hamt;
        final ContextType context;
        final ContextVarType var;
        final TokenType token;
        final MissingType missingType;
        final long missing;

        State(VmApi vm) {
            this.vm = vm;
            hamt = vm.registerType(new HamtType(vm));
            context = vm.registerType(new ContextType(vm, this));
            var = vm.registerType(new ContextVarType(vm, this));
            token = vm.registerType(new TokenType(vm, this));
            missingType = vm.registerType(new MissingType(vm));
            missing = vm.hold(missingType.create());  // the module's own reference, reported as a root
        }

        /** context_get: the current context, made (empty) on first use; borrowed. */
        long current() {
            long c = vm.threadContext();  // the running thread's (tstate->context, a root of its state)
            if (c == 0) {
                c = context.create(hamt.create(vm.heap.dicts.create()));
                vm.setThreadContext(c);
            }
            return c;
        }
    }

    /**
     * _PyTypes_InitTypes and _PyContext_Init: CPython 3.11 readies Context, ContextVar, Token,
     * Token.MISSING's type and the hamt at start-up, and makes Token.MISSING then, so their dicts are
     * at a program's first line whether or not it imports {@code _contextvars}. The runtime's
     * constructor calls this among the types it registers (before the objects a start-up image
     * replaces: MISSING is made here in every runtime, at the same address), and then
     * {@link #defineMethods}. Returns the types, in the order they were registered.
     */
    public static java.util.List<PyType> readyTypes(VmApi vm) {
        State st = vm.moduleState("_contextvars", () -> new State(vm));
        return java.util.List.of(st.context, st.var, st.token, st.missingType, st.hamt);
    }

    /**
     * The types' methods (with the builtin types' own, in the constructor), and Token.MISSING in
     * Token's dict unless {@code forImage} (a runtime made to adopt a start-up image, whose memory
     * and type attributes have it; its methods are then entries without objects).
     */
    public static void defineMethods(VmApi vm, boolean forImage) {
        State st = vm.moduleState("_contextvars", () -> new State(vm));
        st.context.methods();
        st.var.methods();
        if (!forImage) vm.setTypeAttr(st.token, "MISSING", st.missing);
    }

    public static long create(VmApi vm) {
        State st = vm.moduleState("_contextvars", () -> new State(vm));
        Heap heap = vm.heap;
        long m = vm.newModule("_contextvars");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "Context", st.context.typeObject());
        heap.dicts.setItem(d, "ContextVar", st.var.typeObject());
        heap.dicts.setItem(d, "Token", st.token.typeObject());
        vm.def(m, "copy_context", (s, a, o, n, kw) -> {
            Params.unpack(vm, "copy_context", n, kw, 0, 0);
            return st.context.create(vm.incref(ContextType.vars(st.current())));
        });
        return m;
    }

    /** The hamt object of a context: its entries in a dict (h_root), h_count their number. */
    static final class HamtType extends FieldsType {
        static final int ROOT = 16, WEAKLIST = 24, COUNT = 32;

        HamtType(VmApi vm) { super(vm, "hamt", PyType.HAVE_GC, 40, WEAKLIST, ROOT); }

        @Override public long tpFlags() { return startupFlags(this, 20736); }

        /** tp_hash PyObject_HashNotImplemented (its dict's {@code __hash__} is None). */
        @Override public long hash(long o) { throw vm.error("TypeError", "unhashable type: '" + name() + "'"); }

        /** A new hamt over {@code dict} (a reference it takes). */
        long create(long dict) {
            long h = alloc();
            put(h, ROOT, dict);
            put(h, COUNT, dev.refheap.object.DictType.size(dict));
            heap.track(h);
            return h;
        }

        static long dict(long h) { return get(h, ROOT); }

        /**
         * hamt(): an empty hamt (the type's tp_new, reachable as {@code type(h)()} from one gc finds),
         * its arguments ignored as CPython's are. CPython's gives its one empty hamt; refheap makes one.
         */
        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) { return create(heap.dicts.create()); }

        @Override
        public long getItemOf(long o, long key) {
            long v = heap.dicts.getItem(dict(o), key);
            if (v == 0) throw errorWith(vm, "KeyError", key);
            return vm.incref(v);
        }

        @Override
        public int containsOf(long o, long item) { return heap.dicts.getItem(dict(o), item) != 0 ? 1 : 0; }

        @Override
        public long iterOf(long o) { return vm.iter(dict(o)); }

        @Override
        public Boolean eqOf(long a, long b) {
            if (heap.typeOf(a) != this || heap.typeOf(b) != this) return null;
            return vm.truthyNew(vm.compare(2, dict(a), dict(b)));
        }

        @Override public boolean hasClear() { return true; }

        @Override public void clear(long o) { set(o, ROOT, 0); }

        @Override public long lenOf(long o) { return get(o, COUNT); }
    }

    /** The singleton Token.MISSING (old_value of a token whose variable had no value). */
    static final class MissingType extends FieldsType {
        MissingType(VmApi vm) { super(vm, "Token.MISSING", 0, 16, 0); }

        @Override public long tpFlags() { return startupFlags(this, 4480); }

        long create() { return alloc(); }

        @Override public String reprOf(long o) { return "<Token.MISSING>"; }
    }

    /**
     * CPython 3.11.7's tp_flags of a context type as a clean start-up leaves them ({@code flags}:
     * the table's, builtin-type-dicts.txt), with Py_TPFLAGS_VALID_VERSION_TAG once an attribute
     * lookup went through the type's cache.
     */
    static long startupFlags(FieldsType t, long flags) { return flags | (t.hasValidVersionTag() ? PyType.VALID_VERSION_TAG : 0); }

    /** exc_type(arg): an exception whose only argument is an object (KeyError(var), LookupError(var)). */
    static PyException errorWith(VmApi vm, String type, long arg) {
        return new PyException(vm.callArgs(vm.exceptionType(type).address(), new long[] {arg}, 0, 1, 0));
    }

    /** Context: a mapping of ContextVar to value (its hamt), entered by run(). */
    static final class ContextType extends FieldsType {
        static final int PREV = 16, VARS = 24, WEAKLIST = 32, ENTERED = 40;
        private final State st;

        ContextType(VmApi vm, State st) {
            super(vm, "_contextvars.Context", PyType.HAVE_GC, 48, WEAKLIST, PREV, VARS);
            this.st = st;
        }

        @Override public long tpFlags() { return startupFlags(this, 20736); }

        /** tp_hash PyObject_HashNotImplemented (its dict's {@code __hash__} is None). */
        @Override public long hash(long o) { throw vm.error("TypeError", "unhashable type: '" + name() + "'"); }

        /** The methods, defined once the type is registered. */
        void methods() {
            defMethod("run", this::run);
            defMethod("copy", (s, a, o, n, kw) -> {
                Params.unpack(vm, "copy", n, kw, 0, 0);
                return create(vm.incref(get(s, VARS)));
            });
            defMethod("get", (s, a, o, n, kw) -> {
                Params.unpack(vm, "get", n, kw, 1, 2);
                long v = lookup(s, checkVar(a[o]));
                return vm.incref(v != 0 ? v : n > 1 ? a[o + 1] : heap.None);
            });
            defMethod("keys", (s, a, o, n, kw) -> vm.callMethod(HamtType.dict(get(s, VARS)), "keys"));
            defMethod("values", (s, a, o, n, kw) -> vm.callMethod(HamtType.dict(get(s, VARS)), "values"));
            defMethod("items", (s, a, o, n, kw) -> vm.callMethod(HamtType.dict(get(s, VARS)), "items"));
        }

        /** A new context over {@code vars} (a hamt reference it takes). */
        long create(long vars) {
            long c = alloc();
            put(c, VARS, vars);
            heap.track(c);
            return c;
        }

        static long vars(long ctx) { return get(ctx, VARS); }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            if (n > 0) throw vm.error("TypeError", "Context() does not accept any arguments");
            return create(st.hamt.create(heap.dicts.create()));
        }

        private long checkVar(long key) {
            if (heap.typeOf(key) != st.var) throw vm.error("TypeError", "a ContextVar key was expected, got " + vm.repr(key));
            return key;
        }

        /** The value of var in ctx, borrowed, or 0. */
        long lookup(long ctx, long var) {
            return heap.dicts.getItem(HamtType.dict(get(ctx, VARS)), var);
        }

        /** Replaces ctx's hamt by a copy with var set to v (or removed when v is 0). */
        void assign(long ctx, long var, long v) {
            long d = heap.dicts.create();
            heap.dicts.forEach(HamtType.dict(get(ctx, VARS)), (k, x) -> heap.dicts.setItem(d, k, x));
            if (v != 0) heap.dicts.setItem(d, var, v);
            else heap.dicts.delItem(d, var);
            set(ctx, VARS, st.hamt.create(d));
        }

        private long run(long ctx, long[] a, int off, int n, long kw) {
            if (n - Params.nkw(kw) < 1) throw vm.error("TypeError", "run() missing 1 required positional argument");
            if (get(ctx, ENTERED) != 0) throw vm.error("RuntimeError", "cannot enter context: " + vm.repr(ctx) + " is already entered");
            long prev = st.current();
            put(ctx, PREV, prev);  // the thread state's reference moves to ctx_prev, as context_enter does
            put(ctx, ENTERED, 1);
            vm.setThreadContext(vm.incref(ctx));
            try {
                return vm.callArgs(a[off], a, off + 1, n - 1, kw);
            } finally {
                vm.setThreadContext(prev);  // the reference ctx_prev held
                put(ctx, PREV, 0);
                put(ctx, ENTERED, 0);
                heap.decref(ctx);
            }
        }

        @Override public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            set(o, PREV, 0);
            set(o, VARS, 0);
        }

        @Override public long lenOf(long o) { return get(get(o, VARS), HamtType.COUNT); }

        @Override
        public long getItemOf(long o, long key) {
            long v = lookup(o, checkVar(key));
            if (v == 0) throw errorWith(vm, "KeyError", key);
            return vm.incref(v);
        }

        @Override
        public int containsOf(long o, long item) { return lookup(o, checkVar(item)) != 0 ? 1 : 0; }

        @Override
        public long iterOf(long o) { return vm.iter(HamtType.dict(get(o, VARS))); }

        @Override
        public Boolean eqOf(long a, long b) {
            if (heap.typeOf(a) != this || heap.typeOf(b) != this) return null;
            return vm.truthyNew(vm.compare(2, HamtType.dict(get(a, VARS)), HamtType.dict(get(b, VARS))));
        }
    }

    /** ContextVar(name, *, default=...): a variable whose value is looked up in the current context. */
    static final class ContextVarType extends FieldsType {
        static final int NAME = 16, DEFAULT = 24, CACHED = 32, TSID = 40, TSVER = 48, HASH = 56;
        private static final String[] NEW_NAMES = {"name", "default"};
        private final State st;

        ContextVarType(VmApi vm, State st) {
            super(vm, "_contextvars.ContextVar", PyType.HAVE_GC, 64, 0, NAME, DEFAULT, CACHED);
            this.st = st;
        }

        @Override public long tpFlags() { return startupFlags(this, 20736); }

        /** The methods, defined once the type is registered. */
        void methods() {
            defMethod("get", (s, a, o, n, kw) -> {
                Params.unpack(vm, "get", n, kw, 0, 1);
                long v = st.context.lookup(st.current(), s);
                if (v != 0) return vm.incref(v);
                if (n > 0) return vm.incref(a[o]);
                if (get(s, DEFAULT) != 0) return vm.incref(get(s, DEFAULT));
                throw errorWith(vm, "LookupError", s);
            });
            defMethod("set", (s, a, o, n, kw) -> {
                Params.unpack(vm, "set", n, kw, 1, 1);
                long ctx = st.current();
                long old = st.context.lookup(ctx, s);
                long tok = st.token.create(ctx, s, old);
                try {
                    st.context.assign(ctx, s, a[o]);
                } catch (RuntimeException e) {
                    heap.decref(tok);
                    throw e;
                }
                return tok;
            });
            defMethod("reset", (s, a, o, n, kw) -> {
                Params.unpack(vm, "reset", n, kw, 1, 1);
                st.token.reset(s, a[o]);
                return vm.incref(heap.None);
            });
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            int npos = n - Params.nkw(kwnames);
            if (npos == 2 && n == 2) {  // PyArg_ParseTupleAndKeywords' word, where Argument Clinic's would be "exactly"
                throw vm.error("TypeError", "ContextVar() takes at most 1 positional argument (2 given)");
            }
            long[] p = Params.parse(vm, "ContextVar", NEW_NAMES, 1, 1, 0, a, off, n, kwnames);
            if (!vm.isStr(p[0])) throw vm.error("TypeError", "context variable name must be a str");
            long v = alloc();
            put(v, NAME, vm.incref(p[0]));
            if (p[1] != 0) put(v, DEFAULT, vm.incref(p[1]));
            long h = Long.rotateRight(v, 4) ^ vm.hash(p[0]);  // contextvar_generate_hash: _Py_HashPointer ^ hash(name)
            put(v, HASH, h == -1 ? -2 : h);
            return v;  // contextvar_new leaves it untracked
        }

        @Override public long hash(long o) { return get(o, HASH); }

        @Override
        public String reprOf(long o) {
            StringBuilder sb = new StringBuilder("<ContextVar name=").append(vm.repr(get(o, NAME)));
            if (get(o, DEFAULT) != 0) sb.append(" default=").append(vm.repr(get(o, DEFAULT)));
            return sb.append(" at 0x").append(Long.toHexString(o)).append('>').toString();
        }

        @Override
        public long attrOf(long o, String name) {
            return name.equals("name") ? vm.incref(get(o, NAME)) : 0;
        }

        @Override
        public boolean setAttrOf(long o, String name, long v) {
            if (name.equals("name")) throw vm.error("AttributeError", "readonly attribute");
            return false;
        }

        @Override public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            set(o, NAME, 0);
            set(o, DEFAULT, 0);
            set(o, CACHED, 0);
        }
    }

    /** Token: what ContextVar.set returns, to undo that set with ContextVar.reset once. */
    static final class TokenType extends FieldsType {
        static final int CTX = 16, VAR = 24, OLDVAL = 32, USED = 40;
        private final State st;

        TokenType(VmApi vm, State st) {
            super(vm, "_contextvars.Token", PyType.HAVE_GC, 48, 0, CTX, VAR, OLDVAL);
            this.st = st;
        }

        @Override public long tpFlags() { return startupFlags(this, 20736); }

        /** tp_hash PyObject_HashNotImplemented (its dict's {@code __hash__} is None). */
        @Override public long hash(long o) { throw vm.error("TypeError", "unhashable type: '" + name() + "'"); }

        long create(long ctx, long var, long old) {
            long t = alloc();
            put(t, CTX, vm.incref(ctx));
            put(t, VAR, vm.incref(var));
            if (old != 0) put(t, OLDVAL, vm.incref(old));
            heap.track(t);
            return t;
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            throw vm.error("RuntimeError", "Tokens can only be created by ContextVars");
        }

        void reset(long var, long tok) {
            if (heap.typeOf(tok) != this) throw vm.error("TypeError", "expected an instance of Token, got " + vm.repr(tok));
            if (get(tok, USED) != 0) throw vm.error("RuntimeError", reprOf(tok) + " has already been used once");
            if (get(tok, VAR) != var) throw vm.error("ValueError", reprOf(tok) + " was created by a different ContextVar");
            long ctx = st.current();
            if (get(tok, CTX) != ctx) throw vm.error("ValueError", reprOf(tok) + " was created in a different Context");
            put(tok, USED, 1);
            long old = get(tok, OLDVAL);
            if (old == 0 && st.context.lookup(ctx, var) == 0) return;
            st.context.assign(ctx, var, old);
        }

        @Override
        public String reprOf(long o) {
            return "<Token" + (get(o, USED) != 0 ? " used" : "") + " var=" + vm.repr(get(o, VAR)) + " at 0x" + Long.toHexString(o) + ">";
        }

        @Override
        public long attrOf(long o, String name) {
            return switch (name) {
                case "var" -> vm.incref(get(o, VAR));
                case "old_value" -> vm.incref(get(o, OLDVAL) != 0 ? get(o, OLDVAL) : st.missing);
                default -> 0;
            };
        }

        @Override public boolean hasClear() { return true; }

        @Override
        public void clear(long o) {
            set(o, CTX, 0);
            set(o, VAR, 0);
            set(o, OLDVAL, 0);
        }
    }
}
