package dev.refheap.lang.vm;

import dev.refheap.memory.Native;
import dev.refheap.object.GcHead;
import java.util.List;

/**
 * The C API functions {@code ctypes.pythonapi} reaches, refheap's own implementations by name:
 * each takes its C arguments as words (an object argument is the object's address) and returns its
 * C result as a word (0 for a void function). The refcount functions go through the ctypes
 * ledger (docs/architecture.md, "ctypes writes"): {@code Py_IncRef} raises the count as a ctypes
 * write would (a deliberate leak until taken back), {@code Py_DecRef} lowers it only by what
 * ctypes raised; an address that is not a live object is refused with ValueError (CPython crashes).
 * {@code Py_REFCNT} and the other macros are no functions in CPython either. Stateless.
 */
final class CApi {
    private CApi() {}

    /** The functions, with their C signatures: parameters ('O' an object pointer) and result ('v' void, 'i' int, 'n' Py_ssize_t). */
    static final List<String[]> FUNCTIONS = List.of(
            new String[] {"Py_IncRef", "O", "v"}, new String[] {"Py_DecRef", "O", "v"},
            new String[] {"PyGC_Collect", "", "n"}, new String[] {"PyGC_Enable", "", "i"}, new String[] {"PyGC_Disable", "", "i"},
            new String[] {"PyGC_IsEnabled", "", "i"}, new String[] {"PyObject_GC_IsTracked", "O", "i"},
            new String[] {"PyObject_GC_IsFinalized", "O", "i"});

    static String[] signature(String name) {
        for (String[] f : FUNCTIONS) if (f[0].equals(name)) return f;
        return null;
    }

    static long call(Runtime rt, String name, long[] args) {
        switch (name) {
            case "Py_IncRef", "Py_DecRef" -> {
                long o = args[0];
                if (o == 0) return 0;  // Py_XINCREF / Py_XDECREF: NULL is nothing
                live(rt, name, o);
                long cur = Native.getLong(o);
                Ctypes.storeChecked(rt, o, 8, name.equals("Py_IncRef") ? cur + 1 : cur - 1);
                return 0;
            }
            case "PyGC_Collect" -> {
                return rt.gc.isEnabled() ? rt.gc.collect(2) : 0;  // 3.11 collects only while automatic collection is on
            }
            case "PyGC_Enable", "PyGC_Disable" -> {
                boolean was = rt.gc.isEnabled();
                rt.gc.setEnabled(name.equals("PyGC_Enable"));
                return was ? 1 : 0;
            }
            case "PyGC_IsEnabled" -> {
                return rt.gc.isEnabled() ? 1 : 0;
            }
            case "PyObject_GC_IsTracked", "PyObject_GC_IsFinalized" -> {
                long o = args[0];
                live(rt, name, o);
                if (!rt.heap.isGcObject(o)) return 0;
                return (name.endsWith("Tracked") ? GcHead.isTracked(o) : GcHead.isFinalized(o)) ? 1 : 0;
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    private static void live(Runtime rt, String name, long o) {
        if (!rt.heap.isLiveObject(o) || rt.heap.refcount(o) <= 0) {
            throw rt.error("ValueError", "address 0x" + Long.toHexString(o) + " is not a live object in refheap's heap: "
                    + name + " of it is refused (python3 would crash)");
        }
    }
}
