package dev.srereview.review.offline;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.review.Citation;
import dev.srereview.review.parse.Citations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from findings goes into the review as prose; a backticked span there that reads as a file path but
 * is not in the tree would be a dangling citation. Such spans lose their backticks; real paths keep them.
 */
final class SafeText {
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");

    private final RepoSnapshot snapshot;

    SafeText(RepoSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    String prose(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = SPAN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String span = m.group(1);
            boolean dangling = Citations.parse(span).map(Citation::path).map(p -> !snapshot.exists(p)).orElse(false);
            m.appendReplacement(sb, Matcher.quoteReplacement(dangling ? span : m.group()));
        }
        m.appendTail(sb);
        return sb.toString().strip();
    }

    /** {@code `path:line`} for a location the snapshot has; plain text otherwise. */
    String cite(String path, int line) {
        String loc = line > 0 ? path + ":" + line : path;
        return snapshot.exists(path) ? "`" + loc + "`" : loc;
    }

    /** A fenced block whose fence is longer than any backtick run inside it. */
    static String fence(String lang, String code) {
        String fence = "```";
        while (code.contains(fence)) {
            fence += "`";
        }
        return fence + lang + "\n" + code.strip() + "\n" + fence;
    }
}
