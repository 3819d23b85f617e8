package dev.srereview.review;

import java.util.function.Predicate;

/** Parses a raw reply and checks it against review-contract.md section 1 (skeleton: the format stage builds it). */
public final class ReviewValidator {
    /** @param pathExists true for a path (relative to the target) that exists in the reviewed tree */
    public ValidationReport validate(String rawReply, Predicate<String> pathExists) {
        throw new UnsupportedOperationException("validator not built yet");
    }
}
