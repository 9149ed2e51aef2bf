package dev.refheap.lang.modules.ast;

import dev.refheap.lang.modules.FieldsType;
import dev.refheap.lang.modules.Params;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.PyType;
import dev.refheap.object.TupleType;
import java.util.function.LongConsumer;

/**
 * {@code ast.AST}, the base of every node class, with CPython 3.11's AST_object layout:
 * <pre> refcnt | type | dict (NULL until an attribute is set) </pre>
 * (24 bytes, GC, tp_dictoffset 16, no weakref slot: the node classes, made by calling type() as
 * 3.11's make_type does, add {@code __weakref__} at 24 on the abstract bases). Instances of
 * ast.AST itself hold a reference to it (CPython makes it with PyType_FromSpec); instances of the
 * node classes are the classes' builtin-layout subclass instances, whose slots chain here.
 *
 * <p>{@code __init__} is ast_type_init: positional arguments fill {@code _fields} in order (at
 * most that many), keywords set any attribute (a field given twice is a TypeError); missing
 * fields stay missing. {@code __reduce__} is {@code (type, (), __dict__)}. traverse visits the
 * type (exact instances only: the subclass's slot visits its class) and the dict.
 */
final class AstType extends FieldsType {
    static final int DICT = 16;

    AstType(VmApi vm) {
        super(vm, "ast.AST", PyType.HAVE_GC | PyType.BASETYPE, 24, 0, DICT);
        cpythonFlags(0x5600);  // HAVE_GC | READY | BASETYPE | HEAPTYPE
    }

    /** The methods and class attributes, once registered (the type object exists). */
    AstType install() {
        defMethod("__init__", (self, a, off, n, kw) -> {
            init(self, a, off, n, kw);
            return vm.incref(heap.None);
        });
        defMethod("__reduce__", (self, a, off, n, kw) -> {
            Params.noArgs(vm, "__reduce__", n, kw);
            long d = vm.getAttrOrNull(self, "__dict__");
            long t = heap.typeOf(self).address();
            long r = heap.tuples.alloc(d == 0 ? 2 : 3);
            TupleType.setItemSteal(r, 0, vm.incref(t));
            TupleType.setItemSteal(r, 1, heap.tuples.alloc(0));
            if (d != 0) TupleType.setItemSteal(r, 2, d);
            return r;
        });
        long empty = heap.tuples.alloc(0);
        vm.setTypeAttr(this, "_fields", empty);
        vm.setTypeAttr(this, "__match_args__", empty);
        vm.setTypeAttr(this, "_attributes", empty);
        heap.decref(empty);
        return this;
    }

    @Override
    public boolean allowsPythonSubclasses() { return true; }

    @Override
    public long ownDictOffset() { return DICT; }

    @Override
    protected boolean heapTypeInstances() { return true; }

    @Override
    public long newInstance(long[] a, int off, int n, long kwnames) {
        long o = alloc();
        return trackAndInit(o, a, off, n, kwnames, this::init);
    }

    /** ast_type_init. */
    private void init(long self, long[] a, int off, int n, long kwnames) {
        int nkw = Params.nkw(kwnames), npos = n - nkw;
        long typeObj = heap.typeOf(self).address();
        long fields = vm.getAttrOrNull(typeObj, "_fields");
        try {
            long numFields = fields == 0 ? 0 : vm.callLen(fields);
            if (numFields < npos) {
                String tn = heap.typeOf(self) == this ? "AST" : heap.typeOf(self).name();
                throw vm.error("TypeError", tn + " constructor takes at most " + numFields + " positional argument"
                        + (numFields == 1 ? "" : "s"));
            }
            for (int i = 0; i < npos; i++) {
                long idx = heap.ints.of(i);
                long name;
                try {
                    name = vm.getItem(fields, idx);
                } finally {
                    heap.decref(idx);
                }
                try {
                    vm.setAttr(self, vm.strValue(name), a[off + i]);
                } finally {
                    heap.decref(name);
                }
            }
            for (int k = 0; k < nkw; k++) {
                long key = TupleType.item(kwnames, k);
                if (fields != 0 && vm.contains(fields, key)) {
                    long p = vm.callMethod(fields, "index", key);
                    long pos = vm.asIndex(p).longValue();
                    heap.decref(p);
                    if (pos < npos) {
                        throw vm.error("TypeError", heap.typeOf(self).name() + " got multiple values for argument '"
                                + vm.strValue(key) + "'");
                    }
                }
                vm.setAttr(self, vm.strValue(key), a[off + npos + k]);
            }
        } finally {
            if (fields != 0) heap.decref(fields);
        }
    }

    /** object_repr with the instance's own class: {@code <ast.Name object at 0x...>}. */
    @Override
    public String reprOf(long o) {
        return "<" + vm.qualifiedTypeName(heap.typeOf(o).address()) + " object at 0x" + Long.toHexString(o) + ">";
    }

    @Override
    public void traverse(long o, LongConsumer visit) {
        if (heap.typeOf(o) == this) visit.accept(typeObject());
        long d = get(o, DICT);
        if (d != 0) visit.accept(d);
    }

    @Override
    public boolean hasClear() { return true; }

    @Override
    public void clear(long o) { set(o, DICT, 0); }

    @Override
    public void dealloc(long o) {
        boolean exact = heap.typeOf(o) == this;
        heap.untrackIfTracked(o);
        long d = get(o, DICT);
        if (d != 0) {
            put(o, DICT, 0);
            heap.decref(d);
        }
        if (exact) free(o);
        else heap.freeObject(o);
    }

    @Override
    public long attrOf(long o, String name) { return instanceDictAttr(o, DICT, name); }

    @Override
    public boolean setAttrOf(long o, String name, long v) { return setInstanceDictAttr(o, DICT, name, v); }
}
