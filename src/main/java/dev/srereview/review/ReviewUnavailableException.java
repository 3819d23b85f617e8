package dev.srereview.review;

/** No review could be produced: the LLM failed and the offline fallback is off (exit 3). One-line message. */
public final class ReviewUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ReviewUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
