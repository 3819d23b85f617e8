package dev.srereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.srereview.review.OpenAiWire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review command over the real pipeline (offline) on a fixture service: exit codes, formats, --output. */
class ReviewEndToEndTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runWith(Map.of(), args);
    }

    private int runWith(Map<String, String> environment, String... args) {
        out.reset();
        err.reset();
        AppEnvironment env = new AppEnvironment(environment, dir, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Cli(env).run(args);
    }

    private static String fixture() throws Exception {
        return Path.of(ReviewEndToEndTest.class.getResource("/fixtures/pipeline-service").toURI()).toString();
    }

    @Test
    void markdownOnStdoutAndFailOnDecidesTheExitCode() throws Exception {
        assertThat(run("review", fixture(), "--offline")).isEqualTo(ExitCodes.OK);
        String md = out.toString(StandardCharsets.UTF_8);
        assertThat(md).startsWith("## Operational Readiness Score").contains("## Production Risks").contains("[P1]")
                .doesNotContain("\u001b[");
        assertThat(run("review", fixture(), "--offline", "--fail-on", "P1")).as("the fixture has P1 risks")
                .isEqualTo(ExitCodes.GATED);
        assertThat(run("review", fixture(), "--offline", "--fail-on", "P0")).as("and no P0").isEqualTo(ExitCodes.OK);
    }

    @Test
    void jsonParsesAndSarifIsSarif() throws Exception {
        assertThat(run("review", fixture(), "--offline", "--format", "json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(json.path("source").asText()).isEqualTo("offline");
        assertThat(json.path("findings").isArray()).isTrue();
        assertThat(json.path("findings").size()).isPositive();

        assertThat(run("review", fixture(), "--offline", "--format", "SARIF")).isZero();
        JsonNode sarif = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    }

    @Test
    void outputFileHoldsTheReviewAndStdoutNothing() throws Exception {
        assertThat(run("review", fixture(), "--offline", "--format", "json", "--output", "out/review.json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(new ObjectMapper().readTree(Files.readString(dir.resolve("out/review.json"))).path("target").asText())
                .isNotEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("review written to out/review.json");
    }

    @Test
    void anEmptyDirectoryIsAnInputError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        int code = run("review", "empty", "--offline");
        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }

    @Test
    void optionsBeforeTheSubcommandApplyToIt() throws Exception {
        // a key and an endpoint nothing listens on: without --offline the review would try the LLM first
        Map<String, String> withKey = Map.of("OPENAI_API_KEY", "sk-test-key", "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
        assertThat(runWith(withKey, "--offline", "review", fixture(), "--format", "json")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("offline reviewer (--offline)");
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("source").asText())
                .isEqualTo("offline");

        assertThat(runWith(withKey, "--config", "missing.yaml", "review", fixture(), "--offline"))
                .as("a settings file named before the subcommand is read (and missing)").isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.yaml");
    }

    @Test
    void theReplysValidationWarningsAreSaidOnStderrWhenTheReviewGoesToAPipeOrAFile() throws Exception {
        WireMockServer wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        try {
            String review;
            try (var in = getClass().getClassLoader().getResourceAsStream("pipeline/valid-review.md")) {
                review = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            wm.stubFor(WireMock.post(WireMock.urlEqualTo("/v1/chat/completions")).willReturn(WireMock.aResponse()
                    .withStatus(200).withHeader("Content-Type", "text/event-stream")
                    .withBody(OpenAiWire.sse("Sure! Here is my review.\n\n" + review))));
            Map<String, String> llm = Map.of("OPENAI_API_KEY", "sk-test-not-a-key",
                    "OPENAI_BASE_URL", "http://127.0.0.1:" + wm.port() + "/v1");

            assertThat(runWith(llm, "review", fixture(), "--format", "sarif")).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("sre-review: warning: ").contains("Sure!");
            assertThat(runWith(llm, "review", fixture())).as("markdown to a pipe").isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("sre-review: warning: ");
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("## Operational Readiness Score");
        } finally {
            wm.stop();
        }
    }
}
