package dev.srereview.llm;

import dev.srereview.config.Settings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The guard around every LLM call, configured from settings: one request in flight per session (bulkhead), a
 * client-side rate limit, a circuit breaker that fails fast while the endpoint keeps failing, and retries with
 * exponential backoff and jitter on 408/429/5xx/connection/timeout/bad-response only, honouring Retry-After, bounded
 * by {@code llm.maxAttempts} and by the request's deadline. The per-attempt timeout lives in the delegate.
 *
 * <p>The retry loop is written here rather than run by Resilience4j's Retry because its sleep is a static
 * {@code Thread.sleep}: it can be neither cancelled by Ctrl-C, nor stopped at the deadline, nor replaced in tests.
 * The backoff itself is Resilience4j's {@link IntervalFunction}.
 */
public final class ResilientChatClient implements ChatClient {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientChatClient.class);
    private static final double JITTER = 0.5;

    private final ChatClient delegate;
    private final Settings.Llm settings;
    private final LlmStats stats;
    private final Clock clock;
    private final Sleeper sleeper;
    private final String host;
    private final IntervalFunction backoff;
    private final CircuitBreaker breaker;
    private final FailureWindow window;
    private final RateLimiter rateLimiter;
    private final Bulkhead bulkhead;
    private volatile Instant openedAt = Instant.EPOCH;

    public ResilientChatClient(ChatClient delegate, Settings.Llm settings, LlmStats stats) {
        this(delegate, settings, stats, Clock.systemUTC(), Sleeper.real());
    }

    ResilientChatClient(ChatClient delegate, Settings.Llm settings, LlmStats stats, Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.settings = settings;
        this.stats = stats;
        this.clock = clock;
        this.sleeper = sleeper;
        this.host = Endpoint.parse(settings.baseUrl()).host();
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.backoffInitial(),
                Math.max(1.0, settings.backoffMultiplier()), JITTER, settings.backoffMax());
        this.window = new FailureWindow(settings.breakerWindow(), settings.breakerFailureThreshold());
        this.breaker = CircuitBreaker.of("llm", breakerConfig(settings, clock));
        this.breaker.getEventPublisher().onStateTransition(e -> {
            CircuitBreaker.State to = e.getStateTransition().getToState();
            if (to == CircuitBreaker.State.OPEN) {
                openedAt = clock.instant();
            } else if (to == CircuitBreaker.State.CLOSED) {
                window.clear();
            }
            stats.recordBreakerState(to.name());
            LOG.warn("llm circuit breaker {} host={}", e.getStateTransition(), host);
        });
        this.rateLimiter = settings.requestsPerMinute() <= 0 ? null : RateLimiter.of("llm", RateLimiterConfig.custom()
                .limitForPeriod(settings.requestsPerMinute())
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ofMinutes(1))
                .build(), () -> TimeUnit.MILLISECONDS.toNanos(clock.millis()));
        this.bulkhead = Bulkhead.of("llm", BulkheadConfig.custom().maxConcurrentCalls(1)
                .maxWaitDuration(Duration.ZERO).build());
    }

    /**
     * Resilience4j runs the states (open, the wait, one half-open probe, closed); the decision to open is
     * {@link FailureWindow}'s, so its own rate rule is set to fire only on a full window of failures.
     */
    private static CircuitBreakerConfig breakerConfig(Settings.Llm s, Clock clock) {
        int window = Math.max(1, s.breakerWindow());
        return CircuitBreakerConfig.custom()
                .slidingWindow(window, window, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100f)
                .waitDurationInOpenState(s.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // The student's own mistakes (key, model, request) and their Ctrl-C say nothing about the endpoint.
                .ignoreException(t -> t instanceof LlmException e && !countsAgainstEndpoint(e.kind()))
                .clock(clock)
                .build();
    }

    static boolean countsAgainstEndpoint(LlmException.Kind kind) {
        return switch (kind) {
            case RATE_LIMITED, SERVER, TIMEOUT, UNREACHABLE, BAD_RESPONSE -> true;
            default -> false;
        };
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel) {
        Map<String, String> outerMdc = MDC.getCopyOfContextMap();
        MDC.put("requestId", request.requestId());
        MDC.put("model", model());
        stats.recordRequest();
        try {
            if (!bulkhead.tryAcquirePermission()) {
                throw new LlmException(LlmException.Kind.BUSY,
                        "Another LLM request is still running in this session: wait for it or press Ctrl-C");
            }
            try {
                ChatReply reply = attempts(request, listener, cancel);
                stats.recordSuccess(reply);
                LOG.info("llm request ok requestId={} model={} host={} attempts={} latencyMs={} tokensIn={} tokensOut={}",
                        request.requestId(), model(), host, reply.attempts(), reply.latency().toMillis(),
                        reply.inputTokens(), reply.outputTokens());
                return reply;
            } finally {
                bulkhead.onComplete();
            }
        } catch (LlmException e) {
            stats.recordFailure(e.kind());
            LOG.warn("llm request failed requestId={} model={} host={} kind={} status={} reason=\"{}\"",
                    request.requestId(), model(), host, e.kind(), e.status(), e.getMessage());
            throw e;
        } finally {
            restore(outerMdc);
        }
    }

    private ChatReply attempts(ChatRequest request, TokenListener listener, CancelToken cancel) {
        Instant start = clock.instant();
        Instant deadline = request.deadline();
        int max = Math.max(1, settings.maxAttempts());
        LlmException last = null;
        for (int n = 1; ; n++) {
            MDC.put("attempt", n + "/" + max);
            checkCancelled(cancel);
            checkDeadline(deadline, n - 1, last);
            // The breaker first: while it is open, fail fast rather than wait for a rate-limit slot.
            if (!breaker.tryAcquirePermission()) {
                throw circuitOpen(last);
            }
            try {
                acquireRate(deadline, cancel, n - 1, last);
            } catch (LlmException e) {
                breaker.releasePermission();
                throw e;
            }
            stats.recordAttempt();
            long t0 = System.nanoTime();
            try {
                ChatReply r = delegate.chat(request, listener, cancel);
                long elapsed = System.nanoTime() - t0;
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                window.record(false);
                logAttempt(request, n, max, elapsed, "ok", r);
                return new ChatReply(r.text(), r.model(), r.inputTokens(), r.outputTokens(), n,
                        Duration.between(start, clock.instant()));
            } catch (LlmException e) {
                long elapsed = System.nanoTime() - t0;
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
                if (countsAgainstEndpoint(e.kind()) && window.record(true)
                        && breaker.getState() == CircuitBreaker.State.CLOSED) {
                    breaker.transitionToOpenState();
                }
                logAttempt(request, n, max, elapsed, e.kind() + (e.status() > 0 ? "(" + e.status() + ")" : ""), null);
                last = e;
                if (!e.kind().retryable() || n >= max) {
                    throw n > 1 ? withAttempts(e, n) : e;
                }
                Duration wait = waitBefore(n, e);
                if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
                    throw deadlineReached(n, e);
                }
                stats.recordRetry();
                LOG.info("llm retry requestId={} after attempt {}/{} in {}ms ({}{})", request.requestId(), n, max,
                        wait.toMillis(), e.kind(), e.retryAfterMillis() >= 0 ? ", Retry-After" : "");
                listener.onRetry(n + 1, max, e.getMessage());
                if (!sleeper.sleep(wait, cancel)) {
                    throw StreamAttempt.cancelled();
                }
            } catch (RuntimeException e) {
                breaker.onError(System.nanoTime() - t0, TimeUnit.NANOSECONDS, e);
                throw e;
            }
        }
    }

    /** Retry-After wins when the server sent one; either way no wait exceeds llm.backoffMax. */
    Duration waitBefore(int attempt, LlmException e) {
        long ms = e.retryAfterMillis() >= 0 ? e.retryAfterMillis() : backoff.apply(attempt);
        return Duration.ofMillis(Math.min(ms, settings.backoffMax().toMillis()));
    }

    private void acquireRate(Instant deadline, CancelToken cancel, int done, LlmException last) {
        if (rateLimiter == null) {
            return;
        }
        long nanos = rateLimiter.reservePermission();
        if (nanos <= 0) {
            if (nanos < 0) {
                throw new LlmException(LlmException.Kind.RATE_LIMITED, "Client-side rate limit of "
                        + settings.requestsPerMinute() + " requests/min reached (llm.requestsPerMinute): try again in a minute");
            }
            return;
        }
        Duration wait = Duration.ofNanos(nanos);
        if (deadline != null && clock.instant().plus(wait).isAfter(deadline)) {
            throw deadlineReached(done, last);
        }
        LOG.info("llm waiting {}ms for the client-side rate limit (llm.requestsPerMinute={})", wait.toMillis(),
                settings.requestsPerMinute());
        if (!sleeper.sleep(wait, cancel)) {
            throw StreamAttempt.cancelled();
        }
    }

    private static void checkCancelled(CancelToken cancel) {
        if (cancel.isCancelled()) {
            throw StreamAttempt.cancelled();
        }
    }

    private void checkDeadline(Instant deadline, int done, LlmException last) {
        if (deadline != null && !clock.instant().isBefore(deadline)) {
            throw deadlineReached(done, last);
        }
    }

    private LlmException deadlineReached(int done, LlmException last) {
        if (done == 0) {
            return new LlmException(LlmException.Kind.DEADLINE,
                    "No time left before the review's deadline (llm.deadline): the LLM was not called");
        }
        String tail = last == null ? "" : "; last error: " + last.getMessage();
        return new LlmException(LlmException.Kind.DEADLINE, "Gave up after " + done + " attempt" + (done == 1 ? "" : "s")
                + ": no time left before the review's deadline (llm.deadline)" + tail,
                last == null ? 0 : last.status(), -1, last);
    }

    private LlmException circuitOpen(LlmException last) {
        FailureWindow.Count c = window.count();
        int failed = c.failures();
        int buffered = c.calls();
        long left = settings.breakerOpenFor().minus(Duration.between(openedAt, clock.instant())).toMillis();
        long seconds = Math.max(1, (left + 999) / 1000);
        String how = failed == buffered ? failed + " times in a row" : failed + " of its last " + buffered + " calls";
        return new LlmException(LlmException.Kind.CIRCUIT_OPEN,
                "The LLM endpoint failed " + how + "; not calling it for " + seconds + "s", 0, left, last);
    }

    private static LlmException withAttempts(LlmException e, int attempts) {
        return new LlmException(e.kind(), e.getMessage() + " (" + attempts + " attempts)", e.status(),
                e.retryAfterMillis(), e);
    }

    /** Sizes, never contents: the conversation may hold the student's code, and nothing here may hold the key. */
    private void logAttempt(ChatRequest request, int n, int max, long elapsedNanos, String outcome, ChatReply reply) {
        int chars = request.messages().stream().mapToInt(m -> m.content() == null ? 0 : m.content().length()).sum();
        LOG.info("llm attempt {}/{} requestId={} model={} host={} latencyMs={} messages={} promptChars={} "
                        + "tokensIn={} tokensOut={} outcome={}", n, max, request.requestId(), model(), host,
                TimeUnit.NANOSECONDS.toMillis(elapsedNanos), request.messages().size(), chars,
                reply == null ? 0 : reply.inputTokens(), reply == null ? 0 : reply.outputTokens(), outcome);
    }

    /** For /stats and tests. */
    public String breakerState() {
        return breaker.getState().name();
    }

    private static void restore(Map<String, String> outer) {
        if (outer == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(outer);
        }
    }
}
