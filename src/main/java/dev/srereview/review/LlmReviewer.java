package dev.srereview.review;

import dev.srereview.context.TokenCounter;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * A reply in the review format; {@code conversation} ends with it as the assistant's turn. {@code valid} is false
     * when it still cites paths that are not in the reviewed tree after the re-asks ran out: it is shown (with a
     * warning per path), but those citations are not evidence, so they are left out of the review's data.
     */
    record Accepted(Review review, String model, int repairs, List<String> warnings, List<ChatMessage> conversation,
                    boolean valid) implements Result {
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
            // a valid review cites only what exists (review-contract.md section 1): a dangling citation is re-asked
            // about like a violation, and the validator words one warning per dangling path of the reply
            List<String> dangling = report.danglingCitations();
            log.info("review reply requestId={} model={} repair={} violations={} dangling={}", requestId,
                    reply.model(), repairs, report.violations().size(), dangling.size());
            boolean wantsRepair = !report.valid() || !dangling.isEmpty();
            if (!wantsRepair) {
                conversation.add(ChatMessage.assistant(reply.text()));
                return new Accepted(report.review(), reply.model(), repairs, List.copyOf(warnings), conversation, true);
            }
            if (repairs >= maxRepairs) {
                return finish(report, reply, repairs, warnings, conversation,
                        "the model's reply still broke the review format after " + repairs + " re-asks");
            }
            List<ChatMessage> next = new ArrayList<>(conversation);
            next.add(ChatMessage.assistant(reply.text()));
            next.add(ChatMessage.user(reask.build(report.violations(), dangling)));
            if (tokens(next) > maxTokens) {
                return finish(report, reply, repairs, warnings, conversation,
                        "a re-ask would exceed context.maxTokens (" + maxTokens + ")");
            }
            conversation = next;
        }
    }

    /**
     * Out of repairs (or of budget for one): a reply in the format whose only fault is a dangling citation is shown,
     * marked not valid, with its warnings, and without the dangling citations in its evidence; any other fault is
     * a rejection (the offline review stands in).
     */
    private static Result finish(ValidationReport report, ChatReply reply, int repairs, List<String> warnings,
                                 List<ChatMessage> conversation, String why) {
        if (report.valid()) {
            log.warn("review reply accepted as not valid: {}; dangling citations {}", why, report.danglingCitations());
            List<ChatMessage> done = new ArrayList<>(conversation);
            done.add(ChatMessage.assistant(reply.text()));
            return new Accepted(withoutCitations(report.review(), report.danglingCitations()), reply.model(), repairs,
                    List.copyOf(warnings), done, false);
        }
        String first = report.violations().isEmpty() ? "unparseable reply" : report.violations().get(0);
        return new Rejected(why + " (" + first + ")", report.violations(), repairs, reply.text());
    }

    /**
     * The review with each risk's evidence minus the dangling citations: a missing path is dropped, a line past the
     * end of a file that exists becomes a citation of the file. (The sections' text stays as the model wrote it; the
     * warnings name what it cites wrongly.)
     */
    static Review withoutCitations(Review review, List<String> dangling) {
        Set<String> gone = Set.copyOf(dangling);
        List<Risk> risks = review.risks().stream().map(r -> new Risk(r.severity(), r.title(), r.scenario(), r.impact(),
                r.detection(), r.mitigation(), r.monitoring(), r.evidence().stream()
                .filter(c -> !gone.contains(c.path()))
                .map(c -> gone.contains(c.toString()) ? new Citation(c.path(), null) : c)
                .distinct().toList())).toList();
        return new Review(review.score(), risks, review.missingObservability(), review.resourceConcerns(),
                review.checklist());
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
