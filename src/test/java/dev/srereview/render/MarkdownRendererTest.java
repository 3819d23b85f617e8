package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Severity;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewValidator;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.ValidationReport;
import dev.srereview.review.parse.ReviewParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** A rendered review is contract markdown: it validates again and parses back to an equal record. */
class MarkdownRendererTest {
    private final MarkdownRenderer renderer = new MarkdownRenderer();
    private final ReviewParser parser = new ReviewParser();
    private final ReviewValidator validator = new ReviewValidator();

    @Test
    void renderedReviewValidatesAndParsesBackEqual() {
        Review review = SampleOutcomes.review();
        String markdown = renderer.render(review);
        ValidationReport report = validator.validate(markdown, p -> true);

        assertThat(report.violations()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.review()).isEqualTo(review);
    }

    @Test
    void parsedReplyRendersAndParsesBackEqual() throws IOException {
        for (String name : List.of("valid", "tolerated-persona-style", "tolerated-fenced-with-prose")) {
            Review parsed = parser.parse(read("/replies/" + name + ".md")).toReview();

            assertThat(parser.parse(renderer.render(parsed)).toReview()).as(name).isEqualTo(parsed);
        }
    }

    @Test
    void fieldsThatStartWithCodeAndEmptyJustificationsRoundTrip() {
        String code = "```bash\nkubectl rollout undo deploy/api\n```";
        Risk risk = new Risk(Severity.P2, "Rollback untested", "s", "i", "d", code, "m\n\nsecond paragraph", List.of());
        Review review = new Review(new Score(7, code), List.of(risk), List.of(code + "\nafter"),
                List.of("one\n  indented\n\n```\n## not a heading\n```"), List.of(new ChecklistItem("x", false)));

        assertThat(parser.parse(renderer.render(review)).toReview()).isEqualTo(review);
    }

    @Test
    void matchesGoldenFile() throws IOException {
        GoldenFiles.assertMatches("review.md", renderer.render(SampleOutcomes.review()));
    }

    @Test
    void rendersTheOutcomesReview() {
        assertThat(renderer.render(SampleOutcomes.llm())).isEqualTo(renderer.render(SampleOutcomes.review()));
    }

    static String read(String resource) throws IOException {
        try (InputStream in = Objects.requireNonNull(MarkdownRendererTest.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
