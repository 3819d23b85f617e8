package dev.srereview.transcript;

/** A transcript that cannot be read or written; the message is one line for the user (exit 2). */
public final class TranscriptException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TranscriptException(String message) {
        super(message);
    }

    public TranscriptException(String message, Throwable cause) {
        super(message, cause);
    }
}
