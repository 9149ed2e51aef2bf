package dev.refheap.web;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refheap.trace.TraceLimits;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server without a browser: it listens on the loopback address only, accepts only bounded
 * requests, runs one program at a time in its own heap with the limits, sandboxed, and the page
 * it serves fetches nothing from elsewhere.
 */
@SuppressWarnings("unchecked")
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The limits: a small heap; a time limit generous for a loaded machine, and a short one for the spinning program. */
    private static WebServer server, quick;

    @BeforeAll
    static void start() throws Exception {
        server = new WebServer(0, TraceLimits.defaults().withWallMillis(60_000).withHeapBytes(2L << 20), null);
        quick = new WebServer(0, TraceLimits.defaults().withWallMillis(1500), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (quick != null) quick.close();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return post(server, body);
    }

    private static HttpResponse<String> post(WebServer server, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "api/run")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> run(String program) throws Exception {
        HttpResponse<String> r = post(JSON.writeValueAsString(Map.of("name", "p.py", "kind", "script", "cells", List.of(program))));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readValue(r.body(), Map.class);
    }

    @Test
    void listensOnTheLoopbackAddressOnly() {
        assertTrue(server.url().startsWith("http://127.0.0.1:"), server.url());
    }

    @Test
    void refusesUnboundedOrMalformedRequests() throws Exception {
        assertEquals(413, post("x".repeat(WebServer.MAX_BODY + 1)).statusCode(), "a body past the bound");
        assertEquals(400, post("not json").statusCode());
        assertEquals(400, post("{\"cells\": []}").statusCode());
        assertEquals(400, post("{\"cells\": [1]}").statusCode());
        assertEquals(400, post(JSON.writeValueAsString(Map.of("cells", java.util.Collections.nCopies(201, "x = 1")))).statusCode(), "at most 200 cells");
        assertEquals(404, HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "../etc/passwd")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void oneProgramAtATimeEachInItsOwnHeapWithTheLimits() throws Exception {
        HttpResponse<String> second = null, firstDone = null;
        for (int attempt = 0; attempt < 5 && (second == null || second.statusCode() != 429); attempt++) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return post(quick, JSON.writeValueAsString(Map.of("cells", List.of("while True:\n    pass\n"))));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);  // the spinning program has its time (1.5 s) to run; the next one is refused meanwhile
            second = post(quick, JSON.writeValueAsString(Map.of("cells", List.of("x = 1\n"))));
            firstDone = first.get();
        }
        assertEquals(429, second.statusCode(), "a second program while one runs");
        assertEquals(200, firstDone.statusCode());
        Map<String, Object> r = JSON.readValue(firstDone.body(), Map.class);
        Map<String, Object> ended = (Map<String, Object>) r.get("ended");
        assertEquals("limit", ended.get("reason"));
        assertTrue(((String) ended.get("message")).contains("time limit"), ended.toString());
        assertEquals(1500, ((Map<String, Object>) r.get("limits")).get("wallMillis"));
        // the heap limit is the server's: a MemoryError with its traceback, not the machine's memory
        Map<String, Object> big = run("x = []\nwhile True:\n    x.append([0] * 1000)\n");
        assertTrue(String.valueOf(((Map<String, Object>) big.get("ended")).get("error")).contains("MemoryError"), big.get("ended").toString());
        // and each program starts in a fresh heap: nothing of the previous one is there
        Map<String, Object> fresh = run("print('x' in globals())\n");
        assertEquals("False\n", fresh.get("stdout"));
    }

    @Test
    void programsFromThePageHaveNoFileOrNetworkAccess() throws Exception {
        Map<String, Object> open = run("open('/etc/passwd').read()\n");
        assertTrue(String.valueOf(((Map<String, Object>) open.get("ended")).get("error"))
                .contains("PermissionError: refheap serve does not let programs open files: '/etc/passwd'"), open.get("ended").toString());
        Map<String, Object> socket = run("import socket\nsocket.create_connection(('example.com', 80))\n");
        assertTrue(String.valueOf(((Map<String, Object>) socket.get("ended")).get("error"))
                .contains("ImportError: refheap serve does not let programs import '_socket'"), socket.get("ended").toString());
    }

    @Test
    void thePageFetchesNothingFromElsewhere() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(server.url())).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'", page.headers().firstValue("Content-Security-Policy").orElse(""));
        for (String name : List.of("index.html", "app.js", "app.css")) {
            try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(text.matches("(?s).*(src|href)\\s*=\\s*[\"']?(https?:)?//.*"), name + " loads something from another host");
                assertFalse(text.contains("fetch(\"http") || text.contains("fetch('http"), name);
            }
        }
    }
}
