package dev.srereview.render;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.util.List;

/** Fixed reviews and outcomes the renderer tests and golden files share. */
final class SampleOutcomes {
    private SampleOutcomes() {
    }

    static Review review() {
        Risk p0 = new Risk(Severity.P0, "Model weights loaded on every request",
                "Every call to `/predict` runs `joblib.load` in `app/serve.py:31`, under ordinary traffic.",
                "Each request reads 1.2 GB from disk; at 5 concurrent requests the pod is OOM-killed and all in-flight"
                        + " predictions are lost, which pages the on-call engineer in the middle of the night.",
                "Pod restarts with reason OOMKilled; p99 latency above 8 s.",
                """
                Load once at start-up and reuse:
                ```python
                MODEL = joblib.load(os.environ["MODEL_PATH"])

                @app.post("/predict")
                def predict(req: PredictRequest):
                    return {"score": float(MODEL.predict([req.features])[0])}
                ```""",
                "Alert on container_memory_working_set_bytes above 80% of the limit for 5 minutes.",
                List.of(new Citation("app/serve.py", 31)));
        Risk p1 = new Risk(Severity.P1, "No request timeout on the feature store",
                "The feature store slows down during its nightly compaction.",
                "`requests.get` in `app/features.py:12` waits forever; all workers block.",
                "Health checks time out; request queue depth grows.",
                "Pass a timeout and fail fast: `requests.get(url, timeout=(1, 3))`.",
                "Alert on feature-store latency p99 > 2 s.",
                List.of(new Citation("app/features.py", 12)));
        Risk p2 = new Risk(Severity.P2, "Unpinned dependencies", "A rebuild picks up a new scikit-learn release.",
                "The pickled model fails to load and the new image crash-loops.", "Failed deploy, CrashLoopBackOff.",
                "Pin exact versions in `requirements.txt`.", "Alert on deploys whose pods are not ready in 5 minutes.",
                List.of(new Citation("requirements.txt", null)));
        Risk p3 = new Risk(Severity.P3, "Print instead of logging", "An error is printed to stdout.",
                "Nothing reaches the log pipeline.", "Missing log lines during incidents.", "Use `logging`.",
                "Alert on log volume dropping to zero.", List.of());
        return new Review(new Score(4, "Serves requests, but one slow dependency or a burst of traffic takes it down."),
                List.of(p0, p1, p2, p3),
                List.of("No request latency histogram; add `prediction_latency_seconds` labelled by model version.",
                        "Errors are logged without the request id:\n\n```python\nlog.exception(\"predict failed\", extra={\"rid\": rid})\n```"),
                List.of("The 1.2 GB model times 4 workers exceeds the 4 GiB limit in `k8s/deployment.yaml`."),
                List.of(new ChecklistItem("Model loaded once at start-up", false),
                        new ChecklistItem("Image builds reproducibly", true)));
    }

    static List<Finding> findings() {
        return List.of(
                new Finding("PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P0, "app/serve.py", 31,
                        "joblib.load inside the /predict handler reloads the model on every request",
                        "model = joblib.load(path)", "Load the model once at import time."),
                new Finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/features.py", 12,
                        "requests.get without timeout", "requests.get(url)", "requests.get(url, timeout=(1, 3))"),
                new Finding("DEP-PIN-001", Category.UNPINNED_DEPENDENCY, Severity.P2, "requirements.txt", 3,
                        "scikit-learn has no exact version", "scikit-learn>=1.0", "scikit-learn==1.4.2"),
                new Finding("PY-PRINT-001", Category.PRINT_INSTEAD_OF_LOGGING, Severity.P3, "app/serve.py", 40,
                        "print used for operational output", "print(\"error\", e)", "log.exception(...)"),
                new Finding("PY-TIMEOUT-001", Category.MISSING_TIMEOUT, Severity.P1, "app/client.py", 8,
                        "httpx.post without timeout", "httpx.post(url, json=body)", "httpx.post(url, json=body, timeout=5)"));
    }

    static ReviewOutcome llm() {
        Review review = review();
        return new ReviewOutcome("examples/fraud-api", Source.LLM, "gpt-4o-mini", review,
                new MarkdownRenderer().render(review), new Validation(true, 1, List.of("dropped text before the first section: \"Sure!\"")),
                new ReviewStats(42, 17, 11234, 1, 8120), findings(), null, null);
    }

    static ReviewOutcome offlineFallback() {
        Review review = review();
        return new ReviewOutcome("examples/fraud-api", Source.OFFLINE, "gpt-4o-mini", review,
                new MarkdownRenderer().render(review), new Validation(true, 2, List.of()),
                new ReviewStats(42, 0, 0, 1, 30512), findings(),
                "the model's replies broke the review format 3 times", "## Operational Readiness Score\nbroken");
    }
}
