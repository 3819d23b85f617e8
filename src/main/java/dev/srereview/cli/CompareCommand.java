package dev.srereview.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code sre-review compare OLD NEW}: what changed between two reviews (the transcript stage does the work). */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Compares two reviews (transcripts or JSON reviews): score change, risks fixed, new, unchanged."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "OLD", description = "the earlier transcript or JSON review")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", description = "the later transcript or JSON review")
    Path newer;

    @Mixin
    SharedOptions options;

    private final CliContext cli;

    CompareCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.environment().err().println("sre-review: compare is not available in this build yet (transcripts arrive with the transcript stage)");
        return ExitCodes.USAGE;
    }
}
