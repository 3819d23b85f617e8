package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextPackerTest {
    private static final TokenCounter COUNTER = new TokenCounter("o200k_base");
    private final ContextPacker packer = new ContextPacker(COUNTER);

    @TempDir
    Path tmp;

    private static RepoSnapshot snapshot(List<SourceFile> files, List<Artifact> artifacts, List<LeftOut> leftOut) {
        return new RepoSnapshot(Path.of("/tmp/r"), "r", files, artifacts, leftOut,
                new ScanStats(files.size() + artifacts.size() + leftOut.size(), files.size(), artifacts.size(), 0, 0, 1));
    }

    private static SourceFile file(String path, FileKind kind, String content) {
        return new SourceFile(path, kind, content.length(), content, false, List.of());
    }

    private static String lines(String prefix, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(prefix).append(" = compute_value_").append(i).append("(request, timeout=30)\n");
        }
        return sb.toString();
    }

    @Test
    void neverExceedsTheBudgetAtAnySize() {
        RepoSnapshot s = snapshot(List.of(
                file("Dockerfile", FileKind.DOCKERFILE, "FROM python:3.11\nUSER app\n"),
                file("app/serve.py", FileKind.SERVING_CODE, lines("x", 400)),
                file("lib/util.py", FileKind.OTHER_CODE, lines("y", 300)),
                file("README.md", FileKind.DOC, "# hi\n".repeat(50))),
                List.of(new Artifact("model.pt", 3L << 30, "model")), List.of(new LeftOut("node_modules/", 0, "dependencies")));
        for (int budget : new int[] {0, 10, 60, 100, 200, 500, 1000, 3000, 8000, 50_000}) {
            PackedContext p = packer.pack(s, Map.of(), budget);
            assertThat(p.tokens()).as("budget %d", budget).isLessThanOrEqualTo(budget);
            assertThat(COUNTER.count(p.text())).as("budget %d", budget).isEqualTo(p.tokens());
        }
    }

    @Test
    void sendsInSrePriorityOrderWithFindingsFirst() {
        RepoSnapshot s = snapshot(List.of(
                file("README.md", FileKind.DOC, "# readme\n"),
                file("lib/util.py", FileKind.OTHER_CODE, "def f():\n    pass\n"),
                file("requirements.txt", FileKind.DEPENDENCY_FILE, "flask\n"),
                file("app/serve.py", FileKind.SERVING_CODE, "import flask\n"),
                file(".github/workflows/ci.yml", FileKind.CI_WORKFLOW, "on: push\n"),
                file("docker-compose.yml", FileKind.COMPOSE, "services: {}\n"),
                file("k8s/deploy.yaml", FileKind.K8S_MANIFEST, "apiVersion: v1\nkind: Pod\n"),
                file("Dockerfile", FileKind.DOCKERFILE, "FROM python\n"),
                file("config/app.yaml", FileKind.CONFIG, "a: 1\n"),
                file("lib/risky.py", FileKind.OTHER_CODE, "except:\n    pass\n")),
                List.of(), List.of());

        PackedContext p = packer.pack(s, Map.of("lib/risky.py", 5), 10_000);

        assertThat(p.sentPaths()).containsExactly("lib/risky.py", "Dockerfile", "k8s/deploy.yaml", "docker-compose.yml",
                ".github/workflows/ci.yml", "app/serve.py", "requirements.txt", "config/app.yaml", "lib/util.py",
                "README.md");
        assertThat(p.text()).contains("=== app/serve.py (serving code, 1 line) ===\n1|import flask\n");
        assertThat(p.leftOut()).isEmpty();
    }

    @Test
    void cutsAnImportantFileAtAMarkedLineAndNamesTheRest() {
        RepoSnapshot s = snapshot(List.of(
                file("app/serve.py", FileKind.SERVING_CODE, lines("x", 2000)),
                file("docs/guide.md", FileKind.DOC, "words ".repeat(3000))),
                List.of(new Artifact("models/model.pt", 3_328_599_654L, "model")),
                List.of(new LeftOut("data/", 5L << 30, "gitignored (1204 files)")));

        PackedContext p = packer.pack(s, Map.of("app/serve.py", 3), 2000);

        assertThat(p.tokens()).isLessThanOrEqualTo(2000);
        assertThat(p.sentPaths()).containsExactly("app/serve.py");
        assertThat(p.tokens()).as("the cut file grows into the room the doc could not use").isGreaterThan(1700);
        assertThat(p.text()).containsPattern("=== app/serve\\.py \\(serving code, 2000 lines, first \\d+ sent\\) ===")
                .containsPattern("# … \\[cut by sre-review: \\d+ more lines\\]")
                .contains("models/model.pt 3.3 GB model")
                .contains("docs/: guide.md")
                .contains("data/ 5.4 GB [gitignored (1204 files)]");
        assertThat(p.leftOut()).extracting(LeftOut::path).contains("docs/guide.md", "data/", "app/serve.py");
        assertThat(p.leftOut()).filteredOn(l -> l.path().equals("app/serve.py")).singleElement()
                .extracting(LeftOut::reason).asString().startsWith("cut after line");
    }

    @Test
    void aHugeLeftOutListFoldsIntoACompactTree() {
        List<SourceFile> files = new ArrayList<>();
        files.add(file("Dockerfile", FileKind.DOCKERFILE, "FROM python:3.11\n"));
        for (int i = 0; i < 20_000; i++) {
            files.add(file("src/pkg" + (i % 40) + "/sub" + (i % 7) + "/mod" + i + ".py", FileKind.OTHER_CODE,
                    lines("v", 40)));
        }
        RepoSnapshot s = snapshot(files, List.of(), List.of());

        PackedContext p = packer.pack(s, Map.of(), 6000);

        assertThat(p.tokens()).isLessThanOrEqualTo(6000);
        assertThat(p.sentPaths()).startsWith("Dockerfile");
        assertThat(p.text()).contains("=== Not sent: ").contains("src/");
        assertThat(p.leftOut()).hasSize(20_001 - p.sentPaths().size());
    }

    @Test
    void packsAScannedFixtureWithRedactedSecretsOnly() {
        RepoSnapshot s = ContextFixtures.scan(ContextFixtures.copy("context-secrets", tmp));

        PackedContext p = packer.pack(s, new LinkedHashMap<>(), 20_000);

        assertThat(p.sentPaths()).hasSize(s.files().size());
        assertThat(p.text()).contains("[REDACTED:openai-key]").doesNotContainPattern("sk-proj-[A-Za-z0-9]{8}")
                .doesNotContainPattern("ghp_[A-Za-z0-9]{8}");
    }
}
