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
}
