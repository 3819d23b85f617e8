package dev.srereview.review;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.srereview.config.Settings;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClients;
import dev.srereview.llm.LlmStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline against WireMock speaking the OpenAI wire format (SSE), on 127.0.0.1 only. */
class ReviewPipelineWireMockTest {
    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private Settings settings() {
        Settings base = ReviewServiceTest.settings(2, true, 24000);
        Settings.Llm l = base.llm();
        // One transport attempt with a generous limit: these tests count re-asks, not retries (a slow, loaded
        // machine must not turn a timeout retry into an extra request).
        Settings.Llm llm = new Settings.Llm("http://127.0.0.1:" + wm.port() + "/v1", "gpt-test", "sk-test-not-a-key",
                Duration.ofSeconds(60), 1, Duration.ofMinutes(5), l.backoffInitial(), l.backoffMultiplier(), l.backoffMax(),
                l.breakerFailureThreshold(), l.breakerWindow(), l.breakerOpenFor(), l.requestsPerMinute(),
                l.temperature(), l.maxOutputTokens());
        return new Settings(llm, base.review(), base.context(), base.transcripts(), base.log());
    }

    private ReviewRun review(Path fixture) {
        Settings s = settings();
        return ReviewServiceTest.service(s, ChatClients.create(s.llm(), new LlmStats()))
                .review(fixture, fixture.getFileName().toString(), ReviewListener.SILENT, new CancelToken());
    }

    private void stubInSequence(String... replies) {
        String state = Scenario.STARTED;
        for (int i = 0; i < replies.length; i++) {
            String next = i + 1 < replies.length ? "reply-" + (i + 1) : "done";
            wm.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario("replies").whenScenarioStateIs(state)
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
                            .withBody(OpenAiWire.sse(replies[i])))
                    .willSetStateTo(next));
            state = next;
        }
    }

    @Test
    void brokenThenValidReplyMakesTwoRequestsAndTheSecondNamesTheViolations() {
        stubInSequence(ReviewServiceTest.text("pipeline/broken-review.md"),
                ReviewServiceTest.text("pipeline/valid-review.md"));

        ReviewRun run = review(ReviewServiceTest.FIXTURE);

        List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getBodyAsString()).contains("Detection").contains("Missing Observability");
        assertThat(run.outcome().source()).isEqualTo(Source.LLM);
        assertThat(run.outcome().validation().repairs()).isEqualTo(1);
        assertThat(run.outcome().review().risks()).hasSize(2);
    }

    @Test
    void junkEveryTimeIsBoundedAndFallsBack() {
        stubInSequence("I think it's fine!", "Looks good to me.", "LGTM", "never requested");

        ReviewRun run = review(ReviewServiceTest.FIXTURE);

        assertThat(wm.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")))).hasSize(3);
        assertThat(run.outcome().source()).isEqualTo(Source.OFFLINE);
        assertThat(run.outcome().fallbackReason()).contains("broke the review format");
        assertThat(run.outcome().lastRawReply()).isEqualTo("LGTM");
    }

    @Test
    void noSecretOfTheRepositoryEverReachesTheEndpoint() throws IOException {
        Path fixture = ReviewServiceTest.fixture("fixtures/pipeline-secrets");
        stubInSequence(ReviewServiceTest.text("pipeline/valid-review.md").replace("app/serve.py:15", "app/main.py:19"));

        ReviewRun run = review(fixture);

        List<String> secrets = plantedSecrets(fixture);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(10);
        String sent = wm.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions"))).stream()
                .map(LoggedRequest::getBodyAsString).reduce("", String::concat);
        assertThat(sent).contains("[REDACTED:");
        for (String secret : secrets) {
            assertThat(sent).as("secret %s...", secret.substring(0, 6)).doesNotContain(secret);
        }
        assertThat(run.outcome().stats().secretsRedacted()).isGreaterThanOrEqualTo(8);
    }

    /** Every quoted or assigned value in the fixture that a secret scanner should catch. */
    private static List<String> plantedSecrets(Path root) throws IOException {
        Pattern value = Pattern.compile("(?:=\\s*\"?|value:\\s*\")([A-Za-z0-9_\\-]{20,})");
        Pattern url = Pattern.compile("://[^:/\\s]+:([^@\\s]+)@");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).flatMap(p -> {
                String text;
                try {
                    text = Files.readString(p, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                Stream.Builder<String> found = Stream.builder();
                for (Pattern pattern : List.of(value, url)) {
                    Matcher m = pattern.matcher(text);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
                text.lines().filter(l -> l.length() > 40 && !l.startsWith("-----")).filter(l -> !l.contains(" "))
                        .forEach(found::add);
                return found.build();
            }).distinct().toList();
        }
    }
}
