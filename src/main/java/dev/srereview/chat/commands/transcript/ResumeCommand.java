package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.llm.ChatMessage;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewRun;
import dev.srereview.transcript.SessionHeaders;
import dev.srereview.transcript.SessionRecorder;
import dev.srereview.transcript.Transcript;
import dev.srereview.transcript.TranscriptException;
import dev.srereview.transcript.TranscriptReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Completer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /resume FILE: loads a saved conversation so follow-ups continue with the model where it stopped. The earlier
 * reviews and answers are copied into this session's transcript, so it resumes on its own later.
 */
public final class ResumeCommand implements SlashCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCommand.class);

    @Override
    public String name() {
        return "resume";
    }

    @Override
    public String help() {
        return "continue a saved session: its review and answers become this conversation";
    }

    @Override
    public String usage() {
        return "FILE";
    }

    @Override
    public Completer completer(ChatContext context) {
        return TranscriptFiles.completer(context);
    }

    @Override
    public Result execute(String args, ChatContext context) {
        var out = context.out();
        if (args.isBlank()) {
            out.println("Usage: /resume FILE (/transcripts lists them)");
            out.flush();
            return Result.CONTINUE;
        }
        Path file = TranscriptFiles.resolve(context, args);
        Transcript t;
        try {
            t = new TranscriptReader().read(file);
        } catch (TranscriptException e) {
            out.println(e.getMessage());
            out.flush();
            return Result.CONTINUE;
        }
        t.warnings().forEach(w -> out.println("warning: " + w));
        List<ChatMessage> saved = t.conversation();
        if (saved.isEmpty()) {
            out.println("Nothing to resume in " + file.getFileName() + ": it holds no review or answered question.");
            out.flush();
            return Result.CONTINUE;
        }
        Optional<String> persona = TranscriptFiles.persona();
        List<ChatMessage> messages = new ArrayList<>();
        persona.ifPresent(p -> messages.add(ChatMessage.system(p)));
        messages.addAll(saved);
        // The review and its findings come back (offline answers and /raw use them); the scanned tree does not,
        // since transcripts keep what was said, not the repository: /context says so.
        ReviewRun run = t.lastReview().map(o -> new ReviewRun(o, messages, null, null)).orElse(null);
        context.resume(messages, run);
        recordInto(context, t);

        long answers = saved.stream().filter(m -> m.role() == dev.srereview.llm.Role.ASSISTANT).count();
        String last = t.lastReview().map(ResumeCommand::summary).orElse("no review");
        out.println("Resumed " + file.getFileName() + ": " + last + ", " + answers + " replies in the conversation."
                + " Ask away.");
        if (persona.isPresent() && t.header().personaSha256() != null
                && !t.header().personaSha256().equals(SessionHeaders.sha256(persona.get()))) {
            out.println("Note: the persona prompt changed since that session; answers may differ in style.");
        }
        if (!context.llmAvailable()) {
            out.println("No model is configured (offline): follow-ups get the offline answers.");
        }
        out.flush();
        return Result.CONTINUE;
    }

    private static String summary(ReviewOutcome o) {
        return "review of " + o.target() + " scored " + o.review().score().value() + "/10";
    }

    /** Copies the resumed conversation into this session's transcript (when it is being recorded). */
    private static void recordInto(ChatContext context, Transcript earlier) {
        Optional<Path> current = TranscriptFiles.current(context);
        if (current.isEmpty() || current.get().toAbsolutePath().equals(earlier.path().toAbsolutePath())) {
            return;
        }
        try (SessionRecorder recorder = SessionRecorder.append(current.get(), context.settings(), context.redactor(),
                Clock.systemDefaultZone())) {
            recorder.resumed(earlier);
        } catch (TranscriptException e) {
            LOG.warn("could not copy the resumed session into {}", current.get(), e);
            context.out().println("Transcript: " + e.getMessage());
        }
    }
}
