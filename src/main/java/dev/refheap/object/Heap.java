package dev.refheap.object;

import dev.refheap.memory.AllocationHook;
import dev.refheap.memory.BlockAllocator;
import dev.refheap.memory.HeapLimitExceeded;
import dev.refheap.memory.Native;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * Python's object memory: objects in native memory at real addresses, reference counting, and the
 * builtin types with CPython 3.11's layouts. This is the object layer's facade.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Allocates objects from the {@link BlockAllocator} with their pre-header (GC head,
 *       managed-dict pre-header) and tags each block with its shape, so every live object can
 *       be found by walking the allocator ({@link #forEachObject}).</li>
 *   <li>Keeps reference counts: {@link #incref} and {@link #decref} are the only code that moves a
 *       count; reaching 0 calls the type's {@link PyType#dealloc}. Deallocation nests at most
 *       {@link #TRASHCAN_LIMIT} deep; deeper objects are untracked and wait on a deferred stack
 *       (CPython's "trashcan"), so releasing a million-long chain never overflows the Java stack.</li>
 *   <li>Owns the statically allocated runtime objects (small ints -5..256 as one contiguous array
 *       32 bytes apart, None, True, False, the empty tuple, '', b'', the 1-character Latin-1
 *       strings, the builtin type objects) in static regions outside the arenas.</li>
 * </ul>
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>Every live object's refcount equals the references to it from live objects plus those its
 *       {@link RootProvider}s report (the heap verifier checks this).</li>
 *   <li>A GC object is tracked iff its {@code _gc_next != 0}; only the {@link GcHooks} link and
 *       unlink tracked objects.</li>
 *   <li>A freed object's memory is never read through this API again; its block may be reused.</li>
 * </ol>
 *
 * <h2>States</h2>
 * open → closed. {@link #close()} frees the free lists, reports the objects still alive as leaks
 * (by type, with counts) and returns all memory; addresses are then invalid.
 *
 * <p>Not thread-safe: one thread at a time, as under CPython's GIL.
 */
public final class Heap implements AutoCloseable {
    /** Deallocation depth beyond which further deallocations are deferred (CPython: 50). */
    public static final int TRASHCAN_LIMIT = 50;
    public static final int SMALL_INT_MIN = -5;
    public static final int SMALL_INT_MAX = 256;
    /** Bytes between consecutive small ints (sizeof(PyLongObject) rounded to 16). */
    public static final int SMALL_INT_STRIDE = 32;

    /** The memory; replaced once, by a restored image's ({@link #adoptAllocator}), right after the runtime is built. */
    private BlockAllocator allocator;
    private PyType[] types = new PyType[64];
    private int typeCount;
    /** The types this heap had when it adopted an image (the image's later types follow: {@link #adoptImageType}). */
    private int firstLaterType;
    private boolean legacyFinalizerTypes;
    private GcHooks gc;
    private HeapListener listener;
    private Callbacks callbacks = Callbacks.NONE;
    private final List<RootProvider> roots = new CopyOnWriteArrayList<>();
    /** The stress mode's check on allocations the collector does not count (non-GC objects, free lists), or null. */
    private Runnable allocationCheck;

    /**
     * While set, the objects made are what CPython 3.11 has as deep-frozen static objects (the
     * code objects of its frozen standard library modules and their constants, made at build
     * time): a GC allocation does not count toward count0 (so it never runs a collection), is not
     * tracked, and a tuple or float is not taken from its free list. An object of a type in
     * {@link #deepFrozenTypes} (code, tuple, str, bytes, int, float, complex: what 3.11's
     * deepfreeze emits) is made in static memory, outside the arenas (so not in
     * sys.getallocatedblocks), as a pending static object; ending the setting commits them
     * ({@link #commitDeepFrozen}). Set only around {@code Materializer}'s work for such a module.
     */
    private boolean deepFreezing;

    /** The types whose objects are made static while {@link #deepFreezing} (see there). */
    private final java.util.Set<PyType> deepFrozenTypes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /** Indexes into {@link #staticObjects} of the deep-frozen objects made since deep freezing started. */
    private int[] frozenPending = new int[256];
    private int frozenPendingCount;

    /**
     * The committed deep-frozen objects that hold references (tuples, code objects), for the root
     * provider that reports their counted references to heap objects; null when it must be found
     * again from {@link #staticObjects} (after an image's state is read).
     */
    private long[] frozenHolders = new long[0];
    private int frozenHolderCount;

    /** Starts or ends making deep-frozen objects (see {@link #deepFreezing}); returns the previous setting. */
    public boolean setDeepFreezing(boolean on) {
        boolean was = deepFreezing;
        deepFreezing = on;
        if (was && !on) commitDeepFrozen();
        return was;
    }

    /** Makes {@code type}'s objects static while deep freezing (a type of the language layer: code, complex). */
    public void addDeepFrozenType(PyType type) { deepFrozenTypes.add(type); }

    /**
     * Turns the pending deep-frozen objects into CPython's deep-frozen statics: each one's count
     * becomes 999,999,999 (its base) plus the references from outside the static objects (the
     * caller's, an interned heap string's holders), and a reference a deep-frozen object holds on
     * any static object (another deep-frozen one, None, a small int, an interned static string)
     * stops being counted, as a static initializer's pointer is no counted reference. Its
     * references to heap objects (an interned name made before, which 3.11's interning of a
     * deep-frozen code's names swaps in with a counted reference) stay counted: the root provider
     * for deep-frozen holders reports them.
     */
    private void commitDeepFrozen() {
        int n = frozenPendingCount;
        frozenPendingCount = 0;
        if (n == 0) return;
        for (int i = 0; i < n; i++) {
            long o = staticObjects.get(frozenPending[i])[0];
            Native.putLong(o + Layout.OB_REFCNT, Native.getLong(o + Layout.OB_REFCNT) + Layout.STATIC_REFCNT);
        }
        LongConsumer uncount = r -> {
            if (r != 0 && allocator.blockContaining(r) == 0) Native.putLong(r + Layout.OB_REFCNT, Native.getLong(r + Layout.OB_REFCNT) - 1);
        };
        if (frozenHolders == null) findFrozenHolders();
        for (int i = 0; i < n; i++) {
            long[] s = staticObjects.get(frozenPending[i]);
            PyType t = typeOf(s[0]);
            t.references(s[0], uncount);
            s[1] = Layout.STATIC_REFCNT;
            if (holdsReferences(t)) addFrozenHolder(s[0]);
        }
    }

    private boolean holdsReferences(PyType t) {
        return t != strs && t != bytes && t != ints && t != floats && deepFrozenTypes.contains(t) && !"complex".equals(t.name());
    }

    private void addFrozenHolder(long o) {
        if (frozenHolderCount == frozenHolders.length) frozenHolders = Arrays.copyOf(frozenHolders, Math.max(256, 2 * frozenHolderCount));
        frozenHolders[frozenHolderCount++] = o;
    }

    /** The deep-frozen holders found again among the static objects (an adopted image's: base 999,999,999 and a type that holds references). */
    private void findFrozenHolders() {
        frozenHolders = new long[0];
        frozenHolderCount = 0;
        for (long[] s : staticObjects) {
            if (s[1] != Layout.STATIC_REFCNT) continue;
            long ta = typeAddress(s[0]);
            if (Native.getInt(ta + Layout.TP_INDEX) >= typeCount) continue;  // an image's later type not adopted yet: no deep-frozen one
            PyType t = typeOf(s[0]);
            if (holdsReferences(t) && (t != tuples || TupleType.size(s[0]) > 0)) addFrozenHolder(s[0]);
        }
    }

    /** Visits each reference a committed deep-frozen object holds on a heap (not static) object: (target, holder). */
    private void visitFrozenHolders(FrozenReferenceVisitor visit) {
        if (frozenHolders == null) findFrozenHolders();
        long[] holders = frozenHolders;
        for (int i = 0, n = frozenHolderCount; i < n; i++) {
            long d = holders[i];
            typeOf(d).references(d, r -> {
                if (r != 0 && allocator.blockContaining(r) != 0) visit.visit(r, d);
            });
        }
    }

    @FunctionalInterface
    private interface FrozenReferenceVisitor {
        void visit(long target, long holder);
    }

    /** A pending deep-frozen object of {@code type}: static memory, refcount 1, the header set as {@link #allocObjectOfSize} sets it. */
    private long allocDeepFrozen(PyType type, long size, long obSize) {
        if (allocationCheck != null) allocationCheck.run();
        long o = allocateStatic(size, type.preHeaderSize());
        Native.putLong(o + Layout.OB_REFCNT, 1);
        Native.putLong(o + Layout.OB_TYPE, type.address());
        if (type.itemSize() != 0) Native.putLong(o + Layout.OB_SIZE, obSize);
        addStaticObject(o, 0);
        if (frozenPendingCount == frozenPending.length) frozenPending = Arrays.copyOf(frozenPending, 2 * frozenPendingCount);
        frozenPending[frozenPendingCount++] = staticObjects.size() - 1;
        return o;
    }

    /** Whether the objects made now are deep-frozen ones: untracked, uncounted, not from free lists. */
    public boolean deepFreezing() { return deepFreezing; }

    // static region bump allocation
    private long staticCursor, staticEnd;
    private final List<long[]> staticObjects = new ArrayList<>();  // {address, base refcount}
    private volatile long[] staticIndex;  // the static objects' addresses, sorted; null when one was added since it was made

    // trashcan
    private int deallocDepth;
    /** The objects whose dealloc is running, outermost first ({@code deallocDepth} of them). */
    private final long[] deallocating = new long[TRASHCAN_LIMIT + 1];
    private long[] deferred = new long[64];
    private int deferredCount;

    // ---- builtin types ------------------------------------------------------------------------
    public final TypeType typeType;
    public final ObjectType objectType;
    public final NoneType noneType;
    public final IntType ints;
    public final BoolType bools;
    public final FloatType floats;
    public final StrType strs;
    public final BytesType bytes;
    public final TupleType tuples;
    public final ListType lists;
    public final DictType dicts;
    public final SetType sets;
    public final SetType frozensets;
    public final WeakrefType weakrefs;

    /** The singletons. */
    public final long None, True, False;

    /** A heap with no size limit. */
    public Heap() {
        this(Long.MAX_VALUE);
    }

    /** A heap that raises {@link HeapLimitExceeded} rather than grow past {@code limitBytes}. */
    public Heap(long limitBytes) {
        this(limitBytes, false);
    }

    /**
     * As {@link #Heap(long)}; with {@code ownedLargeBlocks} its large blocks come from the owned
     * range from the first one on ({@link BlockAllocator#setOwnedLargeBlocks}), as in a process
     * started with {@code -Drefheap.ownedLargeBlocks=true}: a runtime that will adopt or make a
     * start-up image, whose constructor must leave its objects where the image-maker's did.
     */
    public Heap(long limitBytes, boolean ownedLargeBlocks) {
        allocator = new BlockAllocator(limitBytes);
        if (ownedLargeBlocks) allocator.setOwnedLargeBlocks(true);
        gc = new UntrackedList();
        typeType = register(new TypeType(this));
        objectType = register(new ObjectType(this));
        noneType = register(new NoneType(this));
        ints = register(new IntType(this));
        bools = register(new BoolType(this, ints));
        floats = register(new FloatType(this));
        strs = register(new StrType(this));
        bytes = register(new BytesType(this));
        tuples = register(new TupleType(this));
        lists = register(new ListType(this));
        dicts = register(new DictType(this));
        sets = register(new SetType(this));
        frozensets = register(new SetType(this, "frozenset", true));
        weakrefs = register(new WeakrefType(this));
        None = noneType.createSingleton();
        False = bools.createSingleton(false);
        True = bools.createSingleton(true);
        ints.createSmallInts();
        tuples.createEmpty();
        strs.createSingletons();
        bytes.createSingletons();
        dicts.createEmptyKeys();
        sets.createDummy();
        frozensets.shareDummy(sets);
        deepFrozenTypes.addAll(List.of(tuples, strs, bytes, ints, floats));
        roots.add(new RootProvider() {
            // a deep-frozen object's references to heap objects are counted (see commitDeepFrozen)
            @Override public void visitRoots(RootVisitor v) {
                visitFrozenHolders((r, d) -> v.root(r, 1));
            }

            @Override public void visitDescribedRoots(DescribedRootVisitor v) {
                visitFrozenHolders((r, d) -> v.root(r, 1, "a deep-frozen " + typeOf(d).name() + " (a static object) holding it"));
            }
        });
        roots.add(new RootProvider() {
            @Override public void visitRoots(RootVisitor v) {
                for (long[] s : staticObjects) v.root(s[0], s[1]);
            }

            @Override public void visitDescribedRoots(DescribedRootVisitor v) {
                for (long[] s : staticObjects) {
                    v.root(s[0], s[1], s[1] == Layout.STATIC_REFCNT
                            ? "the initial count of a static object (999,999,999, as CPython 3.11's statically allocated objects)"
                            : "the runtime's own reference to a static object (its base count)");
                }
            }
        });
    }

    public BlockAllocator allocator() { return allocator; }

    // ---- the start-up image's object layer ------------------------------------------------------

    private static final int IMAGE_STATE_MAGIC = 0x4f424a33;  // "OBJ3": since the interned strings' values are carried beside their addresses

    /**
     * Writes what this layer keeps in Java about the memory an image carries: the types' object
     * addresses and the static objects (to check that an adopting heap was built the same way),
     * the statics' cursor and end, the free lists, the interned strings' addresses and values (the
     * adopter's table is made from them: {@link StrType#rebuildInterned(long[], String[])}). The
     * heap must be at rest (no dealloc running, nothing deferred).
     */
    public void writeImageState(java.io.DataOutputStream out) throws java.io.IOException {
        if (deallocDepth != 0 || deferredCount != 0) throw new IllegalStateException("the heap is not at rest");
        out.writeInt(IMAGE_STATE_MAGIC);
        out.writeInt(typeCount);
        for (int i = 0; i < typeCount; i++) out.writeLong(types[i].address);
        out.writeBoolean(legacyFinalizerTypes);
        out.writeLong(staticCursor);
        out.writeLong(staticEnd);
        out.writeInt(staticObjects.size());
        for (long[] so : staticObjects) {
            out.writeLong(so[0]);
            out.writeLong(so[1]);
        }
        dicts.writeImageState(out);
        floats.writeImageState(out);
        lists.writeImageState(out);
        tuples.writeImageState(out);
        long[] interned = strs.internedAddresses();
        out.writeInt(interned.length);
        for (long o : interned) out.writeLong(o);
        writeStrings(out, strs.internedValues(interned));
    }

    /**
     * Strings as one run of characters after their lengths: one byte per character when all are
     * Latin-1 (the interned names are ASCII), else two (UTF-16), so the reader decodes the run at
     * once and cuts it ({@link #readStrings}) instead of reading a string at a time.
     */
    private static void writeStrings(java.io.DataOutputStream out, String[] values) throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        boolean latin1 = true;
        for (String v : values) {
            out.writeInt(v.length());
            all.append(v);
            for (int i = 0; i < v.length() && latin1; i++) latin1 = v.charAt(i) < 256;
        }
        out.writeBoolean(latin1);
        out.writeInt(all.length());
        String run = all.toString();
        out.write(run.getBytes(latin1 ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_16BE));
    }

    private static String[] readStrings(java.io.DataInputStream in, int n) throws java.io.IOException {
        int[] lengths = new int[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            lengths[i] = imageCount(in, 1 << 28);
            sum += lengths[i];
        }
        boolean latin1 = in.readBoolean();
        int chars = imageCount(in, 1 << 28);
        if (chars != sum) throw new BlockAllocator.ImageException("the image's object section is damaged (the interned strings' lengths)");
        byte[] bytes = new byte[latin1 ? chars : 2 * chars];
        in.readFully(bytes);
        String run = new String(bytes, latin1 ? java.nio.charset.StandardCharsets.ISO_8859_1 : java.nio.charset.StandardCharsets.UTF_16BE);
        String[] values = new String[n];
        for (int i = 0, at = 0; i < n; at += lengths[i], i++) values[i] = run.substring(at, at + lengths[i]);
        return values;
    }

    /** A count read from an image's section, checked against its bound. */
    static int imageCount(java.io.DataInputStream in, int max) throws java.io.IOException {
        int n = in.readInt();
        if (n < 0 || n > max) throw new BlockAllocator.ImageException("the image's object section is damaged (a count of " + n + ")");
        return n;
    }

    /**
     * The object layer's section of an image, read and checked against this heap: the types must be
     * the same, at the same addresses, and this heap's static objects the first of the image's (the
     * heap was built as the image-maker's was). Nothing changes here; {@link #adoptAllocator}
     * applies it. The rest of the section is read by whoever wrote it after this layer's part.
     *
     * @throws BlockAllocator.ImageException if the image does not fit this heap
     */
    public ImageState readImageState(java.io.DataInputStream in) throws java.io.IOException {
        if (in.readInt() != IMAGE_STATE_MAGIC) throw new BlockAllocator.ImageException("the image has no object section");
        int n = in.readInt();
        if (n < typeCount || n > 1 << 20) throw new BlockAllocator.ImageException("the image has " + n + " types, this heap " + typeCount);
        long[] later = new long[n - typeCount];  // types made after the constructor: the layer above's image hooks make their descriptors
        for (int i = 0; i < n; i++) {
            long a = in.readLong();
            if (i >= typeCount) {
                later[i - typeCount] = a;
                continue;
            }
            if (a != types[i].address) {
                throw new BlockAllocator.ImageException("the image's type " + i + " (" + types[i].name() + ") is at 0x"
                        + Long.toHexString(a) + ", this heap's at 0x" + Long.toHexString(types[i].address));
            }
        }
        boolean legacy = in.readBoolean();
        long cursor = in.readLong(), end = in.readLong();
        int k = in.readInt();
        if (k < staticObjects.size() || k > 1 << 24) {
            throw new BlockAllocator.ImageException("the image has " + k + " static objects, this heap " + staticObjects.size());
        }
        List<long[]> statics = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            long[] so = {in.readLong(), in.readLong()};
            if (i < staticObjects.size() && !Arrays.equals(so, staticObjects.get(i))) {
                throw new BlockAllocator.ImageException("the image's static object " + i + " is at 0x" + Long.toHexString(so[0])
                        + ", this heap's at 0x" + Long.toHexString(staticObjects.get(i)[0]));
            }
            statics.add(so);
        }
        java.io.ByteArrayOutputStream lists = new java.io.ByteArrayOutputStream();
        // the free lists are read into a copy of their bytes, applied when the memory is swapped
        java.io.DataOutputStream copy = new java.io.DataOutputStream(lists);
        copyFreeLists(in, copy);
        long[] interned = new long[imageCount(in, 1 << 24)];
        for (int i = 0; i < interned.length; i++) interned[i] = in.readLong();
        return new ImageState(legacy, cursor, end, statics, lists.toByteArray(), later, interned, readStrings(in, interned.length));
    }

    /** Copies the free lists' part of a section (its layout is the types'), checking its counts. */
    private static void copyFreeLists(java.io.DataInputStream in, java.io.DataOutputStream out) throws java.io.IOException {
        for (int list = 0; list < 2; list++) {  // dicts, dict keys
            int n = imageCount(in, DictType.MAX_FREE);
            out.writeInt(n);
            for (int i = 0; i < n; i++) out.writeLong(in.readLong());
        }
        out.writeLong(in.readLong());  // dicts' watched version
        out.writeInt(in.readInt());    // next keys version
        out.writeLong(in.readLong());  // floats
        out.writeInt(imageCount(in, FloatType.MAX_FREE));
        int n = imageCount(in, ListType.MAX_FREE);
        out.writeInt(n);
        for (int i = 0; i < n; i++) out.writeLong(in.readLong());
        for (int i = 0; i < TupleType.MAX_SAVE_SIZE; i++) {
            out.writeLong(in.readLong());
            out.writeInt(imageCount(in, TupleType.MAX_FREE));
        }
    }

    /** The object layer's part of an image, checked against this heap ({@link #readImageState}), not applied yet. */
    public record ImageState(boolean legacyFinalizerTypes, long staticCursor, long staticEnd, List<long[]> staticObjects,
            byte[] freeLists, long[] laterTypes, long[] interned, String[] internedValues) {}

    /**
     * After {@link #adoptAllocator}: the descriptor of the image's type at the next index, one the
     * image-maker registered after its constructor (a class, a native module's type), made again
     * by the layer above from the image's description of it. Its type object is the image's: its
     * index and flags are there already and are not written ({@code freed}: the image-maker's
     * class object was freed, its descriptor stayed, as every type's does).
     *
     * @throws IllegalStateException if {@code address} is not where the image's type at this index is
     */
    public <T extends PyType> T adoptImageType(T type, long address, boolean freed, ImageState state) {
        int later = typeCount - firstLaterType;
        if (later >= state.laterTypes().length || state.laterTypes()[later] != address) {
            throw new IllegalStateException("the image's type " + typeCount + " is not " + type.name() + " at 0x" + Long.toHexString(address));
        }
        if (!freed && Native.getInt(address + Layout.TP_INDEX) != typeCount) throw new IllegalStateException("the type object of " + type.name() + " has another index");
        if (type.index >= 0) throw new IllegalStateException(type.name() + " is already registered");
        if (typeCount == types.length) types = Arrays.copyOf(types, typeCount * 2);
        type.index = typeCount;
        type.address = address;
        types[typeCount++] = type;
        return type;
    }

    /**
     * Gives the heap the memory of a restored image in place of its own: the caller has closed the
     * heap's allocator (its ranges are free again), restored the image at the same addresses
     * ({@link BlockAllocator#restoreImage}) and read its section ({@link #readImageState}) before
     * the close. Every address this heap's Java side holds is then the image's, holding what the
     * image-maker's heap held there.
     */
    public void adoptAllocator(BlockAllocator restored, ImageState state) {
        if (!allocator.isClosed()) throw new IllegalStateException("the heap's own allocator is still open");
        if (restored.isClosed()) throw new IllegalStateException("the restored allocator is closed");
        allocator = restored;
        firstLaterType = typeCount;
        legacyFinalizerTypes = state.legacyFinalizerTypes();
        staticCursor = state.staticCursor();
        staticEnd = state.staticEnd();
        staticObjects.clear();
        staticObjects.addAll(state.staticObjects());
        staticIndex = null;
        frozenHolders = null;
        frozenHolderCount = 0;
        try {
            java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(state.freeLists()));
            dicts.readImageState(in);
            floats.readImageState(in);
            lists.readImageState(in);
            tuples.readImageState(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);  // read from memory: checked when it was copied
        }
    }

    // ---- types ----------------------------------------------------------------------------------

    /** Registers a builtin (static) type: gives it an index and a static type object. */
    public <T extends PyType> T register(T type) {
        long address = allocateStatic(Layout.STATIC_TYPE_SIZE, 0);
        Native.putLong(address + Layout.OB_REFCNT, 1);
        Native.putLong(address + Layout.OB_TYPE, typeType == null ? address : typeType.address());
        addStaticObject(address, 1);
        return bind(type, address);
    }

    /**
     * Registers a type whose type object the language allocated itself (a class, a heap type):
     * its native object at {@code address} gets the descriptor's index and flags.
     */
    public <T extends PyType> T registerHeapType(T type, long address) {
        return bind(type, address);
    }

    private <T extends PyType> T bind(T type, long address) {
        if (type.index >= 0) throw new IllegalStateException(type.name() + " is already registered");
        if (typeCount == types.length) types = Arrays.copyOf(types, typeCount * 2);
        type.index = typeCount;
        type.address = address;
        types[typeCount++] = type;
        if (type.hasLegacyFinalizer()) legacyFinalizerTypes = true;
        Native.putInt(address + Layout.TP_INDEX, type.index);
        Native.putInt(address + Layout.TP_FLAGS, type.flags());
        return type;
    }

    /** A registered type got a legacy finalizer (tp_del) after its registration. */
    public void legacyFinalizerTypeAdded() { legacyFinalizerTypes = true; }

    /** True once a type with a legacy finalizer (tp_del) is registered: only then can garbage be uncollectable. */
    public boolean hasLegacyFinalizerTypes() { return legacyFinalizerTypes; }

    /** The descriptor of the type at native address {@code typeAddress}. */
    public PyType typeAt(long typeAddress) {
        return types[Native.getInt(typeAddress + Layout.TP_INDEX)];
    }

    /** The descriptor of {@code o}'s type. */
    public PyType typeOf(long o) {
        return types[Native.getInt(Native.getLong(o + Layout.OB_TYPE) + Layout.TP_INDEX)];
    }

    /** {@code Py_TYPE(o)}: the address of o's type object. */
    public static long typeAddress(long o) { return Native.getLong(o + Layout.OB_TYPE); }

    /** PyUnicode_Check: o is a str or an instance of a subclass of str (Py_TPFLAGS_UNICODE_SUBCLASS). */
    public static boolean isStr(long o) {
        return (Native.getInt(Native.getLong(o + Layout.OB_TYPE) + Layout.TP_FLAGS) & PyType.UNICODE_SUBCLASS) != 0;
    }

    /** PyBytes_Check: o is bytes or an instance of a subclass of bytes (Py_TPFLAGS_BYTES_SUBCLASS). */
    public static boolean isBytes(long o) {
        return (Native.getInt(Native.getLong(o + Layout.OB_TYPE) + Layout.TP_FLAGS) & PyType.BYTES_SUBCLASS) != 0;
    }

    /** True if o's type has HAVE_GC in its flags (CPython's PyObject_IS_GC, for non-type objects). */
    public static boolean hasGcFlag(long o) {
        return (Native.getInt(Native.getLong(o + Layout.OB_TYPE) + Layout.TP_FLAGS) & PyType.HAVE_GC) != 0;
    }

    public int typeCount() { return typeCount; }

    /** The type registered at {@code index} (below {@link #typeCount}). */
    public PyType typeAtIndex(int index) {
        if (index < 0 || index >= typeCount) throw new IndexOutOfBoundsException("no type " + index + " of " + typeCount);
        return types[index];
    }
    public PyType typeByIndex(int i) { return types[i]; }

    // ---- allocation -----------------------------------------------------------------------------

    /**
     * Allocates an object of {@code type} with {@code nitems} items: refcount 1, ob_type set, GC
     * head zeroed (untracked), ob_size set for variable-size types, the rest undefined. A GC type
     * counts toward count0, which may run a collection before this returns (the new object is not
     * yet tracked, so it is never examined), as CPython 3.11 does inside the allocating call.
     */
    public long allocObject(PyType type, long nitems) {
        long size = type.basicSize() + bytesFor(nitems, type.itemSize(), type.basicSize() + 64);
        return allocObjectOfSize(type, size, nitems);
    }

    /**
     * {@code n * itemSize}, refusing (HeapLimitExceeded: Python's MemoryError) a count whose size,
     * plus {@code headroom} bytes, does not fit in a signed 64-bit size: PyMem_New's overflow check.
     */
    public long bytesFor(long n, long itemSize, long headroom) {
        if (n < 0 || itemSize != 0 && n > (Long.MAX_VALUE - headroom) / itemSize) {
            throw new HeapLimitExceeded(Long.MAX_VALUE, allocator.footprint(), allocator.limit());
        }
        return n * itemSize;
    }

    /** As {@link #allocObject}, for types whose size is not basic + items * itemsize. */
    public long allocObjectOfSize(PyType type, long size, long obSize) {
        if (deepFreezing && deepFrozenTypes.contains(type)) return allocDeepFrozen(type, size, obSize);
        int pre = type.preHeaderSize();
        long block = allocator.malloc(size + pre);
        long o = block + pre;
        if (pre != 0) {
            Native.putLong(o - 16, 0);
            Native.putLong(o - 8, 0);
            if (pre > Layout.GC_HEAD_SIZE) {
                Native.putLong(o + Layout.MANAGED_VALUES, 0);
                Native.putLong(o + Layout.MANAGED_DICT, 0);
            }
        }
        if (allocationCheck != null) {
            // Stress mode: the constructor may allocate again before it sets every field; the
            // verifier must read an object under construction as holding nothing, not garbage.
            Native.fill(o + Layout.OB_TYPE, size - Layout.OB_TYPE, (byte) 0);
        }
        if (type.isGc() && !deepFreezing) gc.onGcAlloc();
        else if (allocationCheck != null) allocationCheck.run();
        int tag = tagFor(pre);
        if (size + pre <= BlockAllocator.SMALL_REQUEST_THRESHOLD) allocator.setSmallBlockTag(block, tag);
        else allocator.setTag(block, tag);
        Native.putLong(o + Layout.OB_REFCNT, 1);
        Native.putLong(o + Layout.OB_TYPE, type.address());
        if (type.itemSize() != 0) Native.putLong(o + Layout.OB_SIZE, obSize);
        if (type.hasFlag(PyType.HEAPTYPE)) incref(type.address());
        if (type.weaklistOffset() != 0) Native.putLong(o + type.weaklistOffset(), 0);
        if (listener != null) listener.onAllocate(o, type, size + pre);
        return o;
    }

    /**
     * {@link #allocObjectOfSize} for an exact builtin type whose objects have no pre-header, no
     * items to count, no weakref list and no GC head, and fit a pool's block ({@code size} at most
     * {@link BlockAllocator#SMALL_REQUEST_THRESHOLD}): the same steps in the same order without the
     * tests that cannot apply (the int made for nearly every arithmetic result and loop index).
     * Refcount 1 and ob_type set; ob_size and the rest are the caller's.
     */
    public long allocSmallPlainObject(PyType type, long size) {
        long o = allocator.malloc(size);
        if (allocationCheck != null) {
            Native.fill(o + Layout.OB_TYPE, size - Layout.OB_TYPE, (byte) 0);
            allocationCheck.run();
        }
        allocator.setSmallBlockTag(o, Layout.TAG_PLAIN);
        Native.putLong(o + Layout.OB_REFCNT, 1);
        Native.putLong(o + Layout.OB_TYPE, type.address());
        if (listener != null) listener.onAllocate(o, type, size);
        return o;
    }

    /**
     * Re-initialises an object taken from a free list: refcount 1 (CPython's _Py_NewReference).
     * Does not count toward count0.
     */
    public void reviveFromFreeList(long o, PyType type) {
        if (allocationCheck != null) allocationCheck.run();
        Native.putLong(o + Layout.OB_REFCNT, 1);
        int pre = type.preHeaderSize();
        allocator.setSmallBlockTag(o - pre, tagFor(pre));  // free lists hold small objects only
        AllocationHook hook = allocator.hook();
        if (hook != null) hook.onReuse(o - pre);
        if (listener != null) listener.onAllocate(o, type, 0);
    }

    /** The block tag of an object with a pre-header of {@code pre} bytes. */
    private static int tagFor(int pre) {
        return pre == 0 ? Layout.TAG_PLAIN : pre == Layout.GC_HEAD_SIZE ? Layout.TAG_GC : Layout.TAG_MANAGED;
    }

    /**
     * Returns the memory of a dead object to the allocator (tp_free): PyObject_GC_Del for GC types
     * (count0 -= 1), PyObject_Free otherwise. Decrefs a heap type's type object.
     */
    public void freeObject(long o) {
        freeObject(o, typeOf(o));
    }

    /** {@link #freeObject(long)} for a caller that has {@code o}'s type at hand ({@code typeOf(o)}, no other). */
    public void freeObject(long o, PyType type) {
        freeObjectMemory(o, type);
        if (type.hasFlag(PyType.HEAPTYPE)) decref(type.address());
    }

    /** Frees the memory of a dead object whose type word may no longer be valid (free lists). */
    public void freeObjectMemory(long o, PyType type) {
        if (listener != null && allocator.tagOf(o - type.preHeaderSize()) != 0) listener.onFree(o, type);
        int pre = type.preHeaderSize();
        if (type.isGc()) gc.onGcFree();
        allocator.free(o - pre);
    }

    /**
     * PyObject_Realloc of a live object without a pre-header (a str's resize_compact): it keeps its
     * place while pymalloc's block allows, or libc's realloc for a large block (BlockAllocator.realloc), else its bytes move to a new
     * block, tagged as the old one was, and listeners see the old object freed and the new one made.
     */
    public long reallocPlainObject(long o, PyType type, long newSize) {
        if (type.preHeaderSize() != 0) throw new IllegalArgumentException("reallocPlainObject: " + type.name() + " has a pre-header");
        long q = allocator.realloc(o, newSize);
        if (q != o) {
            // not by size: a block the C library has (once over 512 bytes) stays its even when smaller
            allocator.setTag(q, tagFor(0));
            if (listener != null) {
                listener.onFree(o, type);
                listener.onAllocate(q, type, newSize);
            }
        }
        return q;
    }

    /** Tells listeners that a dead object went to a free list (it stops being an object). */
    public void parkedOnFreeList(long o, PyType type) {
        if (listener != null) listener.onFree(o, type);
        allocator.setSmallBlockTag(o - type.preHeaderSize(), 0);
    }

    /** Raw memory (PyMem_Malloc): item arrays, dict keys. */
    public long memAlloc(long n) { return allocator.malloc(n); }
    public long memRealloc(long p, long n) { return allocator.realloc(p, n); }
    public void memFree(long p) { allocator.free(p); }

    // ---- static objects -------------------------------------------------------------------------

    /** Zeroed static memory for runtime objects (never freed before close), 16-byte aligned. */
    public long allocateStatic(long size, int preHeader) {
        long total = (size + preHeader + 15) & ~15L;
        if (staticCursor + total > staticEnd) {
            long chunk = Math.max(64 * 1024, total);
            staticCursor = allocator.allocateStatic(chunk);
            staticEnd = staticCursor + chunk;
        }
        long p = staticCursor + preHeader;
        staticCursor += total;
        return p;
    }

    /** Records a static object and the references the runtime holds on it (its base refcount). */
    public void addStaticObject(long o, long baseRefcount) {
        staticObjects.add(new long[] {o, baseRefcount});
        staticIndex = null;
    }

    /** Creates a static object with CPython 3.11's initial count for statically allocated objects. */
    long newStaticObject(PyType type, long size, long baseRefcount) {
        return newStaticObject(type, size, baseRefcount, 0);
    }

    /** As above, the object placed {@code shift} bytes further (to reproduce CPython's static alignment). */
    long newStaticObject(PyType type, long size, long baseRefcount, int shift) {
        long o = allocateStatic(size, (type.isGc() ? Layout.GC_HEAD_SIZE : 0) + shift);
        Native.putLong(o + Layout.OB_REFCNT, baseRefcount);
        Native.putLong(o + Layout.OB_TYPE, type.address());
        addStaticObject(o, baseRefcount);
        return o;
    }

    // ---- reference counting ---------------------------------------------------------------------

    public long refcount(long o) { return Native.getLong(o + Layout.OB_REFCNT); }

    /**
     * {@code sys.getsizeof(o)}: {@code o.__sizeof__()} plus the pre-header (GC head, managed-dict
     * pre-header) for GC objects, as in 3.11 ({@code getsizeof([]) == 56}).
     */
    public long getsizeof(long o) {
        PyType t = typeOf(o);
        return t.sizeOf(o) + (isGcObject(o) ? t.preHeaderSize() : 0);
    }

    /** Py_INCREF. */
    public void incref(long o) {
        long n = Native.getLong(o) + 1;
        Native.putLong(o, n);
        if (listener != null) listener.onRefcount(o, 1, n);
    }

    /** Py_XINCREF: ignores 0. */
    public void xincref(long o) {
        if (o != 0) incref(o);
    }

    /**
     * {@link #decref} as a visitor, made with the heap: a named class rather than a method
     * reference ({@code heap::decref}), which links a call site and spins a class where it is first
     * used; in a run that adopts the start-up image that was at exit (docs/performance.md,
     * "Session 22: the adopted exit and the streams' key").
     */
    public final LongConsumer decrefVisitor = new DecrefVisitor();

    private final class DecrefVisitor implements LongConsumer {
        @Override public void accept(long o) { decref(o); }
    }

    /** Py_DECREF: at 0 the object is deallocated. */
    public void decref(long o) {
        long n = Native.getLong(o) - 1;
        Native.putLong(o, n);
        if (listener != null) listener.onRefcount(o, -1, n);
        if (n <= 0) {
            if (n < 0) throw new IllegalRefcountException(o, n + 1, -1, describeDead(o));
            dealloc(o);
        }
    }

    /**
     * True while a dealloc runs: containers being torn down may still point at items they have
     * already released, so the heap is not checkable until the outermost dealloc returns.
     */
    public boolean isDeallocating() { return deallocDepth > 0; }

    /**
     * Visits the dying objects: those whose dealloc is running (their contents may be partly
     * released already) with {@code running = true}, then those waiting in the trashcan (refcount 0,
     * contents intact) with {@code running = false}. For the heap verifier.
     */
    public void forEachDying(DyingVisitor visit) {
        for (int i = 0; i < deallocDepth; i++) visit.visit(deallocating[i], true);
        for (int i = 0; i < deferredCount; i++) visit.visit(deferred[i], false);
    }

    @FunctionalInterface
    public interface DyingVisitor { void visit(long o, boolean running); }

    /**
     * The stress mode: {@code check} runs at every object allocation the collector does not count
     * (non-GC objects, objects taken from a free list), before the new object exists; the collector's
     * allocation hook covers the counted ones. {@code null} turns it off.
     */
    public void setAllocationCheck(Runnable check) { allocationCheck = check; }

    /** The type name a dead object's type word still points at, if it does (for error messages). */
    private String describeDead(long o) {
        long t = Native.getLong(o + Layout.OB_TYPE);
        if (!allocator.isReadable(t, Layout.STATIC_TYPE_SIZE)) return "?";
        int i = Native.getInt(t + Layout.TP_INDEX);
        return i >= 0 && i < typeCount && types[i].address() == t ? types[i].name() : "?";
    }

    /** Py_XDECREF: ignores 0. */
    public void xdecref(long o) {
        if (o != 0) decref(o);
    }

    /** Sets the refcount directly: for finalizer resurrection protocols only. */
    public void setRefcount(long o, long n) {
        Native.putLong(o, n);
    }

    /**
     * Runs the type's dealloc, at most {@link #TRASHCAN_LIMIT} deep; deeper objects are untracked,
     * deferred and deallocated (last in, first out) when the outermost dealloc returns.
     */
    private void dealloc(long o) {
        if (deallocDepth >= TRASHCAN_LIMIT) {
            // As CPython's deallocs untrack before Py_TRASHCAN_BEGIN: a deferred object has
            // refcount 0, and a collection that runs before its dealloc must not free it again.
            if (isGcObject(o)) untrackIfTracked(o);
            if (deferredCount == deferred.length) deferred = Arrays.copyOf(deferred, deferredCount * 2);
            deferred[deferredCount++] = o;
            return;
        }
        deallocating[deallocDepth++] = o;
        try {
            deallocByType(o);
        } finally {
            deallocDepth--;
        }
        if (deallocDepth == 0) {
            while (deferredCount > 0) {
                long d = deferred[--deferredCount];
                deallocating[deallocDepth++] = d;
                try {
                    deallocByType(d);
                } finally {
                    deallocDepth--;
                }
            }
        }
    }

    /**
     * The type's tp_dealloc: a direct call for the types most programs free most (the JIT can
     * inline each), the virtual one for the rest, where a megamorphic call site sat before.
     */
    private void deallocByType(long o) {
        // by the type object's address: one load from o, where typeOf's index lookup is a chain of three
        long t = typeAddress(o);
        if (t == tuples.address()) tuples.dealloc(o);
        else if (t == ints.address()) ints.dealloc(o);
        else if (t == floats.address()) floats.dealloc(o);
        else if (t == lists.address()) lists.dealloc(o);
        else if (t == dicts.address()) dicts.dealloc(o);
        else typeAt(t).dealloc(o);
    }

    /**
     * PEP 442's PyObject_CallFinalizerFromDealloc for a dealloc: if {@code o} has a finalizer not
     * yet run, resurrects it for the call (refcount 1), marks it finalized and calls it.
     *
     * @return true if the object was resurrected and its dealloc must stop here
     */
    public boolean callFinalizerFromDealloc(long o, PyType type) {
        if (!type.hasFinalizer()) return false;
        if (type.isGc() && GcHead.isFinalized(o)) return false;
        Native.putLong(o, 1);
        if (type.isGc()) GcHead.setFinalized(o);
        type.finalize(o);
        long n = Native.getLong(o) - 1;
        Native.putLong(o, n);
        return n != 0;
    }

    // ---- tracking -------------------------------------------------------------------------------

    public void installGc(GcHooks hooks) {
        if (!(gc instanceof UntrackedList list) || !list.isEmpty()) {
            throw new IllegalStateException("a collector must be installed before objects are tracked");
        }
        gc = hooks;
    }

    public GcHooks gcHooks() { return gc; }

    /** PyObject_GC_Track. */
    public void track(long o) {
        if (!deepFreezing) gc.track(o);
    }

    /** PyObject_GC_UnTrack: untracks {@code o} if it is tracked. */
    public void untrackIfTracked(long o) {
        if (GcHead.next(o) != 0) gc.untrack(o);
    }

    public static boolean isTracked(long o) { return GcHead.next(o) != 0; }

    /**
     * _PyObject_GC_MAY_BE_TRACKED: a GC object, other than an untracked tuple. Decides whether
     * inserting {@code o} into a dict makes the dict tracked.
     */
    public boolean mayBeTracked(long o) {
        if (!isGcObject(o)) return false;
        if (typeAddress(o) == tuples.address()) return isTracked(o);
        return true;
    }

    /** PyObject_IS_GC: o's type is a GC type, and for type objects, a heap type. */
    public boolean isGcObject(long o) {
        long t = typeAddress(o);
        int flags = Native.getInt(t + Layout.TP_FLAGS);
        if ((flags & PyType.HAVE_GC) == 0) return false;
        // type_is_gc, which metaclasses inherit: a static type is no GC object whatever its metaclass (ctypes' c_int is a PyCSimpleType)
        if (t == typeType.address() || (flags & PyType.TYPE_SUBCLASS) != 0) return (Native.getInt(o + Layout.TP_FLAGS) & PyType.HEAPTYPE) != 0;
        return true;
    }

    /** Tracking for a heap without a collector: one plain list, never collected. */
    private final class UntrackedList implements GcHooks {
        private final long head = allocateStatic(0, Layout.GC_HEAD_SIZE);
        private long size;

        UntrackedList() { GcHead.listInit(head); }

        boolean isEmpty() { return size == 0; }
        @Override public void track(long o) { GcHead.listAppend(o, head); size++; }
        @Override public void untrack(long o) { GcHead.listRemove(o); size--; }
        @Override public void onGcAlloc() {}
        @Override public void onGcFree() {}
    }

    // ---- listeners, callbacks, roots --------------------------------------------------------------

    public void setListener(HeapListener listener) { this.listener = listener; }
    public HeapListener listener() { return listener; }

    /**
     * The language's services the object layer calls back: weakref callbacks and the
     * unraisable-exception hook. Without a language, callbacks cannot be called.
     */
    public interface Callbacks {
        /** Calls {@code callback(wr)}; an error is reported as unraisable, never thrown. */
        void callWeakrefCallback(long callback, long weakref);

        /**
         * {@code a == b} as a truth value WITHOUT the identity shortcut (PyObject_RichCompare, what
         * weakref_richcompare runs on two live referents, so their {@code __eq__} runs even when they
         * are one object). Without a language: {@link Heap#objectsEqual}.
         */
        default boolean richEquals(Heap heap, long a, long b) { return heap.objectsEqual(a, b); }

        // a class, not a lambda: the JVM's start-up cache does not keep this lambda's class (an
        // interface's constant), so each process would generate it while making its first heap
        Callbacks NONE = new Callbacks() {
            @Override
            public void callWeakrefCallback(long cb, long wr) {
                throw new IllegalStateException("weakref callbacks need a language runtime");
            }
        };
    }

    public void setCallbacks(Callbacks callbacks) { this.callbacks = callbacks; }
    public Callbacks callbacks() { return callbacks; }

    public void addRootProvider(RootProvider provider) { roots.add(provider); }
    public void removeRootProvider(RootProvider provider) { roots.remove(provider); }
    public List<RootProvider> rootProviders() { return List.copyOf(roots); }

    // ---- hashing and equality (for dict and set keys) --------------------------------------------

    /** hash(o). */
    public long hash(long o) {
        return typeOf(o).hash(o);
    }

    /**
     * {@code a == b} as dict and set lookups need it: identity, then numbers by value across int,
     * bool and float (so {@code 1 == 1.0 == True}), then the type's own equality.
     */
    public boolean objectsEqual(long a, long b) {
        if (a == b) return true;
        PyType ta = typeOf(a), tb = typeOf(b);
        boolean na = ta instanceof IntType || ta == floats, nb = tb instanceof IntType || tb == floats;
        if (na && nb) {
            if (ta != floats && tb != floats) return ints.equals(a, b);
            if (ta == floats && tb == floats) return FloatType.value(a) == FloatType.value(b);
            double f = ta == floats ? FloatType.value(a) : FloatType.value(b);
            long i = ta == floats ? b : a;
            if (Double.isNaN(f) || Double.isInfinite(f) || f != Math.rint(f)) return false;
            return new java.math.BigDecimal(f).toBigIntegerExact().equals(IntType.toBig(i));
        }
        // a float against a non-number: only the reflection (FloatType.equals would come back here)
        if (ta == floats) return tb.equals(b, a);
        if (ta.equals(a, b)) return true;
        // the reflected comparison (b == a), as a rich comparison falls back to it: complex == int,
        // bytearray == bytes... (two language-level classes compare both ways in their own equals)
        return ta.getClass() != tb.getClass() && tb.equals(b, a);
    }

    /**
     * {@link #objectsEqual} of a key a container stores and {@code key}, the stored one held for the
     * comparison (its {@code __eq__} may remove it from the container: 3.11's lookups hold it).
     */
    public boolean equalHeld(long stored, long key) {
        incref(stored);
        try {
            return objectsEqual(stored, key);
        } finally {
            decref(stored);
        }
    }

    /** Element-wise equality of two arrays of {@code n} item pointers (list and tuple comparison). */
    public boolean itemArraysEqual(long itemsA, long itemsB, long n) {
        for (long i = 0; i < n; i++) {
            long x = Native.getLong(itemsA + 8 * i), y = Native.getLong(itemsB + 8 * i);
            if (x != y && !objectsEqual(x, y)) return false;
        }
        return true;
    }

    // ---- walking --------------------------------------------------------------------------------

    /** Visits every live object allocated in the arenas and large blocks (not the static ones). */
    public void forEachObject(LongConsumer visit) {
        allocator.forEachTagged((block, tag) -> visit.accept(block + Layout.preHeaderOfTag(tag)));
    }

    /** Visits every static object. */
    public void forEachStaticObject(LongConsumer visit) {
        for (long[] s : staticObjects) visit.accept(s[0]);
    }

    /** How many static objects there are. */
    public int staticObjectCount() { return staticObjects.size(); }

    /**
     * The live object whose allocated block holds {@code addr} (the object's address: greater than
     * {@code addr} when {@code addr} is in its pre-header), or else the static object whose first 8
     * bytes (ob_refcnt) hold it; -1 when {@code addr} is in an allocated block that is no object
     * (item arrays, dict keys: an object's internal storage); 0 when in no allocated block at all.
     */
    public long objectContaining(long addr) {
        long block = allocator.blockContaining(addr);
        if (block != 0) {
            int tag = allocator.tagOf(block);
            return tag == 0 ? -1 : block + Layout.preHeaderOfTag(tag);
        }
        long[] index = staticIndex();
        int i = Arrays.binarySearch(index, addr);
        if (i < 0) i = -i - 2;  // the last static object at or below addr
        return i >= 0 && addr < index[i] + 8 ? index[i] : 0;
    }

    /** The static objects' addresses in order, made again after one was added (a binary search's table). */
    private long[] staticIndex() {
        long[] index = staticIndex;
        if (index == null) {
            index = new long[staticObjects.size()];
            for (int i = 0; i < index.length; i++) index[i] = staticObjects.get(i)[0];
            Arrays.sort(index);
            staticIndex = index;
        }
        return index;
    }

    /**
     * True if {@code o} is the address of a live object of this heap (allocated, with its
     * pre-header's tag, or static). O(1) for allocated objects (the block tags), a binary search of the
     * static objects' sorted addresses otherwise: for checking addresses that come from outside (PyHeap.adopt).
     */
    public boolean isLiveObject(long o) {
        if (o <= 0 || (o & 7) != 0 || allocator.isClosed()) return false;
        for (int tag = Layout.TAG_PLAIN; tag <= Layout.TAG_MANAGED; tag++) {
            long block = o - Layout.preHeaderOfTag(tag);
            if ((block & 15) == 0 && allocator.isReadable(block, 16) && allocator.tagOf(block) == tag) return true;
        }
        return Arrays.binarySearch(staticIndex(), o) >= 0;
    }

    /** True if {@code len} bytes at {@code addr} may be read (ctypes' from_address). */
    public boolean isReadable(long addr, long len) { return allocator.isReadable(addr, len); }

    /** Clears every type's free list, freeing the parked objects (a full collection does this). */
    public void clearFreeLists() {
        floats.clearFreeList();
        tuples.clearFreeList();
        lists.clearFreeList();
        dicts.clearFreeList();
        for (Runnable r : freeListClearers) r.run();
    }

    /** The free lists of types outside this package (async generators' asend objects...), cleared with the others. */
    private final java.util.List<Runnable> freeListClearers = new java.util.ArrayList<>();

    /** Registers a free list {@link #clearFreeLists} empties. */
    public void addFreeListClearer(Runnable r) { freeListClearers.add(r); }

    /**
     * Parks fresh objects on the free lists, as objects freed earlier would be: {@code dicts} dicts,
     * {@code floats} floats, {@code lists} lists and {@code tuples[n - 1]} tuples of size n (on top
     * of what the lists hold). Each is allocated and freed like any other, so count0 moves up by
     * the GC objects parked (the caller may reset it).
     */
    public void prefillFreeLists(int dicts, int floats, int lists, int[] tuples) {
        java.util.List<Long> made = new java.util.ArrayList<>();
        for (int i = 0; i < dicts; i++) made.add(this.dicts.create(false));
        for (int i = 0; i < floats; i++) made.add(this.floats.of(0.0));
        for (int i = 0; i < lists; i++) made.add(this.lists.alloc(0, false));
        for (int n = 1; n <= tuples.length; n++) {
            for (int i = 0; i < tuples[n - 1]; i++) made.add(this.tuples.alloc(n));
        }
        for (int i = made.size() - 1; i >= 0; i--) decref(made.get(i));
    }

    /** The free-list lines of sys._debugmallocstats. */
    public String freeListStats() {
        StringBuilder out = new StringBuilder();
        dicts.appendFreeListStats(out);
        floats.appendFreeListStats(out);
        lists.appendFreeListStats(out);
        tuples.appendFreeListStats(out);
        return out.toString();
    }

    /** Live objects by type name (leak report). */
    public Map<String, Integer> liveObjectsByType() {
        Map<String, Integer> counts = new TreeMap<>();
        forEachObject(o -> counts.merge(typeOf(o).name(), 1, Integer::sum));
        return counts;
    }

    public boolean isClosed() { return allocator.isClosed(); }

    /**
     * Gives all of the heap's native memory back without deallocating anything: for a heap whose
     * program was abandoned mid-operation (refcounts may be off, a container half-built), where
     * {@link #close} would run deallocators on an inconsistent heap. No thread may use the heap
     * or any address from it afterwards.
     */
    public void abandon() {
        allocator.close();
    }

    /**
     * Clears the free lists, then returns all memory. Objects still alive are leaks: they are
     * reported in the thrown {@link HeapLeakException}, by type with counts, after the memory is
     * returned.
     */
    @Override
    public void close() {
        if (allocator.isClosed()) return;
        // the deep-frozen objects are never freed, but their references to heap objects go (the
        // static objects are not read again)
        long[] held = new long[16];
        int[] n = {0};
        long[][] box = {held};
        visitFrozenHolders((r, d) -> {
            if (n[0] == box[0].length) box[0] = Arrays.copyOf(box[0], 2 * n[0]);
            box[0][n[0]++] = r;
        });
        frozenHolderCount = 0;
        for (int i = 0; i < n[0]; i++) decref(box[0][i]);
        clearFreeLists();
        Map<String, Integer> leaked = liveObjectsByType();
        allocator.close();
        if (!leaked.isEmpty()) throw new HeapLeakException(leaked);
    }
}
