package dev.refheap.object;

/**
 * Holders of references from outside the heap's objects: the embedder's handles, the VM's frames
 * and value stack, the runtime's own hold on static objects. The heap verifier adds what they
 * report to the references it finds between objects, and expects every refcount to equal the sum.
 * Each provider can also say who holds each reference ({@link #visitDescribedRoots}), which
 * refcount provenance ({@code refheap.holders}) reports; the counts are the same either way.
 */
@FunctionalInterface
public interface RootProvider {
    /** Reports each held reference: {@code count} references to {@code o}. */
    void visitRoots(RootVisitor visitor);

    /**
     * Reports the same references as {@link #visitRoots}, each with its holder ("local 'x' in f()",
     * "sys.modules['m']"). Default: every reference described by {@link #rootDescription}.
     */
    default void visitDescribedRoots(DescribedRootVisitor visitor) {
        String d = rootDescription();
        visitRoots((o, n) -> visitor.root(o, n, d));
    }

    /** A name for this provider's references when it has no finer description. */
    default String rootDescription() { return "a root held by the runtime"; }

    @FunctionalInterface
    interface RootVisitor {
        void root(long o, long count);
    }

    @FunctionalInterface
    interface DescribedRootVisitor {
        void root(long o, long count, String holder);
    }
}
