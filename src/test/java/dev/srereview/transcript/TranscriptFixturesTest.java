package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.srereview.evidence.Category;
import dev.srereview.render.MarkdownRenderer;
import dev.srereview.review.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Checked-in transcripts: a schema-1 session written by this tool (kept byte-for-byte so a future format change
 * that stops reading it fails here), a copy cut mid-line as a killed session leaves it, garbage, and a "future"
 * schema-3 file.
 */
class TranscriptFixturesTest {
    private static final Path DIR = Path.of("src/test/resources/transcripts");
    private final TranscriptReader reader = new TranscriptReader();

    @Test
    void v1SessionStillReadsAndReplaysToItsGoldenText() throws Exception {
        Transcript t = reader.read(DIR.resolve("v1-session.jsonl"));

        assertThat(t.warnings()).isEmpty();
        assertThat(t.header().schemaVersion()).isEqualTo(1);
        assertThat(t.header().sessionId()).isEqualTo("0b7c1d2e-v1-fixture");
        assertThat(t.events()).hasSize(8);
        var review = t.lastReview().orElseThrow();
        assertThat(review.source()).isEqualTo(Source.LLM);
        assertThat(review.review().score().value()).isEqualTo(3);
        assertThat(review.findings()).extracting(f -> f.category())
                .containsExactly(Category.MODEL_LOADED_PER_REQUEST, Category.UNPINNED_DEPENDENCY);
        assertThat(review).isEqualTo(Samples.sampleOutcome());
        // Golden: the same renderer the session used prints the review as it was shown, and the markdown stored
        // with the review (what the terminal showed) is that same text.
        String golden = Files.readString(DIR.resolve("v1-session.replay.md"));
        assertThat(new Replayer().replay(t, new MarkdownRenderer())).isEqualTo(golden);
        assertThat(new Replayer().replay(t, Replayer.STORED_MARKDOWN)).isEqualTo(golden);
        assertThat(golden).contains(new MarkdownRenderer().render(review).strip());
    }

    @Test
    void truncatedCopyKeepsWhatWasWholeAndNamesTheLine() {
        Transcript t = reader.read(DIR.resolve("v1-truncated.jsonl"));
        assertThat(t.events()).hasSize(1).first().isInstanceOf(TranscriptEvent.Command.class);
        assertThat(t.warnings()).containsExactly("line 3 is truncated (the session ended while writing it): skipped");
        assertThat(new Replayer().replay(t, o -> o.markdown()))
                .endsWith("> /review-deployment examples/my-model-service\n");
    }

    @Test
    void garbageAndFutureSchemaAreOneLineErrors() {
        assertThatThrownBy(() -> reader.read(DIR.resolve("garbage.jsonl"))).isInstanceOf(TranscriptException.class)
                .hasMessageContaining("is not an sre-review transcript").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> reader.read(DIR.resolve("v3-future.jsonl"))).isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("transcript schema 3 is newer than this sre-review supports (1): upgrade");
    }
}
