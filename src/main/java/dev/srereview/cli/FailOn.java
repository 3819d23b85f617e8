package dev.srereview.cli;

import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;

/** --fail-on: does any risk of the review, or any finding, reach the threshold? */
final class FailOn {
    private FailOn() {
    }

    static boolean reached(ReviewOutcome outcome, Severity threshold) {
        if (threshold == null) {
            return false;
        }
        if (outcome.review() != null) {
            // every risk the review prints counts, the offline reviewer's "found nothing, verify at runtime" P3 on a
            // clean repository too: the exit code is what a reader of the review (or of its JSON) would compute
            for (Risk r : outcome.review().risks()) {
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
