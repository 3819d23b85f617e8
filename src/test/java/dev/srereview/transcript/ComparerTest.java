package dev.srereview.transcript;

import static dev.srereview.transcript.Samples.finding;
import static dev.srereview.transcript.Samples.outcome;
import static dev.srereview.transcript.Samples.risk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparerTest {
    private final Comparer comparer = new Comparer();

    private static final Finding TIMEOUT = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 42);
    private static final Finding PICKLE = finding("PY-PICKLE-001", Category.UNSAFE_DESERIALIZATION, Severity.P0, "app/model.py", 10);
    private static final Finding ROOT = finding("DOCKER-ROOT-001", Category.DOCKER_ROOT_USER, Severity.P2, "Dockerfile", 1);

    @Test
    void fixedNewAndUnchangedWithTheExampleLine() {
        ReviewOutcome before = outcome("svc", 3, List.of(
                risk(Severity.P0, "Model loaded per request", "app/serve.py:42"),
                risk(Severity.P1, "No timeout on the feature store call", "app/features.py"),
                risk(Severity.P1, "Pickle of untrusted uploads", "app/model.py"),
                risk(Severity.P2, "Container runs as root", "Dockerfile"),
                risk(Severity.P2, "No readiness probe", "k8s/deploy.yaml")),
                List.of(TIMEOUT, PICKLE, ROOT));
        ReviewOutcome after = outcome("svc", 7, List.of(
                risk(Severity.P2, "No readiness probe", "k8s/deploy.yaml"),
                risk(Severity.P2, "Unpinned torch", "requirements.txt")),
                List.of(finding("DEP-PIN-001", Category.UNPINNED_DEPENDENCY, Severity.P2, "requirements.txt", 3)));

        Comparison c = comparer.compare(before, after);

        assertThat(c.describe()).isEqualTo(
                "3/10 → 7/10: 4 risks fixed, 1 new (P2 Unpinned torch), 1 unchanged; findings: 3 fixed, 1 new "
                        + "(P2 unpinned-dependency requirements.txt:3), 0 unchanged");
        assertThat(c.risksFixed()).extracting(Risk::title).containsExactly("Model loaded per request",
                "No timeout on the feature store call", "Pickle of untrusted uploads", "Container runs as root");
        assertThat(c.report()).contains("Score: 3/10 → 7/10 (+4)").contains("New risks (1):\n  - P2 Unpinned torch\n");
    }

    @Test
    void findingsMatchAcrossLineDriftButNotAcrossFilesOrFarAway() {
        Finding moved = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 42 + 12);
        Finding otherFile = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/client.py", 42);
        Finding farAway = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 42 + 200);

        Comparison c = comparer.compare(outcome("svc", 4, List.of(), List.of(TIMEOUT)),
                outcome("svc", 4, List.of(), List.of(moved, otherFile, farAway)));

        assertThat(c.findingsUnchanged()).containsExactly(moved);
        assertThat(c.findingsNew()).containsExactlyInAnyOrder(otherFile, farAway);
        assertThat(c.findingsFixed()).isEmpty();
        assertThat(c.describe()).isEqualTo("4/10 → 4/10: findings: 0 fixed, 2 new "
                + "(P1 missing-timeout app/client.py:42, P1 missing-timeout app/serve.py:242), 1 unchanged");
    }

    @Test
    void twoNearbyFindingsPairWithTheirNearestCounterparts() {
        Finding a = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 10);
        Finding b = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 20);
        Finding a2 = finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/serve.py", 13);
        Comparison c = comparer.compare(outcome("s", 5, List.of(), List.of(a, b)), outcome("s", 5, List.of(), List.of(a2)));
        assertThat(c.findingsFixed()).containsExactly(b);
        assertThat(c.findingsUnchanged()).containsExactly(a2);
    }

    @Test
    void rewordedRisksMatchByCitedFileOrTitleWords() {
        List<Risk> before = List.of(
                risk(Severity.P1, "No timeout on outbound HTTP calls", "app/serve.py:42"),
                risk(Severity.P0, "Model weights loaded on every request"),
                risk(Severity.P2, "Debug mode enabled", "app/main.py"));
        List<Risk> after = List.of(
                risk(Severity.P1, "Outbound requests can hang forever", "app/serve.py:50"),
                risk(Severity.P0, "Model weights loaded per request"),
                risk(Severity.P3, "Debug mode enabled", "app/main.py"));

        Comparison c = comparer.compare(outcome("s", 2, before, List.of()), outcome("s", 5, after, List.of()));

        assertThat(c.risksUnchanged()).containsExactlyElementsOf(after);
        assertThat(c.risksFixed()).isEmpty();
        assertThat(c.risksNew()).isEmpty();
    }

    @Test
    void differentRisksOfDifferentSeverityDoNotMatch() {
        Comparison c = comparer.compare(
                outcome("s", 2, List.of(risk(Severity.P0, "Secret in code", "app/serve.py")), List.of()),
                outcome("s", 5, List.of(risk(Severity.P2, "Print instead of logging", "app/serve.py")), List.of()));
        assertThat(c.risksFixed()).hasSize(1);
        assertThat(c.risksNew()).hasSize(1);
        assertThat(c.describe()).startsWith("2/10 → 5/10: 1 risk fixed, 1 new (P2 Print instead of logging), 0 unchanged");
    }

    @Test
    void offlineRisksNamingTheirLocationMatchEvenWhenTheLineMovesAndOthersCiteTheSameFile() {
        Risk rateBefore = risk(Severity.P2, "No rate limiting on the inference endpoint — `app/serve.py:11`", "app/serve.py:11");
        Risk pickleBefore = risk(Severity.P2, "Unsafe deserialization of models or data — `app/serve.py:14`", "app/serve.py:14");
        Risk rateAfter = risk(Severity.P2, "No rate limiting on the inference endpoint — `app/serve.py:24`", "app/serve.py:24");
        Risk pickleAfter = risk(Severity.P2, "Unsafe deserialization of models or data — `app/serve.py:16`", "app/serve.py:16");

        Comparison c = comparer.compare(outcome("s", 5, List.of(rateBefore, pickleBefore), List.of()),
                outcome("s", 9, List.of(pickleAfter, rateAfter), List.of()));

        assertThat(c.risksFixed()).isEmpty();
        assertThat(c.risksNew()).isEmpty();
        assertThat(c.risksUnchanged()).containsExactly(rateAfter, pickleAfter);
    }

    @Test
    void titleWordsIgnoreLocationsNumbersAndStopWords() {
        assertThat(Comparer.words("No timeouts on the outbound calls — `app/serve.py:16` (3 places)"))
                .containsExactly("calls", "no", "outbound", "places", "timeouts");
    }
}
