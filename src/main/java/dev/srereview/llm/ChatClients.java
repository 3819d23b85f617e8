package dev.srereview.llm;

import dev.srereview.config.Settings;
import java.util.Optional;

/** Builds the guarded client from settings; empty when there is no key (the offline reviewer runs). */
public final class ChatClients {
    private ChatClients() {
    }

    /**
     * @throws IllegalArgumentException when {@code llm.baseUrl} is not an http(s) URL (one line, names the value)
     */
    public static Optional<ChatClient> create(Settings.Llm settings, LlmStats stats) {
        if (!settings.hasKey()) {
            return Optional.empty();
        }
        return Optional.of(new ResilientChatClient(new OpenAiChatClient(settings), settings, stats));
    }
}
