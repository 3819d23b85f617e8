package dev.srereview.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One streamed answer in flight: forwards partials to the listener, completes a future, and aborts the HTTP stream
 * on cancel. LangChain4j hands out the stream's handle only with a partial, so a cancel before the first chunk ends
 * the call at once for the caller and closes the stream when its first chunk arrives (or the SDK timeout fires).
 */
final class StreamAttempt implements StreamingChatResponseHandler {
    private final TokenListener listener;
    private final OpenAiErrors errors;
    private final CompletableFuture<ChatResponse> result = new CompletableFuture<>();
    private final AtomicReference<StreamingHandle> handle = new AtomicReference<>();
    private final StringBuilder text = new StringBuilder();
    private volatile boolean started;
    private volatile boolean silent;
    private volatile boolean raced;

    StreamAttempt(TokenListener listener, OpenAiErrors errors) {
        this.listener = listener;
        this.errors = errors;
    }

    static LlmException cancelled() {
        return new LlmException(LlmException.Kind.CANCELLED, "Cancelled: the partial answer was dropped");
    }

    CompletableFuture<ChatResponse> result() {
        return result;
    }

    boolean started() {
        return started;
    }

    /** The body ended without a single chat chunk: the server may not stream at all. */
    boolean silent() {
        return silent;
    }

    /**
     * LangChain4j 1.11 stores the stream's handle only after {@code subscribe} returns; a chunk that a fast (local)
     * server delivers before that fails inside the library with "streamingHandle cannot be null", before it reaches
     * us. Nothing was shown and the text is incomplete: the adapter asks again, once.
     */
    boolean raced() {
        return raced;
    }

    synchronized String text() {
        return text.toString();
    }

    void cancel() {
        if (result.completeExceptionally(cancelled())) {
            closeStream();
        }
    }

    /** Our own time limit fired: stop reading. */
    void abort() {
        result.cancel(false);
        closeStream();
    }

    private void closeStream() {
        StreamingHandle h = handle.get();
        if (h != null && !h.isCancelled()) {
            h.cancel();
        }
    }

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
        handle.compareAndSet(null, context.streamingHandle());
        if (result.isDone()) {
            // Cancelled or timed out before this chunk: now that we hold the handle, close the stream.
            closeStream();
            return;
        }
        started = true;
        String piece = partial.text();
        synchronized (this) {
            text.append(piece);
        }
        listener.onToken(piece);
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
        if (response.metadata() == null || response.metadata().finishReason() == null) {
            // The SDK ends quietly when the body stops without finish_reason or [DONE]: that answer is truncated.
            silent = !started;
            result.completeExceptionally(started ? errors.cutOff() : errors.emptyStream());
            return;
        }
        result.complete(response);
    }

    @Override
    public void onError(Throwable error) {
        if (!started && error instanceof IllegalArgumentException
                && String.valueOf(error.getMessage()).contains("streamingHandle")) {
            raced = true;
        }
        result.completeExceptionally(errors.classify(error, started));
    }
}
