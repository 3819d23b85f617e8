package dev.srereview.chat;

import dev.srereview.config.Settings;
import dev.srereview.context.Redactor;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.LlmStats;
import dev.srereview.review.ReviewRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The state of one REPL session (settings, conversation, last review) and the actions commands call. */
public final class ChatSession implements ChatContext {
    private static final Logger LOG = LoggerFactory.getLogger(ChatSession.class);

    private final Terminal terminal;
    private final ChatServices services;
    private final CommandRegistry commands;
    private final Path workingDir;
    private final String sessionId;
    private final Path logFile;
    private final boolean color;
    private final SessionCounters counters = new SessionCounters();
    private final List<SessionListener> listeners = new ArrayList<>();
    private LineReader reader;
    private Settings settings;
    private Conversation conversation = new Conversation();
    private ReviewRun lastRun;

    public ChatSession(Terminal terminal, ChatServices services, CommandRegistry commands, Settings settings,
                       Path workingDir, String sessionId, Path logFile, boolean color) {
        this.terminal = terminal;
        this.services = services;
        this.commands = commands;
        this.settings = settings;
        this.workingDir = workingDir;
        this.sessionId = sessionId;
        this.logFile = logFile;
        this.color = color;
    }

    void attach(LineReader lineReader) {
        this.reader = lineReader;
    }

    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    /** Tells every listener; one that fails is logged and skipped, never stops the session. */
    void notifyListeners(Consumer<SessionListener> event) {
        for (SessionListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("session listener {} failed", l.getClass().getName(), e);
            }
        }
    }

    @Override
    public PrintWriter out() {
        return terminal.writer();
    }

    /** Whether output may carry ANSI colour (a live terminal, NO_COLOR unset). */
    public boolean color() {
        return color;
    }

    @Override
    public Terminal terminal() {
        return terminal;
    }

    @Override
    public LineReader reader() {
        return reader;
    }

    @Override
    public Path workingDir() {
        return workingDir;
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public void changeSettings(Settings changed) {
        this.settings = changed;
        org.slf4j.MDC.put(dev.srereview.config.logging.LogKeys.MODEL, changed.llm().model());
    }

    @Override
    public Conversation conversation() {
        return conversation;
    }

    @Override
    public Optional<ReviewRun> lastRun() {
        return Optional.ofNullable(lastRun);
    }

    @Override
    public void newConversation() {
        conversation = new Conversation();
        lastRun = null;
    }

    @Override
    public void resume(List<ChatMessage> messages, ReviewRun run) {
        conversation = new Conversation(messages);
        lastRun = run;
    }

    @Override
    public void review(String target) {
        ReviewRun run = new ReviewAction(this, services, color).run(target);
        if (run != null) {
            lastRun = run;
            conversation = new Conversation(run.conversation());
            notifyListeners(l -> l.reviewed(run));
        }
    }

    @Override
    public void ask(String question) {
        new FollowUps(this, services).ask(question);
    }

    void answered(String question, ChatReply reply) {
        notifyListeners(l -> l.answered(question, reply));
    }

    Optional<ChatClient> chatClient() {
        return services.chatClient(settings);
    }

    @Override
    public CommandRegistry commands() {
        return commands;
    }

    @Override
    public LlmStats llmStats() {
        return services.llmStats();
    }

    @Override
    public SessionCounters counters() {
        return counters;
    }

    @Override
    public Redactor redactor() {
        return services.redactor();
    }

    @Override
    public boolean llmAvailable() {
        return chatClient().isPresent();
    }

    @Override
    public <T extends SessionListener> Optional<T> listener(Class<T> type) {
        return listeners.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public Path logFile() {
        return logFile;
    }

    /** "(details in ~/.local/state/sre-review/sre-review.log)" or nothing when logging is off. */
    String logPointer() {
        return logFile == null ? "" : " (details in " + logFile + ")";
    }
}
