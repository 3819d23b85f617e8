package dev.srereview.review.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line endings normalised and the one outer code fence models like to wrap a review in taken off. */
final class ReplyText {
    private static final Pattern OUTER_OPEN = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*(markdown|md|text|)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern THINK = Pattern.compile("^\\s*<(think|thinking|reasoning)>.*?</\\1>\\s*",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_HEADING = Pattern.compile("^\\s{0,3}#{1,2}\\s+\\S.*$");

    private ReplyText() {
    }

    /** The reply's lines, ready for {@link MdLines}; notes what was dropped into {@code warnings}. */
    static List<String> lines(String raw, List<String> warnings) {
        String text = raw == null ? "" : raw;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        Matcher think = THINK.matcher(text);
        if (think.find()) {
            // reasoning models served by Ollama or vLLM put their thinking first; its "##" lines are not the review
            text = text.substring(think.end());
            warnings.add("dropped the model's <think> block before the review");
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        return unwrap(lines, warnings);
    }

    /**
     * A fence counts as the outer wrapper when it opens before any section heading, is plain or
     * {@code markdown}, and a section heading follows it; it closes at the last bare fence line. The
     * persona's own example nests fences inside that wrapper, so pairing fences would go wrong here.
     */
    private static List<String> unwrap(List<String> lines, List<String> warnings) {
        int open = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (SECTION_HEADING.matcher(line).matches()) {
                return lines;
            }
            if (OUTER_OPEN.matcher(line).matches()) {
                open = i;
                break;
            }
            if (MdLines.isFenceLine(line)) {
                return lines;
            }
        }
        if (open < 0 || !headingFollows(lines, open + 1)) {
            return lines;
        }
        String fence = lines.get(open).strip().replaceAll("[^`~]", "");
        int close = -1;
        for (int i = lines.size() - 1; i > open; i--) {
            String t = lines.get(i).strip();
            if (t.equals(fence) || (t.length() >= 3 && t.chars().allMatch(c -> c == fence.charAt(0)))) {
                close = i;
                break;
            }
        }
        List<String> inner = new ArrayList<>(lines.subList(0, open));
        inner.addAll(lines.subList(open + 1, close < 0 ? lines.size() : close));
        if (close >= 0 && lines.subList(close + 1, lines.size()).stream().anyMatch(l -> !l.isBlank())) {
            warnings.add("dropped text after the review's closing code fence");
        }
        return inner;
    }

    private static boolean headingFollows(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return SECTION_HEADING.matcher(lines.get(i)).matches()
                        || lines.get(i).strip().startsWith("###");
            }
        }
        return false;
    }
}
