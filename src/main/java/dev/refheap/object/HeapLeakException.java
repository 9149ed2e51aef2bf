package dev.refheap.object;

import java.util.Map;
import java.util.stream.Collectors;

/** Thrown by {@link Heap#close()} when objects were still alive: the leak report, by type with counts. */
public final class HeapLeakException extends IllegalStateException {
    private final Map<String, Integer> leaked;

    public HeapLeakException(Map<String, Integer> leaked) {
        super("heap closed with " + leaked.values().stream().mapToInt(Integer::intValue).sum() + " live objects: "
                + leaked.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        this.leaked = Map.copyOf(leaked);
    }

    /** Live objects per type name. */
    public Map<String, Integer> leaked() { return leaked; }
}
