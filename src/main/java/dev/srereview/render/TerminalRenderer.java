package dev.srereview.render;

import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import dev.srereview.review.parse.SectionKind;
import java.util.List;
import java.util.Map;

/**
 * The review for a terminal: the contract's markdown, wrapped to the width, with ANSI colour when asked
 * (severities P0 bold red, P1 red, P2 yellow, P3 cyan; the score by band; headings and labels bold; code
 * blocks indented and never wrapped). Without colour the output is plain markdown.
 */
public final class TerminalRenderer implements ReviewRenderer {
    public static final String BANNER = "Offline review (from the tool's own evidence): ";
    private static final String CODE_INDENT = "    ";

    private final int width;
    private final boolean color;
    private final Ansi ansi;

    /** @param width columns to wrap to (0 or less: no wrapping) @param color ANSI colour on */
    public TerminalRenderer(int width, boolean color) {
        this.width = width;
        this.color = color;
        this.ansi = new Ansi(color);
    }

    /**
     * Whether to colour: only on a terminal, and never when {@code NO_COLOR} is set to anything non-empty
     * (no-color.org) or {@code TERM} is {@code dumb}.
     */
    public static boolean colorWanted(Map<String, String> env, boolean stdoutIsTerminal) {
        String noColor = env.get("NO_COLOR");
        return stdoutIsTerminal && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    @Override
    public String render(ReviewOutcome outcome) {
        StringBuilder out = new StringBuilder();
        if (outcome.fallbackReason() != null) {
            out.append(ansi.style(Ansi.BOLD + Ansi.YELLOW, BANNER + outcome.fallbackReason())).append("\n\n");
        }
        if (outcome.review() != null) {
            out.append(render(outcome.review()));
        }
        List<String> warnings = outcome.validation() == null ? List.of() : outcome.validation().warnings();
        if (!warnings.isEmpty()) {
            out.append('\n');
            for (String w : warnings) {
                for (String line : TextWrap.wrap(w, width, "Warning: ", "  ")) {
                    out.append(ansi.style(Ansi.YELLOW, line)).append('\n');
                }
            }
        }
        return out.toString();
    }

    public String render(Review review) {
        StringBuilder out = new StringBuilder();
        heading(out, SectionKind.SCORE.heading(), Ansi.BOLD);
        if (review.score() == null) {
            out.append("(no score)\n");
        } else {
            String value = review.score().value() + "/10";
            String just = review.score().justification();
            block(out, value, Ansi.BOLD + Ansi.score(review.score().value()), just == null ? "" : just, " — ", "");
        }
        out.append('\n');
        heading(out, SectionKind.RISKS.heading(), Ansi.BOLD);
        for (Risk risk : review.risks()) {
            out.append('\n');
            heading(out, MarkdownRenderer.riskHeading(risk), Ansi.severity(risk.severity()));
            field(out, "Scenario", risk.scenario());
            field(out, "Impact", risk.impact());
            field(out, "Detection", risk.detection());
            field(out, "Mitigation", risk.mitigation());
            field(out, "Monitoring", risk.monitoring());
        }
        items(out, SectionKind.MISSING_OBSERVABILITY, review.missingObservability());
        items(out, SectionKind.RESOURCE_CONCERNS, review.resourceConcerns());
        out.append('\n');
        heading(out, SectionKind.CHECKLIST.heading(), Ansi.BOLD);
        out.append('\n');
        for (ChecklistItem item : review.checklist()) {
            String box = item.done() ? "- [x] " : "- [ ] ";
            for (String line : TextWrap.wrap(item.item(), width, box, "      ")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** Wrapped only in colour: in plain markdown a heading split over two lines is no longer a heading. */
    private void heading(StringBuilder out, String text, String style) {
        for (String line : TextWrap.wrap(text, color ? width : 0, "", "    ")) {
            out.append(ansi.style(style, line)).append('\n');
        }
    }

    private void field(StringBuilder out, String label, String text) {
        out.append('\n');
        String shown = color ? label + ":" : "**" + label + ":**";
        block(out, shown, Ansi.BOLD, text == null ? "" : text, " ", "");
    }

    /**
     * A labelled block: the label (styled) starts the first line; code blocks are set apart, never wrapped.
     *
     * @param indent put before every line after the first (a list item's continuation)
     */
    private void block(StringBuilder out, String label, String labelStyle, String text, String gap, String indent) {
        List<String> lines = text.lines().toList();
        boolean labelPending = true;
        boolean inCode = false;
        for (String line : lines) {
            boolean fence = isFence(line);
            if (fence || inCode) {
                if (labelPending) {
                    out.append(ansi.style(labelStyle, label)).append(color ? "\n" : gap.stripTrailing() + "\n");
                    labelPending = false;
                }
                if (fence) {
                    inCode = !inCode;
                    if (!color) {
                        out.append(indent).append(line).append('\n');
                    }
                } else if (line.isBlank()) {
                    out.append('\n');
                } else {
                    out.append(color ? ansi.style(Ansi.DIM, indent + CODE_INDENT + line) : indent + line).append('\n');
                }
                continue;
            }
            if (line.isBlank()) {
                out.append('\n');
                continue;
            }
            String first = labelPending ? label + gap : indent;
            List<String> wrapped = TextWrap.wrap(line, width, first, indent + TextWrap.hangingIndent(line));
            if (labelPending) {
                String head = wrapped.get(0);
                wrapped.set(0, ansi.style(labelStyle, label) + head.substring(label.length()));
                labelPending = false;
            }
            wrapped.forEach(l -> out.append(l.stripTrailing()).append('\n'));
        }
        if (labelPending) {
            out.append(ansi.style(labelStyle, label)).append('\n');
        }
    }

    private void items(StringBuilder out, SectionKind kind, List<String> items) {
        out.append('\n');
        heading(out, kind.heading(), Ansi.BOLD);
        out.append('\n');
        for (String item : items) {
            block(out, "-", "", item, " ", "  ");
        }
    }

    private static boolean isFence(String line) {
        String t = line.strip();
        return t.startsWith("```") || t.startsWith("~~~");
    }
}
