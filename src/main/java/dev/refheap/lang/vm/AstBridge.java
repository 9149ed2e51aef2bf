package dev.refheap.lang.vm;

/**
 * What {@code compile()} needs from the {@code _ast} module ({@code dev.refheap.lang.modules.ast},
 * loaded by name on first use as the importer is): refheap's parser trees as {@code ast} node
 * objects (PyCF_ONLY_AST), and node objects back as parser trees for the compiler. One per
 * runtime; the node classes it uses are the ones {@code import _ast} exposes.
 */
public interface AstBridge {
    /**
     * The tree ({@code lang.ast.Module} for 'exec', {@code lang.ast.Expression} for 'eval', a
     * Module whose body is an Interactive's for 'single') as a new {@code ast.mod} object.
     */
    long toPython(Object tree, String mode);

    /** True if {@code o} is an instance of {@code ast.AST} (or a subclass). */
    boolean isAst(long o);

    /**
     * An {@code ast.mod} object as refheap's tree for {@code mode} (Module for 'exec' and
     * 'single', Expression for 'eval'); a TypeError or ValueError as CPython's obj2ast and
     * validator raise them for a malformed tree.
     */
    Object fromPython(long o, String mode);
}
