package dev.refheap.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command lines that pass arguments on to the program, as python3's do: {@code -m MODULE
 * ARGS...}, {@code -c CODE ARGS...}, {@code run FILE.py ARGS...} and {@code FILE.py ARGS...}, each
 * after any of the shared options ({@code --gc-stress}, {@code --max-heap SIZE}, {@code --stdlib
 * DIR}, {@code --startup KIND}) and python3's start-up options ({@code -S -s -E -I -u -B}, {@code -X OPT}, {@code -W ARG}). Everything after
 * the module, code or file is the program's (sys.argv), options included. Other command lines are
 * left to picocli (null).
 */
record ScriptLine(String mode, String target, List<String> args, RuntimeFlags flags) {
    /** refheap's own commands: a first word that is one of them is the command, not a program file. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("run", "dis", "repl", "demo", "trace", "serve", "help");

    static ScriptLine parse(String[] argv) {
        RuntimeFlags flags = new RuntimeFlags();
        int i = 0;
        boolean sawRun = false;
        while (i < argv.length) {
            String a = argv[i];
            if (a.equals("--gc-stress")) {
                flags.gcStress = true;
                i++;
            } else if ((a.equals("--max-heap") || a.equals("--stdlib") || a.equals("--startup")) && i + 1 < argv.length) {
                if (a.equals("--max-heap")) flags.maxHeap = argv[i + 1];
                else if (a.equals("--stdlib")) flags.stdlib = argv[i + 1];
                else flags.startup = argv[i + 1];
                i += 2;
            } else if (a.startsWith("--startup=")) {
                flags.startup = a.substring("--startup=".length());
                i++;
            } else if (a.startsWith("--max-heap=")) {
                flags.maxHeap = a.substring("--max-heap=".length());
                i++;
            } else if (a.startsWith("--stdlib=")) {
                flags.stdlib = a.substring("--stdlib=".length());
                i++;
            } else if ((a.equals("-X") || a.equals("-W")) && i + 1 < argv.length) {
                (a.equals("-X") ? flags.xOptions : flags.warnOptions).add(argv[i + 1]);
                i += 2;
            } else if ((a.startsWith("-X") || a.startsWith("-W")) && a.length() > 2) {
                (a.startsWith("-X") ? flags.xOptions : flags.warnOptions).add(a.substring(2));
                i++;
            } else if (a.length() >= 2 && a.charAt(0) == '-' && a.charAt(1) != '-' && startFlags(a, flags)) {
                i++;  // -S, -s, -E, -I, -u, -B, or several together (-IS) as python3 takes them
            } else if (a.equals("run") && !sawRun) {
                sawRun = true;
                i++;
            } else {
                break;
            }
        }
        if (i >= argv.length) return null;
        String a = argv[i];
        List<String> rest = new ArrayList<>(Arrays.asList(argv).subList(Math.min(i + 2, argv.length), argv.length));
        if (!sawRun && (a.equals("-m") || a.equals("-c")) && i + 1 < argv.length) return new ScriptLine(a, argv[i + 1], rest, flags);
        if (!sawRun && a.startsWith("-m") && a.length() > 2) {
            return new ScriptLine("-m", a.substring(2), new ArrayList<>(Arrays.asList(argv).subList(i + 1, argv.length)), flags);
        }
        // python3's `python FILE ARGS...`: a first word that is neither an option nor a command is the program
        if ((sawRun || !COMMANDS.contains(a)) && !a.startsWith("-") && !a.endsWith(".ipynb")) {
            return new ScriptLine("run", a, new ArrayList<>(Arrays.asList(argv).subList(i + 1, argv.length)), flags);
        }
        return null;
    }

    /** Sets the start-up flags a word such as "-IS" names; false (nothing set) unless every letter is one. */
    private static boolean startFlags(String word, RuntimeFlags flags) {
        for (int k = 1; k < word.length(); k++) if ("SsEIuB".indexOf(word.charAt(k)) < 0) return false;
        for (int k = 1; k < word.length(); k++) flags.setStartFlag(word.charAt(k));
        return true;
    }
}
