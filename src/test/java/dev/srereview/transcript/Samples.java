package dev.srereview.transcript;

import dev.srereview.config.Settings;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.llm.ChatMessage;
import dev.srereview.render.MarkdownRenderer;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reviews, findings and settings for transcript tests. */
final class Samples {
    static final String KEY = "sk-test-THISISNOTAREALKEY-1234567890abcdef";
    static final Instant T0 = Instant.parse("2026-11-27T16:40:05Z");

    private Samples() {
    }

    static Settings settings(Path transcripts) {
        return new Settings(
                new Settings.Llm("https://user:pw@api.example.test/v1?key=" + KEY, "gpt-4o-mini", KEY,
                        Duration.ofSeconds(60), 3, Duration.ofMinutes(3), Duration.ofSeconds(1), 2.0,
                        Duration.ofSeconds(20), 5, 10, Duration.ofSeconds(30), 20, 0.2, 4096),
                new Settings.ReviewSettings(2, true, false),
                new Settings.ContextSettings(24000, 262144, 2000, 0.00015, 0.05, "o200k_base"),
                new Settings.TranscriptSettings(transcripts),
                new Settings.LogSettings("INFO", Path.of("/tmp/log")));
    }

    static Finding finding(String ruleId, Category c, Severity s, String path, int line) {
        return new Finding(ruleId, c, s, path, line, c.id() + " at " + path, "snippet()", "fix it");
    }

    static Risk risk(Severity s, String title, String... cited) {
        List<Citation> evidence = java.util.Arrays.stream(cited).map(p -> {
            int colon = p.indexOf(':');
            return colon < 0 ? new Citation(p, null) : new Citation(p.substring(0, colon), Integer.valueOf(p.substring(colon + 1)));
        }).toList();
        return new Risk(s, title, "a spike of traffic", "pods OOM", "alert on restarts", "```yaml\nlimits: {}\n```",
                "container_memory_working_set_bytes", evidence);
    }

    static ReviewOutcome outcome(String target, int score, List<Risk> risks, List<Finding> findings) {
        Review review = new Review(new Score(score, "evidence-based"), risks, List.of("no latency histogram"),
                List.of("no memory limit"), List.of(new ChecklistItem("pin torch", false), new ChecklistItem("add probes", true)));
        // What the session showed: the contract markdown of the review.
        String markdown = new MarkdownRenderer().render(review);
        return new ReviewOutcome(target, Source.LLM, "gpt-4o-mini", review, markdown,
                new Validation(true, 1, List.of("dangling citation `app/nope.py`")),
                new ReviewStats(12, 7, 5321, 1, 8123), findings, null, null);
    }

    static ReviewOutcome sampleOutcome() {
        return outcome("examples/my-model-service", 3,
                List.of(risk(Severity.P0, "Model loaded per request", "app/serve.py:42"),
                        risk(Severity.P2, "Unpinned torch", "requirements.txt")),
                List.of(finding("PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P0, "app/serve.py", 42),
                        finding("DEP-PIN-001", Category.UNPINNED_DEPENDENCY, Severity.P2, "requirements.txt", 3)));
    }

    static List<ChatMessage> turns(ReviewOutcome o) {
        return List.of(ChatMessage.user("Review this deployment:\n<evidence/>"), ChatMessage.assistant(o.markdown()));
    }
}
