package dev.srereview.chat;

import java.util.List;
import org.jline.reader.Completer;
import org.jline.reader.impl.completer.NullCompleter;

/**
 * One REPL command ({@code /name args}). Implementations are small, stateless classes: everything they
 * act on comes through the {@link ChatContext}. Built-ins are listed in {@link CommandRegistry#withBuiltins};
 * a teammate's command is added with one line there, or found through
 * {@code META-INF/services/dev.srereview.chat.SlashCommand} (it then needs a public no-argument constructor).
 */
public interface SlashCommand {
    /** The name without the slash, e.g. {@code review-deployment}. */
    String name();

    /** Other names without the slash, e.g. {@code quit} for exit. */
    default List<String> aliases() {
        return List.of();
    }

    /** One line for /help. */
    String help();

    /** The arguments' form for /help, e.g. {@code [PATH]}; empty when there are none. */
    default String usage() {
        return "";
    }

    /** Completes the arguments (the command word itself is completed by the registry). */
    default Completer completer(ChatContext context) {
        return NullCompleter.INSTANCE;
    }

    /** @param args the rest of the line after the command word, trimmed (may be empty) */
    Result execute(String args, ChatContext context);

    /** What the REPL does next. */
    enum Result { CONTINUE, EXIT }
}
