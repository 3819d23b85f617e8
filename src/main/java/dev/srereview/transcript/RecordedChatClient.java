package dev.srereview.transcript;

import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import dev.srereview.llm.LlmException;
import dev.srereview.llm.Role;
import dev.srereview.llm.TokenListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A chat model that serves a recorded session's replies in order, streamed word by word, with no network:
 * end-to-end chat tests (and demos) run against it. A follow-up's reply is only served to the same question;
 * a review's reply to any review request (its evidence may differ by a line).
 */
public final class RecordedChatClient implements ChatClient {
    /** One recorded reply; {@code question} null means "serve to any request". */
    public record Recorded(String question, String reply) {
    }

    private final String model;
    private final Deque<Recorded> replies;
    private final List<ChatRequest> requests = new ArrayList<>();

    public RecordedChatClient(String model, List<Recorded> replies) {
        this.model = model;
        this.replies = new ArrayDeque<>(replies);
    }

    /** The replies a transcript recorded: each review as accepted, then each answered follow-up, in order. */
    public static RecordedChatClient from(Transcript transcript) {
        List<Recorded> out = new ArrayList<>();
        for (TranscriptEvent e : transcript.events()) {
            if (e instanceof TranscriptEvent.ReviewRecorded r) {
                String reply = r.turns().stream().filter(m -> m.role() == Role.ASSISTANT).map(ChatMessage::content)
                        .reduce((a, b) -> b).orElse(r.outcome().markdown());
                out.add(new Recorded(null, reply));
            } else if (e instanceof TranscriptEvent.FollowUp f && f.answer() != null) {
                out.add(new Recorded(f.question(), f.answer()));
            }
        }
        String model = transcript.lastReview().map(o -> o.model()).orElse(transcript.header().model());
        return new RecordedChatClient(model == null ? "recorded" : model, out);
    }

    @Override
    public synchronized ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel) {
        requests.add(request);
        if (cancel != null && cancel.isCancelled()) {
            throw new LlmException(LlmException.Kind.CANCELLED, "Cancelled");
        }
        Recorded next = replies.poll();
        if (next == null) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, "The recorded session has no more replies");
        }
        String asked = lastUser(request);
        if (next.question() != null && !next.question().strip().equals(asked == null ? null : asked.strip())) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE,
                    "The recorded session answered \"" + next.question() + "\" here, not \"" + asked + "\"");
        }
        for (String piece : next.reply().split("(?<= )")) {
            if (cancel != null && cancel.isCancelled()) {
                throw new LlmException(LlmException.Kind.CANCELLED, "Cancelled");
            }
            listener.onToken(piece);
        }
        int in = request.messages().stream().mapToInt(m -> m.content().length() / 4).sum();
        return new ChatReply(next.reply(), model, in, next.reply().length() / 4, 1, Duration.ZERO);
    }

    @Override
    public String model() {
        return model;
    }

    /** What was asked so far, for assertions. */
    public synchronized List<ChatRequest> requests() {
        return List.copyOf(requests);
    }

    public synchronized int remaining() {
        return replies.size();
    }

    private static String lastUser(ChatRequest request) {
        List<ChatMessage> m = request.messages();
        for (int i = m.size() - 1; i >= 0; i--) {
            if (m.get(i).role() == Role.USER) {
                return m.get(i).content();
            }
        }
        return null;
    }
}
