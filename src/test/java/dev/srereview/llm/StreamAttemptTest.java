package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StreamAttemptTest {
    private final OpenAiErrors errors = new OpenAiErrors(Endpoint.parse("http://127.0.0.1:1/v1"), "m", "sk-k",
            Duration.ofSeconds(5), System::currentTimeMillis);

    @Test
    void theLibrarysHandleRaceIsRecognisedSoTheAdapterCanAskAgain() {
        StreamAttempt attempt = new StreamAttempt(TokenListener.NONE, errors);

        attempt.onError(new IllegalArgumentException("streamingHandle cannot be null"));

        assertThat(attempt.raced()).isTrue();
        assertThat(attempt.result()).isCompletedExceptionally();
    }

    @Test
    void otherErrorsAreNotTakenForTheRace() {
        StreamAttempt attempt = new StreamAttempt(TokenListener.NONE, errors);

        attempt.onError(new IllegalArgumentException("model cannot be null"));

        assertThat(attempt.raced()).isFalse();
    }
}
