package dev.refheap.lang.modules.ast;

import dev.refheap.lang.ast.Alias;
import dev.refheap.lang.ast.Arg;
import dev.refheap.lang.ast.Arguments;
import dev.refheap.lang.ast.Comprehension;
import dev.refheap.lang.ast.ExceptHandler;
import dev.refheap.lang.ast.Expr;
import dev.refheap.lang.ast.Expression;
import dev.refheap.lang.ast.Keyword;
import dev.refheap.lang.ast.MatchCase;
import dev.refheap.lang.ast.Module;
import dev.refheap.lang.ast.Node;
import dev.refheap.lang.ast.Pattern;
import dev.refheap.lang.ast.Pos;
import dev.refheap.lang.ast.Special;
import dev.refheap.lang.ast.Stmt;
import dev.refheap.lang.ast.WithItem;
import dev.refheap.lang.vm.AstBridge;
import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.BytesType;
import dev.refheap.object.Heap;
import dev.refheap.object.ListType;
import dev.refheap.object.TupleType;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between refheap's parser trees ({@code lang.ast} records) and {@code ast} node objects:
 * 3.11's ast2obj (each field set in {@code _fields} order, then the four position attributes;
 * the cached singleton for a context or operator; None for a field refheap's tree does not keep,
 * {@code type_comment}) and obj2ast (fields read by name: a missing required field is CPython's
 * TypeError, a None one its ValueError, a list field must be a list, a node of the wrong kind is
 * "expected some sort of expr"). Record components map to fields by name (camelCase to
 * snake_case), so the table of conversions is built by reflection once per record class.
 */
public final class AstBridgeImpl implements AstBridge {
    private final VmApi vm;
    private final Heap heap;
    private AstModule.Types types;

    /** Python class name → record class, for obj2ast. */
    private static final Map<String, Class<?>> RECORDS = new HashMap<>();
    /** Record class → Python class name. */
    private static final Map<Class<?>, String> PY_NAMES = new HashMap<>();
    /** The abstract ASDL type name each Java interface stands for (for messages). */
    private static final Map<Class<?>, String> SUM_NAMES = Map.of(Expr.class, "expr", Stmt.class, "stmt", Pattern.class, "pattern",
            dev.refheap.lang.ast.ExprContext.class, "expr_context", dev.refheap.lang.ast.Operator.class, "operator",
            dev.refheap.lang.ast.BoolOperator.class, "boolop", dev.refheap.lang.ast.UnaryOperator.class, "unaryop",
            dev.refheap.lang.ast.CmpOp.class, "cmpop", ExceptHandler.class, "excepthandler");

    static {
        for (Class<?> sealed : List.of(Expr.class, Stmt.class, Pattern.class)) {
            for (Class<?> c : sealed.getPermittedSubclasses()) {
                String n = c == Stmt.ExprStmt.class ? "Expr" : c.getSimpleName();
                RECORDS.put(n, c);
                PY_NAMES.put(c, n);
            }
        }
        Object[][] others = {{Arguments.class, "arguments"}, {Arg.class, "arg"}, {Keyword.class, "keyword"}, {Alias.class, "alias"},
                {Comprehension.class, "comprehension"}, {WithItem.class, "withitem"}, {MatchCase.class, "match_case"},
                {ExceptHandler.class, "ExceptHandler"}};
        for (Object[] o : others) {
            RECORDS.put((String) o[1], (Class<?>) o[0]);
            PY_NAMES.put((Class<?>) o[0], (String) o[1]);
        }
    }

    public AstBridgeImpl(VmApi vm) {
        this.vm = vm;
        this.heap = vm.heap;
    }

    private AstModule.Types types() {
        if (types == null) types = AstModule.types(vm);
        return types;
    }

    // ---- ast2obj -----------------------------------------------------------------------------------

