package dev.srereview.cli;

import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import dev.srereview.review.Source;

/** --fail-on: does any risk of the review, or any finding, reach the threshold? */
final class FailOn {
    private FailOn() {
    }

    static boolean reached(ReviewOutcome outcome, Severity threshold) {
        if (threshold == null) {
            return false;
        }
        if (outcome.review() != null) {
            for (Risk r : outcome.review().risks()) {
                if (outcome.source() == Source.OFFLINE && r.evidence().isEmpty()) {
                    // the offline reviewer's "found nothing — verify at runtime" note on a clean repository: every
                    // risk it writes otherwise stands on findings, which are counted below
                    continue;
                }
                if (r.severity() != null && r.severity().reaches(threshold)) {
                    return true;
                }
            }
        }
        for (Finding f : outcome.findings()) {
            if (f.severity().reaches(threshold)) {
                return true;
            }
        }
        return false;
    }
}
