package dev.srereview.review.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ATX headings ({@code ## Title}), read only outside fenced code. */
final class Headings {
    private static final Pattern ATX = Pattern.compile("^\\s{0,3}(#{1,6})(?:\\s+(.*?))?\\s*$");
    private static final Pattern CLOSING_HASHES = Pattern.compile("\\s+#+$");
    private static final Pattern THEMATIC_BREAK = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");

    private Headings() {
    }

    /** The heading level of line i, or 0 when it is not a heading (or sits in a code block). */
    static int level(MdLines lines, int i) {
        if (lines.code(i)) {
            return 0;
        }
        Matcher m = ATX.matcher(lines.text(i));
        return m.matches() ? m.group(1).length() : 0;
    }

    /** The heading's text without the hashes (also without optional closing hashes). */
    static String text(MdLines lines, int i) {
        Matcher m = ATX.matcher(lines.text(i));
        if (!m.matches() || m.group(2) == null) {
            return "";
        }
        return CLOSING_HASHES.matcher(m.group(2)).replaceFirst("").strip();
    }

    /** A {@code ---} / {@code ***} rule: models put them between sections and risks; it carries nothing. */
    static boolean thematicBreak(MdLines lines, int i) {
        return !lines.code(i) && THEMATIC_BREAK.matcher(lines.text(i)).matches();
    }
}
