package dev.refheap.lang.ast;

import java.util.List;

/**
 * Python's {@code ast.arguments}. {@code kwDefaults} has one entry per keyword-only argument, null when
 * it has no default; {@code defaults} apply to the last positional parameters.
 */
public record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs,
                        List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults) {
    public static final Arguments EMPTY = new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of());
}
