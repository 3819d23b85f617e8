package dev.srereview.cli;

import dev.srereview.transcript.TranscriptCommands;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sre-review replay TRANSCRIPT}: prints a saved session again, offline, no LLM call (exit 2 for a file that is not a transcript). */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Prints a saved session again, offline, with no LLM call."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRANSCRIPT", description = "a session saved under transcripts/")
    Path transcript;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown or json (default: ${DEFAULT-VALUE}); json prints the last review")
    Format format;

    /** What replay can print (cli-contract.md): a session has no SARIF of its own to replay. */
    enum Format { markdown, json }

    @Mixin
    SharedOptions options;

    /** Options written before the subcommand's name land here. */
    @ParentCommand
    RootCommand parent;

    private final CliContext cli;

    ReplayCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AppEnvironment env = cli.environment();
        cli.start(options.under(parent).overrides(), "replay");
        return new TranscriptCommands().replay(env.workingDir().resolve(transcript), format == Format.json,
                env.out(), env.err());
    }
}
