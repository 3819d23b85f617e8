package dev.srereview.cli;

import dev.srereview.config.Settings;
import dev.srereview.config.SettingsException;
import dev.srereview.context.ScanException;
import dev.srereview.evidence.Severity;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.LlmException;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.review.ReviewListener;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewRun;
import dev.srereview.review.ReviewUnavailableException;
import dev.srereview.transcript.IoReason;
import dev.srereview.transcript.TranscriptCommands;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sre-review review PATH}: one review on stdout (or --output), messages on stderr, exit code per §5. */
@Command(name = "review", mixinStandardHelpOptions = true, versionProvider = ManifestVersion.class,
        description = {"Reviews PATH once and exits (for scripts and CI). Only the review goes to stdout."},
        footer = {"", "Exit codes: 0 a review, nothing reached --fail-on; 1 a risk or finding",
                "  reached --fail-on; 2 usage or input error; 3 no review could be produced.",
                "CI: sre-review review . --format sarif --output review.sarif --fail-on P1"})
final class ReviewCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewCommand.class);

    @Parameters(index = "0", paramLabel = "PATH", description = "the repository to review")
    String path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "markdown",
            description = "markdown, json or sarif (default: ${DEFAULT-VALUE})")
    OutputFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "write the review to FILE (atomically) instead of stdout")
    Path output;

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "exit 1 when a risk or finding is this severe or worse: P0, P1, P2 or P3")
    Severity failOn;

    @Mixin
    SharedOptions options;

    /** Options written before the subcommand's name land here. */
    @ParentCommand
    RootCommand parent;

    private final CliContext cli;

    ReviewCommand(CliContext cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        AppEnvironment env = cli.environment();
        PrintStream err = env.err();
        // bad input is checked before settings are read, so its one line is the only one (no "offline reviewer" notice)
        if (path.isBlank()) {
            err.println("sre-review: PATH is empty: name the repository to review ('.' for this directory)");
            return ExitCodes.USAGE;
        }
        Path root;
        try {
            root = env.workingDir().resolve(path).normalize();
        } catch (InvalidPathException e) {
            err.println("sre-review: not a usable path: " + path);
            return ExitCodes.USAGE;
        }
        if (!Files.exists(root)) {
            err.println("sre-review: no such directory: " + path);
            return ExitCodes.USAGE;
        }
        if (!Files.isDirectory(root)) {
            err.println("sre-review: not a directory: " + path + " (review a repository's root directory)");
            return ExitCodes.USAGE;
        }
        if (output != null && Files.isDirectory(env.workingDir().resolve(output))) {
            err.println("sre-review: cannot write " + output + ": is a directory (name a file in it)");
            return ExitCodes.USAGE;
        }
        Settings settings = cli.start(options.under(parent).overrides(), "review");
        boolean colorOut = output == null && env.interactive() && !env.noColor();
        ReviewRenderer renderer = Renderers.forFormat(format, colorOut, 100);
        Set<String> noticed = new HashSet<>();
        ReviewListener listener = new ReviewListener() {
            @Override
            public void stage(String stage) {
                LOG.debug("stage {}", stage);
            }

            @Override
            public void notice(String line) {
                noticed.add(line);
                // the summary line points chat users at /context; here the review itself lists what was left out
                err.println(line.replace(" — /context to list them", ""));
            }
        };
        ReviewRun run;
        try {
            run = cli.services().review(settings, root, path, listener, new CancelToken());
        } catch (ScanException e) {
            err.println("sre-review: cannot review " + path + ": " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (SettingsException e) {
            err.println("sre-review: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (ReviewUnavailableException e) {
            err.println("sre-review: " + e.getMessage()); // it says "No review: ..." itself
            return ExitCodes.NO_REVIEW;
        } catch (LlmException e) {
            err.println("sre-review: no review: " + e.getMessage());
            return ExitCodes.NO_REVIEW;
        }
        ReviewOutcome outcome = run.outcome();
        if (outcome.fallbackReason() != null && !noticed.contains(outcome.fallbackReason())) {
            err.println(outcome.fallbackReason());
        }
        // the terminal rendering shows the validation's warnings under the review; a file, a pipe, JSON or SARIF
        // does not (JSON keeps them in validation.warnings), so they are said on stderr
        boolean shownInline = format == OutputFormat.markdown && colorOut;
        if (!shownInline && outcome.validation() != null) {
            outcome.validation().warnings().forEach(w -> err.println("sre-review: warning: " + w));
        }
        String text = renderer.render(outcome);
        if (!text.endsWith("\n")) {
            text = text + System.lineSeparator();
        }
        if (output == null) {
            env.out().print(text);
            if (TranscriptCommands.written(env.out(), err) != ExitCodes.OK) {
                LOG.warn("review of {} produced but standard output refused it", path);
                return ExitCodes.NO_REVIEW;
            }
        } else {
            Path file = env.workingDir().resolve(output);
            try {
                AtomicFiles.write(file, text);
            } catch (IOException e) {
                LOG.warn("cannot write {}", file, e);
                err.println("sre-review: cannot write " + output + ": " + IoReason.of(e));
                return ExitCodes.USAGE;
            }
            err.println("sre-review: review written to " + output);
        }
        boolean gated = FailOn.reached(outcome, failOn);
        LOG.info("review of {} done: source={} gated={}", path, outcome.source().id(), gated);
        return gated ? ExitCodes.GATED : ExitCodes.OK;
    }
}
