package dev.srereview.chat.commands.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.chat.ChatRepl;
import dev.srereview.chat.ChatSession;
import dev.srereview.chat.CommandRegistry;
import dev.srereview.chat.FakeServices;
import dev.srereview.config.Settings;
import dev.srereview.config.SettingsLoader;
import dev.srereview.config.SettingsOverrides;
import dev.srereview.llm.ChatMessage;
import dev.srereview.transcript.RecordedChatClient;
import dev.srereview.transcript.Transcript;
import dev.srereview.transcript.TranscriptEvent;
import dev.srereview.transcript.TranscriptReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the REPL with no network: a session is recorded as it happens, then a second session lists,
 * resumes (the follow-up reaches the model with the earlier conversation), replays and compares it. The model is
 * a {@link RecordedChatClient} serving recorded replies.
 */
class TranscriptReplTest {
    private static final String KEY = "sk-live-0123456789abcdefghijklmnop";

    @TempDir
    Path work;

    private Settings settings() {
        return new SettingsLoader(Map.of("OPENAI_API_KEY", KEY), work, w -> { }).load(SettingsOverrides.NONE);
    }

    private String run(String sessionId, RecordedChatClient model, String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] input = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        try (Terminal terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new ByteArrayInputStream(input), out,
                StandardCharsets.UTF_8)) {
            ChatSession session = new ChatSession(terminal, new FakeServices(model), CommandRegistry.withBuiltins(),
                    settings(), work, sessionId, null, false);
            session.addListener(new TranscriptRecordingListener());
            new ChatRepl(session, null).run("");
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path only(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
    }

    @Test
    void recordsThenResumesReplaysAndCompares() throws Exception {
        Files.createDirectories(work.resolve("fixture"));
        RecordedChatClient first = new RecordedChatClient("gpt-test",
                List.of(new RecordedChatClient.Recorded("What breaks first?", "The timeout in app.py:12.")));
        String out1 = run("session-1", first, "/review-deployment fixture", "What breaks first?", "/save",
                "/save keep/copy.md", "/exit");

        Path dir = work.resolve("transcripts");
        Path file = only(dir);
        assertThat(out1).contains("Transcript: transcripts/" + file.getFileName())
                .contains("Saved as you go: transcripts/" + file.getFileName())
                .contains("Saved to keep/copy.md");
        Transcript t = new TranscriptReader().read(file);
        assertThat(t.header().sessionId()).isEqualTo("session-1");
        assertThat(t.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Command", "ReviewRecorded", "UserInput", "FollowUp", "Command", "Command", "Command");
        assertThat(t.events().get(3)).isEqualTo(new TranscriptEvent.FollowUp(t.events().get(3).at(),
                "What breaks first?", "The timeout in app.py:12."));
        assertThat(Files.readString(file)).doesNotContain(KEY);
        assertThat(Files.readString(work.resolve("keep/copy.md")))
                .contains(FakeServices.MARKDOWN.strip()).contains("> What breaks first?\n\nThe timeout in app.py:12.");

        RecordedChatClient second = new RecordedChatClient("gpt-test",
                List.of(new RecordedChatClient.Recorded("And then?", "Then the pod restarts.")));
        String rel = "transcripts/" + file.getFileName();
        String out2 = run("session-2", second, "/transcripts", "/resume " + file.getFileName(), "And then?",
                "/replay " + rel, "/compare " + rel + " " + rel, "/exit");

        assertThat(out2).contains(" 4/10  fixture  (1 follow-up)  " + rel)
                .contains("Resumed " + file.getFileName() + ": review of fixture scored 4/10")
                .contains("Then the pod restarts.")
                .contains("# sre-review session session-1")
                .contains("4/10 → 4/10: 0 risks fixed, 0 new, 1 unchanged; findings: 0 fixed, 0 new, 1 unchanged");
        List<ChatMessage> sent = second.requests().get(0).messages();
        assertThat(sent).extracting(ChatMessage::content)
                .contains("The timeout in app.py:12.", FakeServices.MARKDOWN, "And then?");

        // The second session's own transcript holds the resumed conversation: it resumes on its own.
        Path secondFile;
        try (Stream<Path> files = Files.list(dir)) {
            secondFile = files.filter(p -> !p.equals(file) && p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        }
        Transcript t2 = new TranscriptReader().read(secondFile);
        assertThat(t2.events()).anyMatch(TranscriptEvent.Resumed.class::isInstance);
        assertThat(t2.conversation()).extracting(ChatMessage::content)
                .containsSubsequence("The timeout in app.py:12.", "And then?", "Then the pod restarts.");
    }

    @Test
    void aSessionResumedOfflineAnswersFromTheSavedFindingsAndSaysWhyItCannotListFiles() throws Exception {
        Files.createDirectories(work.resolve("fixture"));
        run("session-1", new RecordedChatClient("gpt-test", List.of()), "/review-deployment fixture", "/exit");
        Path file = only(work.resolve("transcripts"));

        String out = run("session-2", null, "/resume " + file.getFileName(), "what about the timeout?", "/context",
                "/exit");

        assertThat(out).contains("follow-ups get the offline answers")
                .contains("The evidence for \"timeout\" is:")
                .contains("missing-timeout at app.py:12")
                .doesNotContain("run /review-deployment [PATH] first")
                .contains("was resumed from a transcript, which keeps what was said, not the files");
    }

    @Test
    void badFilesAreOneLineAndTheSessionGoesOn() throws Exception {
        Files.writeString(work.resolve("junk.txt"), "not a transcript");
        String out = run("s", new RecordedChatClient("m", List.of()), "/resume junk.txt", "/replay nope.jsonl",
                "/compare junk.txt", "/transcripts x", "/exit");
        assertThat(out).contains(work.resolve("junk.txt") + " is not an sre-review transcript: line 1 is not JSON")
                .contains("transcript " + work.resolve("nope.jsonl") + " does not exist")
                .contains("Usage: /compare OLD NEW")
                .contains("Usage: /transcripts [N]");
    }

    @Test
    void anUnwritableTranscriptDirectoryIsSaidOnceAndTheSessionGoesOn() throws Exception {
        Files.writeString(work.resolve("transcripts"), "a file where the directory should be");
        Files.createDirectories(work.resolve("fixture"));
        String out = run("s", new RecordedChatClient("m", List.of()), "/review-deployment fixture", "/save", "/exit");
        assertThat(out).contains("Transcript off: cannot create a transcript in " + work.resolve("transcripts"))
                .contains(FakeServices.MARKDOWN.strip())
                .contains("This session is not being recorded");
    }

    @Test
    void anOfflineAnswerIsRecordedLikeAnyOther() throws Exception {
        Files.createDirectories(work.resolve("fixture"));
        run("offline", null, "/review-deployment fixture", "What breaks first?", "/exit");

        Transcript t = new TranscriptReader().read(only(work.resolve("transcripts")));
        assertThat(t.events()).filteredOn(e -> e instanceof TranscriptEvent.FollowUp)
                .singleElement()
                .satisfies(e -> {
                    TranscriptEvent.FollowUp f = (TranscriptEvent.FollowUp) e;
                    assertThat(f.question()).isEqualTo("What breaks first?");
                    assertThat(f.answer()).startsWith("offline:");
                });
    }
}
