package dev.srereview.chat;

import dev.srereview.llm.ChatReply;
import dev.srereview.review.ReviewRun;

/**
 * Observes a chat session as it happens (the transcript writer is one). Found through
 * {@code META-INF/services/dev.srereview.chat.SessionListener} or added to {@link ChatSession}.
 * Called on the REPL thread; a listener that fails is logged and the session goes on.
 */
public interface SessionListener {
    /** Before the first prompt: settings, session id, output are all available. */
    default void started(ChatContext context) {
    }

    /** A line the user typed (already redacted), command or question. */
    default void input(String line) {
    }

    /** A review finished and was shown. */
    default void reviewed(ReviewRun run) {
    }

    /** A follow-up was answered and added to the conversation ({@code question} redacted). */
    default void answered(String question, ChatReply reply) {
    }

    /** A request was cancelled with Ctrl-C ("review", "follow-up"); nothing was added. */
    default void cancelled(String what) {
    }

    /** A one-line error or fallback the user was shown. */
    default void failed(String line) {
    }

    /** The session ends (/exit, Ctrl-D, end of input). */
    default void ended() {
    }
}
