package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpenAiErrorsTest {
    private final long now = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
    private final OpenAiErrors errors = new OpenAiErrors(Endpoint.parse("http://127.0.0.1:1/v1"), "m", "sk-k",
            Duration.ofSeconds(60), () -> now);

    @Test
    void retryAfterInSecondsMillisOrAsADate() {
        assertThat(errors.retryAfterMillis(Headers.builder().put("Retry-After", "2").build())).isEqualTo(2000);
        assertThat(errors.retryAfterMillis(Headers.builder().put("retry-after", "0.5").build())).isEqualTo(500);
        assertThat(errors.retryAfterMillis(Headers.builder().put("retry-after-ms", "250").put("Retry-After", "9").build()))
                .isEqualTo(250);
        assertThat(errors.retryAfterMillis(Headers.builder().put("Retry-After", "Thu, 01 Jan 2026 10:00:30 GMT").build()))
                .isEqualTo(30_000);
        assertThat(errors.retryAfterMillis(Headers.builder().put("Retry-After", "soon").build())).isEqualTo(-1);
        assertThat(errors.retryAfterMillis(Headers.builder().build())).isEqualTo(-1);
    }

    @Test
    void timeoutNamesTheLimitAndTheSetting() {
        assertThat(errors.timeout().getMessage())
                .isEqualTo("No answer within 60s from http://127.0.0.1:1/v1 (llm.timeout): the server is slow or stuck; "
                        + "try again or raise llm.timeout");
    }
}
