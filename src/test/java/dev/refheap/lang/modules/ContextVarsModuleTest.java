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

    /** CPython's start-up readies the context types and the hamt: they exist, with their dicts, before _contextvars is imported. */
    @Test
    void typesAreReadiedBeforeTheModuleIsImported() {
        assertEquals("False ['Context', 'ContextVar', 'Token', 'MISSING', 'hamt'] True <Token.MISSING>\nTrue True\n", NativeModuleRun.run("import sys\n"
                + "names = ('Context', 'ContextVar', 'Token', 'MISSING', 'hamt')\n"
                + "ts = {c.__name__: c for c in object.__subclasses__() if c.__name__ in names}\n"
                + "print('_contextvars' in sys.modules, [n for n in names if n in ts], '__getitem__' in ts['Context'].__dict__, ts['Token'].MISSING)\n"
                + "import _contextvars as c\n"
                + "print(c.Context is ts['Context'], type(c.Token.MISSING) is ts['MISSING'])\n"));
    }

    /** Context, Token and hamt have CPython's PyObject_HashNotImplemented (refheap hashed them by identity). */
    @Test
    void contextTokenAndHamtAreUnhashable() {
        assertEquals("_contextvars.Context _contextvars.Token hamt\n", NativeModuleRun.run("import _contextvars as c, gc\n"
                + "v = c.ContextVar('v'); t = v.set(1); x = c.copy_context(); h = [o for o in gc.get_referents(x) if type(o).__name__ == 'hamt'][0]\n"
                + "out = []\n"
                + "for o in (x, t, h):\n"
                + "    try:\n"
                + "        hash(o)\n"
                + "    except TypeError as e:\n"
                + "        out.append(str(e).split(\"'\")[1])\n"
                + "print(*out)\n"));
    }

    /** ContextVar[int]: a native type's __class_getitem__ (a classmethod descriptor in its dict) subscripts it. */
    @Test
    void classGetItemOfNativeTypesSubscripts() {
        assertEquals("_contextvars.ContextVar[int] GenericAlias\n", NativeModuleRun.run("import _contextvars as c\n"
                + "a = c.ContextVar[int]\nprint(a, type(a).__name__)\n"));
    }
}
