package dev.srereview.review;

import dev.srereview.evidence.Severity;
import dev.srereview.review.parse.LocatedCitation;
import dev.srereview.review.parse.ParsedField;
import dev.srereview.review.parse.ParsedReview;
import dev.srereview.review.parse.ParsedRisk;
import dev.srereview.review.parse.ParsedScore;
import dev.srereview.review.parse.ParsedSection;
import dev.srereview.review.parse.ReviewParser;
import dev.srereview.review.parse.SectionKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Parses a raw reply and checks it against review-contract.md section 1. Each violation names the section
 * or risk and what is wrong, in stable words: they go verbatim to the model in the re-ask (docs/format.md
 * lists them all).
 */
public final class ReviewValidator {
    /** The five fields of a risk, in contract order. */
    public static final List<String> FIELDS = List.of("Scenario", "Impact", "Detection", "Mitigation", "Monitoring");

    private static final String ORDER = java.util.Arrays.stream(SectionKind.values())
            .map(SectionKind::title).collect(Collectors.joining(", "));

    private final ReviewParser parser;

    public ReviewValidator() {
        this(new ReviewParser());
    }

    public ReviewValidator(ReviewParser parser) {
        this.parser = parser;
    }

    /** @param pathExists true for a path (relative to the target) that exists in the reviewed tree */
    public ValidationReport validate(String rawReply, Predicate<String> pathExists) {
        return validate(rawReply, pathExists, path -> -1);
    }

    /** As above, with each file's length: a {@code path:line} past its end is dangling too. */
    ValidationReport validate(String rawReply, CitablePaths citable) {
        return validate(rawReply, citable::contains, citable::lineCount);
    }

    private ValidationReport validate(String rawReply, Predicate<String> pathExists, ToIntFunction<String> lineCount) {
        if (rawReply == null || rawReply.isBlank()) {
            return new ValidationReport(null, List.of("the reply is empty: send the full review in the format"),
                    List.of(), List.of());
        }
        ParsedReview parsed = parser.parse(rawReply);
        List<String> violations = new ArrayList<>();
        checkSections(parsed, violations);
        checkScore(parsed, violations);
        checkRisks(parsed, violations);
        checkLists(parsed, violations);
        List<String> warnings = new ArrayList<>(parsed.warnings());
        List<String> dangling = dangling(parsed, pathExists == null ? p -> true : pathExists, lineCount, warnings);
        return new ValidationReport(parsed.toReview(), violations, dangling, warnings);
    }

    private static void checkSections(ParsedReview parsed, List<String> violations) {
        for (SectionKind kind : SectionKind.values()) {
            if (!parsed.has(kind)) {
                violations.add("section \"" + kind.heading() + "\" is missing");
            }
        }
        int furthest = -1;
        SectionKind furthestKind = null;
        Set<SectionKind> seen = new LinkedHashSet<>();
        for (ParsedSection s : parsed.sections()) {
            if (s.kind() == null) {
                continue;
            }
            if (!seen.add(s.kind())) {
                violations.add("section \"" + s.kind().heading() + "\" appears more than once");
                continue;
            }
            if (s.kind().ordinal() < furthest) {
                violations.add("section \"" + s.kind().heading() + "\" is out of order: it comes after \""
                        + furthestKind.heading() + "\"; the order is " + ORDER);
            } else {
                furthest = s.kind().ordinal();
                furthestKind = s.kind();
            }
            if (s.empty()) {
                violations.add("section \"" + s.kind().heading() + "\" is empty");
            }
        }
    }

    private static boolean nonEmpty(ParsedReview parsed, SectionKind kind) {
        return parsed.sections().stream().filter(s -> s.kind() == kind).findFirst().map(s -> !s.empty()).orElse(false);
    }

