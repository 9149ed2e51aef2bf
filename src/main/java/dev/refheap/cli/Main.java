package dev.refheap.cli;

/** Command-line entry point of refheap. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println("refheap 0.1.0 (CPython 3.11 memory semantics)");
            return;
        }
        HeapDemo.run(System.out);
    }
}
