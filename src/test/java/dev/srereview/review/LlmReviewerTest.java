package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is left of a review's evidence when its dangling citations are taken out. */
class LlmReviewerTest {
    @Test
    void aMissingPathIsDroppedAndALinePastTheEndBecomesTheFile() {
        Risk risk = new Risk(Severity.P0, "Model loaded per request", "s", "i", "d", "m", "mo", List.of(
                new Citation("app/nothere.py", 3), new Citation("app/serve.py", 31), new Citation("app/serve.py", 4),
                new Citation("k8s/deployment.yaml", null)));
        Review review = new Review(new Score(3, "weak"), List.of(risk), List.of("x"), List.of("y"),
                List.of(new ChecklistItem("z", false)));

        Review kept = LlmReviewer.withoutCitations(review, List.of("app/nothere.py", "app/serve.py:31"));

        assertThat(kept.risks().get(0).evidence()).containsExactly(new Citation("app/serve.py", null),
                new Citation("app/serve.py", 4), new Citation("k8s/deployment.yaml", null));
    }
}
