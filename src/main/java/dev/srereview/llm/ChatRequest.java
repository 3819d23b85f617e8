package dev.srereview.llm;

import java.util.List;

/** A request: a correlation id for logs, and the whole conversation to send. */
public record ChatRequest(String requestId, List<ChatMessage> messages) {
    public ChatRequest {
        messages = List.copyOf(messages);
    }
}
