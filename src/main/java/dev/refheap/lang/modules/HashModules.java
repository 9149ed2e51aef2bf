package dev.refheap.lang.modules;

import dev.refheap.lang.vm.VmApi;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash modules hashlib falls back on when there is no OpenSSL {@code _hashlib} (refheap has
 * none): {@code _md5}, {@code _sha1}, {@code _sha256} (sha224, sha256), {@code _sha512} (sha384,
 * sha512), {@code _sha3} (sha3_224/256/384/512; shake_128/256 refused by name) and {@code _blake2}
 * (blake2b/blake2s refused by name), with CPython 3.11's type names, sizes, GC-ness, constructors
 * and errors.
 *
 * <p>The digests are the JDK's {@link MessageDigest} (SUN provider: MD5, SHA-1, SHA-2, SHA3-*), a
 * well-kept implementation, rather than hand-written ones. An instance is a block of 3.11's basic
 * size (md5/sha1 112, sha224/256 128, sha384/512 224, sha3 240: the C struct the hash state lives
 * in there), so sys.getsizeof is 3.11's; the state itself is the MessageDigest held in the type's
 * side table under the object's address, from creation to dealloc (invariant: every live instance
 * has exactly one entry; copy() clones it). Instances of md5/sha1/sha2 are GC objects that visit
 * their type (3.11's heap types with HAVE_GC), sha3's are not tracked; all hold their type.
 * md5/sha1/sha2 are made by module functions ({@code _md5.md5}, with {@code string=} and
 * {@code usedforsecurity=}); the sha3 types are called themselves ({@code data} positional only).
 * The JDK has no BLAKE2 and exposes SHAKE only at fixed lengths, and Bouncy Castle's BLAKE2 lacks
 * 3.11's tree-hashing parameters: those stay refused until refheap has its own.
 */
public final class HashModules {
    private HashModules() {}

    /** One hash type: {@code module.name}, a JDK algorithm, 3.11's digest/block/basic sizes. */
    static final class DigestType extends FieldsType {
        final String module, hashName, algorithm;
        final int digestSize, blockSize;
        final boolean constructible;
        private final Map<Long, MessageDigest> states = new HashMap<>();

        DigestType(VmApi vm, String module, String hashName, String algorithm, int digestSize, int blockSize, int basicSize, boolean gc,
                   boolean constructible) {
            super(vm, module + "." + hashName, gc ? PyType.HAVE_GC : 0, basicSize, 0);
            cpythonFlags((gc ? PyType.HAVE_GC : 0) | 0x1300 | (constructible ? 0 : 0x80));  // READY | HEAPTYPE | IMMUTABLETYPE, DISALLOW_INSTANTIATION where a function makes them
            this.module = module;
            this.hashName = hashName;
            this.algorithm = algorithm;
            this.digestSize = digestSize;
            this.blockSize = blockSize;
            this.constructible = constructible;
        }

        @Override
        protected boolean heapTypeInstances() { return true; }

        @Override
        protected void freeArrays(long o) { states.remove(o); }

        DigestType installed() {
            defMethod("update", (s, a, o, n, kw) -> {
                Params.noKeywords(vm, hashName + ".update", kw);
                if (n != 1) throw vm.error("TypeError", hashName + ".update() takes exactly one argument (" + n + " given)");
                states.get(s).update(data(vm, a[o]));
                return vm.incref(vm.heap.None);
            });
            defMethod("digest", (s, a, o, n, kw) -> {
                Params.noArgs(vm, hashName + ".digest", n, kw);
                return vm.heap.bytes.of(digest(s));
            });
            defMethod("hexdigest", (s, a, o, n, kw) -> {
                Params.noArgs(vm, hashName + ".hexdigest", n, kw);
                return vm.str(HexFormat.of().formatHex(digest(s)));
            });
            defMethod("copy", (s, a, o, n, kw) -> {
                // 3.11's copy(self, cls) of md5/sha1/sha2 ignores keywords (defining_class)
                if (constructible) Params.noArgs(vm, hashName + ".copy", n, kw);
                else if (n - Params.nkw(kw) != 0) throw vm.error("TypeError", "copy() takes no arguments");
                try {
                    return instance((MessageDigest) states.get(s).clone());
                } catch (CloneNotSupportedException e) {
                    throw new IllegalStateException(algorithm + " cannot be cloned", e);
                }
            });
            return this;
        }

        private byte[] digest(long o) {
            try {
                return ((MessageDigest) states.get(o).clone()).digest();  // the object goes on hashing
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(algorithm + " cannot be cloned", e);
            }
        }

        private long instance(MessageDigest md) {
            long o = alloc();
            states.put(o, md);
            if (isGc()) vm.heap.track(o);
            return o;
        }

        /** A new instance hashing {@code data} (0: nothing yet). */
        long create(long data) {
            byte[] b = data == 0 ? null : data(vm, data);
            MessageDigest md;
            try {
                md = MessageDigest.getInstance(algorithm);
            } catch (NoSuchAlgorithmException e) {
                throw vm.error("NotImplementedError", "refheap does not support " + hashName + " yet (this JDK has no " + algorithm + ")");
            }
            if (b != null) md.update(b);
            return instance(md);
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            if (!constructible) return super.newInstance(a, off, n, kwnames);
            // 3.11's sha3 types share one clinic signature, named for the first
            long[] p = Params.parse(vm, "sha3_224", new String[] {"data", "usedforsecurity"}, 0, 1, 1, a, off, n, kwnames);
            return create(p[0]);
        }

        @Override
        public long attrOf(long o, String attr) {
            return switch (attr) {
                case "name" -> vm.str(hashName);
                case "digest_size" -> vm.newInt(digestSize);
                case "block_size" -> vm.newInt(blockSize);
                case "_capacity_bits" -> constructible ? vm.newInt(1600 - 8L * blockSize) : 0;
                case "_rate_bits" -> constructible ? vm.newInt(8L * blockSize) : 0;
                case "_suffix" -> constructible ? vm.heap.bytes.of(new byte[] {6}) : 0;
                default -> 0;
            };
        }
    }

    /** A type 3.11 has whose instances refheap cannot make yet: calling it raises NotImplementedError. */
    static final class RefusedType extends FieldsType {
        private final String what;

        RefusedType(VmApi vm, String name, int basicSize, String what) {
            super(vm, name, 0, basicSize, 0);
            this.what = what;
            cpythonFlags(0x1300);  // READY | HEAPTYPE | IMMUTABLETYPE
        }

        @Override
        public long newInstance(long[] a, int off, int n, long kwnames) {
            throw vm.error("NotImplementedError", "refheap does not support " + what + " yet");
        }
    }

    /** The bytes of a buffer argument, with 3.11's errors for str and non-buffers (None included). */
    static byte[] data(VmApi vm, long v) {
        if (vm.isStr(v)) throw vm.error("TypeError", "Strings must be encoded before hashing");
        byte[] b = vm.bytesLike(v);
        if (b == null) throw vm.error("TypeError", "object supporting the buffer API required");
        return b;
    }

    /** Module {@code module} with one constructor function per type (md5, sha1, sha2), 3.11's signature. */
    private static long functionsModule(VmApi vm, String module, DigestType... types) {
        Heap heap = vm.heap;
        long m = vm.newModule(module);
        for (DigestType type : types) {
            String fname = type.hashName;
            vm.def(m, fname, (s, a, o, n, kw) -> {
                long[] p = Params.parse(vm, fname, new String[] {"string", "usedforsecurity"}, 0, 1, 0, a, o, n, kw);
                return type.create(p[0]);
            });
        }
        return m;
    }

    private static DigestType type(VmApi vm, String module, String name, String algorithm, int digest, int block, int basic, boolean gc,
                                   boolean constructible) {
        return vm.registerType(new DigestType(vm, module, name, algorithm, digest, block, basic, gc, constructible)).installed();
    }

    private static void put(VmApi vm, long m, String name, long value) {
        vm.heap.dicts.setItem(vm.moduleDict(m), name, value);
    }

    public static long md5(VmApi vm) {
        DigestType t = vm.moduleState("_md5", () -> type(vm, "_md5", "md5", "MD5", 16, 64, 112, true, false));
        long m = functionsModule(vm, "_md5", t);
        put(vm, m, "MD5Type", t.typeObject());
        return m;
    }

    public static long sha1(VmApi vm) {
        DigestType t = vm.moduleState("_sha1", () -> type(vm, "_sha1", "sha1", "SHA-1", 20, 64, 112, true, false));
        long m = functionsModule(vm, "_sha1", t);
        put(vm, m, "SHA1Type", t.typeObject());
        return m;
    }

    record Pair(DigestType small, DigestType big) {}

    public static long sha256(VmApi vm) {
        Pair t = vm.moduleState("_sha256", () -> new Pair(type(vm, "_sha256", "sha224", "SHA-224", 28, 64, 128, true, false),
                type(vm, "_sha256", "sha256", "SHA-256", 32, 64, 128, true, false)));
        long m = functionsModule(vm, "_sha256", t.big(), t.small());
        put(vm, m, "SHA224Type", t.small().typeObject());
        put(vm, m, "SHA256Type", t.big().typeObject());
        return m;
    }

    public static long sha512(VmApi vm) {
        Pair t = vm.moduleState("_sha512", () -> new Pair(type(vm, "_sha512", "sha384", "SHA-384", 48, 128, 224, true, false),
                type(vm, "_sha512", "sha512", "SHA-512", 64, 128, 224, true, false)));
        long m = functionsModule(vm, "_sha512", t.big(), t.small());
        // as in 3.11 (sha512module.c adds the sha512 type under both names)
        put(vm, m, "SHA384Type", t.big().typeObject());
        put(vm, m, "SHA512Type", t.big().typeObject());
        return m;
    }

    record Sha3(DigestType[] sha3, RefusedType[] shake) {}

    public static long sha3(VmApi vm) {
        Sha3 t = vm.moduleState("_sha3", () -> new Sha3(new DigestType[] {
            type(vm, "_sha3", "sha3_224", "SHA3-224", 28, 144, 240, false, true),
            type(vm, "_sha3", "sha3_256", "SHA3-256", 32, 136, 240, false, true),
            type(vm, "_sha3", "sha3_384", "SHA3-384", 48, 104, 240, false, true),
            type(vm, "_sha3", "sha3_512", "SHA3-512", 64, 72, 240, false, true)}, new RefusedType[] {
            vm.registerType(new RefusedType(vm, "_sha3.shake_128", 240, "hashlib.shake_128 (SHAKE's variable-length output)")),
            vm.registerType(new RefusedType(vm, "_sha3.shake_256", 240, "hashlib.shake_256 (SHAKE's variable-length output)"))}));
        long m = vm.newModule("_sha3");
        for (DigestType d : t.sha3()) put(vm, m, d.hashName, d.typeObject());
        put(vm, m, "shake_128", t.shake()[0].typeObject());
        put(vm, m, "shake_256", t.shake()[1].typeObject());
        long impl = vm.str("tiny_sha3");
        put(vm, m, "implementation", impl);
        vm.heap.decref(impl);
        long opt = vm.newInt(0);
        put(vm, m, "keccakopt", opt);
        vm.heap.decref(opt);
        return m;
    }

    public static long blake2(VmApi vm) {
        RefusedType[] t = vm.moduleState("_blake2", () -> new RefusedType[] {
            vm.registerType(new RefusedType(vm, "_blake2.blake2b", 448, "hashlib.blake2b")),
            vm.registerType(new RefusedType(vm, "_blake2.blake2s", 240, "hashlib.blake2s"))});
        long m = vm.newModule("_blake2");
        put(vm, m, "blake2b", t[0].typeObject());
        put(vm, m, "blake2s", t[1].typeObject());
        // the module constants hashlib and users read (3.11's values)
        String[] names = {"BLAKE2B_MAX_DIGEST_SIZE", "BLAKE2B_MAX_KEY_SIZE", "BLAKE2B_PERSON_SIZE", "BLAKE2B_SALT_SIZE",
            "BLAKE2S_MAX_DIGEST_SIZE", "BLAKE2S_MAX_KEY_SIZE", "BLAKE2S_PERSON_SIZE", "BLAKE2S_SALT_SIZE"};
        int[] values = {64, 64, 16, 16, 32, 32, 8, 8};
        for (int i = 0; i < names.length; i++) {
            long v = vm.newInt(values[i]);
            put(vm, m, names[i], v);
            vm.heap.decref(v);
        }
        return m;
    }
}
