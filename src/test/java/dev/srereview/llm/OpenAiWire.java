package dev.srereview.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.srereview.config.Settings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The OpenAI chat.completions wire format, as WireMock answers, and settings pointing at a local stub. */
final class OpenAiWire {
    static final String KEY = "sk-test-SECRET-0123456789abcdef";
    static final String MODEL = "gpt-test";
    static final String PATH = "/v1/chat/completions";

    private OpenAiWire() {
    }

    static String chunk(String contentJson, String finishReason) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"delta\":" + contentJson
                + ",\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"") + "}]}\n\n";
    }

    static String usage(int in, int out) {
        return "data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + MODEL + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + in
                + ",\"completion_tokens\":" + out + ",\"total_tokens\":" + (in + out) + "}}\n\n";
    }

    /** A complete streamed answer: role chunk, one chunk per piece, finish_reason, usage, [DONE]. */
    static String sse(int in, int out, String... pieces) {
        StringBuilder b = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String p : pieces) {
            b.append(chunk("{\"content\":\"" + p + "\"}", null));
        }
        b.append(chunk("{}", "stop")).append(usage(in, out)).append("data: [DONE]\n\n");
        return b.toString();
    }

    /** The first pieces only: the body ends with no finish_reason, no usage and no [DONE]. */
    static String truncated(String... pieces) {
        StringBuilder b = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String p : pieces) {
            b.append(chunk("{\"content\":\"" + p + "\"}", null));
        }
        return b.toString();
    }

    static ResponseDefinitionBuilder stream(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** A round trip's worth of latency for error replies (see {@link #error}). */
    static final int ERROR_LATENCY_MS = 25;

    /**
     * An error as a server sends it, after a round trip's worth of latency: an error that reaches LangChain4j 1.11
     * before it has stored its stream handle is lost inside the library and the call waits for llm.timeout
     * (docs/llm.md, "Two LangChain4j 1.11 races"). WireMock on loopback answers within microseconds, so without
     * this the retry tests would sometimes test that race instead of the retries.
     */
    static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return aResponse().withFixedDelay(ERROR_LATENCY_MS).withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,"
                        + "\"code\":" + (code == null ? "null" : "\"" + code + "\"") + "}}");
    }

    static List<ChatMessage> conversation() {
        List<ChatMessage> m = new ArrayList<>();
        m.add(ChatMessage.system("You are a senior SRE."));
        m.add(ChatMessage.user("Review this deployment: PLANTED-CONTENT-do-not-log"));
        return m;
    }

    static Settings.Llm settings(String baseUrl) {
        return settings(baseUrl, Duration.ofSeconds(30), 3);
    }

    static Settings.Llm settings(String baseUrl, Duration timeout, int maxAttempts) {
        return new Settings.Llm(baseUrl, MODEL, KEY, timeout, maxAttempts, Duration.ofMinutes(3),
                Duration.ofMillis(100), 2.0, Duration.ofSeconds(20), 5, 10, Duration.ofSeconds(30), 0, 0.2, 512);
    }
}
