package dev.srereview.llm;

import com.openai.core.http.Headers;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import com.fasterxml.jackson.core.JacksonException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what the SDK throws (com.openai.errors.*, possibly wrapped) into an {@link LlmException} whose message is
 * one line a student can act on. Server text is quoted only for 4xx requests the student must fix, truncated,
 * and with the key scrubbed in case a proxy echoes it.
 */
final class OpenAiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiErrors.class);
    private static final int MAX_SERVER_TEXT = 160;

    private final Endpoint endpoint;
    private final String model;
    private final String apiKey;
    private final Duration timeout;
    private final LongSupplier nowMillis;

    OpenAiErrors(Endpoint endpoint, String model, String apiKey, Duration timeout, LongSupplier nowMillis) {
        this.endpoint = endpoint;
        this.model = model;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.nowMillis = nowMillis;
    }

    /** @param streamStarted whether any text had arrived: a break then is a cut-off stream, not an unreachable host */
    LlmException classify(Throwable thrown, boolean streamStarted) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof LlmException e) {
                return e;
            }
            if (t instanceof OpenAIServiceException e && e.statusCode() > 0) {
                return fromStatus(e);
            }
            if (t instanceof OpenAIInvalidDataException || t instanceof JacksonException) {
                return badResponse(t);
            }
            if (t instanceof OpenAIIoException) {
                return fromIo(t, streamStarted);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        // An IOException the SDK did not wrap, or anything unexpected: classify by the chain, keep the cause.
        return fromIo(thrown, streamStarted);
    }

    LlmException timeout() {
        return new LlmException(LlmException.Kind.TIMEOUT, "No answer within " + human(timeout) + " from " + endpoint
                + " (llm.timeout): the server is slow or stuck; try again or raise llm.timeout", 0, -1, null);
    }

    LlmException cutOff() {
        return new LlmException(LlmException.Kind.BAD_RESPONSE, "The answer stream from " + endpoint.host()
                + " ended before it was complete (no finish_reason): the server or a proxy cut it off", 0, -1, null);
    }

    LlmException emptyStream() {
        return new LlmException(LlmException.Kind.BAD_RESPONSE, "The reply from " + endpoint
                + " was not a valid JSON/SSE chat stream: is OPENAI_BASE_URL an OpenAI-compatible /v1 endpoint?",
                0, -1, null);
    }

    private LlmException badResponse(Throwable cause) {
        return new LlmException(LlmException.Kind.BAD_RESPONSE, "The reply from " + endpoint
                + " was not valid JSON/SSE: is OPENAI_BASE_URL an OpenAI-compatible /v1 endpoint?", 0, -1, cause);
    }

    private LlmException fromStatus(OpenAIServiceException e) {
        int status = e.statusCode();
        long retryAfter = retryAfterMillis(e.headers());
        String code = e.code().orElse("");
        LlmException.Kind kind;
        String msg;
        if (e instanceof SseException && status < 300) {
            kind = LlmException.Kind.BAD_RESPONSE;
            msg = "The server sent an error in the middle of the answer: " + serverText(e);
        } else if (status == 401) {
            kind = LlmException.Kind.AUTH;
            msg = "The key was rejected (401): check OPENAI_API_KEY";
        } else if (status == 403) {
            kind = LlmException.Kind.AUTH;
            msg = "Access denied (403) to model '" + model + "' at " + endpoint
                    + ": check the key's project and model permissions";
        } else if (status == 404) {
            kind = LlmException.Kind.NOT_FOUND;
            msg = "Model '" + model + "' not found at " + endpoint
                    + " (404): check SRE_REVIEW_MODEL, and that OPENAI_BASE_URL ends in /v1";
        } else if (status == 408) {
            kind = LlmException.Kind.TIMEOUT;
            msg = "The server timed out (408) at " + endpoint.host() + ": try again";
        } else if (status == 429 && code.equals("insufficient_quota")) {
            kind = LlmException.Kind.QUOTA;
            msg = "Quota exhausted (429 insufficient_quota) at " + endpoint.host()
                    + ": check the billing of the key's account";
        } else if (status == 429) {
            kind = LlmException.Kind.RATE_LIMITED;
            msg = "Rate limited (429) by " + endpoint.host()
                    + ": wait a minute, or lower llm.requestsPerMinute";
        } else if (status >= 500) {
            kind = LlmException.Kind.SERVER;
            msg = "The server failed (" + status + ") at " + endpoint.host() + ": try again later";
        } else {
            kind = LlmException.Kind.BAD_REQUEST;
            msg = "The server rejected the request (" + status + "): " + serverText(e);
        }
        // The SDK's exception is not kept as the cause: its message quotes the server's body, which a proxy may
        // fill with the key, and libraries log causes. What matters for diagnosis is logged here, without the body.
        LOG.debug("llm http error status={} type={} code={} retryAfterMs={}", status, e.type().orElse(""), code,
                retryAfter);
        return new LlmException(kind, msg, status, retryAfter, null);
    }

    private LlmException fromIo(Throwable thrown, boolean streamStarted) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnknownHostException) {
                return new LlmException(LlmException.Kind.UNREACHABLE, "Cannot resolve '" + endpoint.host() + "' in "
                        + endpoint + ": check OPENAI_BASE_URL and the network", 0, -1, thrown);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new LlmException(LlmException.Kind.UNREACHABLE,
                        "Cannot reach " + endpoint + ": is the server running?", 0, -1, thrown);
            }
            if (t instanceof InterruptedIOException) {
                // OkHttp's call timeout and read timeouts both arrive as InterruptedIOException("timeout").
                return new LlmException(LlmException.Kind.TIMEOUT, timeout().getMessage(), 0, -1, thrown);
            }
            if (t instanceof ProtocolException) {
                return new LlmException(LlmException.Kind.BAD_RESPONSE, "The reply from " + endpoint
                        + " was not valid HTTP/SSE (" + oneLine(rootMessage(t)) + "): check the server or proxy",
                        0, -1, thrown);
            }
            if (t instanceof EOFException && streamStarted) {
                return new LlmException(LlmException.Kind.BAD_RESPONSE, cutOff().getMessage(), 0, -1, thrown);
            }
        }
        if (streamStarted) {
            return new LlmException(LlmException.Kind.BAD_RESPONSE, cutOff().getMessage(), 0, -1, thrown);
        }
        return new LlmException(LlmException.Kind.UNREACHABLE, "The connection to " + endpoint
                + " broke (" + oneLine(rootMessage(thrown)) + "): is the server running?", 0, -1, thrown);
    }

    /** Retry-After in seconds or as an HTTP date; OpenAI also sends retry-after-ms. -1 when absent or unreadable. */
    long retryAfterMillis(Headers headers) {
        if (headers == null) {
            return -1;
        }
        List<String> ms = headers.values("retry-after-ms");
        if (!ms.isEmpty()) {
            try {
                return Math.max(0, (long) Double.parseDouble(ms.get(0).strip()));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After: a malformed optional header is no reason to fail
            }
        }
        List<String> values = headers.values("retry-after");
        if (values.isEmpty()) {
            return -1;
        }
        String v = values.get(0).strip();
        try {
            return Math.max(0, (long) (Double.parseDouble(v) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - nowMillis.getAsLong());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }

    private String serverText(OpenAIServiceException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        text = text.replaceFirst("^\\d{3}: ", "");
        return scrub(oneLine(text));
    }

    private String scrub(String text) {
        String out = apiKey == null || apiKey.isBlank() ? text : text.replace(apiKey, "****");
        return out.length() > MAX_SERVER_TEXT ? out.substring(0, MAX_SERVER_TEXT) + "…" : out;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? root.getClass().getSimpleName() : m;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0 && ms >= 120_000) {
            return (ms / 60_000) + "m";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return ms + "ms";
    }
}
