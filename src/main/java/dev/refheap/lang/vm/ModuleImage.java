package dev.refheap.lang.vm;

import dev.refheap.object.PyType;
import java.util.List;

/**
 * A native module's per-runtime state ({@link VmApi#moduleState}) that a start-up image can carry
 * (docs/architecture.md, "Start-up image"). The image records the state's Java-only values and
 * where its types are; a runtime adopting the image makes the state again from those values
 * without touching the heap ({@link ImportSystem#restoreModuleState}), its types' descriptors
 * included (each adopted at its index, its type object being the image's), and then the module's
 * functions from its table as the module's setup defines them.
 *
 * <p>Invariant: the state made again from {@link #imageValues} and the image's objects holds what
 * the image-maker's state held, field for field; every type the module registered is in
 * {@link #imageTypes}, at the same place in both runtimes.
 */
public interface ModuleImage {
    /** The types the module registered ({@link VmApi#registerType}), in an order the restored state lists them in too. */
    List<? extends PyType> imageTypes();

    /**
     * The state's values that live only in Java (counters, addresses of objects it holds, in an
     * order its restore reads them).
     *
     * @throws IllegalStateException naming what the state holds that an image cannot carry
     */
    long[] imageValues();
}
