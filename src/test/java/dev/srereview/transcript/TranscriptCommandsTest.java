package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** replay and compare as the command line runs them: output, exit code, one line on stderr. */
class TranscriptCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final TranscriptCommands commands = new TranscriptCommands();

    private PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Test
    void replayPrintsTheGoldenSessionAndJsonMarkedReplay() throws Exception {
        Path example = ExampleSessionsGenerator.jsonl().get(0);
        assertThat(commands.replay(example, false, out(), err())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(ExampleSessionsGenerator.golden(example)));
        assertThat(err.size()).isZero();

        out.reset();
        assertThat(commands.replay(example, true, out(), err())).isZero();
        assertThat(new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).path("source").asText()).isEqualTo("replay");
    }

    @Test
    void truncatedReplaysWithAWarningAndGarbageIsExit2WithOneLine() {
        assertThat(commands.replay(Path.of("src/test/resources/transcripts/v1-truncated.jsonl"), false, out(), err())).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3 is truncated");

        err.reset();
        assertThat(commands.replay(Path.of("src/test/resources/transcripts/garbage.jsonl"), false, out(), err())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("sre-review: ").contains("is not an sre-review transcript");

        err.reset();
        assertThat(commands.replay(Path.of("src/test/resources/transcripts/v3-future.jsonl"), true, out(), err())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("sre-review: transcript schema 3 is newer than this sre-review supports (1): upgrade");
    }

    @Test
    void aFailedReplayNamesTheSkippedLineInItsOneLine() {
        // the session was killed while writing its only review: nothing to print, and the reason is the cut line
        assertThat(commands.replay(Path.of("src/test/resources/transcripts/v1-truncated-no-review.jsonl"), true, out(),
                err())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString()
                .startsWith("sre-review: ").contains("no review").contains("line 3 is truncated");
        assertThat(out.size()).isZero();
    }

    @Test
    void compareOfTheExamplesIsTheGoldenReport() throws Exception {
        List<Path> files = ExampleSessionsGenerator.jsonl();
        Path before = files.stream().filter(p -> p.toString().endsWith("_offline-before.jsonl")).findFirst().orElseThrow();
        Path after = files.stream().filter(p -> p.toString().endsWith("_offline-after.jsonl")).findFirst().orElseThrow();
        assertThat(commands.compare(before, after, out(), err())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(Files.readString(
                ExampleSessionsGenerator.EXAMPLES.resolve(ExampleSessionsGenerator.COMPARE_GOLDEN)));

        assertThat(commands.compare(before, Path.of("nope.json"), out(), err())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sre-review: nope.json does not exist\n");
    }
}
