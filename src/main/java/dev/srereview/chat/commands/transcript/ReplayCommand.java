package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.transcript.Replayer;
import dev.srereview.transcript.Transcript;
import dev.srereview.transcript.TranscriptException;
import dev.srereview.transcript.TranscriptReader;
import org.jline.reader.Completer;

/** /replay FILE: prints a saved session as it was shown, without calling the model. */
public final class ReplayCommand implements SlashCommand {
    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String help() {
        return "print a saved session again (no model call)";
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
            out.println("Usage: /replay FILE (/transcripts lists them)");
        } else {
            try {
                Transcript t = new TranscriptReader().read(TranscriptFiles.resolve(context, args));
                out.print(new Replayer().replay(t, Replayer.STORED_MARKDOWN));
                t.warnings().forEach(w -> out.println("warning: " + w));
            } catch (TranscriptException e) {
                out.println(e.getMessage());
            }
        }
        out.flush();
        return Result.CONTINUE;
    }
}
