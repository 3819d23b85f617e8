package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryScannerTest {
    @TempDir
    Path tmp;

    private RepoSnapshot scan(Path root) {
        return ContextFixtures.scan(root);
    }

    private Map<String, FileKind> kinds(RepoSnapshot s) {
        return s.files().stream().collect(Collectors.toMap(SourceFile::path, SourceFile::kind));
    }

    private static String reason(RepoSnapshot s, String path) {
        return s.leftOut().stream().filter(l -> l.path().equals(path)).map(LeftOut::reason).findFirst().orElse(null);
    }

    @Test
    void classifiesAnMlRepositoryLikeAnSre() throws IOException {
        RepoSnapshot s = scan(ContextFixtures.copy("context-ml-repo", tmp));

        assertThat(kinds(s)).containsAllEntriesOf(Map.ofEntries(
                Map.entry("app/serve.py", FileKind.SERVING_CODE),
                Map.entry("app/features.py", FileKind.OTHER_CODE),
                Map.entry("train.py", FileKind.TRAINING_CODE),
                Map.entry("Dockerfile", FileKind.DOCKERFILE),
                Map.entry("k8s/app.yaml", FileKind.K8S_MANIFEST),
                Map.entry("k8s/notes.yaml", FileKind.CONFIG),
                Map.entry("chart/Chart.yaml", FileKind.HELM_CHART),
                Map.entry("chart/values.yaml", FileKind.HELM_CHART),
                Map.entry("chart/templates/deployment.yaml", FileKind.HELM_CHART),
                Map.entry("docker-compose.yml", FileKind.COMPOSE),
                Map.entry(".github/workflows/ci.yml", FileKind.CI_WORKFLOW),
                Map.entry("requirements.txt", FileKind.DEPENDENCY_FILE),
                Map.entry("poetry.lock", FileKind.DEPENDENCY_FILE),
                Map.entry("notebooks/explore.ipynb", FileKind.NOTEBOOK),
                Map.entry("tests/test_api.py", FileKind.TEST),
                Map.entry("config/settings.yaml", FileKind.CONFIG),
                Map.entry("README.md", FileKind.DOC)));
        assertThat(s.root()).isEqualTo(tmp.toRealPath());
        assertThat(s.files()).allSatisfy(f -> assertThat(f.path()).doesNotStartWith("/").doesNotContain("\\"));
    }

    @Test
    void honoursGitignoreNegationAndTheToolIgnoreFile() {
        RepoSnapshot s = scan(ContextFixtures.copy("context-ml-repo", tmp));

        assertThat(reason(s, "debug.log")).isEqualTo("gitignored");
        assertThat(s.file("keep.log")).isPresent();
        assertThat(reason(s, "scratch/")).startsWith("gitignored");
        assertThat(reason(s, "models/")).isEqualTo("gitignored (1 files)");
        assertThat(s.file("models/README.md")).isEmpty();
        assertThat(s.exists("scratch/")).isTrue();
    }

    @Test
    void theToolsOwnTranscriptsAreLeftOutButOtherJsonLinesAreRead() throws IOException {
        write("app.py", "print('hi')\n");
        write("transcripts/2026-11-28T00-34-46_repo.jsonl",
                "{\"type\":\"header\",\"at\":\"2026-11-28T00:34:46Z\",\"schemaVersion\":1,\"personaSha256\":\"ab\"}\n"
                        + "{\"type\":\"review\"}\n");
        write("data/events.jsonl", "{\"type\":\"header\",\"user\":1}\n");

        RepoSnapshot s = scan(tmp);

        assertThat(reason(s, "transcripts/2026-11-28T00-34-46_repo.jsonl")).contains("sre-review transcript");
        assertThat(s.file("data/events.jsonl")).isPresent();
    }

    @Test
    void nestedGitignoreAppliesBelowItsDirectoryOnly() throws IOException {
        write("a/.gitignore", "*.tmp\n/local.txt\n");
        write("a/x.tmp", "x");
        write("a/local.txt", "x");
        write("a/b/local.txt", "kept: anchored rule is for a/local.txt only");
        write("a/b/y.tmp", "y");
        write("z.tmp", "kept: the rule lives in a/");

        RepoSnapshot s = scan(tmp);

        assertThat(reason(s, "a/x.tmp")).isEqualTo("gitignored");
        assertThat(reason(s, "a/local.txt")).isEqualTo("gitignored");
        assertThat(reason(s, "a/b/y.tmp")).isEqualTo("gitignored");
        assertThat(s.file("a/b/local.txt")).isPresent();
        assertThat(s.file("z.tmp")).isPresent();
    }

    @Test
    void neverWalksVcsVenvsDependenciesOrCaches() throws IOException {
        write("app.py", "print('hi')\n");
        write(".git/config", "[core]\n");
        write("node_modules/left-pad/index.js", "module.exports = 1\n");
        write(".venv/lib/python3.11/site-packages/flask/__init__.py", "x = 1\n");
        write("env/pyvenv.cfg", "home = /usr/bin\n");
        write("venv/bin/activate", "# old virtualenv, no pyvenv.cfg\n");
        write("tools/venv/__init__.py", "# a package named venv (like the stdlib's) is source\n");
        write("env/lib/x.py", "x = 1\n");
        write("pkg/__pycache__/mod.cpython-311.pyc", "x");
        write(".ipynb_checkpoints/a-checkpoint.ipynb", "{}");
        write("build/lib/pkg/mod.py", "x = 1\n");
        write("docker/build/Dockerfile", "FROM python:3.11\n");

        RepoSnapshot s = scan(tmp);

        assertThat(s.files()).extracting(SourceFile::path)
                .containsExactlyInAnyOrder("app.py", "docker/build/Dockerfile", "tools/venv/__init__.py");
        assertThat(reason(s, "venv/")).isEqualTo("virtual environment");
        assertThat(reason(s, ".git/")).isEqualTo("version control");
        assertThat(reason(s, "node_modules/")).isEqualTo("dependencies");
        assertThat(reason(s, ".venv/")).isEqualTo("virtual environment");
        assertThat(reason(s, "env/")).isEqualTo("virtual environment");
        assertThat(reason(s, "pkg/__pycache__/")).isEqualTo("cache");
        assertThat(reason(s, "build/")).isEqualTo("build output");
        assertThat(reason(s, "docker/build/")).isNull(); // a build/ dir holding sources is walked
    }

    @Test
    void weightsAreArtifactsWithTheirSizeAndAreNeverRead() throws IOException {
        write("serve.py", "import flask\n");
        sparse("model.pt", 3L << 30);
        sparse("models/encoder.safetensors", 5L << 20);
        write(".gitignore", "models/\n*.bin\n");
        sparse("pytorch_model.bin", 1L << 20);
        write("data/small.csv", "a,b\n1,2\n");
        sparse("data/big.csv", 2L << 20);

        RepoSnapshot s = scan(tmp);

        assertThat(s.artifacts()).extracting(Artifact::path, Artifact::sizeBytes, Artifact::kind).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("model.pt", 3L << 30, "model"),
                org.assertj.core.groups.Tuple.tuple("models/encoder.safetensors", 5L << 20, "model"),
                org.assertj.core.groups.Tuple.tuple("pytorch_model.bin", 1L << 20, "model"),
                org.assertj.core.groups.Tuple.tuple("data/big.csv", 2L << 20, "data"));
        assertThat(s.file("data/small.csv")).isPresent();
        assertThat(s.stats().artifacts()).isEqualTo(4);
    }

    @Test
    void binaryLatin1AndCapsAreHandled() throws IOException {
        Files.write(tmp.resolve("blob.dat2"), new byte[] {'a', 0, 'b'});
        Files.write(tmp.resolve("legacy.txt"), "caf\u00e9 cr\u00e8me\n".getBytes(StandardCharsets.ISO_8859_1));
        write("utf8.txt", "caf\u00e9 \u2603\n");
        write("logo.png", "not really a png");
        // A 3 MB single line: read at most maxFileBytes, kept at most maxLineChars.
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("bundle.min.js").toFile(), "rw")) {
            f.write("x".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII));
        }
        write("big.py", "a = 1\n".repeat(100_000));

        RepoSnapshot s = new RepositoryScanner(ContextFixtures.settings(64 * 1024, 500), new Redactor())
                .scan(tmp, "t", ScanProgress.NONE);

        assertThat(reason(s, "blob.dat2")).isEqualTo("binary");
        assertThat(reason(s, "logo.png")).isEqualTo("binary");
        assertThat(s.file("legacy.txt")).get().extracting(SourceFile::content).isEqualTo("caf\u00e9 cr\u00e8me\n");
        assertThat(s.file("utf8.txt")).get().extracting(SourceFile::content).isEqualTo("caf\u00e9 \u2603\n");
        SourceFile min = s.file("bundle.min.js").orElseThrow();
        assertThat(min.truncated()).isTrue();
        assertThat(min.content()).hasSizeLessThan(600).contains("[line cut by sre-review");
        assertThat(min.sizeBytes()).isEqualTo(3 << 20);
        SourceFile big = s.file("big.py").orElseThrow();
        assertThat(big.truncated()).isTrue();
        assertThat(big.content().length()).isLessThanOrEqualTo(64 * 1024);
        assertThat(big.content()).endsWith("a = 1\n");
    }

    @Test
    void aSecretOnALineLongerThanTheCapIsRedactedBeforeTheLineIsCut() throws IOException {
        // a service account's JSON keeps its key on one line, longer than maxLineChars: redact first, then cut
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            body.append("MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSwwggkoAgEAAoICAQC").append(i).append("\\n");
        }
        write("sa.json", "{\n  \"type\": \"service_account\",\n  \"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"
                + body + "-----END PRIVATE KEY-----\\n\",\n  \"client_email\": \"svc@p.iam.gserviceaccount.com\"\n}\n");
        write("long_token.py", "X = 1  # " + "y".repeat(460) + " ghp_" + "oCCxKr1vIWc7C6QNJyMs4h7hSe4vQ2pL9aZx" + "\n");

        RepoSnapshot s = new RepositoryScanner(ContextFixtures.settings(64 * 1024, 500), new Redactor())
                .scan(tmp, "t", ScanProgress.NONE);

        SourceFile sa = s.file("sa.json").orElseThrow();
        assertThat(sa.content()).doesNotContain("MIIJQgIBADANBgkqhkiG9w0BAQEFAASCCSww").contains("[REDACTED:private-key]");
        assertThat(sa.redactions()).hasSize(1);
        SourceFile tok = s.file("long_token.py").orElseThrow();
        assertThat(tok.content()).doesNotContain("oCCxKr1vIWc7C6QNJyMs").contains("[REDACTED:github-token]");
        assertThat(tok.redactions()).hasSize(1);
    }

    @Test
    void notebooksKeepCodeCellsOnly() {
        RepoSnapshot s = scan(ContextFixtures.copy("context-ml-repo", tmp));

        String nb = s.file("notebooks/explore.ipynb").orElseThrow().content();
        assertThat(nb).isEqualTo("# %% [cell 2]\nimport pandas as pd\ndf = pd.read_csv('data.csv')\n"
                + "# %% [cell 3]\ndf.describe()\n");
        assertThat(nb).doesNotContain("OUTPUT-SHOULD-NOT-APPEAR").doesNotContain("iVBOR").doesNotContain("Exploration");
    }

    @Test
    void secretsAreRedactedBeforeTheSnapshotHoldsThem() {
        RepoSnapshot s = scan(ContextFixtures.copy("context-secrets", tmp));

        assertThat(s.stats().secretsRedacted()).isEqualTo(15);
        assertThat(s.stats().filesWithSecrets()).isEqualTo(5);
        assertThat(s.secretsRedacted()).isEqualTo(15);
        assertThat(s.file(".env").orElseThrow().content()).contains("OPENAI_API_KEY=[REDACTED:openai-key]")
                .contains("LOG_LEVEL=info").contains("PORT=8080");
        assertThat(s.file("deploy/id_rsa").orElseThrow().redactions()).extracting(Redaction::detector)
                .containsExactly("private-key");
        String all = s.files().stream().map(SourceFile::content).collect(Collectors.joining("\n"));
        assertThat(all).doesNotContainPattern("sk-proj-[A-Za-z0-9]{10}").doesNotContainPattern("AKIA[A-Z0-9]{16}")
                .doesNotContainPattern("ghp_[A-Za-z0-9]{10}").doesNotContainPattern("hf_[A-Za-z0-9]{10}");
    }

    @Test
    void lookAlikeSecretsAreLeftIntact() {
        RepoSnapshot s = scan(ContextFixtures.copy("context-secrets-lookalike", tmp));

        assertThat(s.stats().secretsRedacted()).isZero();
        assertThat(s.file(".env").orElseThrow().content()).contains("AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void symlinksNeverLeaveTheRootAndLoopsEnd() throws IOException {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "outside the root\n");
        Path root = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(root.resolve("app.py"), "x = 1\n");
        Files.createDirectories(root.resolve("sub"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Files.createSymbolicLink(root.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("sub/loop"), root);
        Files.createSymbolicLink(root.resolve("self"), root.resolve("self"));
        Files.createSymbolicLink(root.resolve("alias.py"), root.resolve("app.py"));
        Files.createSymbolicLink(root.resolve("dangling"), root.resolve("nope"));

        RepoSnapshot s = scan(root);

        assertThat(reason(s, "escape")).isEqualTo("symlink outside the root");
        assertThat(reason(s, "escape.txt")).isEqualTo("symlink outside the root");
        assertThat(reason(s, "sub/loop/")).isEqualTo("symlink to ./");
        assertThat(reason(s, "self")).isEqualTo("symlink loop");
        assertThat(reason(s, "dangling")).isEqualTo("broken symlink");
        assertThat(s.file("alias.py")).get().extracting(SourceFile::content).isEqualTo("x = 1\n");
        assertThat(s.files()).noneMatch(f -> f.content().contains("outside the root"));
    }

    @Test
    void fifosAreSkippedWithoutBlocking() throws Exception {
        write("app.py", "x = 1\n");
        Process p = new ProcessBuilder("mkfifo", tmp.resolve("pipe").toString()).start();
        assumeThat(p.waitFor()).isZero();

        RepoSnapshot s = scan(tmp);

        assertThat(reason(s, "pipe")).startsWith("not a regular file");
    }

    @Test
    void badTargetsFailWithOneClearLine() throws IOException {
        RepositoryScanner scanner = new RepositoryScanner(ContextFixtures.settings(), new Redactor());
        Path file = Files.writeString(tmp.resolve("a.py"), "x = 1\n");
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Path onlyBinary = Files.createDirectories(tmp.resolve("bin"));
        Files.write(onlyBinary.resolve("x.png"), new byte[] {1, 2});

        assertThatThrownBy(() -> scanner.scan(tmp.resolve("missing"), "missing", ScanProgress.NONE))
                .isInstanceOf(ScanException.class).hasMessage("missing: no such directory");
        assertThatThrownBy(() -> scanner.scan(file, "a.py", ScanProgress.NONE))
                .isInstanceOf(ScanException.class).hasMessageStartingWith("a.py is a file, not a directory");
        assertThatThrownBy(() -> scanner.scan(empty, "empty", ScanProgress.NONE))
                .isInstanceOf(ScanException.class).hasMessage("empty is empty: there is nothing to review");
        assertThatThrownBy(() -> scanner.scan(onlyBinary, "bin", ScanProgress.NONE))
                .isInstanceOf(ScanException.class).hasMessageStartingWith("bin has no readable text files");
        assertThatThrownBy(() -> scanner.scan(tmp.resolve("missing"), "missing", ScanProgress.NONE))
                .extracting(Throwable::getMessage).asString().doesNotContain("\n");
    }

    @Test
    void unreadableDirectoryIsOneClearLine() throws IOException {
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root"); // root reads everything
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Files.writeString(locked.resolve("a.py"), "x\n");
        locked.toFile().setReadable(false);
        try {
            assertThatThrownBy(() -> scan(locked)).isInstanceOf(ScanException.class)
                    .hasMessageContaining("permission denied");
        } finally {
            locked.toFile().setReadable(true);
        }
    }

    @Test
    void reportsProgressAndStats() throws IOException {
        for (int i = 0; i < 1200; i++) {
            write("pkg" + (i % 7) + "/m" + i + ".py", "x = " + i + "\n");
        }
        AtomicInteger last = new AtomicInteger();
        RepoSnapshot s = new RepositoryScanner(ContextFixtures.settings(), new Redactor())
                .scan(tmp, "t", n -> last.accumulateAndGet(n, Math::max));

        assertThat(s.files()).hasSize(1200);
        assertThat(s.files()).isSortedAccordingTo(java.util.Comparator.comparing(SourceFile::path));
        assertThat(s.stats().filesScanned()).isEqualTo(1200);
        assertThat(s.stats().filesRead()).isEqualTo(1200);
        assertThat(last.get()).isEqualTo(1200);
    }

    private void write(String rel, String content) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void sparse(String rel, long size) throws IOException {
        Path p = tmp.resolve(rel);
        Files.createDirectories(p.getParent());
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    static List<String> paths(RepoSnapshot s) {
        return s.files().stream().map(SourceFile::path).toList();
    }
}
