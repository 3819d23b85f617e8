package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.corpus.FixtureRepos;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewValidator;
import dev.srereview.review.ValidationReport;
import dev.srereview.review.offline.OfflineComposer;
import dev.srereview.review.parse.ReviewParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real reviews, not hand-made ones: the offline review of every fixture repository, rendered as markdown,
 * validates, parses back to an equal record, and renders the same again (a fixed point); the plain terminal
 * view of it, wrapped narrow, is still a valid review.
 */
class OfflineReviewRoundTripTest {
    private final EvidenceEngine engine = EvidenceEngine.withDefaultRules();
    private final OfflineComposer composer = new OfflineComposer();
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> dirs = Files.list(FixtureRepos.corpusRoot())) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void offlineReviewRoundTrips(String fixture) {
        RepoSnapshot snapshot = FixtureRepos.load(FixtureRepos.corpusRoot().resolve(fixture));
        Review review = composer.compose(snapshot, engine.analyze(snapshot));
        String markdown = renderer.render(review);
        ValidationReport report = new ReviewValidator().validate(markdown, snapshot::exists);

        assertThat(report.violations()).as(markdown).isEmpty();
        Review parsed = new ReviewParser().parse(markdown).toReview();
        assertThat(renderer.render(parsed)).as("rendering is a fixed point").isEqualTo(markdown);
        assertThat(parsed).isEqualTo(review);
        String narrowPlain = new TerminalRenderer(60, false).render(review);
        assertThat(new ReviewValidator().validate(narrowPlain, snapshot::exists).violations())
                .as("plain terminal output wrapped to 60 columns is still a valid review").isEmpty();
    }
}
