package dev.refheap.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.refheap.notebook.Notebook;
import dev.refheap.trace.TraceLimits;
import dev.refheap.trace.TraceRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * {@code refheap serve}: the time-travel heap page. A front end only: it serves the static page
 * (src/main/resources/web, no CDN, nothing fetched at run time) and records programs with
 * {@link TraceRun}; it depends on the language layers, never the reverse.
 *
 * <ul>
 *   <li>{@code GET /}, {@code /app.js}, {@code /app.css}: the page.</li>
 *   <li>{@code GET /api/examples}: the examples, the seed notebook first: [{name, kind, cells}].</li>
 *   <li>{@code POST /api/run} {name, kind: "script"|"notebook", cells: [source...]}: the trace
 *       record (docs/trace-format.md) as JSON.</li>
 * </ul>
 * Bounded: bodies over {@value #MAX_BODY} bytes are refused (413), one program runs at a time
 * (429 while busy), each in its own runtime and heap with the default {@link TraceLimits} and
 * sandboxed (no ctypes writes; refheap programs have no file or network access). Listens on
 * 127.0.0.1 only.
 */
public final class WebServer implements AutoCloseable {
    static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Semaphore running = new Semaphore(1);
    private final TraceLimits limits;
    private final Path examplesDir;

    public WebServer(int port, TraceLimits limits, Path examplesDir) throws IOException {
        this.limits = limits;
        this.examplesDir = examplesDir;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(null, r, "refheap-web", 1L << 29);  // the interpreter wants a deep stack
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() { return server.getAddress().getPort(); }

    public String url() { return "http://127.0.0.1:" + port() + "/"; }

    @Override
    public void close() { server.stop(0); }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            if (method.equals("GET") && (path.equals("/") || path.equals("/index.html"))) {
                resource(ex, "index.html", "text/html; charset=utf-8");
            } else if (method.equals("GET") && path.equals("/app.js")) {
                resource(ex, "app.js", "text/javascript; charset=utf-8");
            } else if (method.equals("GET") && path.equals("/app.css")) {
                resource(ex, "app.css", "text/css; charset=utf-8");
            } else if (method.equals("GET") && path.equals("/api/examples")) {
                send(ex, 200, "application/json", JSON.writeValueAsBytes(examples()));
            } else if (method.equals("POST") && path.equals("/api/run")) {
                run(ex);
            } else {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            }
        } catch (RuntimeException e) {
            send(ex, 500, "text/plain", ("refheap: " + e).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void run(HttpExchange ex) throws IOException {
        byte[] body = readBounded(ex.getRequestBody());
        if (body == null) {
            send(ex, 413, "text/plain", ("a program is limited to " + MAX_BODY + " bytes").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<?, ?> req;
        try {
            req = JSON.readValue(body, Map.class);
        } catch (IOException e) {
            send(ex, 400, "text/plain", "the request is not JSON".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Object cellsObj = req.get("cells");
        if (!(cellsObj instanceof List<?> cells) || cells.isEmpty() || cells.size() > 200 || !cells.stream().allMatch(c -> c instanceof String)) {
            send(ex, 400, "text/plain", "cells: a list of 1 to 200 sources".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String name = req.get("name") instanceof String s && s.length() < 200 ? s : "program.py";
        boolean notebook = "notebook".equals(req.get("kind"));
        if (!running.tryAcquire()) {
            send(ex, 429, "text/plain", "another program is running (or a stopped one is still giving its memory back); try again in a moment".getBytes(StandardCharsets.UTF_8));
            return;
        }
        // The next program is admitted when this one's thread is done with its heap, which for a
        // program given up at its time limit is after the response (TraceRun.record).
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable release = () -> { if (released.compareAndSet(false, true)) running.release(); };
        Map<String, Object> record;
        try {
            String source = notebook ? notebookJson(cells) : (String) cells.get(0);
            record = TraceRun.record(name, source, notebook, limits, true, rt -> { }, release);
        } catch (RuntimeException | IOException e) {
            release.run();
            throw e;
        }
        send(ex, 200, "application/json", JSON.writeValueAsBytes(record));
    }

    /** A minimal nbformat 4 notebook of code cells. */
    private static String notebookJson(List<?> cells) throws IOException {
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Object c : cells) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell_type", "code");
            m.put("execution_count", null);
            m.put("metadata", Map.of());
            m.put("outputs", List.of());
            m.put("source", c);
            cs.add(m);
        }
        return JSON.writeValueAsString(Map.of("cells", cs, "metadata", Map.of(), "nbformat", 4, "nbformat_minor", 5));
    }

    private List<Map<String, Object>> examples() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        Path seed = examplesDir == null ? null : examplesDir.resolve("memory-management.ipynb");
        if (seed != null && Files.isRegularFile(seed)) {
            Notebook nb = Notebook.read(Files.readAllBytes(seed));
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < nb.size(); i++) cells.add(nb.source(i));
            out.add(Map.of("name", "memory-management.ipynb", "kind", "notebook", "cells", cells));
        }
        for (String name : new String[] {"dict_cycle.py", "closures_and_generators.py", "finalizers_and_weakrefs.py"}) {
            try (InputStream in = WebServer.class.getResourceAsStream("/web/examples/" + name)) {
                if (in != null) out.add(Map.of("name", name, "kind", "script", "cells", List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8))));
            }
        }
        return out;
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_BODY + 1);
        return b.length > MAX_BODY ? null : b;
    }

    private static void resource(HttpExchange ex, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                send(ex, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            send(ex, 200, type, in.readAllBytes());
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }
}