    private static void checkScore(ParsedReview parsed, List<String> violations) {
        if (!nonEmpty(parsed, SectionKind.SCORE)) {
            return;
        }
        String where = SectionKind.SCORE.title() + ": ";
        ParsedScore score = parsed.score();
        if (score.written() == null) {
            violations.add(where + "the first line holds no \"N/10\" score");
            return;
        }
        if (score.value() == null) {
            violations.add(where + "score \"" + score.written() + "\" is not a whole number from 0 to 10");
        } else if (score.value() < 0 || score.value() > 10) {
            violations.add(where + "score \"" + score.written() + "\" is outside 0–10");
        }
        if (score.justification().isBlank()) {
            violations.add(where + "score \"" + score.written() + "\" has no justification");
        }
        if (score.value() == null) {
            return;
        }
        boolean p0 = parsed.risks().stream().anyMatch(r -> r.severity() == Severity.P0);
        boolean p1 = parsed.risks().stream().anyMatch(r -> r.severity() == Severity.P1);
        if (p0 && score.value() >= 9 && score.value() <= 10) {
            violations.add(where + "score \"" + score.written() + "\" is too high beside a P0 risk (at most 8/10)");
        } else if (p1 && score.value() == 10) {
            violations.add(where + "score \"10/10\" is too high beside a P1 risk (at most 9/10)");
        }
    }

    private static void checkRisks(ParsedReview parsed, List<String> violations) {
        if (!nonEmpty(parsed, SectionKind.RISKS)) {
            return;
        }
        if (parsed.risks().isEmpty()) {
            violations.add(SectionKind.RISKS.title() + ": no risk: write each risk under a heading \"### [P1] Title\"");
            return;
        }
        ParsedRisk mostSevereSoFar = null;
        for (ParsedRisk risk : parsed.risks()) {
            checkHeading(risk, violations);
            checkFields(risk, violations);
            if (risk.severity() == null) {
                continue;
            }
            if (mostSevereSoFar != null && risk.severity().ordinal() < mostSevereSoFar.severity().ordinal()) {
                violations.add(risk.where() + ": a " + risk.severity() + " risk comes after the "
                        + mostSevereSoFar.severity() + " risk \"" + mostSevereSoFar.heading()
                        + "\"; order risks by severity, P0 first");
            } else {
                mostSevereSoFar = risk;
            }
        }
    }

    private static void checkHeading(ParsedRisk risk, List<String> violations) {
        if (risk.severityText() == null) {
            violations.add(risk.where() + ": the heading has no severity; write it as \"### [P1] Title\" (P0–P3)");
        } else if (risk.severity() == null) {
            violations.add(risk.where() + ": severity \"" + risk.severityText() + "\" is outside P0–P3");
        }
        if (risk.title().isBlank()) {
            violations.add(risk.where() + ": the heading has no title");
        }
    }

    private static void checkFields(ParsedRisk risk, List<String> violations) {
        List<String> written = risk.fields().stream().map(ParsedField::label).toList();
        for (String label : FIELDS) {
            long count = written.stream().filter(label::equals).count();
            if (count == 0) {
                violations.add(risk.where() + ": field **" + label + ":** is missing");
            } else if (risk.field(label).isBlank()) {
                violations.add(risk.where() + ": field **" + label + ":** is empty");
            }
            if (count > 1) {
                violations.add(risk.where() + ": field **" + label + ":** appears more than once");
            }
        }
        List<String> firstOccurrences = written.stream().distinct().toList();
        List<String> expected = FIELDS.stream().filter(firstOccurrences::contains).toList();
        if (!firstOccurrences.equals(expected)) {
            violations.add(risk.where() + ": fields are out of order (" + String.join(", ", firstOccurrences)
                    + "); the order is " + String.join(", ", FIELDS));
        }
    }

    private static void checkLists(ParsedReview parsed, List<String> violations) {
        if (nonEmpty(parsed, SectionKind.CHECKLIST) && parsed.checklist().isEmpty()) {
            violations.add(SectionKind.CHECKLIST.title() + ": no \"[ ] item\" or \"[x] item\" lines");
        }
    }

    /** Dangling citations are not violations: they go to their own list, each with one warning. */
    private static List<String> dangling(ParsedReview parsed, Predicate<String> pathExists,
                                         ToIntFunction<String> lineCount, List<String> warnings) {
        Set<String> out = new LinkedHashSet<>();
        for (LocatedCitation c : parsed.citations()) {
            String path = c.citation().path();
            Integer line = c.citation().line();
            if (!pathExists.test(path)) {
                if (out.add(path)) {
                    warnings.add(c.where() + ": cites `" + c.citation() + "`, which is not in the reviewed tree");
                }
                continue;
            }
            int lines = line == null ? -1 : lineCount.applyAsInt(path);
            if (lines >= 0 && line > lines && out.add(c.citation().toString())) {
                warnings.add(c.where() + ": cites `" + c.citation() + "`, but " + path + " has only " + lines
                        + " lines");
            }
        }
        return List.copyOf(out);
    }
}
