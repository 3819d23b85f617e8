package dev.srereview.review;

import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.TokenListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A chat model that serves scripted replies (text, or an exception) and records every request it got. */
final class ScriptedChatClient implements ChatClient {
    private final Deque<Object> script = new ArrayDeque<>();
    final List<ChatRequest> requests = new ArrayList<>();

    ScriptedChatClient reply(String text) {
        script.add(text);
        return this;
    }

    ScriptedChatClient fail(LlmException e) {
        script.add(e);
        return this;
    }

    @Override
    public ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel) {
        requests.add(request);
        Object next = script.isEmpty() ? "(no more scripted replies)" : script.poll();
        if (next instanceof LlmException e) {
            throw e;
        }
        String text = (String) next;
        listener.onToken(text);
        return new ChatReply(text, model(), 100, 50, 1, Duration.ofMillis(5));
    }

    @Override
    public String model() {
        return "scripted-model";
    }
}
