package dev.srereview.render;

import dev.srereview.review.ReviewOutcome;

/** Turns a finished review into one output form (terminal, markdown, JSON, SARIF). */
public interface ReviewRenderer {
    String render(ReviewOutcome outcome);
}
