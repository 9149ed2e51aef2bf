package dev.refheap.cli;

/** Command-line entry point of refheap. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("refheap 0.1.0 (CPython 3.11 memory semantics)");
    }
}
