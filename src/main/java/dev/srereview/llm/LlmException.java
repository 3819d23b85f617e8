package dev.srereview.llm;

/** A failed LLM call, classified, with a message a student can act on ("The key was rejected (401): check OPENAI_API_KEY"). */
public final class LlmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        AUTH(false), NOT_FOUND(false), BAD_REQUEST(false), RATE_LIMITED(true), SERVER(true), TIMEOUT(true),
        UNREACHABLE(true), BAD_RESPONSE(true), CIRCUIT_OPEN(false), DEADLINE(false), CANCELLED(false), NO_KEY(false),
        /** 429 with {@code insufficient_quota}: waiting does not help, billing does. */
        QUOTA(false),
        /** Another request of this session is still in flight (one at a time). */
        BUSY(false);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Kind kind;
    private final int status;
    private final long retryAfterMillis;

    public LlmException(Kind kind, String userMessage, int status, long retryAfterMillis, Throwable cause) {
        super(userMessage, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfterMillis = retryAfterMillis;
    }

    public LlmException(Kind kind, String userMessage) {
        this(kind, userMessage, 0, -1, null);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** The server's Retry-After in milliseconds, or -1 when it sent none. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
