package dev.srereview.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.TestSnapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceEngineTest {
    private static FileRules rules(String name, Finding... findings) {
        return new FileRules() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Finding> analyze(RepoSnapshot snapshot) {
                return List.of(findings);
            }
        };
    }

    private static Finding finding(Severity s, String path, int line) {
        return new Finding("T-" + s + "-" + line, Category.DEBUG_MODE, s, path, line, "m", "", "");
    }

    @Test
    void findingsComeBackWorstFirstThenByPathAndLine() {
        EvidenceEngine engine = new EvidenceEngine(List.of(
                rules("a", finding(Severity.P3, "a.py", 1), finding(Severity.P1, "z.py", 9)),
                rules("b", finding(Severity.P0, "m.py", 5), finding(Severity.P1, "b.py", 2))));
        List<Finding> out = engine.analyze(TestSnapshots.of("a.py", "x = 1\n"));
        assertThat(out).extracting(Finding::location).containsExactly("m.py:5", "b.py:2", "z.py:9", "a.py:1");
    }

    @Test
    void aFailingFamilyCostsOnlyItsOwnFindings() {
        FileRules broken = new FileRules() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Finding> analyze(RepoSnapshot snapshot) {
                throw new IllegalStateException("boom");
            }
        };
        EvidenceEngine engine = new EvidenceEngine(List.of(broken, rules("ok", finding(Severity.P2, "a.py", 3))));
        assertThat(engine.analyze(TestSnapshots.of("a.py", "x = 1\n"))).extracting(Finding::location)
                .containsExactly("a.py:3");
    }

    @Test
    void theSameRuleOnTheSameLineIsReportedOnce() {
        Finding f = finding(Severity.P2, "a.py", 3);
        EvidenceEngine engine = new EvidenceEngine(List.of(rules("one", f), rules("two", f)));
        assertThat(engine.analyze(TestSnapshots.of("a.py", "x\n"))).hasSize(1);
    }

    @Test
    void defaultRulesIncludeEveryFamily() {
        assertThat(EvidenceEngine.withDefaultRules().familyNames())
                .contains("python", "docker", "k8s", "compose", "deps", "secrets", "resources", "ci");
    }

    @Test
    void defaultRulesFindDockerAndKubernetesProblemsTogether() {
        RepoSnapshot repo = TestSnapshots.of(
                "Dockerfile", "FROM python:latest\nEXPOSE 8080\nCMD [\"gunicorn\", \"app:app\"]\n",
                "k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n"
                        + "    spec:\n      containers:\n        - name: api\n          image: api:1.0\n");
        List<Finding> out = EvidenceEngine.withDefaultRules().analyze(repo);
        assertThat(out).extracting(f -> f.category().id()).contains("docker-latest-tag", "docker-root-user",
                "docker-no-healthcheck", "k8s-no-probes", "k8s-no-resource-limits");
    }
}
