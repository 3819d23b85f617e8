package dev.srereview.cli;

import dev.srereview.transcript.TranscriptCommands;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code sre-review compare OLD NEW}: what changed between two reviews (the transcript stage's comparer). */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Compares two reviews (transcripts or JSON reviews): score change, risks fixed, new, unchanged."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier transcript or JSON review")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later transcript or JSON review")
    Path newer;

    @Mixin
    SharedOptions options;

    /** Options written before the subcommand's name land here. */
    @ParentCommand
    RootCommand parent;

    private final CliContext cli;

    CompareCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AppEnvironment env = cli.environment();
        cli.start(options.under(parent).overrides(), "compare");
        return new TranscriptCommands().compare(env.workingDir().resolve(older), env.workingDir().resolve(newer),
                env.out(), env.err());
    }
}
