package dev.srereview.evidence.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerfileRulesTest {
    private final DockerfileRules rules = new DockerfileRules();

    private static final String SERVICE = "FROM python:3.11-slim\nEXPOSE 8080\nCMD [\"gunicorn\", \"app:app\"]\n";

    @Test
    void rootIsLowerWhenTheManifestForcesANonRootUser() {
        List<Finding> alone = rules.analyze(TestSnapshots.of("Dockerfile", SERVICE));
        assertThat(alone).filteredOn(f -> f.category() == Category.DOCKER_ROOT_USER).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P2);
        List<Finding> enforced = rules.analyze(TestSnapshots.of("Dockerfile", SERVICE, "k8s/d.yaml",
                "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n"
                        + "      securityContext: {runAsNonRoot: true, runAsUser: 10001}\n"
                        + "      containers: [{name: a, image: 'a:1'}]\n"));
        assertThat(enforced).filteredOn(f -> f.category() == Category.DOCKER_ROOT_USER).singleElement()
                .extracting(Finding::severity).isEqualTo(Severity.P3);
    }

    @Test
    void aComposeHealthcheckOrAProbeMakesTheHealthcheckMoot() {
        assertThat(rules.analyze(TestSnapshots.of("Dockerfile", SERVICE)))
                .anyMatch(f -> f.category() == Category.DOCKER_NO_HEALTHCHECK && f.line() == 1);
        assertThat(rules.analyze(TestSnapshots.of("Dockerfile", SERVICE, "docker-compose.yml",
                "services:\n  api:\n    build: .\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n")))
                .noneMatch(f -> f.category() == Category.DOCKER_NO_HEALTHCHECK);
    }

    @Test
    void unpinnedMlFrameworksOnOneLineBecomeOneP1Finding() {
        List<Finding> out = rules.analyze(TestSnapshots.of("Dockerfile",
                "FROM python:3.11-slim\nUSER 1000\nRUN pip install torch transformers==4.40.0 requests\n"));
        assertThat(out).filteredOn(f -> f.category() == Category.UNPINNED_DEPENDENCY).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.P1);
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.message()).contains("torch, requests").doesNotContain("transformers");
                    assertThat(f.fix()).contains("torch==<version> requests==<version>");
                });
    }
}
