package dev.srereview.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.srereview.config.Settings;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Figures for docs/llm.md, not a test: the whole client (guard, LangChain4j, openai-java, OkHttp) against WireMock on
 * 127.0.0.1. Run: {@code mvn -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.srereview.llm.LlmBench}
 */
public final class LlmBench {
    private LlmBench() {
    }

    public static void main(String[] args) throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.port() + "/v1";
            String[] pieces = new String[40];
            for (int i = 0; i < pieces.length; i++) {
                pieces[i] = "word" + i + " ";
            }
            Settings.Llm s = OpenAiWire.settings(base);
            ChatClient client = new ResilientChatClient(new OpenAiChatClient(s), s, new LlmStats());

            server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(10, 40, pieces))));
            long[] total = new long[30];
            long[] first = new long[30];
            for (int i = -5; i < total.length; i++) {
                AtomicLong firstAt = new AtomicLong();
                long t0 = System.nanoTime();
                client.chat(new ChatRequest("b" + i, OpenAiWire.conversation()),
                        t -> firstAt.compareAndSet(0, System.nanoTime()), new CancelToken());
                if (i >= 0) {
                    total[i] = System.nanoTime() - t0;
                    first[i] = firstAt.get() - t0;
                }
            }
            report("streamed answer, 40 chunks: first token", first);
            report("streamed answer, 40 chunks: whole answer", total);

            server.resetAll();
            server.stubFor(post(urlEqualTo(OpenAiWire.PATH)).willReturn(OpenAiWire.stream(OpenAiWire.sse(10, 40, pieces))
                    .withChunkedDribbleDelay(40, 8000)));
            long[] cancelMid = new long[8];
            for (int i = 0; i < cancelMid.length; i++) {
                CancelToken cancel = new CancelToken();
                AtomicLong cancelledAt = new AtomicLong();
                try {
                    client.chat(new ChatRequest("c" + i, OpenAiWire.conversation()), t -> {
                        if (cancelledAt.get() == 0) {
                            cancelledAt.set(System.nanoTime());
                            new Thread(cancel::cancel).start();
                        }
                    }, cancel);
                } catch (LlmException e) {
                    cancelMid[i] = System.nanoTime() - cancelledAt.get();
                }
            }
            report("Ctrl-C mid-stream to return (8s stream)", cancelMid);

            server.resetAll();
            server.stubFor(post(urlEqualTo(OpenAiWire.PATH))
                    .willReturn(OpenAiWire.stream(OpenAiWire.sse(1, 1, "late")).withFixedDelay(5000)));
            long[] cancelEarly = new long[5];
            for (int i = 0; i < cancelEarly.length; i++) {
                CancelToken cancel = new CancelToken();
                AtomicLong at = new AtomicLong();
                new Thread(() -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    at.set(System.nanoTime());
                    cancel.cancel();
                }).start();
                try {
                    client.chat(new ChatRequest("e" + i, OpenAiWire.conversation()), TokenListener.NONE, cancel);
                } catch (LlmException e) {
                    cancelEarly[i] = System.nanoTime() - at.get();
                }
            }
            report("Ctrl-C before the first token to return (5s wait)", cancelEarly);
        } finally {
            server.stop();
        }
    }

    private static void report(String what, long[] nanos) {
        long[] ms = Arrays.stream(nanos).map(n -> n / 1_000_000).sorted().toArray();
        long p50 = ms[(ms.length - 1) / 2];
        long p95 = ms[(int) Math.ceil(0.95 * ms.length) - 1];
        System.out.printf("%-52s n=%-3d p50 %5d ms   p95 %5d ms%n", what, ms.length, p50, p95);
    }
}
