package dev.srereview.transcript;

import dev.srereview.config.Settings;
import dev.srereview.context.Redactor;
import dev.srereview.review.ReviewRun;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the REPL calls to record a session as it happens: one method per event, each written and forced before
 * it returns. Write failures surface once as a {@link TranscriptException} (one line to show); the session goes on.
 */
public final class SessionRecorder implements Closeable {
    private final TranscriptWriter writer;
    private final Clock clock;

    public SessionRecorder(TranscriptWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Starts a transcript in {@code settings.transcripts().dir()} (relative: under {@code workingDir}), named by
     * the time and {@code target} (the REPL passes the working directory), the API key scrubbed everywhere.
     */
    public static SessionRecorder start(Settings settings, String toolVersion, String personaPrompt, String target,
                                        Path workingDir, Redactor redactor, Clock clock) {
        return start(settings, toolVersion, personaPrompt, target, UUID.randomUUID().toString(), workingDir, redactor, clock);
    }

    /** As above, with the caller's session id in the header (the REPL's, so /save finds the file by it). */
    public static SessionRecorder start(Settings settings, String toolVersion, String personaPrompt, String target,
                                        String sessionId, Path workingDir, Redactor redactor, Clock clock) {
        Path dir = directory(settings, workingDir);
        TranscriptEvent.Header header = new SessionHeaders(clock).create(settings, toolVersion, personaPrompt, target, sessionId);
        TranscriptScrubber scrubber = new TranscriptScrubber(redactor, keys(settings));
        return new SessionRecorder(TranscriptWriter.create(dir, target, header, scrubber, clock.getZone()), clock);
    }

    /** Where transcripts go: {@code transcripts.dir}, relative to the working directory. */
    public static Path directory(Settings settings, Path workingDir) {
        Path configured = settings.transcripts() == null || settings.transcripts().dir() == null
                ? Path.of("transcripts") : settings.transcripts().dir();
        return workingDir.resolve(configured);
    }

    /** Records into an existing transcript (the running session's, found by its id). */
    public static SessionRecorder append(Path transcript, Settings settings, Redactor redactor, Clock clock) {
        return new SessionRecorder(TranscriptWriter.reopen(transcript, new TranscriptScrubber(redactor, keys(settings))), clock);
    }

    /** The transcript file (print it at start and on /save). */
    public Path path() {
        return writer.path();
    }

    public TranscriptEvent.Header header() {
        return writer.header();
    }

    /** A question, recorded before it is sent so a killed session still shows it. */
    public void input(String text) {
        writer.append(new TranscriptEvent.UserInput(clock.instant(), text));
    }

    public void command(String line) {
        writer.append(new TranscriptEvent.Command(clock.instant(), line));
    }

    /** A finished review; a fallback, when there was one, is recorded just before it. */
    public void review(ReviewRun run) {
        if (run.outcome().fallbackReason() != null) {
            fallback(run.outcome().fallbackReason());
        }
        writer.append(TranscriptEvent.ReviewRecorded.of(clock.instant(), run));
    }

    public void followUp(String question, String answer) {
        writer.append(new TranscriptEvent.FollowUp(clock.instant(), question, answer));
    }

    /** @param what "review" or "follow-up" */
    public void cancelled(String what) {
        writer.append(new TranscriptEvent.Cancelled(clock.instant(), what));
    }

    public void fallback(String reason) {
        writer.append(new TranscriptEvent.Fallback(clock.instant(), reason));
    }

    public void error(String message) {
        writer.append(new TranscriptEvent.Failed(clock.instant(), message));
    }

    /**
     * Marks this session as continuing {@code earlier} and copies its reviews and answered follow-ups, so this
     * file alone resumes and replays the whole conversation.
     */
    public void resumed(Transcript earlier) {
        writer.append(new TranscriptEvent.Resumed(clock.instant(), String.valueOf(earlier.path()),
                earlier.header().sessionId()));
        for (TranscriptEvent e : earlier.events()) {
            if (e instanceof TranscriptEvent.ReviewRecorded || e instanceof TranscriptEvent.FollowUp) {
                writer.append(e);
            }
        }
    }

    @Override
    public void close() {
        writer.close();
    }

    private static List<String> keys(Settings settings) {
        List<String> out = new ArrayList<>();
        if (settings != null && settings.llm() != null && settings.llm().hasKey()) {
            out.add(settings.llm().apiKey());
        }
        return out;
    }
}
