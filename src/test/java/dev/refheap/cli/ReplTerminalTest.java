package dev.refheap.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL on a real pseudo-terminal: {@code src/test/pty/pty_session.py} (python3's pty module)
 * starts {@code refheap repl} in its own JVM on a pty, types lines, sends Ctrl-C and Ctrl-D, and
 * returns everything the terminal showed. Where the issue asks for python3's behaviour, the same
 * keystrokes go to {@code python3 -q} and the two screens must read the same (escape sequences,
 * carriage returns and refheap's banner aside).
 */
class ReplTerminalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DRIVER = Path.of("src/test/pty/pty_session.py");
    private static final String BANNER = "refheap 0.1.0 (CPython 3.11 memory semantics). Ctrl-D to exit.\n";

    @TempDir
    Path home;

    record Session(boolean ok, String error, Integer status, String screen) {}

    @BeforeAll
    static void needsPython3() throws Exception {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import pty").redirectErrorStream(true).start();
            present = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        }
        assumeTrue(present, "python3 with the pty module drives the terminal");
    }

    /** A list of steps for the driver: strings starting with "> " are sent, "? " expected, "sleep N", "eof". */
    private static ArrayNode steps(String... steps) {
        ArrayNode a = JSON.createArrayNode();
        for (String s : steps) {
            if (s.startsWith("> ")) a.addObject().put("send", s.substring(2).replace("\n", "\r"));
            else if (s.startsWith("? ")) a.addObject().put("expect", s.substring(2)).put("timeout", 60);
            else if (s.startsWith("sleep ")) a.addObject().put("sleep", Double.parseDouble(s.substring(6)));
            else if (s.equals("eof")) a.addObject().put("eof", true).put("timeout", 60);
            else throw new IllegalArgumentException(s);
        }
        return a;
    }

    private Session drive(List<String> command, ArrayNode steps) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("python3", DRIVER.toAbsolutePath().toString(), JSON.writeValueAsString(steps), "--"));
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("PYTHONSTARTUP");
        pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the driver finished");
        JsonNode r = JSON.readTree(new String(out, StandardCharsets.UTF_8));
        return new Session(r.get("ok").asBoolean(), r.get("error").asText(), r.get("status").isNull() ? null : r.get("status").asInt(),
                screen(r.get("transcript").asText()));
    }

    private Session refheap(ArrayNode steps) throws Exception {
        return drive(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                dev.refheap.CrashGuard.errorFileFlag(), "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "repl"), steps);
    }

    private Session python3(ArrayNode steps) throws Exception {
        return drive(List.of("python3", "-q", "-I"), steps);
    }

    /**
     * What a reader sees: the output played on a small terminal model (carriage return, newline,
     * backspace, cursor up/forward, erase to end of line; other escape sequences have no text).
     */
    static String screen(String raw) {
        List<StringBuilder> lines = new ArrayList<>();
        lines.add(new StringBuilder());
        int row = 0, col = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u001b') {
                int j = i + 1;
                if (j < raw.length() && raw.charAt(j) == '[') {
                    int k = j + 1;
                    while (k < raw.length() && (Character.isDigit(raw.charAt(k)) || raw.charAt(k) == ';' || raw.charAt(k) == '?')) k++;
                    if (k >= raw.length()) break;
                    String arg = raw.substring(j + 1, k);
                    int n = arg.isEmpty() || !arg.chars().allMatch(Character::isDigit) ? 1 : Integer.parseInt(arg);
                    switch (raw.charAt(k)) {
                        case 'A' -> row = Math.max(0, row - n);
                        case 'C' -> col += n;
                        case 'D' -> col = Math.max(0, col - n);
                        case 'K' -> { StringBuilder l = lines.get(row); if (l.length() > col) l.setLength(col); }
                        default -> { }
                    }
                    i = k;
                } else {
                    i = j;  // ESC = , ESC > and the like
                }
            } else if (c == '\r') {
                col = 0;
            } else if (c == '\n') {
                row++;
                col = 0;
                while (lines.size() <= row) lines.add(new StringBuilder());
            } else if (c == '\b') {
                col = Math.max(0, col - 1);
            } else if (c >= ' ' || c == '\t') {
                StringBuilder l = lines.get(row);
                while (l.length() < col) l.append(' ');
                if (col < l.length()) l.setCharAt(col, c);
                else l.append(c);
                col++;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            out.append(lines.get(i));
            if (i < lines.size() - 1) out.append('\n');
        }
        return out.toString();
    }

    private static void assertSameAsPython3(Session python3, Session refheap) {
        assertTrue(python3.ok, "python3: " + python3.error + "\n" + python3.screen);
        assertTrue(refheap.ok, "refheap: " + refheap.error + "\n" + refheap.screen);
        assertTrue(refheap.screen.startsWith(BANNER), refheap.screen);
        assertEquals(python3.screen, refheap.screen.substring(BANNER.length()));
        assertEquals(python3.status, refheap.status, "exit status");
    }

    @Test
    void aSessionReadsLikePython3s() throws Exception {
        ArrayNode s = steps("? >>> ", "> x = 6 * 7\n", "? >>> ", "> x\n", "? >>> ", "> None\n", "? >>> ", "> x, 'a', [None]\n", "? >>> ",
                "> def f(n):\n", "? ... ", ">     return n + 1\n", "? ... ", "> \n", "? >>> ", "> f(x)\n", "? >>> ",
                "> for i in range(2):\n", "? ... ", ">     print(i)\n", "? ... ", "> \n", "? >>> ",
                "> if x > 40:\n", "? ... ", ">     y = 'big'\n", "? ... ", "> else:\n", "? ... ", ">     y = 'small'\n", "? ... ", "> \n", "? >>> ",
                "> y\n", "? >>> ", "> while False: pass\n", "? ... ", "> \n", "? >>> ",
                "> t = (1,\n", "? ... ", "> 2)\n", "? >>> ", "> t\n", "? >>> ",
                "> 1 / 0\n", "? >>> ", "> undefined_name\n", "? >>> ", "> x = 1 +\n", "? >>> ", "> x\n", "? >>> ",
                "> print('!bang', 3 != 4)\n", "? >>> ", "> \u0004", "eof");
        Session r = refheap(s);
        assertSameAsPython3(python3(s), r);
        assertEquals(0, r.status);
        assertTrue(r.screen.contains(">>> x\n42\n>>> None\n>>> "), "echo of the value, not of None:\n" + r.screen);
        assertTrue(r.screen.contains("ZeroDivisionError: division by zero\n>>> undefined_name\n"), r.screen);
    }

    @Test
    void ctrlCAtThePromptDropsTheInput() throws Exception {
        // each Ctrl-C waits until the program sits in its line reader: python3's readline can swallow one typed ahead
        ArrayNode s = steps("? >>> ", "> x = 1\n", "? >>> ", "> x = 2", "sleep 1", "> \u0003", "? KeyboardInterrupt", "? >>> ",
                "> def g():\n", "? ... ", ">     return 5\n", "? ... ", "sleep 0.5", "> \u0003", "? KeyboardInterrupt", "? >>> ",
                "> x\n", "? >>> ", "> \u0004", "eof");
        Session r = refheap(s);
        assertSameAsPython3(python3(s), r);
        assertTrue(r.screen.endsWith(">>> x\n1\n>>> \n"), r.screen);
    }

    @Test
    void ctrlCInterruptsRunningCodeAndKeepsTheSession() throws Exception {
        ArrayNode s = steps("? >>> ", "> x = 'kept'\n", "? >>> ", "> while True: pass\n", "? ... ", "> \n", "sleep 1.5", "> \u0003",
                "? KeyboardInterrupt", "? >>> ",
                "> def spin():\n", "? ... ", ">     n = 0\n", "? ... ", ">     while True:\n", "? ... ", ">         n += 1\n", "? ... ", "> \n", "? >>> ",
                "> spin()\n", "sleep 1.5", "> \u0003", "? KeyboardInterrupt", "? >>> ",
                "> import time\n", "? >>> ", "> time.sleep(30)\n", "sleep 1", "> \u0003", "? KeyboardInterrupt", "? >>> ",
                "> x\n", "? >>> ", "> \u0004", "eof");
        Session r = refheap(s);
        assertSameAsPython3(python3(s), r);
        assertTrue(r.screen.contains("^CTraceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                + "  File \"<stdin>\", line 3, in spin\nKeyboardInterrupt\n>>> "), r.screen);
        assertTrue(r.screen.endsWith(">>> x\n'kept'\n>>> \n"), r.screen);
    }

    @Test
    void bug_inputReadsThroughTheReplsLineReader() throws Exception {
        ArrayNode s = steps("? >>> ", "> s = input('name? ')\n", "? ')", "? name? ", "> bob\n", "? >>> ", "> s\n", "? 'bob'", "? >>> ",
                "> input()\n", "sleep 0.5", "> \u0004", "? EOFError", "? >>> ", "> s\n", "? 'bob'", "? >>> ", "> \u0004", "eof");
        // the prompt is awaited after the typed line's echo: "name? " alone matched that echo, so
        // "bob" could be typed before input() had its line reader (echoed by the terminal, under load)
        Session r = refheap(s);
        // python3's readline redraws its prompt in ways this screen model does not follow: refheap's screen is checked as it should read
        assertTrue(r.ok, r.error + "\n" + r.screen);
        assertEquals(BANNER + ">>> s = input('name? ')\nname? bob\n>>> s\n'bob'\n>>> input()\nTraceback (most recent call last):\n"
                + "  File \"<stdin>\", line 1, in <module>\nEOFError\n>>> s\n'bob'\n>>> \n", r.screen);
        assertEquals(0, r.status);
    }

    @Test
    void systemExitEndsTheSessionWithItsStatus() throws Exception {
        ArrayNode s = steps("? >>> ", "> raise SystemExit(3)\n", "eof");
        assertSameAsPython3(python3(s), refheap(s));
    }

    @Test
    void historyRecallsEarlierLinesAndOutlivesTheSession() throws Exception {
        Session r = refheap(steps("? >>> ", "> n = 20\n", "? >>> ", "> n = n + 1\n", "? >>> ", "> \u001bOA\n", "? >>> ", "> n\n", "? 22",
                "? >>> ", "> \u0004", "eof"));
        assertTrue(r.ok, r.error + "\n" + r.screen);
        assertEquals(0, r.status);
        assertTrue(Files.readString(home.resolve(".refheap_history")).contains("n = n + 1"), "history file");
        Session again = refheap(steps("? >>> ", "> \u001bOA\n", "? >>> ", "> \u0004", "eof"));
        assertTrue(again.ok, again.error + "\n" + again.screen);
        assertTrue(again.screen.contains(">>> n\nTraceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n"
                + "NameError: name 'n' is not defined\n"), "a new session recalls the last line from the file:\n" + again.screen);
    }

    @Test
    void gcStressWorksAtThePrompt() throws Exception {
        ArrayNode s = steps("? >>> ", "> class C:\n", "? ... ", ">     def __init__(self):\n", "? ... ", ">         self.me = self\n", "? ... ",
                "> \n", "? >>> ", "> for i in range(30): C()\n", "? ... ", "> \n", "? >>> ", "> len([C() for i in range(5)])\n", "? 5", "? >>> ",
                "> \u0004", "eof");
        Session r = drive(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                dev.refheap.CrashGuard.errorFileFlag(), "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--gc-stress", "repl"), s);
        assertTrue(r.ok, r.error + "\n" + r.screen);
        assertEquals(0, r.status);
        assertFalse(r.screen.contains("verification failed"), r.screen);
    }
}
