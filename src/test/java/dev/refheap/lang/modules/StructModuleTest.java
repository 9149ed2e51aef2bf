package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** _struct: native alignment, the little-endian table's borrowed native packers, the cache, half floats. */
class StructModuleTest {
    @Test
    void nativeModeAligns() {
        assertEquals("16 12 9\n", NativeModuleRun.run("import _struct\nprint(_struct.calcsize('cd'), _struct.calcsize('cii'), _struct.calcsize('<cd'))\n"));
    }

    @Test
    void littleEndianShortsUseTheNativeMessage() {
        assertEquals("short format requires -32768 <= number <= 32767\n'h' format requires -32768 <= number <= 32767\n",
                NativeModuleRun.run("import _struct\nfor f in '<h', '>h':\n    try:\n        _struct.pack(f, 40000)\n"
                        + "    except _struct.error as e:\n        print(e)\n"));
    }

    @Test
    void moduleFunctionsCacheTheirStructs() {
        assertEquals("1 0\n", NativeModuleRun.run("import _struct, gc\n_struct._clearcache()\n_struct.pack('<q', 1)\n"
                + "a = len([o for o in gc.get_objects() if type(o) is _struct.Struct])\n_struct._clearcache()\n"
                + "print(a, len([o for o in gc.get_objects() if type(o) is _struct.Struct]))\n"));
    }

    @Test
    void halfFloatsRoundToEven() {
        // 1 + 0.5/1024 and 1 + 1.5/1024 are ties: both go to the even mantissa (0 and 2)
        assertEquals("(1.0, 1.001953125, 65504.0)\n", NativeModuleRun.run("import _struct\n"
                + "print(_struct.unpack('<3e', _struct.pack('<3e', 1.00048828125, 1.00146484375, 65504.0)))\n"));
    }
}
