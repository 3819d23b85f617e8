package dev.srereview.evidence.common;

import dev.srereview.context.SourceFile;
import java.util.List;

/** Snippets for findings: the (already redacted) line, trimmed and capped so one minified line cannot flood a review. */
public final class Snippets {
    static final int MAX_CHARS = 200;

    private Snippets() {
    }

    public static String line(SourceFile file, int line) {
        return line(file.lines(), line);
    }

    public static String line(List<String> lines, int line) {
        if (line < 1 || line > lines.size()) {
            return "";
        }
        String s = lines.get(line - 1).strip();
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
    }
}
