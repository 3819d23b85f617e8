package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import dev.srereview.config.SettingsView;

/** /model [NAME]: shows or changes the model for the rest of the session. */
public final class ModelCommand implements SlashCommand {
    @Override
    public String name() {
        return "model";
    }

    @Override
    public String help() {
        return "show or change the model for this session";
    }

    @Override
    public String usage() {
        return "[NAME]";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        if (args.isBlank()) {
            context.out().println("model: " + context.settings().llm().model()
                    + (context.llmAvailable() ? " at " + SettingsView.endpointHost(context.settings())
                    : " (offline reviewer: no LLM in use)"));
        } else if (args.contains(" ")) {
            context.out().println("usage: /model NAME (one word)");
        } else {
            context.changeSettings(SettingsView.withModel(context.settings(), args));
            context.out().println("model set to " + args + " for this session"
                    + (context.llmAvailable() ? "." : " (used once an LLM is configured)."));
        }
        context.out().flush();
        return Result.CONTINUE;
    }
}
