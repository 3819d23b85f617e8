package dev.srereview.chat;

import dev.srereview.config.logging.LogKeys;
import dev.srereview.llm.CancelToken;
import dev.srereview.llm.ChatClient;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.ChatReply;
import dev.srereview.llm.ChatRequest;
import dev.srereview.llm.LlmException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A line that is not a command: a question in the same conversation, answered as it streams.
 * Ctrl-C cancels it and the partial answer is dropped; without an LLM, an honest offline answer.
 */
final class FollowUps {
    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

    private final ChatSession session;
    private final ChatServices services;

    FollowUps(ChatSession session, ChatServices services) {
        this.session = session;
        this.services = services;
    }

    void ask(String rawQuestion) {
        PrintWriter out = session.out();
        // The user may paste a secret: it never reaches the model, the transcript or the log.
        String question = services.redactor().redactText(rawQuestion);
        Optional<ChatClient> client = session.chatClient();
        if (client.isEmpty()) {
            String answer = OfflineAnswers.answer(question, session.lastRun().orElse(null));
            out.println(answer);
            out.flush();
            // Recorded like any answer, so the transcript holds what the student was told.
            session.answered(question, new ChatReply(answer, "offline", 0, 0, 0, Duration.ZERO));
            return;
        }
        Conversation conversation = session.conversation();
        if (conversation.isEmpty()) {
            out.println("No review in this conversation yet: run /review-deployment [PATH] first, then ask about it.");
            out.flush();
            return;
        }
        ChatMessage user = ChatMessage.user(question);
        String requestId = "f-" + UUID.randomUUID().toString().substring(0, 8);
        ChatRequest request = new ChatRequest(requestId, conversation.with(user),
                Instant.now().plus(session.settings().llm().deadline()));
        CancelToken cancel = new CancelToken();
        StreamPrinter printer = new StreamPrinter(out);
        MDC.put(LogKeys.REQUEST, requestId);
        LOG.info("follow-up: {} chars, {} messages of context", question.length(), request.messages().size());
        try (Interrupts interrupts = Interrupts.cancelOnCtrlC(session.terminal(), cancel)) {
            ChatReply reply = client.get().chat(request, printer, cancel);
            if (cancel.isCancelled()) {
                throw new LlmException(LlmException.Kind.CANCELLED, "cancelled");
            }
            printer.finish(reply.text());
            conversation.addTurn(user, ChatMessage.assistant(reply.text()));
            session.counters().followUps.incrementAndGet();
            session.answered(question, reply);
        } catch (LlmException e) {
            printer.endLine();
            if (e.kind() == LlmException.Kind.CANCELLED || cancel.isCancelled()) {
                session.counters().cancelled.incrementAndGet();
                out.println("(cancelled: the partial answer was dropped from the conversation)");
                session.notifyListeners(l -> l.cancelled("follow-up"));
            } else {
                LOG.warn("follow-up {} failed: {} {}", requestId, e.kind(), e.getMessage());
                out.println(e.getMessage());
                session.notifyListeners(l -> l.failed(e.getMessage()));
            }
        } finally {
            MDC.remove(LogKeys.REQUEST);
            out.flush();
        }
    }

    /** Prints streamed text as it arrives; prints the whole answer at the end if nothing was streamed. */
    private static final class StreamPrinter implements dev.srereview.llm.TokenListener {
        private final PrintWriter out;
        private volatile boolean any;
        private volatile boolean atLineStart = true;

        StreamPrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void onToken(String text) {
            if (text == null || text.isEmpty()) {
                return;
            }
            synchronized (out) {
                out.print(text);
                out.flush();
            }
            any = true;
            atLineStart = text.endsWith("\n");
        }

        void finish(String whole) {
            if (!any && whole != null) {
                out.print(whole);
                atLineStart = whole.endsWith("\n");
            }
            endLine();
        }

        void endLine() {
            if (!atLineStart) {
                out.println();
                atLineStart = true;
            }
        }
    }
}
