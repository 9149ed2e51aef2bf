package dev.refheap.lang.modules;

import dev.refheap.lang.vm.PyException;
import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;

/**
 * {@code binascii}: hex and base64 conversions and the CRCs, as CPython 3.11's C module does
 * them: hexlify/b2a_hex (with sep and bytes_per_sep), unhexlify/a2b_hex, b2a_base64 (newline),
 * a2b_base64 (lenient by default: characters outside the alphabet skipped, input ends at a
 * complete pad; strict_mode's four errors), crc32 and crc_hqx from any starting value, and the
 * {@code Error} (a ValueError) and {@code Incomplete} classes. The a2b functions take bytes-like
 * objects or ASCII strs; the b2a functions only bytes-like ones. The uuencode and
 * quoted-printable functions (b2a_uu, a2b_uu, b2a_qp, a2b_qp) are not provided yet and say so.
 */
public final class BinasciiModule {
    private BinasciiModule() {}

    record State(long error, long incomplete) {}

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final int[] CRC32 = new int[256];
    private static final int[] CRC_HQX = new int[256];

    static {
        for (int n = 0; n < 256; n++) {
            int c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
            CRC32[n] = c;
            int h = n << 8;
            for (int k = 0; k < 8; k++) h = (h & 0x8000) != 0 ? (h << 1) ^ 0x1021 : h << 1;
            CRC_HQX[n] = h & 0xffff;
        }
    }

    private static PyException error(VmApi vm, State st, String message) {
        long msg = vm.str(message);
        try {
            return new PyException(vm.call(st.error(), msg));
        } finally {
            vm.heap.decref(msg);
        }
    }

