package dev.srereview.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.srereview.config.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guarded client against WireMock speaking the OpenAI wire format, with a fake clock for the waits. */
class ResilientChatClientTest {
    private WireMockServer server;
    private String baseUrl;
    private final FakeTime time = new FakeTime();
    private final LlmStats stats = new LlmStats();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /**
     * For the tests' own waiting, never the common pool: openai-java sends each request from there (its
     * thenComposeAsync), so a test blocked in it can starve the call it waits for. Where that pool has a single worker
     * (Java 25 on two cores: Java 17 starts a thread per task instead), the call then waited for llm.timeout.
     */
    private final ExecutorService background = Executors.newCachedThreadPool();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
    }

    @AfterEach
    void stop() {
        timer.shutdownNow();
        background.shutdownNow();
        server.stop();
    }

    private static Settings.Llm with(Settings.Llm s, int maxAttempts, int threshold, int window, int rpm) {
        return new Settings.Llm(s.baseUrl(), s.model(), s.apiKey(), s.timeout(), maxAttempts, s.deadline(),
                s.backoffInitial(), s.backoffMultiplier(), s.backoffMax(), threshold, window, s.breakerOpenFor(), rpm,
                s.temperature(), s.maxOutputTokens());
    }

    private ResilientChatClient client(Settings.Llm s) {
        return new ResilientChatClient(new OpenAiChatClient(s, time), s, stats, time, time);
    }

    private ResilientChatClient client() {
        return client(OpenAiWire.settings(baseUrl));
    }

    private static ChatRequest request() {
        return new ChatRequest("req-1", OpenAiWire.conversation());
    }

    /** First answer {@code first}, then a streamed success. */
    private void failOnceThenAnswer(ResponseDefinitionBuilder first) {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).inScenario("s").whenScenarioStateIs(STARTED)
                .willReturn(first).willSetStateTo("ok"));
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).inScenario("s").whenScenarioStateIs("ok")
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(20, 2, "fine", "!"))));
    }

    private static LlmException failure(ThrowingCallable call) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(call).isInstanceOf(LlmException.class).satisfies(t -> caught[0] = t);
        return (LlmException) caught[0];
    }

    private int requests() {
        return server.countRequestsMatching(postRequestedFor(urlEqualTo(OpenAiWire.PATH)).build()).getCount();
    }

    /** 408: OkHttp itself repeats a 408 once inside each attempt (not configurable through LangChain4j), so 2 x 3. */
    @ParameterizedTest(name = "{0} -> {1}, {2} request(s)")
    @CsvSource({
        "400, BAD_REQUEST, 1, 1", "401, AUTH, 1, 1", "403, AUTH, 1, 1", "404, NOT_FOUND, 1, 1", "422, BAD_REQUEST, 1, 1",
        "408, TIMEOUT, 3, 6", "429, RATE_LIMITED, 3, 3", "500, SERVER, 3, 3", "502, SERVER, 3, 3", "503, SERVER, 3, 3",
        "504, SERVER, 3, 3"
    })
    void onlyTransientStatusesAreRetried(int status, LlmException.Kind kind, int attempts, int httpRequests) {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(status, "t", null, "status " + status)));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.status()).isEqualTo(status);
        assertThat(requests()).isEqualTo(httpRequests);
        assertThat(time.sleeps).hasSize(attempts - 1);
        assertThat(stats.snapshot().attempts()).isEqualTo(attempts);
    }

    @Test
    void streamedSuccessReportsOneAttemptAndCountsTokens() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(12, 3, "a", "b"))));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatReply reply = client().chat(request(), pieces::add, new CancelToken());

        assertThat(reply.text()).isEqualTo("ab");
        assertThat(pieces).containsExactly("a", "b");
        assertThat(reply.attempts()).isEqualTo(1);
        LlmStats.Snapshot s = stats.snapshot();
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.attempts()).isEqualTo(1);
        assertThat(s.tokensIn()).isEqualTo(12);
        assertThat(s.tokensOut()).isEqualTo(3);
        assertThat(s.latencyP50()).isNotNull();
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void rateLimitedWaitsForRetryAfterThenSucceeds() {
        failOnceThenAnswer(OpenAiWire.error(429, "requests", "rate_limit_exceeded", "Rate limit reached")
                .withHeader("Retry-After", "3"));
        List<String> retries = new CopyOnWriteArrayList<>();
        TokenListener listener = new TokenListener() {
            @Override
            public void onToken(String text) {
            }

            @Override
            public void onRetry(int attempt, int maxAttempts, String reason) {
                retries.add(attempt + "/" + maxAttempts + " " + reason);
            }
        };

        ChatReply reply = client().chat(request(), listener, new CancelToken());

        assertThat(reply.text()).isEqualTo("fine!");
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(retries).singleElement().asString().startsWith("2/3 Rate limited (429)");
        assertThat(requests()).isEqualTo(2);
        assertThat(stats.snapshot().retries()).isEqualTo(1);
    }

    @Test
    void retryAfterIsCappedByBackoffMax() {
        failOnceThenAnswer(OpenAiWire.error(429, "requests", null, "slow").withHeader("Retry-After", "600"));

        client().chat(request(), TokenListener.NONE, new CancelToken());

        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void serverErrorOnceThenSuccessBacksOffWithJitter() {
        failOnceThenAnswer(OpenAiWire.error(500, "server_error", null, "boom"));

        ChatReply reply = client().chat(request(), TokenListener.NONE, new CancelToken());

        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(requests()).isEqualTo(2);
        // backoffInitial 100ms with ±50% jitter
        assertThat(time.sleeps).singleElement().satisfies(d -> assertThat(d.toMillis()).isBetween(50L, 150L));
    }

    @Test
    void serverErrorEveryTimeStopsAtMaxAttempts() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(503, "server_error", null, "down")));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER);
        assertThat(e.getMessage()).isEqualTo("The server failed (503) at 127.0.0.1:" + server.port()
                + ": try again later (3 attempts)");
        assertThat(requests()).isEqualTo(3);
        assertThat(time.sleeps).hasSize(2);
        assertThat(stats.snapshot().failuresByKind()).containsEntry(LlmException.Kind.SERVER, 1L);
        assertThat(stats.snapshot().attempts()).isEqualTo(3);
    }

    @Test
    void unauthorizedIsNeverRetriedNorCountedByTheBreaker() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: sk-te***cdef")));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 3, 2, 2, 0));

        for (int i = 0; i < 3; i++) {
            LlmException e = failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));
            assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
            assertThat(e.getMessage()).isEqualTo("The key was rejected (401): check OPENAI_API_KEY");
        }

        assertThat(requests()).isEqualTo(3);
        assertThat(client.breakerState()).isEqualTo("CLOSED");
        assertThat(time.sleeps).isEmpty();
    }

    @Test
    void unknownModelIsNotRetried() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(404, "invalid_request_error", "model_not_found", "The model `gpt-test` does not exist")));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.NOT_FOUND);
        assertThat(e.getMessage()).isEqualTo("Model 'gpt-test' not found at " + baseUrl
                + " (404): check SRE_REVIEW_MODEL, and that OPENAI_BASE_URL ends in /v1");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void badRequestIsNotRetriedAndQuotesTheServer() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(400, "invalid_request_error", "context_length_exceeded", "This model's maximum context length is 8192 tokens")));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).startsWith("The server rejected the request (400): ").contains("8192 tokens");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void quotaExhaustedIsNotRetried() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota")));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void hangPastTheTimeoutIsRetriedThenTimeout() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "late")).withFixedDelay(10_000)));
        Settings.Llm s = with(OpenAiWire.settings(baseUrl, Duration.ofMillis(400), 2), 2, 5, 10, 0);

        // two attempts of 400ms each against a 10s hang
        LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> failure(() -> client(s).chat(request(), TokenListener.NONE, new CancelToken())));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("No answer within 400ms from " + baseUrl + " (llm.timeout)");
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void streamCutOffMidwayIsRetried() {
        failOnceThenAnswer(OpenAiWire.stream(OpenAiWire.truncated("half an ", "answer")));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatReply reply = client().chat(request(), pieces::add, new CancelToken());

        assertThat(reply.text()).isEqualTo("fine!");
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(pieces).containsExactly("half an ", "answer", "fine", "!");
    }

    @Test
    void streamCutOffEveryTimeIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.truncated("half"))));

        LlmException e = failure(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).contains("ended before it was complete");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void bodyThatIsNotJsonIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.stream("data: {\"id\": oops this is not json\n\ndata: [DONE]\n\n")));
        Settings.Llm s = with(OpenAiWire.settings(baseUrl), 1, 5, 10, 0);

        LlmException e = failure(() -> client(s).chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("The reply from " + baseUrl
                + " was not valid JSON/SSE: is OPENAI_BASE_URL an OpenAI-compatible /v1 endpoint?");
    }

    @Test
    void htmlPageInsteadOfAStreamIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Sign in</body></html>")));
        Settings.Llm s = with(OpenAiWire.settings(baseUrl), 1, 5, 10, 0);

        LlmException e = failure(() -> client(s).chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
        assertThat(e.getMessage()).isEqualTo("The reply from " + baseUrl
                + " was not valid JSON/SSE: is OPENAI_BASE_URL an OpenAI-compatible /v1 endpoint?");
        // the stream request, then the same as plain JSON in case the server just does not stream
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void breakerOpensThenFailsFastWithoutARequestThenRecovers() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(500, "server_error", null, "boom")));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 1, 3, 5, 0));
        for (int i = 0; i < 3; i++) {
            assertThat(failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken())).kind())
                    .isEqualTo(LlmException.Kind.SERVER);
        }

        LlmException open = failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(open.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN);
        assertThat(open.getMessage()).isEqualTo("The LLM endpoint failed 3 times in a row; not calling it for 30s");
        assertThat(requests()).isEqualTo(3);
        assertThat(stats.snapshot().breakerState()).isEqualTo("OPEN");

        server.resetAll();
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "back"))));
        time.advance(Duration.ofSeconds(31));
        assertThat(client.chat(request(), TokenListener.NONE, new CancelToken()).text()).isEqualTo("back");
        assertThat(client.breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void afterTheWaitOneProbeGoesThroughAndAFailedProbeOpensAgain() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(500, "server_error", null, "boom")));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 1, 2, 5, 0));
        failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));
        failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));
        time.advance(Duration.ofSeconds(20));
        assertThat(failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken())).getMessage())
                .isEqualTo("The LLM endpoint failed 2 times in a row; not calling it for 10s");
        time.advance(Duration.ofSeconds(11));

        assertThat(failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken())).kind())
                .isEqualTo(LlmException.Kind.SERVER);
        assertThat(failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken())).kind())
                .isEqualTo(LlmException.Kind.CIRCUIT_OPEN);
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void breakerCountsFailuresInTheWindowNotOnlyInARow() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "ok"))).willSetStateTo("down"));
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).inScenario("w").whenScenarioStateIs("down")
                .willReturn(OpenAiWire.error(500, "server_error", null, "boom")));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 1, 2, 4, 0));
        client.chat(request(), TokenListener.NONE, new CancelToken());
        failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));
        failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));

        LlmException open = failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(open.kind()).isEqualTo(LlmException.Kind.CIRCUIT_OPEN);
        assertThat(open.getMessage()).isEqualTo("The LLM endpoint failed 2 of its last 3 calls; not calling it for 30s");
        assertThat(requests()).isEqualTo(3);
    }

    @Test
    void deadlineCutsARunningAttempt() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "late")).withFixedDelay(10_000)));
        ChatRequest r = new ChatRequest("req-d", OpenAiWire.conversation(), time.instant().plusMillis(300));

        // the attempt's own timeout is 30s and the server needs 10s: the deadline ends it first
        LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(4),
                () -> failure(() -> client().chat(r, TokenListener.NONE, new CancelToken())));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.DEADLINE);
        assertThat(e.getMessage()).isEqualTo("No answer before the review's deadline (llm.deadline): the answer was cut off there");
    }

    @Test
    void deadlineStopsRetries() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.error(500, "server_error", null, "boom").withHeader("Retry-After", "1")));
        Settings.Llm s = with(OpenAiWire.settings(baseUrl), 10, 20, 20, 0);
        ChatRequest r = new ChatRequest("req-d", OpenAiWire.conversation(), time.instant().plusMillis(2500));

        LlmException e = failure(() -> client(s).chat(r, TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.DEADLINE);
        assertThat(e.getMessage()).startsWith("Gave up after 3 attempts: no time left before the review's deadline")
                .contains("The server failed (500)");
        assertThat(requests()).isEqualTo(3);
        assertThat(time.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void deadlineAlreadyPassedMakesNoRequest() {
        ChatRequest r = new ChatRequest("req-d", OpenAiWire.conversation(), time.instant().minusSeconds(1));

        assertThat(failure(() -> client().chat(r, TokenListener.NONE, new CancelToken())).kind())
                .isEqualTo(LlmException.Kind.DEADLINE);
        assertThat(requests()).isZero();
    }

    @Test
    void cancelMidStreamEndsTheCallAndDropsThePartialAnswer() {
        StringBuilder body = new StringBuilder();
        String[] pieces = new String[40];
        for (int i = 0; i < pieces.length; i++) {
            pieces[i] = "word" + i + " ";
        }
        body.append(OpenAiWire.sse(5, 40, pieces));
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(body.toString())
                .withChunkedDribbleDelay(40, 20_000)));
        CancelToken cancel = new CancelToken();
        List<String> seen = new CopyOnWriteArrayList<>();
        TokenListener onFirst = t -> {
            if (seen.isEmpty()) {
                timer.schedule(cancel::cancel, 100, TimeUnit.MILLISECONDS);
            }
            seen.add(t);
        };

        // the stream takes 20s; the call must end long before
        LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failure(() -> client().chat(request(), onFirst, cancel)));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.CANCELLED);
        assertThat(seen).isNotEmpty().hasSizeLessThan(40);
        assertThat(requests()).isEqualTo(1);
        assertThat(stats.snapshot().failuresByKind()).containsEntry(LlmException.Kind.CANCELLED, 1L);
    }

    @Test
    void cancelBeforeTheFirstTokenEndsTheCall() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "late")).withFixedDelay(15_000)));
        CancelToken cancel = new CancelToken();
        timer.schedule(cancel::cancel, 200, TimeUnit.MILLISECONDS);

        // bounded well below the server's 15s: the call ends at the cancel, not when the server answers
        LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failure(() -> client().chat(request(), TokenListener.NONE, cancel)));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.CANCELLED);
    }

    @Test
    void cancelDuringTheBackoffWaitEndsTheCall() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.error(503, "server_error", null, "down").withHeader("Retry-After", "15")));
        Settings.Llm s = OpenAiWire.settings(baseUrl);
        ResilientChatClient client = new ResilientChatClient(new OpenAiChatClient(s), s, stats);
        CancelToken cancel = new CancelToken();
        // Cancel only once the first attempt has been answered, so a slow (loaded) machine still cancels in the wait.
        CompletableFuture.runAsync(() -> {
            while (requests() == 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(10_000_000L);
            }
            timer.schedule(cancel::cancel, 300, TimeUnit.MILLISECONDS);
        }, background);

        // the server asked for 15s
        LlmException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> failure(() -> client.chat(request(), TokenListener.NONE, cancel)));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.CANCELLED);
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsUnreachable() {
        Settings.Llm s = with(OpenAiWire.settings("http://127.0.0.1:9/v1"), 2, 5, 10, 0);

        LlmException e = failure(() -> client(s).chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo("Cannot reach http://127.0.0.1:9/v1: is the server running? (2 attempts)");
    }

    @Test
    void aSecondConcurrentRequestFailsClearly() throws Exception {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "slow")).withFixedDelay(1500)));
        ResilientChatClient client = client();
        CompletableFuture<ChatReply> first = CompletableFuture.supplyAsync(
                () -> client.chat(request(), TokenListener.NONE, new CancelToken()), background);
        server.verify(0, postRequestedFor(urlEqualTo(OpenAiWire.PATH)));
        while (requests() == 0) {
            Thread.sleep(20);
        }

        LlmException busy = failure(() -> client.chat(request(), TokenListener.NONE, new CancelToken()));

        assertThat(busy.kind()).isEqualTo(LlmException.Kind.BUSY);
        assertThat(first.get(5, TimeUnit.SECONDS).text()).isEqualTo("slow");
        assertThat(requests()).isEqualTo(1);
    }

    @Test
    void clientSideRateLimitWaitsForTheNextMinute() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "ok"))));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 3, 5, 10, 1));

        client.chat(request(), TokenListener.NONE, new CancelToken());
        client.chat(request(), TokenListener.NONE, new CancelToken());

        assertThat(time.sleeps).singleElement()
                .satisfies(d -> assertThat(d).isGreaterThan(Duration.ZERO).isLessThanOrEqualTo(Duration.ofMinutes(1)));
        assertThat(requests()).isEqualTo(2);
    }

    @Test
    void rateLimitWaitPastTheDeadlineFailsWithoutARequest() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "ok"))));
        ResilientChatClient client = client(with(OpenAiWire.settings(baseUrl), 3, 5, 10, 1));
        client.chat(request(), TokenListener.NONE, new CancelToken());
        Instant soon = time.instant().plusSeconds(5);

        LlmException e = failure(() -> client.chat(new ChatRequest("r2", OpenAiWire.conversation(), soon),
                TokenListener.NONE, new CancelToken()));

        assertThat(e.kind()).isEqualTo(LlmException.Kind.DEADLINE);
        assertThat(requests()).isEqualTo(1);
    }
}
