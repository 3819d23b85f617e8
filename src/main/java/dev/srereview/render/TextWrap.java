package dev.srereview.render;

import java.util.ArrayList;
import java.util.List;

/** Greedy word wrapping of one line of plain text; a word longer than the width gets a line of its own. */
final class TextWrap {
    private TextWrap() {
    }

    /**
     * @param width        columns available; 0 or less means no wrapping
     * @param firstPrefix  put before the first line (counted in the width)
     * @param restPrefix   put before every later line
     */
    static List<String> wrap(String text, int width, String firstPrefix, String restPrefix) {
        List<String> out = new ArrayList<>();
        String body = text.stripLeading();
        String lead = text.substring(0, text.length() - body.length());
        if (width <= 0 || firstPrefix.length() + text.length() <= width) {
            out.add(firstPrefix + text);
            return out;
        }
        StringBuilder line = new StringBuilder(firstPrefix).append(lead);
        int prefixLength = line.length();
        for (String word : body.strip().split(" +")) {
            if (line.length() > prefixLength && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line = new StringBuilder(restPrefix);
                prefixLength = restPrefix.length();
            }
            if (line.length() > prefixLength) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
        return out;
    }

    /** Leading whitespace of a line, plus the width of a list marker ("- ", "1. ") when it has one. */
    static String hangingIndent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        String rest = line.substring(i);
        var m = java.util.regex.Pattern.compile("^([-*+]|\\d{1,3}[.)])\\s+(\\[[ xX]\\]\\s+)?").matcher(rest);
        return " ".repeat(i + (m.find() ? m.end() : 0));
    }
}
