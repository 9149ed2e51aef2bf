package dev.refheap.lang.vm;

import dev.refheap.object.StrType;

/** {@code str.encode} and the builtin {@code slice} type's constructor, attributes and methods. */
final class StrCodecMethods {
    private StrCodecMethods() {}

    static void install(Runtime rt) {
        TypeMethodsAccess.def(rt, rt.heap.strs, "encode", (s, a, o, n, kw) -> {
            long[] v = ExecBuiltins.bind(rt, "encode", new String[] {"encoding", "errors"}, 0, 2, 0, a, o, n, kw);
            String enc = v[0] == 0 ? "utf-8" : Codecs.strArg(rt, v[0], "encode() argument 'encoding'");
            String err = v[1] == 0 ? "strict" : Codecs.strArg(rt, v[1], "encode() argument 'errors'");
            return Codecs.encode(rt, s, enc, err);
        });
    }
}
