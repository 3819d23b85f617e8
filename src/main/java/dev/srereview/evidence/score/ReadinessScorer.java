package dev.srereview.evidence.score;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Finding;
import dev.srereview.review.Score;
import java.util.List;

/** The deterministic 0-10 Operational Readiness Score (skeleton: the evidence stage builds the rubric). */
public final class ReadinessScorer {
    public Score score(RepoSnapshot snapshot, List<Finding> findings) {
        throw new UnsupportedOperationException("rubric not built yet");
    }
}
