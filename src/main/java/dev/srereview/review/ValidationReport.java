package dev.srereview.review;

import java.util.List;

/**
 * The validator's verdict on one raw reply.
 *
 * @param review             the parsed review, or null when the reply is too broken to parse
 * @param violations         contract breaks, each naming the section or risk and what is wrong (verbatim into the re-ask)
 * @param danglingCitations  cited paths that do not exist in the reviewed tree (a warning, and a reason to re-ask)
 * @param warnings           everything else worth telling (prose dropped before the first heading, ...)
 */
public record ValidationReport(Review review, List<String> violations, List<String> danglingCitations,
                               List<String> warnings) {
    public ValidationReport {
        violations = List.copyOf(violations);
        danglingCitations = List.copyOf(danglingCitations);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return review != null && violations.isEmpty();
    }
}
