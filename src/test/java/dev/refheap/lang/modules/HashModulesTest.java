package dev.refheap.lang.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * HashModules: the JDK-backed md5/sha1/sha2/sha3 objects (known digests, copy independent of the
 * original, digest() not ending the object, the side table emptied as objects die) and the types
 * refused by name (blake2, shake), each under --gc-stress too.
 */
class HashModulesTest {
    private static String both(String program) {
        String plain = NativeModuleRun.run(program);
        assertEquals(plain, NativeModuleRun.run(program, true), "--gc-stress changes the output");
        return plain;
    }

    @Test
    void knownDigests() {
        assertEquals("900150983cd24fb0d6963f7d28e17f72 a9993e36 ba7816bf cb00753f ddaf35a1 3a985da7\n", both(
                "import _md5, _sha1, _sha256, _sha512, _sha3\n"
                + "print(_md5.md5(b'abc').hexdigest(), _sha1.sha1(b'abc').hexdigest()[:8], _sha256.sha256(b'abc').hexdigest()[:8],\n"
                + "      _sha512.sha384(b'abc').hexdigest()[:8], _sha512.sha512(b'abc').hexdigest()[:8], _sha3.sha3_256(b'abc').hexdigest()[:8])\n"));
    }

    @Test
    void copyAndDigestLeaveTheObjectGoingOn() {
        assertEquals("True True False\n", both("import _sha256\nh = _sha256.sha224(b'a')\nd = h.digest()\nc = h.copy()\n"
                + "h.update(b'b')\nprint(h.digest() == _sha256.sha224(b'ab').digest(), c.digest() == d, c.digest() == h.digest())\n"));
    }

    @Test
    void manyObjectsDieAndTheirStatesGo() {
        assertEquals("500\n", both("import _md5\nn = 0\nfor i in range(500):\n    h = _md5.md5(bytes([i % 256]))\n"
                + "    n += len(h.copy().digest()) // 16\nprint(n)\n"));
    }

    @Test
    void blake2AndShakeAreRefusedByName() {
        assertEquals("refheap does not support hashlib.blake2b yet\nrefheap does not support hashlib.shake_128 (SHAKE's variable-length output) yet\n",
                both("import _blake2, _sha3\nfor t in (_blake2.blake2b, _sha3.shake_128):\n    try:\n        t(b'x')\n"
                        + "    except NotImplementedError as e:\n        print(e)\n"));
    }
}
