package dev.srereview.evidence.deps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Finding;
import org.junit.jupiter.api.Test;

class DependencyRulesTest {
    private final DependencyRules rules = new DependencyRules();
    private static final String PYPROJECT = "[project]\nname = \"x\"\ndependencies = [\"torch>=2\", \"httpx\"]\n";

    @Test
    void aLockBesideTheManifestCountsUnlessTheImageBypassesIt() {
        assertThat(rules.analyze(TestSnapshots.of("pyproject.toml", PYPROJECT, "uv.lock", "version = 1\n"))).isEmpty();
        assertThat(rules.analyze(TestSnapshots.of("pyproject.toml", PYPROJECT, "uv.lock", "version = 1\n",
                "Dockerfile", "FROM python:3.11\nRUN pip install uv==0.4.18 && uv sync --frozen\n"))).isEmpty();
        assertThat(rules.analyze(TestSnapshots.of("pyproject.toml", PYPROJECT, "uv.lock", "version = 1\n",
                "Dockerfile", "FROM python:3.11\nCOPY . .\nRUN pip install .\n")))
                .extracting(Finding::location).containsExactly("pyproject.toml:3", "pyproject.toml:3");
    }

    @Test
    void theImageDecidesWhichRequirementsFilesCount() {
        var repo = TestSnapshots.of(
                "requirements.txt", "flask\n",
                "requirements/prod.txt", "-r common.txt\ngunicorn\n",
                "requirements/common.txt", "numpy\n",
                "Dockerfile", "FROM python:3.11\nRUN pip install -r requirements/prod.txt\n");
        assertThat(rules.analyze(repo)).extracting(Finding::location)
                .containsExactlyInAnyOrder("requirements/prod.txt:2", "requirements/common.txt:1");
    }

    @Test
    void includeCyclesDoNotLoop() {
        var repo = TestSnapshots.of("requirements.txt", "-r base.txt\nflask\n", "base.txt", "-r requirements.txt\nnumpy\n");
        assertThat(rules.analyze(repo)).extracting(Finding::location)
                .containsExactlyInAnyOrder("requirements.txt:2", "base.txt:2");
    }
}
