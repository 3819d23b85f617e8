package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.config.SettingsView;

/** /config: the effective settings after layering, the key masked. */
public final class ConfigCommand implements SlashCommand {
    @Override
    public String name() {
        return "config";
    }

    @Override
    public String help() {
        return "show the effective settings (the key masked)";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        SettingsView.describe(context.settings()).forEach(line -> context.out().println("  " + line));
        if (context.logFile() != null) {
            context.out().println("  (log file: " + context.logFile() + ")");
        }
        context.out().flush();
        return Result.CONTINUE;
    }
}
