package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** binascii: CRC reference values, base64's lenient padding, unsupported functions named. */
class BinasciiModuleTest {
    @Test
    void crcsMatchTheirReferenceValues() {
        // CRC-32 of "123456789" is 0xcbf43926; CRC-CCITT (XModem, start 0) 0x31c3
        assertEquals("3421780262 12739\n", NativeModuleRun.run("import binascii\nprint(binascii.crc32(b'123456789'), binascii.crc_hqx(b'123456789', 0))\n"));
    }

    @Test
    void lenientBase64StopsAtACompletePad() {
        assertEquals("b'ab'\n", NativeModuleRun.run("import binascii\nprint(binascii.a2b_base64(b'Y W\\nI=trailing'))\n"));
    }

    @Test
    void uuencodingIsRefusedByName() {
        assertEquals("refheap does not support binascii.b2a_uu yet\n", NativeModuleRun.run("import binascii\n"
                + "try:\n    binascii.b2a_uu(b'x')\nexcept NotImplementedError as e:\n    print(e)\n"));
    }
}
