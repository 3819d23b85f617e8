package dev.srereview.chat;

import dev.srereview.config.Settings;
import dev.srereview.context.Redactor;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.LlmStats;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.review.ReviewListener;
import dev.srereview.review.ReviewRun;
import java.nio.file.Path;
import java.util.Optional;

/** What the REPL needs from the rest of the application; built lazily by the CLI's wiring, faked in tests. */
public interface ChatServices {
    /** Runs one review; the exceptions are ReviewService's (ScanException, ReviewUnavailableException, LlmException). */
    ReviewRun review(Settings settings, Path root, String target, ReviewListener listener, CancelToken cancel);

    /** The guarded LLM client for these settings, empty when offline (no key, or --offline). */
    Optional<ChatClient> chatClient(Settings settings);

    LlmStats llmStats();

    Redactor redactor();

    /** How a review is shown in the REPL (colour only when {@code color}). */
    ReviewRenderer terminalRenderer(int width, boolean color);
}
