package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;

/** /clear: a new conversation; the last review and its follow-ups are forgotten. */
public final class ClearCommand implements SlashCommand {
    @Override
    public String name() {
        return "clear";
    }

    @Override
    public String help() {
        return "start a new conversation (forgets the last review and its follow-ups)";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        context.newConversation();
        context.out().println("New conversation. /review-deployment [PATH] to start.");
        context.out().flush();
        return Result.CONTINUE;
    }
}
