package dev.srereview.cli;

import dev.srereview.chat.Banner;
import dev.srereview.chat.ChatRepl;
import dev.srereview.chat.ChatSession;
import dev.srereview.chat.CommandRegistry;
import dev.srereview.chat.SessionListener;
import dev.srereview.chat.TerminalFactory;
import dev.srereview.config.Settings;
import dev.srereview.config.StateDirs;
import java.io.IOException;
import java.util.ServiceLoader;
import org.jline.terminal.Terminal;

/** Starts the REPL (the root command with no subcommand, and {@code chat}). */
final class ChatLauncher {
    private ChatLauncher() {
    }

    static int run(CliContext cli, SharedOptions options) throws IOException {
        Settings settings = cli.start(options.overrides(), "chat");
        AppEnvironment env = cli.environment();
        try (Terminal terminal = TerminalFactory.open(env.in(), env.out(), env.interactive())) {
            boolean color = !env.noColor() && TerminalFactory.isLive(terminal);
            ChatSession session = new ChatSession(terminal, cli.services(), CommandRegistry.withBuiltins(), settings,
                    env.workingDir(), cli.sessionId(), cli.logFile(), color);
            for (SessionListener l : ServiceLoader.load(SessionListener.class, ChatLauncher.class.getClassLoader())) {
                session.addListener(l);
            }
            ChatRepl repl = new ChatRepl(session, StateDirs.historyFile(env.env()));
            boolean llm = settings.llm().hasKey() && !settings.review().offline();
            return repl.run(Banner.text(ManifestVersion.version(), settings, llm));
        }
    }
}
