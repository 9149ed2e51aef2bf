package dev.refheap.lang.vm;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A listing of the Java state reachable from a runtime, for comparing two runtimes that should
 * hold the same (the start-up image's hooks: the runtime that ran Python code and the one that
 * adopted its image). Walks the fields of refheap's own classes (lambdas' captured values
 * included), arrays, lists, sets and maps (sets' and maps' entries sorted by their listing, as
 * their order is the identity hash's), boxed values and strings; every other object is listed by
 * its class only. An object met again is listed as a reference to the path it was first met at.
 * Fields named in {@code skip} ("Class.field") are caches, the memory layer's own, or what the
 * image does not claim to carry; they are listed as skipped.
 */
final class JavaStateAudit {
    private final Set<String> skip;
    private final Map<Object, String> seen = new IdentityHashMap<>();
    private final List<String> out = new ArrayList<>();

    private JavaStateAudit(Set<String> skip) { this.skip = skip; }

    static List<String> of(Object root, Set<String> skip) {
        if (root instanceof Runtime rt) rt.codeType.makeAllPending();  // an adopter's code objects get their Java side on first use
        JavaStateAudit a = new JavaStateAudit(skip);
        a.walk("rt", root, 0);
        return a.out;
    }

    private static String className(Class<?> c) {
        String n = c.getName();
        int slash = n.indexOf('/');
        return slash < 0 ? n : n.substring(0, slash);  // a lambda's hidden class: its name without the address
    }

    private String brief(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) {
            String e = s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");  // one line each, as the files are read back
            return '"' + (e.length() > 200 ? e.substring(0, 200) + "...#" + Integer.toHexString(s.hashCode()) : e) + '"';
        }
        if (o instanceof Number || o instanceof Boolean || o instanceof Character || o instanceof Enum<?>) return o.toString();
        return null;
    }

    private void walk(String path, Object o, int depth) {
        String b = brief(o);
        if (b != null) {
            out.add(path + " = " + b);
            return;
        }
        if (o instanceof Collection<?> e && e.isEmpty() || o instanceof Map<?, ?> m && m.isEmpty()) {
            out.add(path + " : empty");  // shared empty collections (List.of()) are values
            return;
        }
        // a code unit's constant tuples and frozensets are values, with all they hold: a compiler shares one between units, a
        // unit read back has its own
        if (o instanceof dev.refheap.lang.bytecode.CodeUnit.ConstTuple || o instanceof dev.refheap.lang.bytecode.CodeUnit.ConstFrozenset
                || o instanceof byte[] && path.contains(".consts[")) {  // a bytes constant too
            inValue++;
            try {
                walkValue(path, o, depth);
            } finally {
                inValue--;
            }
            return;
        }
        walkValue(path, o, depth);
    }

    /** Inside a constant ({@link #inValue} above 0) nothing is listed as met before. */
    private int inValue;

    private void walkValue(String path, Object o, int depth) {
        String first = inValue > 0 ? null : seen.get(o);
        if (first != null) {
            out.add(path + " -> " + first);
            return;
        }
        if (inValue == 0) seen.put(o, path);
        Class<?> c = o.getClass();
        if (o instanceof Handles<?> h) {  // the indexes in use and the free list, not the arrays' spare room
            out.add(path + " : handles");
            walk(path + ".items", h.snapshot(), depth + 1);
            walk(path + ".free", h.freeList(), depth + 1);
            return;
        }
        if (c.isArray()) {
            int n = Array.getLength(o);
            out.add(path + " : " + className(c) + "[" + n + "]");
            if (c.getComponentType().isPrimitive()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) sb.append(Array.get(o, i)).append(',');
                out.add(path + " = " + (sb.length() > 200 ? "#" + Integer.toHexString(sb.toString().hashCode()) : sb));
            } else {
                for (int i = 0; i < n; i++) walk(path + "[" + i + "]", Array.get(o, i), depth + 1);
            }
            return;
        }
        if (o instanceof List<?> l) {
            out.add(path + " : list " + l.size());
            for (int i = 0; i < l.size(); i++) walk(path + "[" + i + "]", l.get(i), depth + 1);
            return;
        }
        if (o instanceof Map<?, ?> m) {
            out.add(path + " : map " + m.size());
            TreeMap<String, Object> sorted = new TreeMap<>();
            // keys that name no value are told apart in their values' order when the values are plain (a class's hash number)
            List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(m.entrySet());
            entries.sort(java.util.Comparator.comparing((Map.Entry<?, ?> e) -> keyName(e.getKey()))
                    .thenComparing(e -> String.valueOf(brief(e.getValue()))));
            for (var e : entries) put(sorted, keyName(e.getKey()), e.getValue());
            for (var e : sorted.entrySet()) walk(path + "{" + e.getKey() + "}", e.getValue(), depth + 1);
            return;
        }
        if (o instanceof Collection<?> s) {
            out.add(path + " : set " + s.size());
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Object e : s) put(sorted, keyName(e), e);
            for (var e : sorted.entrySet()) walk(path + "{" + e.getKey() + "}", e.getValue(), depth + 1);
            return;
        }
        if (!c.getName().startsWith("dev.refheap.")) {
            out.add(path + " : " + className(c));
            return;
        }
        out.add(path + " : " + className(c));
        for (Class<?> k = c; k != null && k.getName().startsWith("dev.refheap."); k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) continue;
                String name = k.getSimpleName() + "." + f.getName();
                String p = path + "." + f.getName();
                if (skip.contains(name)) {
                    out.add(p + " (skipped)");
                    continue;
                }
                try {
                    f.setAccessible(true);
                    walk(p, f.get(o), depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    out.add(p + " (unreadable: " + e.getClass().getSimpleName() + ")");
                }
            }
        }
    }

    /**
     * The differences between two listings, by path: what one has at a path and the other has
     * not, or has otherwise (at most {@code max}).
     */
    static List<String> differences(List<String> want, List<String> have, int max) {
        Map<String, String> a = byPath(want), b = byPath(have);
        List<String> d = new ArrayList<>();
        for (var e : a.entrySet()) {
            String other = b.get(e.getKey());
            if (!e.getValue().equals(other) && d.size() < max) d.add(e.getKey() + ": " + e.getValue() + " | " + other);
        }
        for (var e : b.entrySet()) if (!a.containsKey(e.getKey()) && d.size() < max) d.add(e.getKey() + ": (none) | " + e.getValue());
        return d;
    }

    private static Map<String, String> byPath(List<String> lines) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String l : lines) {
            int i = l.indexOf(" = "), j = l.indexOf(" : "), k = l.indexOf(" -> "), q = l.indexOf(" (");
            int cut = Integer.MAX_VALUE;
            for (int x : new int[] {i, j, k, q}) if (x >= 0) cut = Math.min(cut, x);
            if (cut == Integer.MAX_VALUE) cut = l.length();
            m.put(l.substring(0, cut), l.substring(cut));
        }
        return m;
    }

    /** Keys that name no value (a lambda, an object) can collide: they are told apart by a number, in the map's order. */
    private static void put(TreeMap<String, Object> sorted, String key, Object value) {
        String k = key;
        for (int i = 2; sorted.containsKey(k); i++) k = key + " #" + i;
        sorted.put(k, value);
    }

    /** A map key or set member as text: its value, or a type's name and index, or its class. */
    private String keyName(Object k) {
        String b = brief(k);
        if (b != null) return b;
        if (k instanceof dev.refheap.object.PyType t) return "type " + t.index() + " " + t.name();
        if (k instanceof Class<?> c) return "class " + className(c);
        return className(k.getClass());
    }
}
