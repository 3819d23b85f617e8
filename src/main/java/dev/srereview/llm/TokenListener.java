package dev.srereview.llm;

/** Receives streamed text as it arrives (for progress or live display). Called from the client's thread. */
@FunctionalInterface
public interface TokenListener {
    void onToken(String text);

    TokenListener NONE = t -> { };
}
