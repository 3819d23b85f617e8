package dev.srereview.render;

import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;

/** The review as contract markdown, so a saved review validates again (skeleton: the format stage builds it). */
public final class MarkdownRenderer implements ReviewRenderer {
    public String render(Review review) {
        throw new UnsupportedOperationException("markdown renderer not built yet");
    }

    @Override
    public String render(ReviewOutcome outcome) {
        return render(outcome.review());
    }
}
