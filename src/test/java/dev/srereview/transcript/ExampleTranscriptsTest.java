package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.render.MarkdownRenderer;
import dev.srereview.review.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The example sessions in {@code transcripts/}, written by the tool itself (see {@link ExampleSessionsGenerator}):
 * each still reads cleanly and replays to its golden {@code .replay.md}, holds no key, and the before/after pair
 * compares to its golden report.
 */
class ExampleTranscriptsTest {
    @Test
    void everyExampleReplaysToItsGoldenOutput() throws Exception {
        List<Path> examples = ExampleSessionsGenerator.jsonl();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        for (Path file : examples) {
            Transcript t = new TranscriptReader().read(file);
            assertThat(t.warnings()).as(file.toString()).isEmpty();
            assertThat(new Replayer().replay(t, Replayer.STORED_MARKDOWN)).as(file.toString())
                    .isEqualTo(Files.readString(ExampleSessionsGenerator.golden(file)));
            assertThat(Files.readString(file)).doesNotContain("sk-example-NOT-A-REAL-KEY");
        }
    }

    @Test
    void aReviewFromTheModelReplaysAsItWasShownAndTheOfflineOnesReRenderIdentically() throws Exception {
        for (Path file : ExampleSessionsGenerator.jsonl()) {
            Transcript t = new TranscriptReader().read(file);
            var review = t.lastReview().orElseThrow();
            if (review.source() == Source.OFFLINE) {
                // The offline review's markdown is the contract rendering of its data: the renderer reproduces it.
                assertThat(new MarkdownRenderer().render(review).strip()).isEqualTo(review.markdown().strip());
            } else {
                assertThat(t.header().endpointHost()).isEqualTo("127.0.0.1");
                assertThat(t.events()).anyMatch(e -> e instanceof TranscriptEvent.FollowUp);
            }
        }
    }

    @Test
    void beforeAndAfterCompareToTheGoldenReport() throws Exception {
        assertThat(ExampleSessionsGenerator.compareOffline()).isEqualTo(
                Files.readString(ExampleSessionsGenerator.EXAMPLES.resolve(ExampleSessionsGenerator.COMPARE_GOLDEN)));
    }
}
