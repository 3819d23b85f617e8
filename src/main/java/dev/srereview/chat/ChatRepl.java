package dev.srereview.chat;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.utils.AttributedStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The read-eval-print loop: a command, or a follow-up question; Ctrl-C and Ctrl-D handled as users expect. */
public final class ChatRepl {
    public static final String PROMPT = "sre-review> ";
    static final String CONFIRM_EXIT = "(press Ctrl-C again or /exit to quit)";
    private static final Logger LOG = LoggerFactory.getLogger(ChatRepl.class);

    private final ChatSession session;
    private final LineReader reader;

    /** @param historyFile where history persists across sessions; null keeps it in memory */
    public ChatRepl(ChatSession session, Path historyFile) {
        this.session = session;
        DefaultParser parser = new DefaultParser();
        // A question like "why isn't it a P1?" must be accepted as typed, not wait for a closing quote.
        parser.setEofOnUnclosedQuote(false);
        parser.setEofOnEscapedNewLine(false);
        LineReaderImpl built = newReader(session);
        built.setParser(parser);
        built.setCompleter(new ReplCompleter(session.commands(), session));
        built.setHistory(new RedactingHistory(session));
        built.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        // JLine's fresh-line marker is a grey "~" (a colour code even when invisible): NO_COLOR turns it off
        built.option(LineReader.Option.AUTO_FRESH_LINE, session.color());
        if (historyFile != null && prepare(historyFile)) {
            built.setVariable(LineReader.HISTORY_FILE, historyFile);
        }
        this.reader = built;
        session.attach(reader);
    }

    private static LineReaderImpl newReader(ChatSession session) {
        try {
            return session.color() ? new LineReaderImpl(session.terminal(), "sre-review")
                    : new PlainReader(session.terminal());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot open the line editor on this terminal", e);
        }
    }

    /**
     * NO_COLOR: JLine styles the completion list itself (cyan prefixes, grey descriptions, an inverse selection),
     * and an empty style setting falls back to those defaults; every completion style is plain here.
     */
    private static final class PlainReader extends LineReaderImpl {
        PlainReader(org.jline.terminal.Terminal terminal) throws IOException {
            super(terminal, "sre-review");
        }

        @Override
        protected AttributedStyle getCompletionStyle(String name, String value) {
            return AttributedStyle.DEFAULT;
        }
    }

    public LineReader reader() {
        return reader;
    }

    /** Runs until /exit, Ctrl-D, end of input, or Ctrl-C twice at an empty prompt. Returns the exit code. */
    public int run(String banner) {
        PrintWriter out = session.out();
        if (banner != null && !banner.isEmpty()) {
            out.println(banner);
            out.flush();
        }
        session.notifyListeners(l -> l.started(session));
        boolean interruptedOnce = false;
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    String partial = Optional.ofNullable(e.getPartialLine()).orElse("");
                    if (!partial.isBlank()) {
                        interruptedOnce = false; // Ctrl-C on a typed line just drops the line
                        continue;
                    }
                    if (interruptedOnce) {
                        return 0;
                    }
                    interruptedOnce = true;
                    out.println(CONFIRM_EXIT);
                    out.flush();
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                interruptedOnce = false;
                if (line == null) {
                    return 0;
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String redacted = session.redactor().redactText(trimmed);
                session.notifyListeners(l -> l.input(redacted));
                if (dispatch(trimmed) == SlashCommand.Result.EXIT) {
                    return 0;
                }
            }
        } finally {
            saveHistory();
            session.notifyListeners(SessionListener::ended);
        }
    }

    /** Runs one line: a command, or a follow-up question. */
    SlashCommand.Result dispatch(String line) {
        if (!line.startsWith("/")) {
            session.ask(line);
            return SlashCommand.Result.CONTINUE;
        }
        int space = line.indexOf(' ');
        String word = space < 0 ? line : line.substring(0, space);
        String args = space < 0 ? "" : line.substring(space + 1).strip();
        Optional<SlashCommand> command = session.commands().find(word);
        if (command.isEmpty()) {
            var near = session.commands().namesStartingWith(word);
            session.out().println("unknown command " + word + (near.isEmpty() ? "" : "; did you mean " + String.join(", ", near) + "?")
                    + " /help lists the commands.");
            session.out().flush();
            return SlashCommand.Result.CONTINUE;
        }
        LOG.info("command {}", word);
        try {
            return command.get().execute(args, session);
        } catch (RuntimeException e) {
            LOG.error("command {} failed", word, e);
            session.out().println(word + " failed: " + e.getMessage() + session.logPointer());
            session.out().flush();
            return SlashCommand.Result.CONTINUE;
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            LOG.warn("could not save the history", e);
        }
    }

    private static boolean prepare(Path historyFile) {
        try {
            Files.createDirectories(historyFile.toAbsolutePath().getParent());
            // What a user typed is theirs alone (a pasted secret is redacted, a question may still be private):
            // owner-only, like the transcripts, whatever the umask
            if (Files.getFileAttributeView(historyFile.toAbsolutePath().getParent(),
                    java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                if (!Files.exists(historyFile)) {
                    Files.createFile(historyFile, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                }
                Files.setPosixFilePermissions(historyFile,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return true;
        } catch (IOException e) {
            LOG.warn("history will not persist: cannot create {}", historyFile.getParent(), e);
            return false;
        }
    }

    /** History that never stores a pasted secret or the API key. */
    private static final class RedactingHistory extends DefaultHistory {
        private final ChatSession session;

        RedactingHistory(ChatSession session) {
            this.session = session;
        }

        @Override
        public void add(Instant time, String line) {
            // the session's own key too, which no detector may recognise (a proxy's key has no vendor shape)
            var settings = session.settings();
            java.util.List<String> keys = settings != null && settings.llm() != null && settings.llm().hasKey()
                    ? java.util.List.of(settings.llm().apiKey()) : java.util.List.of();
            super.add(time, new dev.srereview.transcript.TranscriptScrubber(session.redactor(), keys).text(line));
        }
    }
}
