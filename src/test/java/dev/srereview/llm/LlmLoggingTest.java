package dev.srereview.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.srereview.config.Settings;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Every log line, at TRACE, from every library but the stub server: the key and the conversation never appear. */
class LlmLoggingTest {
    private static final String PLANTED = "PLANTED-CONTENT-do-not-log";

    private WireMockServer server;
    private String baseUrl;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        appender.start();
        root.addAppender(appender);
    }

    @AfterEach
    void stop() {
        root.detachAppender(appender);
        root.setLevel(rootLevel);
        server.stop();
    }

    private ResilientChatClient client() {
        FakeTime time = new FakeTime();
        Settings.Llm s = OpenAiWire.settings(baseUrl);
        return new ResilientChatClient(new OpenAiChatClient(s, time), s, new LlmStats(), time, time);
    }

    private static ChatRequest request() {
        return new ChatRequest("req-log", OpenAiWire.conversation());
    }

    private List<ILoggingEvent> ours() {
        return appender.list.stream().filter(e -> !e.getLoggerName().startsWith("wiremock")
                && !e.getLoggerName().startsWith("org.wiremock") && !e.getLoggerName().startsWith("com.github.tomakehurst"))
                .toList();
    }

    private static String everything(ILoggingEvent e) {
        StringBuilder b = new StringBuilder(e.getFormattedMessage()).append(' ').append(e.getMDCPropertyMap());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            b.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
        }
        return b.toString();
    }

    @Test
    void keyAndConversationNeverReachTheLog() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(3, 2, "ok"))));
        client().chat(request(), TokenListener.NONE, new CancelToken());
        server.resetAll();
        // A careless proxy echoing the key back in its error bodies.
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(401, "auth", null, "bad key " + OpenAiWire.KEY)));
        assertThatThrownBy(() -> client().chat(request(), TokenListener.NONE, new CancelToken()))
                .hasMessageNotContaining(OpenAiWire.KEY);
        server.resetAll();
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(400, "invalid", null, "bad request for key " + OpenAiWire.KEY)));
        assertThatThrownBy(() -> client().chat(request(), TokenListener.NONE, new CancelToken()))
                .hasMessageNotContaining(OpenAiWire.KEY).hasMessageContaining("****");
        server.resetAll();
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(500, "server", null, "down " + OpenAiWire.KEY)));
        assertThatThrownBy(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        List<ILoggingEvent> events = ours();
        assertThat(events).isNotEmpty();
        assertThat(events).allSatisfy(e -> assertThat(everything(e))
                .doesNotContain(OpenAiWire.KEY).doesNotContain(PLANTED).doesNotContain("You are a senior SRE"));
    }

    @Test
    void everyAttemptIsLoggedWithItsCorrelation() {
        server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.error(502, "server", null, "bad gateway")));
        assertThatThrownBy(() -> client().chat(request(), TokenListener.NONE, new CancelToken()));

        List<ILoggingEvent> attempts = ours().stream()
                .filter(e -> e.getFormattedMessage().startsWith("llm attempt ")).toList();
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(e -> e.getMDCPropertyMap().get("attempt")).containsExactly("1/3", "2/3", "3/3");
        assertThat(attempts).allSatisfy(e -> {
            assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "req-log").containsEntry("model", OpenAiWire.MODEL);
            assertThat(e.getFormattedMessage()).contains("host=127.0.0.1:" + server.port(), "latencyMs=",
                    "tokensIn=", "outcome=SERVER(502)", "promptChars=");
        });
    }
}
