package dev.srereview.review.parse;

import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Review;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import java.util.List;
import java.util.Objects;

/**
 * A reply as the tolerant parser read it: what the review says, plus what the validator needs to judge
 * its shape (sections in reply order, fields in written order, stray lines).
 *
 * @param sections              every level-2 section found, in reply order (unknown ones with a null kind)
 * @param score                 the score section, or null when there is none
 * @param risksWithoutHeading   true when Production Risks holds text but no {@code ###} risk heading
 * @param risks                 the risks in written order
 * @param missingObservability  items: bullets, or one per prose paragraph
 * @param resourceConcerns      items: bullets, or one per prose paragraph
 * @param checklist             the {@code [ ]}/{@code [x]} lines
 * @param citations             every path cited anywhere, with where it was cited
 * @param warnings              what the parser dropped or forgave
 */
public record ParsedReview(List<ParsedSection> sections, ParsedScore score, boolean risksWithoutHeading,
                           List<ParsedRisk> risks, List<String> missingObservability, List<String> resourceConcerns,
                           List<ChecklistItem> checklist, List<LocatedCitation> citations, List<String> warnings) {
    public ParsedReview {
        sections = List.copyOf(sections);
        risks = List.copyOf(risks);
        missingObservability = List.copyOf(missingObservability);
        resourceConcerns = List.copyOf(resourceConcerns);
        checklist = List.copyOf(checklist);
        citations = List.copyOf(citations);
        warnings = List.copyOf(warnings);
    }

    public boolean has(SectionKind kind) {
        return sections.stream().anyMatch(s -> s.kind() == kind);
    }

    /** True when at least one contract section was found; otherwise the reply is not a review at all. */
    public boolean anySection() {
        return sections.stream().anyMatch(s -> s.kind() != null);
    }

    /**
     * The review as data, or null when no contract section was found. Missing parts become empty (a null
     * score when there is no whole-number score); only a reply without violations is a faithful review.
     */
    public Review toReview() {
        if (!anySection()) {
            return null;
        }
        Score s = score == null || score.value() == null ? null : new Score(score.value(), score.justification());
        List<Risk> rs = risks.stream().map(ParsedReview::toRisk).toList();
        return new Review(s, rs, missingObservability, resourceConcerns, checklist);
    }

    private static Risk toRisk(ParsedRisk r) {
        return new Risk(r.severity(), r.title(), text(r, "Scenario"), text(r, "Impact"), text(r, "Detection"),
                text(r, "Mitigation"), text(r, "Monitoring"), r.evidence());
    }

    private static String text(ParsedRisk r, String label) {
        return Objects.requireNonNullElse(r.field(label), "");
    }
}
