package dev.srereview.chat;

import dev.srereview.config.Settings;
import dev.srereview.context.Redactor;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.LlmStats;
import dev.srereview.review.ReviewRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;

/** What a slash command can see and do in the running session. */
public interface ChatContext {
    /** The terminal's writer: everything the user reads. */
    PrintWriter out();

    Terminal terminal();

    /** For questions the command asks the user (y/N). */
    LineReader reader();

    Path workingDir();

    String sessionId();

    Settings settings();

    /** Replaces the settings for the rest of the session (e.g. /model); the LLM client is rebuilt lazily. */
    void changeSettings(Settings settings);

    Conversation conversation();

    /** The last review shown in this conversation. */
    Optional<ReviewRun> lastRun();

    /** /clear: forget the conversation and the last review. */
    void newConversation();

    /** /resume: continue a saved conversation; {@code run} may be null when only messages were saved. */
    void resume(List<ChatMessage> messages, ReviewRun run);

    /** Runs a review of {@code target} (relative to the working directory) with progress, and shows it. */
    void review(String target);

    /** Answers a follow-up question in the conversation (streamed; offline answer without an LLM). */
    void ask(String question);

    CommandRegistry commands();

    LlmStats llmStats();

    SessionCounters counters();

    Redactor redactor();

    /** True when an LLM client is configured for the current settings. */
    boolean llmAvailable();

    /** A session listener of this type (e.g. the transcript recorder, for /save and /resume). */
    <T extends SessionListener> Optional<T> listener(Class<T> type);

    /** Where the log file is, for "details in ..." lines; may be null when logging is off. */
    Path logFile();
}
