package dev.srereview.review;

import dev.srereview.evidence.Finding;
import java.util.List;

/**
 * Everything the renderers and the transcript need about one finished review.
 *
 * @param target         the path as the user gave it
 * @param model          model name, or null for an offline review
 * @param markdown       the review as contract markdown (what the terminal shows)
 * @param findings       the deterministic evidence, present for every source
 * @param fallbackReason why an LLM review fell back to the offline one (one line), or null
 * @param lastRawReply   the model's last raw reply when it was rejected, or null
 */
public record ReviewOutcome(String target, Source source, String model, Review review, String markdown,
                            Validation validation, ReviewStats stats, List<Finding> findings,
                            String fallbackReason, String lastRawReply) {
    public ReviewOutcome {
        findings = List.copyOf(findings);
    }
}
