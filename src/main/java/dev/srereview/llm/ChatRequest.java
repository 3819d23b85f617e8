package dev.srereview.llm;

import java.time.Instant;
import java.util.List;

/**
 * A request: a correlation id for logs, the whole conversation to send, and the instant by which the
 * whole review must be done (retries and waits stop there); {@code deadline} null means none.
 */
public record ChatRequest(String requestId, List<ChatMessage> messages, Instant deadline) {
    public ChatRequest {
        messages = List.copyOf(messages);
    }

    public ChatRequest(String requestId, List<ChatMessage> messages) {
        this(requestId, messages, null);
    }
}