    @Override
    public long toPython(Object tree, String mode) {
        return switch (tree) {
            case Module m when mode.equals("single") -> node("Interactive", new String[] {"body"}, new long[] {list(m.body())});
            case Module m -> node("Module", new String[] {"body", "type_ignores"}, new long[] {list(m.body()), heap.lists.alloc(0)});
            case Expression e -> node("Expression", new String[] {"body"}, new long[] {toPy(e.body())});
            default -> throw new IllegalArgumentException("not a tree: " + tree);
        };
    }

    /** A new node of class {@code name} with the fields set in order (the values are stolen). */
    private long node(String name, String[] fields, long[] values) {
        long o;
        try {
            o = vm.call(types().classes.get(name));
        } catch (RuntimeException e) {
            for (long v : values) heap.decref(v);
            throw e;
        }
        try {
            for (int i = 0; i < fields.length; i++) {
                vm.setAttr(o, fields[i], values[i]);
                heap.decref(values[i]);
                values[i] = 0;
            }
        } catch (RuntimeException e) {
            for (long v : values) if (v != 0) heap.decref(v);
            heap.decref(o);
            throw e;
        }
        return o;
    }

    private long list(List<?> items) {
        long l = heap.lists.alloc(items.size());
        for (int i = 0; i < items.size(); i++) ListType.setItemSteal(l, i, toPy(items.get(i)));
        return l;
    }

    /** One value of the tree as a new reference. */
    private long toPy(Object v) {
        return switch (v) {
            case null -> vm.incref(heap.None);
            case List<?> l -> list(l);
            case String s -> vm.str(s);
            case Integer i -> vm.newInt(i);
            case Enum<?> e -> vm.incref(types().singletons.get(e.name()));
            case Record r -> record(r);
            default -> throw new IllegalArgumentException("not an AST value: " + v.getClass());
        };
    }

    /** A constant's value (Constant.value, MatchSingleton.value). */
    private long constant(Object v) {
        return switch (v) {
            case Special s -> vm.incref(s == Special.None ? heap.None : vm.ellipsis());
            case Boolean b -> vm.incref(b ? heap.True : heap.False);
            case Long l -> vm.newInt(l);
            case BigInteger b -> vm.newInt(b);
            case Double d -> vm.newFloat(d);
            case dev.refheap.lang.ast.Complex c -> vm.newComplex(c.real(), c.imag());
            case String s -> vm.str(s);
            case byte[] b -> heap.bytes.of(b);
            default -> throw vm.error("NotImplementedError", "refheap does not support the constant " + v + " in an AST yet");
        };
    }

    /** How one record class converts: its Python name, fields, and the component behind each. */
    private record Shape(String pyName, String[] fields, RecordComponent[] components, boolean positions,
                         Constructor<?> ctor, RecordComponent[] all) {}

    private static final Map<Class<?>, Shape> SHAPES = new java.util.concurrent.ConcurrentHashMap<>();

