package dev.srereview.review;

/** Where a review came from; lower-case in JSON ("llm", "offline", "replay"). */
public enum Source {
    LLM, OFFLINE, REPLAY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
