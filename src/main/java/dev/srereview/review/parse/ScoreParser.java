package dev.srereview.review.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the score section: {@code N/10} on the first non-blank line, the justification after it. */
final class ScoreParser {
    private static final Pattern SCORE = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*/\\s*10(?![0-9])");
    /** What may stand before the score on its line and still leave the rest as pure justification. */
    private static final Pattern LEAD = Pattern.compile("^[\\s*_(\\[]*(?:(?:operational\\s+readiness\\s+)?score)?[\\s*_:=\\-–—(\\[]*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s*_)\\]]*[-–—:.,;)\\]]*\\s*");

    private ScoreParser() {
    }

    /** @param inline text that stood on the heading line after the title ("## ...Score: 6/10"), or null */
    static ParsedScore parse(String inline, MdLines body) {
        List<String> texts = new ArrayList<>();
        List<Boolean> codes = new ArrayList<>();
        if (inline != null && !inline.isBlank()) {
            texts.add(inline);
            codes.add(false);
        }
        for (int i = 0; i < body.size(); i++) {
            texts.add(body.text(i));
            codes.add(body.code(i));
        }
        int first = 0;
        while (first < texts.size() && texts.get(first).isBlank()) {
            first++;
        }
        if (first == texts.size()) {
            return new ParsedScore(null, null, "");
        }
        String line = texts.get(first).strip();
        Matcher m = SCORE.matcher(line);
        if (!m.find()) {
            return new ParsedScore(null, null, join(line, texts, codes, first + 1));
        }
        String number = m.group(1);
        Integer value = number.contains(".") ? null : parseInt(number);
        String head;
        if (LEAD.matcher(line.substring(0, m.start())).matches()) {
            head = SEPARATOR.matcher(line.substring(m.end())).replaceFirst("").strip();
        } else {
            head = line;
        }
        return new ParsedScore(number + "/10", value, join(head, texts, codes, first + 1));
    }

    /** The whole number; an absurdly long one (no 0..10 score either way) is capped rather than overflowing. */
    private static Integer parseInt(String number) {
        String digits = number.startsWith("-") ? number.substring(1) : number;
        if (digits.length() > 6) {
            return number.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        return Integer.valueOf(number);
    }

    /** The head line and the lines after it as one cleaned block (blank lines between them kept as one). */
    private static String join(String head, List<String> texts, List<Boolean> codes, int from) {
        List<String> all = new ArrayList<>();
        all.add(head);
        all.addAll(texts.subList(from, texts.size()));
        boolean[] flags = new boolean[all.size()];
        for (int i = 1; i < flags.length; i++) {
            flags[i] = codes.get(from + i - 1);
        }
        return MdLines.clean(all, flags);
    }
}
