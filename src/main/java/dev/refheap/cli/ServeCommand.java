package dev.refheap.cli;

import dev.refheap.trace.TraceLimits;
import dev.refheap.web.WebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refheap serve [--port N]}: the time-travel heap page on 127.0.0.1; prints its URL and serves until stopped. */
@Command(name = "serve", description = "Serve the heap visualizer page on 127.0.0.1 (prints its URL).")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "N", description = "Port (default 8000; 0 picks a free one).")
    int port = 8000;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WebServer server;
        try {
            server = new WebServer(port, TraceLimits.defaults(), examplesDir());
        } catch (java.net.BindException e) {
            System.err.println("refheap: port " + port + " is in use (try --port 0 for a free one)");
            return 1;
        }
        System.out.println("refheap: serving the heap visualizer at " + server.url() + " (Ctrl-C stops)");
        System.out.flush();
        Thread.currentThread().join();
        return 0;
    }

    /** examples/ beside the jar's target/ (a checkout), else under the working directory. */
    static Path examplesDir() {
        try {
            Path jar = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent() == null ? null : jar.getParent().resolveSibling("examples");
            if (dir != null && Files.isDirectory(dir)) return dir;
        } catch (Exception e) {
            // fall through
        }
        return Path.of("examples");
    }
}
