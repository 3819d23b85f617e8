package dev.srereview.review;

import dev.srereview.context.PackedContext;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.llm.ChatMessage;
import java.util.List;

/**
 * One finished review and what a follow-up needs: the conversation so far (system persona, the review
 * request, the accepted review as the assistant's turn), the snapshot and what was sent.
 */
public record ReviewRun(ReviewOutcome outcome, List<ChatMessage> conversation, RepoSnapshot snapshot,
                        PackedContext context) {
    public ReviewRun {
        conversation = List.copyOf(conversation);
    }
}
