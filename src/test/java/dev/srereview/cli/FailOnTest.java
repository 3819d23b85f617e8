package dev.srereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Severity;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailOnTest {
    private static ReviewOutcome outcome(Source source, Risk risk) {
        Review review = new Review(new Score(9, "clean"), List.of(risk), List.of(), List.of(), List.of());
        return new ReviewOutcome("repo", source, null, review, "md", new Validation(true, 0, List.of()),
                new ReviewStats(1, 0, 10, 0, 1), List.of(), null, null);
    }

    private static Risk uncited(Severity s) {
        return new Risk(s, "Static analysis found no operational risk — verify at runtime", "s", "i", "d", "m", "mon",
                List.of());
    }

    @Test
    void everyPrintedRiskCountsTheOfflineNoteOnACleanRepositoryToo() {
        // review-contract.md §5: exit 1 when "a risk or finding reached the --fail-on severity"
        assertThat(FailOn.reached(outcome(Source.OFFLINE, uncited(Severity.P3)), Severity.P3)).isTrue();
        assertThat(FailOn.reached(outcome(Source.OFFLINE, uncited(Severity.P3)), Severity.P2)).isFalse();
        assertThat(FailOn.reached(outcome(Source.LLM, uncited(Severity.P3)), Severity.P3)).isTrue();
        assertThat(FailOn.reached(outcome(Source.LLM, uncited(Severity.P3)), Severity.P2)).isFalse();
    }
}
