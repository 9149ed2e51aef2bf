package dev.refheap.lang.ast;

import java.util.List;

/**
 * Python's {@code ast.pattern} nodes (the patterns of a {@code case} clause). Each record's components
 * are Python's fields in Python's order, followed by the node's {@link Pos}. Optional names are null
 * when absent ({@code MatchAs()} is the wildcard {@code _}).
 */
public sealed interface Pattern extends Node {

    /** A literal or dotted-name value, compared with ==. */
    record MatchValue(Expr value, Pos pos) implements Pattern {}

    /** None, True or False, compared with is; value is {@link Special#None} or a Boolean. */
    record MatchSingleton(Object value, Pos pos) implements Pattern {}

    record MatchSequence(List<Pattern> patterns, Pos pos) implements Pattern {}

    /** {@code rest} is the name after {@code **}, or null. */
    record MatchMapping(List<Expr> keys, List<Pattern> patterns, String rest, Pos pos) implements Pattern {}

    record MatchClass(Expr cls, List<Pattern> patterns, List<String> kwdAttrs, List<Pattern> kwdPatterns, Pos pos)
            implements Pattern {}

    /** {@code *name} in a sequence pattern; name null for {@code *_}. */
    record MatchStar(String name, Pos pos) implements Pattern {}

    /** {@code pattern as name}, a capture ({@code pattern} null) or the wildcard (both null). */
    record MatchAs(Pattern pattern, String name, Pos pos) implements Pattern {}

    record MatchOr(List<Pattern> patterns, Pos pos) implements Pattern {}
}
