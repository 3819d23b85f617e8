package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import java.io.PrintWriter;

/** /help: every command with its usage and one line, then how questions and Ctrl-C work. */
public final class HelpCommand implements SlashCommand {
    @Override
    public String name() {
        return "help";
    }

    @Override
    public String help() {
        return "list the commands";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        PrintWriter out = context.out();
        int width = 0;
        for (SlashCommand c : context.commands().all()) {
            width = Math.max(width, label(c).length());
        }
        for (SlashCommand c : context.commands().all()) {
            String aliases = c.aliases().isEmpty() ? "" : " (also /" + String.join(", /", c.aliases()) + ")";
            out.printf("  %-" + width + "s  %s%s%n", label(c), c.help(), aliases);
        }
        out.println("Any other line is a follow-up question about the last review. Tab completes commands and paths;");
        out.println("Ctrl-C cancels a running request; Ctrl-D or /exit quits.");
        out.flush();
        return Result.CONTINUE;
    }

    private static String label(SlashCommand c) {
        return "/" + c.name() + (c.usage().isEmpty() ? "" : " " + c.usage());
    }
}
