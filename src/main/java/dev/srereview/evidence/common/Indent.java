package dev.srereview.evidence.common;

/** The leading spaces of a YAML line: what nests it under the keys above it (YAML indents with spaces only). */
public final class Indent {
    private Indent() {
    }

    public static int of(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }
}
