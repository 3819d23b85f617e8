package dev.srereview.review.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.corpus.FixtureRepos;
import dev.srereview.render.MarkdownRenderer;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewValidator;
import dev.srereview.review.Risk;
import dev.srereview.review.ValidationReport;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OfflineComposerTest {
    private final OfflineComposer composer = new OfflineComposer();
    private final EvidenceEngine engine = EvidenceEngine.withDefaultRules();

    private static Finding f(Category c, Severity s, String path, int line, String fix) {
        return new Finding("T-" + c.id(), c, s, path, line, "what breaks at " + path, "snippet", fix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"resources-overcommit", "k8s-workloads", "docker-latest-tags", "deps-requirements",
            "docker-debug-devserver", "deps-pip-compile", "k8s-helm-chart", "compose-services"})
    void theRenderedReviewPassesTheContractValidatorWithNoDanglingCitations(String fixture) {
        RepoSnapshot snapshot = FixtureRepos.load(FixtureRepos.corpusRoot().resolve(fixture));
        Review review = composer.compose(snapshot, engine.analyze(snapshot));
        String markdown = new MarkdownRenderer().render(review);
        ValidationReport report = new ReviewValidator().validate(markdown, snapshot::exists);
        assertThat(report.violations()).as(markdown).isEmpty();
        assertThat(report.danglingCitations()).as(markdown).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void risksAreGroupedByCauseWorstFirstWithEveryFieldAndTheEvidenceCited() {
        RepoSnapshot snapshot = TestSnapshots.of("app.py", "a\nb\nc\nd\ne\n", "worker.py", "a\nb\n", "Dockerfile", "FROM x\n");
        List<Finding> findings = List.of(
                f(Category.MISSING_TIMEOUT, Severity.P1, "app.py", 2, "requests.get(url, timeout=5)"),
                f(Category.MISSING_TIMEOUT, Severity.P1, "app.py", 4, "requests.get(url, timeout=5)"),
                f(Category.MISSING_TIMEOUT, Severity.P2, "worker.py", 1, ""),
                f(Category.SECRET_IN_CODE, Severity.P0, "app.py", 5, ""),
                f(Category.DOCKER_LATEST_TAG, Severity.P2, "Dockerfile", 1, "FROM x:1.0"));
        Review review = composer.compose(snapshot, findings);
        assertThat(review.risks()).extracting(Risk::severity).containsExactly(Severity.P0, Severity.P1, Severity.P2);
        Risk timeouts = review.risks().get(1);
        assertThat(timeouts.title()).isEqualTo("No timeouts on outbound calls — 3 places");
        assertThat(timeouts.evidence()).containsExactly(new Citation("app.py", 2), new Citation("app.py", 4),
                new Citation("worker.py", 1));
        assertThat(timeouts.scenario()).contains("`app.py:2`", "`app.py:4`", "`worker.py:1`");
        assertThat(timeouts.mitigation()).contains("```python\nrequests.get(url, timeout=5)\n```")
                .contains("Apply the same change in 1 other file.");
        assertThat(timeouts.monitoring()).containsPattern("\\d");
        for (Risk r : review.risks()) {
            assertThat(List.of(r.scenario(), r.impact(), r.detection(), r.mitigation(), r.monitoring()))
                    .allMatch(s -> !s.isBlank());
        }
        assertThat(review.score().value()).isLessThanOrEqualTo(3);
        assertThat(review.checklist()).extracting(c -> c.item())
                .anyMatch(i -> i.startsWith("Every outbound call") && i.contains("`app.py`"));
    }

    @Test
    void everyCategoryHasTheFiveFieldsAndAThresholdToAlertOn() {
        RiskTemplates templates = new RiskTemplates();
        for (Category c : Category.values()) {
            RiskTemplate t = templates.of(c);
            assertThat(List.of(t.title(), t.scenario(), t.impact(), t.detection(), t.mitigation(), t.code(),
                    t.monitoring(), t.checklist())).as(c.id()).allMatch(s -> !s.isBlank());
            assertThat(t.monitoring()).as(c.id()).containsPattern("\\d");
        }
    }

    @Test
    void withNoFindingsTheReviewStillHasARiskAndIsValid() {
        RepoSnapshot snapshot = TestSnapshots.of("app.py", "from prometheus_client import Counter\n");
        Review review = composer.compose(snapshot, List.of());
        assertThat(review.risks()).singleElement().extracting(Risk::severity).isEqualTo(Severity.P3);
        assertThat(review.score().value()).isEqualTo(10);
        String md = new MarkdownRenderer().render(review);
        assertThat(new ReviewValidator().validate(md, snapshot::exists).valid()).as(md).isTrue();
    }

    @Test
    void backtickedNamesThatAreNotFilesLoseTheirBackticks() {
        RepoSnapshot snapshot = TestSnapshots.of("app.py", "x\n");
        Finding finding = new Finding("PY-1", Category.HARDCODED_CONFIG, Severity.P2, "app.py", 1,
                "loads `models/missing.pt` via `config.yaml` from `app.py`", "", "");
        Risk risk = composer.compose(snapshot, List.of(finding)).risks().get(0);
        assertThat(risk.scenario()).contains("loads models/missing.pt via config.yaml from `app.py`");
    }

    @Test
    void resourceConcernsCarryTheArithmeticAndObservabilityNamesWhatIsMissing() {
        RepoSnapshot snapshot = FixtureRepos.load(FixtureRepos.corpusRoot().resolve("resources-overcommit"));
        Review review = composer.compose(snapshot, engine.analyze(snapshot));
        assertThat(review.resourceConcerns()).anyMatch(s -> s.contains(
                "models/model.pt is 1.6 GB, 4 workers load it: 6.4 GB against a 2 GiB limit — OOM-killed at start"));
        assertThat(review.missingObservability()).anyMatch(s -> s.startsWith("No metrics library"))
                .anyMatch(s -> s.startsWith("No request ids")).anyMatch(s -> s.startsWith("Logs are unstructured"));
        assertThat(review.risks().get(0).severity()).isEqualTo(Severity.P0);
        assertThat(review.risks().get(0).title()).startsWith("Model weights times workers exceed the memory limit");
    }

    @Test
    void aFixThatOpensWithASentenceKeepsTheSentenceOutOfTheCodeBlock() {
        assertThat(OfflineComposer.leadingProse("Remove it from the image and set it only in local development:\n"
                + "docker run -e FLASK_DEBUG=1 ...")).isEqualTo("Remove it from the image and set it only in local development:");
        assertThat(OfflineComposer.leadingProse("if MODEL is None:\n    MODEL = load()")).isEmpty();
        assertThat(OfflineComposer.leadingProse("readinessProbe:\n  httpGet: {path: /ready, port: 8080}")).isEmpty();
        assertThat(OfflineComposer.leadingProse("data = yaml.safe_load(stream)")).isEmpty();
    }
}
