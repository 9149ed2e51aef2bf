package dev.refheap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code refheap demo}: the heap through its Java API, without the language. */
@Command(name = "demo", description = "Show the heap through its Java API (the seed notebook's story).")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        HeapDemo.run(System.out);
        return 0;
    }
}
