package dev.srereview.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code sre-review}: with no subcommand, the chat REPL. */
@Command(name = "sre-review", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Reviews an ML deployment repository the way a senior SRE would.",
                "With no command: the interactive chat (/review-deployment [PATH], then ask follow-ups)."},
        footer = {"", "Environment: OPENAI_API_KEY, OPENAI_BASE_URL, SRE_REVIEW_MODEL,",
                "  SRE_REVIEW_CONFIG, NO_COLOR.",
                "Exit codes of review: 0 ok, 1 --fail-on reached, 2 usage or input error, 3 no review."})
final class RootCommand implements Callable<Integer> {
    @Mixin
    SharedOptions options;

    private final CliContext cli;

    RootCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws Exception {
        return ChatLauncher.run(cli, options);
    }
}
