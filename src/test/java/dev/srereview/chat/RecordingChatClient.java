package dev.srereview.chat;

import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.TokenListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** A fake model: records every request, streams a scripted answer in two chunks; a hook can act mid-stream. */
final class RecordingChatClient implements ChatClient {
    final List<ChatRequest> requests = new ArrayList<>();
    final List<CancelToken> tokens = new ArrayList<>();
    /** Runs after the first chunk of the n-th call (0-based), e.g. to press Ctrl-C. */
    BiConsumer<Integer, CancelToken> midStream = (n, c) -> { };

    @Override
    public ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel) {
        int n = requests.size();
        requests.add(request);
        tokens.add(cancel);
        String answer = "Answer " + (n + 1) + " about the review.";
        listener.onToken(answer.substring(0, 7));
        midStream.accept(n, cancel);
        if (cancel.isCancelled()) {
            throw new LlmException(LlmException.Kind.CANCELLED, "cancelled");
        }
        listener.onToken(answer.substring(7));
        return new ChatReply(answer, model(), 10, 5, 1, Duration.ofMillis(3));
    }

    @Override
    public String model() {
        return "fake-model";
    }
}
