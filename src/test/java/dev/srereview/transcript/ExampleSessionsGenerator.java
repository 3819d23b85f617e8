package dev.srereview.transcript;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.srereview.cli.AppEnvironment;
import dev.srereview.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the example sessions in {@code transcripts/} at the repository root by running the tool itself
 * (the real CLI and REPL, scripted input): offline on the before/after fixture, and against an OpenAI-compatible
 * WireMock stub on 127.0.0.1. Off by default; run with
 * {@code mvn -o test -Dtest=ExampleSessionsGenerator -Dsre.review.examples=regenerate}, then commit the files.
 * {@link ExampleTranscriptsTest} replays them against their golden {@code .replay.md}.
 */
@EnabledIfSystemProperty(named = "sre.review.examples", matches = "regenerate")
class ExampleSessionsGenerator {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path EXAMPLES = ROOT.resolve("transcripts");
    private static final String BEFORE = "src/test/resources/fixtures/transcript-compare/before";
    private static final String AFTER = "src/test/resources/fixtures/transcript-compare/after";
    private static final String QUESTION = "What breaks first under load?";

    @Test
    void regenerate() throws Exception {
        Files.createDirectories(EXAMPLES);
        try (Stream<Path> old = Files.list(EXAMPLES)) {
            // Only the examples this class wrote: a developer's own sessions in transcripts/ stay.
            for (Path p : old.filter(p -> p.getFileName().toString().matches(EXAMPLE + "\\.(jsonl|replay\\.md)|compare-.*\\.txt"))
                    .toList()) {
                Files.delete(p);
            }
        }
        offline("offline-before", BEFORE);
        offline("offline-after", AFTER);
        throughWireMock();
        for (Path file : jsonl()) {
            Transcript t = new TranscriptReader().read(file);
            assertThat(t.warnings()).isEmpty();
            Files.writeString(golden(file), new Replayer().replay(t, Replayer.STORED_MARKDOWN));
        }
        Files.writeString(EXAMPLES.resolve(COMPARE_GOLDEN), compareOffline());
    }

    static final String COMPARE_GOLDEN = "compare-offline-before-after.txt";

    /** The before and after offline sessions compared, as {@code compare OLD NEW} prints it. */
    static String compareOffline() throws Exception {
        List<Path> files = jsonl();
        Path before = files.stream().filter(p -> p.toString().endsWith("_offline-before.jsonl")).findFirst().orElseThrow();
        Path after = files.stream().filter(p -> p.toString().endsWith("_offline-after.jsonl")).findFirst().orElseThrow();
        ReviewLoader loader = new ReviewLoader();
        return new Comparer().compare(loader.load(before), loader.load(after)).report();
    }

    static Path golden(Path transcript) {
        String name = transcript.getFileName().toString();
        return transcript.resolveSibling(name.substring(0, name.length() - ".jsonl".length()) + ".replay.md");
    }

    /** The example sessions' names: time, target, then the label this class gives them. */
    static final String EXAMPLE = ".*_(offline|wiremock)-(before|after)";

