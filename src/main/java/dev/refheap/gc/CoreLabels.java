package dev.refheap.gc;

import dev.refheap.object.BoolType;
import dev.refheap.object.DictType;
import dev.refheap.object.FloatType;
import dev.refheap.object.Heap;
import dev.refheap.object.IntType;
import dev.refheap.object.ListType;
import dev.refheap.object.NoneType;
import dev.refheap.object.PyType;
import dev.refheap.object.StrType;
import dev.refheap.object.SetType;
import dev.refheap.object.TupleType;
import java.util.List;

/**
 * The object layer's names for references ({@link Provenance.Labeler}): list and tuple items by
 * index ({@code list[3] of <list at 0x...>}), dict values and keys by key
 * ({@code dict['d1'] (value) of <dict at 0x...>}), anything else as a reference from the holder.
 * Subclassed by the language for its own types. Reads the layouts; never calls Python code and
 * never allocates on the heap.
 */
public class CoreLabels implements Provenance.Labeler {
    protected final Heap heap;

    public CoreLabels(Heap heap) { this.heap = heap; }

    @Override
    public String describe(long o) {
        PyType t = heap.typeOf(o);
        if (t instanceof NoneType) return "<None at 0x" + Long.toHexString(o) + ">";
        if (t instanceof IntType || t instanceof BoolType || t instanceof FloatType) {
            return "<" + t.name() + " " + t.describe(o) + " at 0x" + Long.toHexString(o) + ">";
        }
        if (t instanceof StrType) return "<str " + shortRepr(o) + " at 0x" + Long.toHexString(o) + ">";
        return "<" + t.name() + " at 0x" + Long.toHexString(o) + ">";
    }

    /** A key's repr for labels: strs and ints as Python shows them, other keys by description. */
    public String shortRepr(long o) {
        PyType t = heap.typeOf(o);
        if (t instanceof StrType) {
            String v = StrType.value(o);
            if (v.length() > 40) v = v.substring(0, 37) + "...";
            return "'" + v.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
        }
        if (t instanceof NoneType) return "None";
        if (t instanceof IntType || t instanceof BoolType || t instanceof FloatType) return t.describe(o);
        return describe(o);
    }

    @Override
    public void label(long source, long target, int count, List<String> out) {
        PyType t = heap.typeOf(source);
        String of = " of " + describe(source);
        if (t instanceof ListType) {
            long n = ListType.size(source);
            for (long i = 0; i < n && out.size() < count; i++) if (ListType.item(source, i) == target) out.add("list[" + i + "]" + of);
        } else if (t instanceof TupleType) {
            long n = TupleType.size(source);
            for (long i = 0; i < n && out.size() < count; i++) if (TupleType.item(source, i) == target) out.add("tuple[" + i + "]" + of);
        } else if (t instanceof DictType) {
            String owner = dictOwner(source);
            heap.dicts.forEach(source, (k, v) -> {
                if (k == target && out.size() < count) out.add("dict key " + shortRepr(k) + of);
                if (v == target && out.size() < count) {
                    out.add(owner != null ? owner.replace("%s", shortRepr(k)) : "dict[" + shortRepr(k) + "] (value)" + of);
                }
            });
        } else if (t instanceof SetType) {
            for (int i = out.size(); i < count; i++) out.add("set item" + of);  // a set holds each member once
        }
    }

    /**
     * For a dict that is a namespace (a module's globals, a class's or instance's __dict__): a
     * label pattern for its values with {@code %s} for the key, or null for a plain dict.
     */
    protected String dictOwner(long dict) { return null; }
}
