package dev.refheap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refheap.trace.TextTrace;
import dev.refheap.trace.TraceLimits;
import dev.refheap.trace.TraceRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code refheap trace FILE}: runs a script or notebook under the recorder and prints the record
 * as text (or writes it as JSON with {@code --json OUT}, format in docs/trace-format.md).
 */
@Command(name = "trace", description = "Record a script or notebook step by step (lines and collector phases).")
final class TraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    String file;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the record as JSON to OUT (- for stdout) instead of text.")
    String json;

    @Option(names = "--max-steps", paramLabel = "N", description = "Step limit (default 100000).")
    long maxSteps = TraceLimits.defaults().maxSteps();

    @Option(names = "--max-seconds", paramLabel = "S", description = "Wall-time limit in seconds (default 10).")
    double maxSeconds = TraceLimits.defaults().wallMillis() / 1000.0;

    @Option(names = "--max-heap", paramLabel = "SIZE", description = "Heap limit (default 256m); past it, MemoryError.")
    String maxHeap = "256m";

    @Override
    public Integer call() {
        byte[] bytes;
        String source;
        try {
            bytes = SourceFiles.bytes(file);
            source = file.endsWith(".ipynb") ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : SourceFiles.text(bytes, file);
        } catch (SourceFiles.Unreadable e) {
            System.err.println(e.getMessage());
            return e.status;
        }
        TraceLimits limits = TraceLimits.defaults().withSteps(maxSteps).withWallMillis((long) (maxSeconds * 1000))
                .withHeapBytes(RuntimeFlags.sizeOption(maxHeap));
        Map<String, Object> record;
        try {
            record = TraceRun.record(file, source, file.endsWith(".ipynb"), limits, false);
        } catch (IllegalArgumentException e) {
            System.err.println("refheap: " + file + ": " + e.getMessage());
            return 1;
        }
        Map<?, ?> ended = (Map<?, ?>) record.get("ended");
        if (json != null) {
            try {
                ObjectMapper m = new ObjectMapper();
                if (json.equals("-")) System.out.println(m.writeValueAsString(record));
                else m.writeValue(Path.of(json).toFile(), record);
            } catch (IOException e) {
                System.err.println("refheap: cannot write " + json + ": " + e.getMessage());
                return 1;
            }
            System.err.println("refheap: " + ((java.util.List<?>) record.get("steps")).size() + " steps recorded"
                    + (ended.get("message") != null ? "; " + ended.get("message") : "") + (json.equals("-") ? "" : " in " + json));
        } else {
            System.out.print(TextTrace.format(record));
        }
        if (!"finished".equals(ended.get("reason"))) {
            if (ended.get("message") != null) System.err.println("refheap: " + ended.get("message"));
            return 1;
        }
        return 0;
    }
}