    /** The example transcripts (a developer's own sessions in the same directory are not examples). */
    static List<Path> jsonl() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().matches(EXAMPLE + "\\.jsonl")).sorted().toList();
        }
    }

    private static List<Path> allJsonl() throws Exception {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
    }

    private void offline(String label, String target) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("NO_COLOR", "1");
        session(label, env, "/review-deployment " + target, QUESTION, "/exit");
    }

    private void throughWireMock() throws Exception {
        WireMockServer wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try {
            wm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(1)
                    .withRequestBody(containing(QUESTION.replace("?", "")))
                    .willReturn(stream(sse(ANSWER))));
            wm.stubFor(post(urlEqualTo("/v1/chat/completions")).atPriority(5).willReturn(stream(sse(REVIEW))));
            Map<String, String> env = new HashMap<>();
            env.put("NO_COLOR", "1");
            env.put("OPENAI_API_KEY", "sk-example-NOT-A-REAL-KEY-0123456789abcdef");
            env.put("OPENAI_BASE_URL", "http://127.0.0.1:" + wm.port() + "/v1");
            env.put("SRE_REVIEW_MODEL", "gpt-4o-mini");
            session("wiremock-before", env, "/review-deployment " + BEFORE, QUESTION, "/exit");
        } finally {
            wm.stop();
        }
    }

    /** Runs the REPL with scripted input and renames the transcript it wrote to {@code label}. */
    private void session(String label, Map<String, String> env, String... lines) throws Exception {
        Set<Path> before = Set.copyOf(allJsonl());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        int code = new Cli(new AppEnvironment(env, ROOT, new ByteArrayInputStream(input),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false)).run();
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<Path> written = allJsonl().stream().filter(p -> !before.contains(p)).collect(Collectors.toList());
        assertThat(written).as(out.toString(StandardCharsets.UTF_8)).hasSize(1);
        String name = written.get(0).getFileName().toString();
        Path named = written.get(0).resolveSibling(name.replace(".jsonl", "_" + label + ".jsonl"));
        Files.move(written.get(0), named);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder stream(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(body);
    }

    /** The reply streamed in word pieces, as OpenAI's chat.completions SSE. */
    private static String sse(String text) throws Exception {
        ObjectMapper json = new ObjectMapper();
        StringBuilder b = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":\"\"}", null));
        for (String piece : text.split("(?<= )")) {
            b.append(chunk("{\"content\":" + json.writeValueAsString(piece) + "}", null));
        }
        int out = text.length() / 4;
        b.append(chunk("{}", "\"stop\"")).append("data: {\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1764261605,\"model\":\"gpt-4o-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":2100,"
                + "\"completion_tokens\":" + out + ",\"total_tokens\":" + (2100 + out) + "}}\n\n").append("data: [DONE]\n\n");
        return b.toString();
    }

    private static String chunk(String delta, String finish) {
        return "data: {\"id\":\"chatcmpl-ex\",\"object\":\"chat.completion.chunk\",\"created\":1764261605,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + (finish == null ? "null" : finish) + "}]}\n\n";
    }

    private static final String REVIEW = """
            ## Operational Readiness Score
            2/10 — the model is unpickled on every request and the feature-store call can hang a worker forever.

            ## Production Risks

            ### [P0] Model unpickled on every request
            **Scenario:** Every POST to `/predict` opens and unpickles `/models/model.pkl` in `app/serve.py:14`.
            **Impact:** Each request pays the full load (seconds for a real model) and holds a second copy in memory; a burst of 10 requests OOM-kills the container and every in-flight prediction is lost.
            **Detection:** p99 latency of `/predict` above 2 s; container restarts with reason OOMKilled.
            **Mitigation:** Load once at start-up and reuse it:
            ```python
            MODEL = joblib.load(os.environ["MODEL_PATH"])
            ```
            **Monitoring:** Alert when p99 `/predict` latency exceeds 1 s for 5 minutes, and on any OOMKilled restart.

            ### [P1] Feature store call without a timeout
            **Scenario:** The feature store stalls during its nightly compaction; `requests.get` in `app/serve.py:16` waits forever.
            **Impact:** Every worker blocks on the stalled call; the service stops answering and the load balancer marks it down.
            **Detection:** Requests in flight climb while throughput drops to zero.
            **Mitigation:** `requests.get(url, timeout=2)` and return 503 on `requests.RequestException`.
            **Monitoring:** Histogram of feature-store latency; alert on timeouts above 1% for 5 minutes.

            ### [P2] Flask debug server in production
            **Scenario:** The container runs `app.run(debug=True)` from `app/serve.py:26`.
            **Impact:** The Werkzeug debugger allows code execution to anyone who reaches the port, and the single-threaded dev server serialises requests.
            **Detection:** The response headers name Werkzeug; a stack trace page on any error.
            **Mitigation:** Serve with `gunicorn --workers 2 --timeout 30 app.serve:app` and drop `debug=True`.
            **Monitoring:** Alert on any 5xx rate above 1% for 5 minutes.

            ## Missing Observability
            - No request latency histogram or error counter on `/predict`.
            - `print` instead of structured logs with the user id and exception.

            ## Resource Concerns
            - Two copies of the model per request in memory; no memory limit is declared anywhere.

            ## Deployment Checklist
            - [ ] Load the model once at start-up
            - [ ] Timeout and retry with backoff on the feature store
            - [ ] Serve with gunicorn, debug off
            - [ ] Pin every dependency
            """;

    private static final String ANSWER = "The model load. At the first burst every request unpickles "
            + "`/models/model.pkl` (`app/serve.py:14`) at the same time: memory doubles per request in flight and the "
            + "container is OOM-killed long before the feature store becomes the bottleneck. Load it once at start-up.";
}
