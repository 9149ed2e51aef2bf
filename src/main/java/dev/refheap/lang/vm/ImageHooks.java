package dev.refheap.lang.vm;

import dev.refheap.lang.bytecode.CodeUnit;
import dev.refheap.lang.bytecode.CodeUnitFormat;
import dev.refheap.memory.BlockAllocator.ImageException;
import dev.refheap.object.Heap;
import dev.refheap.object.PyType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The start-up image's Java-side hooks (docs/architecture.md, "Start-up image", step 3): what the
 * runtime's Java side holds about its heap beyond what its constructor made, written with the
 * image and made again in a runtime that adopts it. Rebuilt, not serialized as Java objects: a
 * class's descriptor is made again from a recorded description, a code object's decoded form from
 * its compiled unit (in the code cache's format, {@link CodeUnitFormat}), a builtin's entry is
 * the adopting runtime's own entry at the same handle (its constructor made the same ones), or,
 * for a builtin method bound later ({@code [].append}), a new entry with the implementation of
 * the constructor's entry it was bound from, or for a native module's function with a function
 * table ({@code sys}'s, {@code _weakref}'s, {@code _warnings}', {@code _stat}'s, {@code marshal}'s), the function made again from its
 * module's table by its key ({@link NativeFunction}), or for a method of a native module's type
 * made after the constructor, the implementation the type recorded under that name. Struct
 * sequence types and the standard streams' type are made again from their descriptions, as
 * classes are; a native module's state ({@link ModuleImage}: its Java-only values written) is made
 * again by its module, with its types, which are adopted at their indexes in index order.
 *
 * <p>Each hook writes its part or refuses: a {@link Refused} names what it cannot carry (a native
 * module's state without a {@link ModuleImage}, or one that refuses, a live frame, a builtin made
 * after the constructor with an implementation of its own), and then no image is written. The import system's few fields are carried (it is
 * made again as the first import makes it). Reading is in two steps: every part is read and checked against the adopting runtime
 * before it gives up its memory ({@link #read}), and applied after the swap (the returned
 * {@link Runnable}s, in order).
 *
 * <p>Invariant: the adopting runtime was just built by a constructor like the image-maker's, and
 * nothing ran on it ({@link Mark} is what its constructor left); after the hooks applied, every
 * handle a native object of the image holds leads to the Java object the image-maker's did, or to
 * one made equal to it.
 */
final class ImageHooks {
    private static final int MAGIC = 0x484f4b31;  // "HOK1"

    private ImageHooks() {}

    /** The image cannot be written: {@code what} has no hook yet. Nothing was written. */
    static final class Refused extends IllegalStateException {
        Refused(String what) { super("no start-up image: " + what); }
    }

    /** What the runtime's constructor left: the images' hooks carry only what came after it. */
    record Mark(int types, Object[] builtins, Object[] methodDescrs, Object[] classMethodDescrs, Object[] wrapperDescrs,
                java.util.Set<String> moduleStates, int getsets) {
        static Mark of(Runtime rt) {
            return new Mark(rt.heap.typeCount(), rt.builtinFunctionType.entries.snapshot(), rt.methodDescrType.entries.snapshot(),
                    rt.classMethodDescrType.entries.snapshot(), rt.wrapperDescrType.entries.snapshot(),
                    java.util.Set.copyOf(rt.nativeModuleState.keySet()), rt.builtinGetSets.size());
        }
    }

    /** Writes every hook's part; refuses before writing anything if one cannot carry its state. */
    static void write(Runtime rt, DataOutputStream out) throws IOException {
        refuseWhatHasNoHook(rt);
        out.writeInt(MAGIC);
        Map<PyType, NativeTypeRecord> nativeTypes = writeModuleStates(rt, out);
        writeTypes(rt, out, nativeTypes);
        writeCodes(rt, out);
        writeEntries(rt, out);
        writeGetSets(rt, out);
        writeRuntime(rt, out);
        writeHashNumbers(rt, out);
    }

    /** Reads every hook's part, checked against {@code rt} (nothing changes); the result applies them after the swap. */
    static Runnable read(Runtime rt, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) throw new ImageException("the image has no Java-side hooks' section");
        List<Runnable> steps = new ArrayList<>(), first = new ArrayList<>();
        Map<String, long[]> states = readModuleStates(rt, in);
        ClassRecords classes = readTypes(rt, in, states);
        steps.add(classes);
        steps.add(readCodes(rt, in));
        steps.add(readEntries(rt, in, rt.heap.typeCount() + classes.records.size()));
        steps.add(readGetSets(rt, in, rt.heap.typeCount() + classes.records.size()));
        steps.add(readRuntime(rt, in, classes, first));
        steps.add(readHashNumbers(rt, in));  // once the entries are made: each number goes to an entry's implementation
        return () -> {
            first.forEach(Runnable::run);
            steps.forEach(Runnable::run);
        };
    }

    // ---- what has no hook yet ----------------------------------------------------------------

    private static void refuseWhatHasNoHook(Runtime rt) {
        TreeSet<String> noHook = new TreeSet<>();
        rt.nativeModuleState.forEach((m, st) -> {
            if (!rt.imageMark.moduleStates().contains(m) && !(st instanceof ModuleImage)) noHook.add(m);
        });
        if (!noHook.isEmpty()) throw new Refused("the state of native modules " + noHook + " (no module-state hook yet)");
        if (rt.frameType.frames.live() != 0 || rt.generatorType.frames.live() != 0) {
            throw new Refused("a live frame, generator or coroutine (" + (rt.frameType.frames.live() + rt.generatorType.frames.live()) + ")");
        }
        if (!rt.exitHooks.isEmpty()) throw new Refused("atexit callbacks");
        if (rt.gil.active) throw new Refused("threads (the interpreter lock is active)");
        if (rt.mainInterpreter.traceObj != 0 || rt.mainInterpreter.profileObj != 0) throw new Refused("a trace or profile function (sys.settrace, sys.setprofile)");
        if (rt.handledException != 0 || rt.typeCallArgs != 0 || rt.interpreter != rt.mainInterpreter || rt.interpreter.current != null) {
            throw new Refused("a runtime that is not at rest");
        }
    }

    // ---- native modules' state: Java-only values, the state made again by its module ----------

    /** A native module's registered type as the image has it: its module's state lists it at {@code ordinal}. */
    private record NativeTypeRecord(long typeObject, String module, int ordinal, boolean validVersionTag) implements Record {}

    /**
     * The states native modules made after the constructor ({@link ModuleImage}): each module's
     * name and Java-only values; returns where each of their types is in its module's list.
     */
    private static Map<PyType, NativeTypeRecord> writeModuleStates(Runtime rt, DataOutputStream out) throws IOException {
        Map<PyType, NativeTypeRecord> types = new IdentityHashMap<>();
        TreeSet<String> later = new TreeSet<>(rt.nativeModuleState.keySet());
        later.removeAll(rt.imageMark.moduleStates());
        out.writeInt(later.size());
        for (String m : later) {
            ModuleImage st = (ModuleImage) rt.nativeModuleState.get(m);
            long[] values;
            try {
                values = st.imageValues();
            } catch (IllegalStateException e) {
                throw new Refused("the state of native module " + m + ": " + e.getMessage());
            }
            writeStr(out, m);
            writeLongs(out, values);
            List<? extends PyType> ts = st.imageTypes();
            for (int i = 0; i < ts.size(); i++) {
                PyType t = ts.get(i);
                types.put(t, new NativeTypeRecord(t.address(), m, i, t instanceof NativeType nt ? nt.hasValidVersionTag() : t instanceof SysInfo.StructSeqType ss && ss.validVersionTag));
            }
        }
        return types;
    }

    private static Map<String, long[]> readModuleStates(Runtime rt, DataInputStream in) throws IOException {
        int n = count(in, 1 << 12);
        Map<String, long[]> states = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            String m = readStr(in);
            if (rt.nativeModuleState.containsKey(m)) throw new ImageException("the image's state of native module " + m + " is one this runtime already has");
            states.put(m, readLongs(in));
        }
        return states;
    }

    // ---- types: classes made again from their description ----------------------------------

    private static void writeTypes(Runtime rt, DataOutputStream out, Map<PyType, NativeTypeRecord> nativeTypes) throws IOException {
        Heap heap = rt.heap;
        int from = rt.imageMark.types(), to = heap.typeCount();
        out.writeInt(to - from);
        for (int i = from; i < to; i++) {
            PyType t = heap.typeAtIndex(i);
            NativeTypeRecord nr = nativeTypes.get(t);
            if (nr != null) {  // a native module's type (a struct sequence type too): its module's state makes it again
                out.writeByte(NATIVE_TYPE);
                out.writeLong(nr.typeObject());
                writeStr(out, nr.module());
                out.writeInt(nr.ordinal());
                out.writeBoolean(nr.validVersionTag());
                continue;
            }
            if (t instanceof SysInfo.StructSeqType q) {  // a struct sequence: its name and fields
                out.writeByte(STRUCT_SEQUENCE);
                out.writeLong(q.address());
                writeStr(out, q.qualified);
                out.writeInt(q.visible);
                out.writeInt(q.fields.size());
                for (String f : q.fields) {
                    out.writeBoolean(f != null);
                    if (f != null) writeStr(out, f);
                }
                out.writeBoolean(q.validVersionTag);
                continue;
            }
            if (t instanceof Streams) {  // the standard streams' type: nothing but its place
                out.writeByte(STREAMS);
                out.writeLong(t.address());
                continue;
            }
            if (!(t instanceof ClassType c)) throw new Refused("type '" + t.name() + "' (" + t.getClass().getSimpleName() + "), made after the constructor: no hook for it yet");
            out.writeByte(CLASS);
            writeStr(out, c.name());
            out.writeInt(c.flags());
            out.writeLong(c.basicSize());
            out.writeLong(c.itemSize());
            out.writeLong(c.weaklistOffset());
            out.writeInt(c.builtinBase == null ? -1 : c.builtinBase.index());
            out.writeBoolean(c.exceptionBased);
            out.writeLong(c.dictOffset);
            out.writeLong(c.typeObject);
            out.writeBoolean(c.typeObjectFreed);
            out.writeInt(c.keys.size());
            for (String k : c.keys) writeStr(out, k);
            out.writeBoolean(c.hasDel);
            out.writeBoolean(c.tpDel);
            out.writeBoolean(c.validVersionTag);
            out.writeBoolean(c.abstractFlag);
            out.writeInt(c.collectionFlags);
            out.writeInt(c.slotNames.length);
            for (int s = 0; s < c.slotNames.length; s++) {
                writeStr(out, c.slotNames[s]);
                out.writeLong(c.slotOffsets[s]);
            }
            out.writeInt(c.heapBase == null ? -1 : c.heapBase.index());
            out.writeInt(c.solid == null ? -1 : c.solid.index());
            out.writeLong(c.cachedKeys);
            out.writeInt(c.fullMro.size());
            for (PyType m : c.fullMro) out.writeInt(m.index());
        }
    }

    /** The kinds of type made after the constructor that the image carries. */
    private static final int CLASS = 0, STRUCT_SEQUENCE = 1, STREAMS = 2, NATIVE_TYPE = 3;

    /** A struct sequence type as the image has it (sys.flags' type and the like: static type objects). */
    private record StructSeqRecord(long typeObject, String qualified, int visible, List<String> fields, boolean validVersionTag) implements Record {}

    /** The standard streams' type ({@link Streams}) as the image has it. */
    private record StreamsRecord(long typeObject) implements Record {}

    /** A class's description as the image has it. */
    private record ClassRecord(String name, int flags, long basicSize, long itemSize, long weaklistOffset, int builtinBase,
                               boolean exceptionBased, long dictOffset, long typeObject, boolean freed, List<String> keys,
                               boolean hasDel, boolean tpDel, boolean validVersionTag, boolean abstractFlag,
                               int collectionFlags, String[] slotNames, long[] slotOffsets, int heapBase, int solid,
                               long cachedKeys, int[] fullMro) implements Record {}

    /** A type made after the constructor, as the image has it. */
    private sealed interface Record permits ClassRecord, StructSeqRecord, StreamsRecord, NativeTypeRecord {}

    /** The image's classes, made again when run (after the swap): {@link #made} then holds them in index order. */
    private static final class ClassRecords implements Runnable {
        final Runtime rt;
        /** In index order. */
        final List<Record> records;
        /** The native modules' states' Java-only values, by module. */
        final Map<String, long[]> states;
        final List<ClassType> made = new ArrayList<>();

        ClassRecords(Runtime rt, List<Record> records, Map<String, long[]> states) {
            this.rt = rt;
            this.records = records;
            this.states = states;
        }

        /** Module {@code m}'s state made again by its module (the import system's restore). */
        private ModuleImage restoreState(String m) {
            ModuleImage st = rt.imports().restoreModuleState(m, states.get(m));
            if (st == null) throw new IllegalStateException("the image has the state of native module " + m + ", which this runtime cannot make again");
            return st;
        }

        @Override
        public void run() {
            Heap heap = rt.heap;
            Heap.ImageState state = rt.adoptingState;
            List<ClassRecord> classes = new ArrayList<>();
            Map<String, ModuleImage> madeStates = new HashMap<>();  // each module's state, made at its first type (its types are in its list)
            for (Record any : records) {
                if (any instanceof NativeTypeRecord q) {
                    List<? extends PyType> ts = madeStates.computeIfAbsent(q.module(), this::restoreState).imageTypes();
                    if (q.ordinal() >= ts.size()) throw new IllegalStateException("native module " + q.module() + " made " + ts.size() + " types, not " + (q.ordinal() + 1));
                    PyType t = heap.adoptImageType(ts.get(q.ordinal()), q.typeObject(), false, state);
                    if (t instanceof NativeType nt) nt.validVersionTag = q.validVersionTag();
                    else if (t instanceof SysInfo.StructSeqType ss) ss.validVersionTag = q.validVersionTag();
                    continue;
                }
                if (any instanceof StructSeqRecord q) {
                    SysInfo.StructSeqType ss = new SysInfo.StructSeqType(rt, q.qualified(), q.visible(), q.fields());
                    ss.validVersionTag = q.validVersionTag();
                    heap.adoptImageType(ss, q.typeObject(), false, state);
                    continue;
                }
                if (any instanceof StreamsRecord q) {
                    rt.streams = heap.adoptImageType(Streams.forImage(rt), q.typeObject(), false, state);
                    continue;
                }
                ClassRecord r = (ClassRecord) any;
                classes.add(r);
                PyType base = r.builtinBase() < 0 ? null : heap.typeAtIndex(r.builtinBase());
                ClassType c = new ClassType(rt, r.name(), base, r.exceptionBased(), r.basicSize(), r.itemSize(), r.weaklistOffset(),
                        r.dictOffset(), r.flags());
                c.typeObject = r.typeObject();
                c.typeObjectFreed = r.freed();
                heap.adoptImageType(c, r.typeObject(), r.freed(), state);
                for (String k : r.keys()) {
                    c.keyIndex.put(k, c.keys.size());
                    c.keys.add(k);
                }
                c.hasDel = r.hasDel();
                c.tpDel = r.tpDel();
                c.validVersionTag = r.validVersionTag();
                c.abstractFlag = r.abstractFlag();
                c.collectionFlags = r.collectionFlags();
                c.slotNames = r.slotNames();
                c.slotOffsets = r.slotOffsets();
                c.cachedKeys = r.cachedKeys();
                made.add(c);
            }
            for (int i = 0; i < classes.size(); i++) {  // the links, once every class exists
                ClassRecord r = classes.get(i);
                ClassType c = made.get(i);
                c.heapBase = r.heapBase() < 0 ? null : (ClassType) heap.typeAtIndex(r.heapBase());
                c.solid = r.solid() < 0 ? null : (ClassType) heap.typeAtIndex(r.solid());
                for (int m : r.fullMro()) {
                    PyType t = heap.typeAtIndex(m);
                    c.fullMro.add(t);
                    if (t instanceof ClassType k) c.mro.add(k);
                }
            }
            for (String m : states.keySet()) rt.nativeModuleState.put(m, madeStates.computeIfAbsent(m, this::restoreState));
        }
    }

    private static ClassRecords readTypes(Runtime rt, DataInputStream in, Map<String, long[]> states) throws IOException {
        int n = count(in, 1 << 20);
        int first = rt.heap.typeCount(), total = first + n;
        List<Record> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = in.readByte();
            if (kind == STRUCT_SEQUENCE) {
                long address = in.readLong();
                String qualified = readStr(in);
                int visible = in.readInt(), nf = count(in, 1 << 16);
                List<String> fields = new ArrayList<>(nf);
                for (int f = 0; f < nf; f++) fields.add(in.readBoolean() ? readStr(in) : null);
                if (visible < 0 || visible > nf) throw new ImageException("the image's hooks' section is damaged (struct sequence " + qualified + ")");
                records.add(new StructSeqRecord(address, qualified, visible, fields.contains(null) ? java.util.Arrays.asList(fields.toArray(new String[0])) : List.copyOf(fields),
                        in.readBoolean()));
                continue;
            }
            if (kind == NATIVE_TYPE) {
                long address = in.readLong();
                String module = readStr(in);
                int ordinal = count(in, 1 << 12);
                if (!states.containsKey(module)) throw new ImageException("the image's type " + (first + i) + " is native module " + module + "'s, whose state it has not");
                records.add(new NativeTypeRecord(address, module, ordinal, in.readBoolean()));
                continue;
            }
            if (kind == STREAMS) {
                if (rt.streams != null) throw new ImageException("the image's standard streams' type is one this runtime already has");
                records.add(new StreamsRecord(in.readLong()));
                continue;
            }
            if (kind != CLASS) throw new ImageException("the image's hooks' section is damaged (a type of kind " + kind + ")");
            String name = readStr(in);
            int flags = in.readInt();
            long basic = in.readLong(), item = in.readLong(), weak = in.readLong();
            int builtinBase = index(in, first + i);  // a builtin base is one of the constructor's types or a native module's made before
            boolean exc = in.readBoolean();
            long dictOffset = in.readLong(), typeObject = in.readLong();
            boolean freed = in.readBoolean();
            int nk = count(in, 1 << 20);
            List<String> keys = new ArrayList<>(nk);
            for (int k = 0; k < nk; k++) keys.add(readStr(in));
            boolean hasDel = in.readBoolean(), tpDel = in.readBoolean(), valid = in.readBoolean(), abs = in.readBoolean();
            int coll = in.readInt();
            int ns = count(in, 1 << 16);
            String[] slotNames = new String[ns];
            long[] slotOffsets = new long[ns];
            for (int s = 0; s < ns; s++) {
                slotNames[s] = readStr(in);
                slotOffsets[s] = in.readLong();
            }
            int heapBase = index(in, total), solid = index(in, total);
            long shared = in.readLong();
            int nm = count(in, 1 << 16);
            int[] mro = new int[nm];
            for (int m = 0; m < nm; m++) mro[m] = index(in, total);
            records.add(new ClassRecord(name, flags, basic, item, weak, builtinBase, exc, dictOffset, typeObject, freed, keys, hasDel,
                    tpDel, valid, abs, coll, slotNames, slotOffsets, heapBase, solid, shared, mro));
        }
        return new ClassRecords(rt, records, states);
    }

    // ---- code objects: their units from the image, their addresses from the memory -----------

    private static void writeCodes(Runtime rt, DataOutputStream out) throws IOException {
        rt.codeType.makeAllPending();  // an adopter's code objects not used yet
        Handles<CodeType.Code> codes = rt.codeType.codes;
        Object[] items = codes.snapshot();
        // the units of the live code objects, each once: a unit nested in another live one's is
        // found through its place among that one's constants, so units stay one object per
        // compiled body, as the materializer made them
        Map<CodeUnit, CodeUnit> parent = new IdentityHashMap<>();
        for (Object o : items) if (o != null) collectParents(((CodeType.Code) o).unit, parent);
        Map<CodeUnit, Integer> roots = new IdentityHashMap<>();
        List<CodeUnit> rootList = new ArrayList<>();
        for (Object o : items) {
            if (o == null) continue;
            CodeUnit root = rootOf(((CodeType.Code) o).unit, parent);
            if (!roots.containsKey(root)) {
                roots.put(root, rootList.size());
                rootList.add(root);
            }
        }
        out.writeInt(rootList.size());
        // each tree with its length: the adopter keeps the bytes and decodes a tree when one of its code objects is first used
        java.io.ByteArrayOutputStream tree = new java.io.ByteArrayOutputStream();
        DataOutputStream treeOut = new DataOutputStream(tree);
        for (CodeUnit u : rootList) {
            tree.reset();
            CodeUnitFormat.write(treeOut, u);
            treeOut.flush();
            out.writeInt(tree.size());
            tree.writeTo(out);
        }
        writeInts(out, codes.freeList());
        out.writeInt(items.length);
        for (Object o : items) {
            if (o == null) {
                out.writeBoolean(false);
                continue;
            }
            out.writeBoolean(true);
            CodeType.Code c = (CodeType.Code) o;
            CodeUnit root = rootOf(c.unit, parent);
            out.writeInt(roots.get(root));
            writeInts(out, pathIn(root, c.unit));
            out.writeLong(c.object);
            writeLongs(out, c.consts);
            writeLongs(out, c.names);
            out.writeInt(c.stackSlots);
            out.writeInt(c.warmup);
            boolean quickened = c.precallForm != null;
            out.writeBoolean(quickened);
            if (quickened) {
                out.writeInt(c.precallForm.length);
                out.write(c.precallForm);
                out.writeInt(c.precallCounter.length);
                for (char ch : c.precallCounter) out.writeChar(ch);
            }
        }
    }

    /** Every unit nested in {@code u}, with the unit whose constant it is. */
    private static void collectParents(CodeUnit u, Map<CodeUnit, CodeUnit> parent) {
        for (Object k : u.consts()) {
            if (k instanceof CodeUnit n && parent.put(n, u) == null) collectParents(n, parent);
        }
    }

    /** The outermost unit holding {@code u} among the live code objects' unit trees (u itself when none does). */
    private static CodeUnit rootOf(CodeUnit u, Map<CodeUnit, CodeUnit> parent) {
        while (parent.containsKey(u)) u = parent.get(u);
        return u;
    }

    /** The constants' indexes leading from {@code root} to {@code u} (empty for root itself), or null if u is not in it. */
    private static int[] pathIn(CodeUnit root, CodeUnit u) {
        if (root == u) return new int[0];
        for (int i = 0; i < root.consts().size(); i++) {
            if (root.consts().get(i) instanceof CodeUnit n) {
                int[] p = pathIn(n, u);
                if (p != null) {
                    int[] q = new int[p.length + 1];
                    q[0] = i;
                    System.arraycopy(p, 0, q, 1, p.length);
                    return q;
                }
            }
        }
        return null;
    }

    private static Runnable readCodes(Runtime rt, DataInputStream in) throws IOException {
        if (rt.codeType.codes.live() != 0) throw new ImageException("the adopting runtime has code objects already");
        int nroots = count(in, 1 << 20);
        UnitTrees trees = new UnitTrees(nroots);
        for (int i = 0; i < nroots; i++) {
            int n = count(in, 1 << 30);
            trees.lengths[i] = n;
            if (in instanceof Runtime.SectionStream section) {  // kept where they lie: most trees are never decoded
                trees.bytes[i] = section.bytes();
                trees.offsets[i] = section.take(n);
            } else {
                trees.bytes[i] = new byte[n];
                in.readFully(trees.bytes[i]);
            }
        }
        int[] free = readInts(in);
        int n = count(in, 1 << 24);
        PendingCode[] records = new PendingCode[n];
        for (int i = 0; i < n; i++) {
            if (!in.readBoolean()) continue;
            int r = index(in, nroots);
            if (r < 0) throw new ImageException("a code object's unit is missing");
            int[] path = readInts(in);
            long object = in.readLong();
            long[] consts = readLongs(in), names = readLongs(in);
            int stack = in.readInt(), warmup = in.readInt();
            byte[] form = null;
            char[] counter = null;
            if (in.readBoolean()) {
                form = new byte[count(in, 1 << 24)];
                in.readFully(form);
                counter = readChars(in, count(in, 1 << 24));
            }
            records[i] = new PendingCode(trees, r, path, object, consts, names, stack, warmup, form, counter);
        }
        return () -> {
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                PendingCode r = records[i];
                if (r == null) continue;
                if (LangType.get(r.object(), CodeType.HANDLE) != i) {
                    throw new IllegalStateException("the image's code object at 0x" + Long.toHexString(r.object()) + " has another handle");
                }
                items[i] = r;
            }
            rt.codeType.codes.restore(items, free);
        };
    }

    /**
     * The image's unit trees in {@link CodeUnitFormat}, each decoded when a code object of it is
     * first used and then kept: the code objects of one tree share its units, as the maker's did.
     * Each tree's bytes are a range of the image's section as the adoption read it (not copied out:
     * ~800 KB, most of it never decoded in a short run).
     */
    private record UnitTrees(byte[][] bytes, int[] offsets, int[] lengths, CodeUnit[] decoded) {
        UnitTrees(int n) { this(new byte[n][], new int[n], new int[n], new CodeUnit[n]); }

        CodeUnit tree(int r) {
            CodeUnit u = decoded[r];
            if (u == null) {
                try {
                    u = CodeUnitFormat.read(new DataInputStream(new java.io.ByteArrayInputStream(bytes[r], offsets[r], lengths[r])));
                } catch (IOException e) {
                    throw new IllegalStateException("the image's code unit tree " + r + " cannot be read: " + e.getMessage(), e);
                }
                decoded[r] = u;
                bytes[r] = null;
            }
            return u;
        }
    }

    /**
     * An image's code object whose Java side is made on first use ({@link CodeType#code}): its unit
     * (a tree and the constants' indexes leading to it), its constants' and names' addresses, and
     * the warm-up counter and PRECALL's quickened state it had in the maker.
     */
    private record PendingCode(UnitTrees trees, int tree, int[] path, long object, long[] consts, long[] names, int stackSlots, int warmup,
                               byte[] form, char[] counter) implements CodeType.Pending {
        @Override
        public CodeType.Code make() {
            CodeUnit u = trees.tree(tree);
            for (int step : path) {
                if (step < 0 || step >= u.consts().size() || !(u.consts().get(step) instanceof CodeUnit c)) {
                    throw new IllegalStateException("the image's code object at 0x" + Long.toHexString(object) + " has a wrong place in its unit tree");
                }
                u = c;
            }
            // the names' Java strings are read from the image's str objects (Code's constructor)
            CodeType.Code c = new CodeType.Code(u, consts, names, stackSlots);
            c.object = object;
            c.warmup = warmup;
            c.precallForm = form;
            c.precallCounter = counter;
            return c;
        }
    }

    // ---- builtin functions' and descriptors' entries: the constructor's own, or bound from them ----

    /** The four entry tables, in the order the image lists them. */
    private static List<Handles<BuiltinFunctionType.Entry>> entryTables(Runtime rt) {
        return List.of(rt.builtinFunctionType.entries, rt.methodDescrType.entries, rt.classMethodDescrType.entries, rt.wrapperDescrType.entries);
    }

    /** The constructor's snapshots of the four entry tables, in {@link #entryTables}' order. */
    private static List<Object[]> constructorEntries(Runtime rt) {
        Mark m = rt.imageMark;
        return List.of(m.builtins(), m.methodDescrs(), m.classMethodDescrs(), m.wrapperDescrs());
    }

    private static final String[] ENTRY_TABLES = {"builtin function", "method descriptor", "classmethod descriptor", "wrapper descriptor"};
    private static final int FREE = 0, CONSTRUCTORS = 1, BOUND = 2, NATIVE = 3, TYPE_METHOD = 4;

    /**
     * Each table's entries: free, the constructor's own (the same entry at the same handle), or
     * made later with the implementation of one of the constructor's entries (a builtin method
     * bound to an object, {@code [].append}: its name, owner and doc, and where the implementation
     * is); anything else (a native module's function, a builtin made per call) is refused.
     */
    private static void writeEntries(Runtime rt, DataOutputStream out) throws IOException {
        List<Object[]> constructors = constructorEntries(rt);
        Map<Builtin, int[]> impls = new IdentityHashMap<>();
        for (int t = 0; t < constructors.size(); t++) {
            Object[] c = constructors.get(t);
            for (int i = 0; i < c.length; i++) {
                if (c[i] != null) impls.putIfAbsent(((BuiltinFunctionType.Entry) c[i]).impl(), new int[] {t, i});
            }
        }
        record TypeMethod(int type, boolean classMethod, String name) {}
        Map<Builtin, TypeMethod> typeMethods = new IdentityHashMap<>();  // the native types' made after the constructor
        for (int i = rt.imageMark.types(); i < rt.heap.typeCount(); i++) {
            if (rt.heap.typeAtIndex(i) instanceof SysInfo.StructSeqType sq) {  // __new__, __repr__ and __reduce__ (its dict's)
                for (String m : new String[] {"__new__", "__reduce__", "__repr__"}) {
                    if (sq.definedMethod(m) != null) typeMethods.putIfAbsent(sq.definedMethod(m), new TypeMethod(i, false, m));
                }
                continue;
            }
            if (!(rt.heap.typeAtIndex(i) instanceof NativeType nt)) continue;
            for (boolean cm : new boolean[] {false, true}) {
                for (var m : new java.util.TreeMap<>(nt.definedMethods(cm)).entrySet()) typeMethods.putIfAbsent(m.getValue(), new TypeMethod(i, cm, m.getKey()));
            }
        }
        List<Handles<BuiltinFunctionType.Entry>> tables = entryTables(rt);
        for (int t = 0; t < tables.size(); t++) {
            Object[] items = tables.get(t).snapshot(), own = constructors.get(t);
            out.writeInt(items.length);
            for (int i = 0; i < items.length; i++) {
                BuiltinFunctionType.Entry e = (BuiltinFunctionType.Entry) items[i];
                if (e == null) {
                    out.writeByte(FREE);
                } else if (i < own.length && own[i] == e) {
                    out.writeByte(CONSTRUCTORS);
                } else {
                    int[] where = impls.get(e.impl());
                    TypeMethod tm = where == null ? typeMethods.get(e.impl()) : null;
                    if (tm != null) {  // a native module's type's method: found again by its type and name
                        out.writeByte(TYPE_METHOD);
                        out.writeInt(tm.type());
                        out.writeBoolean(tm.classMethod());
                        writeStr(out, tm.name());
                    } else if (where == null && e.impl() instanceof NativeFunction f) {
                        if (!NativeFunction.restorable(rt, f.key())) {
                            throw new Refused(ENTRY_TABLES[t] + " '" + e.name() + "' (" + f.key() + "), a native module's function made after the constructor:"
                                    + " no hook for its module's functions yet");
                        }
                        out.writeByte(NATIVE);  // made again from its module's table, by key (for the object it was made for)
                        writeStr(out, f.key());
                        out.writeLong(f.context());
                    } else if (where == null) {
                        throw new Refused(ENTRY_TABLES[t] + " '" + e.name() + "', made after the constructor with an implementation of its own"
                                + " (a builtin made per call): no hook for it yet");
                    } else {
                        out.writeByte(BOUND);
                        out.writeInt(where[0]);
                        out.writeInt(where[1]);
                    }
                    writeStr(out, e.name());
                    out.writeInt(e.owner() == null ? -1 : e.owner().index());
                    out.writeByte(e.doc() == null ? 0 : e.doc() == BuiltinFunctionType.NULL_DOC ? 1 : 2);
                    if (e.doc() != null && e.doc() != BuiltinFunctionType.NULL_DOC) writeStr(out, e.doc());
                }
            }
            writeInts(out, tables.get(t).freeList());
        }
    }

    private static Runnable readEntries(Runtime rt, DataInputStream in, int types) throws IOException {
        List<Handles<BuiltinFunctionType.Entry>> tables = entryTables(rt);
        List<Object[]> own = new ArrayList<>();
        for (var h : tables) own.add(h.snapshot());
        record Bound(int table, int index, String key, long context, int type, boolean classMethod, String method, String name, int owner, String doc) {}
        List<Object[]> parsed = new ArrayList<>();
        List<int[]> frees = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            int n = count(in, 1 << 24);
            Object[] items = new Object[n];
            for (int i = 0; i < n; i++) {
                int kind = in.readByte();
                if (kind == FREE) continue;
                if (kind == CONSTRUCTORS) {
                    if (i >= own.get(t).length || own.get(t)[i] == null) {
                        throw new ImageException("the image's " + ENTRY_TABLES[t] + " " + i + " is not one this runtime's constructor made");
                    }
                    items[i] = own.get(t)[i];
                } else if (kind == BOUND || kind == NATIVE || kind == TYPE_METHOD) {
                    int table = -1, index = -1, type = -1;
                    boolean classMethod = false;
                    String key = null, method = null;
                    long context = 0;
                    if (kind == TYPE_METHOD) {
                        type = index(in, types);
                        if (type < rt.heap.typeCount()) throw new ImageException("the image's " + ENTRY_TABLES[t] + " " + i + " is a method of one of the constructor's types");
                        classMethod = in.readBoolean();
                        method = readStr(in);
                    } else if (kind == NATIVE) {
                        key = readStr(in);
                        context = in.readLong();
                        // a module's table is asked for when applied (the import system is made then, as the image's was)
                        if (NativeFunction.ofTheVm(key) && !NativeFunction.restorable(rt, key)) throw new ImageException("the image's " + ENTRY_TABLES[t] + " " + i + " is " + key + ", which this runtime cannot make");
                    } else {
                        table = in.readInt();
                        index = in.readInt();
                        if (table < 0 || table >= own.size() || index < 0 || index >= own.get(table).length || own.get(table)[index] == null) {
                            throw new ImageException("the image's " + ENTRY_TABLES[t] + " " + i + " has an implementation this runtime's constructor did not make");
                        }
                    }
                    String name = readStr(in);
                    int owner = index(in, types);
                    int docKind = in.readByte();
                    String doc = docKind == 0 ? null : docKind == 1 ? BuiltinFunctionType.NULL_DOC : readStr(in);
                    items[i] = new Bound(table, index, key, context, type, classMethod, method, name, owner, doc);
                } else {
                    throw new ImageException("the image's hooks' section is damaged (an entry of kind " + kind + ")");
                }
            }
            parsed.add(items);
            frees.add(readInts(in));
        }
        return () -> {
            Map<String, Map<String, Builtin>> natives = new HashMap<>();  // each module's table, made once
            for (int t = 0; t < tables.size(); t++) {
                Object[] items = parsed.get(t);
                for (int i = 0; i < items.length; i++) {
                    if (items[i] instanceof Bound b) {
                        Builtin impl = b.key() != null ? NativeFunction.resolve(rt, b.key(), b.context(), natives)
                                : b.method() != null ? typeMethod(rt, b.type(), b.classMethod(), b.method())
                                : ((BuiltinFunctionType.Entry) own.get(b.table())[b.index()]).impl();
                        items[i] = new BuiltinFunctionType.Entry(b.name(), impl, b.owner() < 0 ? null : rt.heap.typeAtIndex(b.owner()), b.doc());
                    }
                }
                tables.get(t).restore(items, frees.get(t));
            }
        };
    }

    // ---- the getset and member descriptors native modules' types made after the constructor ----------

    /**
     * The entries of {@link BuiltinGetSets} made after the constructor (a native module's type's
     * getsets and members, {@code _io}'s at its import): each descriptor's marker is its entry's
     * index, so the adopting runtime gets the same entries at the same indexes.
     */
    private static void writeGetSets(Runtime rt, DataOutputStream out) throws IOException {
        List<BuiltinGetSets.Entry> made = rt.builtinGetSets.entriesFrom(rt.imageMark.getsets());
        out.writeInt(made.size());
        for (BuiltinGetSets.Entry e : made) {
            out.writeInt(e.owner().index());
            writeStr(out, e.name());
            out.writeBoolean(e.member());
            out.writeBoolean(e.doc());
        }
    }

    private static Runnable readGetSets(Runtime rt, DataInputStream in, int types) throws IOException {
        int n = count(in, 1 << 20);
        int[] owners = new int[n];
        String[] names = new String[n];
        boolean[] members = new boolean[n], docs = new boolean[n];
        for (int i = 0; i < n; i++) {
            owners[i] = index(in, types);
            names[i] = readStr(in);
            members[i] = in.readBoolean();
            docs[i] = in.readBoolean();
        }
        return () -> {
            List<BuiltinGetSets.Entry> made = new ArrayList<>(n);
            for (int i = 0; i < n; i++) made.add(new BuiltinGetSets.Entry(rt.heap.typeAtIndex(owners[i]), names[i], members[i], docs[i]));
            rt.builtinGetSets.restoreFrom(rt.imageMark.getsets(), made);
        };
    }

    /** The implementation native type {@code type} (adopted from the image, its methods recorded by its module's restore) defined {@code name} with. */
    private static Builtin typeMethod(Runtime rt, int type, boolean classMethod, String name) {
        PyType t = rt.heap.typeAtIndex(type);
        Builtin impl = t instanceof NativeType nt ? nt.definedMethod(classMethod, name)
                : t instanceof SysInfo.StructSeqType sq && !classMethod ? sq.definedMethod(name) : null;
        if (impl == null) throw new IllegalStateException("the image's type " + type + " has no " + (classMethod ? "class method " : "method ") + name + " in this runtime");
        return impl;
    }

    // ---- the runtime's own maps and fields ------------------------------------------------------

    private static void writeRuntime(Runtime rt, DataOutputStream out) throws IOException {
        List<Long> held = rt.heldObjects();
        writeLongs(out, held.stream().mapToLong(Long::longValue).toArray());
        out.writeInt(rt.typeAttrs.size());
        for (var e : rt.typeAttrs.entrySet()) {
            out.writeInt(e.getKey().index());
            out.writeInt(e.getValue().size());
            for (var a : e.getValue().entrySet()) {
                writeStr(out, a.getKey());
                out.writeLong(a.getValue());
            }
        }
        writeTypeMap(out, rt.subclasses.builtinDicts);
        writeTypeMap(out, rt.slotWrappers.dicts);
        Interpreter it = rt.mainInterpreter;
        out.writeLong(it.tsDict);
        out.writeLong(it.context);
        out.writeLong(it.sentinel);  // _thread._set_sentinel's weak reference (threading's main thread), owned
        out.writeBoolean(it.strSpecialized);
        out.writeLong(rt.objectNew);
        out.writeInt(rt.recursionLimit);
        out.writeInt(rt.intMaxStrDigits);
        out.writeInt(rt.coroutineOriginDepth);
        out.writeInt(rt.dlopenFlags);
        out.writeLong(rt.quickenedCount);
        out.writeBoolean(rt.compiled);
        out.writeLong(rt.defaultDisplayhook);  // sys's hooks, held (their objects are the image's)
        out.writeLong(rt.defaultUnraisablehook);
        out.writeLong(rt.sysDict);  // interp->sysdict, held
        out.writeInt(rt.unraisableHookArgsType == null ? -1 : rt.unraisableHookArgsType.index());
        Warnings.State warnings = rt.warningsState;  // _warnings' state: its filters, once registry and default action, held
        out.writeBoolean(warnings != null);
        if (warnings != null) writeLongs(out, new long[] {warnings.filters, warnings.onceRegistry, warnings.defaultAction, warnings.version});
        for (Handles<?> h : frameTables(rt)) {  // no frame lives (refused otherwise), but the next one's handle is where the image-maker's would be
            out.writeInt(h.snapshot().length);
            writeInts(out, h.freeList());
        }
        writeLongs(out, rt.codecs().imageState());
        out.writeBoolean(rt.stdio != null);  // the standard streams as io objects (--startup=cpython): sys holds them, StdIo its few fields
        if (rt.stdio != null) writeLongs(out, rt.stdio.imageState());  // the codec registry's held objects and whether encodings was imported
        out.writeBoolean(rt.scriptImporterKey != null);
        if (rt.scriptImporterKey != null) writeStr(out, rt.scriptImporterKey);
        long[] imports = {};
        if (rt.importsStarted()) {
            try {
                imports = rt.imports().imageState();
            } catch (IllegalStateException e) {
                throw new Refused("the import system: " + e.getMessage());
            }
        }
        out.writeBoolean(rt.importsStarted());
        writeLongs(out, imports);
        var sources = rt.lineCache.sources();
        out.writeInt(sources.size());
        for (var e : sources.entrySet()) {
            writeStr(out, e.getKey());
            writeText(out, e.getValue());
        }
        // every builtin type's __bases__ and __mro__ tuples, held: a runtime made for an image made none of its own
        writeLongs(out, rt.builtinTypeInfo.imageState(0));
        out.writeLong(rt.sliceType.imageCache());
        // the version tags lookups set on the constructor's native and struct sequence types (sys.flags...)
        List<Integer> tagged = new ArrayList<>();
        for (int i = 0; i < rt.imageMark.types(); i++) if (versionTag(rt.heap.typeAtIndex(i))) tagged.add(i);
        writeInts(out, tagged.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Py_TPFLAGS_VALID_VERSION_TAG of a type implemented in Java whose {@code __flags__} reports it. */
    private static boolean versionTag(PyType t) {
        return t instanceof NativeType nt ? nt.validVersionTag : t instanceof SysInfo.StructSeqType ss && ss.validVersionTag;
    }

    private static Runnable readRuntime(Runtime rt, DataInputStream in, ClassRecords classes, List<Runnable> first) throws IOException {
        long[] held = readLongs(in);
        // the builtins dict and sys.modules, made before a runtime made for an image leaves objects out: at the same addresses
        if (!java.util.Arrays.stream(held).anyMatch(o -> o == rt.builtinsDict) || !java.util.Arrays.stream(held).anyMatch(o -> o == rt.sysModules)) {
            throw new ImageException("the image does not hold this runtime's builtins dict and sys.modules (at 0x" + Long.toHexString(rt.builtinsDict) + ", 0x"
                    + Long.toHexString(rt.sysModules) + ")");
        }
        int total = rt.heap.typeCount() + classes.records.size();
        int nt = count(in, 1 << 20);
        Map<Integer, Map<String, Long>> attrs = new HashMap<>();
        for (int i = 0; i < nt; i++) {
            int t = index(in, total);
            int na = count(in, 1 << 20);
            Map<String, Long> m = new HashMap<>();
            for (int k = 0; k < na; k++) m.put(readStr(in), in.readLong());
            attrs.put(t, m);
        }
        Map<Integer, Long> subclassDicts = readTypeMap(in, total), slotDicts = readTypeMap(in, total);
        long tsDict = in.readLong(), context = in.readLong(), sentinel = in.readLong();
        boolean strSpecialized = in.readBoolean();
        long objectNew = in.readLong();
        int recursionLimit = in.readInt(), intMax = in.readInt(), originDepth = in.readInt();
        int dlopenFlags = in.readInt();
        long quickened = in.readLong();
        boolean compiled = in.readBoolean();
        long displayhook = in.readLong(), unraisablehook = in.readLong(), sysDict = in.readLong();
        int unraisableArgs = index(in, total);
        if (unraisableArgs >= 0 && unraisableArgs < rt.heap.typeCount()) throw new ImageException("the image's UnraisableHookArgs type is one of the constructor's");
        long[] warnings = in.readBoolean() ? readLongs(in) : null;
        if (warnings != null && warnings.length != 4) throw new ImageException("the image's hooks' section is damaged (_warnings' state)");
        List<Handles<?>> frameTables = frameTables(rt);
        int[] frameTops = new int[frameTables.size()];
        int[][] frameFrees = new int[frameTables.size()][];
        for (int i = 0; i < frameTables.size(); i++) {
            frameTops[i] = count(in, 1 << 24);
            frameFrees[i] = readInts(in);
        }
        long[] codecs = readLongs(in);
        if (codecs.length != 4) throw new ImageException("the image's hooks' section is damaged (the codec registry's state)");
        long[] stdio = in.readBoolean() ? readLongs(in) : null;
        String importerKey = in.readBoolean() ? readStr(in) : null;
        boolean imports = in.readBoolean();
        long[] importState = readLongs(in);
        int ns = count(in, 1 << 20);
        Map<String, String> sources = new HashMap<>();
        for (int i = 0; i < ns; i++) sources.put(readStr(in), readText(in));
        long[] typeTuples = readLongs(in);
        for (int i = 0; i + 2 < typeTuples.length; i += 3) {
            if (typeTuples[i + 1] < 0 || typeTuples[i + 1] >= total) throw new ImageException("the image's builtin type tuples name a type it did not make");
        }
        long sliceCache = in.readLong();
        int[] tagged = readInts(in);
        for (int t : tagged) if (t < 0 || t >= rt.imageMark.types()) throw new ImageException("the image's version tags name a type the constructor did not make");
        // before the classes are made: the constructor's types' dicts and tuples, which a runtime made
        // for an image has not made (the rest of the maps once the image's later types exist)
        int made = rt.imageMark.types();
        first.add(() -> {
            attrs.forEach((t, m) -> {
                if (t < made) rt.typeAttrs.put(rt.heap.typeAtIndex(t), m);
            });
            putConstructorTypes(rt, rt.subclasses.builtinDicts, subclassDicts, made);
            putConstructorTypes(rt, rt.slotWrappers.dicts, slotDicts, made);
            rt.builtinTypeInfo.adoptImageState(typeTuples, made);
        });
        return () -> {
            rt.replaceHeld(held);
            rt.typeAttrs.clear();
            attrs.forEach((t, m) -> rt.typeAttrs.put(rt.heap.typeAtIndex(t), m));
            replaceTypeMap(rt, rt.subclasses.builtinDicts, subclassDicts);
            replaceTypeMap(rt, rt.slotWrappers.dicts, slotDicts);
            rt.sharedKeys.restore(classes.made);
            Interpreter it = rt.mainInterpreter;
            it.tsDict = tsDict;
            it.context = context;
            it.sentinel = sentinel;
            it.strSpecialized = strSpecialized;
            rt.objectNew = objectNew;
            rt.recursionLimit = recursionLimit;
            rt.intMaxStrDigits = intMax;
            rt.coroutineOriginDepth = originDepth;
            rt.dlopenFlags = dlopenFlags;
            rt.quickenedCount = quickened;
            rt.compiled = compiled;
            rt.defaultDisplayhook = displayhook;
            rt.defaultUnraisablehook = unraisablehook;
            rt.sysDict = sysDict;
            rt.unraisableHookArgsType = unraisableArgs < 0 ? null : (SysInfo.StructSeqType) rt.heap.typeAtIndex(unraisableArgs);
            if (warnings != null) {
                Warnings.State st = new Warnings.State();
                st.filters = warnings[0];
                st.onceRegistry = warnings[1];
                st.defaultAction = warnings[2];
                st.version = warnings[3];
                rt.warningsState = st;
            }
            for (int i = 0; i < frameTables.size(); i++) frameTables.get(i).restore(new Object[frameTops[i]], frameFrees[i]);
            rt.codecs().adoptImageState(codecs);
            if (stdio != null) rt.stdio = StdIo.adoptImageState(rt, stdio);
            rt.scriptImporterKey = importerKey;
            rt.lineCache.restore(sources);
            if (imports) rt.imports().adoptImageState(importState);  // made as the first import makes it: Java only
            rt.builtinTypeInfo.adoptImageState(typeTuples, Integer.MAX_VALUE);
            rt.sliceType.adoptImageCache(sliceCache);
            for (int t : tagged) Ops.nativeVersionTag(rt.heap.typeAtIndex(t));
        };
    }

    // ---- builtins' hash numbers: each implementation class by an entry that has it -------------

    /**
     * The implementation classes a builtin's hash has numbered ({@code BuiltinFunctionType.hash}),
     * in order, each by the place of an entry whose implementation has that class: a set of
     * builtins made before the image (os's {@code supports_fd}) keeps its order in the adopter,
     * and the next class numbered gets the number it would have. A class no live entry has is
     * refused (the adopter could not tell which class it is).
     */
    private static void writeHashNumbers(Runtime rt, DataOutputStream out) throws IOException {
        List<Class<?>> numbered = rt.builtinFunctionType.numberedImpls();
        Map<Class<?>, int[]> where = new IdentityHashMap<>();
        List<Handles<BuiltinFunctionType.Entry>> tables = entryTables(rt);
        for (int t = 0; t < tables.size(); t++) {
            Object[] items = tables.get(t).snapshot();
            for (int i = 0; i < items.length; i++) {
                if (items[i] != null) where.putIfAbsent(BuiltinFunctionType.implClass(((BuiltinFunctionType.Entry) items[i]).impl()), new int[] {t, i});
            }
        }
        out.writeInt(numbered.size());
        for (Class<?> c : numbered) {
            int[] w = where.get(c);
            if (w == null) throw new Refused("a builtin's hash number for an implementation no live builtin has (" + c.getName() + ")");
            out.writeInt(w[0]);
            out.writeInt(w[1]);
        }
    }

    private static Runnable readHashNumbers(Runtime rt, DataInputStream in) throws IOException {
        int n = count(in, 1 << 20);
        int[][] places = new int[n][];
        for (int i = 0; i < n; i++) {
            int t = index(in, ENTRY_TABLES.length), e = count(in, 1 << 24);
            if (t < 0) throw new ImageException("the image's hooks' section is damaged (a hash number's entry table)");
            places[i] = new int[] {t, e};
        }
        return () -> {
            List<Handles<BuiltinFunctionType.Entry>> tables = entryTables(rt);
            List<Object[]> items = new ArrayList<>();
            for (var h : tables) items.add(h.snapshot());
            List<Class<?>> impls = new ArrayList<>(n);
            for (int[] p : places) {
                Object[] table = items.get(p[0]);
                if (p[1] >= table.length || table[p[1]] == null) throw new IllegalStateException("the image's hash number " + impls.size() + " names no entry");
                impls.add(BuiltinFunctionType.implClass(((BuiltinFunctionType.Entry) table[p[1]]).impl()));
            }
            rt.builtinFunctionType.adoptNumberedImpls(impls);
        };
    }

    /** The handle tables of frames and of generators' (and coroutines') frames: empty when an image is taken, their free lists carried. */
    private static List<Handles<?>> frameTables(Runtime rt) {
        return rt.frameType.frames == rt.generatorType.frames ? List.of(rt.frameType.frames) : List.of(rt.frameType.frames, rt.generatorType.frames);
    }

    private static void writeTypeMap(DataOutputStream out, Map<PyType, Long> m) throws IOException {
        out.writeInt(m.size());
        for (var e : m.entrySet()) {
            out.writeInt(e.getKey().index());
            out.writeLong(e.getValue());
        }
    }

    private static Map<Integer, Long> readTypeMap(DataInputStream in, int types) throws IOException {
        int n = count(in, 1 << 20);
        Map<Integer, Long> m = new HashMap<>();
        for (int i = 0; i < n; i++) m.put(index(in, types), in.readLong());
        return m;
    }

    private static void putConstructorTypes(Runtime rt, Map<PyType, Long> into, Map<Integer, Long> from, int made) {
        from.forEach((t, v) -> {
            if (t < made) into.put(rt.heap.typeAtIndex(t), v);
        });
    }

    private static void replaceTypeMap(Runtime rt, Map<PyType, Long> into, Map<Integer, Long> from) {
        into.clear();
        from.forEach((t, v) -> into.put(rt.heap.typeAtIndex(t), v));
    }

    // ---- the format's pieces ---------------------------------------------------------------------

    private static int count(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) throw new ImageException("the image's hooks' section is damaged (a count of " + n + ")");
        return n;
    }

    /** An index below {@code bound}, or -1 for none. */
    private static int index(DataInputStream in, int bound) throws IOException {
        int i = in.readInt();
        if (i < -1 || i >= bound) throw new ImageException("the image's hooks' section is damaged (an index of " + i + ")");
        return i;
    }

    private static void writeStr(DataOutputStream out, String s) throws IOException {
        out.writeInt(s.length());
        out.writeChars(s);
    }

    private static String readStr(DataInputStream in) throws IOException {
        return new String(readChars(in, count(in, 1 << 28)));
    }

    /**
     * A long text (a source the line cache holds): as UTF-8 when the bytes decode back to the same
     * string (a source's text always does: lone surrogates are carried as supplementary escapes),
     * else as {@link #writeStr}'s chars. UTF-8 is half the bytes of the chars for ASCII, and the
     * JDK's decoder reads it in bulk where {@link #readChars}' loop runs a char at a time (cold, in
     * the bytecode interpreter until on-stack replacement): the adoption reads ~220,000 of them.
     */
    private static void writeText(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        boolean utf8 = new String(b, java.nio.charset.StandardCharsets.UTF_8).equals(s);
        out.writeBoolean(utf8);
        if (!utf8) {
            writeStr(out, s);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readText(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return readStr(in);
        return new String(readBytes(in, count(in, 1 << 30)), java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@code n} chars as {@code writeChar} wrote them (high byte first), read at once: per char,
     * each read is a call through the stream's layers, the adoption's slowest part in a cold JVM.
     */
    private static char[] readChars(DataInputStream in, int n) throws IOException {
        byte[] b = readBytes(in, 2L * n);
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = (char) ((b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff));
        return c;
    }

    /** The next {@code n} bytes, refused before anything is allocated when the section has fewer left (a damaged count). */
    private static byte[] readBytes(DataInputStream in, long n) throws IOException {
        if (n > in.available()) throw new java.io.EOFException();
        byte[] b = new byte[(int) n];
        in.readFully(b);
        return b;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) out.writeInt(v);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int n = count(in, 1 << 24);
        byte[] b = readBytes(in, 4L * n);  // big-endian, as writeInt wrote them, read at once
        int[] a = new int[n];
        for (int i = 0, k = 0; i < n; i++, k += 4) a[i] = (b[k] & 0xff) << 24 | (b[k + 1] & 0xff) << 16 | (b[k + 2] & 0xff) << 8 | (b[k + 3] & 0xff);
        return a;
    }

    private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
        out.writeInt(a.length);
        for (long v : a) out.writeLong(v);
    }

    private static long[] readLongs(DataInputStream in) throws IOException {
        int n = count(in, 1 << 24);
        byte[] b = readBytes(in, 8L * n);  // big-endian, as writeLong wrote them, read at once
        long[] a = new long[n];
        for (int i = 0, k = 0; i < n; i++, k += 8) {
            long v = 0;
            for (int j = 0; j < 8; j++) v = v << 8 | (b[k + j] & 0xff);
            a[i] = v;
        }
        return a;
    }
}
