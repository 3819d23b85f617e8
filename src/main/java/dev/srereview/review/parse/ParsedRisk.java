package dev.srereview.review.parse;

import dev.srereview.evidence.Severity;
import dev.srereview.review.Citation;
import java.util.List;

/**
 * One {@code ###} risk as written.
 *
 * @param heading       the heading text without the hashes, as the model wrote it (how violations name the risk)
 * @param severityText  what stood in the brackets after an optional "Severity:", or null when there were no brackets
 * @param severity      the parsed P0..P3, or null when {@code severityText} is not one of them
 * @param title         the text after the brackets
 * @param fields        every labelled field in the order written (duplicates and unknown order kept)
 * @param preamble      text between the heading and the first label (dropped from the review)
 * @param evidence      backticked paths cited anywhere in the risk, in order, without duplicates
 */
public record ParsedRisk(String heading, String severityText, Severity severity, String title,
                         List<ParsedField> fields, String preamble, List<Citation> evidence) {
    public ParsedRisk {
        fields = List.copyOf(fields);
        evidence = List.copyOf(evidence);
    }

    /** The first field with this label's text, or null when the label is absent. */
    public String field(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).map(ParsedField::text).findFirst().orElse(null);
    }

    /** How a violation names this risk: {@code Production Risks › "[P1] Title"}. */
    public String where() {
        return SectionKind.RISKS.title() + " › \"" + heading + "\"";
    }
}
