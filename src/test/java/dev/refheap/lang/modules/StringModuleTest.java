package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _string: the markup scanner's escapes, nesting and errors; the iterators' sizes and untracked state. */
class StringModuleTest {
    @Test
    void escapesAndNestedSpecs() {
        assertEquals("[('a{', None, None, None), ('', '0', '{1:{2}}', 'r')]\n",
                NativeModuleRun.run("import _string\nprint(list(_string.formatter_parser('a{{{0!r:{1:{2}}}')))\n"));
    }

    @Test
    void fieldNamesSplitIntoAttributesAndIndexes() {
        assertEquals("0 [(True, 'a'), (False, 1), (False, 'k')]\n",
                NativeModuleRun.run("import _string\nf, r = _string.formatter_field_name_split('0.a[1][k]')\nprint(f, list(r))\n"));
    }

    /** CPython's start-up readies both iterator types: they exist, with their slot wrappers, before _string is imported. */
    @Test
    void iteratorTypesAreReadiedBeforeTheModuleIsImported() {
        assertEquals("False ['__getattribute__', '__iter__', '__next__', '__doc__'] True\n", NativeModuleRun.run("import sys\n"
                + "t = [c for c in object.__subclasses__() if c.__name__ == 'formatteriterator'][0]\n"
                + "before = '_string' in sys.modules\nimport _string\n"
                + "print(before, list(t.__dict__), type(_string.formatter_parser('')) is t)\n"));
    }

    @Test
    void iteratorsAreSmallAndUntracked() {
        assertEquals("48 56 False\n", NativeModuleRun.run("import _string, sys, gc\n"
                + "p = _string.formatter_parser('x'); f = _string.formatter_field_name_split('x')[1]\n"
                + "print(sys.getsizeof(p), sys.getsizeof(f), gc.is_tracked(p))\n"));
    }

    @Test
    void singleBraceIsAnError() {
        assertEquals("Single '}' encountered in format string\n", NativeModuleRun.run("import _string\n"
                + "try:\n    list(_string.formatter_parser('a}b'))\nexcept ValueError as e:\n    print(e)\n"));
    }
}
