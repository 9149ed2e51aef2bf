package dev.refheap.lang.modules.ast;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.TupleType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code _ast}: {@code AST} ({@link AstType}), the PyCF_* flags {@code ast.py} reads, and the 118
 * node classes of 3.11's ASDL ({@link NodeTable}), each made as 3.11's make_type makes it: a call
 * of {@code type(name, (base,), {_fields, __match_args__, __module__, __doc__})} (the same tuple
 * for {@code _fields} and {@code __match_args__}), then {@code _attributes} on the classes that
 * declare them and None for the optional fields and attributes. The context and operator classes
 * have one cached instance each ({@code Load()} in every parsed tree), as the interpreter state
 * caches them in CPython.
 *
 * <p>State: one {@link Types} per runtime (the classes are made once, by the first
 * {@code import _ast} or the first compile() with PyCF_ONLY_AST, and held by the runtime); each
 * import makes a new module object over them.
 */
public final class AstModule {
    private AstModule() {}

    static final int PyCF_ONLY_AST = 0x400, PyCF_TYPE_COMMENTS = 0x1000, PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;

    /** The node classes whose single instance the runtime caches. */
    private static final Set<String> SINGLETON_BASES = Set.of("expr_context", "boolop", "operator", "unaryop", "cmpop");

    /** The classes of one runtime: by name (in _ast's order), by type object, and the cached singletons. */
    static final class Types {
        final AstType ast;
        final Map<String, Long> classes = new LinkedHashMap<>();
        final Map<Long, String> names = new HashMap<>();
        final Map<String, Long> singletons = new HashMap<>();
        final Map<String, NodeTable.Node> nodes = new HashMap<>();

        Types(VmApi vm) {
            Heap heap = vm.heap;
            ast = vm.registerType(new AstType(vm)).install();
            names.put(ast.typeObject(), "AST");
            Map<String, Long> byName = new HashMap<>();
            byName.put("AST", ast.typeObject());
            long moduleName = vm.str("ast");
            try {
                for (NodeTable.Node n : NodeTable.NODES) {
                    long cls = makeType(vm, n, byName.get(n.base()), moduleName);
                    vm.hold(cls);
                    byName.put(n.name(), cls);
                    classes.put(n.name(), cls);
                    names.put(cls, n.name());
                    nodes.put(n.name(), n);
                }
            } finally {
                heap.decref(moduleName);
            }
            for (NodeTable.Node n : NodeTable.NODES) {
                if (SINGLETON_BASES.contains(n.base())) singletons.put(n.name(), vm.hold(vm.call(classes.get(n.name()))));
            }
        }

        private static long makeType(VmApi vm, NodeTable.Node n, long base, long moduleName) {
            Heap heap = vm.heap;
            long fields = strTuple(vm, n.fields());
            long dict = heap.dicts.create();
            long bases = heap.tuples.alloc(1);
            TupleType.setItemSteal(bases, 0, vm.incref(base));
            long name = vm.str(n.name());
            long doc = vm.str(n.doc());
            long cls;
            try {
                heap.dicts.setItem(dict, "_fields", fields);
                heap.dicts.setItem(dict, "__match_args__", fields);
                heap.dicts.setItem(dict, "__module__", moduleName);
                heap.dicts.setItem(dict, "__doc__", doc);
                cls = vm.call(heap.typeType.address(), name, bases, dict);
            } finally {
                heap.decref(fields);
                heap.decref(dict);
                heap.decref(bases);
                heap.decref(name);
                heap.decref(doc);
            }
            if (n.attributes() != null) {
                long attrs = strTuple(vm, n.attributes());
                vm.setAttr(cls, "_attributes", attrs);
                heap.decref(attrs);
            }
            for (String a : n.noneAttrs()) vm.setAttr(cls, a, heap.None);
            return cls;
        }

        private static long strTuple(VmApi vm, String[] items) {
            long t = vm.heap.tuples.alloc(items.length);
            for (int i = 0; i < items.length; i++) TupleType.setItemSteal(t, i, vm.internedStr(items[i]));
            return t;
        }
    }

    static Types types(VmApi vm) {
        return vm.moduleState("_ast", () -> new Types(vm));
    }

    public static long create(VmApi vm) {
        Types t = types(vm);
        Heap heap = vm.heap;
        long m = vm.newModule("_ast");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "AST", t.ast.typeObject());
        setInt(vm, d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", PyCF_ALLOW_TOP_LEVEL_AWAIT);
        setInt(vm, d, "PyCF_ONLY_AST", PyCF_ONLY_AST);
        setInt(vm, d, "PyCF_TYPE_COMMENTS", PyCF_TYPE_COMMENTS);
        for (var e : t.classes.entrySet()) heap.dicts.setItem(d, e.getKey(), e.getValue());
        return m;
    }

    private static void setInt(VmApi vm, long d, String name, long v) {
        long i = vm.newInt(v);
        vm.heap.dicts.setItem(d, name, i);
        vm.heap.decref(i);
    }
}
