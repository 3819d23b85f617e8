package dev.srereview.cli;

import dev.srereview.transcript.Replayer;
import dev.srereview.transcript.Transcript;
import dev.srereview.transcript.TranscriptException;
import dev.srereview.transcript.TranscriptReader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sre-review replay TRANSCRIPT}: prints a saved session again, offline, no LLM call (exit 2 for a file that is not a transcript). */
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
        AppEnvironment env = cli.environment();
        cli.start(options.overrides(), "replay");
        Transcript saved;
        try {
            saved = new TranscriptReader().read(env.workingDir().resolve(transcript));
        } catch (TranscriptException e) {
            env.err().println("sre-review: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        saved.warnings().forEach(w -> env.err().println("sre-review: warning: " + w));
        String text;
        try {
            text = format == OutputFormat.json
                    ? new Replayer().replayJson(saved, Renderers.forFormat(OutputFormat.json, false, 100))
                    : new Replayer().replay(saved, Renderers.forFormat(OutputFormat.markdown, false, 100));
        } catch (TranscriptException | UnsupportedOperationException e) {
            env.err().println("sre-review: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        env.out().print(text.endsWith("\n") ? text : text + System.lineSeparator());
        env.out().flush();
        return ExitCodes.OK;
    }
}
