package dev.srereview.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialChatModel;
import dev.langchain4j.model.openaiofficial.OpenAiOfficialStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import dev.srereview.config.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adapter: one streamed attempt against an OpenAI-compatible /v1 endpoint, through LangChain4j over the
 * official openai-java SDK. No retries here (the SDK's are off, so they do not multiply {@link ResilientChatClient}'s).
 * The SDK's timeout bounds the whole streamed answer; this class also stops waiting itself at that limit (plus a
 * small grace) or at the request's deadline, whichever is first, so a stuck SDK never holds the caller.
 * A server that answers a stream request with no SSE at all is asked for plain JSON replies from then on.
 */
public final class OpenAiChatClient implements ChatClient {
    /** Beyond the SDK's own timeout, so its precise error normally wins over our guard. */
    private static final Duration GRACE = Duration.ofMillis(1500);
    private static final Logger LOG = LoggerFactory.getLogger(OpenAiChatClient.class);

    private final Settings.Llm settings;
    private final Endpoint endpoint;
    private final OpenAiErrors errors;
    private final Clock clock;
    /** Daemon threads for the blocking plain-JSON calls, so an abandoned one never holds the JVM open. */
    private final Executor plainCalls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-plain-call");
        t.setDaemon(true);
        return t;
    });
    private volatile StreamingChatModel model;
    private volatile ChatModel plainModel;
    /** Set once the endpoint answered a stream request with no SSE at all, then a plain one: plain from then on. */
    private volatile boolean plain;
    /** A silent loopback endpoint is checked after this long (see LocalPortProbe). */
    private static final long PROBE_AFTER_MILLIS = 1500;
    private final LocalPortProbe probe;
    /** Runs the SDK's stream handlers, each only once LangChain4j holds its stream's handle. */
    private final StreamGate gate = new StreamGate();

    public OpenAiChatClient(Settings.Llm settings) {
        this(settings, Clock.systemUTC());
    }

    OpenAiChatClient(Settings.Llm settings, Clock clock) {
        this.settings = settings;
        this.endpoint = Endpoint.parse(settings.baseUrl());
        this.clock = clock;
        this.errors = new OpenAiErrors(endpoint, settings.model(), settings.apiKey(), settings.timeout(), clock::millis);
        this.probe = new LocalPortProbe(endpoint.baseUrl());
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
        for (int races = 0; !plain; races++) {
            StreamAttempt attempt = new StreamAttempt(listener, errors);
            cancel.onCancel(attempt::cancel);
            gate.hold();
            try {
                streamingModel().chat(toLangChain(request.messages()), attempt);
            } catch (RuntimeException e) {
                attempt.onError(e);
            } finally {
                gate.release();
            }
            try {
                return reply(await(attempt.result(), attempt, request.deadline()), attempt.text(), start);
            } catch (LlmException e) {
                if (attempt.raced() && races == 0 && !cancel.isCancelled()) {
                    LOG.info("llm endpoint {} answered before the library held the stream (LangChain4j race); "
                            + "asking again once", endpoint.host());
                    continue;
                }
                if (!attempt.silent()) {
                    throw e;
                }
                LOG.warn("llm endpoint {} sent no SSE chunks to a stream request; asking it for plain JSON",
                        endpoint.host());
                ChatReply reply = plainChat(request, listener, cancel, start);
                // Only a plain answer that worked proves the server does not stream (not, say, a proxy's login page).
                plain = true;
                return reply;
            }
        }
        return plainChat(request, listener, cancel, start);
    }

    /** A server that does not stream: one JSON reply, handed to the listener whole. */
    private ChatReply plainChat(ChatRequest request, TokenListener listener, CancelToken cancel, Instant start) {
        CompletableFuture<ChatResponse> result = CompletableFuture.supplyAsync(
                () -> plainModel().chat(toLangChain(request.messages())), plainCalls);
        // Abandoning the future is all a cancel can do here: the blocking call ends at the SDK's timeout.
        cancel.onCancel(() -> result.completeExceptionally(StreamAttempt.cancelled()));
        ChatResponse response = await(result, null, request.deadline());
        if (response.aiMessage() == null || response.aiMessage().text() == null) {
            throw errors.emptyStream();
        }
        String text = response.aiMessage().text();
        listener.onToken(text);
        return reply(response, text, start);
    }

    private ChatReply reply(ChatResponse response, String text, Instant start) {
        TokenUsage usage = response.metadata() == null ? null : response.metadata().tokenUsage();
        return new ChatReply(text, settings.model(),
                usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount(),
                usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount(),
                1, Duration.between(start, clock.instant()));
    }

    /** @param attempt the stream to abort when we stop waiting; null for a plain call */
    private ChatResponse await(CompletableFuture<ChatResponse> result, StreamAttempt attempt, Instant deadline) {
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
            if (attempt != null && probe.applies() && limit > PROBE_AFTER_MILLIS) {
                try {
                    return result.get(PROBE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException quiet) {
                    Optional<java.net.ConnectException> refused = attempt.started() ? Optional.empty() : probe.refused();
                    if (refused.isPresent()) {
                        LOG.info("llm endpoint {} refuses connections and the library reported nothing; failing the "
                                + "attempt now rather than at llm.timeout", endpoint.host());
                        abort(result, attempt);
                        throw errors.classify(refused.get(), false);
                    }
                    limit -= PROBE_AFTER_MILLIS;
                }
            }
            return result.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            abort(result, attempt);
            throw deadlineFirst
                    ? new LlmException(LlmException.Kind.DEADLINE, "No answer before the review's deadline "
                            + "(llm.deadline): the answer was cut off there", 0, -1, e)
                    : errors.timeout();
        } catch (ExecutionException e) {
            throw errors.classify(e.getCause(), attempt != null && attempt.started());
        } catch (InterruptedException e) {
            abort(result, attempt);
            Thread.currentThread().interrupt();
            throw StreamAttempt.cancelled();
        }
    }

    private static void abort(CompletableFuture<ChatResponse> result, StreamAttempt attempt) {
        if (attempt != null) {
            attempt.abort();
        } else {
            result.cancel(false);
        }
    }

    /** Built on first use: creating the HTTP client costs start-up time a session without a review never needs. */
    private StreamingChatModel streamingModel() {
        StreamingChatModel m = model;
        if (m == null) {
            synchronized (this) {
                if (model == null) {
                    var b = OpenAiOfficialStreamingChatModel.builder().baseUrl(endpoint.baseUrl())
                            .apiKey(settings.apiKey()).modelName(settings.model()).timeout(settings.timeout())
                            .maxRetries(0).temperature(settings.temperature());
                    model = gated(settings.maxOutputTokens() > 0 ? b.maxCompletionTokens(settings.maxOutputTokens()) : b);
                }
                m = model;
            }
        }
        return m;
    }

    /**
     * The library's model as its builder makes it, with the SDK's stream handlers on {@link #gate}. The library's own
     * client is kept and only re-optioned: a client handed to the builder skips the builder's settings.
     */
    private StreamingChatModel gated(OpenAiOfficialStreamingChatModel.Builder builder) {
        return new OpenAiOfficialStreamingChatModel(builder) {
            {
                asyncClient = asyncClient.withOptions(options -> options.streamHandlerExecutor(gate));
            }
        };
    }

    /** The same settings for a server that does not stream (rare: built only when one is met). */
    private synchronized ChatModel plainModel() {
        if (plainModel == null) {
            var b = OpenAiOfficialChatModel.builder().baseUrl(endpoint.baseUrl())
                    .apiKey(settings.apiKey()).modelName(settings.model()).timeout(settings.timeout())
                    .maxRetries(0).temperature(settings.temperature());
            plainModel = (settings.maxOutputTokens() > 0 ? b.maxCompletionTokens(settings.maxOutputTokens()) : b)
                    .build();
        }
        return plainModel;
    }

    static List<dev.langchain4j.data.message.ChatMessage> toLangChain(List<ChatMessage> messages) {
        return messages.stream().map(m -> switch (m.role()) {
            case SYSTEM -> (dev.langchain4j.data.message.ChatMessage) SystemMessage.from(m.content());
            case USER -> UserMessage.from(m.content());
            case ASSISTANT -> AiMessage.from(m.content());
        }).toList();
    }
}
