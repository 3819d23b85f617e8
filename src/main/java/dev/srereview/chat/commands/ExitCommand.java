package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import java.util.List;

/** /exit (also /quit, Ctrl-D). */
public final class ExitCommand implements SlashCommand {
    @Override
    public String name() {
        return "exit";
    }

    @Override
    public List<String> aliases() {
        return List.of("quit");
    }

    @Override
    public String help() {
        return "leave (Ctrl-D too)";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        return Result.EXIT;
    }
}
