package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;

/** /review-deployment [PATH]: reviews PATH (default: the working directory). Tab completes directories. */
public final class ReviewDeploymentCommand implements SlashCommand {
    @Override
    public String name() {
        return "review-deployment";
    }

    @Override
    public List<String> aliases() {
        return List.of("review");
    }

    @Override
    public String help() {
        return "review a deployment repository (default: the current directory)";
    }

    @Override
    public String usage() {
        return "[PATH]";
    }

    @Override
    public Completer completer(ChatContext context) {
        return new Completers.DirectoriesCompleter(context::workingDir);
    }

    @Override
    public Result execute(String args, ChatContext context) {
        context.review(args);
        return Result.CONTINUE;
    }
}
