package dev.srereview.review;

import dev.srereview.context.TokenCounter;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the model for the review, validates each reply, and re-asks with the exact violations, at most
 * {@code maxRepairs} times and within the token budget. Validate before printing: nothing invalid leaves here.
 */
final class LlmReviewer {
    private static final Logger log = LoggerFactory.getLogger(LlmReviewer.class);

    sealed interface Result permits Accepted, Rejected {
    }

    /** A reply that meets the contract; {@code conversation} ends with it as the assistant's turn. */
    record Accepted(Review review, String model, int repairs, List<String> warnings, List<ChatMessage> conversation)
            implements Result {
    }

    /** Every reply broke the contract; {@code reason} is one line for the fallback banner. */
    record Rejected(String reason, List<String> violations, int repairs, String lastRaw) implements Result {
    }

    private final ChatClient client;
    private final ReviewValidator validator;
    private final ReaskPrompt reask;
    private final TokenCounter counter;
    private final int maxRepairs;
    private final int maxTokens;

    LlmReviewer(ChatClient client, ReviewValidator validator, ReaskPrompt reask, TokenCounter counter, int maxRepairs,
                int maxTokens) {
        this.client = client;
        this.validator = validator;
        this.reask = reask;
        this.counter = counter;
        this.maxRepairs = maxRepairs;
        this.maxTokens = maxTokens;
    }

    /** @throws dev.srereview.llm.LlmException when a call fails (the caller decides about the fallback) */
    Result run(String system, String user, CitablePaths citable, Instant deadline, ReviewListener listener,
               CancelToken cancel) {
        List<ChatMessage> conversation = new ArrayList<>(List.of(ChatMessage.system(system), ChatMessage.user(user)));
        Set<String> danglingSeen = new LinkedHashSet<>();
        String reviewId = UUID.randomUUID().toString().substring(0, 8);
        for (int repairs = 0; ; repairs++) {
            listener.stage(repairs == 0 ? "asking " + client.model() : "re-asking " + client.model()
                    + " (" + repairs + "/" + maxRepairs + ")");
            String requestId = reviewId + "-" + repairs;
            ChatReply reply = client.chat(new ChatRequest(requestId, conversation, deadline),
                    new TokenCounting(listener), cancel);
            listener.stage("validating");
            ValidationReport report = validator.validate(reply.text(), citable);
            // the warnings returned are the accepted reply's own: a rejected reply's dangling citation is history
            // (the log keeps it), and repairs says a re-ask happened
            List<String> warnings = report.warnings();
            // The validator already words one warning per dangling path; a path is re-asked about once only.
            List<String> newDangling = report.danglingCitations().stream().filter(danglingSeen::add).toList();
            log.info("review reply requestId={} model={} repair={} violations={} dangling={}", requestId,
                    reply.model(), repairs, report.violations().size(), report.danglingCitations().size());
            boolean wantsRepair = !report.valid() || !newDangling.isEmpty();
            if (!wantsRepair) {
                conversation.add(ChatMessage.assistant(reply.text()));
                return new Accepted(report.review(), reply.model(), repairs, List.copyOf(warnings), conversation);
            }
            if (repairs >= maxRepairs) {
                return finish(report, reply, repairs, warnings, conversation,
                        "the model's reply still broke the review format after " + repairs + " re-asks");
            }
            List<ChatMessage> next = new ArrayList<>(conversation);
            next.add(ChatMessage.assistant(reply.text()));
            next.add(ChatMessage.user(reask.build(report.violations(), newDangling)));
            if (tokens(next) > maxTokens) {
                return finish(report, reply, repairs, warnings, conversation,
                        "a re-ask would exceed context.maxTokens (" + maxTokens + ")");
            }
            conversation = next;
        }
    }

    /** Out of repairs: a reply whose only fault is a dangling citation is still a valid review (with a warning). */
    private static Result finish(ValidationReport report, ChatReply reply, int repairs, List<String> warnings,
                                 List<ChatMessage> conversation, String why) {
        if (report.valid()) {
            List<ChatMessage> done = new ArrayList<>(conversation);
            done.add(ChatMessage.assistant(reply.text()));
            return new Accepted(report.review(), reply.model(), repairs, List.copyOf(warnings), done);
        }
        String first = report.violations().isEmpty() ? "unparseable reply" : report.violations().get(0);
        return new Rejected(why + " (" + first + ")", report.violations(), repairs, reply.text());
    }

    private int tokens(List<ChatMessage> messages) {
        return messages.stream().mapToInt(m -> counter.count(m.content())).sum();
    }

    /** Streams token counts to the progress line; the text itself is not shown until it is validated. */
    private static final class TokenCounting implements dev.srereview.llm.TokenListener {
        private final ReviewListener listener;
        private int count;

        TokenCounting(ReviewListener listener) {
            this.listener = listener;
        }

        @Override
        public void onToken(String text) {
            count++;
            listener.tokensReceived(count);
        }

        /** A retried attempt starts the answer again: the count restarts with it. */
        @Override
        public void onRetry(int attempt, int maxAttempts, String reason) {
            count = 0;
            listener.tokensReceived(0);
            listener.stage("retrying (" + attempt + "/" + maxAttempts + "): " + reason);
        }
    }
}
