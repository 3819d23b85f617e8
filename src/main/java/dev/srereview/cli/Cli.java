package dev.srereview.cli;

import dev.srereview.config.SettingsException;
import dev.srereview.context.ScanException;
import dev.srereview.review.ReviewUnavailableException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line: builds the picocli tree and turns every failure into one line and an exit code
 * (never a stack trace on the terminal; the trace goes to the log file).
 */
public final class Cli {
    private final CliContext context;

    public Cli(AppEnvironment environment) {
        this(environment, null);
    }

    /** @param services replaces the real wiring (tests run the CLI against a fake pipeline) */
    Cli(AppEnvironment environment, dev.srereview.chat.ChatServices services) {
        this.context = new CliContext(environment, services);
    }

    public int run(String... args) {
        if (args.length == 0) {
            return chatWithDefaults();
        }
        return commandLine(needsSubcommands(args)).execute(args);
    }

    /**
     * {@code sre-review} alone, the commonest start: the chat with default options. There is no command line to
     * parse, so picocli's reflective model of the root command (a fifth of the time to the prompt) is not built;
     * failures are reported exactly as when picocli runs the chat.
     */
    private int chatWithDefaults() {
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(context.environment().err(),
                StandardCharsets.UTF_8), true);
        try {
            return ChatLauncher.run(context, new SharedOptions());
        } catch (Exception e) {
            return report(e, err, "sre-review");
        }
    }

    /**
     * Only options and no help: the chat starts, and building the subcommands' models (picocli reflects over
     * each) would only delay the prompt. Anything else gets the whole tree (help lists it, typos get suggestions).
     */
    static boolean needsSubcommands(String... args) {
        for (String a : args) {
            if (!a.startsWith("-") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return true;
            }
        }
        return false;
    }

    CommandLine commandLine(boolean withSubcommands) {
        AppEnvironment env = context.environment();
        CommandLine cl = new CommandLine(new RootCommand(context));
        if (withSubcommands) {
            cl.addSubcommand(new CommandLine(new ChatCommand(context)));
            cl.addSubcommand(new CommandLine(new ReviewCommand(context)));
            cl.addSubcommand(new CommandLine(new ReplayCommand(context)));
            cl.addSubcommand(new CommandLine(new CompareCommand(context)));
        }
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(env.out(), StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(env.err(), StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler(this::badUsage);
        cl.setExecutionExceptionHandler(this::failure);
        return cl;
    }

    /** Bad usage: one line naming the problem and where help is, exit 2. */
    private int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage() == null ? "invalid usage" : e.getMessage().lines().findFirst().orElse("");
        cmd.getErr().println("sre-review: " + message + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    /** A failure while a command ran: known kinds are one line and their code; anything else also points at the log. */
    private int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        return report(e, cmd.getErr(), cmd.getCommandName());
    }

    private int report(Exception e, PrintWriter err, String command) {
        int code;
        if (e instanceof SettingsException || e instanceof ScanException) {
            err.println("sre-review: " + e.getMessage());
            code = ExitCodes.USAGE;
        } else if (e instanceof ReviewUnavailableException) {
            err.println("sre-review: " + e.getMessage()); // it says "No review: ..." itself
            code = ExitCodes.NO_REVIEW;
        } else {
            LoggerFactory.getLogger(Cli.class).error("unexpected failure in {}", command, e);
            err.println("sre-review: unexpected error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
                    + " (details in " + context.logFile() + ")");
            code = ExitCodes.NO_REVIEW;
        }
        err.flush();
        return code;
    }
}
