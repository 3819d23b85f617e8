package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.context.ContextSummary;

/** /context: what the last review sent to the model, and what it left out and why (the context stage's listing). */
public final class ContextCommand implements SlashCommand {
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
        var run = context.lastRun();
        if (run.isEmpty()) {
            context.out().println("No review yet: /review-deployment [PATH] first.");
        } else if (run.get().context() == null) {
            context.out().println("The review of " + run.get().outcome().target() + " was resumed from a transcript,"
                    + " which keeps what was said, not the files: /review-deployment " + run.get().outcome().target()
                    + " again to list what is sent.");
        } else {
            context.out().print(new ContextSummary().listing(run.get().context()));
            if (run.get().outcome().model() == null) {
                context.out().println("(this review was offline: nothing was sent to a model; the listing shows what would be)");
            }
        }
        context.out().flush();
        return Result.CONTINUE;
    }
}
