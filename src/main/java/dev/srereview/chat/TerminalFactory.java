package dev.srereview.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.InfoCmp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REPL's terminal: the system one when a person is typing, else an explicit dumb one (pipes, scripts, tests). */
public final class TerminalFactory {
    private static final Logger LOG = LoggerFactory.getLogger(TerminalFactory.class);

    private TerminalFactory() {
    }

    /**
     * @param interactive true when stdin and stdout are a terminal; false chooses the dumb terminal
     *                    explicitly, so JLine never warns about it and lines are read one by one
     */
    public static Terminal open(InputStream in, OutputStream out, boolean interactive) throws IOException {
        if (interactive) {
            // Two processes JLine would otherwise start before the prompt (each fork costs ~40 ms here,
            // bench/prompt-tty.sh): `test -t 1` from its exec provider, and `infocmp` for the terminal's
            // capabilities. The JNI provider answers isatty in-process, and JLine's bundled capabilities of
            // common terminals (xterm, xterm-256color, screen, rxvt, ...) stand in for infocmp's.
            preferBundledCapabilities(System.getenv("TERM"));
            try {
                // dumb(false): where the JNI library cannot load (a noexec temp directory, musl), JLine throws
                // instead of quietly handing back a dumb terminal, and the default providers get their turn.
                return system().provider(TerminalBuilder.PROP_PROVIDER_JNI).dumb(false).build();
            } catch (IOException | RuntimeException | LinkageError e) {
                LOG.debug("JLine's JNI terminal is not available here ({}); letting JLine choose", e.toString());
                return system().build();
            }
        }
        return new DumbTerminal("sre-review", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
    }

    private static TerminalBuilder system() {
        return TerminalBuilder.builder().system(true).name("sre-review").nativeSignals(true)
                .encoding(StandardCharsets.UTF_8);
    }

    /** When JLine bundles the capabilities of {@code term}, it uses them instead of running {@code infocmp}. */
    static boolean preferBundledCapabilities(String term) {
        String caps = term == null || term.isBlank() ? null : InfoCmp.getDefaultInfoCmp(term);
        if (caps == null) {
            return false;
        }
        InfoCmp.setLoadedInfoCmp(term, caps);
        return true;
    }

    /** Whether a terminal can redraw a line and show colour (not the dumb one). */
    public static boolean isLive(Terminal terminal) {
        String type = terminal.getType();
        return type != null && !type.startsWith(Terminal.TYPE_DUMB);
    }

    /** The terminal's width, or 100 when it does not know (a pty without a size, a pipe). */
    public static int width(Terminal terminal) {
        int w = terminal.getWidth();
        return w > 0 ? w : 100;
    }
}
