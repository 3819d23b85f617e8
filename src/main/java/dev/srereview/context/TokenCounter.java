package dev.srereview.context;

/** Counts tokens in the model's encoding (skeleton: ~4 characters per token until jtokkit is wired). */
public final class TokenCounter {
    public TokenCounter(String encodingName) {
    }

    public int count(String text) {
        return (text.length() + 3) / 4;
    }
}
