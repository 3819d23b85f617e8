package dev.srereview.chat.commands.transcript;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.transcript.Comparer;
import dev.srereview.transcript.ReviewLoader;
import dev.srereview.transcript.TranscriptException;
import java.util.List;
import org.jline.reader.Completer;

/** /compare OLD NEW: score change and risks fixed, new and unchanged between two transcripts or JSON reviews. */
public final class CompareCommand implements SlashCommand {
    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String help() {
        return "what changed between two reviews (transcripts or JSON reviews)";
    }

    @Override
    public String usage() {
        return "OLD NEW";
    }

    @Override
    public Completer completer(ChatContext context) {
        return TranscriptFiles.completer(context);
    }

    @Override
    public Result execute(String args, ChatContext context) {
        var out = context.out();
        List<String> files = TranscriptFiles.twoArgs(args);
        if (files.size() != 2) {
            out.println("Usage: /compare OLD NEW (two transcripts or JSON reviews; /transcripts lists them)");
        } else {
            try {
                ReviewLoader loader = new ReviewLoader();
                var before = loader.load(TranscriptFiles.resolve(context, files.get(0)));
                var after = loader.load(TranscriptFiles.resolve(context, files.get(1)));
                out.print(new Comparer().compare(before, after).report());
            } catch (TranscriptException e) {
                out.println(e.getMessage());
            }
        }
        out.flush();
        return Result.CONTINUE;
    }
}
