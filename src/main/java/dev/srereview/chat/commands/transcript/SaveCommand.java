package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.transcript.TranscriptException;
import dev.srereview.transcript.Replayer;
import dev.srereview.transcript.TranscriptExporter;
import java.nio.file.Path;
import java.util.Optional;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** /save [FILE]: the session is saved as it goes; this says where, or copies it to FILE (markdown for *.md). */
public final class SaveCommand implements SlashCommand {
    @Override
    public String name() {
        return "save";
    }

    @Override
    public String help() {
        return "show where this session is saved, or save a copy to FILE (*.md: as markdown)";
    }

    @Override
    public String usage() {
        return "[FILE]";
    }

    @Override
    public Completer completer(ChatContext context) {
        return new Completers.FileNameCompleter();
    }

    @Override
    public Result execute(String args, ChatContext context) {
        var out = context.out();
        Optional<Path> current = TranscriptFiles.current(context);
        if (current.isEmpty()) {
            out.println("This session is not being recorded (see the line at start), so there is nothing to save.");
        } else if (args.isBlank()) {
            out.println("Saved as you go: " + TranscriptRecordingListener.shown(context, current.get()));
        } else {
            Path target = context.workingDir().resolve(TranscriptFiles.unquote(args));
            try {
                Path written = new TranscriptExporter().export(current.get(), target, Replayer.STORED_MARKDOWN);
                out.println("Saved to " + TranscriptRecordingListener.shown(context, written)
                        + " (the session goes on in " + TranscriptRecordingListener.shown(context, current.get()) + ")");
            } catch (TranscriptException e) {
                out.println("Not saved: " + e.getMessage());
            }
        }
        out.flush();
        return Result.CONTINUE;
    }
}
