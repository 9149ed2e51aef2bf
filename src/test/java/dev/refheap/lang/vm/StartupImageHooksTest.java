package dev.refheap.lang.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up image's Java-side hooks ({@link ImageHooks}): an image taken after Python code ran.
 * One process builds a runtime, runs {@code startup-image/prelude.py} (classes with and without
 * {@code __slots__}, a property, class attributes, a list subclass, an exception subclass, a class
 * that was freed, functions and a closure, a name interned at run time, quickened code), writes
 * its image and then runs {@code startup-image/program.py}; a fresh process builds a runtime,
 * adopts the image (the memory, and the classes, code objects, builtins' and descriptors'
 * handles, the runtime's maps and the line cache made again by the hooks), checks the heap and
 * runs the same program: the outputs are the same, and the adopted heap holds the image-maker's
 * objects, object for object.
 */
class StartupImageHooksTest {
    static final byte[] KEY = "image hooks test".getBytes(StandardCharsets.UTF_8);
    static final Path PRELUDE = Path.of("src/test/resources/startup-image/prelude.py");
    static final Path PROGRAM = Path.of("src/test/resources/startup-image/program.py");
    static final Path SYS_PRELUDE = Path.of("src/test/resources/startup-image/sys-prelude.py");
    static final Path SYS_PROGRAM = Path.of("src/test/resources/startup-image/sys-program.py");

    @TempDir
    Path dir;

    /** What the Java-state comparison leaves out ("Class.field"): caches, the memory layer's own objects. */
    static final java.util.Set<String> AUDIT_SKIP = java.util.Set.of("Heap.allocator",
            // a code object's caches (global and attribute lookups), compiled form, the counts that decide when it is compiled
            // (calls and loops' backward jumps: compiled code runs exactly as interpreted), the loops compiled on their own and
            // spare frames: made again on use
            "Code.globalCache", "Code.attrClass", "Code.attrVersion", "Code.attrFound", "Code.attrKeys", "Code.compiled", "Code.runs",
            "Code.loops", "Code.parts", "Code.spareFrames", "Code.spareCount",
            // a CALL site's remembered callee and LOAD_GLOBAL's remembered value address: caches checked on use
            "Code.calleeCodes", "Code.globalValueAt",
            // 3.11's offsets for a code (f_lasti, co_code, co_positions): a function of its unit alone, made on first use
            "Code.layout",
            // the exception that last left a frame unhandled: read only right after it is set (a caller's handler then takes it)
            "Interpreter.unhandledExc",
            // the count of codes compiled so far (a statistic)
            "Interpreter.compiledCount",
            // the count of additions to the held list: compared only with itself within one exit (which modules are held)
            "Runtime.heldAdds",
            // a class's lookup caches, valid at a version
            "ClassType.lookupCache", "ClassType.lookupCacheVersion", "ClassType.cachedInit", "ClassType.cachedNew", "ClassType.cachedDel",
            "ClassType.specialsVersion", "ClassType.specialsSettled", "ClassType.objectInit", "ClassType.hooks", "ClassType.hooksVersion",
            // the importer's code cache (the compiled units' files), opened on first use
            "Importer.cache",
            // time's calendar: the JVM's default zone, read on first use (an adopter makes the calendar's functions without calling them)
            "TimeCalendar.zone",
            // PRECALL's table lookups by implementation, by type and method name, by type: made again on use
            "Specializer.moduleFunctions", "Specializer.methods", "Specializer.types",
            // stale slots past the count in use (free lists past numFree, the dealloc stack past its depth, a call's scratch)
            "DictType.freeList", "DictType.keysFreeList", "ListType.freeList", "Heap.deallocating", "Interpreter.methodOut",
            // where the adopted image's types begin (0 in a runtime that adopted none)
            "Heap.firstLaterType",
            // the deep-frozen objects pending a commit (none between two modules' code: stale slots past the count), those
            // holding references (found again from the static objects after an adoption), and the importer's deep-frozen
            // module codes (found in the heap on first use)
            "Heap.frozenPending", "Heap.frozenHolders", "Heap.frozenHolderCount", "Importer.deepFrozenCodes",
            // the adopted image's interned strings and their keys, for a dying one's leaving the table (null in a runtime
            // that adopted none; the table itself is compared)
            "StrType.imageInterned", "StrType.imageInternedValues",
            // a collection's scratch, set afresh at its start (the constructor's and the prelude's collections leave their own)
            "CycleCollector.survivorCount", "CycleCollector.unreachableNeedsWork", "CycleCollector.movedToUnreachable",
            "CycleCollector.unreachableCount",
            // the lists the last collection walked, set at a collection's start (a runtime made for an image ran none before it)
            "CycleCollector.reachableList", "CycleCollector.collectingYoung", "CycleCollector.unreachableView");

    @Test
    void aProgramRunsTheSameOnARuntimeThatAdoptedTheImageOfOneThatRanPythonCode() throws Exception {
        Path img = dir.resolve("prelude.img");
        String made = child("write", img);
        String adopted = child("adopt", img);
        assertTrue(made.contains("Point(3, 4) 25 p point"), made);
        assertTrue(made.contains("    return self.x * self.x + self.y * self.y\n"), "the prelude's lines are shown in a traceback: " + made);
        assertEquals(made, adopted);
    }

    /**
     * sys is carried: its functions are made again from its table by key ({@link NativeFunction}),
     * its struct sequence types and the standard streams' type from their descriptions, the
     * runtime's hooks from the image; the program calls them on the adopted heap.
     */
    @Test
    void sysWorksOnARuntimeThatAdoptedTheImageOfOneThatImportedIt() throws Exception {
        Path img = dir.resolve("sys.img");
        String made = child("write", img, SYS_PRELUDE, SYS_PROGRAM);
        String adopted = child("adopt", img, SYS_PRELUDE, SYS_PROGRAM);
        assertTrue(made.contains("hook UnraisableHookArgs ValueError None 5"), made);
        assertTrue(made.contains("exit 3"), made);
        assertEquals(made, "(3, 11) 0 1000\nprelude written\n" + adopted, "the same but for the prelude's own output");
    }

    /** _stat's, marshal's, _weakref's and _warnings' functions (and _warnings' state) are made again from their modules' tables by key on the adopting runtime. */
    @Test
    void nativeModulesWithFunctionTablesWorkOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("modules.img");
        Path prelude = PRELUDE.resolveSibling("modules-prelude.py"), program = PRELUDE.resolveSibling("modules-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("True False 493 16384 drwxr-xr-x\n"), made);
        assertEquals(made, adopted);
    }

    /** _signal's state (its handler table and default_int_handler) is made again by its restore, its functions and _imp's from their tables. */
    @Test
    void signalAndImpWorkOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("signal.img");
        Path prelude = PRELUDE.resolveSibling("signal-prelude.py"), program = PRELUDE.resolveSibling("signal-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("True True 1 None\n") && made.contains("\nTrue True False "), made);
        assertEquals(made, adopted);
    }

    /**
     * time is carried: its clock functions from a table, its calendar functions from a table made
     * for the struct_time type each import made (the image records which), that type from its
     * description; a second import's functions make the second import's struct_time.
     */
    @Test
    void timeWorksOnARuntimeThatAdoptedTheImageOfOneThatImportedItTwice() throws Exception {
        Path img = dir.resolve("time.img");
        Path prelude = PRELUDE.resolveSibling("time-prelude.py"), program = PRELUDE.resolveSibling("time-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("True False True True\n") && made.contains("\nTrue True True\n"), made);
        assertEquals(made, adopted);
    }

    /**
     * posix is carried: its state (its struct sequence types, DirEntry and ScandirIterator with
     * their methods, the fork hooks' list), its functions from its table; a set of its functions
     * made before the image (as os's supports_fd) is found by hash in the adopter.
     */
    @Test
    void posixAndOsWorkOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("posix.img");
        Path prelude = PRELUDE.resolveSibling("posix-prelude.py"), program = PRELUDE.resolveSibling("posix-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("stat_result True True True 10\nTrue True\nDirEntry True True True True\n") && made.contains("\nTrue False True True 6\n"), made);
        assertEquals(made, adopted);
    }

    /** An image taken while a ScandirIterator holds a directory stream (the C library's, gone in the adopter) is refused. */
    @Test
    void bug_anImageWithAnOpenScandirIteratorIsRefused() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import posix\nit = posix.scandir('.')\n", "<prelude>");
            Path img = dir.resolve("scandir.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertEquals("no start-up image: the state of native module posix: 1 open ScandirIterator (a directory stream of the C library's)", e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
            rt.exec("it.close()\n", "<after>");
        }
    }

    /** An image taken after signal.signal() set a signal's disposition (the process's, which the adopter's process has not) is refused. */
    @Test
    void anImageAfterSettingASignalsDispositionIsRefused() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import _signal\n_signal.signal(_signal.SIGUSR1, _signal.SIG_IGN)\n", "<prelude>");
            Path img = dir.resolve("signal-set.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertEquals("no start-up image: the state of native module _signal: signal.signal() set the process's disposition of a signal", e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
        }
    }

    /** An image taken while the global import lock is held is refused (the adopter's lock would be free). */
    @Test
    void bug_anImageWithTheImportLockHeldIsRefused() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import _imp\n_imp.acquire_lock()\n", "<prelude>");
            Path img = dir.resolve("locked.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertEquals("no start-up image: the import system: the global import lock is held (_imp.acquire_lock)", e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
            rt.exec("_imp.release_lock()\n", "<after>");
        }
    }

    /** _abc is carried: its state (the _abc_data type, the invalidation counter) made again by its module, its functions and _destroy callbacks from its table. */
    @Test
    void abcWorksOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("abc.img");
        Path prelude = PRELUDE.resolveSibling("abc-prelude.py"), program = PRELUDE.resolveSibling("abc-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("True False True\n0 ['f'] _abc_data\n"), made);
        assertEquals(made, "True False True\n" + adopted, "the same but for the prelude's own output");
    }

    /** _thread is carried: its state (lock, RLock, _local and _ExceptHookArgs types, the stack size), functions and the main thread's sentinel. */
    @Test
    void threadWorksOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("thread.img");
        Path prelude = PRELUDE.resolveSibling("thread-prelude.py"), program = PRELUDE.resolveSibling("thread-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("True False True 0\nTrue False True True 2 True\n"), made);
        assertTrue(made.contains("Exception in thread worker:\nValueError: bad\n"), made);
        assertEquals(made, "True False True 0\n" + adopted, "the same but for the prelude's own output");
    }

    /** _codecs is carried (its state, its functions) and the codec registry with it: search functions, cache, error handlers (the standard ones by key). */
    @Test
    void codecsAndTheCodecRegistryWorkOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("codecs.img");
        Path prelude = PRELUDE.resolveSibling("codecs-prelude.py"), program = PRELUDE.resolveSibling("codecs-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("(b'bc', 2) b'bcd' 335\nTrue True True\n"), made);
        assertEquals(made, "(b'bc', 2) b'bcd' 335\n" + adopted, "the same but for the prelude's own output");
    }

    /**
     * _io is carried: its state (its types, UnsupportedOperation, the TextIOWrapper decoding
     * states), its functions and its types' methods; a FileIO on fd 1 writes on in the adopter.
     */
    @Test
    void ioWorksOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("io.img");
        Path prelude = PRELUDE.resolveSibling("io-prelude.py"), program = PRELUDE.resolveSibling("io-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.startsWith("pending and more\n'h\u00e9llo\\n' 6 2\n'line2\\n' "), made);
        assertEquals(made, adopted.replace("pending and more\n", "pending and more\n'h\u00e9llo\\n' 6 2\n"), "the same but for the prelude's own output");
    }

    /** The standard streams as CPython's start-up makes them (io objects over fds 0-2) are carried: they write to the adopter's own out and err. */
    @Test
    void theStandardStreamsAsIoObjectsWorkOnARuntimeThatAdoptedTheImage() throws Exception {
        Path img = dir.resolve("stdio.img");
        Path prelude = PRELUDE.resolveSibling("stdio-prelude.py"), program = PRELUDE.resolveSibling("stdio-program.py");
        String made = child("write-stdio", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertTrue(made.contains("stdout TextIOWrapper utf-8 ") && made.contains("stderr backslashreplace True <stderr>\n"), made);
        assertTrue(made.contains("pending, then flushed\n"), made);
        assertEquals(made, adopted);
    }

    /**
     * An image with more later types than the adopter's table of types had room for: adopting it
     * failed (the interned table, rebuilt before the later types are adopted, looked every
     * object's type up in the table: ArrayIndexOutOfBoundsException).
     */
    @Test
    void bug_anImageWithMoreTypesThanTheAdoptersTableHeldIsAdopted() throws Exception {
        Path img = dir.resolve("many.img");
        Path prelude = PRELUDE.resolveSibling("many-types-prelude.py"), program = PRELUDE.resolveSibling("many-types-program.py");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertEquals("300 44850 Kind299 Kind299\n", made);
        assertEquals(made, adopted);
    }

    /** A file open on a descriptor of the image-maker's process is refused by name. */
    @Test
    void anImageWithAnOpenFileIsRefused() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import _io\nf = _io.FileIO('/dev/null')\n", "<prelude>");
            Path img = dir.resolve("file.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertTrue(e.getMessage().startsWith("no start-up image: the state of native module _io: an open file (a FileIO on descriptor "), e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
            rt.exec("f.close()\n", "<after>");
        }
    }

    /** A native module with no hook for its functions is refused naming the function and its module. */
    @Test
    void anImageAfterImportingANativeModuleWithoutHooksIsRefusedNamingItsFunction() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import gc\n", "<prelude>");
            Path img = dir.resolve("refused.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertTrue(e.getMessage().contains("(gc.") && e.getMessage().contains("no hook for its module's functions yet"), e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
        }
    }

    /** A trace function set when the image is taken is refused (the adopter would run without it). */
    @Test
    void bug_anImageWithATraceFunctionSetIsRefused() throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        try (Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps))) {
            rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
            rt.exec("import sys\ndef t(*a): return None\nsys.settrace(t)\n", "<prelude>");
            Path img = dir.resolve("traced.img");
            var e = assertThrows(ImageHooks.Refused.class, () -> rt.writeImage(img, KEY));
            assertEquals("no start-up image: a trace or profile function (sys.settrace, sys.setprofile)", e.getMessage());
            assertFalse(Files.exists(img), "nothing was written");
            rt.exec("sys.settrace(None)\n", "<after>");
        }
    }

    /**
     * An image taken after an import from a directory (the import system's bootstrap modules,
     * posix and _io carried; it was refused naming their state): the module works on the adopted
     * heap, and the adopter imports more from the standard library.
     */
    @Test
    void aModuleImportedFromADirectoryWorksOnARuntimeThatAdoptedTheImage() throws Exception {
        Files.writeString(dir.resolve("helper_mod.py"), "def twice(x):\n    return 2 * x\n");
        Path prelude = dir.resolve("import-prelude.py"), program = dir.resolve("import-program.py");
        Files.writeString(prelude, "import sys\nsys.path.insert(0, " + pyStr(dir.toString()) + ")\nimport helper_mod\n");
        Files.writeString(program, "import helper_mod, sys\nprint(helper_mod.twice(21), helper_mod.__file__.endswith('helper_mod.py'), sys.path[0] == "
                + pyStr(dir.toString()) + ")\nimport json\nprint(json.dumps({'k': [1, 2]}), 'json' in sys.modules)\n");
        Path img = dir.resolve("import.img");
        String made = child("write", img, prelude, program);
        String adopted = child("adopt", img, prelude, program);
        assertEquals("42 True True\n{\"k\": [1, 2]} True\n", made);
        assertEquals(made, adopted);
    }

    /** A freed class keeps its index in the heap's types: its descriptor is made again though its object is gone. */
    @Test
    void theImageCarriesAFreedClassesDescriptorAtItsIndex() throws Exception {
        Path img = dir.resolve("freed.img");
        String out = child("freed", img);
        assertEquals("adopted: 1 freed class of 3 later types\nok 1\n", out);
    }

    private static String pyStr(String s) { return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'"; }

    private static String child(String mode, Path img) throws Exception { return child(mode, img, PRELUDE, PROGRAM); }

    private static String child(String mode, Path img, Path prelude, Path program) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-Xss512m",
                "-Drefheap.ownedLargeBlocks=true", "-cp", System.getProperty("java.class.path"),
                StartupImageHooksTest.class.getName(), mode, img.toString(), prelude.toString(), program.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /**
     * The child: {@code write IMAGE} runs the prelude, writes IMAGE (and IMAGE.objects) and runs
     * the program ({@code write-stdio}: with the standard streams made as io objects after the prelude); {@code adopt IMAGE} adopts IMAGE, compares the heap with IMAGE.objects, verifies
     * it and runs the program; {@code freed IMAGE} does both with a class freed before the image.
     */
    public static void main(String[] args) throws Exception {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Path img = Path.of(args[1]), objects = Path.of(args[1] + ".objects");
        Path prelude = args.length > 2 ? Path.of(args[2]) : PRELUDE, program = args.length > 3 ? Path.of(args[3]) : PROGRAM;
        Runtime rt = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps));
        rt.configureMain(new Runtime.MainConfig(List.of("-c"), "", null));
        if (args[0].equals("freed")) {
            rt.exec("class A: pass\nclass B(A): pass\nclass C: pass\ndel B\n", "<prelude>");
            rt.gc().collect(2);  // a class is in a cycle (its mro holds it)
            rt.writeImage(img, KEY);
            rt.close();  // one process here: the runtime that made the image goes, and its addresses are free again
            Runtime other = new Runtime(new RuntimeOptions(Long.MAX_VALUE, false, ps, ps));
            other.adoptImage(img, KEY);
            long freed = 0;
            for (int i = other.imageMark.types(); i < other.heap().typeCount(); i++) {
                if (((ClassType) other.heap().typeAtIndex(i)).typeObjectFreed) freed++;
            }
            System.out.println("adopted: " + freed + " freed class of " + (other.heap().typeCount() - other.imageMark.types()) + " later types");
            other.exec("class D(A): pass\nprint('ok', len(A.__subclasses__()))\n", "<after>");
            System.out.print(sink.toString(StandardCharsets.UTF_8));
            System.exit(0);
        }
        if (args[0].startsWith("write")) {
            rt.exec(Files.readString(prelude), prelude.getFileName().toString());
            if (args[0].equals("write-stdio")) StdIo.init(rt);  // the standard streams as CPython's start-up makes them
            rt.writeImage(img, KEY);
            Files.write(objects, StartupImageTest.listing(rt.heap()));
            Files.write(Path.of(args[1] + ".java"), JavaStateAudit.of(rt, AUDIT_SKIP));
        } else {
            rt.adoptImage(img, KEY);
            List<String> made = Files.readAllLines(objects), got = StartupImageTest.listing(rt.heap());
            for (int i = 0; i < Math.max(made.size(), got.size()); i++) {
                String w = i < made.size() ? made.get(i) : "(none)", g = i < got.size() ? got.get(i) : "(none)";
                if (!w.equals(g)) throw new AssertionError("the adopted heap's object " + i + " is " + g + ", the image's " + w);
            }
            List<String> problems = rt.verify();
            if (!problems.isEmpty()) throw new AssertionError("the adopted heap verifies: " + problems);
            List<String> want = Files.readAllLines(Path.of(args[1] + ".java")), have = JavaStateAudit.of(rt, AUDIT_SKIP);
            List<String> diff = JavaStateAudit.differences(want, have, 40);
            int shown = diff.size();
            if (shown > 0) throw new AssertionError("the adopter's Java state differs from the image-maker's (path: image-maker's | adopter's):\n  "
                    + String.join("\n  ", diff));
        }
        try {
            rt.exec(Files.readString(program), program.getFileName().toString());
        } catch (PyException e) {
            ps.print(rt.formatException(e));
        }
        List<String> problems = rt.verify();
        if (!problems.isEmpty()) throw new AssertionError("the heap verifies after the program: " + problems);
        System.out.print(sink.toString(StandardCharsets.UTF_8));
        System.exit(0);
    }
}
