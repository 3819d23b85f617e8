package dev.srereview.review.parse;

import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the risks of the Production Risks section: {@code ### [P1] Title} headings and their five labelled fields. */
final class RiskParser {
    /** The five field labels, in contract order. */
    static final List<String> LABELS = List.of("Scenario", "Impact", "Detection", "Mitigation", "Monitoring");

    private static final Pattern BRACKET = Pattern.compile(
            "^\\[\\s*(?:severity\\s*[:=]?\\s*)?([^\\]]*?)\\s*\\]\\s*[:\\-–—]?\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALID_SEVERITY = Pattern.compile("^[Pp][0-3]$");
    /** {@code **Scenario:**}, {@code **Scenario**:}, {@code Scenario:}, any case, optionally as a bullet. */
    private static final Pattern LABEL = Pattern.compile(
            "^\\s{0,3}(?:[-*+]\\s+)?(?:\\*\\*|__)?\\s*(scenario|impact|detection|mitigation|monitoring)\\s*"
                    + "(?::\\s*(?:\\*\\*|__)|(?:\\*\\*|__)\\s*:|:)\\s?(.*)$",
            Pattern.CASE_INSENSITIVE);

    private RiskParser() {
    }

    /** A whole bold line that starts with a severity bracket, used by some models instead of a heading. */
    private static final Pattern BOLD_HEADING = Pattern.compile(
            "^\\s{0,3}(?:\\*\\*|__)\\s*(\\[\\s*(?:severity\\s*:\\s*)?P\\d\\s*\\].*?)\\s*(?:\\*\\*|__)\\s*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * True when line i opens a risk: a level-3 heading, a level-4 one that starts with a bracket, or a
     * whole bold line such as {@code **[P1] Title**}.
     */
    static boolean opensRisk(MdLines lines, int i) {
        int level = Headings.level(lines, i);
        if (level == 0) {
            return !lines.code(i) && BOLD_HEADING.matcher(lines.text(i)).matches();
        }
        if (level != 4) {
            return level == 3;
        }
        return unbold(Headings.text(lines, i)).replaceFirst("^[^\\p{L}\\p{N}\\[*_]+", "")
                .replaceFirst("^\\d{1,2}[.)]\\s+", "").startsWith("[");
    }

    /** @param block the risk's lines, its heading first */
    static ParsedRisk parse(MdLines block) {
        Matcher bold = BOLD_HEADING.matcher(block.text(0));
        String heading = Headings.level(block, 0) == 0 && bold.matches() ? bold.group(1) : Headings.text(block, 0);
        // "### 1. [P1] Title": models number their risks
        String plain = unbold(unbold(heading).replaceFirst("^[^\\p{L}\\p{N}\\[*_]+", "")
                .replaceFirst("^\\d{1,2}[.)]\\s+(?=\\S)", ""));
        String severityText = null;
        Severity severity = null;
        String title = plain;
        Matcher b = BRACKET.matcher(plain);
        if (b.matches()) {
            severityText = b.group(1).replace("*", "").replace("_", "").strip();
            title = unbold(b.group(2));
            if (VALID_SEVERITY.matcher(severityText).matches()) {
                severity = Severity.parse(severityText);
            }
        }
        List<ParsedField> fields = new ArrayList<>();
        List<String> preamble = new ArrayList<>();
        String label = null;
        List<String> current = new ArrayList<>();
        List<Boolean> currentCode = new ArrayList<>();
        for (int i = 1; i < block.size(); i++) {
            if (Headings.thematicBreak(block, i)) {
                continue;
            }
            Matcher m = block.code(i) ? null : LABEL.matcher(block.text(i));
            if (m != null && m.matches()) {
                if (label != null) {
                    fields.add(new ParsedField(label, clean(current, currentCode)));
                }
                label = canonical(m.group(1));
                current = new ArrayList<>(List.of(m.group(2).strip()));
                currentCode = new ArrayList<>(List.of(false));
            } else if (label == null) {
                if (!block.text(i).isBlank()) {
                    preamble.add(block.text(i).strip());
                }
            } else {
                current.add(block.text(i));
                currentCode.add(block.code(i));
            }
        }
        if (label != null) {
            fields.add(new ParsedField(label, clean(current, currentCode)));
        }
        return new ParsedRisk(heading, severityText, severity, title, fields, String.join("\n", preamble),
                Citations.in(block));
    }

    private static String clean(List<String> lines, List<Boolean> code) {
        boolean[] flags = new boolean[code.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = code.get(i);
        }
        return MdLines.clean(lines, flags);
    }

    private static String canonical(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Models sometimes bold a whole heading: {@code ### **[P1] Title**}. */
    static String unbold(String text) {
        String t = text.strip();
        while (t.length() >= 4 && (t.startsWith("**") && t.endsWith("**") || t.startsWith("__") && t.endsWith("__"))) {
            t = t.substring(2, t.length() - 2).strip();
        }
        if (t.startsWith("**[") || t.startsWith("__[")) {
            // bold around the bracket only: **[P1]** Title
            t = t.substring(2).replaceFirst("\\]\\s*(\\*\\*|__)", "] ").strip();
        }
        return t;
    }
}
