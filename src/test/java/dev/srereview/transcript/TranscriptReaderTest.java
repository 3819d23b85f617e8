package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader refuses (one line each, for exit 2) and what it survives with a warning. */
class TranscriptReaderTest {
    private static final String HEADER = "{\"type\":\"header\",\"at\":\"2026-11-27T16:40:05Z\",\"schemaVersion\":1,"
            + "\"toolVersion\":\"0.1.0\",\"sessionId\":\"s1\",\"model\":null,\"endpointHost\":null,"
            + "\"personaSha256\":null,\"target\":\"svc\",\"settings\":{}}";

    @TempDir
    Path dir;

    private final TranscriptReader reader = new TranscriptReader();

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void garbageIsNotATranscript() throws Exception {
        Path f = write("notes.txt", "hello, this is my shopping list\nmilk\n");
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(TranscriptException.class)
                .hasMessage(f + " is not an sre-review transcript: line 1 is not JSON");
    }

    @Test
    void binaryIsNotATranscript() throws Exception {
        Path f = Files.write(dir.resolve("x.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(TranscriptException.class)
                .hasMessageContaining("binary data").hasMessageNotContaining("\n");
    }

    @Test
    void emptyAndMissingFilesAreRefused() throws Exception {
        Path empty = write("empty.jsonl", "");
        assertThatThrownBy(() -> reader.read(empty)).hasMessage(empty + " is empty: not an sre-review transcript");
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> reader.read(missing)).isInstanceOf(TranscriptException.class)
                .hasMessage("transcript " + missing + " does not exist");
    }

    @Test
    void otherJsonIsRefusedAndAJsonReviewIsNamed() throws Exception {
        Path obj = write("pkg.json", "{\"name\":\"left-pad\"}\n");
        assertThatThrownBy(() -> reader.read(obj)).hasMessageEndingWith("line 1 is not a transcript header");
        Path review = write("review.json", "{\"schemaVersion\":1,\"score\":{\"value\":4},\"risks\":[]}");
        assertThatThrownBy(() -> reader.read(review)).hasMessageEndingWith("it is a JSON review");
        // as --format json writes it: pretty-printed, so its first line alone is not JSON
        Path pretty = write("pretty.json", "{\n  \"schemaVersion\" : 1,\n  \"score\" : {\"value\": 4},\n  \"risks\" : [ ]\n}\n");
        assertThatThrownBy(() -> reader.read(pretty)).hasMessageEndingWith("it is a JSON review");
        Path array = write("a.json", "[1,2]\n");
        assertThatThrownBy(() -> reader.read(array)).hasMessageEndingWith("line 1 is not a JSON object");
    }

    @Test
    void newerSchemaIsRefusedClearly() throws Exception {
        Path f = write("future.jsonl", HEADER.replace("\"schemaVersion\":1", "\"schemaVersion\":3") + "\n");
        assertThatThrownBy(() -> reader.read(f)).isInstanceOf(TranscriptException.class)
                .hasMessageStartingWith("transcript schema 3 is newer than this sre-review supports (1): upgrade");
    }

    @Test
    void headerWithoutSchemaVersionIsRefused() throws Exception {
        Path f = write("nov.jsonl", HEADER.replace("\"schemaVersion\":1,", "") + "\n");
        assertThatThrownBy(() -> reader.read(f)).hasMessageEndingWith("its header has no valid schemaVersion");
    }

    @Test
    void truncatedHeaderIsNotATranscript() throws Exception {
        Path f = write("cut.jsonl", HEADER.substring(0, 40));
        assertThatThrownBy(() -> reader.read(f)).hasMessageEndingWith("line 1 is a truncated header");
        Path text = write("one-line.txt", "just words");
        assertThatThrownBy(() -> reader.read(text)).hasMessageEndingWith("line 1 is not JSON");
    }

    @Test
    void badMiddleLinesAndUnknownEventsAreSkippedWithWarnings() throws Exception {
        Path f = write("mixed.jsonl", HEADER + "\n"
                + "{\"type\":\"command\",\"at\":\"2026-11-27T16:40:06Z\",\"line\":\"/help\"}\n"
                + "not json at all\n"
                + "{\"type\":\"telemetry\",\"at\":\"2026-11-27T16:40:07Z\"}\n"
                + "{\"type\":\"review\",\"at\":\"2026-11-27T16:40:08Z\",\"outcome\":{\"findings\":[{\"ruleId\":null}]}}\n"
                + "\n"
                + "{\"type\":\"cancelled\",\"at\":\"2026-11-27T16:40:09Z\",\"what\":\"review\",\"extra\":\"ignored\"}\n");
        Transcript t = reader.read(f);
        assertThat(t.events()).containsExactly(
                new TranscriptEvent.Command(java.time.Instant.parse("2026-11-27T16:40:06Z"), "/help"),
                new TranscriptEvent.Cancelled(java.time.Instant.parse("2026-11-27T16:40:09Z"), "review"));
        assertThat(t.warnings()).containsExactly(
                "line 3 is not valid JSON: skipped",
                "line 4 holds an event this sre-review does not know (telemetry): skipped",
                "line 5 is a malformed review event: skipped");
    }

    @Test
    void headerOnlyTranscriptReadsWithNoEvents() throws Exception {
        Transcript t = reader.read(write("h.jsonl", HEADER + "\r\n"));
        assertThat(t.events()).isEmpty();
        assertThat(t.warnings()).isEmpty();
        assertThat(t.lastReview()).isEmpty();
        assertThat(t.header().sessionId()).isEqualTo("s1");
    }
}
