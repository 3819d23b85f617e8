package dev.srereview.review.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines of a markdown reply, each marked as inside a fenced code block or not, so that a {@code ## } or
 * {@code ### } inside a code sample is never taken for a heading.
 */
final class MdLines {
    private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})(.*)$");

    private final List<String> text;
    private final boolean[] code;

    private MdLines(List<String> text, boolean[] code) {
        this.text = text;
        this.code = code;
    }

    /** Marks fences; an opening fence that never closes is treated as text, so one stray ``` cannot eat the rest. */
    static MdLines of(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (open.matches()) {
                int close = findClose(lines, i + 1, open.group(1));
                if (close >= 0) {
                    for (int k = i; k <= close; k++) {
                        code[k] = true;
                    }
                    i = close + 1;
                    continue;
                }
            }
            i++;
        }
        return new MdLines(List.copyOf(lines), code);
    }

    private static int findClose(List<String> lines, int from, String opener) {
        char c = opener.charAt(0);
        for (int k = from; k < lines.size(); k++) {
            String t = lines.get(k).strip();
            if (t.length() >= opener.length() && t.chars().allMatch(ch -> ch == c)) {
                return k;
            }
        }
        return -1;
    }

    static boolean isFenceLine(String line) {
        return FENCE.matcher(line).matches();
    }

    int size() {
        return text.size();
    }

    String text(int i) {
        return text.get(i);
    }

    boolean code(int i) {
        return code[i];
    }

    boolean blank(int i) {
        return !code[i] && text.get(i).isBlank();
    }

    MdLines slice(int from, int to) {
        boolean[] part = new boolean[Math.max(0, to - from)];
        System.arraycopy(code, from, part, 0, part.length);
        return new MdLines(text.subList(from, to), part);
    }

    /** True when every line is blank. */
    boolean isBlank() {
        for (int i = 0; i < size(); i++) {
            if (!text.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The lines as one block: trailing spaces cut, runs of blank lines outside code collapsed to one,
     * blank lines at both ends dropped. The same text always cleans to the same block (round trips rely on it).
     */
    String cleaned() {
        return clean(text, code);
    }

    static String clean(List<String> lines, boolean[] codeFlags) {
        List<String> out = new ArrayList<>();
        boolean lastBlank = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripTrailing();
            boolean isCode = codeFlags != null && i < codeFlags.length && codeFlags[i];
            if (line.isEmpty() && !isCode) {
                if (!lastBlank) {
                    out.add("");
                }
                lastBlank = true;
                continue;
            }
            out.add(line);
            lastBlank = false;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return String.join("\n", out);
    }
}
