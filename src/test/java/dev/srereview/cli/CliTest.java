package dev.srereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.chat.FakeServices;
import dev.srereview.context.ScanException;
import dev.srereview.evidence.Severity;
import dev.srereview.render.MarkdownRenderer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeServices services;

    @BeforeEach
    void repo() throws IOException {
        Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/app.py"), "import requests\n");
        services = new FakeServices(null);
    }

    private int run(String... args) {
        return runWithInput("", args);
    }

    private int runWithInput(String stdin, String... args) {
        AppEnvironment env = new AppEnvironment(Map.of(), dir,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Cli(env, services).run(args);
    }

    /** The review as the markdown renderer writes it (what stdout and --output must hold, byte for byte). */
    private String markdown() {
        String md = new MarkdownRenderer().render(services.run.outcome());
        return md.endsWith("\n") ? md : md + System.lineSeparator();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<String> errLines() {
        return err.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chat", "review", "replay", "compare"})
    void helpOnEveryCommand(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        assertThat(run(args)).isZero();
        assertThat(out()).startsWith("Usage: sre-review" + (command.isEmpty() ? "" : " " + command)).contains("--version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "chat", "review", "replay", "compare"})
    void versionOnEveryCommand(String command) {
        String[] args = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "-V"};
        assertThat(run(args)).isZero();
        assertThat(out().strip()).isEqualTo("sre-review " + ManifestVersion.version());
    }

    @Test
    void badFlagIsOneLineAndExitTwo() {
        assertThat(run("review", "repo", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("--bogus").contains("sre-review review --help").doesNotContain("Exception");
        assertThat(out()).isEmpty();
    }

    @Test
    void badEnumValueIsOneLine() {
        assertThat(run("review", "repo", "--fail-on", "P9")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("P9");
    }

    @Test
    void missingPathIsExitTwo() {
        assertThat(run("review", "no-such-dir", "--offline")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).containsExactly("sre-review: no such directory: no-such-dir");
        assertThat(services.reviewedTargets).isEmpty();
    }

    @Test
    void aFileIsNotAReviewTarget() {
        assertThat(run("review", "repo/app.py")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
    }

    @Test
    void scanFailureIsExitTwo() {
        services.failure = new ScanException("the directory is empty");
        assertThat(run("review", "repo")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).containsExactly("sre-review: cannot review repo: the directory is empty");
    }

    @Test
    void invalidSettingIsOneLineNamingKeyValueAndFile() throws IOException {
        Path cfg = dir.resolve("bad.yaml");
        Files.writeString(cfg, "llm:\n  deadline: forever\n");
        assertThat(run("review", "repo", "--config", "bad.yaml")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("llm.deadline").contains("'forever'").contains(cfg.toString());
    }

    @Test
    void unknownSettingWarnsOnStderrAndGoesOn() throws IOException {
        Files.writeString(dir.resolve("cfg.yaml"), "review:\n  maxRepair: 1\n");
        assertThat(run("review", "repo", "--config", "cfg.yaml")).isZero();
        assertThat(errLines()).anySatisfy(l -> assertThat(l).contains("'review.maxRepair'").contains("cfg.yaml"));
    }

    @Test
    void onlyTheReviewGoesToStdoutAndMessagesToStderr() {
        services.noticeToSend = "scanned 3 files; 1 secret redacted";
        assertThat(run("review", "repo", "--offline")).isZero();
        assertThat(out()).isEqualTo(markdown());
        assertThat(errLines()).containsExactly("scanned 3 files; 1 secret redacted");
        assertThat(services.reviewedTargets).containsExactly("repo");
    }

    @Test
    void aReviewStandardOutputRefusesIsOneLineAndANonZeroExit() {
        // `review . > /dev/full` in CI: a PrintStream keeps the error to itself unless asked
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        AppEnvironment env = new AppEnvironment(Map.of(), dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(full, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertThat(new Cli(env, services).run("review", "repo", "--offline")).isEqualTo(ExitCodes.NO_REVIEW);
        assertThat(errLines()).singleElement().asString().contains("cannot write to standard output");
    }

    @Test
    void failOnGatesOnRisksAndFindings() {
        services.run = FakeServices.run(Severity.P2, Severity.P3);
        assertThat(run("review", "repo", "--fail-on", "P1")).isEqualTo(ExitCodes.OK);
        assertThat(run("review", "repo", "--fail-on", "p2")).as("a P2 risk reaches P2").isEqualTo(ExitCodes.GATED);
        services.run = FakeServices.run(Severity.P3, Severity.P0);
        assertThat(run("review", "repo", "--fail-on", "P0")).as("a P0 finding reaches P0").isEqualTo(ExitCodes.GATED);
        assertThat(run("review", "repo")).as("no --fail-on never gates").isEqualTo(ExitCodes.OK);
    }

    @Test
    void outputIsWrittenAtomicallyAndStdoutStaysEmpty() throws IOException {
        Path target = dir.resolve("reports/review.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old content");
        assertThat(run("review", "repo", "--output", "reports/review.md")).isZero();
        assertThat(Files.readString(target)).isEqualTo(markdown());
        assertThat(out()).isEmpty();
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("review.md");
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .as("a report others read, not an owner-only temp file").isEqualTo("rw-r--r--");
    }

    @Test
    void unwritableOutputIsExitTwo() throws IOException {
        Files.writeString(dir.resolve("afile"), "x");
        assertThat(run("review", "repo", "--output", "afile/review.md")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).singleElement().asString()
                .isEqualTo("sre-review: cannot write afile/review.md: a parent of it is a file, not a directory");
    }

    @Test
    void unexpectedFailureIsOneLinePointingAtTheLog() {
        services.failure = new IllegalStateException("boom");
        assertThat(run("review", "repo")).isEqualTo(ExitCodes.NO_REVIEW);
        assertThat(errLines()).hasSize(1);
        assertThat(errLines().get(0)).contains("boom").contains("details in").contains("sre-review.log");
    }

    @Test
    void chatReadsLinesFromAPipeAndExits() {
        assertThat(runWithInput("/help\n/exit\n", "--offline")).isZero();
        assertThat(out()).contains("offline reviewer (--offline)").contains("/review-deployment [PATH]").contains("/exit");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void noArgumentsStartTheChatWithDefaultsAndReportFailuresAsUsual() throws IOException {
        assertThat(runWithInput("/help\n/exit\n")).isZero();
        assertThat(out()).contains("offline reviewer: no OPENAI_API_KEY set").contains("/review-deployment [PATH]");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        // a broken settings file in $SRE_REVIEW_CONFIG: one line and exit 2, as with any option given
        Files.writeString(dir.resolve("bad.yaml"), "llm: [unclosed\n");
        AppEnvironment env = new AppEnvironment(Map.of("SRE_REVIEW_CONFIG", dir.resolve("bad.yaml").toString()), dir,
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(new Cli(env, services).run()).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).singleElement().asString().startsWith("sre-review: ");
    }

    @Test
    void replayPrintsASavedSessionAndRefusesGarbageWithOneLine() throws Exception {
        Path session = Path.of(getClass().getResource("/transcripts/v1-session.jsonl").toURI());
        assertThat(run("replay", session.toString())).isZero();
        assertThat(out()).startsWith("# sre-review session ");
        Path garbage = Path.of(getClass().getResource("/transcripts/garbage.jsonl").toURI());
        err.reset();
        assertThat(run("replay", garbage.toString())).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
        err.reset();
        assertThat(run("replay", "missing.jsonl")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
        err.reset();
        out.reset();
        assertThat(run("replay", session.toString(), "--format", "sarif")).as("the contract: markdown|json")
                .isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).singleElement().asString().contains("sarif");
        assertThat(out()).isEmpty();
    }

    @Test
    void theChatStartsWithoutBuildingSubcommandsOnlyWhenNothingElseIsAsked() {
        assertThat(Cli.needsSubcommands()).isFalse();
        assertThat(Cli.needsSubcommands("--offline", "--model", "x")).as("a flag value is not a subcommand").isTrue();
        assertThat(Cli.needsSubcommands("--offline", "-v")).isFalse();
        assertThat(Cli.needsSubcommands("--help")).isTrue();
        assertThat(Cli.needsSubcommands("revew")).isTrue();
        assertThat(run("--offline", "--bogus")).isEqualTo(ExitCodes.USAGE);
        assertThat(errLines()).hasSize(1);
    }
}
