package dev.srereview.config;

/** Settings that cannot be used (exit 2). The message is one line naming the key, the value and the file. */
public final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
