package dev.srereview.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.corpus.Annotations;
import dev.srereview.evidence.corpus.CorpusScore;
import dev.srereview.evidence.corpus.FixtureRepos;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs every rule family on every fixture under fixtures/rules/ and fails on any miss (a {@code # ruleid:}
 * line without its finding) or false alarm (a finding after {@code # ok:}, in an {@code # expect-none:} file,
 * or unannotated in a file that annotates that category). Conventions: see {@link Annotations}.
 */
class AnnotatedCorpusTest {
    private final EvidenceEngine engine = EvidenceEngine.withDefaultRules();

    @Test
    void everyAnnotationHoldsAcrossTheCorpus() {
        List<Path> dirs = FixtureRepos.fixtureDirs();
        assertThat(dirs).as("fixture corpus").isNotEmpty();
        CorpusScore score = new CorpusScore();
        for (Path dir : dirs) {
            RepoSnapshot snapshot = FixtureRepos.load(dir);
            score.add(dir.getFileName().toString(), Annotations.of(snapshot), engine.analyze(snapshot));
        }
        assertThat(score.misses()).as("misses").isEmpty();
        assertThat(score.falseAlarms()).as("false alarms").isEmpty();
    }

    @Test
    void theCorpusExercisesEveryInfrastructureCategory() {
        CorpusScore score = new CorpusScore();
        for (Path dir : FixtureRepos.fixtureDirs()) {
            RepoSnapshot snapshot = FixtureRepos.load(dir);
            score.add(dir.getFileName().toString(), Annotations.of(snapshot), engine.analyze(snapshot));
        }
        assertThat(score.byCategory().keySet()).contains("docker-latest-tag", "docker-root-user",
                "docker-no-healthcheck", "debug-mode", "unpinned-dependency", "k8s-no-probes",
                "k8s-no-resource-limits", "resource-overcommit");
        score.byCategory().forEach((cat, c) -> assertThat(c.truePositives).as(cat + " true positives")
                .isGreaterThanOrEqualTo(cat.equals("resource-overcommit") ? 2 : 1));
    }
}
