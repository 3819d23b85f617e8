package dev.srereview.review;

import dev.srereview.config.Settings;
import dev.srereview.context.ContextPacker;
import dev.srereview.context.ContextSummary;
import dev.srereview.context.PackedContext;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.RepositoryScanner;
import dev.srereview.context.TokenCounter;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.score.ReadinessScorer;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.LlmException;
import dev.srereview.render.MarkdownRenderer;
import dev.srereview.review.offline.OfflineComposer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review pipeline: snapshot → findings → prompt → LLM → validate → re-ask → outcome. When there is no
 * LLM, or it fails, or its replies never meet the contract, the review is composed from the tool's own
 * evidence and the outcome says why (graceful degradation, the persona's first lesson).
 */
public final class ReviewService {
    private static final Logger log = LoggerFactory.getLogger(ReviewService.class);

    private final Settings settings;
    private final RepositoryScanner scanner;
    private final EvidenceEngine engine;
    private final TokenCounter counter;
    private final ReadinessScorer scorer;
    private final OfflineComposer composer;
    private final ReviewValidator validator;
    private final PromptLibrary prompts;
    private final ReviewPrompt reviewPrompt;
    private final Optional<ChatClient> llm;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ContextSummary summary = new ContextSummary();

    public ReviewService(Settings settings, RepositoryScanner scanner, EvidenceEngine engine, ContextPacker packer,
                         TokenCounter counter, ReadinessScorer scorer, OfflineComposer composer,
                         ReviewValidator validator, PromptLibrary prompts, Optional<ChatClient> llm) {
        this.settings = settings;
        this.scanner = scanner;
        this.engine = engine;
        this.counter = counter;
        this.scorer = scorer;
        this.composer = composer;
        this.validator = validator;
        this.prompts = prompts;
        this.reviewPrompt = new ReviewPrompt(prompts, packer, counter);
        this.llm = llm;
    }

    /**
     * @throws dev.srereview.context.ScanException bad target (exit 2)
     * @throws ReviewUnavailableException          the LLM failed and the offline fallback is off (exit 3)
     * @throws LlmException                        kind CANCELLED when {@code cancel} fired
     */
    public ReviewRun review(Path root, String target, ReviewListener listener, CancelToken cancel) {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(settings.llm().deadline());
        listener.stage("scanning " + target);
        RepoSnapshot snapshot = scanner.scan(root, target, n -> listener.stage("scanning: " + n + " files"));
        listener.stage("finding evidence");
        List<Finding> findings = engine.analyze(snapshot);
        log.info("review target={} files={} findings={} artifacts={}", target, snapshot.files().size(),
                findings.size(), snapshot.artifacts().size());
        ReviewPrompt.Built prompt = reviewPrompt.build(snapshot, findings, settings.context().maxTokens(), repairReserve());
        Evidence evidence = new Evidence(target, snapshot, findings, prompt, start, CitablePaths.of(snapshot));

        Optional<String> offlineReason = offlineReason();
        if (offlineReason.isPresent()) {
            return offline(evidence, offlineReason.get(), null, 0);
        }
        listener.notice(summary.line(snapshot, prompt.context(), settings.context().pricePer1kTokens()));
        double usd = prompt.tokens() / 1000.0 * settings.context().pricePer1kTokens();
        if (usd > settings.context().confirmAboveUsd() && !listener.confirmSend(prompt.tokens(), usd)) {
            return offline(evidence, "you chose not to send the prompt", null, 0);
        }
        LlmReviewer reviewer = new LlmReviewer(llm.orElseThrow(), validator, new ReaskPrompt(), counter,
                settings.review().maxRepairs(), settings.context().maxTokens());
        LlmReviewer.Result result;
        try {
            result = reviewer.run(prompt.system(), prompt.user(), evidence.paths(), deadline, listener, cancel);
        } catch (LlmException e) {
            if (e.kind() == LlmException.Kind.CANCELLED) {
                throw e;
            }
            log.warn("review target={} llm failed kind={} status={}: {}", target, e.kind(), e.status(), e.getMessage());
            if (!settings.review().offlineFallback()) {
                throw new ReviewUnavailableException("No review: " + e.getMessage()
                        + " (review.offlineFallback is off)", e);
            }
            return offline(evidence, "the LLM failed: " + e.getMessage(), null, 0);
        }
        if (result instanceof LlmReviewer.Rejected rejected) {
            log.warn("review target={} rejected after {} repairs: {}", target, rejected.repairs(), rejected.violations());
            if (!settings.review().offlineFallback()) {
                throw new ReviewUnavailableException("No review: " + rejected.reason()
                        + " (review.offlineFallback is off)", null);
            }
            return offline(evidence, rejected.reason(), rejected.lastRaw(), rejected.repairs());
        }
        LlmReviewer.Accepted accepted = (LlmReviewer.Accepted) result;
        String md = markdown.render(accepted.review());
        ReviewOutcome outcome = new ReviewOutcome(target, Source.LLM, accepted.model(), accepted.review(), md,
                new Validation(accepted.valid(), accepted.repairs(), accepted.warnings()), evidence.stats(), findings,
                null, null);
        return new ReviewRun(outcome, accepted.conversation(), snapshot, prompt.context());
    }

    /** The review from the tool's own evidence; {@code reason} is said to the user in one line. */
    private ReviewRun offline(Evidence evidence, String reason, String lastRaw, int repairs) {
        Review review = composer.compose(evidence.snapshot(), evidence.findings());
        String md = markdown.render(review);
        List<String> warnings = new ArrayList<>();
        ValidationReport check = validator.validate(md, evidence.paths());
        if (!check.valid()) {
            // The composer is ours: a violation here is a bug to see in the log, not a reason to hide the review.
            log.error("offline review violates the contract target={}: {}", evidence.target(), check.violations());
            warnings.addAll(check.violations());
        }
        warnings.addAll(check.warnings());
        ReviewOutcome outcome = new ReviewOutcome(evidence.target(), Source.OFFLINE, null, review, md,
                new Validation(check.valid(), repairs, warnings), evidence.stats(), evidence.findings(), reason, lastRaw);
        List<ChatMessage> conversation = List.of(ChatMessage.system(evidence.prompt().system()),
                ChatMessage.user(evidence.prompt().user()), ChatMessage.assistant(md));
        return new ReviewRun(outcome, conversation, evidence.snapshot(), evidence.prompt().context());
    }

    private Optional<String> offlineReason() {
        if (settings.review().offline()) {
            return Optional.of("offline reviewer (--offline): no LLM was asked");
        }
        if (llm.isEmpty()) {
            return Optional.of("offline reviewer: no OPENAI_API_KEY set");
        }
        return Optional.empty();
    }

    /** Room for each re-ask: the model's reply (bounded by maxOutputTokens) and the violations sent back. */
    private int repairReserve() {
        int perRepair = settings.llm().maxOutputTokens() + 400;
        int reserve = settings.review().maxRepairs() * perRepair;
        return Math.min(reserve, settings.context().maxTokens() / 2);
    }

    /** What every outcome of one review shares. */
    private record Evidence(String target, RepoSnapshot snapshot, List<Finding> findings, ReviewPrompt.Built prompt,
                            long startNanos, CitablePaths paths) {
        ReviewStats stats() {
            PackedContext packed = prompt.context();
            return new ReviewStats(snapshot.stats().filesScanned(), packed.sentPaths().size(), prompt.tokens(),
                    snapshot.secretsRedacted(), (System.nanoTime() - startNanos) / 1_000_000);
        }
    }
}
