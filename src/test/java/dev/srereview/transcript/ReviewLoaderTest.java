package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import dev.srereview.review.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare's inputs: a transcript's last review or the contract's JSON review, and what is refused. */
class ReviewLoaderTest {
    static final String JSON_REVIEW = """
            {
              "schemaVersion": 1,
              "target": "examples/svc",
              "source": "offline",
              "model": null,
              "score": {"value": 4, "outOf": 10, "justification": "no probes"},
              "risks": [
                {"severity": "P1", "title": "No timeout", "scenario": "s", "impact": "i", "detection": "d",
                 "mitigation": "m", "monitoring": "mo", "evidence": [{"path": "app/serve.py", "line": 42}]}
              ],
              "missingObservability": ["latency"],
              "resourceConcerns": [],
              "checklist": [{"item": "add probes", "done": false}],
              "findings": [
                {"ruleId": "PY-TIMEOUT-001", "category": "missing-timeout", "severity": "P1",
                 "path": "app/serve.py", "line": 42, "message": "m", "snippet": "requests.get(u)"},
                {"ruleId": "FUTURE-001", "category": "quantum-flux", "severity": "P3", "path": "x.py", "line": 1}
              ],
              "validation": {"valid": true, "repairs": 0, "warnings": []},
              "stats": {"filesScanned": 9, "filesSent": 0, "promptTokens": 0, "secretsRedacted": 0, "elapsedMs": 120}
            }
            """;

    @TempDir
    Path dir;

    private final ReviewLoader loader = new ReviewLoader();

    @Test
    void readsTheContractJsonBack() throws Exception {
        var o = loader.load(Files.writeString(dir.resolve("r.json"), JSON_REVIEW));
        assertThat(o.source()).isEqualTo(Source.OFFLINE);
        assertThat(o.model()).isNull();
        assertThat(o.review().score().value()).isEqualTo(4);
        assertThat(o.review().risks()).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Severity.P1);
            assertThat(r.evidence()).singleElement().hasToString("app/serve.py:42");
        });
        assertThat(o.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.MISSING_TIMEOUT);
            assertThat(f.location()).isEqualTo("app/serve.py:42");
        });
        assertThat(o.stats().filesScanned()).isEqualTo(9);
    }

    @Test
    void takesATranscriptsLastReview() {
        var o = loader.load(Path.of("src/test/resources/transcripts/v1-session.jsonl"));
        assertThat(o).isEqualTo(Samples.sampleOutcome());
    }

    @Test
    void comparesAJsonReviewWithATranscript() throws Exception {
        Path json = Files.writeString(dir.resolve("before.json"), JSON_REVIEW);
        Comparison c = new Comparer().compare(loader.load(json),
                loader.load(Path.of("src/test/resources/transcripts/v1-session.jsonl")));
        assertThat(c.describe()).startsWith("4/10 → 3/10: 1 risk fixed, 2 new");
    }

    @Test
    void refusesWhatIsNeither() throws Exception {
        Path txt = Files.writeString(dir.resolve("a.txt"), "hello");
        assertThatThrownBy(() -> loader.load(txt)).isInstanceOf(TranscriptException.class)
                .hasMessage(txt + " is neither an sre-review transcript nor a JSON review");
        Path broken = Files.writeString(dir.resolve("b.json"), "{\"score\":{},\"risks\":[]}");
        assertThatThrownBy(() -> loader.load(broken)).hasMessage(broken + " is a malformed JSON review: score.value is missing");
        Path noReview = Files.writeString(dir.resolve("t.jsonl"), Files.readString(
                Path.of("src/test/resources/transcripts/v1-session.jsonl")).lines().findFirst().orElseThrow() + "\n");
        assertThatThrownBy(() -> loader.load(noReview)).hasMessage(noReview + " is a transcript with no review to compare");
        assertThatThrownBy(() -> loader.load(dir.resolve("nope.json"))).hasMessageEndingWith("does not exist");
    }
}
