package dev.srereview.evidence.common;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A regex searched only in text that holds one of its anchors: literals of which every match contains at least
 * one. Java's regex engine tries each alternative (and a {@code \b}) at every position of the text, which over a
 * repository's code took longer than the whole rule engine; one plain pass for the anchors first leaves the regex
 * the few files where it can match. Anchors are ASCII; with {@code ignoreCase} they are given in lower case and
 * matched in any case.
 */
public final class AnchoredPattern {
    private final Pattern pattern;
    private final String[] anchors;
    private final boolean ignoreCase;
    /** ASCII characters that start an anchor (lower case when ignoring case: the scan folds the text first). */
    private final boolean[] starts = new boolean[128];

    private AnchoredPattern(Pattern pattern, boolean ignoreCase, List<String> anchors) {
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.anchors = anchors.stream().map(a -> ignoreCase ? a.toLowerCase(Locale.ROOT) : a).toArray(String[]::new);
        if (this.anchors.length == 0) {
            throw new IllegalArgumentException("an anchored pattern needs at least one anchor");
        }
        for (String a : this.anchors) {
            char c = a.charAt(0);
            if (c >= 128) {
                throw new IllegalArgumentException("anchors are ASCII: " + a);
            }
            starts[c] = true;
        }
    }

    /** @param anchors literals of which every match of {@code regex} contains one (case as in the regex) */
    public static AnchoredPattern of(String regex, String... anchors) {
        return new AnchoredPattern(Pattern.compile(regex), false, List.of(anchors));
    }

    /** A case-insensitive regex; {@code anchors} are matched in any case too. */
    public static AnchoredPattern ignoringCase(String regex, String... anchors) {
        return new AnchoredPattern(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), true, List.of(anchors));
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean find(String text) {
        return text != null && hasAnchor(text) && pattern.matcher(text).find();
    }

    /**
     * Case-sensitive anchors: {@code String.indexOf} each. Ignoring case: one pass in which only where an anchor's
     * first character stands are the anchors compared; the text is copied out in chunks and case-folded, because
     * {@code String.charAt} per character costs several calls under the launcher's C1-only JIT (and lower-casing
     * the whole text first costs more than this pass).
     */
    boolean hasAnchor(String text) {
        if (!ignoreCase) {
            // String.indexOf is the JDK's fastest search, even under C1: one per anchor beats any loop here.
            for (String a : anchors) {
                if (text.indexOf(a) >= 0) {
                    return true;
                }
            }
            return false;
        }
        boolean[] st = starts;
        int n = text.length();
        char[] chunk = new char[Math.min(n, 8192)];
        for (int from = 0; from < n; from += chunk.length) {
            int len = Math.min(chunk.length, n - from);
            text.getChars(from, from + len, chunk, 0);
            if (ignoreCase) {
                for (int k = 0; k < len; k++) {
                    char c = chunk[k];
                    if (c >= 'A' && c <= 'Z') {
                        chunk[k] = (char) (c | 0x20);
                    }
                }
            }
            for (int k = 0; k < len; k++) {
                char c = chunk[k];
                if (c < 128 && st[c] && startsHere(text, chunk, len, from, k)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean startsHere(String text, char[] chunk, int len, int from, int k) {
        for (String a : anchors) {
            int m = a.length();
            if (k + m > len) { // runs past this chunk: compare on the text itself
                if (text.regionMatches(ignoreCase, from + k, a, 0, m)) {
                    return true;
                }
                continue;
            }
            int j = 0;
            while (j < m && chunk[k + j] == a.charAt(j)) {
                j++;
            }
            if (j == m) {
                return true;
            }
        }
        return false;
    }
}
