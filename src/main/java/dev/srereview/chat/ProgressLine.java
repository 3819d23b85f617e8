package dev.srereview.chat;

import dev.srereview.review.ReviewListener;
import java.io.PrintWriter;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * One line redrawn in place while a review runs: stage, tokens received, elapsed. Only on a real
 * terminal ({@code live}); on a dumb one (pipes, tests) it stays silent apart from notices.
 */
final class ProgressLine implements ReviewListener, AutoCloseable {
    /** Asks the user before an expensive send (runs on the review's thread). */
    interface Confirm {
        boolean send(int promptTokens, double estimatedUsd);
    }

    private final Terminal terminal;
    private final PrintWriter out;
    private final boolean live;
    private final Confirm confirm;
    private final long startNanos = System.nanoTime();
    private ScheduledExecutorService ticker;
    private volatile String stage = "starting";
    private volatile int tokens;
    private boolean shown;
    /** With NO_COLOR no escape sequence at all: the line is overwritten with spaces instead of erased. */
    private final boolean plain;
    /** Characters of the progress line now on screen (plain mode blanks them). */
    private int printed;

    ProgressLine(Terminal terminal, boolean live, Confirm confirm) {
        this(terminal, live, confirm, false);
    }

    ProgressLine(Terminal terminal, boolean live, Confirm confirm, boolean plain) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.live = live;
        this.confirm = confirm;
        this.plain = plain;
    }

    /** Starts the elapsed-time ticker (a daemon thread, so it never keeps the JVM alive). */
    void start() {
        if (!live) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress-line");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 0, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stage(String name) {
        stage = name;
        redraw();
    }

    @Override
    public void tokensReceived(int count) {
        tokens = count;
    }

    @Override
    public void notice(String line) {
        synchronized (out) {
            clear();
            out.println(line);
            out.flush();
        }
        redraw();
    }

    @Override
    public boolean confirmSend(int promptTokens, double estimatedUsd) {
        pause();
        try {
            return confirm.send(promptTokens, estimatedUsd);
        } finally {
            start();
        }
    }

    String text() {
        double secs = (System.nanoTime() - startNanos) / 1e9;
        String t = tokens > 0 ? " · " + tokens + " tokens" : "";
        return String.format(java.util.Locale.ROOT, "… %s%s · %.1fs · Ctrl-C cancels", stage, t, secs);
    }

    private void redraw() {
        if (!live || ticker == null) {
            return;
        }
        synchronized (out) {
            String line = text();
            int width = Math.max(20, TerminalFactory.width(terminal) - 1);
            if (line.length() > width) {
                line = line.substring(0, width);
            }
            if (plain) {
                out.print("\r" + line + " ".repeat(Math.max(0, printed - line.length())));
                printed = line.length();
            } else {
                terminal.puts(Capability.carriage_return);
                out.print(line);
                terminal.puts(Capability.clr_eol);
            }
            out.flush();
            shown = true;
        }
    }

    private void clear() {
        if (shown) {
            if (plain) {
                out.print("\r" + " ".repeat(printed) + "\r");
                printed = 0;
            } else {
                terminal.puts(Capability.carriage_return);
                terminal.puts(Capability.clr_eol);
            }
            out.flush();
            shown = false;
        }
    }

    private void pause() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        synchronized (out) {
            clear();
        }
    }

    @Override
    public void close() {
        pause();
    }
}
