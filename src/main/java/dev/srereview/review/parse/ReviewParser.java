package dev.srereview.review.parse;

import dev.srereview.review.ChecklistItem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tolerant reader of what models really write (review-contract.md section 1): either risk heading
 * form, one outer code fence, prose before the first section, {@code **Scenario**:} or {@code **Scenario:**},
 * extra blank lines, Windows line endings, code blocks whose {@code ##} lines are not headings.
 * It never throws on any input; it judges nothing: {@link dev.srereview.review.ReviewValidator} does.
 */
public final class ReviewParser {
    private static final int QUOTE_CHARS = 60;

    /** One section heading found in the reply. */
    private record Boundary(int line, SectionKind kind, String heading, String inline) {
    }

    public ParsedReview parse(String rawReply) {
        List<String> warnings = new ArrayList<>();
        MdLines lines = MdLines.of(ReplyText.lines(rawReply, warnings));
        List<Boundary> bounds = boundaries(lines);
        int firstSection = bounds.isEmpty() ? lines.size() : bounds.get(0).line();
        String prose = firstText(lines, 0, firstSection);
        if (prose != null) {
            warnings.add("dropped text before the first section: \"" + prose + "\"");
        }
        Builder b = new Builder();
        Set<SectionKind> seen = EnumSet.noneOf(SectionKind.class);
        for (int k = 0; k < bounds.size(); k++) {
            Boundary bound = bounds.get(k);
            int end = k + 1 < bounds.size() ? bounds.get(k + 1).line() : lines.size();
            MdLines body = lines.slice(bound.line() + 1, end);
            boolean empty = body.isBlank() && (bound.inline() == null || bound.inline().isBlank());
            b.sections.add(new ParsedSection(bound.kind(), bound.heading(), empty));
            if (bound.kind() == null) {
                warnings.add("dropped section \"## " + bound.heading() + "\", which is not part of the review format");
            } else if (!seen.add(bound.kind())) {
                warnings.add("dropped the second \"" + bound.kind().heading() + "\" section");
            } else {
                read(bound, body, b, warnings);
            }
        }
        return new ParsedReview(b.sections, b.score, b.risksWithoutHeading, b.risks, b.observability,
                b.resources, b.checklist, b.citations, warnings);
    }

    private static void read(Boundary bound, MdLines body, Builder b, List<String> warnings) {
        SectionKind kind = bound.kind();
        if (kind != SectionKind.RISKS) {
            Citations.in(body).forEach(c -> b.citations.add(new LocatedCitation(kind.title(), c)));
        }
        switch (kind) {
            case SCORE -> b.score = ScoreParser.parse(bound.inline(), body);
            case RISKS -> readRisks(body, b, warnings);
            case MISSING_OBSERVABILITY -> b.observability = ListParser.items(body);
            case RESOURCE_CONCERNS -> b.resources = ListParser.items(body);
            case CHECKLIST -> {
                List<String> stray = new ArrayList<>();
                b.checklist = ListParser.checklist(body, stray);
                if (!stray.isEmpty()) {
                    warnings.add(kind.title() + ": dropped " + stray.size() + " line(s) that are not \"[ ] item\" lines,"
                            + " starting \"" + quote(stray.get(0)) + "\"");
                }
            }
            default -> throw new IllegalStateException("unhandled section " + kind);
        }
    }

    private static void readRisks(MdLines body, Builder b, List<String> warnings) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            if (RiskParser.opensRisk(body, i)) {
                starts.add(i);
            }
        }
        int first = starts.isEmpty() ? body.size() : starts.get(0);
        String before = firstText(body, 0, first);
        if (before != null) {
            if (starts.isEmpty()) {
                b.risksWithoutHeading = true;
            } else {
                warnings.add(SectionKind.RISKS.title() + ": dropped text before the first risk: \"" + before + "\"");
            }
            MdLines head = body.slice(0, first);
            Citations.in(head).forEach(c -> b.citations.add(new LocatedCitation(SectionKind.RISKS.title(), c)));
        }
        for (int k = 0; k < starts.size(); k++) {
            int end = k + 1 < starts.size() ? starts.get(k + 1) : body.size();
            ParsedRisk risk = RiskParser.parse(body.slice(starts.get(k), end));
            if (!risk.preamble().isEmpty()) {
                warnings.add(risk.where() + ": dropped text before **Scenario:**: \"" + quote(risk.preamble()) + "\"");
            }
            risk.evidence().forEach(c -> b.citations.add(new LocatedCitation(risk.where(), c)));
            b.risks.add(risk);
        }
    }

    /**
     * Level-2 headings outside code start sections; a level-1 or level-3 heading does too when its text
     * is exactly a contract section's name. {@code ## Operational Readiness Score: 6/10} carries the score inline.
     */
    private static List<Boundary> boundaries(MdLines lines) {
        List<Boundary> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int level = Headings.level(lines, i);
            if (level == 0 || level > 3) {
                continue;
            }
            String text = Headings.text(lines, i);
            var kind = SectionKind.match(text);
            if (kind.isPresent()) {
                out.add(new Boundary(i, kind.get(), text, null));
            } else if (level == 2) {
                String inline = scoreInline(text);
                out.add(inline == null ? new Boundary(i, null, text, null)
                        : new Boundary(i, SectionKind.SCORE, text, inline));
            }
        }
        return out;
    }

    private static String scoreInline(String heading) {
        String plain = heading.replace("*", "").strip();
        String title = SectionKind.SCORE.title();
        if (plain.length() <= title.length()
                || !plain.substring(0, title.length()).toLowerCase(Locale.ROOT).equals(title.toLowerCase(Locale.ROOT))) {
            return null;
        }
        return plain.substring(title.length()).replaceFirst("^[\\s:\\-–—]+", "");
    }

    /** The first non-blank line in [from, to), quoted short, or null when all are blank. */
    private static String firstText(MdLines lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.text(i).isBlank() && !Headings.thematicBreak(lines, i)) {
                return quote(lines.text(i).strip());
            }
        }
        return null;
    }

    private static String quote(String text) {
        String oneLine = text.lines().findFirst().orElse("").strip();
        return oneLine.length() <= QUOTE_CHARS ? oneLine : oneLine.substring(0, QUOTE_CHARS) + "…";
    }

    /** Mutable collector for one parse. */
    private static final class Builder {
        private final List<ParsedSection> sections = new ArrayList<>();
        private ParsedScore score;
        private boolean risksWithoutHeading;
        private final List<ParsedRisk> risks = new ArrayList<>();
        private List<String> observability = List.of();
        private List<String> resources = List.of();
        private List<ChecklistItem> checklist = List.of();
        private final List<LocatedCitation> citations = new ArrayList<>();
    }
}
