package dev.srereview.chat;

import dev.srereview.llm.CancelToken;
import org.jline.terminal.Terminal;

/** While a request runs, Ctrl-C (SIGINT) cancels it instead of killing the program. */
final class Interrupts implements AutoCloseable {
    private final Terminal terminal;
    private final Terminal.SignalHandler previous;

    private Interrupts(Terminal terminal, CancelToken cancel) {
        this.terminal = terminal;
        this.previous = terminal.handle(Terminal.Signal.INT, signal -> cancel.cancel());
    }

    static Interrupts cancelOnCtrlC(Terminal terminal, CancelToken cancel) {
        return new Interrupts(terminal, cancel);
    }

    @Override
    public void close() {
        terminal.handle(Terminal.Signal.INT, previous);
    }
}
