package dev.srereview.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sre-review replay TRANSCRIPT}: prints a saved session again, offline (the transcript stage does the work). */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Prints a saved session again, offline, with no LLM call."})
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TRANSCRIPT", description = "a session saved under transcripts/")
    Path transcript;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown or json (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Mixin
    SharedOptions options;

    private final CliContext cli;

    ReplayCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.environment().err().println("sre-review: replay is not available in this build yet (transcripts arrive with the transcript stage)");
        return ExitCodes.USAGE;
    }
}
