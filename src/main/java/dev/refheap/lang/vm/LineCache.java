package dev.refheap.lang.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The source lines a traceback shows: what CPython's {@code linecache} gives its traceback module,
 * for the sources this runtime compiled (scripts, notebook cells, REPL inputs, {@code -c} programs,
 * refheap's own Python-source modules). A later source compiled under the same name replaces the
 * earlier one, as a file read again would.
 *
 * <p>Lines are split as Python reads text (universal newlines: {@code \r\n}, {@code \r} and
 * {@code \n}), a UTF-8 BOM is dropped, and every line is returned with a trailing {@code \n}, as
 * linecache guarantees (the traceback module's caret placement depends on that character). A file
 * that was never compiled here (code from {@code compile()}, as runpy and importlib loaders make it)
 * is read from the file system as CPython's traceback printer reads it ({@link #fileReader}: the
 * name as a path, else its last part under each sys.path entry); a name in angle brackets, a file
 * not found, or a line number outside it, gives {@code ""}: no source line is shown, and no markers.
 *
 * <p>State: a map from file name to the source text; the text is split into lines the first time a
 * line of it is asked for. Lines read from files are not kept (the printer reads the file each time).
 */
final class LineCache {
    private final Map<String, String> sources = new HashMap<>();
    private final Map<String, List<String>> lines = new HashMap<>();

    /** Records {@code source} as the text of {@code filename}. */
    void register(String filename, String source) {
        lines.remove(filename);
        if (dev.refheap.lang.lexer.UndecodableBytes.any(source, 0, source.length())) {
            sources.remove(filename);  // a file declared UTF-8 that is not: linecache cannot decode it, so no lines
            return;
        }
        sources.put(filename, source);
    }

    /**
     * The sources an adopted start-up image carried ({@link #sources} of its maker), in place of
     * what was registered under their names: each passed {@link #register}'s check in the maker, so
     * none is checked again (the check reads every char of about 220,000 after CPython's start-up).
     */
    void restore(Map<String, String> carried) {
        carried.forEach((filename, source) -> {
            lines.remove(filename);
            sources.put(filename, source);
        });
    }

    /** The text registered for {@code filename}, or null. */
    String source(String filename) { return sources.get(filename); }

    /** Every file name with its source, in name order (the start-up image carries them). */
    java.util.SortedMap<String, String> sources() { return new java.util.TreeMap<>(sources); }

    /** Reads line {@code lineno} of a file not compiled here (with its newline, or ""); null: none are read. */
    private java.util.function.BiFunction<String, Integer, String> fileReader;

    void setFileReader(java.util.function.BiFunction<String, Integer, String> reader) { fileReader = reader; }

    /** linecache.getline: line {@code lineno} (1-based) of {@code filename} with its newline, or "". */
    String getline(String filename, int lineno) {
        List<String> ls = lines.get(filename);
        if (ls == null) {
            String src = sources.get(filename);
            if (src == null) {
                if (fileReader == null || filename.startsWith("<") && filename.endsWith(">")) return "";
                return fileReader.apply(filename, lineno);
            }
            ls = split(src);
            lines.put(filename, ls);
        }
        return lineno >= 1 && lineno <= ls.size() ? ls.get(lineno - 1) : "";
    }

    static List<String> split(String src) {
        if (src.startsWith("\uFEFF")) src = src.substring(1);
        List<String> out = new ArrayList<>();
        int start = 0, n = src.length();
        for (int i = 0; i < n; i++) {
            char c = src.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(src.substring(start, i) + "\n");
                if (c == '\r' && i + 1 < n && src.charAt(i + 1) == '\n') i++;
                start = i + 1;
            }
        }
        if (start < n) out.add(src.substring(start) + "\n");
        return out;
    }
}
