package dev.srereview.evidence.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.FileKind;
import dev.srereview.context.Redaction;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.ScanStats;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretRulesTest {
    private static SourceFile file(String path, FileKind kind, String content, Redaction... r) {
        return new SourceFile(path, kind, content.length(), content, false, List.of(r));
    }

    @Test
    void eachRedactionIsAFindingWithTheRedactedLineAndSeverityByPlace() {
        RepoSnapshot s = new RepoSnapshot(Path.of("/r"), "r", List.of(
                file("app/settings.py", FileKind.SERVING_CODE, "import os\nOPENAI_API_KEY = \"[REDACTED:openai-key]\"\n",
                        new Redaction("openai-key", 2, "OPENAI_API_KEY")),
                file(".env.example", FileKind.CONFIG, "AWS_SECRET=[REDACTED:aws-secret]\n",
                        new Redaction("aws-secret", 1, "AWS_SECRET")),
                file("tests/test_client.py", FileKind.TEST, "token = '[REDACTED:github-token]'\n",
                        new Redaction("github-token", 1, "token"))),
                List.of(), List.of(), new ScanStats(3, 3, 0, 3, 3, 0));
        List<Finding> out = new SecretRules().analyze(s);
        assertThat(out).allMatch(f -> f.category() == Category.SECRET_IN_CODE);
        assertThat(out).extracting(Finding::location, Finding::severity).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("app/settings.py:2", Severity.P0),
                org.assertj.core.groups.Tuple.tuple(".env.example:1", Severity.P3),
                org.assertj.core.groups.Tuple.tuple("tests/test_client.py:1", Severity.P2));
        Finding p0 = out.stream().filter(f -> f.severity() == Severity.P0).findFirst().orElseThrow();
        assertThat(p0.snippet()).isEqualTo("OPENAI_API_KEY = \"[REDACTED:openai-key]\"");
        assertThat(p0.message()).contains("OPENAI_API_KEY").contains("git history");
        assertThat(p0.fix()).contains("rotate").contains("os.environ[\"OPENAI_API_KEY\"]");
    }

    /** Fixtures whose secret files are gitignored: the scan reads them locally, keeps only line and kind. */
    private static List<Finding> scanned(String fixture) {
        RepoSnapshot s = dev.srereview.evidence.corpus.FixtureRepos.load(
                dev.srereview.evidence.corpus.FixtureRepos.corpusRoot().resolve(fixture));
        assertThat(s.files()).extracting(SourceFile::path).doesNotContain(".env", ".streamlit/secrets.toml");
        return new SecretRules().analyze(s);
    }

    @Test
    void aGitignoredSecretFileThatCopyDotDotBakesIntoTheImageIsReportedWithoutItsValue() {
        List<Finding> out = scanned("secrets-gitignored-baked");
        assertThat(out).extracting(Finding::location).containsExactlyInAnyOrder(".env:2", ".streamlit/secrets.toml:3");
        assertThat(out).allMatch(f -> f.severity() == Severity.P1 && f.category() == Category.SECRET_IN_CODE);
        Finding toml = out.stream().filter(f -> f.path().endsWith("secrets.toml")).findFirst().orElseThrow();
        assertThat(toml.message()).contains("gitignored but not dockerignored").contains("COPY . .").contains("Dockerfile:5");
        assertThat(toml.snippet()).isEqualTo("TMDB_API_KEY = [REDACTED:generic-secret]");
        assertThat(out).noneMatch(f -> (f.message() + f.snippet() + f.fix()).contains("7c1f4e9a2b8d63f05e1a9c4b7d2e8f36")
                || (f.message() + f.snippet() + f.fix()).contains("Qm8vX2rLk4TfN9wBz7HyJc1GdPa5UeRs3KoVtWn6YbEi0MxZ"));
        assertThat(toml.fix()).contains(".dockerignore");
    }

    @Test
    void aDockerignoredSecretFileStaysOutOfTheImageAndIsNotReported() {
        assertThat(scanned("secrets-gitignored-dockerignored")).isEmpty();
    }

    @Test
    void aFileTheUserToldTheToolNotToReadIsNeverOpened() {
        RepoSnapshot s = dev.srereview.evidence.corpus.FixtureRepos.load(
                dev.srereview.evidence.corpus.FixtureRepos.corpusRoot().resolve("secrets-toolignored"));
        assertThat(s.ignoredSecrets()).isEmpty();
        assertThat(new SecretRules().analyze(s)).isEmpty();
    }

    @Test
    void aSecretFileInsideAGitignoredDirectoryIsFoundToo() {
        assertThat(scanned("secrets-gitignored-dir")).extracting(Finding::location)
                .containsExactly(".streamlit/secrets.toml:1");
    }

    @Test
    void aDockerignorePatternMatchesFromTheContextRootOnly() {
        // `secrets.toml` in .dockerignore is the top-level file: .streamlit/secrets.toml still goes into the image
        assertThat(scanned("secrets-dockerignore-root-only")).extracting(Finding::location)
                .containsExactly(".streamlit/secrets.toml:1");
    }

    @Test
    void aComposeBuildContextAboveTheDockerfileCarriesTheSecretIn() {
        // docker/Dockerfile built by compose from context "." copies the root's gitignored .env
        List<Finding> out = scanned("secrets-compose-context");
        assertThat(out).extracting(Finding::location).containsExactly(".env:1");
        assertThat(out.get(0).fix()).contains("echo '.env' >> .dockerignore");
    }

    @Test
    void aBuildContextWrittenInAWorkflowOrMakefileCarriesTheSecretIn() {
        // services/api/Dockerfile built from the root ("docker build -f services/${{ matrix.service }}/Dockerfile .")
        assertThat(scanned("secrets-workflow-context")).extracting(Finding::location).containsExactly(".env:1");
        assertThat(scanned("secrets-makefile-context")).extracting(Finding::location).containsExactly(".env:1");
    }
}
