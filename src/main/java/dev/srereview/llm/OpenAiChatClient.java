package dev.srereview.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.srereview.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The adapter: one streamed attempt against an OpenAI-compatible /v1 endpoint, through LangChain4j over the
 * official openai-java SDK. No retries here (the SDK's are off, so they do not multiply {@link ResilientChatClient}'s).
 * The SDK's timeout bounds the whole streamed answer; this class also stops waiting itself at that limit (plus a
 * small grace) or at the request's deadline, whichever is first, so a stuck SDK never holds the caller.
 */
public final class OpenAiChatClient implements ChatClient {
    /** Beyond the SDK's own timeout, so its precise error normally wins over our guard. */
    private static final Duration GRACE = Duration.ofMillis(1500);

    private final Settings.Llm settings;
    private final Endpoint endpoint;
    private final OpenAiErrors errors;
    private final Clock clock;
    private volatile StreamingChatModel model;

    public OpenAiChatClient(Settings.Llm settings) {
        this(settings, Clock.systemUTC());
    }

    OpenAiChatClient(Settings.Llm settings, Clock clock) {
        this.settings = settings;
        this.endpoint = Endpoint.parse(settings.baseUrl());
        this.clock = clock;
        this.errors = new OpenAiErrors(endpoint, settings.model(), settings.apiKey(), settings.timeout(), clock::millis);
    }

    @Override
    public String model() {
        return settings.model();
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    @Override
    public ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel) {
        if (cancel.isCancelled()) {
            throw StreamAttempt.cancelled();
        }
        Instant start = clock.instant();
        StreamAttempt attempt = new StreamAttempt(listener, errors);
        cancel.onCancel(attempt::cancel);
        try {
            streamingModel().chat(toLangChain(request.messages()), attempt);
        } catch (RuntimeException e) {
            attempt.onError(e);
        }
        ChatResponse response = await(attempt, request.deadline());
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        return new ChatReply(attempt.text(), settings.model(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                1, Duration.between(start, clock.instant()));
    }

    private ChatResponse await(StreamAttempt attempt, Instant deadline) {
        long limit = settings.timeout().plus(GRACE).toMillis();
        boolean deadlineFirst = false;
        if (deadline != null) {
            long untilDeadline = Duration.between(clock.instant(), deadline).toMillis();
            if (untilDeadline < limit) {
                limit = Math.max(0, untilDeadline);
                deadlineFirst = true;
            }
        }
        try {
            return attempt.result().get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            attempt.abort();
            throw deadlineFirst
                    ? new LlmException(LlmException.Kind.DEADLINE, "No answer before the review's deadline "
                            + "(llm.deadline): the answer was cut off there", 0, -1, e)
                    : errors.timeout();
        } catch (ExecutionException e) {
            throw errors.classify(e.getCause(), attempt.started());
        } catch (InterruptedException e) {
            attempt.abort();
            Thread.currentThread().interrupt();
            throw StreamAttempt.cancelled();
        }
    }

    /** Built on first use: creating the HTTP client costs start-up time a session without a review never needs. */
    private StreamingChatModel streamingModel() {
        StreamingChatModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    OpenAiOfficialStreamingChatModel.Builder b = OpenAiOfficialStreamingChatModel.builder()
                            .baseUrl(endpoint.baseUrl())
                            .apiKey(settings.apiKey())
                            .modelName(settings.model())
                            .timeout(settings.timeout())
                            .maxRetries(0)
                            .temperature(settings.temperature());
                    if (settings.maxOutputTokens() > 0) {
                        b.maxCompletionTokens(settings.maxOutputTokens());
                    }
                    model = b.build();
                }
                m = model;
            }
        }
        return m;
    }

    static List<dev.langchain4j.data.message.ChatMessage> toLangChain(List<ChatMessage> messages) {
        return messages.stream().map(m -> switch (m.role()) {
            case SYSTEM -> (dev.langchain4j.data.message.ChatMessage) SystemMessage.from(m.content());
            case USER -> UserMessage.from(m.content());
            case ASSISTANT -> AiMessage.from(m.content());
        }).toList();
    }
}
