package dev.srereview.llm;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counters for /stats, shared by the session: requests, attempts and retries, failures by kind, tokens in and
 * out, latency percentiles over the recent successful requests, and the circuit breaker's state. Thread-safe.
 */
public final class LlmStats {
    /** Enough recent requests for a stable p95 in a session, small enough to sort on every /stats. */
    static final int RECENT = 256;

    private long requests;
    private long succeeded;
    private long attempts;
    private long retries;
    private long tokensIn;
    private long tokensOut;
    private final EnumMap<LlmException.Kind, Long> failures = new EnumMap<>(LlmException.Kind.class);
    private final ArrayDeque<Long> recentLatencyMillis = new ArrayDeque<>();
    private String breakerState = "CLOSED";

    /** A point-in-time copy; latencies are null until a request succeeded. */
    public record Snapshot(long requests, long succeeded, long failed, long attempts, long retries, long tokensIn,
                           long tokensOut, Duration latencyP50, Duration latencyP95,
                           Map<LlmException.Kind, Long> failuresByKind, String breakerState) {
    }

    public synchronized void recordRequest() {
        requests++;
    }

    public synchronized void recordAttempt() {
        attempts++;
    }

    public synchronized void recordRetry() {
        retries++;
    }

    public synchronized void recordSuccess(ChatReply reply) {
        succeeded++;
        tokensIn += reply.inputTokens();
        tokensOut += reply.outputTokens();
        if (recentLatencyMillis.size() == RECENT) {
            recentLatencyMillis.removeFirst();
        }
        recentLatencyMillis.addLast(reply.latency().toMillis());
    }

    public synchronized void recordFailure(LlmException.Kind kind) {
        failures.merge(kind, 1L, Long::sum);
    }

    public synchronized void recordBreakerState(String state) {
        breakerState = state;
    }

    public synchronized Snapshot snapshot() {
        long[] sorted = recentLatencyMillis.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        return new Snapshot(requests, succeeded, failed, attempts, retries, tokensIn, tokensOut,
                percentile(sorted, 50), percentile(sorted, 95),
                Collections.unmodifiableMap(new EnumMap<>(failures)), breakerState);
    }

    /** Nearest-rank percentile. */
    private static Duration percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return Duration.ofMillis(sorted[Math.max(0, rank - 1)]);
    }

    /** The /stats text, several lines, no trailing newline. */
    public String describe() {
        Snapshot s = snapshot();
        StringBuilder b = new StringBuilder();
        b.append("requests: ").append(s.requests()).append(" (").append(s.succeeded()).append(" ok, ")
                .append(s.failed()).append(" failed)\n");
        b.append("attempts: ").append(s.attempts()).append(" (").append(s.retries()).append(" retries)\n");
        b.append("tokens:   ").append(s.tokensIn()).append(" in, ").append(s.tokensOut()).append(" out\n");
        b.append("latency:  ").append(s.latencyP50() == null ? "n/a"
                : "p50 " + ms(s.latencyP50()) + ", p95 " + ms(s.latencyP95())).append('\n');
        if (!s.failuresByKind().isEmpty()) {
            b.append("failures: ");
            s.failuresByKind().forEach((k, n) -> b.append(k.name().toLowerCase(java.util.Locale.ROOT))
                    .append(' ').append(n).append(", "));
            b.setLength(b.length() - 2);
            b.append('\n');
        }
        b.append("breaker:  ").append(s.breakerState());
        return b.toString();
    }

    private static String ms(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + "ms" : String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
    }
}
