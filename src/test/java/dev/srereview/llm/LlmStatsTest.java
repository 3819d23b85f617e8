package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LlmStatsTest {
    private static ChatReply reply(long ms) {
        return new ChatReply("x", "m", 10, 2, 1, Duration.ofMillis(ms));
    }

    @Test
    void percentilesOverRecentRequests() {
        LlmStats stats = new LlmStats();
        for (int i = 1; i <= 100; i++) {
            stats.recordSuccess(reply(i * 10L));
        }

        LlmStats.Snapshot s = stats.snapshot();

        assertThat(s.latencyP50()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.latencyP95()).isEqualTo(Duration.ofMillis(950));
        assertThat(s.tokensIn()).isEqualTo(1000);
        assertThat(s.tokensOut()).isEqualTo(200);
    }

    @Test
    void keepsOnlyTheRecentLatencies() {
        LlmStats stats = new LlmStats();
        for (int i = 0; i < LlmStats.RECENT; i++) {
            stats.recordSuccess(reply(60_000));
        }
        for (int i = 0; i < LlmStats.RECENT; i++) {
            stats.recordSuccess(reply(100));
        }

        assertThat(stats.snapshot().latencyP95()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void describeNamesEveryFigure() {
        LlmStats stats = new LlmStats();
        assertThat(stats.describe()).contains("requests: 0", "latency:  n/a", "breaker:  CLOSED");
        stats.recordRequest();
        stats.recordAttempt();
        stats.recordAttempt();
        stats.recordRetry();
        stats.recordSuccess(reply(1500));
        stats.recordRequest();
        stats.recordFailure(LlmException.Kind.TIMEOUT);
        stats.recordBreakerState("OPEN");

        assertThat(stats.describe()).isEqualTo("""
                requests: 2 (1 ok, 1 failed)
                attempts: 2 (1 retries)
                tokens:   10 in, 2 out
                latency:  p50 1.5s, p95 1.5s
                failures: timeout 1
                breaker:  OPEN""");
    }
}
