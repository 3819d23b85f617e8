package dev.srereview.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/** The REPL's terminal: the system one when a person is typing, else an explicit dumb one (pipes, scripts, tests). */
public final class TerminalFactory {
    private TerminalFactory() {
    }

    /**
     * @param interactive true when stdin and stdout are a terminal; false chooses the dumb terminal
     *                    explicitly, so JLine never warns about it and lines are read one by one
     */
    public static Terminal open(InputStream in, OutputStream out, boolean interactive) throws IOException {
        if (interactive) {
            return TerminalBuilder.builder().system(true).name("sre-review").nativeSignals(true)
                    .encoding(StandardCharsets.UTF_8).build();
        }
        return new DumbTerminal("sre-review", Terminal.TYPE_DUMB, in, out, StandardCharsets.UTF_8);
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
