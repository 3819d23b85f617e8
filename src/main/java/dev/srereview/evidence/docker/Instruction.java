package dev.srereview.evidence.docker;

import java.util.List;
import java.util.Locale;

/**
 * One Dockerfile instruction after joining continuation lines.
 *
 * @param keyword   upper-case, e.g. {@code RUN}
 * @param args      the arguments joined into one line (continuations and inner comments removed)
 * @param line      1-based line of the keyword
 * @param physical  the raw lines it spans, first is {@code line}; used to point a finding at the exact line
 */
public record Instruction(String keyword, String args, int line, List<String> physical) {
    public Instruction {
        keyword = keyword.toUpperCase(Locale.ROOT);
        physical = List.copyOf(physical);
    }

    /** The physical line (1-based) whose text contains {@code token}, ignoring comment lines; the first line if none does. */
    public int lineOf(String token) {
        // Word boundaries so "torch" does not land on the "torchvision" line.
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "(?<![\\w.-])" + java.util.regex.Pattern.quote(token) + "(?![\\w.-])");
        for (int i = 0; i < physical.size(); i++) {
            String raw = physical.get(i).strip();
            if (i > 0 && raw.startsWith("#")) {
                continue;
            }
            if (p.matcher(raw).find()) {
                return line + i;
            }
        }
        return line;
    }

    public boolean is(String kw) {
        return keyword.equals(kw);
    }
}
