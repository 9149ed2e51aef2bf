package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _contextvars: 3.11's sizes and tracking, set/reset through the current context, run() entering a context. */
class ContextVarsModuleTest {
    @Test
    void objectsHave311Layouts() {
        assertEquals("80 False 64 True 64 True 56\n", NativeModuleRun.run("import _contextvars as c, sys, gc\n"
                + "v = c.ContextVar('v'); t = v.set(1); x = c.Context(); h = gc.get_referents(x)[0]\n"
                + "print(sys.getsizeof(v), gc.is_tracked(v), sys.getsizeof(t), gc.is_tracked(t), sys.getsizeof(x), gc.is_tracked(x), sys.getsizeof(h))\n"));
    }

    @Test
    void resetRestoresAndCopiesKeepWhatTheySaw() {
        assertEquals("2 1 gone None\n", NativeModuleRun.run("import _contextvars as c\n"
                + "v = c.ContextVar('v'); t1 = v.set(1); snap = c.copy_context(); t2 = v.set(2)\n"
                + "a = v.get(); v.reset(t2); b = v.get(); v.reset(t1)\n"
                + "print(a, snap[v], v.get('gone'), c.Context().run(v.get, None))\n"));
    }
}
