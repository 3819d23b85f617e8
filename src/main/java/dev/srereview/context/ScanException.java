package dev.srereview.context;

/** The target cannot be reviewed (missing, a file, unreadable, empty); the message is one line for the user. */
public final class ScanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ScanException(String message) {
        super(message);
    }

    public ScanException(String message, Throwable cause) {
        super(message, cause);
    }
}
