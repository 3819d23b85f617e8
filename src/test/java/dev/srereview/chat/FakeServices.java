package dev.srereview.chat;

import dev.srereview.config.Settings;
import dev.srereview.context.LeftOut;
import dev.srereview.context.PackedContext;
import dev.srereview.context.Redactor;
import dev.srereview.context.TestSnapshots;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.LlmStats;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewListener;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewRun;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stand-in for the application in REPL and CLI tests: a canned review, an optional fake LLM client. */
public final class FakeServices implements ChatServices {
    public static final String MARKDOWN = "## Operational Readiness Score: 4/10\n\nFake review of the fixture.\n";

    private final ChatClient client;
    private final Redactor redactor = new Redactor();
    public final List<String> reviewedTargets = new ArrayList<>();
    public ReviewRun run;
    public RuntimeException failure;
    public List<String> stagesToReport = List.of();
    public String noticeToSend;
    /** Runs while the review "runs" (e.g. the user presses Ctrl-C), then a fired token ends it as cancelled. */
    public java.util.function.Consumer<CancelToken> during = c -> { };

    public FakeServices(ChatClient client) {
        this.client = client;
        this.run = run(Severity.P1, Severity.P2);
    }

    /** A review with one LLM risk of {@code riskSeverity} and one finding of {@code findingSeverity}. */
    public static ReviewRun run(Severity riskSeverity, Severity findingSeverity) {
        Finding finding = new Finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, findingSeverity, "app.py", 12,
                "requests.get without a timeout hangs the worker when the feature store stalls", "requests.get(url)",
                "requests.get(url, timeout=2)");
        Risk risk = new Risk(riskSeverity, "Unbounded model download", "s", "i", "d", "m", "mon",
                List.of(new Citation("app.py", 12)));
        Review review = new Review(new Score(4, "no timeouts"), List.of(risk), List.of("no metrics"), List.of(),
                List.of());
        ReviewOutcome outcome = new ReviewOutcome("fixture", Source.OFFLINE, null, review, MARKDOWN,
                new Validation(true, 0, List.of()), new ReviewStats(3, 2, 100, 0, 5), List.of(finding), null, null);
        List<ChatMessage> conversation = List.of(ChatMessage.system("persona"), ChatMessage.user("review this"),
                ChatMessage.assistant(MARKDOWN));
        PackedContext packed = new PackedContext("text", List.of("app.py", "Dockerfile"),
                List.of(new LeftOut("model.bin", 1_000_000, "artifact")), 100);
        return new ReviewRun(outcome, conversation, TestSnapshots.of("app.py", "import requests\n"), packed);
    }

    @Override
    public ReviewRun review(Settings settings, Path root, String target, ReviewListener listener, CancelToken cancel) {
        reviewedTargets.add(target);
        stagesToReport.forEach(listener::stage);
        if (noticeToSend != null) {
            listener.notice(noticeToSend);
        }
        during.accept(cancel);
        if (cancel.isCancelled()) {
            throw new dev.srereview.llm.LlmException(dev.srereview.llm.LlmException.Kind.CANCELLED, "cancelled");
        }
        if (failure != null) {
            throw failure;
        }
        return run;
    }

    @Override
    public Optional<ChatClient> chatClient(Settings settings) {
        return settings.review().offline() || !settings.llm().hasKey() ? Optional.empty() : Optional.ofNullable(client);
    }

    @Override
    public LlmStats llmStats() {
        return new LlmStats();
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public ReviewRenderer terminalRenderer(int width, boolean color) {
        return ReviewOutcome::markdown;
    }
}
