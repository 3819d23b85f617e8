package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-reply corpus: each {@code replies/NAME.md} is a reply as a model might send it, and
 * {@code NAME.expected} lists exactly the violations the validator must name (verbatim), the dangling
 * citations ({@code dangling: path}) and warnings it must include ({@code warning: text}, a prefix). An empty
 * .expected file means the reply is a valid review.
 */
class ReplyCorpusTest {
    /** The reviewed tree the corpus replies talk about. */
    static final Set<String> TREE = Set.of("app/serve.py", "app/features.py", "requirements.txt",
            "k8s/deployment.yaml", "Dockerfile", "app", "k8s");

    private final ReviewValidator validator = new ReviewValidator();

    static Stream<String> replies() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(ReplyCorpusTest.class.getResource("/replies")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList().stream();
        }
    }

    static String read(String resource) throws IOException {
        try (var in = Objects.requireNonNull(ReplyCorpusTest.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void validatorNamesExactlyTheExpectedViolations(String name) throws IOException {
        ValidationReport report = validator.validate(read("/replies/" + name + ".md"), TREE::contains);

        List<String> violations = new ArrayList<>();
        List<String> dangling = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String line : read("/replies/" + name + ".expected").lines().filter(l -> !l.isBlank()).toList()) {
            if (line.startsWith("dangling: ")) {
                dangling.add(line.substring("dangling: ".length()));
            } else if (line.startsWith("warning: ")) {
                warnings.add(line.substring("warning: ".length()));
            } else {
                violations.add(line);
            }
        }
        assertThat(report.violations()).as("violations of %s", name).containsExactlyInAnyOrderElementsOf(violations);
        assertThat(report.danglingCitations()).as("dangling citations of %s", name)
                .containsExactlyInAnyOrderElementsOf(dangling);
        for (String warning : warnings) {
            assertThat(report.warnings()).as("warnings of %s", name).anyMatch(w -> w.startsWith(warning));
        }
        assertThat(report.valid()).isEqualTo(violations.isEmpty());
    }

    @Test
    void corpusCoversEveryKindOfViolation() throws IOException, URISyntaxException {
        List<String> all = new ArrayList<>();
        for (String name : replies().toList()) {
            all.addAll(read("/replies/" + name + ".expected").lines().toList());
        }
        assertThat(all).anyMatch(v -> v.endsWith("is missing") && v.startsWith("section"))
                .anyMatch(v -> v.contains("is out of order"))
                .anyMatch(v -> v.endsWith("is empty") && v.startsWith("section"))
                .anyMatch(v -> v.startsWith("Production Risks: no risk"))
                .anyMatch(v -> v.contains("field **") && v.endsWith("is missing"))
                .anyMatch(v -> v.contains("field **") && v.endsWith("is empty"))
                .anyMatch(v -> v.contains("fields are out of order"))
                .anyMatch(v -> v.contains("is outside P0–P3"))
                .anyMatch(v -> v.contains("order risks by severity"))
                .anyMatch(v -> v.contains("holds no \"N/10\" score"))
                .anyMatch(v -> v.contains("is outside 0–10"))
                .anyMatch(v -> v.contains("has no justification"))
                .anyMatch(v -> v.contains("too high beside a P0"))
                .anyMatch(v -> v.contains("too high beside a P1"))
                .anyMatch(v -> v.contains("no \"[ ] item\""))
                .anyMatch(v -> v.startsWith("dangling: "));
    }

    @Test
    void aValidReplyParsesIntoTheFullReview() throws IOException {
        ValidationReport report = validator.validate(read("/replies/valid.md"), TREE::contains);

        assertThat(report.valid()).isTrue();
        assertThat(report.warnings()).isEmpty();
        Review review = report.review();
        assertThat(review.score()).isEqualTo(new Score(4, "The service answers requests, but one slow dependency"
                + " or a burst of traffic takes it down, and nobody is told."));
        assertThat(review.risks()).extracting(Risk::title).containsExactly("Model weights loaded on every request",
                "No request timeout on the feature store", "Unpinned dependencies");
        assertThat(review.risks().get(0).evidence()).containsExactly(new Citation("app/serve.py", 31));
        assertThat(review.risks().get(0).mitigation()).startsWith("Load once at start-up and reuse:\n```python\n")
                .contains("@app.post(\"/predict\")").endsWith("```");
        assertThat(review.missingObservability()).hasSize(2);
        assertThat(review.resourceConcerns()).hasSize(2);
        assertThat(review.checklist()).containsExactly(new ChecklistItem("Model loaded once at start-up", false),
                new ChecklistItem("Timeouts on every outbound call", false),
                new ChecklistItem("Image builds reproducibly", true));
    }

    @Test
    void toleratedFormsParseToTheSameReviewAsTheCanonicalOne() throws IOException {
        Review canonical = validator.validate(read("/replies/valid.md"), TREE::contains).review();

        assertThat(validator.validate(read("/replies/tolerated-persona-style.md"), TREE::contains).review())
                .isEqualTo(canonical);
        assertThat(validator.validate(read("/replies/tolerated-fenced-with-prose.md"), TREE::contains).review())
                .isEqualTo(canonical);
    }

    @Test
    void aLineCitationPastTheEndOfAFileReadWholeIsDanglingToo() throws IOException {
        // app/features.py has 3 lines here; the reply cites app/features.py:12
        CitablePaths tree = CitablePaths.of(dev.srereview.context.TestSnapshots.of(
                "app/serve.py", "import joblib\n", "app/features.py", "import requests\n\nURL = 'x'\n",
                "requirements.txt", "flask\n", "k8s/deployment.yaml", "kind: Deployment\n", "Dockerfile", "FROM x\n"));
        ValidationReport report = validator.validate(read("/replies/dangling-citation.md"), tree);
        assertThat(report.danglingCitations()).contains("app/features.py:12", "app/server.py");
        assertThat(report.warnings()).anyMatch(w -> w.contains("cites `app/features.py:12`, but app/features.py has only 3 lines"));
    }
}
