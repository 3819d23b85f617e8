package dev.srereview.config.logging;

/**
 * MDC keys the log pattern prints on every line. Whoever starts a session, request or attempt puts
 * the value in {@link org.slf4j.MDC} (and copies it to worker threads: the MDC is per thread).
 */
public final class LogKeys {
    /** Short random id of one run of the tool (REPL session or one {@code review}). */
    public static final String SESSION = "session";
    /** The {@code ChatRequest.requestId()} of the call in flight. */
    public static final String REQUEST = "requestId";
    /** The attempt within a request, e.g. {@code 2/3}. */
    public static final String ATTEMPT = "attempt";
    /** The model the call goes to. */
    public static final String MODEL = "model";

    private LogKeys() {
    }
}
