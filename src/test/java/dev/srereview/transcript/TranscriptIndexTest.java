package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptIndexTest {
    @TempDir
    Path work;

    @Test
    void listsRecentSessionsWithTargetScoreAndDateAndFindsOneById() throws Exception {
        Clock clock = Clock.fixed(Samples.T0, ZoneOffset.UTC);
        Path dir;
        try (SessionRecorder a = SessionRecorder.start(Samples.settings(Path.of("transcripts")), "0.1.0", "p",
                "svc-a", "session-a", work, new Redactor(), clock)) {
            a.command("/review-deployment svc-a");
            a.review(new dev.srereview.review.ReviewRun(Samples.sampleOutcome(), Samples.turns(Samples.sampleOutcome()), null, null));
            a.input("why?");
            a.followUp("why?", "because");
            dir = a.path().getParent();
        }
        try (SessionRecorder b = SessionRecorder.start(Samples.settings(Path.of("transcripts")), "0.1.0", "p",
                "svc-b", "session-b", work, new Redactor(), clock)) {
            b.command("/help");
        }
        Files.writeString(dir.resolve("junk.jsonl"), "not a transcript");
        Files.setLastModifiedTime(dir.resolve("2026-11-27T16-40-05_svc-a.jsonl"), FileTime.fromMillis(1000));

        List<TranscriptIndex.Summary> recent = new TranscriptIndex().recent(dir, 10);

        assertThat(dir).isEqualTo(work.resolve("transcripts"));
        assertThat(recent).extracting(TranscriptIndex.Summary::sessionId).containsExactly("session-b", "session-a");
        TranscriptIndex.Summary a = recent.get(1);
        assertThat(a.score()).isEqualTo(3);
        assertThat(a.target()).isEqualTo("examples/my-model-service");
        assertThat(TranscriptIndex.describe(a, work, ZoneOffset.UTC)).isEqualTo(
                "2026-11-27 16:40   3/10  examples/my-model-service  (1 follow-up)  transcripts/2026-11-27T16-40-05_svc-a.jsonl");
        assertThat(TranscriptIndex.describe(recent.get(0), work, ZoneOffset.UTC)).contains(" -/10  svc-b");
        assertThat(new TranscriptIndex().recent(dir, 1)).hasSize(1);
        assertThat(new TranscriptIndex().findSession(dir, "session-a")).contains(dir.resolve("2026-11-27T16-40-05_svc-a.jsonl"));
        assertThat(new TranscriptIndex().findSession(dir, "nope")).isEmpty();
        assertThat(new TranscriptIndex().recent(work.resolve("none"), 5)).isEmpty();
    }

    @Test
    void appendingToACutTranscriptStartsOnAFreshLine() throws Exception {
        Path file;
        try (SessionRecorder a = SessionRecorder.start(Samples.settings(Path.of("t")), "0.1.0", "p", "svc", "s1",
                work, new Redactor(), Clock.systemUTC())) {
            a.command("/help");
            file = a.path();
        }
        Files.writeString(file, "{\"type\":\"comm", java.nio.file.StandardOpenOption.APPEND);
        try (SessionRecorder again = SessionRecorder.append(file, Samples.settings(Path.of("t")), new Redactor(), Clock.systemUTC())) {
            again.resumed(new TranscriptReader().read(Path.of("src/test/resources/transcripts/v1-session.jsonl")));
        }
        Transcript t = new TranscriptReader().read(file);
        assertThat(t.warnings()).containsExactly("line 3 is not valid JSON: skipped");
        assertThat(t.events()).hasSize(1 + 1 + 2);
        assertThat(t.events().get(1)).isInstanceOf(TranscriptEvent.Resumed.class);
        assertThat(t.conversation()).hasSize(4);
    }
}
