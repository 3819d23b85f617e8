package dev.srereview.transcript;

import dev.srereview.llm.ChatMessage;
import dev.srereview.review.ReviewOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transcript as read back: its header, the events after it in order, and what the reader had to skip
 * (a truncated last line, an unknown event type), one line each.
 */
public record Transcript(Path path, TranscriptEvent.Header header, List<TranscriptEvent> events,
                         List<String> warnings) {
    public Transcript {
        events = List.copyOf(events);
        warnings = List.copyOf(warnings);
    }

    /** Every review in the session, oldest first. */
    public List<ReviewOutcome> reviews() {
        return events.stream()
                .filter(TranscriptEvent.ReviewRecorded.class::isInstance)
                .map(e -> ((TranscriptEvent.ReviewRecorded) e).outcome())
                .toList();
    }

    /** The session's last review, if it got that far. */
    public Optional<ReviewOutcome> lastReview() {
        List<ReviewOutcome> all = reviews();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The conversation a resumed session continues with the model: each review's turns (the request with its
     * evidence, the accepted review), then each answered follow-up as a user/assistant pair. The persona system
     * prompt is not included: prepend the current one (compare its hash with {@code header().personaSha256()}).
     */
    public List<ChatMessage> conversation() {
        List<ChatMessage> out = new ArrayList<>();
        for (TranscriptEvent e : events) {
            if (e instanceof TranscriptEvent.ReviewRecorded r) {
                if (r.turns().isEmpty()) {
                    // A transcript written without turns still resumes: the review stands in for the request.
                    out.add(ChatMessage.user("Review the deployment at " + r.outcome().target()));
                    out.add(ChatMessage.assistant(r.outcome().markdown() == null ? "" : r.outcome().markdown()));
                } else {
                    out.addAll(r.turns());
                }
            } else if (e instanceof TranscriptEvent.FollowUp f && f.answer() != null) {
                out.add(ChatMessage.user(f.question()));
                out.add(ChatMessage.assistant(f.answer()));
            }
        }
        return List.copyOf(out);
    }
}
