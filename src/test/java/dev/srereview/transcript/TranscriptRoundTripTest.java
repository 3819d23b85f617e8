package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.Redactor;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.Role;
import dev.srereview.review.ReviewOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptRoundTripTest {
    @TempDir
    Path dir;

    private TranscriptWriter newWriter(Path where) {
        TranscriptEvent.Header header = new SessionHeaders(Clock.fixed(Samples.T0, ZoneOffset.UTC))
                .create(Samples.settings(where), "0.1.0", "You are a senior SRE.", "my-model-service");
        return TranscriptWriter.create(where, "examples/My Model Service/", header,
                new TranscriptScrubber(new Redactor(), List.of(Samples.KEY)), ZoneOffset.UTC);
    }

    @Test
    void everyEventComesBackAsWritten() {
        ReviewOutcome outcome = Samples.sampleOutcome();
        Path file;
        try (TranscriptWriter w = newWriter(dir.resolve("transcripts"))) {
            file = w.path();
            w.append(new TranscriptEvent.Command(Samples.T0, "/review-deployment examples/my-model-service"));
            w.append(new TranscriptEvent.ReviewRecorded(Samples.T0, outcome, Samples.turns(outcome)));
            w.append(new TranscriptEvent.UserInput(Samples.T0, "What breaks first?"));
            w.append(new TranscriptEvent.FollowUp(Samples.T0, "What breaks first?", "The model load: 9 s per request."));
            w.append(new TranscriptEvent.Cancelled(Samples.T0, "follow-up"));
            w.append(new TranscriptEvent.Fallback(Samples.T0, "the endpoint timed out twice"));
            w.append(new TranscriptEvent.Failed(Samples.T0, "The key was rejected (401)"));
        }

        Transcript t = new TranscriptReader().read(file);

        assertThat(t.warnings()).isEmpty();
        assertThat(t.header().schemaVersion()).isEqualTo(1);
        assertThat(t.header().toolVersion()).isEqualTo("0.1.0");
        assertThat(t.header().model()).isEqualTo("gpt-4o-mini");
        assertThat(t.header().endpointHost()).isEqualTo("api.example.test");
        assertThat(t.header().personaSha256()).isEqualTo(SessionHeaders.sha256("You are a senior SRE.")).hasSize(64);
        assertThat(t.events()).hasSize(7);
        assertThat(t.lastReview()).contains(outcome);
        assertThat(t.events().get(3)).isEqualTo(
                new TranscriptEvent.FollowUp(Samples.T0, "What breaks first?", "The model load: 9 s per request."));
    }

    @Test
    void fileIsNamedByTimeAndTargetAndIsOwnerOnly() throws Exception {
        Path where = dir.resolve("nested/transcripts");
        try (TranscriptWriter w = newWriter(where); TranscriptWriter second = newWriter(where)) {
            assertThat(w.path().getFileName().toString()).isEqualTo("2026-11-27T16-40-05_my-model-service.jsonl");
            assertThat(second.path().getFileName().toString()).isEqualTo("2026-11-27T16-40-05_my-model-service-2.jsonl");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(w.path()))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(where))).isEqualTo("rwx------");
        }
    }

    @Test
    void theKeyNeverReachesTheFileEvenWhenTyped() throws Exception {
        Path file;
        try (TranscriptWriter w = newWriter(dir)) {
            file = w.path();
            w.append(new TranscriptEvent.UserInput(Samples.T0, "is my key " + Samples.KEY + " ok?"));
            w.append(new TranscriptEvent.FollowUp(Samples.T0, "q", "your key " + Samples.KEY));
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain(Samples.KEY).doesNotContain("user:pw").doesNotContain("apiKey")
                .contains("[REDACTED:api-key]").contains("\"baseUrl\":\"https://api.example.test/v1\"");
        Transcript t = new TranscriptReader().read(file);
        assertThat(t.header().settings()).containsKey("llm");
        assertThat(t.header().settings().toString()).contains("timeout=1m").contains("maxOutputTokens=4096");
    }

    @Test
    void conversationResumesFromReviewTurnsAndAnsweredFollowUps() {
        ReviewOutcome outcome = Samples.sampleOutcome();
        Path file;
        try (TranscriptWriter w = newWriter(dir)) {
            file = w.path();
            w.append(new TranscriptEvent.ReviewRecorded(Samples.T0, outcome, Samples.turns(outcome)));
            w.append(new TranscriptEvent.UserInput(Samples.T0, "unanswered"));
            w.append(new TranscriptEvent.FollowUp(Samples.T0, "Why P0?", "Because 9 s cold loads."));
        }
        List<ChatMessage> conversation = new TranscriptReader().read(file).conversation();
        assertThat(conversation).extracting(ChatMessage::role)
                .containsExactly(Role.USER, Role.ASSISTANT, Role.USER, Role.ASSISTANT);
        assertThat(conversation.get(1).content()).isEqualTo(outcome.markdown());
        assertThat(conversation.get(3).content()).isEqualTo("Because 9 s cold loads.");
    }

    @Test
    void slugKeepsTheLastPathElementOnly() {
        assertThat(TranscriptWriter.slug("/home/me/My Model Service/")).isEqualTo("my-model-service");
        assertThat(TranscriptWriter.slug("a\\b\\svc_1")).isEqualTo("svc_1");
        assertThat(TranscriptWriter.slug("///")).isNotBlank();
        assertThat(TranscriptWriter.slug("日本")).isEqualTo("session");
    }

    @Test
    void secretsTypedOrRepliedPassTheRedactorBeforeTheyAreWritten() throws Exception {
        String aws = "AKIAZ3MF5QWERTY7XK2P";
        String github = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";
        Path file;
        try (TranscriptWriter w = newWriter(dir)) {
            file = w.path();
            w.append(new TranscriptEvent.UserInput(Samples.T0, "my key is " + aws + ", is that bad?"));
            w.append(new TranscriptEvent.FollowUp(Samples.T0, "and " + github + "?", "Rotate " + github + " now."));
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain(aws).doesNotContain(github).contains("[REDACTED:");
        assertThat(new TranscriptReader().read(file).warnings()).isEmpty();
    }
}
