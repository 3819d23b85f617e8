package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.config.Settings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatClientsTest {
    private static Settings.Llm withKey(String key) {
        return new Settings.Llm("https://api.openai.com/v1", "gpt-4o-mini", key, Duration.ofSeconds(60), 3,
                Duration.ofMinutes(3), Duration.ofSeconds(1), 2.0, Duration.ofSeconds(20), 5, 10,
                Duration.ofSeconds(30), 20, 0.2, 4096);
    }

    @Test
    void noKeyMeansOffline() {
        assertThat(ChatClients.create(withKey(null), new LlmStats())).isEmpty();
        assertThat(ChatClients.create(withKey("  "), new LlmStats())).isEmpty();
    }

    @Test
    void aKeyGivesTheGuardedClientWithoutCallingAnything() {
        assertThat(ChatClients.create(withKey("sk-x"), new LlmStats()))
                .hasValueSatisfying(c -> {
                    assertThat(c).isInstanceOf(ResilientChatClient.class);
                    assertThat(c.model()).isEqualTo("gpt-4o-mini");
                });
    }
}
