package dev.srereview.evidence.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.Score;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessScorerTest {
    private final ReadinessScorer scorer = new ReadinessScorer();
    private final RepoSnapshot instrumented = TestSnapshots.of("app.py",
            "from prometheus_client import Counter\nREQUESTS = Counter('requests', 'n')\n");

    private static Finding f(Category c, Severity s) {
        return new Finding("T-1", c, s, "app.py", 1, "m", "", "");
    }

    @Test
    void everyCategoryCountsAgainstExactlyOneAxis() {
        Arrays.stream(Category.values()).forEach(c -> assertThat(
                Arrays.stream(Axis.values()).filter(a -> a.categories().contains(c)).count()).as(c.id()).isEqualTo(1));
    }

    @Test
    void aCleanInstrumentedServiceScoresTen() {
        assertThat(scorer.score(instrumented, List.of()).value()).isEqualTo(10);
    }

    @Test
    void aCleanServiceWithMinorFindingsStillScoresAtLeastEight() {
        Score s = scorer.score(instrumented, List.of(f(Category.UNPINNED_DEPENDENCY, Severity.P3),
                f(Category.HARDCODED_CONFIG, Severity.P2), f(Category.DOCKER_LATEST_TAG, Severity.P3)));
        assertThat(s.value()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void p2RisksKeepAnOtherwiseCleanServiceFromTenAndTheJustificationSaysWhy() {
        Score s = scorer.score(instrumented, List.of(f(Category.BARE_EXCEPT, Severity.P2),
                f(Category.UNPINNED_DEPENDENCY, Severity.P2)));
        assertThat(s.value()).isEqualTo(9);
        assertThat(s.justification()).contains("P2 risks remain (bare-except, unpinned-dependency)")
                .doesNotContain("No weak axis");
    }

    @Test
    void aServiceWithoutMetricsLosesAnObservabilityPoint() {
        Score s = scorer.score(TestSnapshots.of("app.py", "print(1)\n"), List.of());
        assertThat(s.value()).isEqualTo(9);
        assertThat(s.justification()).contains("observability 1/2 (no metrics exported)");
    }

    @Test
    void anyP0CapsAtThreeAndNamesTheWeakAxis() {
        Score s = scorer.score(instrumented, List.of(f(Category.RESOURCE_OVERCOMMIT, Severity.P0)));
        assertThat(s.value()).isLessThanOrEqualTo(3);
        assertThat(s.justification()).contains("capacity (limits, memory, rate) 0/2 (P0 resource-overcommit)")
                .contains("Capped at 3");
    }

    @Test
    void anyP1CapsAtSeven() {
        Score s = scorer.score(instrumented, List.of(f(Category.MISSING_TIMEOUT, Severity.P1)));
        assertThat(s.value()).isEqualTo(7);
        assertThat(s.justification()).contains("dependencies & failure handling 1/2");
    }

    @Test
    void manyCausesOnManyAxesDriveTheScoreDown() {
        Score s = scorer.score(instrumented, List.of(f(Category.MISSING_TIMEOUT, Severity.P1),
                f(Category.BARE_EXCEPT, Severity.P1), f(Category.K8S_NO_PROBES, Severity.P1),
                f(Category.NO_GRACEFUL_SHUTDOWN, Severity.P1), f(Category.UNPINNED_DEPENDENCY, Severity.P2),
                f(Category.DOCKER_LATEST_TAG, Severity.P2), f(Category.PRINT_INSTEAD_OF_LOGGING, Severity.P2),
                f(Category.LOGGING_WITHOUT_CONTEXT, Severity.P2)));
        // dependencies 0, emergency 0, change 1, observability 1, capacity 2
        assertThat(s.value()).isEqualTo(4);
    }
}
