package dev.srereview.review;

/** What a running review tells its caller (progress line, notices, the cost question). All optional. */
public interface ReviewListener {
    /** A new stage began: "scanning", "finding evidence", "asking gpt-4o-mini", "validating", "re-asking (1/2)". */
    default void stage(String stage) {
    }

    /** Streamed tokens received so far in the current LLM call. */
    default void tokensReceived(int count) {
    }

    /** One line for the user (the context summary, a fallback banner, a warning). */
    default void notice(String line) {
    }

    /** Asked before sending when the estimate is above {@code context.confirmAboveUsd}; false cancels the LLM call. */
    default boolean confirmSend(int promptTokens, double estimatedUsd) {
        return true;
    }

    ReviewListener SILENT = new ReviewListener() { };
}
