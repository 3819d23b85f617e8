package dev.srereview.llm;

/** The port to a chat model. Adapters speak a provider's wire format; decorators add resilience. */
public interface ChatClient {
    /**
     * Sends the conversation and returns the whole answer, streaming text to {@code listener} as it arrives.
     *
     * @throws LlmException with a one-line, user-facing reason; {@link LlmException.Kind#CANCELLED} after {@code cancel}
     */
    ChatReply chat(ChatRequest request, TokenListener listener, CancelToken cancel);

    /** The model name requests go to. */
    String model();
}
