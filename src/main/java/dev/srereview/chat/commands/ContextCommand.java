package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.context.LeftOut;
import dev.srereview.context.PackedContext;
import java.io.PrintWriter;

/** /context: what the last review sent to the model, and what it left out and why. */
public final class ContextCommand implements SlashCommand {
    private static final int MAX_LINES = 40;

    @Override
    public String name() {
        return "context";
    }

    @Override
    public String help() {
        return "what the last review sent to the model and what it left out";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        PrintWriter out = context.out();
        var run = context.lastRun();
        if (run.isEmpty() || run.get().context() == null) {
            out.println("No review yet: /review-deployment [PATH] first.");
            out.flush();
            return Result.CONTINUE;
        }
        PackedContext packed = run.get().context();
        out.println("sent (" + packed.sentPaths().size() + " files, " + packed.tokens() + " tokens):");
        packed.sentPaths().stream().limit(MAX_LINES).forEach(p -> out.println("  " + p));
        if (packed.sentPaths().size() > MAX_LINES) {
            out.println("  … and " + (packed.sentPaths().size() - MAX_LINES) + " more");
        }
        out.println("left out (" + packed.leftOut().size() + "):");
        for (LeftOut l : packed.leftOut().stream().limit(MAX_LINES).toList()) {
            out.println("  " + l.path() + " (" + l.sizeBytes() + " bytes): " + l.reason());
        }
        if (packed.leftOut().size() > MAX_LINES) {
            out.println("  … and " + (packed.leftOut().size() - MAX_LINES) + " more");
        }
        out.flush();
        return Result.CONTINUE;
    }
}
