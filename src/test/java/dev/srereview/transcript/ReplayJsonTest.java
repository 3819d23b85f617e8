package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srereview.render.JsonRenderer;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON side of replay and compare, through the format stage's JsonRenderer. */
class ReplayJsonTest {
    private static final Path V1 = Path.of("src/test/resources/transcripts/v1-session.jsonl");

    @TempDir
    Path dir;

    @Test
    void replayedJsonIsTheContractObjectMarkedReplay() throws Exception {
        Transcript t = new TranscriptReader().read(V1);
        String json = new Replayer().replayJson(t, new JsonRenderer());

        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.path("source").asText()).isEqualTo("replay");
        assertThat(node.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(node.path("score").path("value").asInt()).isEqualTo(3);
        // Apart from the source, it is what the original session's JSON was.
        ReviewOutcome original = t.lastReview().orElseThrow();
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) new ObjectMapper().readTree(new JsonRenderer().render(original));
        expected.put("source", "replay");
        assertThat(node).isEqualTo(expected);
    }

    @Test
    void aSessionWithoutReviewHasNoJson() throws Exception {
        Path headerOnly = Files.writeString(dir.resolve("h.jsonl"), Files.readString(V1).lines().findFirst().orElseThrow() + "\n");
        Transcript t = new TranscriptReader().read(headerOnly);
        assertThatThrownBy(() -> new Replayer().replayJson(t, new JsonRenderer())).isInstanceOf(TranscriptException.class)
                .hasMessage(headerOnly + " holds no review to print as JSON");
    }

    @Test
    void theJsonReviewParsesBackToTheSameReviewAndFindings() throws Exception {
        ReviewOutcome original = Samples.sampleOutcome();
        Path json = Files.writeString(dir.resolve("review.json"), new JsonRenderer().render(original));

        ReviewOutcome back = new ReviewLoader().load(json);

        assertThat(back.review()).isEqualTo(original.review());
        assertThat(back.findings()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("fix")
                .isEqualTo(original.findings());
        assertThat(back.source()).isEqualTo(Source.LLM);
        assertThat(back.stats()).isEqualTo(original.stats());
        assertThat(back.validation()).isEqualTo(original.validation());
        assertThat(new Comparer().compare(back, original).describe())
                .isEqualTo("3/10 → 3/10: 0 risks fixed, 0 new, 2 unchanged; findings: 0 fixed, 0 new, 2 unchanged");
    }
}
