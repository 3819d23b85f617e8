package dev.srereview.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiChatClientTest {
    private WireMockServer server;
    private String baseUrl;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private ChatReply call(OpenAiChatClient client, TokenListener listener) {
        return client.chat(new ChatRequest("r-1", OpenAiWire.conversation()), listener, new CancelToken());
    }

    @Test
    void streamsPiecesAndReportsUsage() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(12, 3, "Hel", "lo", "!"))));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatReply reply = call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), pieces::add);

        assertThat(reply.text()).isEqualTo("Hello!");
        assertThat(pieces).containsExactly("Hel", "lo", "!");
        assertThat(reply.inputTokens()).isEqualTo(12);
        assertThat(reply.outputTokens()).isEqualTo(3);
        assertThat(reply.model()).isEqualTo(OpenAiWire.MODEL);
        server.verify(1, postRequestedFor(urlEqualTo(OpenAiWire.PATH))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiWire.KEY))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.model", equalTo(OpenAiWire.MODEL)))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
    }

    @Test
    void baseUrlWithoutPathGetsV1() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "ok"))));
        String bare = "http://127.0.0.1:" + server.port() + "/";

        assertThat(call(new OpenAiChatClient(OpenAiWire.settings(bare)), TokenListener.NONE).text()).isEqualTo("ok");
    }

    @Test
    void unauthorizedIsAuth() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).isEqualTo("The key was rejected (401): check OPENAI_API_KEY");
                });
    }

    @Test
    void unknownModelIsNotFound() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(404, "invalid_request_error", "model_not_found", "The model does not exist")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).startsWith("Model 'gpt-test' not found at " + baseUrl + " (404)");
                });
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(429, "rate_limit_exceeded", null, "slow down").withHeader("Retry-After", "7")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfterMillis()).isEqualTo(7000);
                });
    }

    @Test
    void cutOffByTheServerIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind().retryable()).isTrue());
    }

    @Test
    void serverErrorIsServer() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(500, "server_error", null, "boom")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.SERVER));
        server.verify(1, postRequestedFor(urlEqualTo(OpenAiWire.PATH)));
    }

    /** The SDK's stream handler runs on StreamGate's threads (held until LangChain4j has stored its handle). */
    @Test
    void streamHandlersRunThroughTheGate() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "now"))));
        List<String> threads = new CopyOnWriteArrayList<>();

        call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), piece -> threads.add(Thread.currentThread().getName()));

        assertThat(threads).isNotEmpty().allMatch(name -> name.equals("llm-stream-handler"));
    }

    @Test
    void hangIsTimeout() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "late")).withFixedDelay(3000)));
        OpenAiChatClient client = new OpenAiChatClient(OpenAiWire.settings(baseUrl, Duration.ofMillis(500), 1));
        assertThatThrownBy(() -> call(client, TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT));
    }

    @Test
    void truncatedStreamIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.truncated("Hel", "lo"))));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE));
    }

    @Test
    void brokenChunkIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).startsWith("The reply from " + baseUrl + " was not valid HTTP/SSE");
                });
    }

    @Test
    void notJsonIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream("data: {this is not json\n\ndata: [DONE]\n\n")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE));
    }

    @Test
    void errorEventInTheStreamIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.truncated("Hel")
                + "data: {\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\",\"code\":null,\"param\":null}}\n\n")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE);
                    assertThat(e.getMessage()).isEqualTo("The server sent an error in the middle of the answer: The server is overloaded");
                });
    }

    @Test
    void aServerThatDoesNotStreamIsAskedForPlainJsonFromThenOn() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"c\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-test\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"hi\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}")));
        OpenAiChatClient client = new OpenAiChatClient(OpenAiWire.settings(baseUrl));
        List<String> pieces = new CopyOnWriteArrayList<>();

        ChatReply first = call(client, pieces::add);
        ChatReply second = call(client, TokenListener.NONE);

        assertThat(first.text()).isEqualTo("hi");
        assertThat(pieces).containsExactly("hi");
        assertThat(first.inputTokens()).isEqualTo(1);
        assertThat(second.text()).isEqualTo("hi");
        server.verify(1, postRequestedFor(urlEqualTo(OpenAiWire.PATH)).withRequestBody(matchingJsonPath("$.stream", equalTo("true"))));
        server.verify(3, postRequestedFor(urlEqualTo(OpenAiWire.PATH)));
    }

    @Test
    void htmlIsBadResponse() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(aResponse()
                .withFixedDelay(OpenAiWire.ERROR_LATENCY_MS) // an answer the library fails on: see OpenAiWire.error
                .withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>login</html>")));
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(baseUrl)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_RESPONSE));
    }

    @Test
    void refusedIsUnreachable() {
        String dead = "http://127.0.0.1:9/v1";
        assertThatThrownBy(() -> call(new OpenAiChatClient(OpenAiWire.settings(dead)), TokenListener.NONE))
                .isInstanceOfSatisfying(LlmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREACHABLE);
                    assertThat(e.getMessage()).isEqualTo("Cannot reach http://127.0.0.1:9/v1: is the server running?");
                });
    }
}
