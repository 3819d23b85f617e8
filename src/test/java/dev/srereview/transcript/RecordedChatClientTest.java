package dev.srereview.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatRequest;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.TokenListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedChatClientTest {
    private final Transcript v1 = new TranscriptReader().read(Path.of("src/test/resources/transcripts/v1-session.jsonl"));

    @Test
    void servesTheReviewThenTheAnswerToTheSameQuestionStreamed() {
        RecordedChatClient client = RecordedChatClient.from(v1);
        List<String> tokens = new ArrayList<>();

        var review = client.chat(new ChatRequest("r1", List.of(ChatMessage.system("p"), ChatMessage.user("review it"))),
                tokens::add, new CancelToken());
        var answer = client.chat(new ChatRequest("r2", List.of(ChatMessage.user("What breaks first under load?"))),
                TokenListener.NONE, new CancelToken());

        assertThat(review.text()).isEqualTo(Samples.sampleOutcome().markdown());
        assertThat(String.join("", tokens)).isEqualTo(review.text());
        assertThat(tokens).hasSizeGreaterThan(5);
        assertThat(answer.text()).startsWith("The per-request model load");
        assertThat(client.model()).isEqualTo("gpt-4o-mini");
        assertThat(client.remaining()).isZero();
        assertThatThrownBy(() -> client.chat(new ChatRequest("r3", List.of(ChatMessage.user("more?"))),
                TokenListener.NONE, new CancelToken())).isInstanceOf(LlmException.class).hasMessageContaining("no more replies");
    }

    @Test
    void aDifferentQuestionOrACancelIsRefused() {
        RecordedChatClient client = RecordedChatClient.from(v1);
        client.chat(new ChatRequest("r1", List.of(ChatMessage.user("review"))), TokenListener.NONE, new CancelToken());
        assertThatThrownBy(() -> client.chat(new ChatRequest("r2", List.of(ChatMessage.user("Something else?"))),
                TokenListener.NONE, new CancelToken())).isInstanceOf(LlmException.class)
                .hasMessageContaining("What breaks first under load?");
        CancelToken cancelled = new CancelToken();
        cancelled.cancel();
        assertThatThrownBy(() -> RecordedChatClient.from(v1).chat(new ChatRequest("r", List.of(ChatMessage.user("x"))),
                TokenListener.NONE, cancelled))
                .isInstanceOfSatisfying(LlmException.class, e -> assertThat(e.kind()).isEqualTo(LlmException.Kind.CANCELLED));
    }
}
