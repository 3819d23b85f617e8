package dev.srereview.cli;

import dev.srereview.chat.ChatServices;
import dev.srereview.config.Settings;
import dev.srereview.context.ContextPacker;
import dev.srereview.context.Redactor;
import dev.srereview.context.RepositoryScanner;
import dev.srereview.context.TokenCounter;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.score.ReadinessScorer;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatClients;
import dev.srereview.llm.LlmStats;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.review.PromptLibrary;
import dev.srereview.review.ReviewListener;
import dev.srereview.review.ReviewRun;
import dev.srereview.review.ReviewService;
import dev.srereview.review.ReviewValidator;
import dev.srereview.review.offline.OfflineComposer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The composition root: builds every stage from the settings, on first use (start-up stays fast:
 * no LLM client, parser or tokenizer is made before a review or a question needs it).
 * One LLM client per endpoint/model settings, shared by reviews and follow-ups so the breaker,
 * the rate limiter and the statistics see every call.
 */
public final class AppFactory implements ChatServices {
    private final Redactor redactor = new Redactor();
    private final LlmStats stats = new LlmStats();
    private Settings.Llm clientSettings;
    private Optional<ChatClient> client = Optional.empty();

    public ReviewService reviewService(Settings settings) {
        TokenCounter counter = new TokenCounter(settings.context().encoding());
        return new ReviewService(settings,
                new RepositoryScanner(settings.context(), redactor),
                EvidenceEngine.withDefaultRules(),
                new ContextPacker(counter),
                counter,
                new ReadinessScorer(),
                new OfflineComposer(),
                new ReviewValidator(),
                new PromptLibrary(),
                chatClient(settings));
    }

    @Override
    public ReviewRun review(Settings settings, Path root, String target, ReviewListener listener, CancelToken cancel) {
        return reviewService(settings).review(root, target, listener, cancel);
    }

    @Override
    public synchronized Optional<ChatClient> chatClient(Settings settings) {
        if (settings.review().offline() || !settings.llm().hasKey()) {
            return Optional.empty();
        }
        if (!settings.llm().equals(clientSettings)) {
            client = ChatClients.create(settings.llm(), stats);
            clientSettings = settings.llm();
        }
        return client;
    }

    @Override
    public LlmStats llmStats() {
        return stats;
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public ReviewRenderer terminalRenderer(int width, boolean color) {
        return Renderers.terminal(width, color);
    }
}
