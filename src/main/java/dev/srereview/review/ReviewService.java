package dev.srereview.review;

import dev.srereview.config.Settings;
import dev.srereview.context.ContextPacker;
import dev.srereview.context.RepositoryScanner;
import dev.srereview.context.TokenCounter;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.score.ReadinessScorer;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.review.offline.OfflineComposer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The review pipeline: snapshot → findings → prompt → LLM → validate → re-ask → (fallback) → outcome.
 * (Skeleton: the lead builds it.)
 */
public final class ReviewService {
    public ReviewService(Settings settings, RepositoryScanner scanner, EvidenceEngine engine, ContextPacker packer,
                         TokenCounter counter, ReadinessScorer scorer, OfflineComposer composer,
                         ReviewValidator validator, PromptLibrary prompts, Optional<ChatClient> llm) {
    }

    /**
     * @throws dev.srereview.context.ScanException    bad target (exit 2)
     * @throws ReviewUnavailableException             the LLM failed and the offline fallback is off (exit 3)
     * @throws dev.srereview.llm.LlmException         kind CANCELLED when {@code cancel} fired
     */
    public ReviewRun review(Path root, String target, ReviewListener listener, CancelToken cancel) {
        throw new UnsupportedOperationException("pipeline not built yet");
    }
}
