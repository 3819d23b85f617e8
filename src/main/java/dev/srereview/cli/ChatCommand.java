package dev.srereview.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code sre-review chat}: the interactive REPL. */
@Command(name = "chat", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"The interactive chat: /review-deployment [PATH], then follow-up questions.",
                "Reads lines from a pipe too (one command or question per line)."})
final class ChatCommand implements Callable<Integer> {
    @Mixin
    SharedOptions options;

    /** Options written before the subcommand's name land here. */
    @ParentCommand
    RootCommand parent;

    private final CliContext cli;

    ChatCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        return ChatLauncher.run(cli, options.under(parent));
    }
}
