package dev.srereview.chat;

import dev.srereview.llm.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a follow-up sends: the review's conversation (persona, request, the accepted review),
 * then each answered question and its answer. A cancelled or failed turn is never added.
 */
public final class Conversation {
    private final List<ChatMessage> messages = new ArrayList<>();

    public Conversation() {
    }

    public Conversation(List<ChatMessage> start) {
        messages.addAll(start);
    }

    public synchronized List<ChatMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages plus one more turn, without adding it (the request to send). */
    public synchronized List<ChatMessage> with(ChatMessage next) {
        List<ChatMessage> out = new ArrayList<>(messages);
        out.add(next);
        return List.copyOf(out);
    }

    /** Adds a question and its complete answer together, so a turn is never half-recorded. */
    public synchronized void addTurn(ChatMessage question, ChatMessage answer) {
        messages.add(question);
        messages.add(answer);
    }

    public synchronized boolean isEmpty() {
        return messages.isEmpty();
    }

    public synchronized int size() {
        return messages.size();
    }
}
