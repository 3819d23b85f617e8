package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A session killed with SIGKILL keeps every event recorded before the kill, and replays. */
class TranscriptKillTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS) // a safety net against a hung child, not a speed check
    void killedSessionLosesOnlyTheTurnInFlight() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KilledSessionMain.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Path file = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("READY ")) {
                    file = Path.of(line.substring("READY ".length()));
                    break;
                }
            }
            child.destroyForcibly();
            child.waitFor();
        }
        assertThat(file).as("the child session reported its transcript").isNotNull();
        // A kill in the middle of a write leaves half a line: simulate that deterministically on top.
        String half = "{\"type\":\"followup\",\"at\":\"2026-11-27T16:41:00Z\",\"question\":\"And then?\",\"answer\":\"The dis";
        Files.writeString(file, half, StandardOpenOption.APPEND);

        Transcript t = new TranscriptReader().read(file);

        assertThat(t.events()).hasSize(4);
        assertThat(t.warnings()).containsExactly(
                "line 6 is truncated (the session ended while writing it): skipped");
        assertThat(t.lastReview()).contains(Samples.sampleOutcome());
        String replay = new Replayer().replay(t, o -> o.markdown());
        assertThat(replay).contains("> What breaks first?\n\nThe model load.").endsWith("> And then?\n");
        assertThat(t.conversation()).hasSize(4);
        assertThat(List.of(Files.readString(file).split("\n"))).hasSize(6);
    }
}
