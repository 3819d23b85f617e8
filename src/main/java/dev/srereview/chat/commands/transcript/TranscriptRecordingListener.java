package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SessionListener;
import dev.srereview.llm.ChatReply;
import dev.srereview.review.ReviewRun;
import dev.srereview.transcript.SessionRecorder;
import dev.srereview.transcript.TranscriptException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the chat session as it happens (found through META-INF/services). Prints the transcript's path at
 * start. A transcript that cannot be written is said once and the session goes on unrecorded.
 */
public final class TranscriptRecordingListener implements SessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptRecordingListener.class);

    private final Clock clock;
    private SessionRecorder recorder;
    private PrintWriter out;

    public TranscriptRecordingListener() {
        this(Clock.systemDefaultZone());
    }

    TranscriptRecordingListener(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void started(ChatContext context) {
        out = context.out();
        Path cwd = context.workingDir().toAbsolutePath().normalize();
        String target = cwd.getFileName() == null ? "session" : cwd.getFileName().toString();
        try {
            recorder = SessionRecorder.start(context.settings(), TranscriptFiles.version(),
                    TranscriptFiles.persona().orElse(null), target, context.sessionId(), context.workingDir(),
                    context.redactor(), clock);
            out.println("Transcript: " + shown(context, recorder.path()));
        } catch (TranscriptException e) {
            LOG.warn("session not recorded", e);
            out.println("Transcript off: " + e.getMessage());
        }
        out.flush();
    }

    @Override
    public void input(String line) {
        record(r -> {
            if (line.startsWith("/")) {
                r.command(line);
            } else {
                r.input(line);
            }
        });
    }

    @Override
    public void reviewed(ReviewRun run) {
        record(r -> r.review(run));
    }

    @Override
    public void answered(String question, ChatReply reply) {
        record(r -> r.followUp(question, reply.text()));
    }

    @Override
    public void cancelled(String what) {
        record(r -> r.cancelled(what));
    }

    @Override
    public void failed(String line) {
        record(r -> r.error(line));
    }

    @Override
    public void ended() {
        if (recorder != null) {
            recorder.close();
            recorder = null;
        }
    }

    private void record(Consumer<SessionRecorder> event) {
        if (recorder == null) {
            return;
        }
        try {
            event.accept(recorder);
        } catch (TranscriptException e) {
            // The writer stops after its first failure; say it once, the session goes on.
            LOG.warn("transcript write failed", e);
            if (out != null) {
                out.println("Transcript: " + e.getMessage());
                out.flush();
            }
        }
    }

    static String shown(ChatContext context, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path cwd = context.workingDir().toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
