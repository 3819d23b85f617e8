package dev.srereview.render;

import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import dev.srereview.review.parse.SectionKind;
import java.util.List;

/**
 * The review as contract markdown (review-contract.md section 1), so a saved review validates again and
 * parses back to an equal {@link Review}.
 */
public final class MarkdownRenderer implements ReviewRenderer {
    public String render(Review review) {
        StringBuilder out = new StringBuilder();
        out.append(SectionKind.SCORE.heading()).append('\n');
        if (review.score() == null) {
            out.append("(no score)\n");
        } else {
            String just = review.score().justification();
            out.append(review.score().value()).append("/10");
            if (just != null && !just.isBlank()) {
                out.append(startsWithFence(just) ? " —\n" : " — ").append(just);
            }
            out.append('\n');
        }
        out.append('\n').append(SectionKind.RISKS.heading()).append('\n');
        for (Risk risk : review.risks()) {
            out.append('\n').append(riskHeading(risk)).append('\n');
            field(out, "Scenario", risk.scenario());
            field(out, "Impact", risk.impact());
            field(out, "Detection", risk.detection());
            field(out, "Mitigation", risk.mitigation());
            field(out, "Monitoring", risk.monitoring());
        }
        items(out, SectionKind.MISSING_OBSERVABILITY, review.missingObservability());
        items(out, SectionKind.RESOURCE_CONCERNS, review.resourceConcerns());
        out.append('\n').append(SectionKind.CHECKLIST.heading()).append("\n\n");
        for (ChecklistItem item : review.checklist()) {
            out.append(item.done() ? "- [x] " : "- [ ] ").append(item.item()).append('\n');
        }
        return out.toString();
    }

    @Override
    public String render(ReviewOutcome outcome) {
        if (outcome.review() == null) {
            return outcome.markdown() == null ? "" : outcome.markdown();
        }
        return render(outcome.review());
    }

    /** {@code ### [P1] Title}; a risk without a valid severity (only in an invalid review) gets none. */
    static String riskHeading(Risk risk) {
        return risk.severity() == null ? "### " + risk.title() : "### [" + risk.severity() + "] " + risk.title();
    }

    private static void field(StringBuilder out, String label, String text) {
        out.append("\n**").append(label).append(":**");
        if (text != null && !text.isBlank()) {
            out.append(startsWithFence(text) ? "\n" : " ").append(text);
        }
        out.append('\n');
    }

    private static void items(StringBuilder out, SectionKind kind, List<String> items) {
        out.append('\n').append(kind.heading()).append("\n\n");
        for (String item : items) {
            out.append(bullet(item)).append('\n');
        }
    }

    /** {@code - first line}, later lines indented two spaces so they stay in the item. */
    static String bullet(String item) {
        // an item that opens with a code fence starts on the next line: "- ```" is not read as a fence
        StringBuilder b = new StringBuilder(startsWithFence(item) ? "-\n  " : "- ");
        List<String> lines = item.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append('\n').append(lines.get(i).isEmpty() ? "" : "  " + lines.get(i));
            } else {
                b.append(lines.get(i));
            }
        }
        return b.toString();
    }

    static boolean startsWithFence(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        return first.startsWith("```") || first.startsWith("~~~");
    }
}
