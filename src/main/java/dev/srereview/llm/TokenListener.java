package dev.srereview.llm;

/** Receives streamed text as it arrives (for progress or live display). Called from the client's thread. */
@FunctionalInterface
public interface TokenListener {
    void onToken(String text);

    /**
     * A failed attempt is about to be retried: text received so far is void and the answer starts again from the
     * first token. {@code reason} is the failure's one-line message.
     */
    default void onRetry(int attempt, int maxAttempts, String reason) {
    }

    TokenListener NONE = t -> { };
}