    /** ascii_buffer_converter: bytes-like, or a str of ASCII characters. */
    private static byte[] asciiData(VmApi vm, long o) {
        if (vm.isStr(o)) {
            String s = vm.strValue(o);
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) > 127) throw vm.error("ValueError", "string argument should contain only ASCII characters");
            }
            return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "argument should be bytes, buffer or ASCII string, not '" + vm.typeName(o) + "'");
        return b;
    }

    private static byte[] binaryData(VmApi vm, long o) {
        byte[] b = vm.bytesLike(o);
        if (b == null) throw vm.error("TypeError", "a bytes-like object is required, not '" + vm.typeName(o) + "'");
        return b;
    }

    public static long create(VmApi vm) {
        State st = vm.moduleState("binascii", () -> new State(vm.newExceptionClass("binascii", "Error", "ValueError"), vm.newExceptionClass("binascii", "Incomplete", "Exception")));
        Heap heap = vm.heap;
        long m = vm.newModule("binascii");
        long d = vm.moduleDict(m);
        heap.dicts.setItem(d, "Error", st.error());
        heap.dicts.setItem(d, "Incomplete", st.incomplete());
        for (String name : new String[] {"hexlify", "b2a_hex"}) {
            vm.def(m, name, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, name, new String[] {"data", "sep", "bytes_per_sep"}, 1, 3, 0, a, o, n, kw);
                return heap.bytes.of(hexlify(vm, binaryData(vm, p[0]), p[1], p[2] == 0 ? 1 : Params.ssize(vm, p[2])));
            });
        }
        for (String name : new String[] {"unhexlify", "a2b_hex"}) {
            vm.def(m, name, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, name, new String[] {"hexstr"}, 1, 1, 0, a, o, n, kw);
                byte[] in = asciiData(vm, p[0]);
                if (in.length % 2 != 0) throw error(vm, st, "Odd-length string");
                byte[] out = new byte[in.length / 2];
                for (int i = 0; i < out.length; i++) {
                    int hi = Character.digit(in[2 * i], 16), lo = Character.digit(in[2 * i + 1], 16);
                    if (hi < 0 || lo < 0) throw error(vm, st, "Non-hexadecimal digit found");
                    out[i] = (byte) (hi << 4 | lo);
                }
                return heap.bytes.of(out);
            });
        }
        vm.def(m, "b2a_base64", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "b2a_base64", new String[] {"data", "newline"}, 1, 1, 0, a, o, n, kw);
            byte[] in = binaryData(vm, p[0]);
            boolean newline = p[1] == 0 || vm.truthy(p[1]);
            StringBuilder sb = new StringBuilder(java.util.Base64.getEncoder().encodeToString(in));
            if (newline) sb.append('\n');
            return heap.bytes.of(sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        });
        vm.def(m, "a2b_base64", (s, a, o, n, kw) -> {
            long[] p = Params.parse(vm, "a2b_base64", new String[] {"data", "strict_mode"}, 1, 1, 0, a, o, n, kw);
            return heap.bytes.of(a2bBase64(vm, st, asciiData(vm, p[0]), p[1] != 0 && vm.truthy(p[1])));
        });
        vm.def(m, "crc32", (s, a, o, n, kw) -> {
            Params.unpack(vm, "crc32", n, kw, 1, 2);
            byte[] in = binaryData(vm, a[o]);
            int crc = n == 2 ? vm.asIndex(a[o + 1]).intValue() : 0;
            crc = ~crc;
            for (byte b : in) crc = CRC32[(crc ^ b) & 0xff] ^ (crc >>> 8);
            return heap.ints.of(~crc & 0xffffffffL);
        });
        vm.def(m, "crc_hqx", (s, a, o, n, kw) -> {
            Params.unpack(vm, "crc_hqx", n, kw, 2, 2);
            byte[] in = binaryData(vm, a[o]);
            int crc = vm.asIndex(a[o + 1]).intValue() & 0xffff;
            for (byte b : in) crc = ((crc << 8) & 0xff00) ^ CRC_HQX[((crc >> 8) & 0xff) ^ (b & 0xff)];
            return heap.ints.of(crc);
        });
        for (String name : new String[] {"b2a_uu", "a2b_uu", "b2a_qp", "a2b_qp"}) {
            vm.def(m, name, (s, a, o, n, kw) -> { throw vm.error("NotImplementedError", "refheap does not support binascii." + name + " yet"); });
        }
        return m;
    }

    private static byte[] hexlify(VmApi vm, byte[] in, long sepObj, long perSep) {
        String hex = java.util.HexFormat.of().formatHex(in);
        if (sepObj == 0 || sepObj == vm.heap.None || in.length == 0) return hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sep = vm.isStr(sepObj) ? vm.strValue(sepObj).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1) : vm.bytesLike(sepObj);
        if (sep == null) throw vm.error("TypeError", "sep must be str or bytes.");
        if (sep.length != 1) throw vm.error("ValueError", "sep must be length 1.");
        if (vm.isStr(sepObj) && vm.strValue(sepObj).charAt(0) > 127) throw vm.error("ValueError", "sep must be ASCII.");
        long group = Math.abs(perSep);
        if (group == 0 || group >= in.length) return hex.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        StringBuilder sb = new StringBuilder();
        int n = in.length;
        for (int i = 0; i < n; i++) {
            // a positive bytes_per_sep counts groups from the right, a negative one from the left
            boolean boundary = perSep > 0 ? i > 0 && (n - i) % group == 0 : i > 0 && i % group == 0;
            if (boundary) sb.append((char) (sep[0] & 0xff));
            sb.append(hex, 2 * i, 2 * i + 2);
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] a2bBase64(VmApi vm, State st, byte[] in, boolean strict) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (strict && in.length > 0 && in[0] == '=') throw error(vm, st, "Leading padding not allowed");
        int quad = 0, left = 0, pads = 0;
        boolean paddingStarted = false;
        for (int i = 0; i < in.length; i++) {
            int ch = in[i] & 0xff;
            if (ch == '=') {
                paddingStarted = true;
                if (quad >= 2 && quad + ++pads >= 4) {
                    if (strict && i + 1 < in.length) throw error(vm, st, "Excess data after padding");
                    return out.toByteArray();
                }
                continue;
            }
            int v = ch < 128 ? B64.indexOf(ch) : -1;
            if (v < 0) {
                if (strict) throw error(vm, st, "Only base64 data is allowed");
                continue;
            }
            if (strict && paddingStarted) throw error(vm, st, "Discontinuous padding not allowed");
            pads = 0;
            switch (quad) {
                case 0 -> { quad = 1; left = v; }
                case 1 -> { quad = 2; out.write((left << 2) | (v >> 4)); left = v & 0x0f; }
                case 2 -> { quad = 3; out.write((left << 4) | (v >> 2)); left = v & 0x03; }
                default -> { quad = 0; out.write((left << 6) | v); left = 0; }
            }
        }
        if (quad != 0) {
            if (quad == 1) {
                throw error(vm, st, "Invalid base64-encoded string: number of data characters (" + (out.size() / 3 * 4 + 1)
                        + ") cannot be 1 more than a multiple of 4");
            }
            throw error(vm, st, "Incorrect padding");
        }
        return out.toByteArray();
    }
}
