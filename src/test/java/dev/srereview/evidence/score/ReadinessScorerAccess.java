package dev.srereview.evidence.score;

import dev.srereview.evidence.common.AnchoredPattern;

/** Test access to the scorer's metrics pattern, for the anchor checks in review.offline. */
public final class ReadinessScorerAccess {
    private ReadinessScorerAccess() {
    }

    public static AnchoredPattern metrics() {
        return ReadinessScorer.METRICS;
    }
}
