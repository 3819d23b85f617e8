package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.review.ReviewOutcome;

/** /raw: the model's last reply when it was rejected by the validator (the review shown is the fallback). */
public final class RawCommand implements SlashCommand {
    @Override
    public String name() {
        return "raw";
    }

    @Override
    public String help() {
        return "show the model's last raw reply when it was rejected";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        var out = context.out();
        var run = context.lastRun();
        if (run.isEmpty()) {
            out.println("No review yet: /review-deployment [PATH] first.");
        } else {
            ReviewOutcome o = run.get().outcome();
            if (o.lastRawReply() == null) {
                out.println("Nothing was rejected: the review shown is " + (o.model() == null ? "the offline review."
                        : "the model's reply as validated."));
            } else {
                out.println("--- the model's last rejected reply (not a valid review) ---");
                out.println(o.lastRawReply());
                out.println("--- end ---");
            }
        }
        out.flush();
        return Result.CONTINUE;
    }
}
