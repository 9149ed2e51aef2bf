package dev.refheap.object;

/**
 * Holders of references from outside the heap's objects: the embedder's handles, the VM's frames
 * and value stack, the runtime's own hold on static objects. The heap verifier adds what they
 * report to the references it finds between objects, and expects every refcount to equal the sum.
 */
@FunctionalInterface
public interface RootProvider {
    /** Reports each held reference: {@code count} references to {@code o}. */
    void visitRoots(RootVisitor visitor);

    @FunctionalInterface
    interface RootVisitor {
        void root(long o, long count);
    }
}
