package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.srereview.config.Settings;
import dev.srereview.context.ContextPacker;
import dev.srereview.context.Redactor;
import dev.srereview.context.RepositoryScanner;
import dev.srereview.context.TokenCounter;
import dev.srereview.evidence.EvidenceEngine;
import dev.srereview.evidence.score.ReadinessScorer;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.Role;
import dev.srereview.review.offline.OfflineComposer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewServiceTest {
    static final Path FIXTURE = fixture("fixtures/pipeline-service");

    static Settings settings(int maxRepairs, boolean offlineFallback, int maxTokens) {
        return new Settings(
                new Settings.Llm("http://127.0.0.1:1/v1", "scripted-model", "test-key", Duration.ofSeconds(5), 2,
                        Duration.ofSeconds(30), Duration.ofMillis(1), 2.0, Duration.ofMillis(10), 5, 10,
                        Duration.ofSeconds(30), 600, 0.2, 1000),
                new Settings.ReviewSettings(maxRepairs, offlineFallback, false),
                new Settings.ContextSettings(maxTokens, 262144, 2000, 0.00015, 100.0, "o200k_base"),
                new Settings.TranscriptSettings(Path.of("target/test-transcripts")),
                new Settings.LogSettings("INFO", Path.of("target/test-logs")));
    }

    static ReviewService service(Settings s, Optional<ChatClient> llm) {
        TokenCounter counter = new TokenCounter(s.context().encoding());
        return new ReviewService(s, new RepositoryScanner(s.context(), new Redactor()),
                EvidenceEngine.withDefaultRules(), new ContextPacker(counter), counter, new ReadinessScorer(),
                new OfflineComposer(), new ReviewValidator(), new PromptLibrary(), llm);
    }

    @Test
    void validFirstReplyIsTheReviewAndEndsTheConversation() {
        ScriptedChatClient llm = new ScriptedChatClient().reply(text("pipeline/valid-review.md"));
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(llm.requests).hasSize(1);
        assertThat(run.outcome().source()).isEqualTo(Source.LLM);
        assertThat(run.outcome().model()).isEqualTo("scripted-model");
        assertThat(run.outcome().review().score().value()).isEqualTo(3);
        assertThat(run.outcome().validation().valid()).isTrue();
        assertThat(run.outcome().validation().repairs()).isZero();
        assertThat(run.conversation()).extracting(ChatMessage::role)
                .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT);
        // the evidence the rules found went into the prompt, with file and line
        assertThat(llm.requests.get(0).messages().get(1).content()).contains("app/serve.py:");
        assertThat(run.outcome().findings()).isNotEmpty();
    }

    @Test
    void brokenReplyIsReaskedWithItsViolationsThenAccepted() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .reply(text("pipeline/broken-review.md"))
                .reply(text("pipeline/valid-review.md"));
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(llm.requests).hasSize(2);
        List<ChatMessage> second = llm.requests.get(1).messages();
        assertThat(second.get(second.size() - 2).role()).isEqualTo(Role.ASSISTANT);
        String reask = second.get(second.size() - 1).content();
        assertThat(reask).contains("Detection").contains("Missing Observability");
        assertThat(run.outcome().source()).isEqualTo(Source.LLM);
        assertThat(run.outcome().validation().repairs()).isEqualTo(1);
    }

    @Test
    void junkEveryTimeIsBoundedThenFallsBackToTheOfflineReview() {
        ScriptedChatClient llm = new ScriptedChatClient().reply("junk").reply("more junk").reply("still junk")
                .reply("never asked");
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(llm.requests).hasSize(3);
        assertThat(run.outcome().source()).isEqualTo(Source.OFFLINE);
        assertThat(run.outcome().fallbackReason()).contains("broke the review format");
        assertThat(run.outcome().lastRawReply()).isEqualTo("still junk");
        assertThat(run.outcome().validation().repairs()).isEqualTo(2);
        assertThat(run.outcome().review().risks()).isNotEmpty();
    }

    @Test
    void danglingCitationIsReaskedThenTheCorrectedReplyIsAccepted() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .reply(text("pipeline/dangling-review.md"))
                .reply(text("pipeline/valid-review.md"));
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(llm.requests).hasSize(2);
        assertThat(last(llm.requests.get(1).messages())).contains("app/server.py");
        // the warnings describe the review shown, which no longer cites it; repairs records the re-ask
        assertThat(run.outcome().validation().warnings()).noneMatch(w -> w.contains("app/server.py"));
        assertThat(run.outcome().validation().repairs()).isEqualTo(1);
        assertThat(run.outcome().validation().valid()).isTrue();
        assertThat(run.outcome().source()).isEqualTo(Source.LLM);
    }

    @Test
    void aCitationTheModelKeepsAfterEveryReaskIsShownAsNotValidAndIsNotEvidence() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .reply(text("pipeline/dangling-review.md"))
                .reply(text("pipeline/dangling-review.md"))
                .reply(text("pipeline/dangling-review.md"));
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        // re-asked about it each time, up to review.maxRepairs, not once only
        assertThat(llm.requests).hasSize(3);
        assertThat(last(llm.requests.get(2).messages())).contains("app/server.py");
        assertThat(run.outcome().source()).isEqualTo(Source.LLM);
        assertThat(run.outcome().validation().valid()).isFalse();
        assertThat(run.outcome().validation().repairs()).isEqualTo(2);
        assertThat(run.outcome().validation().warnings()).anyMatch(w -> w.contains("app/server.py"));
        assertThat(run.outcome().review().risks()).flatMap(Risk::evidence)
                .noneMatch(c -> c.path().equals("app/server.py"));
    }

    @Test
    void llmFailureFallsBackAndSaysWhy() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .fail(new LlmException(LlmException.Kind.AUTH, "The key was rejected (401): check OPENAI_API_KEY"));
        ReviewRun run = service(settings(2, true, 24000), Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(run.outcome().source()).isEqualTo(Source.OFFLINE);
        assertThat(run.outcome().fallbackReason()).contains("401").contains("OPENAI_API_KEY");
        assertThat(run.outcome().validation().valid()).isTrue();
    }

    @Test
    void llmFailureWithFallbackOffIsNoReview() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .fail(new LlmException(LlmException.Kind.SERVER, "The server failed (500)"));
        ReviewService service = service(settings(2, false, 24000), Optional.of(llm));

        assertThatThrownBy(() -> service.review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken()))
                .isInstanceOf(ReviewUnavailableException.class).hasMessageContaining("500");
    }

    @Test
    void cancellationIsNotAFallback() {
        ScriptedChatClient llm = new ScriptedChatClient()
                .fail(new LlmException(LlmException.Kind.CANCELLED, "cancelled"));
        ReviewService service = service(settings(2, true, 24000), Optional.of(llm));

        assertThatThrownBy(() -> service.review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken()))
                .isInstanceOf(LlmException.class)
                .satisfies(e -> assertThat(((LlmException) e).kind()).isEqualTo(LlmException.Kind.CANCELLED));
    }

    @Test
    void withNoKeyTheOfflineReviewerSaysSo() {
        ReviewRun run = service(settings(2, true, 24000), Optional.empty())
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        assertThat(run.outcome().source()).isEqualTo(Source.OFFLINE);
        assertThat(run.outcome().model()).isNull();
        assertThat(run.outcome().fallbackReason()).contains("no OPENAI_API_KEY");
        assertThat(run.outcome().markdown()).startsWith("## Operational Readiness Score");
    }

    @Test
    void promptStaysWithinTheTokenBudget() {
        Settings s = settings(2, true, 6000);
        ScriptedChatClient llm = new ScriptedChatClient().reply(text("pipeline/valid-review.md"));
        ReviewRun run = service(s, Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        TokenCounter counter = new TokenCounter(s.context().encoding());
        int sent = llm.requests.get(0).messages().stream().mapToInt(m -> counter.count(m.content())).sum();
        assertThat(sent).isLessThanOrEqualTo(6000);
        assertThat(run.outcome().stats().promptTokens()).isLessThanOrEqualTo(6000);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2000, 2500, 4000})
    void aSmallBudgetStillHoldsWhatIsSentReAsksIncluded(int budget) {
        Settings s = settings(2, true, budget);
        ScriptedChatClient llm = new ScriptedChatClient().reply("not a review").reply(text("pipeline/valid-review.md"));
        ReviewRun run = service(s, Optional.of(llm))
                .review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken());

        TokenCounter counter = new TokenCounter(s.context().encoding());
        assertThat(run.outcome().stats().promptTokens()).isLessThanOrEqualTo(budget);
        for (var request : llm.requests) {
            assertThat(request.messages().stream().mapToInt(m -> counter.count(m.content())).sum())
                    .isLessThanOrEqualTo(budget);
        }
    }

    @Test
    void aBudgetThatCannotHoldThePersonaIsASettingsError() {
        ReviewService service = service(settings(2, true, 600), Optional.empty());

        assertThatThrownBy(() -> service.review(FIXTURE, "pipeline-service", ReviewListener.SILENT, new CancelToken()))
                .isInstanceOf(dev.srereview.config.SettingsException.class)
                .hasMessageContaining("context.maxTokens is 600");
    }

    private static String last(List<ChatMessage> messages) {
        return messages.get(messages.size() - 1).content();
    }

    static String text(String resource) {
        try (InputStream in = ReviewServiceTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fixture(String resource) {
        try {
            return Path.of(ReviewServiceTest.class.getClassLoader().getResource(resource).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
