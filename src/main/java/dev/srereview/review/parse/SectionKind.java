package dev.srereview.review.parse;

import java.util.Locale;
import java.util.Optional;

/** The contract's five sections, in their required order (review-contract.md section 1). */
public enum SectionKind {
    SCORE("Operational Readiness Score"),
    RISKS("Production Risks"),
    MISSING_OBSERVABILITY("Missing Observability"),
    RESOURCE_CONCERNS("Resource Concerns"),
    CHECKLIST("Deployment Checklist");

    private final String title;

    SectionKind(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The heading as the contract writes it, e.g. {@code ## Production Risks}. */
    public String heading() {
        return "## " + title;
    }

    /** Matches a heading's text loosely: case, bold, a trailing colon and a leading "1." do not matter. */
    public static Optional<SectionKind> match(String headingText) {
        String key = normalise(headingText);
        for (SectionKind kind : values()) {
            if (key.equals(normalise(kind.title))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    static String normalise(String text) {
        String t = text.replace("*", "").replace("_", " ").strip();
        t = t.replaceFirst("^[^\\p{L}\\p{N}]+", "");
        t = t.replaceFirst("^\\d+[.)]\\s*", "");
        t = t.replaceFirst("[:.]\\s*$", "");
        return t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
