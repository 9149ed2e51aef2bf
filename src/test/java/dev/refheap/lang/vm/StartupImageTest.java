package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import dev.refheap.memory.BlockAllocator;
import dev.refheap.object.Heap;
import dev.refheap.object.Layout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up image's first premise: the runtime's construction is deterministic. Two fresh JVMs
 * (owned large blocks, so every address comes from refheap's fixed range) build the runtime and
 * write the allocator's image; the two files are equal byte for byte. The same for the runtime
 * after CPython's start-up ({@code --startup=cpython}). When they differ, each process's listing
 * of its objects (address, type, size, a checksum of the bytes) names the first object allocated
 * or written differently.
 */
public class StartupImageTest {
    static final byte[] KEY = "startup-image-test".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void theRuntimesConstructionGivesTheSameImageInTwoProcesses() throws Exception {
        assertSameImages("constructor");
    }

    @Test
    void cpythonsStartUpGivesTheSameImageInTwoProcesses() throws Exception {
        assertSameImages("cpython");
    }

    /**
     * The interned table rebuilt from the heap (the start-up image's hooks for it) equals the one
     * CPython's start-up built live: about 2,600 strings (482 of them the constructor's), its modules'
     * names and code's.
     */
    @Test
    void theInternedTableRebuiltFromTheHeapAfterCpythonsStartUpIsTheLiveOne() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.runCpythonStartup();
            var live = rt.heap().strs.internedTable();
            assertTrue(live.size() > 1000, "start-up interned " + live.size() + " strings");
            rt.heap().strs.rebuildInterned();
            assertEquals(live, rt.heap().strs.internedTable());
            // and from the addresses an image carries, as an adopter makes it
            rt.heap().strs.rebuildInterned(rt.heap().strs.internedAddresses());
            assertEquals(live, rt.heap().strs.internedTable());
            // and from the addresses and values an image carries, as an adopter makes it now
            long[] addresses = rt.heap().strs.internedAddresses();
            rt.heap().strs.rebuildInterned(addresses, rt.heap().strs.internedValues(addresses));
            assertEquals(live, rt.heap().strs.internedTable());
            // a name start-up interned is found again: the same object
            rt.exec("import sys\nk = next(iter(sys.__dict__))\nprint(k, sys.intern(''.join(['__na', 'me__'])) is k)\n", "<check>");
            rt.flushStdio();  // sys.stdout is an io object after CPython's start-up
            assertEquals("__name__ True\n", sink.toString(StandardCharsets.UTF_8));
        }
    }

    /**
     * A builtin function's hash stood for its implementation with the Java identity hash, which
     * differs between processes: os's supports_fd set (start-up makes it) was laid out differently.
     */
    @Test
    void bug_aBuiltinFunctionsHashIsTheSameInEveryProcess() throws Exception {
        String first = child("hash", dir.resolve("h1")), second = child("hash", dir.resolve("h2"));
        assertTrue(first.startsWith("hashes "), first);
        assertEquals(first, second);
    }

    /**
     * The hash's stand-in for ml_meth was first a number per implementation object, kept in a map:
     * builtins made per call (a capturing lambda each) were all kept once hashed. Now a number per
     * implementation class: equal functions still hash alike, and the map stays as small as the
     * call sites.
     */
    @Test
    void bug_hashingBuiltinsMadePerCallKeepsNoImplementation() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            BuiltinFunctionType t = rt.builtinFunctionType;
            int before = t.implNumberCount();
            for (int i = 0; i < 1000; i++) {
                int captured = i;
                Builtin impl = (s, a, o, n, kw) -> rt.heap().ints.of(captured);
                long f = t.create("f" + i, impl, 0, null), g = t.create("g", impl, 0, null);
                assertEquals(t.hash(f), t.hash(g), "the same implementation, the same hash");
                rt.heap().decref(f);
                rt.heap().decref(g);
            }
            assertEquals(before + 1, t.implNumberCount(), "one call site, one number");
        }
    }

    private void assertSameImages(String mode) throws Exception {
        Path a = dir.resolve("a.img"), b = dir.resolve("b.img");
        child(mode, a);
        child(mode, b);
        byte[] ia = Files.readAllBytes(a), ib = Files.readAllBytes(b);
        if (java.util.Arrays.equals(ia, ib)) return;
        List<String> la = Files.readAllLines(Path.of(a + ".objects")), lb = Files.readAllLines(Path.of(b + ".objects"));
        StringBuilder why = new StringBuilder("the images differ (" + ia.length + " and " + ib.length + " bytes; first at offset "
                + java.util.Arrays.mismatch(ia, ib) + ")");
        int shown = 0;
        for (int i = 0; i < Math.max(la.size(), lb.size()) && shown < 12; i++) {
            String x = i < la.size() ? la.get(i) : "(none)", y = i < lb.size() ? lb.get(i) : "(none)";
            if (!x.equals(y)) {
                why.append("\n  first: ").append(x).append("\n  second: ").append(y);
                shown++;
            }
        }
        fail(why.toString());
    }

    private static String child(String mode, Path img) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xss512m",
                "-Drefheap.ownedLargeBlocks=true", "-cp", System.getProperty("java.class.path"),
                StartupImageTest.class.getName(), mode, img.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** The child: {@code constructor IMAGE} or {@code cpython IMAGE}: writes IMAGE and IMAGE.objects; {@code hash X}: prints builtins' hashes. */
    public static void main(String[] args) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps));
        if (args[0].equals("hash")) {
            rt.exec("l = []\nprint('hashes', hash(len), hash(print), hash(l.append) ^ (id(l) >> 4), hash(str.join))\n", "<hash>");
            System.out.print(sink.toString(StandardCharsets.UTF_8));
            System.exit(0);
        }
        if (args[0].equals("cpython")) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.runCpythonStartup();
        }
        Path img = Path.of(args[1]);
        rt.heap().allocator().writeImage(img, KEY);
        Files.write(Path.of(args[1] + ".objects"), listing(rt.heap()));
        System.exit(0);
    }

    /** Every object: address, type, block size and a checksum of its bytes; static objects up to the next one. */
    public static List<String> listing(Heap heap) {
        BlockAllocator al = heap.allocator();
        List<String> out = new ArrayList<>();
        al.forEachTagged((block, tag) -> {
            long o = block + Layout.preHeaderOfTag(tag);
            long size = al.blockSize(block);
            out.add("0x" + Long.toHexString(o) + " " + typeName(heap, o) + " " + size + " " + crc(block, size));
        });
        TreeMap<Long, Boolean> statics = new TreeMap<>();
        heap.forEachStaticObject(o -> statics.put(o, true));
        for (long o : statics.keySet()) {
            Long next = statics.higherKey(o);
            long len = Math.min(next == null ? 64 : next - o, 1024);
            while (len > 8 && !al.isReadable(o, len)) len /= 2;
            out.add("static 0x" + Long.toHexString(o) + " " + typeName(heap, o) + " " + len + " " + crc(o, len));
        }
        return out;
    }

    private static String typeName(Heap heap, long o) {
        try {
            return heap.typeOf(o).name();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String crc(long p, long n) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(java.lang.foreign.MemorySegment.ofAddress(p).reinterpret(n).asByteBuffer());
        return Long.toHexString(c.getValue());
    }
}