    private static Shape shape(Class<?> c) {
        return SHAPES.computeIfAbsent(c, k -> {
            String py = PY_NAMES.get(k);
            NodeTable.Node n = null;
            for (NodeTable.Node x : NodeTable.NODES) if (x.name().equals(py)) n = x;
            if (n == null) throw new IllegalStateException("no node class " + py);
            RecordComponent[] all = k.getRecordComponents();
            RecordComponent[] comps = new RecordComponent[n.fields().length];
            for (int i = 0; i < comps.length; i++) {
                String camel = camel(n.fields()[i]);
                for (RecordComponent rc : all) if (rc.getName().equals(camel)) comps[i] = rc;
            }
            Class<?>[] types = new Class<?>[all.length];
            for (int i = 0; i < all.length; i++) types[i] = all[i].getType();
            try {
                return new Shape(py, n.fields(), comps, Node.class.isAssignableFrom(k), k.getDeclaredConstructor(types), all);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String camel(String snake) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char ch : snake.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    private long record(Record r) {
        Shape s = shape(r.getClass());
        int n = s.fields.length + (s.positions ? 4 : 0);
        String[] names = new String[n];
        long[] values = new long[n];
        int i = 0;
        try {
            for (; i < s.fields.length; i++) {
                names[i] = s.fields[i];
                RecordComponent rc = s.components[i];
                if (rc == null) {
                    values[i] = vm.incref(heap.None);  // type_comment: refheap's parser keeps none
                    continue;
                }
                Object v = rc.getAccessor().invoke(r);
                values[i] = rc.getType() == Object.class ? constant(v) : toPy(v);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            for (int j = 0; j < i; j++) heap.decref(values[j]);
            throw e;
        }
        if (s.positions) {
            Pos p = ((Node) r).pos();
            String[] attrs = {"lineno", "col_offset", "end_lineno", "end_col_offset"};
            int[] pv = {p.lineno(), p.colOffset(), p.endLineno(), p.endColOffset()};
            for (int j = 0; j < 4; j++) {
                names[i + j] = attrs[j];
                values[i + j] = vm.newInt(pv[j]);
            }
        }
        return node(s.pyName, names, values);
    }

    // ---- obj2ast -----------------------------------------------------------------------------------

    @Override
    public boolean isAst(long o) {
        return vm.isInstanceOf(o, types().ast);
    }

    @Override
    public Object fromPython(long o, String mode) {
        String want = switch (mode) {
            case "exec" -> "Module";
            case "eval" -> "Expression";
            case "single" -> "Interactive";
            default -> "Module";
        };
        String got = nodeName(o);
        if (!want.equals(got)) throw vm.error("TypeError", "expected " + want + " node, got " + vm.typeName(o));
        try {
            if (want.equals("Expression")) return new Expression((Expr) field(o, "Expression", "body", Expr.class, false));
            List<Stmt> body = new ArrayList<>();
            for (Object x : listField(o, want, "body", Stmt.class)) body.add((Stmt) x);
            return new Module(body);
        } catch (PyException e) {
            throw e;
        } catch (RuntimeException e) {
            throw vm.error("ValueError", "refheap could not convert this AST: " + e.getMessage());
        }
    }

    /** The name of the first node class in type(o)'s mro (a user subclass of ast.Name is a Name), or null. */
    private String nodeName(long o) {
        long mro = vm.getAttrOrNull(heap.typeOf(o).address(), "__mro__");
        if (mro == 0) return null;
        try {
            for (long i = 0; i < TupleType.size(mro); i++) {
                String n = types().names.get(TupleType.item(mro, i));
                if (n != null) return n;
            }
            return null;
        } finally {
            heap.decref(mro);
        }
    }

    /** Whether field {@code f} of node class {@code cls} is optional ({@code ?} in its ASDL signature). */
    private boolean optional(String cls, String f) {
        NodeTable.Node n = types().nodes.get(cls);
        if (n == null) return false;
        String doc = n.doc();
        return doc.contains("? " + f + ",") || doc.contains("? " + f + ")");
    }

    private Object field(long o, String owner, String name, Type type, boolean optional) {
        long v = vm.getAttrOrNull(o, name);
        if (v == 0) {
            if (optional) return null;
            throw vm.error("TypeError", "required field \"" + name + "\" missing from " + owner);
        }
        try {
            if (v == heap.None && type != Object.class) {
                if (optional) return null;
                throw vm.error("ValueError", "field '" + name + "' is required for " + owner);
            }
            return convert(v, type, owner, name);
        } finally {
            heap.decref(v);
        }
    }

    private List<Object> listField(long o, String owner, String name, Type elem) {
        long v = vm.getAttrOrNull(o, name);
        if (v == 0) throw vm.error("TypeError", "required field \"" + name + "\" missing from " + owner);
        try {
            if (heap.typeOf(v) != heap.lists) {
                throw vm.error("TypeError", owner + " field \"" + name + "\" must be a list, not a " + vm.typeName(v));
            }
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < ListType.size(v); i++) {
                long item = ListType.item(v, i);
                out.add(item == heap.None && elem != Object.class ? null : convert(item, elem, owner, name));
            }
            return out;
        } finally {
            heap.decref(v);
        }
    }

    private Object convert(long v, Type type, String owner, String name) {
        if (type == String.class) {
            if (!vm.isStr(v)) throw vm.error("TypeError", "AST string must be of type str");
            return vm.strValue(v);
        }
        if (type == int.class) {
            if (!vm.isInt(v)) throw vm.error("ValueError", "invalid integer value: " + vm.repr(v));
            return vm.asIndex(v).intValue();
        }
        if (type == Object.class) return pyConstant(v);
        Class<?> c = (Class<?>) type;
        if (c.isEnum()) {
            String n = nodeName(v);
            for (Object e : c.getEnumConstants()) if (((Enum<?>) e).name().equals(n)) return e;
            throw vm.error("TypeError", "expected some sort of " + SUM_NAMES.get(c) + ", but got " + vm.repr(v));
        }
        String n = nodeName(v);
        Class<?> rc = n == null ? null : RECORDS.get(n);
        if (rc == null || !c.isAssignableFrom(rc)) {
            String what = SUM_NAMES.getOrDefault(c, PY_NAMES.getOrDefault(c, c.getSimpleName()));
            throw vm.error("TypeError", "expected some sort of " + what + ", but got " + vm.repr(v));
        }
        return fromNode(v, rc, n);
    }

    private Object fromNode(long o, Class<?> rc, String pyName) {
        Shape s = shape(rc);
        Object[] args = new Object[s.all.length];
        // obj2ast_stmt and the others read the position attributes before the fields
        Pos pos = s.positions ? position(o, pyName) : null;
        for (int i = 0; i < s.all.length; i++) {
            RecordComponent comp = s.all[i];
            if (comp.getName().equals("pos")) {
                args[i] = pos;
                continue;
            }
            String f = snake(comp.getName());
            Type t = comp.getGenericType();
            if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
                args[i] = listField(o, pyName, f, pt.getActualTypeArguments()[0]);
            } else {
                Object v = field(o, pyName, f, t, optional(pyName, f));
                if (v == null && t == int.class) v = 0;
                args[i] = v;
            }
        }
        try {
            return s.ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Pos position(long o, String pyName) {
        NodeTable.Node n = types().nodes.get(pyName);
        String owner = abstractName(n);
        int line = (Integer) field(o, owner, "lineno", int.class, false);
        int col = (Integer) field(o, owner, "col_offset", int.class, false);
        Object endLine = field(o, owner, "end_lineno", int.class, true);
        Object endCol = field(o, owner, "end_col_offset", int.class, true);
        return new Pos(line, col, endLine == null ? line : (Integer) endLine, endCol == null ? col : (Integer) endCol);
    }

    /** The class that declares the position attributes (stmt for If): the name in CPython's messages. */
    private static String abstractName(NodeTable.Node n) {
        return n.attributes() != null ? n.name() : n.base();
    }

    /** obj2ast_constant with validate_constant: the kinds of value a Constant may hold. */
    private Object pyConstant(long v) {
        if (v == heap.None) return Special.None;
        if (v == vm.ellipsis()) return Special.Ellipsis;
        if (v == heap.True) return Boolean.TRUE;
        if (v == heap.False) return Boolean.FALSE;
        if (heap.typeOf(v) == heap.ints) {
            BigInteger b = vm.asIndex(v);
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        }
        if (heap.typeOf(v) == heap.floats) return vm.asDouble(v);
        double[] cx = vm.complexParts(v);
        if (cx != null) return new dev.refheap.lang.ast.Complex(cx[0], cx[1]);
        if (heap.typeOf(v) == heap.strs) return vm.strValue(v);
        if (heap.typeOf(v) == heap.bytes) return BytesType.value(v);
        if (heap.typeOf(v) == heap.tuples || heap.typeOf(v) == heap.frozensets) {
            throw vm.error("NotImplementedError", "refheap does not support a " + vm.typeName(v) + " constant in an AST yet");
        }
        throw vm.error("TypeError", "got an invalid type in Constant: " + vm.typeName(v));
    }

    private static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) b.append('_').append(Character.toLowerCase(ch));
            else b.append(ch);
        }
        return b.toString();
    }
}
